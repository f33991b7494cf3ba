// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/probe/detection.h"
#include "headroom/probe/system_probe.h"

namespace headroom::probe {

/**
 * An Apple Silicon Mac through `sysctl -n`: machdep.cpu.brand_string ("Apple M1 Max"), hw.memsize (bytes) and
 * iogpu.wired_limit_mb (MiB; 0 = macOS's default limit). Empty when the brand string is not an Apple chip
 * (an Intel Mac, or Linux, where these keys do not exist).
 */
[[nodiscard]] std::optional<DetectedDevice> readAppleSilicon(const SystemProbe &probe, std::string &cpuName, std::vector<ProbeNote> &notes);

} // namespace headroom::probe
