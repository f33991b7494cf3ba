// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/ggml_type.h"

#include <array>

namespace headroom {
namespace {

struct Row {
    std::uint32_t id;
    GgmlTypeTraits traits;
};

// Block sizes from ggml-org/ggml src/ggml-common.h (the static_asserts on each block struct);
// cross-checked with a sizeof() probe of the block structs at ggml-org/ggml @ d99724f. NVFP4 (id 40): block_nvfp4 in
// ggml-org/llama.cpp ggml/src/ggml-common.h @ 01243c5, 4 UE4M3 scales (one per 16) + 32 bytes of E2M1 per 64 weights.
constexpr std::array kTypes{
    Row{0, {"F32", 1, 4}},         Row{1, {"F16", 1, 2}},         Row{2, {"Q4_0", 32, 18}},      Row{3, {"Q4_1", 32, 20}},
    Row{6, {"Q5_0", 32, 22}},      Row{7, {"Q5_1", 32, 24}},      Row{8, {"Q8_0", 32, 34}},      Row{9, {"Q8_1", 32, 36}},
    Row{10, {"Q2_K", 256, 84}},    Row{11, {"Q3_K", 256, 110}},   Row{12, {"Q4_K", 256, 144}},   Row{13, {"Q5_K", 256, 176}},
    Row{14, {"Q6_K", 256, 210}},   Row{15, {"Q8_K", 256, 292}},   Row{16, {"IQ2_XXS", 256, 66}}, Row{17, {"IQ2_XS", 256, 74}},
    Row{18, {"IQ3_XXS", 256, 98}}, Row{19, {"IQ1_S", 256, 50}},   Row{20, {"IQ4_NL", 32, 18}},   Row{21, {"IQ3_S", 256, 110}},
    Row{22, {"IQ2_S", 256, 82}},   Row{23, {"IQ4_XS", 256, 136}}, Row{24, {"I8", 1, 1}},         Row{25, {"I16", 1, 2}},
    Row{26, {"I32", 1, 4}},        Row{27, {"I64", 1, 8}},        Row{28, {"F64", 1, 8}},        Row{29, {"IQ1_M", 256, 56}},
    Row{30, {"BF16", 1, 2}},       Row{34, {"TQ1_0", 256, 54}},   Row{35, {"TQ2_0", 256, 66}},   Row{39, {"MXFP4", 32, 17}},
    Row{40, {"NVFP4", 64, 36}},
};

// Block fields as declared in ggml-org/llama.cpp @ 01243c5 ggml/src/ggml-common.h (block_q4_0 ... block_nvfp4), in
// struct order; tst_number_formats checks that each layout's bits add up to the block size above.
using R = BlockFieldRole;
constexpr std::array kQ4_0{GgmlBlockField{"d", R::Scale, 1, 16, "F16"}, GgmlBlockField{"qs", R::Quants, 32, 4, ""}};
constexpr std::array kQ8_0{GgmlBlockField{"d", R::Scale, 1, 16, "F16"}, GgmlBlockField{"qs", R::Quants, 32, 8, "int8"}};
// Q2_K: 16 sub-blocks of 16, each a 4-bit scale and a 4-bit min in one byte of `scales`.
constexpr std::array kQ2_K{GgmlBlockField{"scales", R::SubScales, 32, 4, ""}, GgmlBlockField{"qs", R::Quants, 256, 2, ""},
                           GgmlBlockField{"d", R::Scale, 1, 16, "F16"}, GgmlBlockField{"dmin", R::Scale, 1, 16, "F16"}};
// Q3_K: 16 sub-blocks of 16 with 6-bit scales; the third bit of each weight in `hmask`.
constexpr std::array kQ3_K{GgmlBlockField{"hmask", R::HighBits, 256, 1, ""}, GgmlBlockField{"qs", R::Quants, 256, 2, ""},
                           GgmlBlockField{"scales", R::SubScales, 16, 6, ""}, GgmlBlockField{"d", R::Scale, 1, 16, "F16"}};
// Q4_K / Q5_K: 8 sub-blocks of 32, a 6-bit scale and a 6-bit min each (K_SCALE_SIZE = 12 bytes).
constexpr std::array kQ4_K{GgmlBlockField{"d", R::Scale, 1, 16, "F16"}, GgmlBlockField{"dmin", R::Scale, 1, 16, "F16"},
                           GgmlBlockField{"scales", R::SubScales, 16, 6, ""}, GgmlBlockField{"qs", R::Quants, 256, 4, ""}};
constexpr std::array kQ5_K{GgmlBlockField{"d", R::Scale, 1, 16, "F16"}, GgmlBlockField{"dmin", R::Scale, 1, 16, "F16"},
                           GgmlBlockField{"scales", R::SubScales, 16, 6, ""}, GgmlBlockField{"qh", R::HighBits, 256, 1, ""},
                           GgmlBlockField{"qs", R::Quants, 256, 4, ""}};
// Q6_K: 16 sub-blocks of 16 with int8 scales; 4 low bits in `ql`, 2 high bits in `qh`.
constexpr std::array kQ6_K{GgmlBlockField{"ql", R::Quants, 256, 4, ""}, GgmlBlockField{"qh", R::HighBits, 256, 2, ""},
                           GgmlBlockField{"scales", R::SubScales, 16, 8, "int8"}, GgmlBlockField{"d", R::Scale, 1, 16, "F16"}};
constexpr std::array kMxfp4{GgmlBlockField{"e", R::Scale, 1, 8, "E8M0"}, GgmlBlockField{"qs", R::Quants, 32, 4, "E2M1"}};
constexpr std::array kNvfp4{GgmlBlockField{"d", R::SubScales, 4, 8, "UE4M3"}, GgmlBlockField{"qs", R::Quants, 64, 4, "E2M1"}};

} // namespace

double GgmlBlockLayout::quantBitsPerWeight(std::uint32_t blockSize) const
{
    std::uint32_t bits = 0;
    for (const auto &f : fields)
        if (f.role == BlockFieldRole::Quants || f.role == BlockFieldRole::HighBits)
            bits += f.bits();
    return blockSize ? static_cast<double>(bits) / blockSize : 0.0;
}

std::optional<GgmlBlockLayout> ggmlBlockLayout(GgmlType type)
{
    switch (type) {
    case GgmlType::Q4_0: return GgmlBlockLayout{1, kQ4_0};
    case GgmlType::Q8_0: return GgmlBlockLayout{1, kQ8_0};
    case GgmlType::Q2_K: return GgmlBlockLayout{16, kQ2_K};
    case GgmlType::Q3_K: return GgmlBlockLayout{16, kQ3_K};
    case GgmlType::Q4_K: return GgmlBlockLayout{8, kQ4_K};
    case GgmlType::Q5_K: return GgmlBlockLayout{8, kQ5_K};
    case GgmlType::Q6_K: return GgmlBlockLayout{16, kQ6_K};
    case GgmlType::MXFP4: return GgmlBlockLayout{1, kMxfp4};
    case GgmlType::NVFP4: return GgmlBlockLayout{4, kNvfp4};
    default: return std::nullopt;
    }
}

std::optional<GgmlTypeTraits> ggmlTypeTraits(std::uint32_t id)
{
    for (const auto &row : kTypes)
        if (row.id == id)
            return row.traits;
    return std::nullopt;
}

GgmlTypeTraits ggmlTypeTraits(GgmlType type)
{
    return *ggmlTypeTraits(static_cast<std::uint32_t>(type));
}

std::optional<GgmlType> ggmlTypeFromName(std::string_view name)
{
    for (const auto &row : kTypes) {
        if (row.traits.name.size() != name.size())
            continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i) {
            auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
            same = lower(row.traits.name[i]) == lower(name[i]);
        }
        if (same)
            return static_cast<GgmlType>(row.id);
    }
    return std::nullopt;
}

std::optional<Bytes> ggmlTensorBytes(GgmlType type, std::uint64_t rowLength, std::uint64_t rows)
{
    const auto traits = ggmlTypeTraits(type);
    if (rowLength % traits.blockSize != 0)
        return std::nullopt;
    const auto rowBytes = checkedMul(rowLength / traits.blockSize, traits.blockBytes);
    if (!rowBytes)
        return std::nullopt;
    return checkedMul(*rowBytes, rows);
}

} // namespace headroom
