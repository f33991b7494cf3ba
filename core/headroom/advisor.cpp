// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/advisor.h"

#include "headroom/engine_inventory.h"

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

bool fitsOnGpus(const Placement &p)
{
    return p.verdict == Verdict::Fits || p.verdict == Verdict::Tight;
}

bool engineLoads(const Quantization &q, const EngineProfile &e)
{
    return std::find(q.engines.begin(), q.engines.end(), e.id) != q.engines.end();
}

std::optional<Fix> smallerQuant(const Catalog &catalog, const EstimateRequest &request, const Quantization &current)
{
    std::vector<const Quantization *> candidates;
    for (const auto &q : catalog.quantizations())
        if (q.format == current.format && q.bpw < current.bpw && engineLoads(q, *request.engine))
            candidates.push_back(&q);
    std::sort(candidates.begin(), candidates.end(), [](auto *a, auto *b) { return a->bpw > b->bpw; });
    for (const auto *q : candidates) {
        const auto inv = buildInventory(*request.model, *q, *request.engine);
        if (!inv)
            continue;
        EstimateRequest r = request;
        r.inventory = &*inv;
        r.gpuLayers.reset();
        auto p = estimateVerdictOnly(r);
        if (fitsOnGpus(p))
            return Fix{Fix::Kind::SmallerQuant, q->id, 0, std::move(p)};
    }
    return std::nullopt;
}

std::optional<Fix> moreGpus(const EstimateRequest &request)
{
    if (request.devices.empty() || !request.engine->traits.runsOn(MemoryKind::Discrete))
        return std::nullopt;
    const auto &first = request.devices.front();
    const bool identical = std::all_of(request.devices.begin(), request.devices.end(),
                                       [&](const DeviceSpec &d) { return d.id == first.id; });
    if (!identical)
        return std::nullopt;
    for (std::size_t count = request.devices.size() + 1; count <= 8; ++count) {
        EstimateRequest r = request;
        r.devices.assign(count, first);
        r.gpuLayers.reset();
        auto p = estimateVerdictOnly(r);
        if (fitsOnGpus(p))
            return Fix{Fix::Kind::MoreGpus, {}, static_cast<std::uint32_t>(count), std::move(p)};
    }
    return std::nullopt;
}

} // namespace

std::vector<Fix> suggestFixes(const Catalog &catalog, const EstimateRequest &request, const Quantization &quant)
{
    std::vector<Fix> fixes;
    const auto current = estimate(request);
    if (fitsOnGpus(current) || request.devices.empty())
        return fixes;
    if (auto f = smallerQuant(catalog, request, quant))
        fixes.push_back(std::move(*f));
    if (current.maxContext >= 512 && current.maxContext < current.ctx) {
        EstimateRequest r = request;
        r.ctx = current.maxContext;
        r.gpuLayers.reset();
        fixes.push_back({Fix::Kind::ShorterContext, {}, current.maxContext, estimate(r)});
    }
    if (request.engine->traits.offers(KvType::Q8_0) && request.kvType == KvType::F16) {
        EstimateRequest r = request;
        r.kvType = KvType::Q8_0;
        r.flashAttn = FlashAttn::On;
        r.gpuLayers.reset();
        auto p = estimate(r);
        if (fitsOnGpus(p))
            fixes.push_back({Fix::Kind::QuantizedKv, {}, 0, std::move(p)});
    }
    if (auto f = moreGpus(request))
        fixes.push_back(std::move(*f));
    return fixes;
}

std::optional<double> expectedQuality(const ModelSpec &model, const Quantization &quant)
{
    if (!model.quality)
        return std::nullopt;
    const double score = model.quality->score;
    if (quant.lossless)
        return score; // the released precision (quantizations.json "lossless"): no loss by definition
    if (!quant.quality)
        return std::nullopt;
    if (quant.quality->relative)
        return score * *quant.quality->relative;
    if (quant.quality->kld) // mean KL divergence from the FP16 logits (llama.cpp perplexity README)
        return score * std::max(0.0, 1.0 - *quant.quality->kld);
    return std::nullopt;
}

std::vector<Recommendation> bestPerGb(const Catalog &catalog, const EstimateRequest &request, std::size_t count)
{
    std::vector<Recommendation> out;
    for (const auto &model : catalog.models()) {
        // One row per model: the best-quality quantization of it that fits.
        std::optional<Recommendation> bestOfModel;
        for (const auto &quant : catalog.quantizations()) {
            if (!engineLoads(quant, *request.engine))
                continue;
            const auto quality = expectedQuality(model, quant);
            if (!quality)
                continue;
            const auto inv = buildInventory(model, quant, *request.engine);
            if (!inv)
                continue;
            EstimateRequest r = request;
            r.model = &model;
            r.inventory = &*inv;
            r.gpuLayers.reset();
            if (r.ctx)
                r.ctx = std::min(*r.ctx, model.maxContext);
            auto p = estimateVerdictOnly(r);
            if (fitsOnGpus(p) && (!bestOfModel || *quality > bestOfModel->quality))
                bestOfModel = Recommendation{&model, &quant, *quality, std::move(p)};
        }
        if (bestOfModel)
            out.push_back(std::move(*bestOfModel));
    }
    std::sort(out.begin(), out.end(), [](const Recommendation &a, const Recommendation &b) {
        if (std::abs(a.quality - b.quality) > 1e-9)
            return a.quality > b.quality;
        return a.placement.devices.empty() || b.placement.devices.empty()
                   ? false
                   : a.placement.devices.front().total() < b.placement.devices.front().total();
    });
    if (out.size() > count)
        out.resize(count);
    return out;
}

} // namespace headroom
