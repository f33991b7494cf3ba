// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/context_curve.h>
#include <headroom/request_resolver.h>

#include <nlohmann/json.hpp>

#include <ostream>

namespace headroom::cli {

/** `context` as text: per variant, a table of memory against context and the longest context that fits. */
void printContextCurve(std::ostream &out, const ResolvedRequest &request, const ContextCurve &curve);

/** `context --json` (docs/cli.md, "Context"). */
[[nodiscard]] nlohmann::json contextCurveJson(const ResolvedRequest &request, const ContextCurve &curve);

} // namespace headroom::cli
