// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/probe/detection.h"

#include <string_view>

namespace headroom::probe {

struct RocmGpu {
    std::string card; ///< "card0"
    Bytes total = 0;
    std::optional<Bytes> used;
};

struct RocmReading {
    std::vector<RocmGpu> gpus;
    bool malformed = false;
};

/**
 * `rocm-smi --showmeminfo vram --json`: {"card0": {"VRAM Total Memory (B)": "…", "VRAM Total Used Memory (B)": "…"}},
 * the figures as decimal strings (key names as rocm_smi.py prints them).
 */
[[nodiscard]] RocmReading parseRocmSmiJson(std::string_view text);

} // namespace headroom::probe
