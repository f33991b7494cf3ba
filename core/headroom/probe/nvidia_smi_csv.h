// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/probe/detection.h"

#include <string_view>

namespace headroom::probe {

/** One row of `nvidia-smi --query-gpu=name,memory.total,memory.used,memory.free --format=csv,noheader,nounits`. */
struct SmiGpu {
    std::string name;
    std::optional<Bytes> total; ///< empty where nvidia-smi printed "[N/A]" (GB10)
    std::optional<Bytes> used;
    std::optional<Bytes> free;
};

struct SmiReading {
    std::vector<SmiGpu> gpus;
    std::vector<ProbeNote> notes;
};

/**
 * Parses the query's output. Also accepts a header line (then columns go by their names, in any order) and
 * "MiB" units, so a capture made without noheader,nounits reads the same; figures are MiB either way.
 */
[[nodiscard]] SmiReading parseNvidiaSmiCsv(std::string_view text);

} // namespace headroom::probe
