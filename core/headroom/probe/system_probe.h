// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace headroom::probe {

/** What a command printed. A command that could not be started at all is an empty optional, not this. */
struct CommandResult {
    int exitCode = 0;
    std::string out; ///< standard output only; stderr is discarded
};

/** One GPU as NVML reports it; memory is empty where the driver does not report it (DGX Spark's GB10). */
struct NvmlGpu {
    std::string name;
    struct Memory {
        std::uint64_t total = 0;
        std::uint64_t free = 0;
        std::uint64_t used = 0;
    };
    std::optional<Memory> memory;
};

struct NvmlReading {
    enum class Status { NotLoaded, Failed, Ok };
    Status status = Status::NotLoaded;
    int errorCode = 0; ///< NVML's return code when status is Failed
    std::vector<NvmlGpu> gpus;
};

/**
 * Everything detection reads from the machine. The real one (LocalProbe) touches files, runs programs and
 * loads NVML; tests use FakeProbe with recorded outputs, so no test depends on the machine it runs on.
 */
class SystemProbe
{
public:
    virtual ~SystemProbe() = default;

    /** The file's text, or empty when it cannot be read. */
    [[nodiscard]] virtual std::optional<std::string> readFile(const std::string &path) const = 0;
    /** Entry names in a directory (no "." or ".."), sorted; empty when it cannot be listed. */
    [[nodiscard]] virtual std::vector<std::string> listDirectory(const std::string &path) const = 0;
    /** Runs argv[0] from PATH with the rest as arguments (no shell); empty when it cannot be started. */
    [[nodiscard]] virtual std::optional<CommandResult> run(const std::vector<std::string> &argv) const = 0;
    /** NVML through dlopen("libnvidia-ml.so.1"): never a link-time dependency. */
    [[nodiscard]] virtual NvmlReading nvml() const = 0;
};

} // namespace headroom::probe
