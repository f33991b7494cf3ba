// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/estimate_defaults.h"
#include "headroom/placement.h"
#include "headroom/speed.h"

#include <vector>

namespace headroom {

/** Where every offload unit went, and what each memory reads per decoded token. */
struct Layout {
    Placement placement;
    std::vector<SpeedSegment> speed;
    bool concurrent = false; ///< the devices run at once (tensor parallel), not one after another
};

/**
 * Places the model as the engine would: on the devices its device policy picks, as many layers as fit
 * (keeping `s.fitMargin` free while fitting) unless the request fixes the GPU layer count, the rest on
 * the host when the engine offloads. Memory only; no verdict.
 */
[[nodiscard]] Layout layout(const EstimateRequest &req, const ResolvedSettings &s);

/** True when some device holds more than it can fill (plus `margin` kept free). */
[[nodiscard]] bool anyOverflow(const Placement &p, Bytes margin = 0);

} // namespace headroom
