// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/hardware.h>
#include <headroom/probe/detection.h>

#include <nlohmann/json_fwd.hpp>

#include <ostream>
#include <vector>

namespace headroom::cli {

/** `headroom-cli detect --json`: what was detected, as codes and bytes (docs/cli.md). */
[[nodiscard]] nlohmann::json detectionToJson(const probe::Detection &detection, const std::vector<Hardware> &catalog);

/** `headroom-cli detect`: the same, as a short table. */
void printDetection(std::ostream &out, const probe::Detection &detection, const std::vector<Hardware> &catalog);

} // namespace headroom::cli
