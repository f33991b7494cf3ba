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

} // namespace

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
