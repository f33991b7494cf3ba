// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/catalog.h"

#include <optional>
#include <variant>
#include <vector>

namespace headroom {

/** One measurement a recovery figure rests on. */
struct RecoveryEvidence {
    const RecoveryStudy *study = nullptr;
    const RecoveryRow *row = nullptr;
};

/**
 * How much of a model's full-precision score a quantization keeps, as published studies measured it
 * (recovery.json): quantized score / BF16 score on the same benchmark.
 *
 * Small models lose more (Qwen2-Instruct GPTQ-Int4 MMLU: 0.87 of BF16 at 0.5B, 0.98 at 72B), so a figure
 * measured on a larger model is never applied to a smaller one: the rows used are those of the largest
 * evaluated size up to the model's own (25 % either way counts as the same size), averaged. A figure from a
 * smaller model is conservative for a larger one.
 *
 * Where the quantization itself has no such row, one of the same format that is measured to keep less
 * (a larger KL divergence from the FP16 logits on the same model, llama.cpp's perplexity table) and has a
 * row bounds it from below: Q8_0 keeps at least what Q4_K_M keeps at that size. The recovery is then that
 * bound, and `boundFrom` says whose it is.
 */
struct Recovery {
    double factor = 1.0;   ///< what expected quality applies: the measured mean, at most 1
    double measured = 1.0; ///< the mean itself; above 1 is benchmark noise, not a gain, so it is capped
    bool lossless = false; ///< the released precision: 1 by definition, no rows
    double evaluatedParamsB = 0.0;
    const Quantization *boundFrom = nullptr; ///< set: a lower bound from this quantization's measurement
    std::vector<RecoveryEvidence> evidence;
};

/** Why a model and quantization have no expected quality; the front ends say which, never guess one. */
enum class QualityGap {
    NoScore,          ///< the model has no score in the metric
    NotMeasured,      ///< no study measured the quantization
    MeasuredOnLarger, ///< measured only on larger models, which lose less
};

/** The measured recovery of `quant` for a model of `model`'s size, or why there is none. */
[[nodiscard]] std::variant<Recovery, QualityGap> measuredRecovery(const Catalog &catalog, const Quantization &quant,
                                                                  const ModelSpec &model);

/** Expected quality = the model's score in the metric x the quantization's measured recovery. */
struct ExpectedQuality {
    double value = 0.0;
    const MetricScore *score = nullptr;
    Recovery recovery;
};

[[nodiscard]] std::variant<ExpectedQuality, QualityGap> expectedQuality(const Catalog &catalog, const Metric &metric,
                                                                        const ModelSpec &model, const Quantization &quant);

} // namespace headroom
