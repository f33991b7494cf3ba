// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/tensor_inventory.h"

#include "headroom/architecture.h"
#include "headroom/gguf_mix.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace headroom {
namespace {

class TensorList
{
public:
    explicit TensorList(std::vector<Tensor> &out) : m_out(out) {}

    void add(std::string name, int layer, std::uint64_t ne0, std::uint64_t ne1 = 1, std::uint64_t ne2 = 1, bool expert = false)
    {
        Tensor t;
        t.name = std::move(name);
        t.layer = layer;
        t.ne = {ne0, ne1, ne2};
        t.routedExpert = expert;
        m_out.push_back(std::move(t));
    }

    void addBlock(int layer, std::string_view suffix, std::uint64_t ne0, std::uint64_t ne1 = 1, std::uint64_t ne2 = 1, bool expert = false)
    {
        // A block's tensors come together: its "blk.N." prefix is formatted once.
        if (layer != m_prefixLayer) {
            m_prefix = "blk." + std::to_string(layer) + ".";
            m_prefixLayer = layer;
        }
        std::string name;
        name.reserve(m_prefix.size() + suffix.size());
        name.append(m_prefix).append(suffix);
        add(std::move(name), layer, ne0, ne1, ne2, expert);
    }

private:
    std::vector<Tensor> &m_out;
    std::string m_prefix;
    int m_prefixLayer = -1;
};

void addAttention(TensorList &t, const ModelSpec &m, int l)
{
    if (m.mla) {
        const auto &a = *m.mla;
        const std::uint64_t qHead = a.qkNopeHeadDim + a.qkRopeHeadDim;
        if (a.qLoraRank > 0) {
            t.addBlock(l, "attn_q_a.weight", m.hidden, a.qLoraRank);
            t.addBlock(l, "attn_q_a_norm.weight", a.qLoraRank);
            t.addBlock(l, "attn_q_b.weight", a.qLoraRank, m.heads * qHead);
        } else {
            t.addBlock(l, "attn_q.weight", m.hidden, m.heads * qHead);
        }
        t.addBlock(l, "attn_kv_a_mqa.weight", m.hidden, a.kvLoraRank + a.qkRopeHeadDim);
        t.addBlock(l, "attn_kv_a_norm.weight", a.kvLoraRank);
        t.addBlock(l, "attn_kv_b.weight", a.kvLoraRank, std::uint64_t{m.heads} * (a.qkNopeHeadDim + a.vHeadDim));
        t.addBlock(l, "attn_output.weight", std::uint64_t{m.heads} * a.vHeadDim, m.hidden);
        if (m.indexer) { // DeepSeek-V3.2's lightning indexer (llama.cpp LLM_ARCH_DEEPSEEK32, PR #21149)
            const auto &ix = *m.indexer;
            t.addBlock(l, "indexer.k_norm.weight", ix.headDim);
            t.addBlock(l, "indexer.k_norm.bias", ix.headDim);
            t.addBlock(l, "indexer.proj.weight", m.hidden, ix.heads);
            t.addBlock(l, "indexer.attn_k.weight", m.hidden, ix.headDim);
            t.addBlock(l, "indexer.attn_q_b.weight", a.qLoraRank, std::uint64_t{ix.heads} * ix.headDim);
        }
        return;
    }
    const Architecture &arch = architectureFor(m.arch);
    const std::uint32_t kvHeads = m.kvHeadsAt(static_cast<std::uint32_t>(l));
    const std::uint64_t q = std::uint64_t{m.heads} * m.headDim;
    const std::uint64_t k = std::uint64_t{kvHeads} * m.headDim;
    const std::uint64_t v = std::uint64_t{kvHeads} * m.valueDim();
    if (arch.gatedQuery) {
        // Qwen3-Next: attn_q yields the query and its output gate, n_head x head_dim each.
        t.addBlock(l, "attn_q.weight", m.hidden, 2 * q);
        t.addBlock(l, "attn_k.weight", m.hidden, k);
        t.addBlock(l, "attn_v.weight", m.hidden, v);
    } else if (m.fusedQkv) {
        t.addBlock(l, "attn_qkv.weight", m.hidden, q + k + v);
        if (m.qkvBias)
            t.addBlock(l, "attn_qkv.bias", q + k + v);
    } else {
        t.addBlock(l, "attn_q.weight", m.hidden, q);
        t.addBlock(l, "attn_k.weight", m.hidden, k);
        t.addBlock(l, "attn_v.weight", m.hidden, v);
        if (m.qkvBias) {
            t.addBlock(l, "attn_q.bias", q);
            t.addBlock(l, "attn_k.bias", k);
            t.addBlock(l, "attn_v.bias", v);
        }
    }
    if (m.qkNorm && arch.qkNormAcrossHeads) {
        t.addBlock(l, "attn_q_norm.weight", q);
        t.addBlock(l, "attn_k_norm.weight", k);
    } else if (m.qkNorm) {
        t.addBlock(l, "attn_q_norm.weight", m.headDim);
        t.addBlock(l, "attn_k_norm.weight", m.headDim);
    }
    t.addBlock(l, "attn_output.weight", std::uint64_t{m.heads} * m.valueDim(), m.hidden);
    if (arch.attentionOutputBias)
        t.addBlock(l, "attn_output.bias", m.hidden);
    if (arch.attentionSinks)
        t.addBlock(l, "attn_sinks.weight", m.heads);
}

/**
 * The mixer of a recurrent block, as llama.cpp creates it: Mamba-2 (granite-hybrid, nemotron_h: d_in_proj =
 * 2 d_inner + 2 n_group d_state + n_head), Gated DeltaNet (qwen3next: ssm_in holds q, k, v and the z gate;
 * ssm_beta_alpha two scalars per value head) and LFM2's short convolution.
 */
void addRecurrent(TensorList &t, const ModelSpec &m, int l)
{
    const auto &r = *m.recurrent;
    const std::uint64_t hidden = m.hidden;
    switch (r.kind) {
    case RecurrentSpec::Kind::Mamba2: {
        const std::uint64_t conv = std::uint64_t{r.innerSize} + 2ULL * r.groups * r.stateSize;
        t.addBlock(l, "ssm_in.weight", hidden, conv + r.innerSize + r.heads);
        t.addBlock(l, "ssm_conv1d.weight", r.convKernel, conv);
        t.addBlock(l, "ssm_conv1d.bias", conv);
        t.addBlock(l, "ssm_dt.bias", r.heads);
        t.addBlock(l, "ssm_a", 1, r.heads);
        t.addBlock(l, "ssm_d", 1, r.heads);
        t.addBlock(l, "ssm_norm.weight", r.groups ? r.innerSize / r.groups : r.innerSize, std::max<std::uint32_t>(r.groups, 1));
        t.addBlock(l, "ssm_out.weight", r.innerSize, hidden);
        return;
    }
    case RecurrentSpec::Kind::GatedDeltaNet: {
        const std::uint64_t keyDim = std::uint64_t{r.stateSize} * r.groups;
        t.addBlock(l, "ssm_in.weight", hidden, 2 * keyDim + 2ULL * r.innerSize);
        t.addBlock(l, "ssm_conv1d.weight", r.convKernel, 2 * keyDim + r.innerSize);
        t.addBlock(l, "ssm_dt.bias", r.heads);
        t.addBlock(l, "ssm_a", r.heads);
        t.addBlock(l, "ssm_beta_alpha.weight", hidden, 2ULL * r.heads);
        t.addBlock(l, "ssm_norm.weight", r.heads ? r.innerSize / r.heads : r.innerSize);
        t.addBlock(l, "ssm_out.weight", r.innerSize, hidden);
        return;
    }
    case RecurrentSpec::Kind::ShortConv:
        t.addBlock(l, "shortconv.conv.weight", r.convKernel, hidden);
        t.addBlock(l, "shortconv.in_proj.weight", hidden, 3 * hidden);
        t.addBlock(l, "shortconv.out_proj.weight", hidden, hidden);
        return;
    }
}

void addFeedForward(TensorList &t, const ModelSpec &m, int l)
{
    if (!m.isMoeLayer(static_cast<std::uint32_t>(l))) {
        if (m.fusedGateUp) {
            t.addBlock(l, "ffn_up.weight", m.hidden, 2ULL * m.ffn);
        } else {
            t.addBlock(l, "ffn_gate.weight", m.hidden, m.ffn);
            t.addBlock(l, "ffn_up.weight", m.hidden, m.ffn);
        }
        t.addBlock(l, "ffn_down.weight", m.ffn, m.hidden);
        return;
    }
    const auto &e = *m.moe;
    t.addBlock(l, "ffn_gate_inp.weight", m.hidden, e.experts);
    t.addBlock(l, "ffn_gate_exps.weight", m.hidden, e.expertFfn, e.experts, true);
    t.addBlock(l, "ffn_up_exps.weight", m.hidden, e.expertFfn, e.experts, true);
    t.addBlock(l, "ffn_down_exps.weight", e.expertFfn, m.hidden, e.experts, true);
    const Architecture &arch = architectureFor(m.arch);
    if (arch.expertBiases) {
        t.addBlock(l, "ffn_gate_inp.bias", e.experts);
        t.addBlock(l, "ffn_gate_exps.bias", e.expertFfn, e.experts, 1, true);
        t.addBlock(l, "ffn_up_exps.bias", e.expertFfn, e.experts, 1, true);
        t.addBlock(l, "ffn_down_exps.bias", m.hidden, e.experts, 1, true);
    }
    if (e.routingBias.value_or(arch.expertProbsBias)) // DeepSeek-V2's greedy routing has none, V3's noaux_tc has it
        t.addBlock(l, "exp_probs_b.bias", e.experts);
    const std::uint64_t shared = e.sharedFfn ? e.sharedFfn : std::uint64_t{e.expertFfn} * e.sharedExperts;
    if (shared > 0 && arch.sharedExpertGate)
        t.addBlock(l, "ffn_gate_inp_shexp.weight", m.hidden);
    if (shared > 0) {
        t.addBlock(l, "ffn_gate_shexp.weight", m.hidden, shared);
        t.addBlock(l, "ffn_up_shexp.weight", m.hidden, shared);
        t.addBlock(l, "ffn_down_shexp.weight", shared, m.hidden);
    }
}

bool isNormOrBias(const Tensor &t)
{
    // One value per row, or the experts' biases ([rows, experts]): a checkpoint quantizes neither.
    return (t.ne[1] == 1 && t.ne[2] == 1) || t.name.ends_with(".bias");
}

bool isRouter(const Tensor &t)
{
    return t.name.find("ffn_gate_inp") != std::string::npos;
}

/** The class a quantized checkpoint may keep at 16 bit that `t` belongs to; nullopt for a routed expert's linear weight. */
std::optional<QuantLayout::Keep> keepClass(const Tensor &t)
{
    using K = QuantLayout::Keep;
    if (isNormOrBias(t))
        return K::Norms;
    if (isRouter(t))
        return K::Router;
    if (t.name == "token_embd.weight")
        return K::Embeddings;
    if (t.name == "output.weight")
        return K::LmHead;
    if (!t.routedExpert) // attention, dense FFNs, shared experts: a checkpoint that quantizes only the experts keeps them
        return K::Dense;
    return std::nullopt;
}

} // namespace

Bytes TensorInventory::total() const
{
    Bytes sum = 0;
    for (const auto &t : tensors)
        sum = saturatingAdd(sum, t.bytes);
    return sum;
}

bool TensorInventory::tiesOutput() const
{
    return std::none_of(tensors.begin(), tensors.end(), [](const Tensor &t) { return t.name == "output.weight"; });
}

Bytes TensorInventory::layerBytes(int layer) const
{
    Bytes sum = 0;
    for (const auto &t : tensors)
        if (t.layer == layer)
            sum = saturatingAdd(sum, t.bytes);
    return sum;
}

Bytes TensorInventory::activeBytes() const
{
    double sum = 0;
    for (const auto &t : tensors) {
        if (t.layer < 0)
            continue; // embeddings are a row lookup, not a full read
        if (t.routedExpert && experts > 0)
            sum += static_cast<double>(t.bytes) * expertsUsed / experts;
        else
            sum += static_cast<double>(t.bytes);
    }
    return static_cast<Bytes>(sum);
}

std::uint64_t TensorInventory::parameterCount() const
{
    std::uint64_t n = 0;
    for (const auto &t : tensors)
        n += t.elements();
    return n;
}

std::uint64_t TensorInventory::activeParameterCount() const
{
    if (experts == 0)
        return parameterCount();
    std::uint64_t routed = 0;
    for (const auto &t : tensors)
        if (t.routedExpert)
            routed += t.elements();
    const double unused = 1.0 - static_cast<double>(expertsUsed) / experts;
    return parameterCount() - static_cast<std::uint64_t>(static_cast<double>(routed) * unused);
}

std::vector<Tensor> architectureTensors(const ModelSpec &m, bool tiedEmbeddings)
{
    std::vector<Tensor> out;
    // Enough for the largest block (MLA attention, biased experts, shared experts) without regrowing.
    out.reserve(std::size_t{m.layers} * 24 + 3);
    TensorList t(out);
    const int n = static_cast<int>(m.layers);
    t.add("token_embd.weight", -1, m.hidden, m.vocab);
    for (int l = 0; l < n; ++l) {
        t.addBlock(l, "attn_norm.weight", m.hidden);
        const auto kind = m.blockKind(static_cast<std::uint32_t>(l));
        if (kind == BlockKind::Attention)
            addAttention(t, m, l);
        else if (kind == BlockKind::Recurrent && m.recurrent)
            addRecurrent(t, m, l);
        if (m.postNorms) {
            t.addBlock(l, "post_attention_norm.weight", m.hidden);
            t.addBlock(l, "post_ffw_norm.weight", m.hidden);
        }
        t.addBlock(l, "ffn_norm.weight", m.hidden);
        addFeedForward(t, m, l);
    }
    t.add("output_norm.weight", n, m.hidden);
    if (!tiedEmbeddings)
        t.add("output.weight", n, m.hidden, m.vocab);
    return out;
}

std::optional<TensorInventory> buildInventory(const ModelSpec &spec, const Quantization &quant, MixVariant variant)
{
    TensorInventory inv;
    inv.tensors = architectureTensors(spec, spec.tiedEmbeddingsFor(quant.id));
    inv.layers = spec.layers;
    if (spec.isMoe()) {
        inv.experts = spec.moe->experts;
        inv.expertsUsed = spec.moe->expertsUsed;
    }
    if (quant.format == WeightFormat::Gguf) {
        if (!assignGgufTypes(spec, quant.id, variant, inv.tensors))
            return std::nullopt;
        return inv;
    }
    // Every other format follows its catalog layout (quantizations.json "layout").
    const QuantLayout &layout = quant.layout;
    if (layout.bits <= 0)
        return std::nullopt; // a format whose layout we do not know
    const bool whole = layout.unquantized();
    const double storedBytes = whole ? layout.bits / 8.0 : layout.bytesPerWeight();
    const std::string storedName = whole ? (layout.bits >= 32.0 ? "F32" : "BF16") : quant.id;
    for (auto &t : inv.tensors) {
        const auto cls = keepClass(t);
        const bool kept = !whole && cls && layout.keeps(*cls);
        t.storage = kept ? "BF16" : storedName;
        const double bytesPerWeight = kept ? 2.0 : storedBytes;
        t.bytes = static_cast<Bytes>(std::ceil(static_cast<double>(t.elements()) * bytesPerWeight));
    }
    return inv;
}

} // namespace headroom
