// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/quant_explorer.h>

#include <ostream>

namespace headroom::cli {

/**
 * `headroom-cli quants` as text: the hardware and engine, then one aligned row per quantization, smallest first
 * (size, bits per weight, measured recovery and its benchmarks or "not measured", verdict, headroom, speed,
 * longest context).
 */
void printQuants(std::ostream &out, const QuantExploration &exploration);

} // namespace headroom::cli
