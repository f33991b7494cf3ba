// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/explanation.h>

namespace headroom::options {

/**
 * The JSON names of the explanation's codes (docs/cli.md, "Explain"): snake_case, stable. The text report's
 * words are in app/cli/explain_report.cpp.
 */
[[nodiscard]] const char *termKindName(TermKind k);
[[nodiscard]] const char *factorName(Factor f);
[[nodiscard]] const char *factorUseName(FactorUse u);
[[nodiscard]] const char *tensorRoleName(TensorRole r);
[[nodiscard]] const char *assumptionName(AssumptionCode c);
/** The request option that changes an assumption, as both front ends spell it ("--ctx"); nullptr for InputCode::None. */
[[nodiscard]] const char *inputFlag(InputCode i);

} // namespace headroom::options
