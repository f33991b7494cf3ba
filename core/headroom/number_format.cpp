// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/number_format.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace headroom {
namespace {

constexpr double kLog10Of2 = 0.30102999566398120;

/** Value of a float pattern's magnitude; nullopt for infinity and NaN codes. */
std::optional<double> floatMagnitude(const NumberFormat &f, std::uint32_t exponent, std::uint32_t mantissa)
{
    const std::uint32_t allOnesExp = (1U << f.exponentBits) - 1;
    const std::uint32_t allOnesMant = (1U << f.mantissaBits) - 1;
    if (f.specials == SpecialValues::Ieee && exponent == allOnesExp)
        return std::nullopt;
    if (f.specials == SpecialValues::NanOnly && exponent == allOnesExp && mantissa == allOnesMant)
        return std::nullopt;
    const double fraction = std::ldexp(static_cast<double>(mantissa), -static_cast<int>(f.mantissaBits));
    if (exponent == 0 && f.subnormals) // subnormal: 0.m x 2^(1 - bias)
        return std::ldexp(fraction, 1 - f.bias);
    return std::ldexp(1.0 + fraction, static_cast<int>(exponent) - f.bias);
}

NumberRange floatRange(const NumberFormat &f)
{
    NumberRange r;
    const std::uint32_t allOnesExp = (1U << f.exponentBits) - 1;
    const std::uint32_t allOnesMant = (1U << f.mantissaBits) - 1;
    // The largest finite pattern: IEEE gives up the whole top exponent; "fn" only its all-ones mantissa (with no
    // mantissa bits that is the whole top code, E8M0's 0xFF); with no specials every pattern is a number.
    std::uint32_t topExp = allOnesExp;
    std::uint32_t topMant = allOnesMant;
    if (f.specials == SpecialValues::Ieee || (f.specials == SpecialValues::NanOnly && f.mantissaBits == 0))
        topExp = allOnesExp - 1;
    else if (f.specials == SpecialValues::NanOnly)
        topMant = allOnesMant - 1;
    r.maxFinite = *floatMagnitude(f, topExp, topMant);
    r.minValue = f.signBits > 0 ? -r.maxFinite : *floatMagnitude(f, 0, 0);
    r.minNormal = std::ldexp(1.0, (f.subnormals ? 1 : 0) - f.bias);
    if (f.subnormals && f.mantissaBits > 0)
        r.minSubnormal = std::ldexp(1.0, 1 - f.bias - static_cast<int>(f.mantissaBits));
    r.minPositive = r.minSubnormal.value_or(*r.minNormal);
    r.relativeStep = std::ldexp(1.0, -static_cast<int>(f.mantissaBits));
    r.decimalDigits = (f.mantissaBits + 1) * kLog10Of2;
    r.infinity = f.specials == SpecialValues::Ieee;
    r.nan = f.specials != SpecialValues::None;
    return r;
}

NumberRange integerRange(const NumberFormat &f)
{
    NumberRange r;
    const double levels = std::ldexp(1.0, static_cast<int>(f.bits));
    r.maxFinite = f.isSigned ? levels / 2 - 1 : levels - 1;
    r.minValue = f.isSigned ? -levels / 2 : 0;
    r.minPositive = 1;
    r.relativeStep = 1 / r.maxFinite; // one step of the largest value
    r.decimalDigits = f.bits * kLog10Of2;
    return r;
}

NumberRange lookupRange(const NumberFormat &f)
{
    NumberRange r;
    std::vector<double> v = f.values;
    std::sort(v.begin(), v.end());
    r.maxFinite = v.back();
    r.minValue = v.front();
    r.minPositive = r.maxFinite;
    double coarsest = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] > 0)
            r.minPositive = std::min(r.minPositive, v[i]);
        if (i > 0)
            coarsest = std::max(coarsest, v[i] - v[i - 1]);
    }
    const double span = std::max(std::abs(r.maxFinite), std::abs(r.minValue));
    r.relativeStep = span > 0 ? coarsest / span : 0;
    r.decimalDigits = f.bits * kLog10Of2;
    return r;
}

} // namespace

std::uint32_t storageBits(const NumberFormat &f)
{
    switch (f.kind) {
    case NumberKind::Float: return f.signBits + f.exponentBits + f.mantissaBits;
    case NumberKind::Integer:
    case NumberKind::Lookup: return f.bits;
    case NumberKind::Block: return 0; // its element's: see bitsPerElement
    }
    return 0;
}

NumberRange numberRange(const NumberFormat &f)
{
    switch (f.kind) {
    case NumberKind::Float: return floatRange(f);
    case NumberKind::Integer: return integerRange(f);
    case NumberKind::Lookup: return lookupRange(f);
    case NumberKind::Block: break;
    }
    return {};
}

std::vector<double> representableValues(const NumberFormat &f)
{
    const std::uint32_t width = storageBits(f);
    if (width == 0 || width > 8)
        return {};
    std::set<double> unique;
    if (f.kind == NumberKind::Lookup) {
        unique.insert(f.values.begin(), f.values.end());
    } else if (f.kind == NumberKind::Integer) {
        const NumberRange r = integerRange(f);
        for (double v = r.minValue; v <= r.maxFinite; v += 1)
            unique.insert(v);
    } else {
        for (std::uint32_t e = 0; e < (1U << f.exponentBits); ++e)
            for (std::uint32_t m = 0; m < (1U << f.mantissaBits); ++m)
                if (const auto v = floatMagnitude(f, e, m)) {
                    unique.insert(*v);
                    if (f.signBits > 0)
                        unique.insert(-*v);
                }
    }
    return {unique.begin(), unique.end()};
}

double bitsPerElement(const NumberFormat &f, const NumberFormat &element, const NumberFormat *scale)
{
    double bits = storageBits(element);
    if (f.block && f.block->size > 0 && scale)
        bits += static_cast<double>(storageBits(*scale)) / f.block->size;
    return bits;
}

} // namespace headroom
