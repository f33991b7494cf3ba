// SPDX-License-Identifier: GPL-3.0-or-later
// The architecture table. Names and tensors are llama.cpp's: ggml-org/llama.cpp src/llama-arch.cpp
// (LLM_ARCH_NAMES, the tensor names), src/llama-model.cpp (load_hparams: the sliding-window pattern;
// load_tensors: which tensors an architecture has) and convert_hf_to_gguf.py (which Hugging Face
// model_type converts to which architecture).
#include "headroom/architecture.h"

#include <algorithm>

namespace headroom {
namespace {

constexpr Architecture kArchitectures[] = {
    {.gguf = "llama",
     .hfModelTypes = {"llama", "mistral", "mixtral"},
     .source = "convert_hf_to_gguf.py LlamaModel registers LlamaForCausalLM, MistralForCausalLM and "
               "MixtralForCausalLM with model_arch MODEL_ARCH.LLAMA"},
    {.gguf = "qwen2",
     .hfModelTypes = {"qwen2"},
     .qkvBias = true,
     .source = "llama-model.cpp load_tensors LLM_ARCH_QWEN2: bq, bk, bv required"},
    {.gguf = "qwen2moe",
     .hfModelTypes = {"qwen2_moe"},
     .qkvBias = true,
     .source = "llama-model.cpp load_tensors LLM_ARCH_QWEN2MOE: bq, bk, bv required"},
    {.gguf = "qwen2vl",
     .hfModelTypes = {"qwen2_vl", "qwen2_5_vl"},
     .qkvBias = true,
     .source = "convert_hf_to_gguf.py Qwen2VLModel registers Qwen2VLForConditionalGeneration and "
               "Qwen2_5_VLForConditionalGeneration with model_arch MODEL_ARCH.QWEN2VL; llama-model.cpp load_tensors "
               "'case LLM_ARCH_QWEN2: case LLM_ARCH_QWEN2VL:' (the qwen2 tensors, bq/bk/bv required); M-RoPE "
               "(LLAMA_ROPE_TYPE_MROPE, rope_sections) adds no tensor. The vision tower is the separate mmproj file"},
    {.gguf = "qwen3",
     .hfModelTypes = {"qwen3"},
     .qkNorm = true,
     .source = "llama-model.cpp load_tensors LLM_ARCH_QWEN3: attn_q_norm, attn_k_norm"},
    {.gguf = "qwen3moe",
     .hfModelTypes = {"qwen3_moe"},
     .qkNorm = true,
     .source = "llama-model.cpp load_tensors LLM_ARCH_QWEN3MOE: attn_q_norm, attn_k_norm"},
    {.gguf = "deepseek2",
     .hfModelTypes = {"deepseek_v2", "deepseek_v3", "kimi_k2"},
     .expertProbsBias = true,
     .source = "llama-model.cpp load_tensors LLM_ARCH_DEEPSEEK2: ffn_exp_probs_b (V3's noaux_tc routing; "
               "convert_hf_to_gguf.py DeepseekV2Model also takes DeepseekV3ForCausalLM, which Kimi K2 declares with model_type kimi_k2)"},
    {.gguf = "deepseek32",
     .hfModelTypes = {"deepseek_v32"},
     .expertProbsBias = true,
     .source = "ggml-org/llama.cpp PR #21149 (DeepseekV32ForCausalLM, LLM_ARCH_DEEPSEEK32): the deepseek2 tensors plus "
               "per layer indexer.k_norm (weight, bias), indexer.proj {n_embd, n_head_idx}, indexer.attn_k {n_embd, d_idx}, "
               "indexer.attn_q_b {q_lora_rank, n_head_idx x d_idx}; src/llama-kv-cache-dsa.cpp keeps the indexer keys"},
    {.gguf = "glm4moe",
     .hfModelTypes = {"glm4_moe"},
     .qkvBias = true,
     .expertProbsBias = true,
     .source = "llama.cpp load_tensors LLM_ARCH_GLM4_MOE (src/models/glm4-moe.cpp): q/k/v with biases, attn_q_norm/attn_k_norm "
               "only when present (config use_qk_norm), exp_probs_b, shared expert, n_layer_dense_lead dense layers; the "
               "nextn_predict_layers NextN block is in the file but created with TENSOR_SKIP"},
    {.gguf = "minimax-m2",
     .hfModelTypes = {"minimax_m2"},
     .qkNorm = true,
     .expertProbsBias = true,
     .qkNormAcrossHeads = true,
     .source = "llama.cpp load_tensors LLM_ARCH_MINIMAX_M2: attn_q_norm {n_embd_head_k x n_head}, attn_k_norm "
               "{n_embd_head_k x n_head_kv} (config qk_norm_type per_layer), exp_probs_b (use_routing_bias), no shared expert"},
    {.gguf = "gemma2",
     .hfModelTypes = {"gemma2"},
     .slidingWindowPattern = 2,
     .postNorms = true,
     .tiedEmbeddings = true,
     .source = "llama-model.cpp load_hparams LLM_ARCH_GEMMA2: set_swa_pattern(2); load_tensors: "
               "attn_post_norm, ffn_post_norm, output = tok_embd (no output.weight)"},
    {.gguf = "gemma3",
     .hfModelTypes = {"gemma3", "gemma3_text"},
     .slidingWindowPattern = 6,
     .qkNorm = true,
     .postNorms = true,
     .tiedEmbeddings = true,
     .source = "llama-model.cpp load_hparams LLM_ARCH_GEMMA3: set_swa_pattern(6); load_tensors: "
               "attn_q_norm, attn_k_norm, attn_post_norm, ffn_post_norm, output = tok_embd"},
    {.gguf = "phi3",
     .hfModelTypes = {"phi3"},
     .fusedQkv = true,
     .fusedGateUp = true,
     .source = "llama-model.cpp load_tensors LLM_ARCH_PHI3: wqkv, ffn_up of 2 x n_ff (gate and up fused)"},
    {.gguf = "chatglm",
     .hfModelTypes = {"chatglm", "glm"},
     .fusedQkv = true,
     .fusedGateUp = true,
     .source = "convert_hf_to_gguf.py ChatGLMModel registers GlmForCausalLM and ChatGLMModel (MODEL_ARCH.CHATGLM); "
               "llama-model.cpp load_tensors LLM_ARCH_CHATGLM: wqkv, ffn_up of 2 x n_ff (gate and up fused)"},
    {.gguf = "minicpm", .hfModelTypes = {"minicpm"}, .source = "convert_hf_to_gguf.py MiniCPMModel: model_arch MODEL_ARCH.MINICPM"},
    {.gguf = "glm4",
     .hfModelTypes = {"glm4"},
     .postNorms = true,
     .fusedGateUp = true,
     .source = "llama.cpp ec98e2002 src/llama-model.cpp load_tensors LLM_ARCH_GLM4: attn_q/attn_k/attn_v with optional "
               "biases (config attention_bias), attn_post_norm, ffn_post_norm, ffn_up of 2 x n_ff and no ffn_gate; "
               "gguf-py tensor_mapping.py maps GLM-4-0414's gate_up_proj to ffn_up and post_mlp_layernorm to ffn_post_norm"},
    {.gguf = "ernie4_5",
     .hfModelTypes = {"ernie4_5"},
     .source = "llama.cpp ec98e2002 src/llama-model.cpp load_tensors LLM_ARCH_ERNIE4_5: the llama layout, q/k/v/o biases "
               "optional (config use_bias), output falls back to tok_embd; conversion/ernie.py Ernie4_5Model splits "
               "qkv_proj and up_gate_proj into q/k/v and gate/up"},
    {.gguf = "ernie4_5-moe",
     .hfModelTypes = {"ernie4_5_moe"},
     .expertProbsBias = true,
     .source = "llama.cpp ec98e2002 src/llama-model.cpp load_tensors LLM_ARCH_ERNIE4_5_MOE: dense layers below "
               "n_layer_dense_lead (conversion/ernie.py: moe_layer_start_index), then ffn_gate_inp, ffn_exp_probs_b "
               "(tensor_mapping.py: mlp.moe_statics.e_score_correction), routed experts of n_ff_exp and shared experts "
               "of n_ff_shexp"},
    {.gguf = "hunyuan-moe",
     .hfModelTypes = {"hunyuan_v1_moe"},
     .qkNorm = true,
     .source = "llama.cpp ec98e2002 src/llama-model.cpp load_tensors LLM_ARCH_HUNYUAN_MOE: attn_q_norm/attn_k_norm, "
               "every layer MoE with ffn_gate_inp, experts and a shared expert of n_ff_shexp; conversion/hunyuan.py "
               "HunYuanMoEModel writes moe_intermediate_size[0], moe_topk[0] and num_shared_expert[0]"},
    {.gguf = "hunyuan-dense",
     .hfModelTypes = {"hunyuan_v1_dense"},
     .qkNorm = true,
     .source = "llama.cpp ec98e2002 src/llama-model.cpp load_tensors LLM_ARCH_HUNYUAN_DENSE: the llama layout with "
               "attn_q_norm/attn_k_norm; output falls back to tok_embd (conversion/hunyuan.py skips a tied lm_head)"},
    {.gguf = "seed_oss",
     .hfModelTypes = {"seed_oss"},
     .source = "llama.cpp ec98e2002 src/llama-model.cpp load_tensors LLM_ARCH_SEED_OSS: the llama layout with optional "
               "q/k/v biases (config attention_bias) and no attn_output bias; the FFN's pre-norm is stored as "
               "attn_post_norm (post_attention_layernorm), the same count as ffn_norm"},
    {.gguf = "granite",
     .hfModelTypes = {"granite"},
     .source = "llama.cpp ec98e2002 (vendored in ollama/ollama@f63eea3 llama/llama.cpp/src) llama-arch.cpp "
               "LLM_ARCH_GRANITE \"granite\"; llama-model.cpp load_tensors: LLM_ARCH_GRANITE shares the "
               "LLM_ARCH_LLAMA tensor list (output falls back to tok_embd); load_hparams reads the embedding, "
               "residual, attention and logit scales, which add no tensors"},
    {.gguf = "smollm3",
     .hfModelTypes = {"smollm3"},
     .source = "llama.cpp ec98e2002 (vendored in ollama/ollama@f63eea3 llama/llama.cpp/src) llama-arch.cpp "
               "LLM_ARCH_SMOLLM3 \"smollm3\"; llama-model.cpp load_tensors LLM_ARCH_SMOLLM3: the llama layout "
               "(attn_norm, wq/wk/wv/wo, ffn_norm, ffn_gate/up/down), output falls back to tok_embd; the NoPE "
               "layers (no_rope_layers) change no tensor"},
    {.gguf = "olmo2",
     .hfModelTypes = {"olmo2"},
     .qkNorm = true,
     .source = "llama.cpp ec98e2002 (vendored in ollama/ollama@f63eea3 llama/llama.cpp/src) llama-arch.cpp "
               "LLM_ARCH_OLMO2 \"olmo2\"; llama-model.cpp load_tensors LLM_ARCH_OLMO2: wq/wk/wv/wo, attn_q_norm "
               "{n_embd}, attn_k_norm {n_head_kv x head_dim}, attn_post_norm, ffn_gate/up/down, ffn_post_norm; no "
               "attn_norm or ffn_norm. The two post-norms have the pre-norms' shapes, so the llama list counts them; "
               "the q/k norms are counted per head (2 x head_dim a layer instead of n_embd + n_head_kv x head_dim: "
               "0.003 % of OLMo 2 7B's weights) until the table has a rule for norms across heads"},
    {.gguf = "cohere2",
     .hfModelTypes = {"cohere2"},
     .slidingWindowPattern = 4,
     .tiedEmbeddings = true,
     .source = "llama.cpp ec98e2002 (vendored in ollama/ollama@f63eea3 llama/llama.cpp/src) llama-arch.cpp "
               "LLM_ARCH_COHERE2 \"cohere2\"; llama-model.cpp load_hparams LLM_ARCH_COHERE2: swa_type STANDARD, "
               "set_swa_pattern(4); load_tensors: attn_norm, wq/wk/wv/wo, ffn_gate/up/down (a parallel block: no "
               "ffn_norm, counted here as llama's, 0.002 % of Command R7B), output = tok_embd"},
    {.gguf = "gpt-oss",
     .hfModelTypes = {"gpt_oss"},
     .slidingWindowPattern = 2,
     .attentionOutputBias = true,
     .attentionSinks = true,
     .expertBiases = true,
     .source = "llama-model.cpp load_hparams LLM_ARCH_OPENAI_MOE: set_swa_pattern(2); load_tensors: wo_b, "
               "attn_sinks, ffn_gate_inp_b, ffn_gate_exps_b, ffn_up_exps_b, ffn_down_exps_b"},
    {.gguf = "qwen3next",
     .hfModelTypes = {"qwen3_next"},
     .qkNorm = true,
     .recurrent = RecurrentSpec::Kind::GatedDeltaNet,
     .fullAttentionInterval = 4,
     .gatedQuery = true,
     .sharedExpertGate = true,
     .source = "llama.cpp src/models/qwen3next.cpp (02ebd8f) load_arch_hparams: ssm.* keys, recurrent unless "
               "(i + 1) % full_attention_interval == 0 (default 4); load_arch_tensors: attn_q of 2 x n_head x head_dim "
               "(query and gate), attn_q_norm/attn_k_norm, linear layers ssm_in (q, k, v, z), ssm_conv1d, ssm_dt.bias, "
               "ssm_a, ssm_beta_alpha, ssm_norm, ssm_out; ffn_gate_inp_shexp"},
    {.gguf = "granitehybrid",
     .hfModelTypes = {"granitemoehybrid"},
     .recurrent = RecurrentSpec::Kind::Mamba2,
     .source = "llama.cpp src/models/granite-hybrid.cpp: Mamba-2 layers where hparams.is_recurrent(il) "
               "(head_count_kv[il] == 0), attention elsewhere; tensors of a Mamba-2 block as in the gguf-dump of "
               "granite-4.0-h-tiny-Q4_0.gguf (danbev's notes): ssm_in, ssm_conv1d (+bias), ssm_dt.bias, ssm_a, ssm_d, "
               "ssm_norm, ssm_out"},
    {.gguf = "lfm2",
     .hfModelTypes = {"lfm2"},
     .qkNorm = true,
     .tiedEmbeddings = true,
     .recurrent = RecurrentSpec::Kind::ShortConv,
     .source = "llama.cpp src/models/lfm2.cpp load_arch_hparams: recurrent iff head_count_kv[il] == 0, "
               "shortconv.l_cache; load_arch_tensors: shortconv.conv {l_cache, n_embd}, shortconv.in_proj "
               "{n_embd, 3 n_embd}, shortconv.out_proj; attn_q_norm/attn_k_norm; output falls back to tok_embd"},
    {.gguf = "llama4",
     .hfModelTypes = {"llama4", "llama4_text"},
     .slidingWindowPattern = 4,
     .defaultWindow = 8192,
     .source = "llama-model.cpp load_hparams LLM_ARCH_LLAMA4: swa_type CHUNKED, n_swa = 8192 (not a GGUF key), "
               "set_swa_pattern(4): three chunked layers, then one global (NoPE) layer"},
};

constexpr Architecture kUnknown{};

} // namespace

std::span<const Architecture> architectures()
{
    return kArchitectures;
}

const Architecture &architectureFor(std::string_view gguf)
{
    for (const auto &a : kArchitectures)
        if (a.gguf == gguf)
            return a;
    return kUnknown;
}

bool isKnownArchitecture(std::string_view gguf)
{
    return &architectureFor(gguf) != &kUnknown;
}

const Architecture *architectureForModelType(std::string_view modelType)
{
    if (modelType.empty())
        return nullptr;
    for (const auto &a : kArchitectures)
        if (std::find(a.hfModelTypes.begin(), a.hfModelTypes.end(), modelType) != a.hfModelTypes.end())
            return &a;
    return nullptr;
}

} // namespace headroom
