// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace headroom {

/** How a format's bits become a number (number_formats.json `kind`). */
enum class NumberKind : std::uint8_t {
    Float,   ///< sign, exponent, mantissa
    Integer, ///< two's complement (or unsigned) integer
    Lookup,  ///< an index into a table of fixed values (NF4)
    Block,   ///< elements of another format sharing one scale per block (MXFP4, NVFP4)
};

/** What the all-ones exponent means (number_formats.json `specials`). */
enum class SpecialValues : std::uint8_t {
    Ieee,    ///< all-ones exponent: mantissa 0 = infinity, else NaN (FP32, FP16, BF16, E5M2)
    NanOnly, ///< no infinity; only the all-ones pattern is NaN, the rest of that exponent is finite (E4M3 "fn", E8M0)
    None,    ///< every pattern is a finite number (E2M1)
};

/** The figures a specification or reference implementation prints for a format, with where. */
struct PublishedRange {
    double maxFinite = 0.0;
    std::optional<double> minValue;     ///< most negative value (integers, lookup tables)
    std::optional<double> minNormal;    ///< floats
    std::optional<double> minSubnormal; ///< floats with subnormals
    std::optional<double> minPositive;  ///< lookup tables: the smallest value above zero
    std::string source;
};

/** Elements sharing a scale: `size` of them per `scale` (a format id), and one `tensorScale` per tensor if any. */
struct BlockScaling {
    std::uint32_t size = 0;
    std::string scale;
    std::string tensorScale; ///< empty = none
};

/**
 * A number format as the catalog describes it (docs/catalog-schema.md, number_formats.json): its bit fields,
 * and the published range its fields must reproduce. The range itself is computed (numberRange), never read:
 * tests/core/tst_number_formats checks the computation against `published` for every format.
 */
struct NumberFormat {
    std::string id;
    std::string name;
    NumberKind kind = NumberKind::Float;
    // Float
    std::uint32_t signBits = 0;
    std::uint32_t exponentBits = 0;
    std::uint32_t mantissaBits = 0;
    int bias = 0;
    SpecialValues specials = SpecialValues::Ieee;
    bool subnormals = true; ///< false: exponent code 0 is a normal power of two (E8M0 has no zero)
    // Integer and Lookup
    std::uint32_t bits = 0;
    bool isSigned = true;
    std::vector<double> values; ///< Lookup: one value per code, 2^bits of them
    // Block (also a Lookup's own scale block, NF4)
    std::string element;
    std::optional<BlockScaling> block;
    std::optional<PublishedRange> published; ///< absent for Block formats: their range is their element's
    std::string source;
    std::string note;
};

/** Range and precision of a format, computed from its fields. */
struct NumberRange {
    double maxFinite = 0.0;
    double minValue = 0.0; ///< most negative finite value
    std::optional<double> minNormal;
    std::optional<double> minSubnormal;
    double minPositive = 0.0;  ///< smallest value above zero
    double relativeStep = 0.0; ///< floats: 2^-mantissa, the gap after 1.0; integers and tables: coarsest gap / max
    double decimalDigits = 0.0;
    bool infinity = false;
    bool nan = false;
};

/** Bits one stored value takes: sign + exponent + mantissa, or `bits`; a Block format's element (see bitsPerElement). */
[[nodiscard]] std::uint32_t storageBits(const NumberFormat &f);

/**
 * Range and precision of a Float, Integer or Lookup format from its fields. A Block format has its element's range:
 * pass the element (catalog lookup by `element`).
 */
[[nodiscard]] NumberRange numberRange(const NumberFormat &f);

/**
 * Every distinct finite value of a format of at most 8 bits, ascending (+0 and -0 count once): what a number line
 * draws. Empty for wider formats.
 */
[[nodiscard]] std::vector<double> representableValues(const NumberFormat &f);

/**
 * Bits per element including the block scale: element bits + scale bits / block size (MXFP4 4.25, NVFP4 4.5).
 * The per-tensor scale is not counted: one value per tensor. `element` and `scale` are the formats `f` names.
 */
[[nodiscard]] double bitsPerElement(const NumberFormat &f, const NumberFormat &element, const NumberFormat *scale);

} // namespace headroom
