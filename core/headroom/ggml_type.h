// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/units.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace headroom {

/**
 * Tensor storage types as numbered in GGUF files (ggml.h `enum ggml_type`).
 * The numeric values are the on-disk ids, so the GGUF reader can cast directly after a range check.
 */
// clang-format off
enum class GgmlType : std::uint32_t {
    F32 = 0, F16 = 1, Q4_0 = 2, Q4_1 = 3, Q5_0 = 6, Q5_1 = 7, Q8_0 = 8, Q8_1 = 9,
    Q2_K = 10, Q3_K = 11, Q4_K = 12, Q5_K = 13, Q6_K = 14, Q8_K = 15,
    IQ2_XXS = 16, IQ2_XS = 17, IQ3_XXS = 18, IQ1_S = 19, IQ4_NL = 20, IQ3_S = 21, IQ2_S = 22, IQ4_XS = 23,
    I8 = 24, I16 = 25, I32 = 26, I64 = 27, F64 = 28, IQ1_M = 29, BF16 = 30,
    TQ1_0 = 34, TQ2_0 = 35, MXFP4 = 39, NVFP4 = 40,
};
// clang-format on

struct GgmlTypeTraits {
    std::string_view name;
    std::uint32_t blockSize;  ///< weights per block
    std::uint32_t blockBytes; ///< bytes per block
};

/** Block layout of a type, or nullopt for ids this build does not know (a newer GGUF, or garbage). */
[[nodiscard]] std::optional<GgmlTypeTraits> ggmlTypeTraits(std::uint32_t id);
[[nodiscard]] GgmlTypeTraits ggmlTypeTraits(GgmlType type);
[[nodiscard]] std::optional<GgmlType> ggmlTypeFromName(std::string_view name);

/** What one field of a ggml block holds (ggml-common.h's block structs). */
enum class BlockFieldRole : std::uint8_t {
    Scale,     ///< the block's own scale (or the super-block's scale of its sub-block scales): d, dmin, e
    SubScales, ///< one quantized scale (and min) per sub-block
    Quants,    ///< the weights' low bits
    HighBits,  ///< the weights' extra high bits, stored apart (qh, hmask)
};

/** One field of a block: `count` values of `bitsEach` bits; `element` names a typed value ("F16", "E8M0"), or is empty. */
struct GgmlBlockField {
    std::string_view name; ///< the struct member in ggml-common.h
    BlockFieldRole role;
    std::uint32_t count;
    std::uint32_t bitsEach;
    std::string_view element;

    [[nodiscard]] constexpr std::uint32_t bits() const { return count * bitsEach; }
};

/** How a block type lays out its bytes: its fields in struct order and the sub-blocks its scales cover. */
struct GgmlBlockLayout {
    std::uint32_t subBlocks = 1; ///< 1 = one scale for the whole block
    std::span<const GgmlBlockField> fields;

    /** Bits of the weights themselves (Quants + HighBits) per weight: the width the type's name states. */
    [[nodiscard]] double quantBitsPerWeight(std::uint32_t blockSize) const;
};

/** Field layout of the block types Headroom explains (Q4_0, Q8_0, the K-quants, MXFP4, NVFP4); nullopt otherwise. */
[[nodiscard]] std::optional<GgmlBlockLayout> ggmlBlockLayout(GgmlType type);

/** Bytes of a row-major tensor whose rows are `rowLength` elements; nullopt when the row does not fill whole blocks. */
[[nodiscard]] std::optional<Bytes> ggmlTensorBytes(GgmlType type, std::uint64_t rowLength, std::uint64_t rows);

} // namespace headroom
