// SPDX-License-Identifier: GPL-3.0-or-later
// GGUF metadata -> ModelSpec + exact TensorInventory. Keys as llama.cpp writes them (src/llama-arch.cpp
// LLM_KV_NAMES: `<arch>.block_count`, `<arch>.attention.head_count_kv` ...); the flags the layout needs
// (fused QKV, QK norm ...) are read off the tensor list, which is the file's own answer.
#include "headroom/io/gguf_model.h"

#include "headroom/architecture.h"
#include "headroom/ggml_type.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <set>
#include <system_error>

namespace headroom::io {

std::string ggufFileTypeName(std::uint32_t ftype)
{
    ftype &= ~1024U; // LLAMA_FTYPE_GUESSED
    // llama.cpp include/llama.h enum llama_ftype (4-6 and 33-35 were removed).
    switch (ftype) {
    case 0: return "F32";
    case 1: return "F16";
    case 2: return "Q4_0";
    case 3: return "Q4_1";
    case 7: return "Q8_0";
    case 8: return "Q5_0";
    case 9: return "Q5_1";
    case 10: return "Q2_K";
    case 11: return "Q3_K_S";
    case 12: return "Q3_K_M";
    case 13: return "Q3_K_L";
    case 14: return "Q4_K_S";
    case 15: return "Q4_K_M";
    case 16: return "Q5_K_S";
    case 17: return "Q5_K_M";
    case 18: return "Q6_K";
    case 19: return "IQ2_XXS";
    case 20: return "IQ2_XS";
    case 21: return "Q2_K_S";
    case 22: return "IQ3_XS";
    case 23: return "IQ3_XXS";
    case 24: return "IQ1_S";
    case 25: return "IQ4_NL";
    case 26: return "IQ3_S";
    case 27: return "IQ3_M";
    case 28: return "IQ2_S";
    case 29: return "IQ2_M";
    case 30: return "IQ4_XS";
    case 31: return "IQ1_M";
    case 32: return "BF16";
    case 36: return "TQ1_0";
    case 37: return "TQ2_0";
    case 38: return "MXFP4_MOE";
    case 39: return "NVFP4"; // LLAMA_FTYPE_MOSTLY_NVFP4 (include/llama.h as quoted at llama.cpp acd79d6)
    default: return {};
    }
}

namespace {

class Meta
{
public:
    Meta(const GgufFile &f, std::string arch) : m_f(f), m_arch(std::move(arch)) {}

    /** `<arch>.<key>` as an unsigned number; arrays give their largest item. */
    std::optional<std::uint32_t> u32(const std::string &key, bool archPrefix = true) const
    {
        const std::string full = archPrefix ? m_arch + "." + key : key;
        const auto *v = m_f.find(full);
        if (!v)
            return std::nullopt;
        std::optional<std::uint64_t> value;
        if (v->type == GgufValueType::Array) {
            if (v->arrayCount == 0 || !v->items.front().isInteger())
                throwIoError(IoError::Code::WrongKeyType, m_f.path, 0, full);
            std::uint64_t best = 0;
            for (const auto &item : v->items) {
                const auto u = item.asUnsigned();
                if (!u)
                    throwIoError(IoError::Code::WrongKeyType, m_f.path, 0, full);
                best = std::max(best, *u);
            }
            value = best;
        } else {
            value = v->asUnsigned();
        }
        if (!value || *value > std::numeric_limits<std::uint32_t>::max())
            throwIoError(IoError::Code::WrongKeyType, m_f.path, 0, full);
        return static_cast<std::uint32_t>(*value);
    }

    /** `<arch>.<key>` per block: an array's items, or a scalar repeated; empty when absent. */
    std::vector<std::uint32_t> perLayer(const std::string &key, std::uint32_t layers) const
    {
        const std::string full = m_arch + "." + key;
        const auto *v = m_f.find(full);
        if (!v)
            return {};
        if (v->type != GgufValueType::Array)
            return std::vector<std::uint32_t>(layers, u32(key).value_or(0));
        std::vector<std::uint32_t> out;
        for (const auto &item : v->items) {
            const auto u = item.asUnsigned();
            if (!u || *u > std::numeric_limits<std::uint32_t>::max())
                throwIoError(IoError::Code::WrongKeyType, m_f.path, 0, full);
            out.push_back(static_cast<std::uint32_t>(*u));
        }
        if (out.size() != layers)
            throwIoError(IoError::Code::WrongKeyType, m_f.path, 0, full + " has " + std::to_string(out.size()) + " items");
        return out;
    }

    std::uint32_t required(const std::string &key) const
    {
        const auto v = u32(key);
        if (!v)
            throwIoError(IoError::Code::MissingKey, m_f.path, 0, m_arch + "." + key);
        if (*v == 0)
            throwIoError(IoError::Code::WrongKeyType, m_f.path, 0, m_arch + "." + key + " = 0");
        return *v;
    }

    std::string str(const std::string &key) const
    {
        const auto *v = m_f.find(key);
        if (!v)
            return {};
        if (v->type != GgufValueType::String)
            throwIoError(IoError::Code::WrongKeyType, m_f.path, 0, key);
        return v->s;
    }

private:
    const GgufFile &m_f;
    std::string m_arch;
};

int layerOf(const std::string &name, std::uint32_t layers)
{
    if (name.find("token_embd") != std::string::npos)
        return -1;
    if (name.rfind("blk.", 0) == 0) {
        std::uint32_t n = 0;
        const char *begin = name.data() + 4;
        const char *end = name.data() + name.size();
        const auto [ptr, ec] = std::from_chars(begin, end, n);
        if (ec == std::errc() && ptr != begin && ptr < end && *ptr == '.')
            return static_cast<int>(std::min(n, layers));
    }
    return static_cast<int>(layers);
}

} // namespace

std::variant<GgufModel, IoError> ggufToModel(const GgufFile &f)
{
    try {
        GgufModel out;
        auto &m = out.spec;
        const auto *archValue = f.find("general.architecture");
        if (!archValue)
            throwIoError(IoError::Code::MissingKey, f.path, 0, "general.architecture");
        if (archValue->type != GgufValueType::String || archValue->s.empty())
            throwIoError(IoError::Code::WrongKeyType, f.path, 0, "general.architecture");
        m.arch = archValue->s;
        const Meta meta(f, m.arch);

        const std::string fileName = std::filesystem::path(f.path).filename().string();
        m.id = fileName;
        m.name = meta.str("general.name");
        if (m.name.empty())
            m.name = fileName;
        m.family = meta.str("general.basename");
        m.source = f.path;

        m.layers = meta.required("block_count");
        if (m.layers > 65536)
            throwIoError(IoError::Code::TooLarge, f.path, 0, m.arch + ".block_count " + std::to_string(m.layers));
        m.hidden = meta.required("embedding_length");
        m.heads = meta.required("attention.head_count");
        m.kvHeads = meta.u32("attention.head_count_kv").value_or(m.heads);
        if (m.kvHeads == 0)
            m.kvHeads = m.heads;
        m.ffn = meta.u32("feed_forward_length").value_or(0);
        m.maxContext = meta.u32("context_length").value_or(4096);
        if (m.maxContext == 0)
            m.maxContext = 4096;

        std::uint32_t keyLength = meta.u32("attention.key_length").value_or(m.hidden / m.heads);
        std::uint32_t valueLength = meta.u32("attention.value_length").value_or(keyLength);
        const std::uint32_t kvLoraRank = meta.u32("attention.kv_lora_rank").value_or(0);
        if (kvLoraRank > 0) {
            // Newer conversions store the absorbed-MLA lengths in key_length/value_length and the
            // per-head ones in *_mla.
            keyLength = meta.u32("attention.key_length_mla").value_or(keyLength);
            valueLength = meta.u32("attention.value_length_mla").value_or(valueLength);
            MlaSpec mla;
            mla.kvLoraRank = kvLoraRank;
            mla.qLoraRank = meta.u32("attention.q_lora_rank").value_or(0);
            mla.qkRopeHeadDim = meta.u32("rope.dimension_count").value_or(0);
            mla.qkNopeHeadDim = keyLength > mla.qkRopeHeadDim ? keyLength - mla.qkRopeHeadDim : 0;
            mla.vHeadDim = valueLength;
            m.mla = mla;
        }
        m.headDim = keyLength;
        m.valueHeadDim = valueLength != keyLength ? valueLength : 0;
        // DSA lightning indexer (deepseek32, glm-dsa): llama-arch.cpp LLM_KV_ATTENTION_INDEXER_*.
        if (const auto ixHeads = meta.u32("attention.indexer.head_count"); ixHeads && *ixHeads > 0) {
            IndexerSpec ix;
            ix.heads = *ixHeads;
            ix.headDim = meta.u32("attention.indexer.key_length").value_or(0);
            ix.topk = meta.u32("attention.indexer.top_k").value_or(0);
            if (ix.headDim > 0)
                m.indexer = ix;
        }
        // GLM-4.5's NextN block is counted in block_count (llama.cpp LLM_KV_NEXTN_PREDICT_LAYERS).
        m.mtpLayers = meta.u32("nextn_predict_layers").value_or(0);

        const Architecture &archRow = architectureFor(m.arch);
        if (const auto window = meta.u32("attention.sliding_window"); window && *window > 0) {
            if (const auto pattern = archRow.slidingWindowPattern)
                m.slidingWindow = SlidingWindow{*window, pattern};
        } else if (!window && archRow.defaultWindow > 0 && archRow.slidingWindowPattern > 0) {
            // llama.cpp hard-codes the window (Llama 4's 8192-token chunks); a stated 0 turns it off.
            m.slidingWindow = SlidingWindow{archRow.defaultWindow, archRow.slidingWindowPattern};
        }

        // Per-layer shapes: head_count_kv may be an array (0 = a block without attention).
        const auto kvPerLayer = meta.perLayer("attention.head_count_kv", m.layers);
        if (archRow.recurrent) {
            RecurrentSpec r;
            r.kind = *archRow.recurrent;
            if (r.kind == RecurrentSpec::Kind::ShortConv) {
                r.convKernel = meta.required("shortconv.l_cache");
            } else {
                r.convKernel = meta.required("ssm.conv_kernel");
                r.innerSize = meta.required("ssm.inner_size");
                r.stateSize = meta.required("ssm.state_size");
                r.groups = meta.u32("ssm.group_count").value_or(1);
                r.heads = meta.u32("ssm.time_step_rank").value_or(0);
            }
            m.recurrent = r;
            m.blocks.assign(m.layers, BlockKind::Attention);
            // qwen3next: every full_attention_interval-th block attends (default 4); granitehybrid, lfm2:
            // a block is recurrent where head_count_kv is 0 (their load_arch_hparams).
            const std::uint32_t interval =
                archRow.fullAttentionInterval ? meta.u32("full_attention_interval").value_or(archRow.fullAttentionInterval) : 0;
            for (std::uint32_t l = 0; l < m.layers; ++l) {
                const bool recurrent = interval ? (l + 1) % interval != 0 : (!kvPerLayer.empty() && kvPerLayer[l] == 0);
                m.blocks[l] = recurrent ? BlockKind::Recurrent : BlockKind::Attention;
            }
        }
        if (!kvPerLayer.empty()) {
            bool varies = false;
            for (std::uint32_t l = 0; l < m.layers; ++l)
                varies = varies || (kvPerLayer[l] > 0 && kvPerLayer[l] != m.kvHeads);
            if (varies)
                m.layerKvHeads = kvPerLayer;
        }

        if (const auto experts = meta.u32("expert_count"); experts && *experts > 0) {
            MoeSpec moe;
            moe.experts = *experts;
            moe.expertsUsed = meta.u32("expert_used_count").value_or(1);
            if (moe.expertsUsed > moe.experts)
                throwIoError(IoError::Code::WrongKeyType, f.path, 0, m.arch + ".expert_used_count > expert_count");
            moe.expertFfn = meta.u32("expert_feed_forward_length").value_or(m.ffn);
            moe.sharedExperts = meta.u32("expert_shared_count").value_or(0);
            moe.sharedFfn = meta.u32("expert_shared_feed_forward_length").value_or(0);
            moe.denseLayers = meta.u32("leading_dense_block_count").value_or(0);
            m.moe = moe;
        }

        // Tensors: the exact inventory.
        auto &inv = out.inventory;
        inv.exact = true;
        inv.layers = m.layers;
        if (m.isMoe()) {
            inv.experts = m.moe->experts;
            inv.expertsUsed = m.moe->expertsUsed;
        }
        std::set<std::string> names;
        inv.tensors.reserve(f.tensors.size());
        for (const auto &ti : f.tensors) {
            Tensor t;
            t.name = ti.name;
            t.layer = layerOf(ti.name, m.layers);
            t.ne = {ti.ne[0], ti.ne[1], ti.ne[2] * ti.ne[3]};
            t.storage = std::string(ggmlTypeTraits(ti.type)->name);
            t.bytes = ti.bytes;
            t.routedExpert = ti.name.find("_exps") != std::string::npos;
            names.insert(ti.name);
            inv.tensors.push_back(std::move(t));
        }
        const auto has = [&](const std::string &n) { return names.count(n) > 0; };
        m.tiedEmbeddings = !has("output.weight");
        m.fusedQkv = has("blk.0.attn_qkv.weight");
        m.qkvBias = has("blk.0.attn_q.bias") || has("blk.0.attn_qkv.bias");
        m.qkNorm = has("blk.0.attn_q_norm.weight");
        m.postNorms = has("blk.0.post_attention_norm.weight");
        for (std::uint32_t l = 0; l < m.layers; ++l) {
            const std::string prefix = "blk." + std::to_string(l) + ".";
            if (has(prefix + "ffn_up.weight")) {
                m.fusedGateUp = !has(prefix + "ffn_gate.weight");
                break;
            }
            if (l >= 8)
                break;
        }

        if (const auto *tokens = f.find("tokenizer.ggml.tokens"); tokens && tokens->type == GgufValueType::Array)
            m.vocab = static_cast<std::uint32_t>(std::min<std::uint64_t>(tokens->arrayCount, UINT32_MAX));
        if (m.vocab == 0)
            m.vocab = meta.u32("vocab_size").value_or(0);
        if (m.vocab == 0) {
            for (const auto &t : inv.tensors)
                if (t.name == "token_embd.weight")
                    m.vocab = static_cast<std::uint32_t>(std::min<std::uint64_t>(t.ne[1], UINT32_MAX));
        }

        // The NextN (MTP) blocks are counted in block_count (GLM-4.5's blk.46 of 47); llama.cpp creates their tensors with
        // TENSOR_SKIP ("skip all tensors in the NextN layers", load_tensors of GLM4_MOE and DEEPSEEK2) and builds the
        // graph and KV cache over n_layer = block_count - nextn_predict_layers (print_info: n_layer vs n_layer_all), so
        // they are neither loaded weights nor KV layers.
        if (m.mtpLayers > 0 && m.mtpLayers < m.layers) {
            const auto main = static_cast<int>(m.layers - m.mtpLayers);
            std::erase_if(inv.tensors, [&](const Tensor &t) { return t.layer >= main && t.layer < static_cast<int>(m.layers); });
            for (auto &t : inv.tensors)
                t.layer = std::min(t.layer, main); // the output layer follows the last main block
            m.layers = static_cast<std::uint32_t>(main);
            inv.layers = m.layers;
        }
        m.params = inv.parameterCount();
        if (m.isMoe())
            m.activeParams = inv.activeParameterCount();

        if (const auto *ft = f.find("general.file_type"); ft && ft->asUnsigned())
            out.quant = ggufFileTypeName(static_cast<std::uint32_t>(std::min<std::uint64_t>(*ft->asUnsigned(), UINT32_MAX)));
        return out;
    } catch (const IoFailure &failure) {
        return failure.error;
    }
}

} // namespace headroom::io
