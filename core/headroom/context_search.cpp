// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/context_search.h"

#include <algorithm>

namespace headroom {
namespace {

/**
 * Largest ctx in [lo, hi] for which `fits` holds, given that it holds up to some context and not beyond;
 * `lo` when nothing above it fits (whether `lo` itself fits is the caller's question).
 */
template <typename Fits>
std::uint32_t largestFitting(std::uint32_t lo, std::uint32_t hi, Fits fits)
{
    if (fits(hi))
        return hi;
    while (hi - lo > 1) { // invariant: lo fits (or is the floor), hi does not
        const std::uint32_t mid = lo + (hi - lo) / 2;
        (fits(mid) ? lo : hi) = mid;
    }
    return lo;
}

} // namespace

std::uint32_t searchMaxContext(const EstimateRequest &req, const ResolvedSettings &base)
{
    return searchMaxContext(req, base, LayoutPlanner(req, *base.behaviour));
}

std::uint32_t searchMaxContext(const EstimateRequest &req, const ResolvedSettings &base, const LayoutPlanner &planner)
{
    // Every layer on the GPUs: the request's -ngl does not count, the layers are left to the engine.
    const Bytes margin = layerFitMargin(req, *base.behaviour, std::nullopt);
    return largestFitting(0, req.model->maxContext,
                          [&](std::uint32_t ctx) { return planner.fullyFits(planner.loadsAt(base, ctx), std::nullopt, margin); });
}

ResolvedSettings fitContext(const EstimateRequest &req, ResolvedSettings s)
{
    if (!s.ctxFromEngine || !s.behaviour->fitDefault || req.devices.empty())
        return s;
    const LayoutPlanner planner(req, *s.behaviour);
    return fitContext(req, std::move(s), planner);
}

ResolvedSettings fitContext(const EstimateRequest &req, ResolvedSettings s, const LayoutPlanner &planner)
{
    const auto &fit = req.engine->traits.fit;
    if (!s.ctxFromEngine || !s.behaviour->fitDefault || req.devices.empty())
        return s;
    const Bytes margin = fit.margin;
    const auto fitsAt = [&](std::uint32_t ctx) { return planner.leavesMarginFree(planner.loadsAt(s, ctx), margin); };
    if (fitsAt(s.ctx))
        return s;
    const std::uint32_t floor = std::min(fit.minCtx, s.ctx);
    s = withContext(req, s, largestFitting(floor, s.ctx, fitsAt));
    s.notices.push_back(Notice::CtxFitted);
    return s;
}

} // namespace headroom
