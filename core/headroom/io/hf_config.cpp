// SPDX-License-Identifier: GPL-3.0-or-later
// Hugging Face config.json -> ModelSpec. Field names per transformers' configuration_<model_type>.py,
// with the aliases older or remote-code models use (n_layer, n_embd, kv_channels ...).
#include "headroom/io/hf_config.h"

#include "headroom/architecture.h"
#include "headroom/io/bounded_json.h"
#include "headroom/tensor_inventory.h"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <optional>

namespace headroom::io {
namespace {

using nlohmann::json;

/** First of `keys` present in `obj` (or `fallback`) as a non-negative integer that fits 32 bits. */
std::optional<std::uint32_t> u32(const json &obj, const json *fallback, std::initializer_list<const char *> keys)
{
    for (const json *o : {&obj, fallback}) {
        if (!o || !o->is_object())
            continue;
        for (const char *k : keys) {
            const auto it = o->find(k);
            if (it == o->end() || it->is_null())
                continue;
            if (it->is_number_unsigned() && it->get<std::uint64_t>() <= std::numeric_limits<std::uint32_t>::max())
                return static_cast<std::uint32_t>(it->get<std::uint64_t>());
            if (it->is_number_integer() && it->get<std::int64_t>() >= 0 &&
                it->get<std::int64_t>() <= std::numeric_limits<std::uint32_t>::max())
                return static_cast<std::uint32_t>(it->get<std::int64_t>());
            if (it->is_number_float()) {
                const double d = it->get<double>();
                if (d >= 0 && d <= std::numeric_limits<std::uint32_t>::max() && d == static_cast<double>(static_cast<std::uint32_t>(d)))
                    return static_cast<std::uint32_t>(d);
            }
        }
    }
    return std::nullopt;
}

/**
 * As u32, also taking a per-layer list whose entries are all equal (Hunyuan's moe_topk, num_shared_expert,
 * moe_intermediate_size): llama.cpp's conversion/hunyuan.py asserts they are equal and writes the first.
 */
std::optional<std::uint32_t> u32OrUniformList(const json &obj, const json *fallback, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        if (const auto v = u32(obj, fallback, {k}))
            return v;
        for (const json *o : {&obj, fallback}) {
            if (!o || !o->is_object())
                continue;
            const auto it = o->find(k);
            if (it == o->end() || !it->is_array() || it->empty())
                continue;
            const json &first = it->front();
            if (!std::all_of(it->begin(), it->end(), [&](const json &e) { return e == first; }))
                continue;
            const json one = {{k, first}};
            if (const auto v = u32(one, nullptr, {k}))
                return v;
        }
    }
    return std::nullopt;
}

std::string str(const json &obj, const json *fallback, const char *key)
{
    for (const json *o : {&obj, fallback}) {
        if (!o || !o->is_object())
            continue;
        const auto it = o->find(key);
        if (it != o->end() && it->is_string())
            return it->get<std::string>();
    }
    return {};
}

std::optional<bool> boolean(const json &obj, const json *fallback, const char *key)
{
    for (const json *o : {&obj, fallback}) {
        if (!o || !o->is_object())
            continue;
        const auto it = o->find(key);
        if (it != o->end() && it->is_boolean())
            return it->get<bool>();
    }
    return std::nullopt;
}

/** Our GGUF-style architecture name for a config.json model_type; unknown types pass through as they are. */
std::string archFor(const std::string &modelType)
{
    const Architecture *a = architectureForModelType(modelType);
    return a ? std::string(a->gguf) : modelType;
}

/**
 * GPTQ / AWQ: `bits` picks the layout (transformers utils/quantization_config.py GPTQConfig, AwqConfig;
 * both default to 4 bits). A width without a layout here is refused rather than sized as another.
 */
std::variant<std::string, IoError> gptqAwqQuant(const json &q, const std::string &method, const std::string &name, std::int64_t &groupSize)
{
    if (const auto it = q.find("group_size"); it != q.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < -1 || it->get<std::int64_t>() == 0)
            return IoError{IoError::Code::WrongKeyType, name, 0, "quantization_config.group_size"};
        groupSize = it->get<std::int64_t>();
    }
    std::uint32_t bits = 4;
    if (const auto it = q.find("bits"); it != q.end() && !it->is_null()) {
        const auto b = u32(q, nullptr, {"bits"});
        if (!b)
            return IoError{IoError::Code::WrongKeyType, name, 0, "quantization_config.bits"};
        bits = *b;
    }
    if (bits == 4)
        return method + "-int4";
    if (bits == 8 && method == "gptq")
        return std::string("gptq-int8");
    return IoError{IoError::Code::WrongKeyType, name, 0,
                   "quantization_config.bits = " + std::to_string(bits) + " (" + method +
                       (method == "gptq" ? ": 4 or 8 are sized)" : ": 4 is sized)")};
}

std::variant<std::string, IoError> quantFor(const json &cfg, const json *text, const std::string &name, std::int64_t &groupSize)
{
    if (const auto it = cfg.find("quantization"); it != cfg.end() && it->is_object()) {
        if (const auto bits = u32(*it, nullptr, {"bits"}))
            return "mlx-" + std::to_string(*bits) + "bit";
    }
    if (const auto it = cfg.find("quantization_config"); it != cfg.end() && it->is_object()) {
        const std::string method = str(*it, nullptr, "quant_method");
        if (method == "awq" || method == "gptq")
            return gptqAwqQuant(*it, method, name, groupSize);
        if (method == "bitsandbytes") {
            if (boolean(*it, nullptr, "load_in_4bit").value_or(false))
                return std::string("bnb-nf4");
            return std::string("bnb-int8");
        }
        if (method == "fp8")
            return std::string("fp8");
        if (!method.empty())
            return method;
    }
    std::string dtype = str(cfg, text, "torch_dtype");
    if (dtype.empty())
        dtype = str(cfg, text, "dtype");
    if (dtype == "float16")
        return std::string("fp16");
    if (dtype == "float32")
        return std::string("hf-f32");
    return std::string("hf-bf16");
}

/**
 * Hybrid models: which blocks recur (config.json `layer_types`, else every `full_attention_interval`-th
 * block attends) and the recurrent mixer's shape, named as convert_hf_to_gguf.py maps it to the `ssm.*`
 * keys: Qwen3NextModel (linear_* keys), GraniteHybridModel (mamba_* keys), LFM2Model (conv_L_cache).
 */
std::optional<IoError> readHybrid(const json &c, const json *fb, RecurrentSpec::Kind kind, std::uint32_t interval, const std::string &name,
                                  ModelSpec &m)
{
    RecurrentSpec r;
    r.kind = kind;
    const auto need = [&](std::initializer_list<const char *> keys) -> std::optional<std::uint32_t> {
        const auto v = u32(c, fb, keys);
        return v && *v > 0 ? v : std::nullopt;
    };
    switch (kind) {
    case RecurrentSpec::Kind::GatedDeltaNet: {
        const auto kernel = need({"linear_conv_kernel_dim"});
        const auto keyDim = need({"linear_key_head_dim"});
        const auto keyHeads = need({"linear_num_key_heads"});
        const auto valueDim = need({"linear_value_head_dim"});
        const auto valueHeads = need({"linear_num_value_heads"});
        if (!kernel || !keyDim || !keyHeads || !valueDim || !valueHeads)
            return IoError{IoError::Code::MissingKey, name, 0, "linear_conv_kernel_dim / linear_*_head_dim / linear_num_*_heads"};
        r.convKernel = *kernel;
        r.stateSize = *keyDim;
        r.groups = *keyHeads;
        r.heads = *valueHeads;
        r.innerSize = *valueDim * *valueHeads;
        break;
    }
    case RecurrentSpec::Kind::Mamba2: {
        const auto kernel = need({"mamba_d_conv", "conv_kernel"});
        const auto state = need({"mamba_d_state", "state_size", "ssm_state_size"});
        const auto heads = need({"mamba_n_heads", "mamba_num_heads"});
        if (!kernel || !state || !heads)
            return IoError{IoError::Code::MissingKey, name, 0, "mamba_d_conv / mamba_d_state / mamba_n_heads"};
        r.convKernel = *kernel;
        r.stateSize = *state;
        r.heads = *heads;
        r.groups = u32(c, fb, {"mamba_n_groups", "n_groups"}).value_or(1);
        if (const auto headDim = need({"mamba_d_head", "mamba_head_dim"}))
            r.innerSize = *headDim * *heads;
        else
            r.innerSize = u32(c, fb, {"mamba_expand", "expand"}).value_or(2) * m.hidden;
        break;
    }
    case RecurrentSpec::Kind::ShortConv: {
        const auto kernel = need({"conv_L_cache"});
        if (!kernel)
            return IoError{IoError::Code::MissingKey, name, 0, "conv_L_cache"};
        r.convKernel = *kernel;
        // transformers Lfm2MLP: with block_auto_adjust_ff_dim the stated width becomes 2/3 of itself, times
        // block_ffn_dim_multiplier, rounded up to block_multiple_of (6656 -> 4608 in LFM2-350M, the n_ff
        // llama.cpp's lfm2 size table expects).
        if (boolean(c, fb, "block_auto_adjust_ff_dim").value_or(false)) {
            std::uint64_t ff = 2ULL * m.ffn / 3;
            if (const auto it = c.find("block_ffn_dim_multiplier"); it != c.end() && it->is_number())
                ff = static_cast<std::uint64_t>(it->get<double>() * static_cast<double>(ff));
            const std::uint64_t multiple = std::max<std::uint32_t>(u32(c, fb, {"block_multiple_of"}).value_or(1), 1);
            ff = (ff + multiple - 1) / multiple * multiple;
            if (ff == 0 || ff > std::numeric_limits<std::uint32_t>::max())
                return IoError{IoError::Code::WrongKeyType, name, 0, "block_ff_dim"};
            m.ffn = static_cast<std::uint32_t>(ff);
        }
        break;
    }
    }
    m.recurrent = r;
    m.blocks.assign(m.layers, BlockKind::Attention);
    const auto it = c.find("layer_types");
    if (it != c.end() && it->is_array() && it->size() == m.layers) {
        for (std::size_t i = 0; i < it->size(); ++i) {
            const auto &t = (*it)[i];
            const std::string type = t.is_string() ? t.get<std::string>() : std::string();
            const bool recurrent = type == "linear_attention" || type == "mamba" || type == "conv";
            m.blocks[i] = recurrent ? BlockKind::Recurrent : BlockKind::Attention;
        }
        return std::nullopt;
    }
    // Older LFM2 files list the attention blocks instead (full_attn_idxs).
    if (const auto idx = c.find("full_attn_idxs"); idx != c.end() && idx->is_array()) {
        m.blocks.assign(m.layers, BlockKind::Recurrent);
        for (const auto &i : *idx)
            if (i.is_number_unsigned() && i.get<std::uint64_t>() < m.layers)
                m.blocks[i.get<std::uint64_t>()] = BlockKind::Attention;
        return std::nullopt;
    }
    const std::uint32_t every = u32(c, fb, {"full_attention_interval"}).value_or(interval);
    if (every == 0)
        return IoError{IoError::Code::MissingKey, name, 0, "layer_types"};
    for (std::uint32_t l = 0; l < m.layers; ++l)
        m.blocks[l] = (l + 1) % every == 0 ? BlockKind::Attention : BlockKind::Recurrent;
    return std::nullopt;
}

} // namespace

std::variant<HfConfig, IoError> parseHfConfig(std::string_view text, const std::string &name)
{
    auto parsed = parseBoundedJson(text, name, 0);
    if (auto *e = std::get_if<IoError>(&parsed))
        return *e;
    const json &cfg = std::get<json>(parsed);
    if (!cfg.is_object())
        return IoError{IoError::Code::BadJson, name, 0, "config.json is not an object"};
    // Multimodal wrappers (Gemma 3, Mistral 3) keep the language model in text_config.
    const json *top = &cfg;
    const json *textCfg = nullptr;
    if (const auto it = cfg.find("text_config"); it != cfg.end() && it->is_object())
        textCfg = &*it;
    const json &c = textCfg ? *textCfg : cfg;
    const json *fb = textCfg ? top : nullptr;

    HfConfig out;
    auto &m = out.spec;
    std::string modelType = str(cfg, nullptr, "model_type");
    if (textCfg && !str(c, nullptr, "model_type").empty() && modelType.empty())
        modelType = str(c, nullptr, "model_type");
    if (modelType.empty())
        return IoError{IoError::Code::MissingKey, name, 0, "model_type"};
    m.arch = archFor(modelType);
    m.id = name;
    m.name = str(cfg, nullptr, "_name_or_path");
    if (m.name.empty())
        m.name = name;
    m.source = name;

    const auto need = [&](std::initializer_list<const char *> keys) -> std::variant<std::uint32_t, IoError> {
        const auto v = u32(c, fb, keys);
        if (!v || *v == 0)
            return IoError{IoError::Code::MissingKey, name, 0, *keys.begin()};
        return *v;
    };
    // (Separate calls: a loop over pairs of initializer_lists left their arrays dangling; found by fuzz_hf_config.)
    const auto layers = need({"num_hidden_layers", "n_layer", "num_layers"});
    if (auto *e = std::get_if<IoError>(&layers))
        return *e;
    const auto hidden = need({"hidden_size", "n_embd", "d_model"});
    if (auto *e = std::get_if<IoError>(&hidden))
        return *e;
    const auto heads = need({"num_attention_heads", "n_head"});
    if (auto *e = std::get_if<IoError>(&heads))
        return *e;
    m.layers = std::get<std::uint32_t>(layers);
    m.hidden = std::get<std::uint32_t>(hidden);
    m.heads = std::get<std::uint32_t>(heads);
    if (m.layers > 65536)
        return IoError{IoError::Code::TooLarge, name, 0, "num_hidden_layers " + std::to_string(m.layers)};
    const bool multiQuery = boolean(c, fb, "multi_query_attention").value_or(false);
    m.kvHeads = u32(c, fb, {"num_key_value_heads", "n_head_kv"}).value_or(0);
    if (m.kvHeads == 0 && multiQuery)
        m.kvHeads = u32(c, fb, {"multi_query_group_num"}).value_or(0);
    if (m.kvHeads == 0)
        m.kvHeads = m.heads;
    m.headDim = u32(c, fb, {"head_dim", "kv_channels"}).value_or(m.hidden / m.heads);
    m.ffn = u32(c, fb, {"intermediate_size", "ffn_hidden_size", "n_inner"}).value_or(4 * m.hidden);
    m.vocab = u32(c, fb, {"vocab_size", "padded_vocab_size"}).value_or(0);
    if (const auto padded = u32(c, fb, {"padded_vocab_size"}))
        m.vocab = *padded; // ChatGLM's embedding is padded
    m.maxContext = u32(c, fb, {"max_position_embeddings", "seq_length", "n_positions", "max_seq_len"}).value_or(4096);
    if (m.maxContext == 0)
        m.maxContext = 4096;

    const Architecture &arch = architectureFor(m.arch);
    m.tiedEmbeddings = boolean(c, fb, "tie_word_embeddings").value_or(arch.tiedEmbeddings);
    m.qkvBias = arch.qkvBias || boolean(c, fb, "attention_bias").value_or(false) || boolean(c, fb, "add_qkv_bias").value_or(false);
    m.qkNorm = arch.qkNorm || boolean(c, fb, "use_qk_norm").value_or(false); // GLM-4.5 (glm4_moe) states it per model
    m.postNorms = arch.postNorms;
    m.fusedQkv = arch.fusedQkv;
    m.fusedGateUp = arch.fusedGateUp;

    // Sliding window: an explicit layer_types list, or the architecture's fixed pattern. Llama 4 names its
    // chunk `attention_chunk_size` (transformers Llama4TextConfig).
    const auto window = u32(c, fb, {"sliding_window", "attention_chunk_size"});
    std::uint32_t pattern = 0;
    if (const auto it = c.find("layer_types"); it != c.end() && it->is_array() && !it->empty()) {
        for (std::size_t i = 0; i < it->size(); ++i) {
            const auto &t = (*it)[i];
            if (t.is_string() && t.get<std::string>() == "full_attention") {
                pattern = static_cast<std::uint32_t>(i + 1);
                break;
            }
        }
    } else if (const auto p = u32(c, fb, {"sliding_window_pattern"})) {
        pattern = *p;
    } else {
        pattern = arch.slidingWindowPattern;
    }
    if (window && *window > 0 && pattern > 1)
        m.slidingWindow = SlidingWindow{*window, pattern};

    if (arch.recurrent) {
        if (auto e = readHybrid(c, fb, *arch.recurrent, arch.fullAttentionInterval, name, m))
            return *e;
    }

    // Mixture of experts. ERNIE 4.5 spells its keys moe_num_experts / moe_k / moe_num_shared_experts /
    // moe_layer_start_index (conversion/ernie.py); Hunyuan gives moe_topk, num_shared_expert and
    // moe_intermediate_size per layer (conversion/hunyuan.py).
    const auto experts = u32(c, fb, {"num_experts", "n_routed_experts", "num_local_experts", "moe_num_experts"});
    if (experts && *experts > 1) {
        MoeSpec moe;
        moe.experts = *experts;
        moe.expertsUsed =
            u32OrUniformList(c, fb, {"num_experts_per_tok", "experts_per_token", "num_experts_per_token", "moe_k", "moe_topk"}).value_or(1);
        moe.expertsUsed = std::min(moe.expertsUsed, moe.experts);
        moe.expertFfn = u32OrUniformList(c, fb, {"moe_intermediate_size"}).value_or(m.ffn);
        moe.sharedExperts =
            u32OrUniformList(c, fb, {"n_shared_experts", "num_shared_experts", "moe_num_shared_experts", "num_shared_expert"}).value_or(0);
        moe.sharedFfn = u32(c, fb, {"shared_expert_intermediate_size", "shared_intermediate_size"}).value_or(0);
        if (moe.sharedFfn > 0 && moe.sharedExperts == 0)
            moe.sharedExperts = 1;
        moe.denseLayers = std::min(u32(c, fb, {"first_k_dense_replace", "moe_layer_start_index"}).value_or(0), m.layers);
        m.moe = moe;
    }

    // DeepSeek multi-head latent attention.
    if (const auto kvLora = u32(c, fb, {"kv_lora_rank"}); kvLora && *kvLora > 0) {
        MlaSpec mla;
        mla.kvLoraRank = *kvLora;
        mla.qLoraRank = u32(c, fb, {"q_lora_rank"}).value_or(0);
        mla.qkRopeHeadDim = u32(c, fb, {"qk_rope_head_dim"}).value_or(0);
        mla.qkNopeHeadDim = u32(c, fb, {"qk_nope_head_dim"}).value_or(0);
        mla.vHeadDim = u32(c, fb, {"v_head_dim"}).value_or(mla.qkNopeHeadDim);
        m.mla = mla;
        m.headDim = mla.qkNopeHeadDim + mla.qkRopeHeadDim;
        m.valueHeadDim = mla.vHeadDim != m.headDim ? mla.vHeadDim : 0;
    }
    // DeepSeek routing: V2's greedy top-k has no score correction, V3's noaux_tc keeps e_score_correction_bias
    // (llama.cpp exp_probs_b, optional for deepseek2). Configs without topk_method follow the architecture.
    if (m.moe) {
        const std::string topk = str(c, fb, "topk_method");
        if (!topk.empty())
            m.moe->routingBias = topk == "noaux_tc";
    }
    // DeepSeek Sparse Attention (V3.2): the lightning indexer's heads, key width and top-k.
    if (const auto ixHeads = u32(c, fb, {"index_n_heads"}); ixHeads && *ixHeads > 0) {
        IndexerSpec ix;
        ix.heads = *ixHeads;
        ix.headDim = u32(c, fb, {"index_head_dim"}).value_or(0);
        ix.topk = u32(c, fb, {"index_topk"}).value_or(0);
        if (ix.headDim > 0)
            m.indexer = ix;
    }
    m.mtpLayers = u32(c, fb, {"num_nextn_predict_layers"}).value_or(0);
    if (m.headDim == 0 || m.vocab == 0)
        return IoError{IoError::Code::MissingKey, name, 0, m.vocab == 0 ? "vocab_size" : "head_dim"};

    // Parameter count from the shapes the engine lays out (exact when safetensors are read too).
    TensorInventory shapes;
    shapes.tensors = architectureTensors(m);
    m.params = shapes.parameterCount();
    if (m.isMoe()) {
        shapes.experts = m.moe->experts;
        shapes.expertsUsed = m.moe->expertsUsed;
        m.activeParams = shapes.activeParameterCount();
    }
    auto quant = quantFor(cfg, textCfg, name, out.groupSize);
    if (auto *e = std::get_if<IoError>(&quant))
        return *e;
    out.quant = std::move(std::get<std::string>(quant));
    return out;
}

} // namespace headroom::io
