// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/catalog.h"
#include "headroom/estimator.h"
#include "headroom/request_resolver.h"

#include <optional>
#include <string>
#include <vector>

namespace headroom {

/**
 * A change that would make a request fit entirely on its GPUs. It carries the whole changed request:
 * front ends apply `inputs` as they are, and resolving and estimating them gives `result` exactly
 * (tst_fixes checks this for every engine version row).
 */
struct Fix {
    enum class Kind { SmallerQuant, ShorterContext, QuantizedKv, MoreGpus };
    Kind kind = Kind::SmallerQuant;
    std::string quant;       ///< SmallerQuant: the best-quality quantization that fits
    std::uint32_t value = 0; ///< ShorterContext: tokens; MoreGpus: total GPU count
    RequestInputs inputs;    ///< the request with the fix applied
    Placement result;        ///< estimate(resolveRequest(inputs))
};

/**
 * What would make `inputs` (resolved as `current`) fit: the largest smaller quantization, the longest
 * context, a q8_0 KV cache with flash attention on, or the fewest extra GPUs of the same kind (up to 8).
 * Each is priced by resolving its inputs, as a front end applying it would. Empty when it already fits.
 */
[[nodiscard]] std::vector<Fix> suggestFixes(const Catalog &catalog, const RequestInputs &inputs, const ResolvedRequest &current);

} // namespace headroom
