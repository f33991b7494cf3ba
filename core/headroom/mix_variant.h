// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace headroom {

/** Variant of a quantization's per-tensor rules where engines differ for the same file type (engines.json `mix_variant`). */
enum class MixVariant {
    LlamaCpp,        ///< llama-quantize's rules (src/llama-quant.cpp)
    OllamaMxfp4Bf16, ///< Ollama's own gpt-oss conversion keeps non-expert tensors in BF16
};

} // namespace headroom
