// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/offload_choice.h"

#include "headroom/estimator.h"

namespace headroom {

std::optional<ExpertOffload> expertOffloadFor(const EstimateRequest &req, const Placement &estimated)
{
    if (fitsOnGpus(estimated.verdict) || req.devices.empty() || req.gpuLayers || req.expertsOnHost || !req.inventory ||
        req.inventory->experts == 0)
        return std::nullopt;
    if (!req.engine->offloadsExperts(req.engineVersion))
        return std::nullopt;
    const bool perLayer = req.engine->traits.expertOffload->perLayer;
    EstimateRequest r = req;
    const std::uint32_t blocks = req.model->layers;
    const auto fitsWith = [&](std::uint32_t n) {
        r.expertsOnHost = n;
        return fitsOnGpus(estimateVerdictOnly(r).verdict);
    };
    // More blocks' experts in RAM never need more GPU memory: the smallest count that fits, by bisection.
    std::uint32_t n = blocks;
    if (perLayer && fitsWith(blocks)) {
        std::uint32_t lo = 1, hi = blocks;
        while (lo < hi) {
            const std::uint32_t mid = lo + (hi - lo) / 2;
            if (fitsWith(mid))
                hi = mid;
            else
                lo = mid + 1;
        }
        n = lo;
    }
    r.expertsOnHost = n;
    return ExpertOffload{n, estimate(r)};
}

} // namespace headroom
