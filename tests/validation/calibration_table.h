// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace headroom::validation {

/** What a row measured: one term of one device (or of the host), or a sum over the GPUs. */
struct Target {
    enum class Where { Device, Host, AllDevices };
    enum class What { Weights, Kv, Compute, Total, Buffers, Allocated, Resident };
    Where where = Where::Device;
    std::size_t device = 0; ///< Where::Device: the index in the placement
    What what = What::Total;
};

/**
 * "device0.weights", "device1.compute", "host.kv", "devices.total", "devices.allocated"... `buffers` is what a
 * llama.cpp log lists for one device (model + KV + compute buffers: no CUDA context), `total` what nvidia-smi
 * shows, `allocated` an allocator's peak (weights + KV + compute summed over the GPUs), `resident` what an allocator
 * still holds once a generation is over (weights + KV cache summed over the GPUs: the transient activations are
 * gone). Nothing for a malformed name.
 */
[[nodiscard]] std::optional<Target> parseTarget(const std::string &name);

/** The table's columns, in order. */
[[nodiscard]] const std::vector<std::string> &calibrationColumns();

struct Row {
    std::size_t line = 0;
    std::map<std::string, std::string> field;
    [[nodiscard]] const std::string &operator[](const std::string &name) const { return field.at(name); }
};

struct Table {
    std::vector<Row> rows;
    std::vector<std::string> problems; ///< "line N: what is wrong"
};

/** Reads and validates tests/data/calibration.csv; every problem names its line, so a bad row is never skipped silently. */
[[nodiscard]] Table readTable(const std::string &path);

} // namespace headroom::validation
