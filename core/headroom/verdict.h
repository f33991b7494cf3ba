// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/layer_placement.h"

namespace headroom {

/** Sets the verdict (and host capacity) of a placed model: fits, tight, partial offload or does not fit. */
void decideVerdict(const EstimateRequest &req, Placement &p);

/** True when, with these settings, every layer lands on the GPUs and nothing overflows. */
[[nodiscard]] bool fullyFits(const EstimateRequest &req, const ResolvedSettings &s);

} // namespace headroom
