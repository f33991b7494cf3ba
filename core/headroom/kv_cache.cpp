// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/kv_cache.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace headroom {
namespace {

} // namespace

KvTypeBlock kvTypeBlock(KvType t)
{
    switch (t) {
    case KvType::F32: return {1, 4};
    case KvType::F16:
    case KvType::BF16: return {1, 2};
    case KvType::Fp8: return {1, 1};
    case KvType::Q8_0: return {32, 34}; // block_q8_0: fp16 scale + 32 int8
    case KvType::Q4_0: return {32, 18}; // block_q4_0: fp16 scale + 16 bytes
    }
    return {1, 2};
}

Bytes kvRowBytes(KvType t, std::uint64_t elements)
{
    const KvTypeBlock b = kvTypeBlock(t);
    return b.elements == 1 ? elements * b.bytes : (elements + b.elements - 1) / b.elements * b.bytes;
}

namespace {
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
    return kvRowBytes(type, s.conv) + kvRowBytes(type, s.ssm);
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
    g.stateType = engine.traits.recurrentState;
    g.stateSequences = std::max<std::uint32_t>(parallel, 1);
    if (m.recurrent)
        g.statePerLayer = recurrentStateBytes(m, engine.traits.recurrentState) * g.stateSequences;
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
    // An engine may keep more than the window in those layers (engines.json swa_memory: Ollama's gptoss keeps 4096).
    const Bytes kept = b.swaKeptTokens(m.arch, window);
    const Bytes cells =
        c.windowPaddingPerSequence ? padTo(kept + extra, c.windowPadding) * parallel : padTo(kept * parallel + extra, c.windowPadding);
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
    return kvRowBytes(g.keyType, dim);
}

} // namespace

Bytes KvCellRows::bytes() const
{
    Bytes sum = 0;
    for (std::size_t i = 0; i < count; ++i)
        sum += rows[i].bytes;
    return sum;
}

KvCellRows kvCellRows(const ModelSpec &m, const KvGeometry &g, std::uint32_t kvHeads)
{
    KvCellRows out;
    const auto add = [&](KvRowKind kind, std::uint32_t heads, std::uint64_t dims, KvType type) {
        const std::uint64_t elements = heads ? std::uint64_t{heads} * dims : dims;
        if (elements == 0)
            return;
        KvRow &r = out.rows[out.count++];
        r.kind = kind;
        r.heads = heads;
        r.dims = dims;
        r.type = type;
        r.fp8Scaled = false;
        r.bytes = kvRowBytes(type, elements);
    };
    if (m.mla) {
        const auto &a = *m.mla;
        // llama.cpp (PR #12801) and vLLM cache the compressed latent. vLLM and llama.cpp since PR #19067 ("kv-cache :
        // support V-less cache", 2026-01-24: "almost x2 less memory") read V as a view of it; llama.cpp in between
        // kept the kv_lora_rank latent a second time as V (n_embd_head_v = kv_lora_rank).
        if (g.mlaLatent) {
            add(KvRowKind::MlaLatent, 0, std::uint64_t{a.kvLoraRank} + a.qkRopeHeadDim, g.keyType);
            if (g.mlaLatentValue)
                add(KvRowKind::MlaLatentValue, 0, a.kvLoraRank, g.valueType);
        } else {
            add(KvRowKind::MlaKey, m.heads, std::uint64_t{a.qkNopeHeadDim} + a.qkRopeHeadDim, g.keyType);
            add(KvRowKind::MlaValue, m.heads, a.vHeadDim, g.valueType);
        }
    } else {
        add(KvRowKind::Key, kvHeads, m.headDim, g.keyType);
        add(KvRowKind::Value, kvHeads, m.valueDim(), g.valueType);
    }
    if (m.indexer) {
        KvRow r{KvRowKind::Indexer, 0, m.indexer->headDim, g.keyType, g.indexer == IndexerCache::Fp8Scaled, indexerRowBytes(m, g)};
        if (r.bytes > 0)
            out.rows[out.count++] = r;
    }
    return out;
}

Bytes kvCellBytes(const ModelSpec &m, const KvGeometry &g)
{
    return kvCellRows(m, g, m.kvHeads).bytes();
}

Bytes kvCellBytes(const ModelSpec &m, const KvGeometry &g, std::uint32_t layer)
{
    const std::uint32_t heads = m.kvHeadsAt(layer);
    if (heads == 0)
        return 0;
    return kvCellRows(m, g, heads).bytes();
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

namespace {

/**
 * The factors of a row stored as its type: its shape, then `rows` (K+V, K or V; none for other rows), then
 * "x 2 bytes", or "x 34 bytes / 32" for block types.
 */
void addEncoding(std::vector<ExplainFactor> &f, const KvRow &r, std::optional<ExplainFactor> rows = std::nullopt)
{
    using F = Factor;
    const KvTypeBlock b = kvTypeBlock(r.type);
    const auto shape = [&](FactorUse use) {
        if (r.heads) {
            f.push_back({r.kind == KvRowKind::MlaKey || r.kind == KvRowKind::MlaValue ? F::Heads : F::KvHeads, r.heads, use});
            f.push_back({F::HeadDim, r.dims, use});
        } else {
            f.push_back({F::Elements, r.dims, use});
        }
    };
    const auto shapeAndRows = [&](FactorUse use) {
        shape(use);
        if (rows)
            f.push_back(*rows);
    };
    if (r.fp8Scaled) { // index_head_dim fp8 bytes and one fp32 scale per 128
        shapeAndRows(FactorUse::Detail);
        f.push_back(times(F::RowBytes, r.bytes));
    } else if (b.elements == 1) {
        shapeAndRows(FactorUse::Multiply);
        f.push_back(times(F::ElementBytes, b.bytes));
    } else if (r.elements() % b.elements == 0) {
        shapeAndRows(FactorUse::Multiply);
        f.push_back(times(F::BlockBytes, b.bytes));
        f.push_back(dividedBy(F::BlockElements, b.elements));
    } else {
        shapeAndRows(FactorUse::Detail);
        f.push_back(times(F::Blocks, (r.elements() + b.elements - 1) / b.elements));
        f.push_back(times(F::BlockBytes, b.bytes));
    }
}

TermKind rowTermKind(KvRowKind row, TermKind group)
{
    switch (row) {
    case KvRowKind::Key:
    case KvRowKind::Value: return group;
    case KvRowKind::MlaLatent: return TermKind::KvMlaLatent;
    case KvRowKind::MlaLatentValue: return TermKind::KvMlaLatentValue;
    case KvRowKind::MlaKey:
    case KvRowKind::MlaValue: return TermKind::KvMlaExpanded;
    case KvRowKind::Indexer: return TermKind::KvIndexer;
    }
    return group;
}

/** Blocks alike for the KV cache: same kind, window and KV heads. */
struct LayerGroup {
    bool recurrent = false;
    bool sliding = false;
    std::uint32_t heads = 0;
    std::uint32_t count = 0;
};

} // namespace

std::vector<ExplainTerm> kvTerms(const ModelSpec &m, const KvGeometry &g, std::uint32_t from, std::uint32_t to)
{
    using F = Factor;
    std::vector<LayerGroup> groups;
    for (std::uint32_t l = from; l < std::min(to, m.layers); ++l) {
        LayerGroup key;
        key.recurrent = m.perLayerShapes() && m.isRecurrent(l);
        key.sliding = !key.recurrent && m.slidingWindow && m.slidingWindow->isSliding(l);
        key.heads = key.recurrent ? 0 : m.kvHeadsAt(l);
        if (!key.recurrent && key.heads == 0)
            continue; // a block without a token mixer holds nothing
        auto it = std::find_if(groups.begin(), groups.end(), [&](const LayerGroup &x) {
            return x.recurrent == key.recurrent && x.sliding == key.sliding && x.heads == key.heads;
        });
        if (it == groups.end())
            it = groups.insert(groups.end(), key);
        ++it->count;
    }
    std::vector<ExplainTerm> out;
    for (const auto &grp : groups) {
        if (grp.recurrent) {
            // kvLayerBytes: statePerLayer = (R + S rows) x sequences per recurrent block.
            const auto s = recurrentState(m);
            const std::pair<F, std::uint64_t> parts[] = {{F::ConvRows, s.conv}, {F::SsmState, s.ssm}};
            for (const auto &[code, elements] : parts) {
                if (elements == 0)
                    continue;
                KvRow r{KvRowKind::Key, 0, elements, g.stateType, false, kvRowBytes(g.stateType, elements)};
                std::vector<ExplainFactor> f{times(F::Layers, grp.count), times(F::Sequences, g.stateSequences)};
                addEncoding(f, r);
                // The row is the state's part (R or S), not a key: say which.
                for (auto &x : f)
                    if (x.code == F::Elements)
                        x.code = code;
                auto t = productTerm(TermKind::RecurrentState, std::move(f));
                t.type = kvTypeName(g.stateType);
                out.push_back(std::move(t));
            }
            continue;
        }
        const TermKind group = grp.heads != m.kvHeads ? TermKind::KvLayerHeads
                               : grp.sliding          ? TermKind::KvSlidingWindow
                                                      : TermKind::KvAttention;
        const Bytes cells = grp.sliding ? g.windowCells : g.fullCells;
        const KvCellRows rows = kvCellRows(m, g, grp.heads);
        for (std::size_t i = 0; i < rows.count; ++i) {
            const KvRow &r = rows.rows[i];
            // K and V alike (width and type): one term "x (K+V)".
            const bool pair = r.kind == KvRowKind::Key && i + 1 < rows.count && rows.rows[i + 1].kind == KvRowKind::Value &&
                              rows.rows[i + 1].dims == r.dims && rows.rows[i + 1].type == r.type;
            std::optional<ExplainFactor> marker;
            if (pair)
                marker = times(F::KAndV, 2);
            else if (r.kind == KvRowKind::Key || r.kind == KvRowKind::MlaKey)
                marker = times(F::KeyRow, 1);
            else if (r.kind == KvRowKind::Value || r.kind == KvRowKind::MlaValue)
                marker = times(F::ValueRow, 1);
            std::vector<ExplainFactor> f{times(F::Layers, grp.count)};
            addEncoding(f, r, marker);
            f.push_back(times(F::Cells, cells));
            if (grp.sliding && m.slidingWindow)
                f.push_back(detail(F::Window, m.slidingWindow->window));
            auto t = productTerm(rowTermKind(r.kind, group), std::move(f));
            t.type = r.fp8Scaled ? "fp8" : kvTypeName(r.type);
            out.push_back(std::move(t));
            if (pair)
                ++i;
        }
    }
    return out;
}

ExplainTerm checkpointTerm(const ModelSpec &m, KvType type, std::uint32_t checkpoints, std::uint32_t sequences)
{
    using F = Factor;
    const Bytes each = recurrentCheckpointBytes(m, type);
    const Bytes state = recurrentStateBytes(m, type);
    const Bytes layers = recurrentLayerCount(m);
    auto t = productTerm(TermKind::ContextCheckpoints,
                         {times(F::Checkpoints, checkpoints), times(F::Sequences, sequences), times(F::RowBytes, each),
                          detail(F::Layers, layers), detail(F::StateBytes, state), detail(F::HeaderBytes, each - layers * state)});
    t.type = kvTypeName(type);
    return t;
}

} // namespace headroom
