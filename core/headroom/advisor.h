// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/catalog.h"
#include "headroom/estimator.h"

#include <optional>
#include <string>
#include <vector>

namespace headroom {

/** A change that would make a request fit entirely on its GPUs. */
struct Fix {
    enum class Kind { SmallerQuant, ShorterContext, QuantizedKv, MoreGpus };
    Kind kind = Kind::SmallerQuant;
    std::string quant;        ///< SmallerQuant: the best-quality quantization that fits
    std::uint32_t value = 0;  ///< ShorterContext: tokens; MoreGpus: total GPU count
    Placement result;         ///< the estimate with the fix applied
};

/**
 * What would make `request` (for `quant`) fit: the largest smaller quantization, the longest context,
 * a q8_0 KV cache, or the fewest extra GPUs of the same kind (up to 8). Empty when it already fits.
 */
[[nodiscard]] std::vector<Fix> suggestFixes(const Catalog &catalog, const EstimateRequest &request,
                                            const Quantization &quant);

/** Expected quality of a model at a quantization: its benchmark score scaled by the quantization's measured loss. */
[[nodiscard]] std::optional<double> expectedQuality(const ModelSpec &model, const Quantization &quant);

struct Recommendation {
    const ModelSpec *model = nullptr;
    const Quantization *quant = nullptr;
    double quality = 0.0;
    Placement placement;
};

/**
 * For every catalog model, the best-quality quantization the request's engine loads that fits the
 * request's devices at its context; ranked by expected quality (ties: smaller first). Models without a
 * quality score are skipped.
 */
[[nodiscard]] std::vector<Recommendation> bestPerGb(const Catalog &catalog, const EstimateRequest &request,
                                                    std::size_t count);

} // namespace headroom
