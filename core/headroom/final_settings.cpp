// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/final_settings.h"

#include "headroom/context_search.h"

namespace headroom {

ResolvedSettings finalSettings(const EstimateRequest &req, ResolvedSettings r, const LayoutPlanner &planner)
{
    const auto &b = *r.behaviour;
    if (!req.parallel && b.parallelAuto && r.parallel > 1 && !req.engine->traits.kvPool &&
        !planner.fullyFits(planner.loads(r), req.gpuLayers, r.fitMargin)) {
        // Ollama's auto parallel: the default slot count if it fits, else a single slot.
        r = resolveSettings(req, 1U);
        r.notices.push_back(Notice::ParallelAutoReduced);
    }
    return fitContext(req, std::move(r), planner);
}

} // namespace headroom
