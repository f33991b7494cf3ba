// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/speed.h"

#include <algorithm>

namespace headroom {

double decodeTokensPerSecond(const std::vector<SpeedSegment> &segments, bool concurrent)
{
    double seconds = 0.0;
    for (const auto &s : segments) {
        if (s.bytesPerToken <= 0.0)
            continue;
        if (s.bandwidthGBs <= 0.0)
            return 0.0;
        const double t = s.bytesPerToken / (s.bandwidthGBs * 1e9 * kBandwidthEfficiency);
        seconds = concurrent ? std::max(seconds, t) : seconds + t;
    }
    return seconds > 0.0 ? 1.0 / seconds : 0.0;
}

} // namespace headroom
