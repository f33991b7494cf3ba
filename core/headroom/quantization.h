// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
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
    std::optional<double> kld;       ///< mean KL divergence vs FP16 logits
    std::optional<double> pplDelta;  ///< perplexity increase
    std::optional<double> relative;  ///< benchmark score relative to BF16 (1.0 = no loss)
    std::string source;
};

/** A weight quantization as a user names it: a GGUF file type, a safetensors dtype/method, an MLX bit width. */
struct Quantization {
    std::string id;
    std::string name;
    WeightFormat format = WeightFormat::Gguf;
    std::vector<std::string> engines;
    std::vector<std::string> aliases;
    double bpw = 0.0;
    std::optional<QuantQuality> quality;
    std::string source;
};

} // namespace headroom
