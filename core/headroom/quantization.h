// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/ggml_type.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

enum class WeightFormat { Gguf, Safetensors, Mlx };

/** The format's name in the catalog files and the CLI's JSON: "gguf", "safetensors", "mlx". */
[[nodiscard]] inline const char *weightFormatName(WeightFormat f)
{
    switch (f) {
    case WeightFormat::Gguf: return "gguf";
    case WeightFormat::Safetensors: return "safetensors";
    case WeightFormat::Mlx: return "mlx";
    }
    return "gguf";
}

struct QuantQuality {
    std::optional<double> kld;      ///< mean KL divergence vs FP16 logits
    std::optional<double> pplDelta; ///< perplexity increase
    std::string source;
};

/**
 * How a quantization stores weights: the one description both the tensor inventory and the catalog's bits
 * per weight come from (docs/catalog-schema.md, "layout").
 *
 * GGUF file types name the ggml block type that stores most of their weights (`ggmlType`); the per-tensor mix
 * around it follows llama-quantize (gguf_mix.cpp), and `bpwReference` names the catalog model whose whole-file
 * figure the catalog `bpw` is. Other formats store quantized linear weights at `bits` each plus, per group of
 * `group` weights, `scaleBytes` + `zeroBytes`; double quantization (bitsandbytes) adds `superScaleBytes` per
 * `superGroup` groups. Tensors in the `keep16` classes stay 16-bit; `bits` >= 16 without a group means every
 * tensor is stored at bits / 8 bytes (an unquantized checkpoint).
 * Norms, biases and routers are never grouped (one value per row): with Norms / Router kept they are 16-bit.
 */
struct QuantLayout {
    /** Tensor classes a quantized checkpoint keeps at 16 bit instead of the layout. */
    /** Dense: every linear outside the routed experts (a checkpoint that quantizes only the experts keeps them). */
    enum class Keep : std::uint8_t { Embeddings = 1, LmHead = 2, Norms = 4, Router = 8, Dense = 16 };

    std::optional<GgmlType> ggmlType; ///< GGUF only
    std::string bpwReference;         ///< GGUF only: catalog model id the whole-file bpw is measured on
    double bits = 0.0;                ///< 0 = no layout known (a quantization made up for a file read as is)
    std::uint32_t group = 0;          ///< weights sharing one scale (and zero point); 0 = none
    double scaleBytes = 0.0;
    double zeroBytes = 0.0;
    std::uint32_t superGroup = 0; ///< groups sharing one second-level scale; 0 = none
    double superScaleBytes = 0.0;
    std::uint8_t keep16 = 0; ///< bit set of Keep

    [[nodiscard]] bool keeps(Keep k) const { return (keep16 & static_cast<std::uint8_t>(k)) != 0; }
    /** True when every tensor is stored at bits / 8 bytes (no groups: BF16, FP16, F32 checkpoints). */
    [[nodiscard]] bool unquantized() const { return !ggmlType && group == 0 && bits >= 16.0; }
    /** Bytes one quantized linear weight takes, scales and zero points included (not for GGUF). */
    [[nodiscard]] double bytesPerWeight() const
    {
        double b = bits / 8.0;
        if (group > 0)
            b += (scaleBytes + zeroBytes) / group;
        if (group > 0 && superGroup > 0)
            b += superScaleBytes / (static_cast<double>(group) * superGroup);
        return b;
    }
};

/** A weight quantization as a user names it: a GGUF file type, a safetensors dtype/method, an MLX bit width. */
struct Quantization {
    std::string id;
    std::string name;
    WeightFormat format = WeightFormat::Gguf;
    std::vector<std::string> engines;
    std::vector<std::string> aliases;
    double bpw = 0.0;
    /** The width the name states ("Q4_K_M": 4, "fp8": 8): what the rule of thumb multiplies by; none = not stated. */
    std::optional<double> nominalBits;
    QuantLayout layout;
    bool lossless = false; ///< the released precision (BF16/F32 checkpoints): no quality loss by definition
    std::optional<QuantQuality> quality;
    std::string source;

    /** Whether engine `engineId` (its catalog id) loads this quantization. */
    [[nodiscard]] bool loadedBy(std::string_view engineId) const
    {
        return std::find(engines.begin(), engines.end(), engineId) != engines.end();
    }
};

} // namespace headroom
