// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/kv_cache.h"

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

/** Bytes of `elements` cache entries of one token (ggml row size: quantized types come in 32-blocks). */
Bytes rowBytes(KvType t, std::uint64_t elements)
{
    switch (t) {
    case KvType::F32: return elements * 4;
    case KvType::F16:
    case KvType::BF16: return elements * 2;
    case KvType::Fp8: return elements;
    case KvType::Q8_0: return (elements + 31) / 32 * 34; // block_q8_0: fp16 scale + 32 int8
    case KvType::Q4_0: return (elements + 31) / 32 * 18; // block_q4_0: fp16 scale + 16 bytes
    }
    return elements * 2;
}

struct LayerWidth {
    std::uint64_t key = 0;
    std::uint64_t value = 0;
};

LayerWidth widthOf(const ModelSpec &m, const KvGeometry &g, std::uint32_t kvHeads)
{
    if (m.mla) {
        const auto &a = *m.mla;
        // llama.cpp (PR #12801) and vLLM cache the compressed latent. vLLM and llama.cpp since PR #19067 ("kv-cache :
        // support V-less cache", 2026-01-24: "almost x2 less memory") read V as a view of it; llama.cpp in between
        // kept the kv_lora_rank latent a second time as V (n_embd_head_v = kv_lora_rank).
        if (g.mlaLatent)
            return {std::uint64_t{a.kvLoraRank} + a.qkRopeHeadDim, g.mlaLatentValue ? std::uint64_t{a.kvLoraRank} : 0};
        return {std::uint64_t{m.heads} * (a.qkNopeHeadDim + a.qkRopeHeadDim), std::uint64_t{m.heads} * a.vHeadDim};
    }
    return {std::uint64_t{kvHeads} * m.headDim, std::uint64_t{kvHeads} * m.valueDim()};
}

} // namespace

RecurrentState recurrentState(const ModelSpec &m)
{
    if (!m.recurrent)
        return {};
    const auto &r = *m.recurrent;
    const std::uint64_t taps = r.convKernel > 0 ? r.convKernel - 1 : 0;
    // llama_hparams::n_embd_r(): LFM2 keeps n_embd x (L_cache - 1); Mamba-2 and Gated DeltaNet keep
    // (d_conv - 1) x (d_inner + 2 n_group d_state), the channels of their convolution. n_embd_s():
    // d_state x d_inner (llama.cpp src/llama-hparams.cpp; vLLM's MambaStateShapeCalculator gives the same
    // element counts: vllm/model_executor/layers/mamba/mamba_utils.py@02d7108).
    if (r.kind == RecurrentSpec::Kind::ShortConv)
        return {taps * m.hidden, 0};
    return {taps * (std::uint64_t{r.innerSize} + 2ULL * r.groups * r.stateSize), std::uint64_t{r.stateSize} * r.innerSize};
}

Bytes recurrentStateBytes(const ModelSpec &m, KvType type)
{
    const auto s = recurrentState(m);
    return rowBytes(type, s.conv) + rowBytes(type, s.ssm);
}

std::uint32_t recurrentLayerCount(const ModelSpec &m)
{
    std::uint32_t n = 0;
    for (std::uint32_t l = 0; l < m.layers; ++l)
        n += m.isRecurrent(l) ? 1U : 0U;
    return n;
}

Bytes recurrentCheckpointBytes(const ModelSpec &m, KvType type)
{
    const Bytes layers = recurrentLayerCount(m);
    if (layers == 0)
        return 0;
    // llama-memory-recurrent.cpp state_write: cell count (u32), per cell its pos (i32) and seq count (u32);
    // state_write_data: s_trans and n_layer (u32 each), then per recurrent layer and for R and for S a type
    // (i32) and a row size (u64) before the row. Qwen3-Next-80B: 79,036,416 B of state + 884 B = 75.376 MiB,
    // the checkpoint size llama-server logs (ggml-org/llama.cpp PR #19408).
    constexpr Bytes kCellHeader = 4 + 4 + 4;
    constexpr Bytes kDataHeader = 4 + 4;
    constexpr Bytes kTensorHeader = 4 + 8;
    return kCellHeader + kDataHeader + layers * (2 * kTensorHeader + recurrentStateBytes(m, type));
}

KvGeometry kvGeometry(const ModelSpec &m, const EngineProfile &engine, const EngineBehaviour &b, KvType keyType, KvType valueType,
                      std::uint32_t ctxPerSeq, std::uint32_t parallel, std::uint32_t ubatch)
{
    KvGeometry g;
    g.keyType = keyType;
    g.valueType = valueType;
    g.mlaLatent = m.mla.has_value() && b.mlaCache != MlaCache::Expanded;
    g.mlaLatentValue = m.mla.has_value() && b.mlaCache == MlaCache::LatentKv;
    g.indexer = b.indexerCache;
    // One state per sequence slot: llama.cpp's recurrent memory has max(1, n_seq_max) cells
    // (llama-model.cpp create_memory), vLLM one state block per running request.
    if (m.recurrent)
        g.statePerLayer = recurrentStateBytes(m, engine.traits.recurrentState) * std::max<std::uint32_t>(parallel, 1);
    // How each engine rounds its cache is data (engines.json `kv_cells`): llama.cpp pads the whole cache to
    // 256 cells and keeps window x n_seq + n_ubatch cells in a windowed layer (src/llama-kv-cache.cpp, since
    // PR #13194); vLLM pages in blocks of 16 and keeps window + one block per sequence; mlx-lm's KVCache grows
    // in steps of 256 per sequence and its RotatingKVCache holds the window.
    const KvCells &c = engine.traits.kvCells;
    g.fullCells = c.paddingPerSequence ? padTo(Bytes{ctxPerSeq}, c.padding) * parallel : padTo(Bytes{ctxPerSeq} * parallel, c.padding);
    const std::uint32_t window = m.slidingWindow ? m.slidingWindow->window : 0;
    if (b.swaCache != SwaCache::Window || window == 0) {
        g.windowCells = g.fullCells;
        return g;
    }
    const Bytes extra = c.windowExtraUbatch ? Bytes{ubatch} : Bytes{c.windowExtraCells};
    const Bytes cells = c.windowPaddingPerSequence ? padTo(Bytes{window} + extra, c.windowPadding) * parallel
                                                   : padTo(Bytes{window} * parallel + extra, c.windowPadding);
    g.windowCells = std::min(g.fullCells, cells);
    return g;
}

namespace {

/**
 * The DSA lightning indexer's key of one token in one layer. llama.cpp keeps it in a second llama_kv_cache of one
 * head of indexer_head_size in the K type (src/llama-kv-cache-dsa.cpp, PR #21149); vLLM's DeepseekV32IndexerCache
 * stores index_head_dim fp8 bytes plus one fp32 scale per 128 (uint8, 128 + 4 = 132 bytes for V3.2: the "uint8/132"
 * layout LMCache#5010 detects; sglang#30041: "132 B/token/layer").
 */
Bytes indexerRowBytes(const ModelSpec &m, const KvGeometry &g)
{
    if (!m.indexer)
        return 0;
    const std::uint64_t dim = m.indexer->headDim;
    if (g.indexer == IndexerCache::Fp8Scaled)
        return dim + dim / 128 * 4;
    return rowBytes(g.keyType, dim);
}

} // namespace

Bytes kvCellBytes(const ModelSpec &m, const KvGeometry &g)
{
    const auto w = widthOf(m, g, m.kvHeads);
    return rowBytes(g.keyType, w.key) + (w.value ? rowBytes(g.valueType, w.value) : 0) + indexerRowBytes(m, g);
}

Bytes kvCellBytes(const ModelSpec &m, const KvGeometry &g, std::uint32_t layer)
{
    const std::uint32_t heads = m.kvHeadsAt(layer);
    if (heads == 0)
        return 0;
    if (heads == m.kvHeads)
        return kvCellBytes(m, g);
    const auto w = widthOf(m, g, heads);
    return rowBytes(g.keyType, w.key) + (w.value ? rowBytes(g.valueType, w.value) : 0) + indexerRowBytes(m, g);
}

std::vector<Bytes> kvLayerBytes(const ModelSpec &m, const KvGeometry &g)
{
    std::vector<Bytes> out(m.layers);
    if (!m.perLayerShapes()) {
        const Bytes perCell = kvCellBytes(m, g);
        for (std::uint32_t l = 0; l < m.layers; ++l) {
            const bool sliding = m.slidingWindow && m.slidingWindow->isSliding(l);
            out[l] = saturatingMul(perCell, sliding ? g.windowCells : g.fullCells);
        }
        return out;
    }
    // Hybrid models and per-layer shapes: llama.cpp's KV cache holds only the layers with attention (the
    // hybrid memory's layer filter), each with its own KV heads; a recurrent block holds its state.
    for (std::uint32_t l = 0; l < m.layers; ++l) {
        if (m.isRecurrent(l)) {
            out[l] = g.statePerLayer;
            continue;
        }
        const bool sliding = m.slidingWindow && m.slidingWindow->isSliding(l);
        out[l] = saturatingMul(kvCellBytes(m, g, l), sliding ? g.windowCells : g.fullCells);
    }
    return out;
}

Bytes kvBytesPerToken(const ModelSpec &m, const KvGeometry &g)
{
    if (!m.perLayerShapes())
        return kvCellBytes(m, g) * m.layers;
    Bytes sum = 0;
    for (std::uint32_t l = 0; l < m.layers; ++l)
        sum += kvCellBytes(m, g, l);
    return sum;
}

} // namespace headroom
