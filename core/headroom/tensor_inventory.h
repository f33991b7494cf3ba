// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/ggml_type.h"
#include "headroom/mix_variant.h"
#include "headroom/model_spec.h"
#include "headroom/quantization.h"
#include "headroom/units.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace headroom {

/** One weight tensor as a runtime loads it. */
struct Tensor {
    std::string name; ///< GGUF naming: "token_embd.weight", "blk.3.attn_v.weight"
    // layer, routedExpert and bytes side by side: every estimate sums them over all tensors.
    int layer = -1;            ///< -1 = input (embeddings), 0..n-1 = block, n = output layer
    bool routedExpert = false; ///< stacked MoE expert tensor: all in memory, experts_used/experts read per token
    Bytes bytes = 0;
    std::array<std::uint64_t, 3> ne{1, 1, 1}; ///< ne[0] = row length, ne[2] = experts
    std::string storage;                      ///< "Q4_K", "BF16", "awq-int4", "mlx-4bit" ...

    [[nodiscard]] std::uint64_t elements() const { return ne[0] * ne[1] * ne[2]; }
};

/** Every tensor of a model in one quantization. Exact when read from a file header, derived otherwise. */
struct TensorInventory {
    std::vector<Tensor> tensors;
    std::uint32_t layers = 0;
    bool exact = false;
    std::uint32_t expertsUsed = 0;
    std::uint32_t experts = 0;

    [[nodiscard]] Bytes total() const;
    [[nodiscard]] Bytes layerBytes(int layer) const;
    /** The output layer reuses the embeddings: no `output.weight` of its own (a file's header, or the checkpoint laid out). */
    [[nodiscard]] bool tiesOutput() const;
    /** Bytes read per decoded token: everything except unused routed experts and the input embedding table. */
    [[nodiscard]] Bytes activeBytes() const;
    [[nodiscard]] std::uint64_t parameterCount() const;
    /** Parameters used per decoded token (an MoE's "active" count): all but the unused share of routed experts. */
    [[nodiscard]] std::uint64_t activeParameterCount() const;
};

/**
 * Which tensors a runtime would hold for this model (names and shapes, no types yet); `tiedEmbeddings` says
 * whether the output reuses the embeddings (the config's answer unless a checkpoint stores its own lm_head).
 */
[[nodiscard]] std::vector<Tensor> architectureTensors(const ModelSpec &spec, bool tiedEmbeddings);
[[nodiscard]] inline std::vector<Tensor> architectureTensors(const ModelSpec &spec)
{
    return architectureTensors(spec, spec.tiedEmbeddings);
}

/**
 * Builds the inventory of `spec` stored as `quant`: per-tensor types for GGUF file types follow
 * llama.cpp's `llama_tensor_get_type`, other formats their loaders' layout.
 * Returns nullopt when `quant` is not a format Headroom can lay out.
 */
[[nodiscard]] std::optional<TensorInventory> buildInventory(const ModelSpec &spec, const Quantization &quant,
                                                            MixVariant variant = MixVariant::LlamaCpp);

} // namespace headroom
