// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/quant_explorer.h>

#include <nlohmann/json_fwd.hpp>

namespace headroom::options {

/** `headroom-cli quants --json` (docs/cli.md, "Quantizations"): the devices, the engine and one object per row. */
[[nodiscard]] nlohmann::json quantsJson(const QuantExploration &exploration);

} // namespace headroom::options
