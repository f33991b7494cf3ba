// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/compute_buffer.h"

#include <algorithm>
#include <string_view>

namespace headroom {
namespace {

constexpr Bytes kF32 = 4;
constexpr Bytes kF16 = 2;

/** Widest MLP activation per token: a dense layer's ffn, or the selected experts (+ shared) of a MoE layer. */
Bytes ffnWidth(const ModelSpec &m)
{
    Bytes width = (!m.isMoe() || m.moe->denseLayers > 0) ? m.ffn : 0;
    if (m.isMoe()) {
        const auto &e = *m.moe;
        const Bytes shared = e.sharedFfn ? e.sharedFfn : Bytes{e.expertFfn} * e.sharedExperts;
        width = std::max(width, Bytes{e.expertsUsed} * e.expertFfn + shared);
    }
    return width;
}

/**
 * The bf16 activations alive at the MLP of one forward pass of `t` tokens (transformers, mlx-lm, vLLM's profile run): the
 * gate, up and activated rows of the MLP (split over tensor-parallel `ranks`) and four hidden-state rows. The
 * attention's projections are freed by then, so they do not add to it.
 */
Bytes passActivationElements(const ModelSpec &m, Bytes ranks)
{
    return 3 * ffnWidth(m) / ranks + 4 * Bytes{m.hidden};
}

Bytes passActivationBytes(const ModelSpec &m, Bytes t, Bytes ranks = 1)
{
    return t * passActivationElements(m, ranks) * kF16;
}

ExplainTerm prefillActivations(const ModelSpec &m, Bytes t, Bytes ranks = 1)
{
    std::vector<ExplainFactor> f{times(Factor::Tokens, t), times(Factor::Elements, passActivationElements(m, ranks)),
                                 detail(Factor::FfnWidth, ffnWidth(m)), detail(Factor::Hidden, m.hidden)};
    if (ranks > 1)
        f.push_back(detail(Factor::Ranks, ranks));
    f.push_back(times(Factor::ElementBytes, kF16));
    return productTerm(TermKind::Activations, std::move(f));
}

/**
 * llama.cpp reserves its compute buffer with a worst-case graph of n_ubatch tokens against the full
 * cache. Fitted to the buffer sizes in its load logs (tests/data/calibration.csv, kind "exact
 * allocation"): without flash attention the F32 KQ matrix (n_kv x n_ubatch x n_head) plus its F32
 * mask dominates; with it, an F16 mask; the output layer needs F32 logits for every token of the
 * ubatch. Four hidden-state rows per token stay live around the attention (residual, norm, Q, KQV).
 */
ComputeBuffers llamaCpp(const ModelSpec &m, const EngineBehaviour &b, const ComputeParams &p, ComputeBreakdown *why)
{
    const Bytes ub = std::min<Bytes>(p.tokens, std::max<Bytes>(p.kv.fullCells, 1));
    const Bytes nKv = p.kv.fullCells;
    const Bytes hiddenRows = 4 * ub * m.hidden * kF32;
    const bool quantized = p.kv.keyType == KvType::Q8_0 || p.kv.keyType == KvType::Q4_0;
    Bytes attention = 0;
    if (p.flashAttn) {
        attention = nKv * ub * kF16 + hiddenRows;
        if (quantized) // flash attention dequantizes one layer's K and V to F16 first
            attention += nKv * (Bytes{m.kvHeads} * m.headDim + Bytes{m.kvHeads} * m.valueDim()) * kF16;
    } else {
        attention = nKv * ub * m.heads * kF32 + nKv * ub * kF32 + hiddenRows;
    }
    // Builds with the live-set row (engines.json ffn_scratch): ggml-alloc keeps the GPU's copies of the graph inputs
    // (the mask, the embeddings' rows) until their last use, and ggml_swiglu_split is not in place, so at the FFN the
    // up, gate and swiglu rows, the residual rows and the mask are alive together (read at llama.cpp b10573:
    // ggml-alloc.c, llama-graph.cpp build_ffn, ggml-backend.cpp split inputs).
    // The mask as the host builds it, and as the GPU keeps its copy: F32, or F16 for flash attention since PR #23764.
    const Bytes maskElement = p.flashAttn && b.faMaskF16 ? kF16 : kF32;
    const Bytes mask = nKv * ub * maskElement;
    const Bytes ffnRows = b.ffnLiveSet ? 3 : 2;
    const Bytes ffn = ffnRows * ub * ffnWidth(m) * kF32 + ffnRows * ub * m.hidden * kF32 + (b.ffnLiveSet ? mask : 0);
    // Since llama.cpp PR #23861 the reserve holds one logits row per sequence, not per ubatch token.
    const Bytes outputRows = b.logitsForAllTokens ? ub : std::min<Bytes>(ub, p.parallel);
    const Bytes logits = Bytes{m.vocab} * outputRows * kF32 + ub * m.hidden * kF32;
    ComputeBuffers out;
    out.layerScratch = std::max(attention, ffn);
    out.outputScratch = std::max(out.layerScratch, logits);
    // Host: the token embeddings are gathered on the CPU (one row, two since PR #18898: engines.json host_embd_rows)
    // and the mask is built there: F32, cast to F16 on the device for flash attention, until PR #23764 builds it in
    // F16 (fa_mask); the logits of every sequence come back into a separate output buffer.
    out.hostFixed = Bytes{b.hostEmbdRows} * ub * m.hidden * kF32 + mask;
    out.hostOutput = Bytes{m.vocab} * kF32 * p.parallel;
    out.splitInputs = mask + ub * m.hidden * kF32;
    out.hostSplitInputs = mask;
    if (why) {
        using F = Factor;
        using K = TermKind;
        const auto rows = [&](Bytes n) {
            return productTerm(K::HiddenRows,
                               {times(F::Rows, n), times(F::Tokens, ub), times(F::Hidden, m.hidden), times(F::ElementBytes, kF32)});
        };
        const auto maskTerm = [&] {
            return productTerm(K::AttentionMask, {times(F::Cells, nKv), times(F::Tokens, ub), times(F::ElementBytes, maskElement)});
        };
        std::vector<ExplainTerm> att;
        if (p.flashAttn) {
            att.push_back(productTerm(K::AttentionMask, {times(F::Cells, nKv), times(F::Tokens, ub), times(F::ElementBytes, kF16)}));
            if (quantized)
                att.push_back(
                    productTerm(K::KvDequantized,
                                {times(F::Cells, nKv), times(F::Elements, Bytes{m.kvHeads} * m.headDim + Bytes{m.kvHeads} * m.valueDim()),
                                 detail(F::KvHeads, m.kvHeads), detail(F::HeadDim, m.headDim), times(F::ElementBytes, kF16)}));
        } else {
            att.push_back(productTerm(
                K::KqMatrix, {times(F::Cells, nKv), times(F::Tokens, ub), times(F::Heads, m.heads), times(F::ElementBytes, kF32)}));
            att.push_back(productTerm(K::AttentionMask, {times(F::Cells, nKv), times(F::Tokens, ub), times(F::ElementBytes, kF32)}));
        }
        att.push_back(rows(4));
        const auto attentionTerm = sumTerm(K::AttentionScratch, std::move(att));
        std::vector<ExplainTerm> ffnParts{productTerm(K::FfnActivations, {times(F::Rows, ffnRows), times(F::Tokens, ub),
                                                                          times(F::FfnWidth, ffnWidth(m)), times(F::ElementBytes, kF32)}),
                                          rows(ffnRows)};
        if (b.ffnLiveSet)
            ffnParts.push_back(maskTerm());
        const auto ffnTerm = sumTerm(K::FfnScratch, std::move(ffnParts));
        const auto logitsTerm = sumTerm(
            K::OutputLogits,
            {productTerm(K::Logits, {times(F::Vocab, m.vocab), times(F::Rows, outputRows), times(F::ElementBytes, kF32)}), rows(1)});
        why->layer = {attentionTerm, ffnTerm};
        why->output = {attentionTerm, ffnTerm, logitsTerm};
        const auto hostMask = maskTerm();
        why->host = {productTerm(K::EmbeddingGather, {times(F::Rows, b.hostEmbdRows), times(F::Tokens, ub), times(F::Hidden, m.hidden),
                                                      times(F::ElementBytes, kF32)}),
                     hostMask};
        why->splitInputs = {hostMask, rows(1)};
        why->hostSplitInputs = {hostMask};
        why->hostOutput = {
            productTerm(K::Logits, {times(F::Vocab, m.vocab), times(F::ElementBytes, kF32), times(F::Sequences, p.parallel)})};
    }
    return out;
}

/**
 * Ollama's own engine (ollamarunner, Go; read at v0.11.10) reserves one worst-case graph of num_batch tokens
 * (runner.go reserveWorstCaseGraph; the server caps num_batch at num_ctx from v0.12.6, and like llama.cpp's strategy
 * this one caps it at the cache), with one output row per sequence: the models gather batch.Outputs before the
 * last layer's MLP. Its graph inputs sit in host buffers of their own, outside the graph (ggml.go newTensor), and
 * the scheduler copies each to the GPU that reads it, where the masks stay until the last layer: at reserve each
 * cache's mask is F16 [roundUp(cells, 256), roundUp(tokens, 64)] with flash attention, F32 [cells, tokens] without
 * (kvcache/causal.go buildMask; a sliding-window cache has its own). token_embd stays on the CPU and op_offload is
 * off, so the host's graph is the embeddings' GET_ROWS alone. The rest of each peak is the architecture's
 * (engines.json own_engine_graphs, reproduced through the vendored ggml-alloc.c); the positions and output indices
 * (4 bytes a token, a few a sequence) are left out.
 */
ComputeBuffers ownEngine(const ModelSpec &m, const OwnEngineGraph &g, const ComputeParams &p, ComputeBreakdown *why)
{
    // A version that refuses flash attention for the architecture has no such candidates (resolveSettings turns it off).
    const bool flash = p.flashAttn && !g.flashAttn.empty();
    const Bytes t = std::min<Bytes>(p.tokens, std::max<Bytes>(p.kv.fullCells, 1));
    const Bytes maskTokens = flash ? padTo(t, 64) : t;
    const Bytes maskElement = flash ? kF16 : kF32;
    std::vector<Bytes> maskCells{p.kv.fullCells};
    if (p.kv.windowCells > 0)
        maskCells.push_back(p.kv.windowCells);
    Bytes masks = 0;
    for (const Bytes cells : maskCells)
        masks += cells * maskTokens * maskElement;
    const Bytes qkvWidth = (Bytes{m.heads} + 2 * Bytes{m.kvHeads}) * m.headDim;
    const Bytes attentionWidth = Bytes{m.heads} * m.headDim;
    const Bytes scoreCells = std::max(p.kv.fullCells, p.kv.windowCells);
    const auto peakBytes = [&](const GraphPeakRows &r) {
        return t * kF32 *
               (Bytes{r.hidden} * m.hidden + Bytes{r.attention} * attentionWidth + Bytes{r.qkv} * qkvWidth +
                Bytes{r.experts} * ffnWidth(m) + Bytes{r.scores} * m.heads * scoreCells);
    };
    const auto &peaks = flash ? g.flashAttn : g.plain;
    Bytes layer = 0;
    for (const auto &r : peaks)
        layer = std::max(layer, peakBytes(r));
    const Bytes sequences = std::max<std::uint32_t>(p.parallel, 1);
    const Bytes outputRows = std::min(t, sequences);
    const Bytes logits = Bytes{m.vocab} * outputRows * kF32;
    ComputeBuffers out;
    out.layerScratch = layer + masks;
    out.outputScratch = std::max(out.layerScratch, logits + masks);
    out.hostFixed = t * m.hidden * kF32;
    // The inputs' own host buffers (the masks as reserved), and the logits read back for every sequence.
    out.hostOutput = masks + Bytes{m.vocab} * kF32 * sequences;
    if (why) {
        using F = Factor;
        using K = TermKind;
        std::vector<ExplainTerm> maskTerms;
        for (const Bytes cells : maskCells)
            maskTerms.push_back(
                productTerm(K::AttentionMask, {times(F::Cells, cells), times(F::Tokens, maskTokens), times(F::ElementBytes, maskElement)}));
        const auto rowsOf = [&](std::uint32_t n, std::vector<ExplainFactor> widths) {
            std::vector<ExplainFactor> f{times(F::Rows, n), times(F::Tokens, t)};
            f.insert(f.end(), widths.begin(), widths.end());
            f.push_back(times(F::ElementBytes, kF32));
            return f;
        };
        const auto peakTerm = [&](const GraphPeakRows &r) {
            std::vector<ExplainTerm> parts;
            if (r.scores)
                parts.push_back(productTerm(K::KqMatrix, {times(F::Cells, scoreCells), times(F::Tokens, t), times(F::Heads, m.heads),
                                                          times(F::ElementBytes, kF32)}));
            if (r.hidden)
                parts.push_back(productTerm(K::HiddenRows, rowsOf(r.hidden, {times(F::Hidden, m.hidden)})));
            if (r.qkv)
                parts.push_back(
                    productTerm(K::AttentionRows, rowsOf(r.qkv, {times(F::Elements, qkvWidth), detail(F::Heads, m.heads),
                                                                 detail(F::KvHeads, m.kvHeads), detail(F::HeadDim, m.headDim)})));
            if (r.attention)
                parts.push_back(
                    productTerm(K::AttentionRows, rowsOf(r.attention, {times(F::Heads, m.heads), times(F::HeadDim, m.headDim)})));
            if (r.experts)
                parts.push_back(productTerm(K::FfnActivations, rowsOf(r.experts, {times(F::FfnWidth, ffnWidth(m))})));
            parts.insert(parts.end(), maskTerms.begin(), maskTerms.end());
            return sumTerm(K::GraphPeak, std::move(parts));
        };
        for (const auto &r : peaks)
            why->layer.push_back(peakTerm(r));
        why->output = why->layer;
        std::vector<ExplainTerm> logitsParts{
            productTerm(K::Logits, {times(F::Vocab, m.vocab), times(F::Rows, outputRows), times(F::ElementBytes, kF32)})};
        logitsParts.insert(logitsParts.end(), maskTerms.begin(), maskTerms.end());
        why->output.push_back(sumTerm(K::OutputLogits, std::move(logitsParts)));
        why->host = {productTerm(K::EmbeddingGather,
                                 {times(F::Rows, 1), times(F::Tokens, t), times(F::Hidden, m.hidden), times(F::ElementBytes, kF32)})};
        why->hostOutput = maskTerms;
        why->hostOutput.push_back(
            productTerm(K::Logits, {times(F::Vocab, m.vocab), times(F::ElementBytes, kF32), times(F::Sequences, sequences)}));
    }
    return out;
}

/**
 * vLLM's profiler (profile_run) runs one dummy batch of max_num_batched_tokens through the layers, then samples
 * max_num_seqs of its rows with top_p 0.99 and top_k vocab - 1 "to reflect the accurate memory usage": the peak is
 * the larger of the two. The layers: the MLP's activations (passActivationBytes). The sampler: the logits in bf16 and
 * F32, their sort (values and int64 indices), the sorted probabilities and their cumulative sum, the masks and the
 * re-scattered logits, per sequence and vocabulary entry (engines.json `profile_sampler_bytes`), beside the batch's
 * hidden states. Without the sampler (no such row, or a chunked-prefill budget shorter than a sequence, whose
 * profile the PR #10511-era logs show without it: vllm#13061 at 2048 tokens, vllm#10517 at 512), one logits row per
 * sampled sequence in the model's 16-bit dtype, as the LM head writes them: vllm#10517's 512-token profile holds
 * 0.06 GiB, 256 x 128,256 x 2 bytes (F32 rows would be twice that; a fit row, tests/data/calibration.csv 5444).
 * V1 samples after every profile pass, chunked or not (`profile_sampler: always`), one row per dummy request, on
 * every rank: its torch peak does not change with tensor parallelism (1.89 GiB at TP 1, 2 and 4, vLLM v0.19.0).
 */
ComputeBuffers vllm(const ModelSpec &m, const EngineBehaviour &b, const ComputeParams &p, ComputeBreakdown *why)
{
    const Bytes t = p.tokens;
    const Bytes tp = std::max<std::uint32_t>(p.tensorParallel, 1);
    const Bytes sampled = std::min<Bytes>(t, std::max<std::uint32_t>(p.scheduledSequences, 1));
    const Bytes layers = passActivationBytes(m, t, tp);
    const Bytes hiddenStates = t * m.hidden * kF16;
    const Bytes perSequence = p.kv.fullCells / std::max<std::uint32_t>(p.parallel, 1);
    // V0 samples only a pass that holds a whole sequence (no chunked prefill); V1 samples after every profile pass.
    const bool sorts = b.profileSamplerBytes > 0 && (b.profileSamplerAlways || t >= perSequence);
    const Bytes logitBytes = sorts ? b.profileSamplerBytes : kF16;
    const Bytes sampler = sampled * m.vocab * logitBytes + (sorts ? hiddenStates : 0);
    ComputeBuffers out;
    out.layerScratch = std::max(layers, sampler);
    out.outputScratch = out.layerScratch;
    if (why) {
        using F = Factor;
        const auto pass = sumTerm(TermKind::ProfilePass, {prefillActivations(m, t, tp)});
        std::vector<ExplainTerm> parts{
            productTerm(TermKind::Logits, {times(F::Sequences, sampled), times(F::Vocab, m.vocab), times(F::ElementBytes, logitBytes)})};
        if (sorts)
            parts.push_back(
                productTerm(TermKind::HiddenRows, {times(F::Tokens, t), times(F::Hidden, m.hidden), times(F::ElementBytes, kF16)}));
        const auto samplerTerm = sumTerm(TermKind::SamplerPass, std::move(parts));
        why->layer = {pass, samplerTerm};
        why->output = {pass, samplerTerm};
    }
    return out;
}

/**
 * transformers prefills the whole prompt in one pass: bf16 MLP activations per token; logits are F32
 * for every prompt token before 4.45 (PR #31292) and for the last one after. The 1.5x on all-token
 * logits is fitted to the Qwen2 4.38.2 rows in tests/data/calibration.csv.
 */
ComputeBuffers transformers(const ModelSpec &m, const EngineBehaviour &b, const ComputeParams &p, ComputeBreakdown *why)
{
    const Bytes t = p.tokens;
    const Bytes activations = passActivationBytes(m, t);
    const Bytes logits = b.prefillLogitsAll ? t * m.vocab * kF32 * 3 / 2 : Bytes{m.vocab} * kF32 * 2 * p.parallel;
    ComputeBuffers out;
    out.layerScratch = activations;
    out.outputScratch = activations + logits;
    if (why) {
        using F = Factor;
        const auto act = prefillActivations(m, t);
        const auto logitsTerm =
            b.prefillLogitsAll ? productTerm(TermKind::Logits, {times(F::Tokens, t), times(F::Vocab, m.vocab), times(F::ElementBytes, kF32),
                                                                times(F::Scale, 3), dividedBy(F::Scale, 2)})
                               : productTerm(TermKind::Logits, {times(F::Vocab, m.vocab), times(F::ElementBytes, kF32), times(F::Rows, 2),
                                                                times(F::Sequences, p.parallel)});
        why->layer = {sumTerm(TermKind::PrefillPass, {act})};
        why->output = {sumTerm(TermKind::PrefillPass, {act, logitsTerm})};
    }
    return out;
}

/** mlx-lm prefills in chunks of prefill_step_size tokens and materialises the chunk's bf16 logits. */
ComputeBuffers mlx(const ModelSpec &m, const ComputeParams &p, ComputeBreakdown *why)
{
    const Bytes t = p.tokens;
    ComputeBuffers out;
    out.layerScratch = passActivationBytes(m, t);
    out.outputScratch = out.layerScratch + t * m.vocab * kF16;
    if (why) {
        using F = Factor;
        const auto act = prefillActivations(m, t);
        why->layer = {sumTerm(TermKind::PrefillPass, {act})};
        why->output = {sumTerm(TermKind::PrefillPass, {act, productTerm(TermKind::Logits, {times(F::Tokens, t), times(F::Vocab, m.vocab),
                                                                                           times(F::ElementBytes, kF16)})})};
    }
    return out;
}

/** One family's strategy: its compute buffers and its default forward-pass size. */
enum class EngineKind { LlamaCpp, Vllm, Transformers, Mlx };

std::optional<EngineKind> familyOf(const std::string &name)
{
    // Asked several times per estimate (every step of the context searches): the names differ in length,
    // so one comparison decides.
    switch (name.size()) {
    case 9:
        if (name == "llama.cpp")
            return EngineKind::LlamaCpp;
        break;
    case 4:
        if (name == "vllm")
            return EngineKind::Vllm;
        break;
    case 12:
        if (name == "transformers")
            return EngineKind::Transformers;
        break;
    case 3:
        if (name == "mlx")
            return EngineKind::Mlx;
        break;
    default: break;
    }
    return std::nullopt;
}

/** toLowerAscii(haystack).find(toLowerAscii(needle)) != npos, without the two copies (asked at every search step). */
bool containsIgnoreCase(std::string_view haystack, std::string_view needle)
{
    if (needle.empty())
        return true;
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                       [&](char a, char b) { return lower(a) == lower(b); }) != haystack.end();
}

/** V1's defaults for a large first GPU (engines.json `large_gpu_batch`), or null where they do not apply. */
const LargeGpuBatch *largeGpuBatch(const EngineBehaviour &b, const std::vector<DeviceSpec> &devices)
{
    if (!b.largeGpuBatch || devices.empty() || devices.front().capacity < b.largeGpuBatch->minMemory)
        return nullptr;
    const auto &except = b.largeGpuBatch->exceptNames;
    const bool excluded =
        std::any_of(except.begin(), except.end(), [&](const std::string &n) { return containsIgnoreCase(devices.front().name, n); });
    return excluded ? nullptr : &*b.largeGpuBatch;
}

/** vLLM's max_num_batched_tokens default (vllm/engine/arg_utils.py). */
std::uint32_t vllmBatchedTokens(const EngineBehaviour &b, std::uint32_t ctxPerSeq, const std::vector<DeviceSpec> &devices)
{
    // Before the V1 engine: max(max_model_len, 2048) tokens, except that V0 (from 0.5.3) turns chunked prefill on for
    // contexts over 32K ("use_long_context" in arg_utils.py) and then batches its budget (engines.json).
    if (b.maxNumBatchedTokens == 0)
        return ctxPerSeq > 32768 && b.longContextBatchedTokens > 0 ? b.longContextBatchedTokens : std::max<std::uint32_t>(ctxPerSeq, 2048);
    // V1: a larger batch on the first GPU when it is big, except on A100s.
    if (const auto *large = largeGpuBatch(b, devices))
        return std::max(b.maxNumBatchedTokens, large->tokens);
    return b.maxNumBatchedTokens;
}

} // namespace

std::uint32_t scheduledSequences(const EngineBehaviour &b, const std::vector<DeviceSpec> &devices, std::optional<std::uint32_t> requested)
{
    if (requested)
        return *requested;
    const auto *large = largeGpuBatch(b, devices);
    return large && large->sequences > 0 ? large->sequences : b.defaultParallel;
}

bool isComputeFamily(const std::string &name)
{
    return familyOf(name).has_value();
}

bool flashAttnChangesMemory(const EngineProfile &engine)
{
    // Only the llama.cpp strategy reads ComputeParams::flashAttn.
    return familyOf(engine.traits.computeFamily).value_or(EngineKind::LlamaCpp) == EngineKind::LlamaCpp;
}

ComputeBuffers computeBuffers(const ModelSpec &m, const EngineProfile &engine, const EngineBehaviour &b, const ComputeParams &p,
                              ComputeBreakdown *why)
{
    switch (familyOf(engine.traits.computeFamily).value_or(EngineKind::LlamaCpp)) {
    case EngineKind::LlamaCpp:
        // Ollama runs some architectures on its own engine, whose graph is not llama.cpp's (engines.json own_engine_graphs).
        if (const auto *own = b.ownEngineGraph(m.arch))
            return ownEngine(m, *own, p, why);
        return llamaCpp(m, b, p, why);
    case EngineKind::Vllm: return vllm(m, b, p, why);
    case EngineKind::Transformers: return transformers(m, b, p, why);
    case EngineKind::Mlx: return mlx(m, p, why);
    }
    return {};
}

std::uint32_t forwardTokens(const EngineProfile &engine, const EngineBehaviour &b, std::uint32_t ctxPerSeq,
                            const std::vector<DeviceSpec> &devices, std::optional<std::uint32_t> ubatch, std::optional<std::uint32_t> batch)
{
    std::uint32_t tokens = 0;
    if (ubatch) {
        tokens = *ubatch;
    } else {
        switch (familyOf(engine.traits.computeFamily).value_or(EngineKind::LlamaCpp)) {
        case EngineKind::LlamaCpp: tokens = engine.traits.defaultUbatch; break;
        case EngineKind::Vllm: tokens = vllmBatchedTokens(b, ctxPerSeq, devices); break;
        case EngineKind::Transformers: tokens = ctxPerSeq; break; // the whole prompt in one pass
        case EngineKind::Mlx: tokens = std::min<std::uint32_t>(ctxPerSeq, b.prefillStep ? b.prefillStep : ctxPerSeq); break;
        }
    }
    if (batch) {
        // llama.cpp clamps n_ubatch to n_batch; for vLLM the batch is max_num_batched_tokens.
        if (engine.traits.batchOption == BatchOption::ClampsUbatch)
            tokens = std::min(tokens, *batch);
        else if (engine.traits.batchOption == BatchOption::BatchedTokens && !ubatch)
            tokens = *batch;
    }
    return tokens;
}

} // namespace headroom
