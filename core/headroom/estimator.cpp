// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/estimator.h"

#include "headroom/compute_buffer.h"
#include "headroom/devices.h"
#include "headroom/kv_cache.h"
#include "headroom/speed.h"

#include <algorithm>
#include <numeric>

namespace headroom {
namespace {

bool offloadsToHost(EngineKind e)
{
    return e == EngineKind::LlamaCpp || e == EngineKind::Ollama || e == EngineKind::Transformers;
}

bool embeddingsOnHost(EngineKind e)
{
    // llama.cpp keeps token_embd in host memory (a row lookup) even when every layer is offloaded.
    return e == EngineKind::LlamaCpp || e == EngineKind::Ollama;
}

/** Request values with the engine's defaults filled in. */
struct Resolved {
    const EngineBehaviour *behaviour = nullptr;
    EngineKind engine = EngineKind::LlamaCpp;
    std::uint32_t ctx = 0;
    std::uint32_t parallel = 1;
    std::uint32_t tokens = 512;
    bool flashAttn = false;
    KvType keyType = KvType::F16;
    KvType valueType = KvType::F16;
    std::vector<Notice> notices;
};

/** Weights of each offload unit: blocks 0..n-1, then the output layer. */
struct Units {
    std::vector<Bytes> weights;  ///< size n + 1
    std::vector<Bytes> active;   ///< bytes read per token, size n + 1
    Bytes input = 0;             ///< token embeddings
    std::vector<Bytes> kv;       ///< size n (output holds none)
    ComputeBuffers compute;
};

Units buildUnits(const EstimateRequest &req, const Resolved &r)
{
    const auto &m = *req.model;
    const auto &inv = *req.inventory;
    const std::size_t n = m.layers;
    Units u;
    u.weights.assign(n + 1, 0);
    u.active.assign(n + 1, 0);
    for (const auto &t : inv.tensors) {
        const double share = t.routedExpert && inv.experts > 0
                                 ? static_cast<double>(inv.expertsUsed) / static_cast<double>(inv.experts)
                                 : 1.0;
        if (t.layer < 0) {
            // Tied embeddings double as the output matrix. llama.cpp keeps the lookup table on the host and
            // loads a second copy with the output layer; other engines hold the one matrix with the output.
            if (m.tiedEmbeddings) {
                u.weights[n] += t.bytes;
                u.active[n] += t.bytes;
            }
            if (!m.tiedEmbeddings || embeddingsOnHost(r.engine))
                u.input += t.bytes;
            continue;
        }
        const auto unit = std::min<std::size_t>(static_cast<std::size_t>(t.layer), n);
        u.weights[unit] += t.bytes;
        u.active[unit] += static_cast<Bytes>(static_cast<double>(t.bytes) * share);
    }
    const auto geometry = kvGeometry(m, r.engine, *r.behaviour, r.keyType, r.valueType, r.ctx, r.parallel, r.tokens);
    u.kv = kvLayerBytes(m, geometry);
    ComputeParams p;
    p.kv = geometry;
    p.tokens = r.tokens;
    p.flashAttn = r.flashAttn;
    p.parallel = r.parallel;
    p.tensorParallel = r.engine == EngineKind::Vllm ? static_cast<std::uint32_t>(std::max<std::size_t>(req.devices.size(), 1)) : 1;
    u.compute = computeBuffers(m, r.engine, *r.behaviour, p);
    return u;
}

Bytes largestDevice(const EstimateRequest &req)
{
    Bytes largest = 0;
    for (const auto &d : req.devices)
        largest = std::max(largest, d.capacity);
    return largest;
}

std::uint32_t defaultContext(const EstimateRequest &req, const EngineBehaviour &b, EngineKind engine)
{
    const auto &m = *req.model;
    if (!b.defaultCtxByVramGiB.empty() && !req.devices.empty()) {
        Bytes vram = 0;
        for (const auto &d : req.devices)
            vram += d.capacity;
        // Ollama compares the driver's total, which is a little under the marketed size (a "24 GB"
        // RTX 4090 reports 24564 MiB), so a marketed N GiB card belongs to the tier below N.
        for (const auto &[maxGiB, ctx] : b.defaultCtxByVramGiB)
            if (toGiB(vram) <= maxGiB)
                return std::min(ctx, m.maxContext);
    }
    if (b.defaultCtx > 0)
        return std::min(b.defaultCtx, m.maxContext);
    // 0: llama.cpp/vLLM take the model's full context. transformers and MLX grow the cache with the
    // conversation, so Headroom sizes a 4096-token conversation unless told otherwise.
    if (engine == EngineKind::Transformers || engine == EngineKind::Mlx)
        return std::min<std::uint32_t>(4096, m.maxContext);
    return m.maxContext;
}

Resolved resolve(const EstimateRequest &req, std::optional<std::uint32_t> parallelOverride)
{
    Resolved r;
    r.engine = req.engine->kind;
    r.behaviour = &req.engine->behaviourFor(req.engineVersion);
    const auto &b = *r.behaviour;
    r.ctx = req.ctx.value_or(defaultContext(req, b, r.engine));
    // vLLM only needs room for one full sequence to start, and llama-server's default slots share one
    // unified cache of the context's size: either way the memory is that of a single sequence.
    const std::uint32_t engineParallel = r.engine == EngineKind::Vllm || b.kvUnified ? 1 : b.defaultParallel;
    r.parallel = parallelOverride.value_or(req.parallel.value_or(engineParallel));
    switch (req.flashAttn) {
    case FlashAttn::On: r.flashAttn = true; break;
    case FlashAttn::Off: r.flashAttn = false; break;
    case FlashAttn::Auto: r.flashAttn = b.flashAttnDefault != FlashAttnDefault::Off; break;
    }
    r.keyType = r.valueType = req.kvType;
    const bool quantizedKv = req.kvType == KvType::Q8_0 || req.kvType == KvType::Q4_0;
    if (quantizedKv && !r.flashAttn && (r.engine == EngineKind::LlamaCpp || r.engine == EngineKind::Ollama)) {
        // Ollama ignores OLLAMA_KV_CACHE_TYPE without flash attention; llama.cpp refuses a quantized V.
        r.keyType = r.valueType = KvType::F16;
        r.notices.push_back(Notice::KvQuantNeedsFlashAttn);
    }
    r.tokens = req.ubatch.value_or(defaultForwardTokens(r.engine, b, r.ctx, largestDevice(req)));
    if (req.batch) {
        // llama.cpp clamps n_ubatch to n_batch; for vLLM the batch is max_num_batched_tokens.
        if (r.engine == EngineKind::LlamaCpp || r.engine == EngineKind::Ollama)
            r.tokens = std::min(r.tokens, *req.batch);
        else if (r.engine == EngineKind::Vllm && !req.ubatch)
            r.tokens = *req.batch;
    }
    if (r.ctx > req.model->maxContext)
        r.notices.push_back(Notice::CtxAboveModelMax);
    if (req.model->mla && b.mlaCache == MlaCache::Expanded)
        r.notices.push_back(Notice::MlaExpandedCache);
    return r;
}

/** Fraction boundaries for a layer split proportional to each device's usable memory (llama.cpp's default). */
std::vector<double> splitFractions(const std::vector<Bytes> &usable)
{
    const double sum = std::accumulate(usable.begin(), usable.end(), 0.0,
                                       [](double a, Bytes b) { return a + static_cast<double>(b); });
    std::vector<double> cumulative;
    double running = 0.0;
    for (const auto u : usable) {
        running += sum > 0 ? static_cast<double>(u) / sum : 1.0 / static_cast<double>(usable.size());
        cumulative.push_back(running);
    }
    cumulative.back() = 1.0;
    return cumulative;
}

/** A device as the engine sees it before anything is placed: usable memory and its runtime's own context. */
DeviceUsage emptyUsage(const EstimateRequest &req, const Resolved &r, const DeviceSpec &d)
{
    DeviceUsage du;
    du.id = d.id;
    du.name = d.name;
    du.capacity = d.capacity;
    du.usable = usableBytes(d, *req.engine, *r.behaviour);
    du.bandwidthGBs = d.bandwidthGBs;
    du.overhead = req.engine->runtimeOverhead.forKind(d.kind == MemoryKind::Unified);
    return du;
}

/**
 * KV bytes one decoded token reads from a device holding `kv`: one sequence's cache, read in full at every
 * step, averaged over a conversation that fills it.
 */
double kvReadPerToken(Bytes kv, std::uint32_t parallel)
{
    return static_cast<double>(kv) / std::max<std::uint32_t>(parallel, 1) / 2.0;
}

struct Layout {
    Placement placement;
    std::vector<SpeedSegment> speed;
    bool concurrent = false;
};

/** Places `gpuUnits` offload units (llama.cpp -ngl counting) on the `used` devices, the rest on the host. */
Layout placeLayers(const EstimateRequest &req, const Resolved &r, const Units &u, const std::vector<std::size_t> &used,
                   std::uint32_t gpuUnits)
{
    const auto &m = *req.model;
    const std::uint32_t n = m.layers;
    Layout out;
    Placement &p = out.placement;
    std::vector<Bytes> usable;
    for (const auto idx : used) {
        p.devices.push_back(emptyUsage(req, r, req.devices[idx]));
        usable.push_back(p.devices.back().usable);
    }
    p.host.id = "host";
    p.host.name = "Host RAM";
    p.host.bandwidthGBs = req.hostBandwidthGBs > 0 ? req.hostBandwidthGBs : kDefaultHostBandwidthGBs;
    p.host.compute = embeddingsOnHost(r.engine) ? u.compute.hostFixed : 0;

    if (p.devices.empty())
        gpuUnits = 0;
    gpuUnits = std::min(gpuUnits, n + 1);
    const std::uint32_t firstGpu = gpuUnits > n ? 0 : n - gpuUnits;
    const auto fractions = p.devices.empty() ? std::vector<double>{} : splitFractions(usable);
    std::vector<double> deviceActive(p.devices.size(), 0.0);
    double hostActive = 0.0;

    auto deviceFor = [&](std::uint32_t unit) -> DeviceUsage * {
        if (unit < firstGpu || gpuUnits == 0 || (unit == n && gpuUnits <= n))
            return nullptr;
        const double position = static_cast<double>(unit - firstGpu) / static_cast<double>(gpuUnits);
        const auto it = std::upper_bound(fractions.begin(), fractions.end(), position);
        const auto idx = std::min<std::size_t>(static_cast<std::size_t>(it - fractions.begin()), p.devices.size() - 1);
        return &p.devices[idx];
    };

    bool hostRunsLayers = false;
    bool hostRunsOutput = false;
    for (std::uint32_t unit = 0; unit <= n; ++unit) {
        const Bytes kv = unit < n ? u.kv[unit] : 0;
        DeviceUsage *d = deviceFor(unit);
        DeviceUsage &target = d ? *d : p.host;
        target.weights += u.weights[unit];
        target.kvCache += kv;
        target.layers += 1;
        const double read = static_cast<double>(u.active[unit]) + kvReadPerToken(kv, r.parallel);
        if (d) {
            deviceActive[static_cast<std::size_t>(d - p.devices.data())] += read;
            d->compute = std::max(d->compute, unit == n ? u.compute.outputScratch : u.compute.layerScratch);
        } else {
            hostActive += read;
            hostRunsLayers = true;
            hostRunsOutput = hostRunsOutput || unit == n;
        }
    }
    if (hostRunsLayers)
        p.host.compute += hostRunsOutput ? u.compute.outputScratch : u.compute.layerScratch;
    if (embeddingsOnHost(r.engine) || p.devices.empty())
        p.host.weights += u.input;
    else
        p.devices.front().weights += u.input;

    p.gpuLayers = gpuUnits;
    p.totalLayers = n + 1;
    for (std::size_t i = 0; i < p.devices.size(); ++i)
        out.speed.push_back({deviceActive[i], p.devices[i].bandwidthGBs});
    out.speed.push_back({hostActive, p.host.bandwidthGBs});
    return out;
}

/** vLLM tensor parallel: every rank holds 1/N of each weight and of the KV heads, plus its own buffers. */
Layout placeTensorParallel(const EstimateRequest &req, const Resolved &r, const Units &u)
{
    Layout out;
    out.concurrent = true;
    Placement &p = out.placement;
    const auto ranks = static_cast<Bytes>(req.devices.size());
    const Bytes weights = std::accumulate(u.weights.begin(), u.weights.end(), u.input);
    const Bytes kv = std::accumulate(u.kv.begin(), u.kv.end(), Bytes{0});
    const Bytes active = std::accumulate(u.active.begin(), u.active.end(), Bytes{0});
    for (const auto &d : req.devices) {
        DeviceUsage du = emptyUsage(req, r, d);
        du.weights = weights / ranks;
        du.kvCache = kv / ranks;
        du.compute = u.compute.outputScratch;
        du.layers = req.model->layers + 1;
        p.devices.push_back(du);
        out.speed.push_back({static_cast<double>(active / ranks) + kvReadPerToken(kv / ranks, r.parallel), d.bandwidthGBs});
    }
    p.host.id = "host";
    p.host.name = "Host RAM";
    p.gpuLayers = p.totalLayers = req.model->layers + 1;
    return out;
}

bool anyOverflow(const Placement &p)
{
    return std::any_of(p.devices.begin(), p.devices.end(), [](const DeviceUsage &d) { return d.overflows(); });
}

std::vector<std::size_t> allDevices(const EstimateRequest &req)
{
    std::vector<std::size_t> idx(req.devices.size());
    std::iota(idx.begin(), idx.end(), 0);
    return idx;
}

/** Which devices the engine would use: llama.cpp all of them; Ollama the fewest that hold the whole model. */
std::vector<std::size_t> chooseDevices(const EstimateRequest &req, const Resolved &r, const Units &u)
{
    auto idx = allDevices(req);
    if (r.engine != EngineKind::Ollama || req.spread || idx.size() < 2)
        return idx;
    std::stable_sort(idx.begin(), idx.end(),
                     [&](std::size_t a, std::size_t b) { return req.devices[a].capacity > req.devices[b].capacity; });
    const auto single = placeLayers(req, r, u, {idx.front()}, req.model->layers + 1);
    if (!anyOverflow(single.placement))
        return {idx.front()};
    return idx;
}

Layout layout(const EstimateRequest &req, const Resolved &r)
{
    const Units u = buildUnits(req, r);
    if (r.engine == EngineKind::Vllm && !req.devices.empty())
        return placeTensorParallel(req, r, u);
    const auto used = chooseDevices(req, r, u);
    const std::uint32_t all = req.model->layers + 1;
    if (req.gpuLayers)
        return placeLayers(req, r, u, used, static_cast<std::uint32_t>(std::clamp(*req.gpuLayers, 0, static_cast<int>(all))));
    if (!offloadsToHost(r.engine) || req.devices.empty())
        return placeLayers(req, r, u, used, all);
    // As many units as fit, as llama.cpp's --fit and Ollama's scheduler choose.
    for (std::uint32_t units = all;; --units) {
        auto l = placeLayers(req, r, u, used, units);
        if (!anyOverflow(l.placement) || units == 0)
            return l;
    }
}

/** Host memory available for offloaded layers: what the user said, or on a Mac what the GPU leaves over. */
std::optional<Bytes> hostCapacity(const EstimateRequest &req, const Placement &p)
{
    if (req.hostRam)
        return req.hostRam;
    if (!req.devices.empty() && std::all_of(req.devices.begin(), req.devices.end(),
                                            [](const DeviceSpec &d) { return d.kind == MemoryKind::Unified; })) {
        Bytes free = 0;
        for (const auto &d : p.devices)
            free += d.capacity > d.total() ? d.capacity - d.total() : 0;
        return free;
    }
    return std::nullopt;
}

bool headroomBelow10Percent(const DeviceUsage &d)
{
    return d.usable - std::min(d.usable, d.total()) < d.usable / 10;
}

void decideVerdict(const EstimateRequest &req, Placement &p)
{
    const auto hostCap = hostCapacity(req, p);
    p.host.capacity = p.host.usable = hostCap.value_or(0);
    const bool hostFits = !hostCap || p.host.total() <= *hostCap;
    if (p.devices.empty()) {
        p.verdict = !hostFits ? Verdict::DoesNotFit : headroomBelow10Percent(p.host) ? Verdict::Tight : Verdict::Fits;
        return;
    }
    if (anyOverflow(p) || !hostFits) {
        p.verdict = Verdict::DoesNotFit;
        return;
    }
    if (p.gpuLayers < p.totalLayers) {
        p.verdict = p.gpuLayers == 0 && !req.gpuLayers ? Verdict::DoesNotFit : Verdict::PartialOffload;
        if (!hostCap)
            p.notices.push_back(Notice::HostRamUnknown);
        return;
    }
    const bool tight = std::any_of(p.devices.begin(), p.devices.end(), headroomBelow10Percent);
    p.verdict = tight ? Verdict::Tight : Verdict::Fits;
}

bool fullyFits(const EstimateRequest &req, const Resolved &r)
{
    auto l = layout(req, r);
    decideVerdict(req, l.placement);
    return l.placement.verdict == Verdict::Fits || l.placement.verdict == Verdict::Tight;
}

std::uint32_t searchMaxContext(const EstimateRequest &req, const Resolved &base)
{
    EstimateRequest probe = req;
    probe.gpuLayers.reset();
    auto fitsAt = [&](std::uint32_t ctx) {
        Resolved r = base;
        r.ctx = ctx;
        if (!req.ubatch && !req.batch)
            r.tokens = defaultForwardTokens(r.engine, *r.behaviour, ctx, largestDevice(req));
        return fullyFits(probe, r);
    };
    std::uint32_t lo = 0;
    std::uint32_t hi = req.model->maxContext;
    if (fitsAt(hi))
        return hi;
    while (hi - lo > 1) { // invariant: lo fits (or is 0), hi does not
        const std::uint32_t mid = lo + (hi - lo) / 2;
        (fitsAt(mid) ? lo : hi) = mid;
    }
    return lo;
}

} // namespace

std::optional<RequestProblem> validateRequest(const EstimateRequest &req)
{
    using C = RequestProblem::Code;
    if (!req.model)
        return RequestProblem{C::MissingModel, "model", 0};
    if (!req.inventory)
        return RequestProblem{C::MissingInventory, "quant", 0};
    if (!req.engine || req.engine->versions.empty())
        return RequestProblem{C::MissingEngine, "engine", 0};
    const std::pair<const char *, std::optional<std::uint32_t>> positive[] = {
        {"ctx", req.ctx}, {"parallel", req.parallel}, {"batch", req.batch}, {"ubatch", req.ubatch}};
    for (const auto &[field, value] : positive)
        if (value && *value == 0)
            return RequestProblem{C::ZeroValue, field, 0};
    if (req.ctx && *req.ctx > kMaxContext)
        return RequestProblem{C::TooLarge, "ctx", *req.ctx};
    if (req.parallel && *req.parallel > kMaxParallel)
        return RequestProblem{C::TooLarge, "parallel", *req.parallel};
    if (req.ctx && req.parallel && static_cast<Bytes>(*req.ctx) * *req.parallel > kMaxContext)
        return RequestProblem{C::TooLarge, "parallel", *req.parallel};
    for (const auto &d : req.devices) {
        if (d.capacity == 0)
            return RequestProblem{C::ZeroValue, "gpu", 0};
        if (req.engine->kind == EngineKind::Mlx && d.kind != MemoryKind::Unified)
            return RequestProblem{C::EngineCannotLoadDevice, "gpu", 0};
    }
    return std::nullopt;
}

static Placement estimateImpl(const EstimateRequest &req, bool withMaxContext)
{
    Resolved r = resolve(req, std::nullopt);
    const auto &b = *r.behaviour;
    if (!req.parallel && b.parallelAuto && r.parallel > 1 && r.engine != EngineKind::Vllm && !fullyFits(req, r)) {
        // Ollama's auto parallel: the default slot count if it fits, else a single slot.
        r = resolve(req, 1U);
        r.notices.push_back(Notice::ParallelAutoReduced);
    }
    Layout l = layout(req, r);
    Placement &p = l.placement;
    decideVerdict(req, p);
    p.ctx = r.ctx;
    p.parallel = r.parallel;
    p.flashAttn = r.flashAttn;
    p.kvType = r.keyType;
    p.engineVersion = b.from;
    p.notices.insert(p.notices.begin(), r.notices.begin(), r.notices.end());
    if (!offloadsToHost(r.engine) && p.verdict == Verdict::DoesNotFit)
        p.notices.push_back(Notice::EngineCannotOffload);
    if (r.engine == EngineKind::Vllm && req.devices.size() > 1 && req.model->heads % req.devices.size() != 0)
        p.notices.push_back(Notice::TensorParallelUneven);
    p.maxContext = withMaxContext ? searchMaxContext(req, r) : 0;
    p.decodeTokensPerSecond = p.verdict == Verdict::DoesNotFit ? 0.0 : decodeTokensPerSecond(l.speed, l.concurrent);
    return p;
}

Placement estimate(const EstimateRequest &request)
{
    return estimateImpl(request, true);
}

Placement estimateVerdictOnly(const EstimateRequest &request)
{
    return estimateImpl(request, false);
}

} // namespace headroom
