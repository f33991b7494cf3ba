// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/plan.h>

#include <cstddef>
#include <ostream>

namespace headroom::cli {

/**
 * `headroom-cli plan` as text: the model, engine and context, one aligned row per option in rank order (the first
 * `top`, 0 = all: hardware, verdict, headroom, decode and prefill speed, launch price, price per usable GB and per
 * token/s), then what was left out and why, and where the prices and the network cost come from.
 */
void printPlan(std::ostream &out, const Plan &plan, std::size_t top);

} // namespace headroom::cli
