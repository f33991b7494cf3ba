// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/estimator.h"

#include "headroom/context_search.h"
#include "headroom/estimate_defaults.h"
#include "headroom/final_settings.h"
#include "headroom/layer_placement.h"
#include "headroom/verdict.h"

#include <algorithm>

namespace headroom {

std::optional<RequestProblem> validateRequest(const EstimateRequest &req)
{
    using C = RequestProblem::Code;
    if (!req.model)
        return RequestProblem{C::MissingModel, "model", 0};
    if (!req.inventory)
        return RequestProblem{C::MissingInventory, "quant", 0};
    if (!req.engine || req.engine->versions.empty())
        return RequestProblem{C::MissingEngine, "engine", 0};
    if (!req.engine->loadsArchitecture(req.model->arch, req.engineVersion))
        return RequestProblem{C::EngineCannotLoadModel, "engine_version", 0};
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
    // No GPU: every layer runs from system RAM, which only an engine that offloads to the host can do (vLLM and
    // MLX keep every layer on a GPU). field "host" tells this apart from a GPU the engine cannot use.
    if (req.devices.empty() && !req.engine->traits.offloadsToHost)
        return RequestProblem{C::EngineCannotLoadDevice, "host", 0};
    for (const auto &d : req.devices) {
        if (d.capacity == 0)
            return RequestProblem{C::ZeroValue, "gpu", 0};
        if (!req.engine->traits.runsOn(d.kind))
            return RequestProblem{C::EngineCannotLoadDevice, "gpu", 0};
    }
    if (req.expertsOnHost && *req.expertsOnHost > 0) {
        // Only an engine that overrides where single tensors go can keep the experts apart from their layer
        // (llama.cpp's tensor buffer overrides); field "n_cpu_moe": it can keep all of them there, not the first N.
        if (!req.engine->offloadsExperts(req.engineVersion))
            return RequestProblem{C::EngineCannotOffloadExperts, "cpu_moe", *req.expertsOnHost};
        if (!req.engine->traits.expertOffload->perLayer && *req.expertsOnHost < req.model->layers)
            return RequestProblem{C::EngineCannotOffloadExperts, "n_cpu_moe", *req.expertsOnHost};
    }
    return std::nullopt;
}

namespace {

Placement estimateImpl(const EstimateRequest &req, bool withMaxContext)
{
    ResolvedSettings r = resolveSettings(req, std::nullopt);
    const auto &b = *r.behaviour;
    const auto &traits = req.engine->traits;
    // Every question below is about this request at one engine row: one planner answers them all.
    const LayoutPlanner planner(req, b);
    r = finalSettings(req, std::move(r), planner);
    Layout l = planner.layout(r);
    Placement &p = l.placement;
    decideVerdict(req, p);
    p.ctx = r.ctx;
    p.parallel = r.parallel;
    p.flashAttn = r.flashAttn;
    p.kvType = r.keyType;
    p.engineVersion = b.from;
    p.notices.insert(p.notices.begin(), r.notices.begin(), r.notices.end());
    if (!traits.offloadsToHost && p.verdict == Verdict::DoesNotFit)
        p.notices.push_back(Notice::EngineCannotOffload);
    if (traits.devicePolicy == DevicePolicy::TensorParallel && req.devices.size() > 1 && req.model->heads % req.devices.size() != 0)
        p.notices.push_back(Notice::TensorParallelUneven);
    p.expertLayersOnHost = expertHostLayers(req);
    // At full offload the range adds the token embeddings alone (the explanation says so); layers or experts kept in RAM
    // are what a user would move there to save GPU memory, and on a Mac that saves none.
    if ((p.gpuLayers < p.totalLayers || p.expertLayersOnHost > 0) &&
        std::any_of(p.devices.begin(), p.devices.end(), [](const DeviceUsage &d) { return d.mappedFromHost > 0; }))
        p.notices.push_back(Notice::MetalMapsHostLayers);
    p.maxContext = withMaxContext ? searchMaxContext(req, r, planner) : 0;
    p.decodeTokensPerSecond = p.verdict == Verdict::DoesNotFit ? 0.0 : decodeTokensPerSecond(l.speed, l.concurrent);
    const double active = static_cast<double>(req.model->activeParams ? req.model->activeParams : req.model->params);
    // 16-bit weights run on the tensor cores as they are; quantized ones are dequantized first (speed.h).
    const auto params = req.inventory->parameterCount();
    const bool sixteenBit = params > 0 && static_cast<double>(req.inventory->total()) * 8.0 / static_cast<double>(params) >= 12.0;
    p.prefillTokensPerSecond =
        p.verdict == Verdict::DoesNotFit ? 0.0 : prefillTokensPerSecond(l.speed, 2.0 * active, sixteenBit, l.concurrent);
    return p;
}

} // namespace

Placement estimate(const EstimateRequest &request)
{
    return estimateImpl(request, true);
}

Placement estimateVerdictOnly(const EstimateRequest &request)
{
    return estimateImpl(request, false);
}

} // namespace headroom
