// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/placement.h"

#include <nlohmann/json_fwd.hpp>

namespace headroom {

/** The CLI's stable JSON contract (docs/cli.md): one object per estimate. */
[[nodiscard]] nlohmann::json placementToJson(const Placement &p);

} // namespace headroom
