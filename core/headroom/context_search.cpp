// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/context_search.h"

#include "headroom/verdict.h"

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
    EstimateRequest probe = req;
    probe.gpuLayers.reset();
    ResolvedSettings probeBase = base;
    probeBase.fitMargin = layerFitMargin(probe, *base.behaviour);
    return largestFitting(0, req.model->maxContext,
                          [&](std::uint32_t ctx) { return fullyFits(probe, withContext(probe, probeBase, ctx)); });
}

ResolvedSettings fitContext(const EstimateRequest &req, ResolvedSettings s)
{
    const auto &fit = req.engine->traits.fit;
    if (!s.ctxFromEngine || !s.behaviour->fitDefault || req.devices.empty())
        return s;
    const Bytes margin = fit.margin;
    const auto fitsAt = [&](std::uint32_t ctx) {
        ResolvedSettings probe = withContext(req, s, ctx);
        probe.fitMargin = margin;
        const Layout l = layout(req, probe);
        return !anyOverflow(l.placement, margin) && (req.gpuLayers || l.placement.gpuLayers == l.placement.totalLayers);
    };
    if (fitsAt(s.ctx))
        return s;
    const std::uint32_t floor = std::min(fit.minCtx, s.ctx);
    s = withContext(req, s, largestFitting(floor, s.ctx, fitsAt));
    s.notices.push_back(Notice::CtxFitted);
    return s;
}

} // namespace headroom
