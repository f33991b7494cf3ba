// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/probe/system_probe.h"

#include <map>

namespace headroom::probe {

/** A machine made of recorded outputs: files by path, command outputs by their joined argv, an NVML reading. */
class FakeProbe : public SystemProbe
{
public:
    void setFile(const std::string &path, std::string text) { m_files[path] = std::move(text); }
    /** `command` is argv joined by single spaces, e.g. "sysctl -n hw.memsize". */
    void setCommand(const std::string &command, CommandResult result) { m_commands[command] = std::move(result); }
    void setNvml(NvmlReading reading) { m_nvml = std::move(reading); }

    [[nodiscard]] std::optional<std::string> readFile(const std::string &path) const override;
    [[nodiscard]] std::vector<std::string> listDirectory(const std::string &path) const override;
    [[nodiscard]] std::optional<CommandResult> run(const std::vector<std::string> &argv) const override;
    [[nodiscard]] NvmlReading nvml() const override { return m_nvml; }

    /** Every command detection asked for, in order (tests check what was run). */
    [[nodiscard]] const std::vector<std::string> &commandsRun() const { return m_ran; }

private:
    std::map<std::string, std::string> m_files;
    std::map<std::string, CommandResult> m_commands;
    NvmlReading m_nvml;
    mutable std::vector<std::string> m_ran;
};

} // namespace headroom::probe
