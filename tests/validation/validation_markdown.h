// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibration_replay.h"

#include <string>
#include <vector>

namespace headroom::validation {

/** docs/validation.md for these replays: the same text for the same rows, code and catalog (nothing dated). */
[[nodiscard]] std::string markdown(const std::vector<Replay> &replays);

} // namespace headroom::validation
