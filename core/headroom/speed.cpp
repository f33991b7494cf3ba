// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/speed.h"

#include <algorithm>

namespace headroom {

const DecodeConstants &decodeConstants(SpeedClass c)
{
    // tests/data/speed.csv fit rows, 2026-12-02: 54 tgN rows (GDDR 22, HBM 14, Apple 6, APU 12).
    static constexpr DecodeConstants kGddr{0.863, 2.362e-3};
    static constexpr DecodeConstants kHbm{0.580, 3.448e-3};
    static constexpr DecodeConstants kApple{0.911, 7.079e-3};
    static constexpr DecodeConstants kApu{0.718, 0.237e-3};
    static constexpr DecodeConstants kHost{0.55, 0.0};
    switch (c) {
    case SpeedClass::Gddr: return kGddr;
    case SpeedClass::Hbm: return kHbm;
    case SpeedClass::AppleUnified: return kApple;
    case SpeedClass::SharedApu: return kApu;
    case SpeedClass::HostRam: return kHost;
    }
    return kGddr;
}

double decodeTokensPerSecond(const std::vector<SpeedSegment> &segments, bool concurrent)
{
    double seconds = 0.0;
    const SpeedSegment *first = nullptr;
    std::uint32_t devices = 0;
    for (const auto &s : segments) {
        if (s.bytesPerToken <= 0.0)
            continue;
        if (s.bandwidthGBs <= 0.0)
            return 0.0;
        const DecodeConstants &k = decodeConstants(s.speedClass);
        const double t = s.bytesPerToken / (s.bandwidthGBs * 1e9 * k.bandwidthEfficiency);
        seconds = concurrent ? std::max(seconds, t) : seconds + t;
        if (!first)
            first = &s;
        devices += s.speedClass == SpeedClass::HostRam ? 0 : 1;
    }
    if (!first)
        return 0.0;
    seconds += decodeConstants(first->speedClass).secondsPerToken + (devices > 1 ? (devices - 1) * kSecondsPerExtraDevice : 0.0);
    return 1.0 / seconds;
}

double prefillTokensPerSecond(const std::vector<SpeedSegment> &segments, double flopsPerToken, bool sixteenBit, bool concurrent)
{
    double bytes = 0.0;
    for (const auto &s : segments)
        bytes += s.bytesPerToken;
    if (bytes <= 0.0 || flopsPerToken <= 0.0)
        return 0.0;
    const double efficiency = sixteenBit ? kPrefillEfficiency16Bit : kPrefillEfficiencyQuantized;
    double seconds = 0.0;
    for (const auto &s : segments) {
        if (s.bytesPerToken <= 0.0)
            continue;
        if (s.fp16Tflops <= 0.0)
            return 0.0;
        const double t = flopsPerToken * (s.bytesPerToken / bytes) / (s.fp16Tflops * 1e12 * efficiency);
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
