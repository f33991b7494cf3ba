// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/estimate_defaults.h"

namespace headroom {

/** Longest context per sequence that keeps every layer on the GPUs (0 when none does). */
[[nodiscard]] std::uint32_t searchMaxContext(const EstimateRequest &req, const ResolvedSettings &base);

/**
 * llama.cpp's --fit for the context: when the request leaves the context to an engine version that fits
 * by default, the longest context (down to the engine's minimum) that leaves the fit margin free on
 * every device; the minimum when none does (the layers are then fitted instead). Other requests are
 * returned unchanged.
 */
[[nodiscard]] ResolvedSettings fitContext(const EstimateRequest &req, ResolvedSettings s);

} // namespace headroom
