// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/explanation.h"

#include "headroom/devices.h"
#include "headroom/final_settings.h"
#include "headroom/layout_planner.h"
#include "headroom/speed.h"

#include <algorithm>
#include <numeric>

namespace headroom {
namespace {

using F = Factor;

/** Weight tensors of one role and storage type on one memory. */
struct WeightGroupKey {
    TensorRole role = TensorRole::Other;
    std::string type;
};

/** What one memory holds of the weights: tensors grouped by role and type, the notable ones alone. */
class WeightTerms
{
public:
    void add(const Tensor &t, TermKind single)
    {
        if (single != TermKind::WeightGroup) {
            ExplainTerm term = givenTerm(single, t.bytes);
            term.role = tensorRole(t.name);
            term.type = t.storage;
            term.label = t.name;
            term.count = 1;
            m_singles.push_back(std::move(term));
            return;
        }
        const TensorRole role = tensorRole(t.name);
        auto it =
            std::find_if(m_groups.begin(), m_groups.end(), [&](const ExplainTerm &g) { return g.role == role && g.type == t.storage; });
        if (it == m_groups.end()) {
            ExplainTerm g = givenTerm(TermKind::WeightGroup, 0);
            g.role = role;
            g.type = t.storage;
            it = m_groups.insert(m_groups.end(), std::move(g));
        }
        it->bytes += t.bytes;
        ++it->count;
    }

    /** Notable tensors first, then the groups by size. */
    [[nodiscard]] std::vector<ExplainTerm> terms() &&
    {
        std::stable_sort(m_groups.begin(), m_groups.end(), [](const ExplainTerm &a, const ExplainTerm &b) { return a.bytes > b.bytes; });
        std::vector<ExplainTerm> out = std::move(m_singles);
        out.insert(out.end(), std::make_move_iterator(m_groups.begin()), std::make_move_iterator(m_groups.end()));
        return out;
    }

private:
    std::vector<ExplainTerm> m_singles;
    std::vector<ExplainTerm> m_groups;
};

/** Tensor parallel: each rank holds floor(whole / ranks) of a term. */
void shareOverRanks(std::vector<ExplainTerm> &terms, Bytes ranks)
{
    for (auto &t : terms) {
        if (t.isProduct()) {
            t.factors.push_back(dividedBy(F::Ranks, ranks));
            t.bytes = t.factorValue();
        } else {
            t.factors = {times(F::WholeBytes, t.bytes), dividedBy(F::Ranks, ranks)};
            t.bytes = t.factorValue();
            t.parts.clear();
        }
    }
}

/** The first GPU's copy of a weight in RAM that op offload adds above its scratch (LayoutPlanner::withWeightCopy). */
void addWeightCopy(SegmentExplanation &s)
{
    const Bytes counted = s.countedBytes();
    if (s.bytes <= counted)
        return;
    ExplainTerm t = givenTerm(TermKind::WeightCopy, s.bytes - counted);
    t.source = "ggml-backend.cpp: an op on a weight in a CPU buffer runs on the first GPU that takes its batch (CUDA: 32 "
               "rows and more), one weight copied at a time; a copy larger than the scratch lands above it (ggml-alloc)";
    s.terms.push_back(std::move(t));
}

/** The rounding a rank's share of the whole leaves over the shares of its terms (a few bytes at most). */
void addRounding(SegmentExplanation &s)
{
    const Bytes counted = s.countedBytes();
    if (s.bytes > counted)
        s.terms.push_back(givenTerm(TermKind::RankShareRounding, s.bytes - counted));
}

std::vector<UnitRun> runsOf(const std::vector<int> &unitDevice, int device)
{
    std::vector<UnitRun> runs;
    for (std::uint32_t u = 0; u < unitDevice.size(); ++u) {
        if (unitDevice[u] != device)
            continue;
        if (!runs.empty() && runs.back().to == u)
            ++runs.back().to;
        else
            runs.push_back({u, u + 1});
    }
    return runs;
}

class Explainer
{
public:
    Explainer(const EstimateRequest &req, const Placement &given)
        : m_req(req), m_given(given), m_first(resolveSettings(req, std::nullopt)), m_planner(req, *m_first.behaviour),
          m_settings(finalSettings(req, m_first, m_planner)), m_layout(m_planner.layout(m_settings, &m_trace))
    {
    }

    Explanation run()
    {
        Explanation e;
        e.engineVersion = m_settings.behaviour->from;
        e.behaviourSource = m_settings.behaviour->source;
        for (std::size_t i = 0; i < m_given.devices.size(); ++i)
            e.devices.push_back(device(static_cast<int>(i)));
        e.host = device(-1);
        e.assumptions = assumptions();
        return e;
    }

private:
    [[nodiscard]] std::uint32_t blocks() const { return m_req.model->layers; }
    [[nodiscard]] Bytes ranks() const { return static_cast<Bytes>(std::max<std::size_t>(m_given.devices.size(), 1)); }

    /** The device that holds the token-embedding table: -1 = the host. */
    [[nodiscard]] int inputHolder() const { return m_trace.inputOnHost ? -1 : 0; }

    DeviceExplanation device(int index)
    {
        const DeviceUsage &usage = index < 0 ? m_given.host : m_given.devices[static_cast<std::size_t>(index)];
        DeviceExplanation d;
        d.id = usage.id;
        d.name = usage.name;
        d.host = index < 0;
        if (m_trace.tensorParallel)
            d.units = index < 0 ? std::vector<UnitRun>{} : std::vector<UnitRun>{{0, blocks() + 1}};
        else
            d.units = runsOf(m_trace.unitDevice, index);
        for (const Segment s : kSegments) {
            auto &seg = d.segments[static_cast<std::size_t>(s)];
            seg.segment = s;
            seg.bytes = segmentBytes(usage, s);
        }
        auto &weights = d.segments[static_cast<std::size_t>(Segment::Weights)];
        auto &kv = d.segments[static_cast<std::size_t>(Segment::KvCache)];
        auto &compute = d.segments[static_cast<std::size_t>(Segment::Compute)];
        auto &overhead = d.segments[static_cast<std::size_t>(Segment::Overhead)];
        auto &projector = d.segments[static_cast<std::size_t>(Segment::Projector)];
        weights.terms = weightTerms(index, d.units);
        kv.terms = kvTerms(index, d.units);
        compute.terms = computeTerms(index, d.units);
        if (index == 0 && !m_trace.tensorParallel)
            addWeightCopy(compute);
        overhead.terms = overheadTerms(index);
        projector.terms = projectorTerms(index);
        if (m_trace.tensorParallel && index >= 0) {
            addRounding(weights);
            addRounding(kv);
        }
        return d;
    }

    std::vector<ExplainTerm> weightTerms(int index, const std::vector<UnitRun> &units) const
    {
        const auto &m = *m_req.model;
        const bool onHostEmbeddings = m_req.engine->traits.embeddingsOnHost;
        const bool tp = m_trace.tensorParallel;
        if (tp && index < 0)
            return {};
        const auto holds = [&](int unit) {
            if (tp)
                return true;
            return std::any_of(units.begin(), units.end(), [&](const UnitRun &r) {
                return unit >= 0 && static_cast<std::uint32_t>(unit) >= r.from && static_cast<std::uint32_t>(unit) < r.to;
            });
        };
        WeightTerms w;
        const bool tied = m_req.inventory->tiesOutput();
        for (const auto &t : m_req.inventory->tensors) {
            const TensorUnits at = tensorUnits(t, m.layers, tied, onHostEmbeddings);
            if (at.input && (tp || inputHolder() == index))
                w.add(t, TermKind::TokenEmbedding);
            if (at.unit >= 0 && holds(at.unit)) {
                if (t.layer < 0) {
                    // On the host the tied copy maps the input table's file bytes (LayoutPlanner: m_tiedCopy).
                    if (!(at.input && index < 0))
                        w.add(t, TermKind::TiedOutput);
                } else if (t.name == "output.weight")
                    w.add(t, TermKind::OutputWeight);
                else
                    w.add(t, TermKind::WeightGroup);
            }
        }
        auto terms = std::move(w).terms();
        if (tp)
            shareOverRanks(terms, ranks());
        if (index == 0 && !m_trace.mappedFromHost.empty()) {
            // LayoutPlanner's MappedSpan: Metal wraps the file from the GPU's first tensor to its last.
            WeightTerms inside;
            for (const Tensor *t : m_trace.mappedFromHost)
                inside.add(*t, TermKind::WeightGroup);
            ExplainTerm mapped = sumTerm(TermKind::MappedFromHost, std::move(inside).terms());
            mapped.count = static_cast<std::uint32_t>(m_trace.mappedFromHost.size());
            terms.push_back(std::move(mapped));
        }
        return terms;
    }

    std::vector<ExplainTerm> kvTermsOf(const std::vector<UnitRun> &units) const
    {
        std::vector<ExplainTerm> out;
        for (const auto &r : units) {
            auto t = headroom::kvTerms(*m_req.model, m_trace.kv, r.from, std::min(r.to, blocks()));
            out.insert(out.end(), std::make_move_iterator(t.begin()), std::make_move_iterator(t.end()));
        }
        return out;
    }

    std::vector<ExplainTerm> kvTerms(int index, const std::vector<UnitRun> &units) const
    {
        std::vector<ExplainTerm> out;
        if (m_trace.tensorParallel) {
            if (index >= 0) {
                out = kvTermsOf({{0, blocks()}});
                if (m_trace.kvReplicated)
                    for (auto &t : out)
                        t.factors.push_back(detail(F::Replicas, ranks()));
                else
                    shareOverRanks(out, ranks());
            }
        } else {
            out = kvTermsOf(units);
        }
        if (index < 0 && m_trace.hostCheckpoints > 0)
            out.push_back(checkpointTerm(*m_req.model, m_req.engine->traits.recurrentState, m_settings.behaviour->ctxCheckpoints,
                                         std::max<std::uint32_t>(m_settings.parallel, 1)));
        return out;
    }

    /** The candidates a memory's scratch is the largest of: the output layer's when it runs the output, else a block's. */
    std::vector<ExplainTerm> scratch(bool output) const
    {
        auto c = output ? m_trace.why.output : m_trace.why.layer;
        markLargest(c);
        return c;
    }

    std::vector<ExplainTerm> computeTerms(int index, const std::vector<UnitRun> &units) const
    {
        if (m_trace.tensorParallel)
            return index < 0 ? std::vector<ExplainTerm>{} : scratch(true);
        const bool any = !units.empty();
        const bool output = std::any_of(units.begin(), units.end(), [&](const UnitRun &r) { return r.to > blocks(); });
        std::vector<ExplainTerm> out;
        // CPU only, the graph is one buffer whose peak holds its inputs: no separate host buffers.
        if (index < 0 && m_req.engine->traits.embeddingsOnHost && !m_given.devices.empty())
            out.push_back(sumTerm(TermKind::HostBuffers, m_trace.why.host));
        // The host's own scratch only CPU only: beside a GPU, the work of layers in RAM runs on the GPU (op offload).
        if (any && (index >= 0 || m_given.devices.empty())) {
            auto c = scratch(output);
            out.insert(out.end(), c.begin(), c.end());
        }
        if (m_trace.pipelineCopies > 1 && (any || index < 0))
            out.push_back(pipelineCopiesTerm(index < 0));
        return out;
    }

    /** Pipeline parallelism's further copies of a split's inputs: the strategy's one copy, times the copies beyond the first. */
    ExplainTerm pipelineCopiesTerm(bool host) const
    {
        std::vector<ExplainTerm> parts;
        for (const auto &one : host ? m_trace.why.hostSplitInputs : m_trace.why.splitInputs) {
            auto factors = one.factors;
            factors.push_back(times(F::Copies, m_trace.pipelineCopies - 1));
            parts.push_back(productTerm(one.kind, std::move(factors)));
        }
        return sumTerm(TermKind::PipelineCopies, std::move(parts));
    }

    std::vector<ExplainTerm> overheadTerms(int index) const
    {
        if (index < 0) // llama.cpp's output buffer: the logits of every sequence, read back on the host
            return m_trace.why.hostOutput;
        const DeviceUsage &usage = m_given.devices[static_cast<std::size_t>(index)];
        ExplainTerm t = givenTerm(TermKind::RuntimeOverhead, usage.overhead);
        t.factors = {detail(F::Mebibytes, usage.overhead / MiB)};
        const DeviceBudget &budget = m_req.engine->runtimeOverhead;
        t.source = budget.source;
        if (m_trace.tensorParallel && budget.tensorParallelShare(m_given.devices.size()) > 0)
            t.source += "; with tensor parallelism, " + budget.tensorParallelSource;
        return {t};
    }

    std::vector<ExplainTerm> projectorTerms(int index) const
    {
        const VisionLoad &v = m_trace.vision;
        if (!v.included)
            return {};
        VisionTerms t = visionTerms(m_req, v);
        std::vector<ExplainTerm> out;
        if (m_trace.tensorParallel) {
            if (index < 0)
                return {};
            std::vector<ExplainTerm> w{t.weights};
            shareOverRanks(w, ranks());
            out.push_back(w.front());
            if (t.deviceCompute.bytes > 0)
                out.push_back(t.deviceCompute);
            return out;
        }
        const int runsOn = m_given.devices.empty() ? -1 : 0; // the first device of the run, else the host
        if (index == runsOn) {
            out.push_back(t.weights);
            if (t.deviceCompute.bytes > 0)
                out.push_back(t.deviceCompute);
        }
        if (index < 0 && t.hostCompute.bytes > 0)
            out.push_back(t.hostCompute);
        return out;
    }

    std::vector<Assumption> assumptions() const;

    const EstimateRequest &m_req;
    const Placement &m_given;
    ResolvedSettings m_first;
    LayoutPlanner m_planner;
    ResolvedSettings m_settings;
    LayoutTrace m_trace;
    Layout m_layout;
};

bool hasNotice(const ResolvedSettings &s, Notice n)
{
    return std::find(s.notices.begin(), s.notices.end(), n) != s.notices.end();
}

std::vector<Assumption> Explainer::assumptions() const
{
    using A = AssumptionCode;
    using I = InputCode;
    const auto &req = m_req;
    const auto &m = *req.model;
    const auto &engine = *req.engine;
    const auto &traits = engine.traits;
    const auto &b = *m_settings.behaviour;
    const auto &s = m_settings;
    std::vector<Assumption> out;
    const auto add = [&](A code, std::uint64_t value, std::string source, I input, std::uint64_t detailValue = 0, int device = -1) {
        out.push_back({code, value, detailValue, device, std::move(source), input});
    };
    const auto rowSource = [&](const char *key) { return engine.sourceOf(b, key); };

    // The context.
    if (s.ctxFromEngine) {
        const DefaultContext dc = defaultContext(req, b);
        if (hasNotice(s, Notice::CtxFitted)) {
            add(A::ContextFitted, s.ctx, rowSource("fit_default"), I::Ctx, dc.ctx);
        }
        switch (dc.rule) {
        case ContextRule::ByVram: {
            Bytes vram = 0;
            for (const auto &d : req.devices)
                vram += d.capacity;
            add(A::ContextByVram, dc.ctx, rowSource("default_ctx_by_vram"), I::Ctx, vram);
            break;
        }
        case ContextRule::EngineDefault: add(A::ContextDefault, dc.ctx, rowSource("default_ctx"), I::Ctx); break;
        case ContextRule::Conversation: add(A::ContextConversation, dc.ctx, traits.source, I::Ctx); break;
        case ContextRule::ModelMax: add(A::ContextModelMax, dc.ctx, m.source, I::Ctx); break;
        }
    }
    // Parallel slots.
    if (!req.parallel) {
        if (traits.kvPool)
            add(A::KvPoolOneSequence, 1, traits.source, I::Parallel);
        else if (b.kvUnified)
            add(A::ParallelUnifiedCache, b.defaultParallel, rowSource("kv_unified"), I::Parallel);
        else
            add(A::ParallelDefault, s.parallel, rowSource("default_parallel"), I::Parallel, b.defaultParallel);
        if (hasNotice(s, Notice::ParallelAutoReduced))
            add(A::ParallelAutoReduced, 1, rowSource("default_parallel"), I::Parallel, b.defaultParallel);
    }
    // The forward pass.
    if (!s.tokensFixed) {
        const I input = traits.batchOption == BatchOption::BatchedTokens  ? I::Batch
                        : traits.batchOption == BatchOption::ClampsUbatch ? I::Ubatch
                                                                          : I::None;
        const bool fromRow = b.maxNumBatchedTokens > 0 || b.prefillStep > 0;
        add(A::ForwardTokens, s.tokens, fromRow ? rowSource(b.prefillStep > 0 ? "prefill_step" : "max_num_batched_tokens") : traits.source,
            input);
    }
    if (req.flashAttn == FlashAttn::Auto)
        add(A::FlashAttnDefault, s.flashAttn ? 1 : 0, rowSource("flash_attn_default"), I::FlashAttn);
    if (hasNotice(s, Notice::KvQuantNeedsFlashAttn))
        add(A::KvQuantNeedsFlashAttn, static_cast<std::uint64_t>(req.kvType), traits.source, I::FlashAttn);
    else
        add(A::KvTypeDefault, static_cast<std::uint64_t>(s.keyType), traits.source, I::KvType);
    if (m.mla)
        add(A::MlaCache, static_cast<std::uint64_t>(b.mlaCache), rowSource("mla_cache"), I::EngineVersion);
    if (m.indexer)
        add(A::IndexerCache, static_cast<std::uint64_t>(b.indexerCache), rowSource("indexer_cache"), I::EngineVersion);
    if (m.slidingWindow && m.slidingWindow->window > 0)
        add(A::SlidingWindowCache, static_cast<std::uint64_t>(b.swaCache), rowSource("swa_cache"), I::EngineVersion,
            m.slidingWindow->window);
    if (m.recurrent)
        add(A::RecurrentStateType, static_cast<std::uint64_t>(traits.recurrentState), traits.source, I::None);
    if (m_trace.hostCheckpoints > 0)
        add(A::CtxCheckpoints, b.ctxCheckpoints, rowSource("ctx_checkpoints"), I::None);
    if (const auto *own = b.ownEngineGraph(m.arch))
        add(A::OwnEngineGraph, 0, own->source, I::EngineVersion);

    // Usable memory, per device of the request.
    for (std::size_t i = 0; i < m_given.devices.size(); ++i) {
        const auto &du = m_given.devices[i];
        const auto it = std::find_if(req.devices.begin(), req.devices.end(), [&](const DeviceSpec &d) { return d.id == du.id; });
        if (it == req.devices.end())
            continue;
        const DeviceSpec &d = *it;
        const int idx = static_cast<int>(i);
        if (d.kind == MemoryKind::Unified)
            add(A::AppleWiredLimit, appleWorkingSetLimit(d), d.wiredLimit ? d.limitSource : std::string(kAppleWorkingSetRuleSource), I::Gpu,
                d.wiredLimit ? 1 : 0, idx);
        else if (d.wiredLimit)
            add(A::GpuLimit, *d.wiredLimit, d.limitSource, I::Gpu, 0, idx);
        if (b.gpuMemoryUtilization < 1.0)
            add(A::GpuMemoryUtilization, static_cast<std::uint64_t>(b.gpuMemoryUtilization * 1000.0 + 0.5),
                rowSource("gpu_memory_utilization"), I::None, 0, idx);
        const Bytes reserve = engine.deviceReserve.forKind(d.kind == MemoryKind::Unified);
        if (reserve > 0)
            add(A::DeviceReserve, reserve, engine.deviceReserve.source, I::None, 0, idx);
    }
    if (s.fitMargin > 0)
        add(A::FitMargin, s.fitMargin, rowSource("fit_default"), I::GpuLayers);

    // How the model was spread.
    const bool tp = m_trace.tensorParallel;
    if (tp)
        add(A::TensorParallelSplit, m_given.devices.size(), traits.source, I::Gpu);
    else if (traits.devicePolicy == DevicePolicy::Fewest && !req.spread && req.devices.size() >= 2)
        add(A::FewestDevices, m_given.devices.size(), traits.source, I::Spread, req.devices.size());
    else if (m_given.devices.size() >= 2)
        add(A::LayerSplitByMemory, m_given.devices.size(), traits.source, I::Gpu);
    if (!tp && !req.gpuLayers && traits.offloadsToHost && !req.devices.empty())
        add(A::LayersFitted, m_given.gpuLayers, traits.source, I::GpuLayers, m_given.totalLayers);
    if (traits.embeddingsOnHost)
        add(A::EmbeddingsOnHost, 1, traits.source, I::None);
    if (m_trace.vision.available && !req.vision)
        add(A::VisionDefault, m_trace.vision.included ? 1 : 0, traits.source, I::Vision);

    // The host.
    if (!req.hostRam && (m_given.host.total() > 0 || req.devices.empty()))
        add(A::HostRamUnknown, 0, std::string(), I::Ram);
    if (req.hostBandwidthGBs <= 0)
        add(A::HostBandwidthDefault, static_cast<std::uint64_t>(kDefaultHostBandwidthGBs * 1000.0 + 0.5), kDefaultHostBandwidthSource,
            I::None);
    // The share of the datasheet bandwidth decode assumes: the first device's kind of memory (speed.h), or system RAM's.
    const SpeedClass decodeClass = req.devices.empty() ? SpeedClass::HostRam : req.devices.front().speedClass;
    add(A::BandwidthEfficiency, static_cast<std::uint64_t>(decodeConstants(decodeClass).bandwidthEfficiency * 100.0 + 0.5),
        decodeClass == SpeedClass::HostRam ? kHostBandwidthEfficiencySource : kSpeedCalibrationSource, I::None);
    return out;
}

} // namespace

Bytes segmentBytes(const DeviceUsage &d, Segment s)
{
    switch (s) {
    case Segment::Weights: return d.weights;
    case Segment::KvCache: return d.kvCache;
    case Segment::Compute: return d.compute;
    case Segment::Overhead: return d.overhead;
    case Segment::Projector: return d.projector;
    }
    return 0;
}

Bytes SegmentExplanation::countedBytes() const
{
    Bytes sum = 0;
    for (const auto &t : terms)
        if (t.counted)
            sum += t.bytes;
    return sum;
}

const char *segmentName(Segment s)
{
    switch (s) {
    case Segment::Weights: return "weights";
    case Segment::KvCache: return "kv_cache";
    case Segment::Compute: return "compute";
    case Segment::Overhead: return "overhead";
    case Segment::Projector: return "projector";
    }
    return "weights";
}

Explanation explain(const EstimateRequest &request, const Placement &placement)
{
    return Explainer(request, placement).run();
}

} // namespace headroom
