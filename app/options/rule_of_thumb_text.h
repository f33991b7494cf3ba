// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/rule_of_thumb.h>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>

namespace headroom::options {

/**
 * The CLI's line: "rule of thumb: 8.19B x 0.5 B = 4.10 GB (x1.5-2: 6.14-8.19 GB); this estimate 6.30 GB, 54 % more".
 * Decimal GB, as the rule is taught (billions of parameters x bytes). Without a rule: why it does not apply.
 */
[[nodiscard]] std::string ruleOfThumbLine(const std::optional<RuleOfThumb> &rule, Bytes estimate);

/** `rule_of_thumb` of `estimate --json` (docs/cli.md): `applies` false and nothing else when the name states no width. */
[[nodiscard]] nlohmann::json ruleOfThumbJson(const std::optional<RuleOfThumb> &rule, Bytes estimate);

} // namespace headroom::options
