// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/layout_planner.h"

#include "headroom/devices.h"

#include <algorithm>
#include <numeric>

namespace headroom {
namespace {

/** Fraction boundaries for a layer split proportional to each device's usable memory (llama.cpp's default). */
std::vector<double> splitFractions(const std::vector<Bytes> &usable)
{
    const double sum = std::accumulate(usable.begin(), usable.end(), 0.0, [](double a, Bytes b) { return a + static_cast<double>(b); });
    std::vector<double> cumulative;
    double running = 0.0;
    for (const auto u : usable) {
        running += sum > 0 ? static_cast<double>(u) / sum : 1.0 / static_cast<double>(usable.size());
        cumulative.push_back(running);
    }
    cumulative.back() = 1.0;
    return cumulative;
}

/**
 * KV bytes one decoded token reads from a device holding `kv`: one sequence's cache, read in full at every
 * step, averaged over a conversation that fills it.
 */
double kvReadPerToken(Bytes kv, std::uint32_t parallel)
{
    return static_cast<double>(kv) / std::max<std::uint32_t>(parallel, 1) / 2.0;
}

} // namespace

LayoutPlanner::LayoutPlanner(const EstimateRequest &req, const EngineBehaviour &behaviour)
    : m_req(req), m_behaviour(behaviour), m_vision(visionLoad(req))
{
    const auto &m = *req.model;
    const auto &inv = *req.inventory;
    const auto &traits = req.engine->traits;
    const std::size_t n = m.layers;
    m_layers = m.layers;
    m_tensorParallel = traits.devicePolicy == DevicePolicy::TensorParallel && !req.devices.empty();
    // MLA caches one latent head per token, which vLLM cannot split over tensor-parallel ranks: each rank keeps all of
    // it (Kimi-K2.5 on vLLM, TP=8: 163.59 GiB of KV per rank for 2,499,584 tokens = 61 x 576 x 2 B a token,
    // MoonshotAI/Kimi-K2.5#34 as quoted in vramscout's test; decode context parallelism is what shards it).
    m_kvReplicated = m_tensorParallel && m.mla && behaviour.mlaCache != MlaCache::Expanded;
    m_embeddingsOnHost = traits.embeddingsOnHost;
    m_outputFirst = behaviour.outputOffloadedFirst;
    m_weights.assign(n + 1, 0);
    m_active.assign(n + 1, 0);
    m_largestTensor.assign(n + 1, 0);
    m_opOffload = traits.computeFamily == "llama.cpp";
    const double share =
        inv.experts > 0 ? static_cast<double>(inv.expertsUsed) / static_cast<double>(inv.experts) : 1.0; // routed experts read per token
    const std::uint32_t expertHost = expertHostLayers(req);
    const bool tied = inv.tiesOutput();
    for (const auto &t : inv.tensors) {
        // --n-cpu-moe N: a tensor buffer override keeps these in system RAM wherever their layer runs (PR #15077).
        if (expertHost > 0 && expertOnHost(t, expertHost)) {
            m_largestHostExpert = std::max(m_largestHostExpert, t.bytes);
            m_hostExperts += t.bytes;
            m_hostExpertsRead += static_cast<double>(t.bytes) * share;
            continue;
        }
        if (t.layer < 0) {
            const TensorUnits at = tensorUnits(t, m.layers, tied, traits.embeddingsOnHost);
            if (at.unit >= 0) { // the tied output copy
                m_largestTensor[n] = std::max(m_largestTensor[n], t.bytes);
                m_weights[n] += t.bytes;
                m_active[n] += t.bytes;
                if (at.input)
                    m_tiedCopy += t.bytes;
            }
            if (at.input)
                m_input += t.bytes;
            continue;
        }
        // Every estimate walks every tensor here: the block case stays this plain loop body (tensorUnits' rule for it).
        const auto unit = std::min<std::size_t>(static_cast<std::size_t>(t.layer), n);
        m_largestTensor[unit] = std::max(m_largestTensor[unit], t.bytes);
        m_weights[unit] += t.bytes;
        m_active[unit] += static_cast<Bytes>(static_cast<double>(t.bytes) * (t.routedExpert ? share : 1.0));
    }
    m_largestBefore.assign(n + 1, 0);
    m_largestFrom.assign(n + 1, 0);
    for (std::size_t u = 0; u < n; ++u)
        m_largestBefore[u + 1] = std::max(m_largestBefore[u], m_largestTensor[u]);
    for (std::size_t u = n; u-- > 0;)
        m_largestFrom[u] = std::max(m_largestFrom[u + 1], m_largestTensor[u]);
    m_weightsBefore.assign(n + 2, 0);
    for (std::size_t u = 0; u <= n; ++u)
        m_weightsBefore[u + 1] = m_weightsBefore[u] + m_weights[u];
    m_sliding.assign(n + 1, 0);
    for (std::uint32_t l = 0; l < m.layers; ++l)
        m_sliding[l + 1] = m_sliding[l] + (m.slidingWindow && m.slidingWindow->isSliding(l) ? 1 : 0);

    if (behaviour.metalFileSpan && req.mmap &&
        std::any_of(req.devices.begin(), req.devices.end(), [](const DeviceSpec &d) { return d.kind == MemoryKind::Unified; })) {
        m_span.emplace(inv, tied, expertHost);
    }
    for (const auto &d : req.devices) {
        m_usable.push_back(usableBytes(d, *req.engine, behaviour));
        const DeviceBudget &budget = req.engine->runtimeOverhead;
        m_overhead.push_back(budget.forKind(d.kind == MemoryKind::Unified) +
                             (m_tensorParallel ? budget.tensorParallelShare(req.devices.size()) : 0));
    }
    // Which devices the engine would use: all of them, or (Ollama) the fewest that hold the whole model,
    // trying the largest first.
    std::vector<std::size_t> order(req.devices.size());
    std::iota(order.begin(), order.end(), 0);
    if (traits.devicePolicy == DevicePolicy::Fewest && !req.spread && order.size() >= 2)
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return req.devices[a].capacity > req.devices[b].capacity; });
    const auto makeSet = [&](std::vector<std::size_t> devices) {
        DeviceSet s;
        s.devices = std::move(devices);
        if (!s.devices.empty()) {
            std::vector<Bytes> usable;
            for (const auto idx : s.devices)
                usable.push_back(m_usable[idx]);
            s.fractions = splitFractions(usable);
            s.fractionsSorted = std::is_sorted(s.fractions.begin(), s.fractions.end());
        }
        return s;
    };
    if (!order.empty())
        m_largest = makeSet({order.front()});
    m_all = makeSet(std::move(order));
    m_totals.devices.reserve(req.devices.size());
    m_bounds.reserve(req.devices.size() + 1);
}

Bytes LayoutPlanner::hostCompute(const ComputeBuffers &c, std::size_t devices) const
{
    // CPU only, the whole graph is one CPU buffer whose peak holds its inputs too: a CPU-only Llama-3.1-8B log shows
    // 560.01 MiB, its GPU twin 560.00 + 24.01 on the host. With a GPU, the scheduler hands the large-batch work of
    // layers and experts kept in RAM to the GPU (op offload), and the CPU's buffer is llama.cpp's host inputs alone:
    // 36.01 MiB beside two GPUs with every expert in RAM (b5622), 4.76 MiB beside a 20-of-33-layer offload.
    if (devices == 0)
        return c.outputScratch;
    return m_embeddingsOnHost ? c.hostFixed : 0;
}

Bytes LayoutPlanner::hostWeightCopy(UnitSpan span, std::uint32_t tokens) const
{
    // ggml-backend.cpp hands an op whose weight sits in a CPU buffer to the first GPU that accepts it (CUDA: batches
    // of 32 rows and more, ggml_backend_cuda_device_offload_op) and starts a split at each such weight, so the GPU
    // copies one weight at a time into its compute buffer. The output layer is one of them only while the reserve
    // computes logits for every ubatch token; the token embeddings are gathered (GET_ROWS), never copied.
    if (!m_opOffload || tokens < 32 || span.end <= span.first)
        return 0;
    const std::uint32_t n = m_layers;
    Bytes largest = std::max(m_largestBefore[std::min(span.first, n)], span.end < n ? m_largestFrom[span.end] : 0);
    if (span.end <= n && m_behaviour.logitsForAllTokens)
        largest = std::max(largest, m_largestTensor[n]);
    return std::max(largest, m_hostExperts > 0 ? m_largestHostExpert : 0);
}

Bytes LayoutPlanner::withWeightCopy(Bytes compute, UnitSpan span, std::uint32_t tokens) const
{
    // A copy no larger than the scratch fits in the space the scratch frees between layers; a larger one lands above
    // it (ggml-alloc places a tensor with no free block large enough at the buffer's end). DeepSeek-V3 Q3_K_M at
    // -ngl 5 (b4568) holds 3630 MiB: its layers' 1088 MiB scratch and a 2464 MiB Q5_K expert tensor from RAM; a
    // Mistral-7B at 20 of 33 layers holds 137.79 MiB: 36 MiB and its 102.5 MiB Q6_K output matrix. gemma-3-1b at
    // -ngl 14 (b7400) keeps its 64.28 MiB: its 6.5 MiB FFN weights fit in the freed scratch.
    const Bytes copy = hostWeightCopy(span, tokens);
    return copy > compute ? compute + copy : compute;
}

Bytes LayoutPlanner::pipelineCopies(std::size_t devices, std::uint32_t gpuUnits) const
{
    // llama-context.cpp turns pipeline parallelism on with two or more devices holding every layer (and the output),
    // the layer split, the KV on the GPUs and no tensor overrides (--n-cpu-moe is one).
    if (devices < 2 || gpuUnits <= m_layers || m_hostExperts > 0)
        return 1;
    return m_req.engine->traits.pipelineCopies;
}

ComputeParams LayoutPlanner::computeParams(const ResolvedSettings &s, const KvGeometry &g) const
{
    ComputeParams p;
    p.kv = g;
    p.tokens = s.tokens;
    p.flashAttn = s.flashAttn;
    p.parallel = s.parallel;
    p.scheduledSequences = scheduledSequences(*s.behaviour, m_req.devices, m_req.parallel);
    p.tensorParallel = m_req.engine->traits.devicePolicy == DevicePolicy::TensorParallel
                           ? static_cast<std::uint32_t>(std::max<std::size_t>(m_req.devices.size(), 1))
                           : 1;
    return p;
}

LayoutPlanner::Loads LayoutPlanner::loads(const ResolvedSettings &s) const
{
    const auto &m = *m_req.model;
    const auto g = kvGeometry(m, *m_req.engine, *s.behaviour, s.keyType, s.valueType, s.ctx, s.parallel, s.tokens);
    const ComputeParams p = computeParams(s, g);
    Loads l;
    l.kvPerCell = kvCellBytes(m, g);
    l.fullCells = g.fullCells;
    l.windowCells = g.windowCells;
    l.compute = computeBuffers(m, *m_req.engine, *s.behaviour, p);
    l.tokens = s.tokens;
    if (m.recurrent && s.behaviour->ctxCheckpoints > 0)
        l.hostCheckpoints = saturatingMul(Bytes{s.behaviour->ctxCheckpoints} * std::max<std::uint32_t>(s.parallel, 1),
                                          recurrentCheckpointBytes(m, m_req.engine->traits.recurrentState));
    if (m.perLayerShapes()) {
        const auto kv = kvLayerBytes(m, g);
        l.kvBefore.assign(kv.size() + 1, 0);
        for (std::size_t i = 0; i < kv.size(); ++i)
            l.kvBefore[i + 1] = saturatingAdd(l.kvBefore[i], kv[i]);
    }
    return l;
}

LayoutPlanner::Loads LayoutPlanner::loadsAt(const ResolvedSettings &s, std::uint32_t ctx) const
{
    // withContext() without copying the settings' notices.
    ResolvedSettings probe;
    probe.engine = s.engine;
    probe.behaviour = s.behaviour;
    probe.ctx = ctx;
    probe.parallel = s.parallel;
    probe.tokens = s.tokensFixed ? s.tokens : forwardTokens(*m_req.engine, *s.behaviour, ctx, m_req.devices, std::nullopt, std::nullopt);
    probe.tokensFixed = s.tokensFixed;
    probe.flashAttn = s.flashAttn;
    probe.keyType = s.keyType;
    probe.valueType = s.valueType;
    return loads(probe);
}

LayoutPlanner::UnitSpan LayoutPlanner::gpuSpan(std::uint32_t gpuUnits) const
{
    // llama.cpp's load_tensors: -ngl N offloads the last N units. Since the --fit builds the output layer is one of them
    // from N = 1 ("offloading output layer to GPU, offloading 13 repeating layers, offloaded 14/27"); before, the last N
    // blocks, and the output layer only with every block ("offloaded 20/33": 20 blocks, the output in system RAM).
    const std::uint32_t n = m_layers;
    gpuUnits = std::min(gpuUnits, n + 1);
    if (gpuUnits == 0)
        return {n, n};
    if (gpuUnits > n || m_outputFirst)
        return {n + 1 - gpuUnits, n + 1};
    return {n - gpuUnits, n};
}

bool LayoutPlanner::mapsFileSpan(const DeviceSet &set) const
{
    // One llama.cpp process drives one Mac's GPU; a second machine's (RPC) buffers are allocated, not mapped.
    return m_span && set.devices.size() == 1 && m_req.devices[set.devices.front()].kind == MemoryKind::Unified;
}

std::size_t LayoutPlanner::deviceOfUnit(const DeviceSet &set, std::uint32_t unit, std::uint32_t firstGpu, std::uint32_t gpuUnits) const
{
    if (set.devices.size() == 1) // the one boundary is 1.0, and the last device takes any position past it
        return 0;
    const double position = static_cast<double>(unit - firstGpu) / static_cast<double>(gpuUnits);
    const auto it = std::upper_bound(set.fractions.begin(), set.fractions.end(), position);
    return std::min<std::size_t>(static_cast<std::size_t>(it - set.fractions.begin()), set.devices.size() - 1);
}

int LayoutPlanner::homeOfUnit(const DeviceSet &set, std::uint32_t unit, std::uint32_t firstGpu, std::uint32_t gpuUnits) const
{
    // placeLayers' deviceFor, which keeps its own copy for speed; without devices gpuUnits is 0 already.
    if (unit < firstGpu || unit >= gpuSpan(gpuUnits).end)
        return -1;
    return static_cast<int>(deviceOfUnit(set, unit, firstGpu, gpuUnits));
}

Bytes LayoutPlanner::kvOfLayers(const Loads &l, std::uint32_t from, std::uint32_t to) const
{
    if (!l.kvBefore.empty())
        return l.kvBefore[to] - l.kvBefore[from];
    // Per-layer bytes are summed in unsigned arithmetic, so count x bytes is the same sum.
    const Bytes sliding = m_sliding[to] - m_sliding[from];
    const Bytes full = Bytes{to - from} - sliding;
    return full * saturatingMul(l.kvPerCell, l.fullCells) + sliding * saturatingMul(l.kvPerCell, l.windowCells);
}

const LayoutPlanner::Totals &LayoutPlanner::totalsLayers(const Loads &l, const DeviceSet &set, std::uint32_t gpuUnits, bool mapped) const
{
    const std::uint32_t n = m_layers;
    const std::size_t count = set.devices.size();
    Totals &t = m_totals;
    t.devices.assign(count, 0);
    t.host = 0;
    t.mappedFromHost = 0;
    if (count == 0)
        gpuUnits = 0;
    gpuUnits = std::min(gpuUnits, n + 1);
    // As placeLayers: units [firstGpu, gpuEnd) on the GPUs (gpuSpan).
    const UnitSpan span = gpuSpan(gpuUnits);
    const std::uint32_t firstGpu = span.first;
    const std::uint32_t gpuEnd = span.end;
    const bool outputOnHost = gpuEnd <= n;
    const auto &c = l.compute;
    Bytes firstCompute = 0; // the first device's scratch, which a weight copied from RAM may add to
    const auto addUnits = [&](std::size_t device, std::uint32_t from, std::uint32_t to) {
        // Units [from, to) on one device: their weights, their layers' cache, the largest scratch they need.
        const std::uint32_t layersEnd = std::min(to, n);
        Bytes total = m_weightsBefore[to] - m_weightsBefore[from];
        Bytes compute = 0;
        if (from < layersEnd) {
            total += kvOfLayers(l, from, layersEnd);
            compute = c.layerScratch;
        }
        if (from <= n && n < to)
            compute = std::max(compute, c.outputScratch);
        if (device == 0)
            firstCompute = compute;
        t.devices[device] += total + compute;
    };
    if (count == 1) {
        addUnits(0, firstGpu, gpuEnd);
        if (mapped && gpuUnits > 0 && mapsFileSpan(set)) {
            t.mappedFromHost = m_span->extra(firstGpu, !outputOnHost);
            t.devices[0] += t.mappedFromHost;
        }
    } else if (count > 1 && set.fractionsSorted) {
        // The device of a unit only rises with the unit, so each device holds one run of units.
        m_bounds.assign(1, firstGpu);
        for (std::size_t j = 1; j < count; ++j) {
            std::uint32_t lo = m_bounds.back();
            std::uint32_t hi = gpuEnd;
            while (lo < hi) {
                const std::uint32_t mid = lo + (hi - lo) / 2;
                if (deviceOfUnit(set, mid, firstGpu, gpuUnits) >= j)
                    hi = mid;
                else
                    lo = mid + 1;
            }
            m_bounds.push_back(lo);
        }
        m_bounds.push_back(gpuEnd);
        for (std::size_t j = 0; j < count; ++j)
            addUnits(j, m_bounds[j], m_bounds[j + 1]);
    } else if (count > 1) {
        // Boundaries that do not rise (rounding): unit by unit, as placeLayers does.
        std::vector<Bytes> compute(count, 0);
        for (std::uint32_t unit = firstGpu; unit < gpuEnd; ++unit) {
            const auto d = deviceOfUnit(set, unit, firstGpu, gpuUnits);
            t.devices[d] += m_weights[unit] + (unit < n ? kvOfLayers(l, unit, unit + 1) : 0);
            compute[d] = std::max(compute[d], unit == n ? c.outputScratch : c.layerScratch);
        }
        for (std::size_t j = 0; j < count; ++j)
            t.devices[j] += compute[j];
        firstCompute = compute[0];
    }
    if (count > 0 && gpuUnits > 0)
        t.devices.front() += withWeightCopy(firstCompute, span, l.tokens) - firstCompute;
    for (std::size_t j = 0; j < count; ++j)
        t.devices[j] += m_overhead[set.devices[j]];
    if (count > 0 && !m_embeddingsOnHost)
        t.devices.front() += m_input;
    if (const Bytes copies = pipelineCopies(count, gpuUnits); copies > 1) {
        for (std::size_t j = 0; j < count; ++j)
            t.devices[j] += (copies - 1) * c.splitInputs;
        t.host += (copies - 1) * c.hostSplitInputs;
    }

    t.host += m_weightsBefore[firstGpu] + kvOfLayers(l, 0, firstGpu) + l.hostCheckpoints + m_hostExperts + c.hostOutput;
    if (outputOnHost) // the tied copy maps the input table's bytes
        t.host += m_weights[n] - m_tiedCopy;
    t.host += hostCompute(c, count);
    if (m_embeddingsOnHost || count == 0)
        t.host += m_input;
    if (m_vision.included) {
        // The projector runs on the first device of the run (llama.cpp: "CLIP using CUDA0 backend").
        const Bytes onDevice = m_vision.weights + m_vision.deviceCompute;
        if (count > 0)
            t.devices.front() += onDevice;
        t.host += (count > 0 ? 0 : onDevice) + m_vision.hostCompute;
    }
    return t;
}

const LayoutPlanner::Totals &LayoutPlanner::totalsTensorParallel(const Loads &l) const
{
    Totals &t = m_totals;
    const auto ranks = static_cast<Bytes>(m_req.devices.size());
    const Bytes weights = m_weightsBefore[m_layers + 1] + m_input;
    const Bytes kv = kvOfLayers(l, 0, m_layers);
    t.devices.assign(m_req.devices.size(), 0);
    for (std::size_t i = 0; i < m_req.devices.size(); ++i)
        t.devices[i] = weights / ranks + (m_kvReplicated ? kv : kv / ranks) + l.compute.outputScratch + m_overhead[i];
    t.host = l.hostCheckpoints;
    if (m_vision.included) // vLLM shards the vision tower's linear layers over the ranks too
        for (auto &d : t.devices)
            d += m_vision.weights / ranks + m_vision.deviceCompute;
    return t;
}

bool LayoutPlanner::overflows(const Totals &t, const DeviceSet &set, Bytes margin) const
{
    for (std::size_t j = 0; j < set.devices.size(); ++j) {
        const Bytes usable = m_usable[set.devices[j]];
        if (t.devices[j] > (usable > margin ? usable - margin : 0))
            return true;
    }
    return false;
}

bool LayoutPlanner::hostFits(const Totals &t, const DeviceSet &set) const
{
    // decideVerdict's host capacity: what the user said, or on a Mac what the GPU leaves over.
    const auto &devices = m_req.devices;
    if (m_req.hostRam)
        return t.host <= *m_req.hostRam;
    if (devices.empty() || !std::all_of(devices.begin(), devices.end(), [](const DeviceSpec &d) { return d.kind == MemoryKind::Unified; }))
        return true;
    Bytes free = 0;
    for (std::size_t j = 0; j < set.devices.size(); ++j) {
        const Bytes capacity = devices[set.devices[j]].capacity;
        // A mapped range's host tensors are pages the host already counts (verdict.cpp hostCapacity: the same rule).
        const Bytes own = t.devices[j] - (j == 0 ? t.mappedFromHost : 0);
        free += capacity > own ? capacity - own : 0;
    }
    return t.host <= free;
}

const LayoutPlanner::DeviceSet &LayoutPlanner::chooseDevices(const Loads &l) const
{
    if (m_req.engine->traits.devicePolicy != DevicePolicy::Fewest || m_req.spread || m_req.devices.size() < 2)
        return m_all;
    const auto &single = totalsLayers(l, m_largest, m_layers + 1, false); // Ollama's scheduler
    return overflows(single, m_largest, 0) ? m_all : m_largest;
}

bool LayoutPlanner::fullyFits(const Loads &l, std::optional<int> gpuLayers, Bytes fitMargin) const
{
    if (m_tensorParallel) {
        const auto &t = totalsTensorParallel(l);
        return !overflows(t, m_all, 0) && hostFits(t, m_all);
    }
    const DeviceSet &set = chooseDevices(l);
    const std::uint32_t all = m_layers + 1;
    if (m_req.devices.empty()) // everything on the host: only the host decides
        return hostFits(totalsLayers(l, set, 0, true), set);
    if (gpuLayers && static_cast<std::uint32_t>(std::clamp(*gpuLayers, 0, static_cast<int>(all))) < all)
        return false;
    // Left to the engine, the layer fitting keeps the margin free: with every unit placed and the margin
    // not free, it places fewer units, and the model no longer fits entirely.
    const bool fitted = !gpuLayers && m_req.engine->traits.offloadsToHost;
    const auto &t = totalsLayers(l, set, all, true);
    return !overflows(t, set, fitted ? fitMargin : 0) && hostFits(t, set);
}

bool LayoutPlanner::leavesMarginFree(const Loads &l, Bytes margin) const
{
    if (m_tensorParallel)
        return !overflows(totalsTensorParallel(l), m_all, margin);
    if (m_req.devices.empty())
        return m_req.gpuLayers.has_value();
    const DeviceSet &set = chooseDevices(l);
    const std::uint32_t all = m_layers + 1;
    const auto units = m_req.gpuLayers ? static_cast<std::uint32_t>(std::clamp(*m_req.gpuLayers, 0, static_cast<int>(all))) : all;
    return !overflows(totalsLayers(l, set, units, false), set, margin);
}

Layout LayoutPlanner::layout(const ResolvedSettings &s, LayoutTrace *trace) const
{
    const auto &m = *m_req.model;
    const auto g = kvGeometry(m, *m_req.engine, *s.behaviour, s.keyType, s.valueType, s.ctx, s.parallel, s.tokens);
    const Loads l = loads(s);
    const auto kv = kvLayerBytes(m, g);
    Layout out = [&] {
        if (m_tensorParallel)
            return placeTensorParallel(s, kv, l.compute);
        const DeviceSet &set = chooseDevices(l);
        const std::uint32_t all = m.layers + 1;
        if (m_req.gpuLayers)
            return placeLayers(s, kv, l.compute, set, static_cast<std::uint32_t>(std::clamp(*m_req.gpuLayers, 0, static_cast<int>(all))));
        if (!m_req.engine->traits.offloadsToHost || m_req.devices.empty())
            return placeLayers(s, kv, l.compute, set, all);
        // As many units as fit, as llama.cpp's --fit and Ollama's scheduler choose (--fit keeps a margin free).
        for (std::uint32_t units = all;; --units)
            if (units == 0 || !overflows(totalsLayers(l, set, units, false), set, s.fitMargin))
                return placeLayers(s, kv, l.compute, set, units);
    }();
    if (trace) {
        if (!m_tensorParallel) {
            // placeLayers' own rule, asked again unit by unit (the estimate does not keep it).
            const DeviceSet &set = chooseDevices(l);
            const std::uint32_t gpuUnits = out.placement.gpuLayers;
            const std::uint32_t firstGpu = gpuSpan(gpuUnits).first;
            trace->unitDevice.clear();
            for (std::uint32_t unit = 0; unit <= m.layers; ++unit)
                trace->unitDevice.push_back(homeOfUnit(set, unit, firstGpu, gpuUnits));
            trace->mappedFromHost.clear();
            if (gpuUnits > 0 && mapsFileSpan(set))
                trace->mappedFromHost = m_span->inside(firstGpu, gpuSpan(gpuUnits).end > m.layers);
        }
        trace->tensorParallel = m_tensorParallel;
        trace->kvReplicated = m_kvReplicated;
        trace->inputOnHost = m_embeddingsOnHost || m_req.devices.empty();
        trace->pipelineCopies = m_tensorParallel ? 1 : pipelineCopies(out.placement.devices.size(), out.placement.gpuLayers);
        trace->kv = g;
        trace->hostCheckpoints = l.hostCheckpoints;
        trace->vision = m_vision;
        // The same strategy call as loads(), this time keeping the candidates it chose from.
        trace->compute = computeBuffers(m, *m_req.engine, *s.behaviour, computeParams(s, g), &trace->why);
    }
    // llama-server keeps its context checkpoints of a hybrid model's recurrent state in host memory.
    out.placement.host.kvCache += l.hostCheckpoints;
    return out;
}

DeviceUsage LayoutPlanner::emptyUsage(std::size_t idx) const
{
    const auto &d = m_req.devices[idx];
    DeviceUsage du;
    du.id = d.id;
    du.name = d.name;
    du.capacity = d.capacity;
    du.usable = m_usable[idx];
    du.bandwidthGBs = d.bandwidthGBs;
    du.overhead = m_overhead[idx];
    return du;
}

Layout LayoutPlanner::placeLayers(const ResolvedSettings &s, const std::vector<Bytes> &kvPerLayer, const ComputeBuffers &compute,
                                  const DeviceSet &set, std::uint32_t gpuUnits) const
{
    const std::uint32_t n = m_layers;
    Layout out;
    Placement &p = out.placement;
    for (const auto idx : set.devices)
        p.devices.push_back(emptyUsage(idx));
    p.host.id = "host";
    p.host.name = "Host RAM";
    p.host.bandwidthGBs = m_req.hostBandwidthGBs > 0 ? m_req.hostBandwidthGBs : kDefaultHostBandwidthGBs;
    p.host.compute = hostCompute(compute, set.devices.size());

    if (p.devices.empty())
        gpuUnits = 0;
    gpuUnits = std::min(gpuUnits, n + 1);
    const UnitSpan span = gpuSpan(gpuUnits);
    const std::uint32_t firstGpu = span.first;
    std::vector<double> deviceActive(p.devices.size(), 0.0);
    double hostActive = 0.0;

    // homeOfUnit's rule, written out: this loop runs for every unit of every estimate.
    auto deviceFor = [&](std::uint32_t unit) -> DeviceUsage * {
        if (unit < firstGpu || unit >= span.end)
            return nullptr;
        return &p.devices[deviceOfUnit(set, unit, firstGpu, gpuUnits)];
    };

    bool hostRunsOutput = false;
    for (std::uint32_t unit = 0; unit <= n; ++unit) {
        const Bytes kv = unit < n ? kvPerLayer[unit] : 0;
        DeviceUsage *d = deviceFor(unit);
        DeviceUsage &target = d ? *d : p.host;
        target.weights += m_weights[unit];
        target.kvCache += kv;
        target.layers += 1;
        const double read = static_cast<double>(m_active[unit]) + kvReadPerToken(kv, s.parallel);
        if (d) {
            deviceActive[static_cast<std::size_t>(d - p.devices.data())] += read;
            d->compute = std::max(d->compute, unit == n ? compute.outputScratch : compute.layerScratch);
        } else {
            hostActive += read;
            hostRunsOutput = hostRunsOutput || unit == n;
        }
    }
    if (!p.devices.empty() && gpuUnits > 0)
        p.devices.front().compute = withWeightCopy(p.devices.front().compute, span, s.tokens);
    if (hostRunsOutput) // the output's tied copy maps the same file bytes as the input table beside it
        p.host.weights -= m_tiedCopy;
    if (m_hostExperts > 0) {
        p.host.weights += m_hostExperts;
        hostActive += m_hostExpertsRead;
    }
    if (m_embeddingsOnHost || p.devices.empty())
        p.host.weights += m_input;
    else
        p.devices.front().weights += m_input;
    if (gpuUnits > 0 && mapsFileSpan(set)) {
        DeviceUsage &mac = p.devices.front();
        mac.mappedFromHost = m_span->extra(firstGpu, span.end > n);
        mac.weights += mac.mappedFromHost;
    }

    if (const Bytes copies = pipelineCopies(p.devices.size(), gpuUnits); copies > 1) {
        for (auto &d : p.devices)
            d.compute += (copies - 1) * compute.splitInputs;
        p.host.compute += (copies - 1) * compute.hostSplitInputs;
    }
    p.host.overhead += compute.hostOutput;

    placeVision(p);
    p.gpuLayers = gpuUnits;
    p.totalLayers = n + 1;
    out.speed.reserve(p.devices.size() + 1);
    for (std::size_t i = 0; i < p.devices.size(); ++i)
        out.speed.push_back({deviceActive[i], p.devices[i].bandwidthGBs, m_req.devices[set.devices[i]].fp16Tflops,
                             m_req.devices[set.devices[i]].speedClass});
    out.speed.push_back({hostActive, p.host.bandwidthGBs, 0.0, SpeedClass::HostRam});

    return out;
}

Layout LayoutPlanner::placeTensorParallel(const ResolvedSettings &s, const std::vector<Bytes> &kvPerLayer,
                                          const ComputeBuffers &compute) const
{
    // vLLM tensor parallel: every rank holds 1/N of each weight and of the KV heads, plus its own buffers.
    Layout out;
    out.concurrent = true;
    Placement &p = out.placement;
    const auto ranks = static_cast<Bytes>(m_req.devices.size());
    const Bytes weights = std::accumulate(m_weights.begin(), m_weights.end(), m_input);
    const Bytes kv = std::accumulate(kvPerLayer.begin(), kvPerLayer.end(), Bytes{0});
    const Bytes active = std::accumulate(m_active.begin(), m_active.end(), Bytes{0});
    for (std::size_t i = 0; i < m_req.devices.size(); ++i) {
        DeviceUsage du = emptyUsage(i);
        du.weights = weights / ranks;
        du.kvCache = m_kvReplicated ? kv : kv / ranks;
        du.compute = compute.outputScratch;
        du.layers = m_layers + 1;
        out.speed.push_back({static_cast<double>(active / ranks) + kvReadPerToken(du.kvCache, s.parallel), du.bandwidthGBs,
                             m_req.devices[i].fp16Tflops, m_req.devices[i].speedClass});
        p.devices.push_back(std::move(du));
    }
    p.host.id = "host";
    p.host.name = "Host RAM";
    p.gpuLayers = p.totalLayers = m_layers + 1;
    placeVision(p);
    return out;
}

void LayoutPlanner::placeVision(Placement &p) const
{
    VisionUse &v = p.vision;
    v.available = m_vision.available;
    v.included = m_vision.included;
    v.tokensPerImage = m_req.model->vision ? m_req.model->vision->tokensPerImage : 0;
    if (!m_vision.included)
        return;
    v.weights = m_vision.weights;
    v.compute = m_vision.deviceCompute + m_vision.hostCompute;
    v.dtype = m_vision.dtype;
    const Bytes onDevice = m_vision.weights + m_vision.deviceCompute;
    if (m_tensorParallel) {
        const auto ranks = static_cast<Bytes>(p.devices.size());
        for (auto &d : p.devices)
            d.projector += m_vision.weights / ranks + m_vision.deviceCompute;
    } else if (!p.devices.empty()) {
        p.devices.front().projector += onDevice;
    } else {
        p.host.projector += onDevice;
    }
    p.host.projector += m_tensorParallel ? 0 : m_vision.hostCompute;
}

} // namespace headroom
