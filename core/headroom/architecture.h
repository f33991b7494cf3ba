// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/model_spec.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace headroom {

/**
 * What holds for every model of one architecture, named as llama.cpp names it (GGUF
 * `general.architecture`, ModelSpec::arch). Both file readers and the tensor layout read this one
 * table, so an architecture is added in one place. Facts a file states itself (a GGUF's tensor list,
 * a config.json's `layer_types`) win over the table; the table is the rule where a file is silent.
 */
struct Architecture {
    std::string_view gguf;                        ///< "gemma3", "gpt-oss"
    std::array<std::string_view, 3> hfModelTypes; ///< config.json `model_type` values converted to it ("" = unused)
    std::uint32_t slidingWindowPattern = 0;       ///< every Nth layer attends globally; 0 = no sliding window
    std::uint32_t defaultWindow = 0;              ///< the window when the file states none (llama.cpp hard-codes Llama 4's chunk)
    bool qkvBias = false;                         ///< Q/K/V projections always carry biases, whatever config.json says
    bool qkNorm = false;                          ///< per-head RMS norm on Q and K (attn_q_norm / attn_k_norm)
    bool postNorms = false;                       ///< post-attention and post-FFN norms (post_attention_norm / post_ffw_norm)
    bool fusedQkv = false;                        ///< one attn_qkv tensor
    bool fusedGateUp = false;                     ///< no ffn_gate: ffn_up holds gate and up (2 x n_ff); Phi-3, ChatGLM, GLM-4-0414
    bool tiedEmbeddings = false;                  ///< default when config.json has no `tie_word_embeddings`
    bool attentionOutputBias = false;             ///< attn_output.bias
    bool attentionSinks = false;                  ///< attn_sinks: one learned logit per head
    bool expertBiases = false;                    ///< router and routed-expert biases (ffn_gate_inp.bias, ffn_*_exps.bias)
    bool expertProbsBias = false;                 ///< exp_probs_b: the routing score correction of DeepSeek-V3's noaux_tc
    bool qkNormAcrossHeads = false;               ///< attn_q_norm / attn_k_norm span all heads (MiniMax-M2), not one head
    /// Hybrid models: the recurrent mixer of the blocks that do not attend (ModelSpec::blocks says which).
    std::optional<RecurrentSpec::Kind> recurrent = std::nullopt;
    std::uint32_t fullAttentionInterval = 0; ///< hybrid: every Nth block attends when the file gives no per-block list
    bool gatedQuery = false;                 ///< attn_q also produces the output gate (2 x heads x head_dim rows)
    bool sharedExpertGate = false;           ///< ffn_gate_inp_shexp: a sigmoid gate on the shared expert
    std::string_view source;
};

/** Every architecture Headroom knows by name. */
[[nodiscard]] std::span<const Architecture> architectures();

/** The table row for a GGUF architecture name; a row with every rule off for names it does not hold. */
[[nodiscard]] const Architecture &architectureFor(std::string_view gguf);

/** Whether the table has a row for this GGUF architecture name. */
[[nodiscard]] bool isKnownArchitecture(std::string_view gguf);

/** The row whose `hfModelTypes` holds `modelType`; nullptr when none does. */
[[nodiscard]] const Architecture *architectureForModelType(std::string_view modelType);

} // namespace headroom
