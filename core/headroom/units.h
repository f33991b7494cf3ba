// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <limits>
#include <optional>

namespace headroom {

/// All sizes in the engine are 64-bit byte counts; conversion to GiB/GB is for display only.
using Bytes = std::uint64_t;

inline constexpr Bytes KiB = 1024;
inline constexpr Bytes MiB = 1024 * KiB;
inline constexpr Bytes GiB = 1024 * MiB;
inline constexpr Bytes GB = 1000ULL * 1000ULL * 1000ULL;

/** Multiplication that reports overflow instead of wrapping: sizes come from untrusted files too. */
[[nodiscard]] inline std::optional<Bytes> checkedMul(Bytes a, Bytes b)
{
    if (a != 0 && b > std::numeric_limits<Bytes>::max() / a)
        return std::nullopt;
    return a * b;
}

[[nodiscard]] inline std::optional<Bytes> checkedAdd(Bytes a, Bytes b)
{
    if (b > std::numeric_limits<Bytes>::max() - a)
        return std::nullopt;
    return a + b;
}

/** Saturating add for totals that must never wrap (a wrapped total would read as "fits"). */
[[nodiscard]] inline Bytes saturatingAdd(Bytes a, Bytes b)
{
    return checkedAdd(a, b).value_or(std::numeric_limits<Bytes>::max());
}

[[nodiscard]] inline Bytes saturatingMul(Bytes a, Bytes b)
{
    return checkedMul(a, b).value_or(std::numeric_limits<Bytes>::max());
}

[[nodiscard]] inline constexpr double toGiB(Bytes b)
{
    return static_cast<double>(b) / static_cast<double>(GiB);
}

[[nodiscard]] inline constexpr Bytes padTo(Bytes value, Bytes multiple)
{
    return multiple == 0 ? value : (value + multiple - 1) / multiple * multiple;
}

} // namespace headroom
