// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/catalog_entries.h"

namespace headroom {

using P = CatalogError::Problem;

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
