// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/placement.h"
#include "headroom/request.h"

#include <cstdint>
#include <optional>

namespace headroom {

/**
 * When a model does not fit its GPUs, llama.cpp spills to system RAM one of two ways: whole layers (-ngl, what
 * the estimate does by itself), or only an MoE's routed experts (--n-cpu-moe N / --cpu-moe: attention, shared
 * experts and the KV cache of every layer stay on the GPUs). Experts are most of an MoE's bytes but a small
 * share of what each token reads, so the second keeps far more of the speed.
 */
struct ExpertOffload {
    std::uint32_t layers = 0; ///< N of --n-cpu-moe: the fewest blocks whose experts must move (the model's block count = --cpu-moe)
    Placement placement;      ///< the estimate with them in system RAM
};

/**
 * The expert offload for `req` when `estimated` (its estimate) leaves layers off the GPUs: the smallest N that
 * keeps every layer on them, or all experts when even that does not. Empty when the model fits, has no routed
 * experts, fixes its GPU layer count or already moves experts, or when the engine (version) cannot
 * (engines.json traits.expert_offload).
 */
[[nodiscard]] std::optional<ExpertOffload> expertOffloadFor(const EstimateRequest &req, const Placement &estimated);

} // namespace headroom
