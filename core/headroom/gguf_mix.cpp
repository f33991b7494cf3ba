// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/gguf_mix.h"

#include <map>
#include <optional>

namespace headroom {
namespace {

// A port of llama.cpp src/llama-quant.cpp `llama_tensor_get_type` (ggml-org/llama.cpp, 2025) for the file
// types the catalog offers. Names are matched by substring exactly as llama.cpp does, so "ffn_down_exps"
// counts as an ffn_down tensor.
// (Tables read better as tables.)
// clang-format off
enum class FType {
    F32, F16, BF16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q2_K, Q3_K_S, Q3_K_M, Q3_K_L, Q4_K_S, Q4_K_M, Q5_K_S, Q5_K_M,
    Q6_K, IQ2_XXS, IQ2_XS, IQ3_XXS, IQ1_S, IQ1_M, IQ4_NL, IQ4_XS, MXFP4_MOE,
    Q2_K_S, IQ2_S, IQ2_M, IQ3_XS, IQ3_S, IQ3_M, TQ1_0, TQ2_0, NVFP4,
};

const std::map<std::string, std::pair<FType, GgmlType>> &fileTypes()
{
    static const std::map<std::string, std::pair<FType, GgmlType>> table{
        {"F32", {FType::F32, GgmlType::F32}},          {"F16", {FType::F16, GgmlType::F16}},
        {"BF16", {FType::BF16, GgmlType::BF16}},       {"Q4_0", {FType::Q4_0, GgmlType::Q4_0}},
        {"Q4_1", {FType::Q4_1, GgmlType::Q4_1}},       {"Q5_0", {FType::Q5_0, GgmlType::Q5_0}},
        {"Q5_1", {FType::Q5_1, GgmlType::Q5_1}},       {"Q8_0", {FType::Q8_0, GgmlType::Q8_0}},
        {"Q2_K", {FType::Q2_K, GgmlType::Q2_K}},       {"Q3_K_S", {FType::Q3_K_S, GgmlType::Q3_K}},
        {"Q3_K_M", {FType::Q3_K_M, GgmlType::Q3_K}},   {"Q3_K_L", {FType::Q3_K_L, GgmlType::Q3_K}},
        {"Q4_K_S", {FType::Q4_K_S, GgmlType::Q4_K}},   {"Q4_K_M", {FType::Q4_K_M, GgmlType::Q4_K}},
        {"Q5_K_S", {FType::Q5_K_S, GgmlType::Q5_K}},   {"Q5_K_M", {FType::Q5_K_M, GgmlType::Q5_K}},
        {"Q6_K", {FType::Q6_K, GgmlType::Q6_K}},       {"IQ2_XXS", {FType::IQ2_XXS, GgmlType::IQ2_XXS}},
        {"IQ2_XS", {FType::IQ2_XS, GgmlType::IQ2_XS}}, {"IQ3_XXS", {FType::IQ3_XXS, GgmlType::IQ3_XXS}},
        {"IQ1_S", {FType::IQ1_S, GgmlType::IQ1_S}},    {"IQ1_M", {FType::IQ1_M, GgmlType::IQ1_M}},
        {"IQ4_NL", {FType::IQ4_NL, GgmlType::IQ4_NL}}, {"IQ4_XS", {FType::IQ4_XS, GgmlType::IQ4_XS}},
        {"MXFP4", {FType::MXFP4_MOE, GgmlType::MXFP4}},
        // Base types from llama_ftype_get_default_type (src/llama-quant.cpp @ 007dbbf): IQ2_S files are mostly
        // IQ2_XS, IQ2_M mostly IQ2_S, IQ3_XS and IQ3_M are built on IQ3_S.
        {"Q2_K_S", {FType::Q2_K_S, GgmlType::Q2_K}},   {"IQ2_S", {FType::IQ2_S, GgmlType::IQ2_XS}},
        {"IQ2_M", {FType::IQ2_M, GgmlType::IQ2_S}},    {"IQ3_XS", {FType::IQ3_XS, GgmlType::IQ3_S}},
        {"IQ3_S", {FType::IQ3_S, GgmlType::IQ3_S}},    {"IQ3_M", {FType::IQ3_M, GgmlType::IQ3_S}},
        {"TQ1_0", {FType::TQ1_0, GgmlType::TQ1_0}},    {"TQ2_0", {FType::TQ2_0, GgmlType::TQ2_0}},
        {"NVFP4", {FType::NVFP4, GgmlType::NVFP4}},
    };
    return table;
}
// clang-format on

bool contains(const std::string &s, const char *needle)
{
    return s.find(needle) != std::string::npos;
}

bool useMoreBits(int i, int n)
{
    return i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2;
}

bool isLowBitIq(FType f)
{
    return f == FType::IQ2_XXS || f == FType::IQ2_XS || f == FType::IQ1_S || f == FType::IQ1_M || f == FType::IQ2_S || f == FType::IQ2_M;
}

/** IQ2_S and IQ2_M raise the tensors the other low-bit IQ types raise to Q2_K to IQ3_S instead. */
bool isIq2SOrM(FType f)
{
    return f == FType::IQ2_S || f == FType::IQ2_M;
}

/** llama.cpp only quantizes 2-D+ weights, never routers, norms or biases. */
bool isQuantizable(const Tensor &t)
{
    if (t.ne[1] == 1 && t.ne[2] == 1)
        return false;
    if (t.name.size() < 7 || t.name.compare(t.name.size() - 7, 7, ".weight") != 0)
        return false;
    // Mamba's and LFM2's small 2-D convolution kernels stay F32 (llama-quant.cpp: "do not quantize
    // Jamba, Mamba, LFM2's small yet 2D weights").
    if (contains(t.name, "ssm_conv1d.weight") || contains(t.name, "shortconv.conv.weight"))
        return false;
    return !contains(t.name, "ffn_gate_inp");
}

/**
 * `tensor_type_fallback`: K/IQ types need rows of 256, legacy types rows of 32. NVFP4 has no fallback
 * (llama-quantize stops with "no tensor type fallback is defined"): nullopt.
 */
std::optional<GgmlType> fallbackForRow(GgmlType type, std::uint64_t rowLength)
{
    if (rowLength % ggmlTypeTraits(type).blockSize == 0)
        return type;
    switch (type) {
    case GgmlType::Q2_K:
    case GgmlType::Q3_K:
    case GgmlType::IQ4_XS:
    case GgmlType::IQ2_XXS:
    case GgmlType::IQ2_XS:
    case GgmlType::IQ2_S:
    case GgmlType::IQ3_XXS:
    case GgmlType::IQ3_S:
    case GgmlType::IQ1_S:
    case GgmlType::IQ1_M: return GgmlType::IQ4_NL;
    case GgmlType::Q4_K: return GgmlType::Q5_0;
    case GgmlType::Q5_K: return GgmlType::Q5_1;
    case GgmlType::Q6_K: return GgmlType::Q8_0;
    case GgmlType::TQ1_0:
    case GgmlType::TQ2_0: return GgmlType::Q4_0;
    case GgmlType::NVFP4: return std::nullopt;
    default: break;
    }
    // Rows that do not even fill 32-element blocks stay in F16 (llama.cpp falls back the same way).
    return rowLength % 32 == 0 ? type : GgmlType::F16;
}

struct MixState {
    const ModelSpec &spec;
    FType ftype;
    GgmlType base;
    int nAttnV = 0;
    int iAttnV = 0;
    int iFfnDown = 0;
    int iFfnGate = 0;
    int iFfnUp = 0;
};

GgmlType chooseType(MixState &s, const Tensor &t)
{
    const std::string &name = t.name;
    const FType f = s.ftype;
    const auto &m = s.spec;
    const std::uint32_t nExpert = m.isMoe() ? m.moe->experts : 0;
    const std::uint32_t gqa = m.kvHeads ? m.heads / m.kvHeads : 1;
    const bool is70B = m.layers == 80 && (m.arch == "llama" || m.arch == "qwen2");
    GgmlType type = s.base;

    const bool isOutput = name == "output.weight" || (m.tiedEmbeddings && name == "token_embd.weight");
    if (isOutput) {
        if (f == FType::MXFP4_MOE || t.ne[0] % 256 != 0)
            return GgmlType::Q8_0;
        if (isLowBitIq(f) || f == FType::IQ3_XXS)
            return GgmlType::Q5_K;
        return type == GgmlType::Q8_0 ? type : GgmlType::Q6_K;
    }
    if (f == FType::MXFP4_MOE)
        return t.ne[2] > 1 ? GgmlType::MXFP4 : GgmlType::Q8_0;
    if (name == "token_embd.weight") {
        if (isIq2SOrM(f) || f == FType::IQ3_XXS)
            return GgmlType::IQ3_S;
        if (isLowBitIq(f))
            return GgmlType::Q2_K;
        if (f == FType::TQ1_0 || f == FType::TQ2_0)
            return GgmlType::Q4_K;
        return type;
    }
    if (isLowBitIq(f)) {
        const GgmlType raised = isIq2SOrM(f) ? GgmlType::IQ3_S : GgmlType::Q2_K;
        if (contains(name, "attn_v.weight")) {
            ++s.iAttnV;
            return (gqa >= 4 || nExpert >= 4) ? GgmlType::Q4_K : raised;
        }
        if (nExpert == 8 && contains(name, "attn_k.weight"))
            return GgmlType::Q4_K;
        if (contains(name, "ffn_down")) {
            const int i = s.iFfnDown++;
            return i < static_cast<int>(m.layers) / 8 ? raised : type;
        }
        if (contains(name, "attn_output.weight")) {
            if (nExpert == 8)
                return GgmlType::Q5_K;
            if (f == FType::IQ1_S || f == FType::IQ1_M)
                return GgmlType::IQ2_XXS;
            if (isIq2SOrM(f))
                return GgmlType::IQ3_S;
        }
        return type;
    }
    if (contains(name, "attn_v.weight")) {
        const int i = s.iAttnV++;
        const int n = s.nAttnV;
        if (f == FType::Q2_K)
            type = gqa >= 4 ? GgmlType::Q4_K : GgmlType::Q3_K;
        else if (f == FType::Q2_K_S && gqa >= 4)
            type = GgmlType::Q4_K;
        else if (f == FType::IQ3_XXS)
            type = gqa >= 4 ? GgmlType::Q4_K : GgmlType::IQ3_XXS; // with the imatrix IQ3_XXS requires
        else if ((f == FType::IQ3_XS || f == FType::IQ3_S) && gqa >= 4)
            type = GgmlType::Q4_K;
        else if (f == FType::IQ3_M)
            type = GgmlType::Q4_K;
        else if (f == FType::Q3_K_M)
            type = i < 2 ? GgmlType::Q5_K : GgmlType::Q4_K;
        else if (f == FType::Q3_K_L)
            type = GgmlType::Q5_K;
        else if ((f == FType::IQ4_NL || f == FType::IQ4_XS) && gqa >= 4)
            type = GgmlType::Q5_K;
        else if ((f == FType::Q4_K_M || f == FType::Q5_K_M) && useMoreBits(i, n))
            type = GgmlType::Q6_K;
        else if (f == FType::Q4_K_S && i < 4)
            type = GgmlType::Q5_K;
        if (is70B && (type == GgmlType::Q3_K || type == GgmlType::Q4_K))
            type = GgmlType::Q5_K;
        if (nExpert == 8)
            type = GgmlType::Q8_0;
        return type;
    }
    if (contains(name, "attn_k.weight")) {
        if (nExpert == 8)
            return GgmlType::Q8_0;
        if (f == FType::IQ3_XS)
            return GgmlType::IQ3_XXS;
        return f == FType::IQ3_XXS ? GgmlType::IQ2_S : type;
    }
    if (contains(name, "attn_q.weight")) {
        if (f == FType::IQ3_XS)
            return GgmlType::IQ3_XXS;
        return f == FType::IQ3_XXS ? GgmlType::IQ2_S : type;
    }
    if (contains(name, "ffn_down")) {
        // For MoE models llama.cpp reads the layer from the name; the count it compares with is the model's layers
        // (llama-quant.cpp: qs.n_ffn_down = qs.n_ffn_gate = qs.n_ffn_up = hparams.n_layer, set after the tensors are
        // counted), not its ffn_down tensors: DeepSeek's dense, shared and routed ffn_down are 119 tensors over 61
        // layers. Ollama's deepseek-r1:671b Q4_K_M holds blk.60 in 7106.67 MiB (its ffn_down_exps Q6_K, ollama/ollama#8447)
        // and DeepSeek-V3 Q3_K_M has three q5_K tensors, the dense layers' ffn_down (n / 16 of 61).
        const int i = nExpert > 1 ? t.layer : s.iFfnDown;
        const int n = static_cast<int>(m.layers);
        ++s.iFfnDown;
        if (f == FType::Q2_K)
            return GgmlType::Q3_K;
        if (f == FType::Q2_K_S)
            return i < n / 8 ? GgmlType::Q4_K : type;
        // IQ3_XXS raises ffn_down only without an imatrix, which llama-quantize requires for IQ3_XXS tensors
        // (tensor_requires_imatrix): the files people download keep it at IQ3_XXS.
        if (f == FType::Q3_K_M)
            return i < n / 16 ? GgmlType::Q5_K : GgmlType::Q4_K;
        if (f == FType::IQ3_M && (i < n / 8 || (nExpert == 8 && useMoreBits(i, n))))
            return GgmlType::Q4_K;
        if (f == FType::Q3_K_L)
            return GgmlType::Q5_K;
        if (f == FType::Q4_K_M)
            return useMoreBits(i, n) ? GgmlType::Q6_K : type;
        if ((f == FType::IQ4_NL || f == FType::IQ4_XS) && i < n / 8)
            return GgmlType::Q5_K;
        if (f == FType::Q5_K_M && useMoreBits(i, n))
            return GgmlType::Q6_K;
        if (f == FType::Q4_K_S && i < n / 8)
            return GgmlType::Q5_K;
        return type;
    }
    if (contains(name, "attn_output.weight")) {
        if (nExpert == 8) {
            if (f == FType::Q2_K || f == FType::Q3_K_S || f == FType::Q3_K_M || f == FType::IQ4_NL || f == FType::Q4_K_S ||
                f == FType::Q4_K_M || f == FType::IQ4_XS || f == FType::IQ3_XXS || f == FType::IQ3_XS || f == FType::IQ3_S ||
                f == FType::IQ3_M)
                return GgmlType::Q5_K;
            return type;
        }
        if (f == FType::Q2_K)
            return GgmlType::Q3_K;
        if (f == FType::IQ3_XXS)
            return GgmlType::IQ3_S;
        if (f == FType::Q3_K_M)
            return GgmlType::Q4_K;
        if (f == FType::Q3_K_L)
            return GgmlType::Q5_K;
        if (f == FType::IQ3_M)
            return GgmlType::Q4_K;
        return type;
    }
    if (contains(name, "attn_qkv.weight")) {
        if (f == FType::Q3_K_M || f == FType::Q3_K_L || f == FType::IQ3_M)
            return GgmlType::Q4_K;
        if (f == FType::Q4_K_M)
            return GgmlType::Q5_K;
        if (f == FType::Q5_K_M)
            return GgmlType::Q6_K;
    }
    // ffn_up is matched before ffn_gate (tensor_get_category); both count their layers like ffn_down.
    const bool up = contains(name, "ffn_up");
    if (up || contains(name, "ffn_gate")) {
        int &counter = up ? s.iFfnUp : s.iFfnGate;
        const int i = nExpert > 1 ? t.layer : counter;
        const int n = static_cast<int>(m.layers);
        ++counter;
        if (f == FType::IQ3_XS && i >= n / 8 && i < 7 * n / 8)
            return GgmlType::IQ3_XXS;
    }
    return type;
}

void setStorage(Tensor &t, GgmlType type)
{
    // Only reached with a type the row fills (fallbackForRow), or F32/F16/BF16.
    const auto bytes = ggmlTensorBytes(type, t.ne[0], t.ne[1] * t.ne[2]);
    t.storage = std::string(ggmlTypeTraits(type).name);
    t.bytes = bytes.value_or(0);
}

} // namespace

bool assignGgufTypes(const ModelSpec &spec, const std::string &fileType, MixVariant variant, std::vector<Tensor> &tensors)
{
    const auto it = fileTypes().find(fileType);
    if (it == fileTypes().end())
        return false;
    const auto [ftype, base] = it->second;
    const bool mixed = ftype != FType::F32 && ftype != FType::F16 && ftype != FType::BF16;

    MixState state{spec, ftype, base};
    for (const auto &t : tensors) {
        state.nAttnV += contains(t.name, "attn_v.weight") ? 1 : 0;
    }
    // Ollama converts gpt-oss itself and keeps everything but the MXFP4 experts in BF16, which is why
    // its gpt-oss:20b blob (13,793,441,244 B) is larger than llama.cpp's MXFP4_MOE file.
    const bool ollamaBf16 = variant == MixVariant::OllamaMxfp4Bf16 && ftype == FType::MXFP4_MOE;

    for (auto &t : tensors) {
        if (!isQuantizable(t)) {
            // Norms, biases, routers and sinks are F32 in every llama.cpp file type.
            setStorage(t, GgmlType::F32);
            continue;
        }
        GgmlType type = base;
        if (ollamaBf16)
            type = t.ne[2] > 1 ? GgmlType::MXFP4 : GgmlType::BF16;
        else if (mixed)
            type = chooseType(state, t);
        const auto stored = fallbackForRow(type, t.ne[0]);
        if (!stored)
            return false; // llama-quantize refuses the file type for this model
        setStorage(t, *stored);
    }
    return true;
}

} // namespace headroom
