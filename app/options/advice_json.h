// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advise.h>

#include <nlohmann/json_fwd.hpp>

namespace headroom::options {

/** `headroom-cli advise --json` (docs/cli.md, "Advise"): the metric, the ranked table, the front, the unranked. */
[[nodiscard]] nlohmann::json adviceJson(const Advice &advice, std::size_t top);

/** One quality figure with both its sources: the metric's score and the quantization's measured recovery. */
[[nodiscard]] nlohmann::json qualityJson(const ExpectedQuality &q, const Metric &metric);

} // namespace headroom::options
