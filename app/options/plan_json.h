// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/plan.h>

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <string>

namespace headroom::options {

/** `headroom-cli plan --json` (docs/cli.md, "Plan"): the request, the counts and the first `top` options (0: all). */
[[nodiscard]] nlohmann::json planJson(const Plan &plan, std::size_t top);

/** An option's hardware in words, English: "2 x GeForce RTX 3090", "RTX 4090 + RTX 3060", "4 machines: Apple M4 Pro 64GB". */
[[nodiscard]] std::string planHardwareText(const PlanOption &o);

} // namespace headroom::options
