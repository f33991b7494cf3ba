// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/advisor.h"

#include "headroom/engine_inventory.h"

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

/**
 * Prices changed inputs the one way a front end would: resolve, then estimate. `verdictOnly` is for the
 * searches (cheaper); the fix a search settles on is priced again in full, so `Fix::result` is exactly
 * what resolving `Fix::inputs` gives.
 */
std::optional<Placement> price(const Catalog &catalog, const RequestInputs &in, bool verdictOnly)
{
    auto resolved = resolveRequest(catalog, in);
    const auto *rr = std::get_if<ResolvedRequest>(&resolved);
    if (!rr)
        return std::nullopt;
    return verdictOnly ? estimateVerdictOnly(rr->request) : estimate(rr->request);
}

/** The inputs as a fix starts from them: every layer the fix makes room for goes to the GPUs. */
RequestInputs fixBase(const RequestInputs &in)
{
    RequestInputs r = in;
    r.gpuLayers.reset();
    return r;
}

std::optional<Fix> finished(const Catalog &catalog, Fix::Kind kind, std::string quant, std::uint32_t value, RequestInputs inputs)
{
    auto p = price(catalog, inputs, false);
    if (!p || !fitsOnGpus(p->verdict))
        return std::nullopt;
    return Fix{kind, std::move(quant), value, std::move(inputs), std::move(*p)};
}

std::optional<Fix> smallerQuant(const Catalog &catalog, const RequestInputs &in, const ResolvedRequest &current)
{
    const Quantization &now = *current.quant;
    std::vector<const Quantization *> candidates;
    for (const auto &q : catalog.quantizations())
        if (q.format == now.format && q.bpw < now.bpw && q.loadedBy(current.request.engine->id))
            candidates.push_back(&q);
    std::sort(candidates.begin(), candidates.end(), [](auto *a, auto *b) { return a->bpw > b->bpw; });
    for (const auto *q : candidates) {
        RequestInputs r = fixBase(in);
        r.quant = q->id;
        if (const auto p = price(catalog, r, true); p && fitsOnGpus(p->verdict))
            return finished(catalog, Fix::Kind::SmallerQuant, q->id, 0, std::move(r));
    }
    return std::nullopt;
}

std::optional<Fix> moreGpus(const Catalog &catalog, const RequestInputs &in, const ResolvedRequest &current)
{
    const auto &devices = current.request.devices;
    if (devices.empty() || in.gpus.empty())
        return std::nullopt;
    // Only discrete cards come in more than one (a Mac's unified memory is the whole machine).
    const auto &first = devices.front();
    if (first.kind != MemoryKind::Discrete || !current.request.engine->traits.runsOn(MemoryKind::Discrete))
        return std::nullopt;
    const bool identical = std::all_of(in.gpus.begin(), in.gpus.end(), [&](const DeviceChoice &d) { return d == in.gpus.front(); });
    if (!identical)
        return std::nullopt;
    for (std::size_t count = devices.size() + 1; count <= 8; ++count) {
        RequestInputs r = fixBase(in);
        r.gpus.assign(count, in.gpus.front());
        r.gpuCount.reset();
        if (const auto p = price(catalog, r, true); p && fitsOnGpus(p->verdict))
            return finished(catalog, Fix::Kind::MoreGpus, {}, static_cast<std::uint32_t>(count), std::move(r));
    }
    return std::nullopt;
}

} // namespace

std::vector<Fix> suggestFixes(const Catalog &catalog, const RequestInputs &inputs, const ResolvedRequest &current)
{
    std::vector<Fix> fixes;
    const EstimateRequest &request = current.request;
    if (!current.quant || request.devices.empty())
        return fixes;
    const auto now = estimate(request);
    if (fitsOnGpus(now.verdict))
        return fixes;
    if (auto f = smallerQuant(catalog, inputs, current))
        fixes.push_back(std::move(*f));
    if (now.maxContext >= 512 && now.maxContext < now.ctx) {
        RequestInputs r = fixBase(inputs);
        r.ctx = now.maxContext;
        // Listed even when it still offloads: the longest context that keeps the most on the GPUs.
        if (auto p = price(catalog, r, false))
            fixes.push_back({Fix::Kind::ShorterContext, {}, now.maxContext, std::move(r), std::move(*p)});
    }
    const auto &traits = request.engine->traits;
    if (traits.offers(KvType::Q8_0) && request.kvType == KvType::F16) {
        RequestInputs r = fixBase(inputs);
        r.kvType = kvTypeName(KvType::Q8_0);
        // Priced with flash attention on, so the inputs switch it on: left to the engine on a version whose
        // default is off, a quantized cache would stay F16 and the fix would change nothing.
        r.flashAttn = FlashAttn::On;
        if (auto f = finished(catalog, Fix::Kind::QuantizedKv, {}, 0, std::move(r)))
            fixes.push_back(std::move(*f));
    }
    if (auto f = moreGpus(catalog, inputs, current))
        fixes.push_back(std::move(*f));
    return fixes;
}

} // namespace headroom
