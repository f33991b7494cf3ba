// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/layer_placement.h"

#include "headroom/compute_buffer.h"
#include "headroom/devices.h"
#include "headroom/kv_cache.h"

#include <algorithm>
#include <numeric>

namespace headroom {
namespace {

/** Weights of each offload unit: blocks 0..n-1, then the output layer. */
struct Units {
    std::vector<Bytes> weights; ///< size n + 1
    std::vector<Bytes> active;  ///< bytes read per token, size n + 1
    Bytes input = 0;            ///< token embeddings
    std::vector<Bytes> kv;      ///< size n (output holds none)
    ComputeBuffers compute;
};

Units buildUnits(const EstimateRequest &req, const ResolvedSettings &r)
{
    const auto &m = *req.model;
    const auto &inv = *req.inventory;
    const std::size_t n = m.layers;
    Units u;
    u.weights.assign(n + 1, 0);
    u.active.assign(n + 1, 0);
    for (const auto &t : inv.tensors) {
        const double share =
            t.routedExpert && inv.experts > 0 ? static_cast<double>(inv.expertsUsed) / static_cast<double>(inv.experts) : 1.0;
        if (t.layer < 0) {
            // Tied embeddings double as the output matrix. llama.cpp keeps the lookup table on the host and
            // loads a second copy with the output layer; other engines hold the one matrix with the output.
            if (m.tiedEmbeddings) {
                u.weights[n] += t.bytes;
                u.active[n] += t.bytes;
            }
            if (!m.tiedEmbeddings || r.engine->traits.embeddingsOnHost)
                u.input += t.bytes;
            continue;
        }
        const auto unit = std::min<std::size_t>(static_cast<std::size_t>(t.layer), n);
        u.weights[unit] += t.bytes;
        u.active[unit] += static_cast<Bytes>(static_cast<double>(t.bytes) * share);
    }
    const auto geometry = kvGeometry(m, *r.engine, *r.behaviour, r.keyType, r.valueType, r.ctx, r.parallel, r.tokens);
    u.kv = kvLayerBytes(m, geometry);
    ComputeParams p;
    p.kv = geometry;
    p.tokens = r.tokens;
    p.flashAttn = r.flashAttn;
    p.parallel = r.parallel;
    p.tensorParallel = r.engine->traits.devicePolicy == DevicePolicy::TensorParallel
                           ? static_cast<std::uint32_t>(std::max<std::size_t>(req.devices.size(), 1))
                           : 1;
    u.compute = computeBuffers(m, *r.engine, *r.behaviour, p);
    return u;
}

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

/** A device as the engine sees it before anything is placed: usable memory and its runtime's own context. */
DeviceUsage emptyUsage(const EstimateRequest &req, const ResolvedSettings &r, const DeviceSpec &d)
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

/** Places `gpuUnits` offload units (llama.cpp -ngl counting) on the `used` devices, the rest on the host. */
Layout placeLayers(const EstimateRequest &req, const ResolvedSettings &r, const Units &u, const std::vector<std::size_t> &used,
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
    p.host.compute = r.engine->traits.embeddingsOnHost ? u.compute.hostFixed : 0;

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
    if (r.engine->traits.embeddingsOnHost || p.devices.empty())
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
Layout placeTensorParallel(const EstimateRequest &req, const ResolvedSettings &r, const Units &u)
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

std::vector<std::size_t> allDevices(const EstimateRequest &req)
{
    std::vector<std::size_t> idx(req.devices.size());
    std::iota(idx.begin(), idx.end(), 0);
    return idx;
}

/** Which devices the engine would use: all of them, or (Ollama) the fewest that hold the whole model. */
std::vector<std::size_t> chooseDevices(const EstimateRequest &req, const ResolvedSettings &r, const Units &u)
{
    auto idx = allDevices(req);
    if (r.engine->traits.devicePolicy != DevicePolicy::Fewest || req.spread || idx.size() < 2)
        return idx;
    std::stable_sort(idx.begin(), idx.end(),
                     [&](std::size_t a, std::size_t b) { return req.devices[a].capacity > req.devices[b].capacity; });
    const auto single = placeLayers(req, r, u, {idx.front()}, req.model->layers + 1);
    if (!anyOverflow(single.placement))
        return {idx.front()};
    return idx;
}

} // namespace

bool anyOverflow(const Placement &p, Bytes margin)
{
    return std::any_of(p.devices.begin(), p.devices.end(),
                       [&](const DeviceUsage &d) { return d.total() > (d.usable > margin ? d.usable - margin : 0); });
}

Layout layout(const EstimateRequest &req, const ResolvedSettings &r)
{
    const Units u = buildUnits(req, r);
    if (r.engine->traits.devicePolicy == DevicePolicy::TensorParallel && !req.devices.empty())
        return placeTensorParallel(req, r, u);
    const auto used = chooseDevices(req, r, u);
    const std::uint32_t all = req.model->layers + 1;
    if (req.gpuLayers)
        return placeLayers(req, r, u, used, static_cast<std::uint32_t>(std::clamp(*req.gpuLayers, 0, static_cast<int>(all))));
    if (!r.engine->traits.offloadsToHost || req.devices.empty())
        return placeLayers(req, r, u, used, all);
    // As many units as fit, as llama.cpp's --fit and Ollama's scheduler choose (--fit keeps a margin free).
    for (std::uint32_t units = all;; --units) {
        auto l = placeLayers(req, r, u, used, units);
        if (!anyOverflow(l.placement, r.fitMargin) || units == 0)
            return l;
    }
}

} // namespace headroom
