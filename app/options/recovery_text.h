// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/quality.h>

#include <string>

namespace headroom::options {

/**
 * The benchmarks a recovery was measured on, each once in the evidence's order and without its parenthesised
 * detail ("MMLU (5-shot)" -> "MMLU"), joined by " + ": a table cell's worth. The details stay in the evidence
 * (JSON, tooltips). Benchmark names are data, the same in every language.
 */
[[nodiscard]] std::string recoveryBenchmarks(const Recovery &r);

} // namespace headroom::options
