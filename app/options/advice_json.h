// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advise.h>
#include <headroom/launch_command.h>

#include <nlohmann/json_fwd.hpp>

#include <optional>

namespace headroom::options {

/**
 * `headroom-cli advise --json` (docs/cli.md, "Advise"): the metric, the ranked table (`top` rows, each with
 * its launch command), the front, the unranked.
 */
[[nodiscard]] nlohmann::json adviceJson(const Catalog &catalog, const Advice &advice, std::size_t top);

/** The launch command of a candidate, built as `estimate --print-command` builds it for its inputs. */
[[nodiscard]] std::optional<LaunchCommand> candidateLaunch(const Catalog &catalog, const Candidate &candidate);

/** A measured recovery as the `quality` object carries it: `recovery`, `recovery_measured`, `recovery_lossless`,
 *  `recovery_bound_from`, `recovery_evaluated_params_b`, `recovery_evidence[]`. */
[[nodiscard]] nlohmann::json recoveryJson(const Recovery &r);

/** `quality_missing`'s code for a gap: `no_score`, `recovery_not_measured`, `recovery_measured_on_larger_models_only`. */
[[nodiscard]] const char *qualityGapName(QualityGap g);

/** One quality figure with both its sources: the metric's score and the quantization's measured recovery. */
[[nodiscard]] nlohmann::json qualityJson(const ExpectedQuality &q, const Metric &metric);

} // namespace headroom::options
