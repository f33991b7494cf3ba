// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/catalog_entries.h"

#include <algorithm>

namespace headroom {

using P = CatalogError::Problem;

namespace {

/**
 * Hybrid and per-layer fields: `recurrent` (the mixer of the blocks that recur), `layer_types` (one kind per
 * block) and `layer_kv_heads` (KV heads per block where they vary, 0 for a block without attention).
 */
void readHybridFields(const EntryReader &r, ModelSpec &m)
{
    if (r.has("recurrent"))
        m.recurrent = readObject(r, "recurrent", [](const EntryReader &s) {
            RecurrentSpec x;
            x.kind = s.choice("kind",
                              {{"mamba2", RecurrentSpec::Kind::Mamba2},
                               {"gated_deltanet", RecurrentSpec::Kind::GatedDeltaNet},
                               {"short_conv", RecurrentSpec::Kind::ShortConv}},
                              RecurrentSpec::Kind::Mamba2, true);
            x.convKernel = s.integer<std::uint32_t>("conv_kernel", true, 0, 2);
            const bool ssm = x.kind != RecurrentSpec::Kind::ShortConv;
            x.innerSize = s.integer<std::uint32_t>("inner_size", ssm, 0, ssm ? 1 : 0);
            x.stateSize = s.integer<std::uint32_t>("state_size", ssm, 0, ssm ? 1 : 0);
            x.groups = s.integer<std::uint32_t>("groups", ssm, 0, ssm ? 1 : 0);
            x.heads = s.integer<std::uint32_t>("heads", ssm, 0, ssm ? 1 : 0);
            return x;
        });
    m.blocks = r.choices<BlockKind>("layer_types",
                                    {{"attention", BlockKind::Attention}, {"recurrent", BlockKind::Recurrent}, {"none", BlockKind::None}});
    if (!m.blocks.empty() && m.blocks.size() != m.layers)
        r.fail(P::BadValue, "layer_types", std::to_string(m.blocks.size()) + " blocks for " + std::to_string(m.layers) + " layers");
    const bool recurs = std::find(m.blocks.begin(), m.blocks.end(), BlockKind::Recurrent) != m.blocks.end();
    if (recurs != m.recurrent.has_value())
        r.fail(recurs ? P::Missing : P::BadValue, "recurrent", recurs ? "layer_types has recurrent blocks" : "no recurrent block");
    if (const auto *heads = r.find("layer_kv_heads")) {
        if (!heads->is_array() || heads->size() != m.layers)
            r.fail(P::BadValue, "layer_kv_heads", "one count per layer");
        for (const auto &h : *heads) {
            if (!h.is_number_unsigned() || h.get<std::uint64_t>() > m.heads)
                r.fail(P::BadValue, "layer_kv_heads", h.dump());
            const auto n = static_cast<std::uint32_t>(h.get<std::uint64_t>());
            if (n > 0 && m.heads % n != 0)
                r.fail(P::BadValue, "layer_kv_heads", h.dump());
            m.layerKvHeads.push_back(n);
        }
    }
}

} // namespace

ModelSpec readModelEntry(const EntryReader &r, const std::string &id)
{
    ModelSpec m;
    m.id = id;
    m.name = r.str("name");
    m.family = r.str("family");
    m.hfRepo = r.str("hf_repo");
    m.aliases = r.strings("aliases");
    m.arch = r.str("arch");
    m.params = r.integer<std::uint64_t>("params", true, 0, 1);
    m.activeParams = r.integer<std::uint64_t>("active_params", false);
    m.layers = r.integer<std::uint32_t>("layers", true, 0, 1);
    m.hidden = r.integer<std::uint32_t>("hidden", true, 0, 1);
    m.heads = r.integer<std::uint32_t>("heads", true, 0, 1);
    m.kvHeads = r.integer<std::uint32_t>("kv_heads", true, 0, 1);
    m.headDim = r.integer<std::uint32_t>("head_dim", true, 0, 1);
    m.valueHeadDim = r.integer<std::uint32_t>("value_head_dim", false);
    m.ffn = r.integer<std::uint32_t>("ffn", true, 0, 1);
    m.vocab = r.integer<std::uint32_t>("vocab", true, 0, 1);
    if (!r.has("tied_embeddings"))
        r.fail(P::Missing, "tied_embeddings", "");
    m.tiedEmbeddings = r.boolean("tied_embeddings");
    m.maxContext = r.integer<std::uint32_t>("max_context", true, 0, 1);
    m.qkvBias = r.boolean("qkv_bias");
    m.qkNorm = r.boolean("qk_norm");
    m.fusedQkv = r.boolean("fused_qkv");
    m.fusedGateUp = r.boolean("fused_gate_up");
    m.postNorms = r.boolean("post_norms");
    if (r.has("sliding_window"))
        m.slidingWindow = readObject(r, "sliding_window", [](const EntryReader &s) {
            return SlidingWindow{s.integer<std::uint32_t>("window", true, 0, 1), s.integer<std::uint32_t>("pattern", true, 0, 1)};
        });
    if (r.has("mla"))
        m.mla = readObject(r, "mla", [](const EntryReader &s) {
            MlaSpec a;
            a.qLoraRank = s.integer<std::uint32_t>("q_lora_rank", false);
            a.kvLoraRank = s.integer<std::uint32_t>("kv_lora_rank", true, 0, 1);
            a.qkRopeHeadDim = s.integer<std::uint32_t>("qk_rope_head_dim", true, 0, 1);
            a.qkNopeHeadDim = s.integer<std::uint32_t>("qk_nope_head_dim", true, 0, 1);
            a.vHeadDim = s.integer<std::uint32_t>("v_head_dim", true, 0, 1);
            return a;
        });
    if (r.has("moe"))
        m.moe = readObject(r, "moe", [&](const EntryReader &s) {
            MoeSpec moe;
            moe.experts = s.integer<std::uint32_t>("experts", true, 0, 1);
            moe.expertsUsed = s.integer<std::uint32_t>("experts_used", true, 0, 1);
            moe.expertFfn = s.integer<std::uint32_t>("expert_ffn", true, 0, 1);
            moe.sharedExperts = s.integer<std::uint32_t>("shared_experts", false);
            moe.sharedFfn = s.integer<std::uint32_t>("shared_ffn", false);
            if (s.has("routing_bias"))
                moe.routingBias = s.boolean("routing_bias");
            moe.denseLayers = s.integer<std::uint32_t>("dense_layers", false);
            if (moe.expertsUsed > moe.experts)
                s.fail(P::BadValue, "experts_used", std::to_string(moe.expertsUsed));
            if (moe.denseLayers > m.layers)
                s.fail(P::BadValue, "dense_layers", std::to_string(moe.denseLayers));
            return moe;
        });
    if (r.has("indexer"))
        m.indexer = readObject(r, "indexer", [&](const EntryReader &s) {
            IndexerSpec ix;
            ix.heads = s.integer<std::uint32_t>("heads", true, 0, 1);
            ix.headDim = s.integer<std::uint32_t>("head_dim", true, 0, 1);
            ix.topk = s.integer<std::uint32_t>("topk", true, 0, 1);
            if (!m.mla)
                s.fail(P::BadValue, "indexer", "needs mla");
            return ix;
        });
    m.mtpLayers = r.integer<std::uint32_t>("mtp_layers", false);
    readHybridFields(r, m);
    for (std::size_t i = 0, n = r.arraySize("ollama"); i < n; ++i) {
        const EntryReader t = r.element("ollama", i);
        m.ollama.push_back({toLowerAscii(t.str("tag")), t.str("quant"), t.integer<std::uint64_t>("file_bytes", false)});
        t.rejectUnread();
    }
    for (std::size_t i = 0, n = r.arraySize("gguf_files"); i < n; ++i) {
        const EntryReader g = r.element("gguf_files", i);
        m.ggufFiles.push_back({g.str("quant"), g.str("repo"), g.str("file"), g.integer<std::uint64_t>("bytes", true, 0, 1)});
        g.rejectUnread();
    }
    m.releasedAs = r.str("released_as", false);
    for (std::size_t i = 0, n = r.arraySize("checkpoints"); i < n; ++i) {
        const EntryReader c = r.element("checkpoints", i);
        PublishedCheckpoint cp{c.str("quant"), c.str("repo"), std::nullopt};
        if (c.has("tied_embeddings"))
            cp.tiedEmbeddings = c.boolean("tied_embeddings");
        m.checkpoints.push_back(std::move(cp));
        c.rejectUnread();
    }
    if (r.has("vision"))
        m.vision = readObject(r, "vision", [](const EntryReader &s) {
            VisionSpec v;
            v.encoder = s.str("encoder");
            v.params = s.integer<std::uint64_t>("params", true, 0, 1);
            v.layers = s.integer<std::uint32_t>("layers", true, 0, 1);
            v.hidden = s.integer<std::uint32_t>("hidden", true, 0, 1);
            v.ffn = s.integer<std::uint32_t>("ffn", true, 0, 1);
            v.heads = s.integer<std::uint32_t>("heads", true, 0, 1);
            v.patch = s.integer<std::uint32_t>("patch", true, 0, 1);
            v.imageSize = s.integer<std::uint32_t>("image_size", true, 0, 1);
            v.tokensPerImage = s.integer<std::uint32_t>("tokens_per_image", true, 0, 1);
            for (std::size_t i = 0, n = s.arraySize("mmproj"); i < n; ++i) {
                const EntryReader f = s.element("mmproj", i);
                v.mmproj.push_back({f.str("dtype"), f.integer<std::uint64_t>("bytes", true, 0, 1)});
                f.rejectUnread();
            }
            if (v.mmproj.empty())
                s.fail(P::Missing, "mmproj", "");
            return v;
        });
    m.release = r.str("release", false);
    m.license = r.str("license", false);
    m.source = r.str("source");
    m.note = r.str("note", false);
    if (m.heads % m.kvHeads != 0)
        r.fail(P::BadValue, "kv_heads", std::to_string(m.kvHeads));
    return m;
}

} // namespace headroom
