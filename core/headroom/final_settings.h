// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/estimate_defaults.h"
#include "headroom/layout_planner.h"

namespace headroom {

/**
 * The settings estimate() lays the model out with: the engine's defaults (`r`, from resolveSettings), then
 * Ollama's auto parallel falling back to one slot when the default does not fit, then llama.cpp's --fit of an
 * unset context. `planner` is built for `req` and r's engine row. The estimate and its explanation both ask
 * this, so they lay out the same thing.
 */
[[nodiscard]] ResolvedSettings finalSettings(const EstimateRequest &req, ResolvedSettings r, const LayoutPlanner &planner);

} // namespace headroom
