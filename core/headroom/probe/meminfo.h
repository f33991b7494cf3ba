// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/probe/detection.h"

#include <string_view>

namespace headroom::probe {

struct MeminfoReading {
    SystemMemory memory;
    bool malformed = false; ///< MemTotal missing or a figure unreadable
};

/** MemTotal and MemAvailable of /proc/meminfo text ("MemTotal:  16268680 kB"). */
[[nodiscard]] MeminfoReading parseMeminfo(std::string_view text);

} // namespace headroom::probe
