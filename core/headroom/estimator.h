// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/placement.h"
#include "headroom/request.h"

#include <optional>
#include <string>

namespace headroom {

/** Longest context Headroom accepts: 2^24 tokens, far beyond any catalog model's trained maximum. */
inline constexpr std::uint32_t kMaxContext = 1U << 24;
inline constexpr std::uint32_t kMaxParallel = 4096;

/** Why a request cannot be estimated; `field` names the request member. */
struct RequestProblem {
    enum class Code {
        MissingModel,
        MissingInventory,
        MissingEngine,
        ZeroValue,
        TooLarge,
        EngineCannotLoadDevice,
        EngineCannotLoadModel,
        EngineCannotOffloadExperts
    };
    Code code = Code::MissingModel;
    std::string field;
    long long value = 0;
};

[[nodiscard]] std::optional<RequestProblem> validateRequest(const EstimateRequest &request);

/**
 * Where every tensor and buffer lands for this request, the fit verdict, the longest context that
 * keeps every layer on the GPUs and the decode speed. Pure: same request, same answer.
 * Precondition: validateRequest(request) is empty.
 */
[[nodiscard]] Placement estimate(const EstimateRequest &request);

/** The same estimate without the max-context search (maxContext stays 0): for sweeps that need only the verdict. */
[[nodiscard]] Placement estimateVerdictOnly(const EstimateRequest &request);

} // namespace headroom
