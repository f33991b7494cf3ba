// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace headroom {

/** Bytes one decoded token reads from one memory, and how fast that memory is. */
struct SpeedSegment {
    double bytesPerToken = 0.0;
    double bandwidthGBs = 0.0;
};

/**
 * Decode speed is memory-bound: each token streams the active weights and its KV once. Segments run one
 * after another (layer split, CPU offload) unless `concurrent` (tensor parallel), where the slowest
 * segment sets the pace. Achieved bandwidth is 55 % of the datasheet figure (llmfit's calibrated
 * constant; normiebench measured 57 % on an M1 Max and 86 % on an M4: brand-o/normiebench issues #40 and #3).
 */
[[nodiscard]] double decodeTokensPerSecond(const std::vector<SpeedSegment> &segments, bool concurrent);

/** Host memory bandwidth when none is given: dual-channel DDR5-5600, 2 x 8 B x 5600 MT/s = 89.6 GB/s (JEDEC). */
inline constexpr double kDefaultHostBandwidthGBs = 89.6;
inline constexpr double kBandwidthEfficiency = 0.55;
inline constexpr const char *kDefaultHostBandwidthSource = "dual-channel DDR5-5600: 2 x 8 B x 5600 MT/s = 89.6 GB/s (JEDEC)";
inline constexpr const char *kBandwidthEfficiencySource =
    "llmfit's calibrated 55 % of datasheet bandwidth; normiebench measured 57 % on an M1 Max and 86 % on an M4 (brand-o/normiebench "
    "issues #40 and #3)";

} // namespace headroom
