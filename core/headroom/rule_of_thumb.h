// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/placement.h"
#include "headroom/quantization.h"
#include "headroom/request_resolver.h"
#include "headroom/units.h"

#include <cstdint>
#include <optional>

namespace headroom {

/**
 * The rule people learn first, "parameters x bytes per weight" (FP32 4 B, FP16 2, INT8 1, INT4 0.5), and its
 * "x 1.5-2 for overhead" variant: the rule's own arithmetic, so that it can stand beside an estimate and the gap
 * between them teaches what the rule leaves out (context, compute buffers, runtime overhead, scales and the mix).
 */
struct RuleOfThumb {
    std::uint64_t parameters = 0;
    double nominalBits = 0.0;    ///< the width the quantization's name states
    double bytesPerWeight = 0.0; ///< nominalBits / 8
    Bytes weights = 0;           ///< parameters x bytesPerWeight
    Bytes low = 0;               ///< x 1.5
    Bytes high = 0;              ///< x 2
};

/** Where an estimate lands against the rule. */
enum class RuleGap : std::uint8_t {
    BelowRule,  ///< under the bare parameters x bytes figure
    AboveRule,  ///< over it, under its x 1.5
    WithinBand, ///< between x 1.5 and x 2
    AboveBand,  ///< over x 2
};

struct RuleComparison {
    Bytes estimate = 0;   ///< the estimate's total: every device and system RAM
    double percent = 0.0; ///< (estimate - rule) / rule x 100: positive when the estimate is larger
    RuleGap gap = RuleGap::AboveRule;
};

/** The rule for `parameters` in `quant`; nullopt when the name states no width (the rule does not apply). */
[[nodiscard]] std::optional<RuleOfThumb> ruleOfThumb(std::uint64_t parameters, const Quantization &quant);

/**
 * The rule for what a request resolved to: the catalog's parameter count (a model file's own count when the model
 * came from one) in the request's quantization.
 */
[[nodiscard]] std::optional<RuleOfThumb> ruleOfThumb(const ResolvedRequest &request);

/** Everything a placement holds, on every device and in system RAM; the host's pages a Mac's GPU maps count once. */
[[nodiscard]] Bytes placementTotal(const Placement &p);

[[nodiscard]] RuleComparison compareWithRule(const RuleOfThumb &rule, Bytes estimate);

/** The gap's name in the CLI's JSON: "below_rule", "above_rule", "within_band", "above_band". */
[[nodiscard]] const char *ruleGapName(RuleGap g);

} // namespace headroom
