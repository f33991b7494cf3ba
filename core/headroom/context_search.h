// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/estimate_defaults.h"
#include "headroom/layout_planner.h"

namespace headroom {

/** Longest context per sequence that keeps every layer on the GPUs (0 when none does). */
[[nodiscard]] std::uint32_t searchMaxContext(const EstimateRequest &req, const ResolvedSettings &base);
/** The same, asking `planner` (built for `req` and base's engine row) instead of building one. */
[[nodiscard]] std::uint32_t searchMaxContext(const EstimateRequest &req, const ResolvedSettings &base, const LayoutPlanner &planner);

/**
 * llama.cpp's --fit for the context: when the request leaves the context to an engine version that fits
 * by default, the longest context (down to the engine's minimum) that leaves the fit margin free on
 * every device; the minimum when none does (the layers are then fitted instead). Other requests are
 * returned unchanged.
 */
[[nodiscard]] ResolvedSettings fitContext(const EstimateRequest &req, ResolvedSettings s);
/** The same, asking `planner` (built for `req` and s's engine row) instead of building one. */
[[nodiscard]] ResolvedSettings fitContext(const EstimateRequest &req, ResolvedSettings s, const LayoutPlanner &planner);

} // namespace headroom
