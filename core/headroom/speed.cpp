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

double prefillTokensPerSecond(const std::vector<SpeedSegment> &segments, double flopsPerToken, bool concurrent)
{
    double bytes = 0.0;
    for (const auto &s : segments)
        bytes += s.bytesPerToken;
    if (bytes <= 0.0 || flopsPerToken <= 0.0)
        return 0.0;
    double seconds = 0.0;
    for (const auto &s : segments) {
        if (s.bytesPerToken <= 0.0)
            continue;
        if (s.fp16Tflops <= 0.0)
            return 0.0;
        const double t = flopsPerToken * (s.bytesPerToken / bytes) / (s.fp16Tflops * 1e12 * kComputeEfficiency);
        seconds = concurrent ? std::max(seconds, t) : seconds + t;
    }
    return seconds > 0.0 ? 1.0 / seconds : 0.0;
}

double overNetwork(double tokensPerSecond, std::uint32_t hops)
{
    if (tokensPerSecond <= 0.0 || hops == 0)
        return tokensPerSecond;
    return 1.0 / (1.0 / tokensPerSecond + hops * kRpcHopSeconds);
}

} // namespace headroom
