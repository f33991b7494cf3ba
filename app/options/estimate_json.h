// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "estimate_report.h"

#include <nlohmann/json_fwd.hpp>

namespace headroom::options {

/**
 * `headroom-cli estimate --json` (docs/cli.md): the placement's JSON plus what was resolved (model, quant,
 * engine, weights) and, for a model file, the file's facts. The GUI's JSON export is this same object.
 */
[[nodiscard]] nlohmann::json estimateJson(const EstimateReport &report);

} // namespace headroom::options
