// SPDX-License-Identifier: GPL-3.0-or-later
#include "rule_of_thumb_text.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace headroom::options {
namespace {

std::string gb(Bytes b, const char *format = "%.2f")
{
    char buf[32];
    std::snprintf(buf, sizeof buf, format, static_cast<double>(b) / static_cast<double>(GB));
    return buf;
}

} // namespace

std::string ruleOfThumbLine(const std::optional<RuleOfThumb> &rule, Bytes estimate)
{
    if (!rule)
        return "rule of thumb: not applicable (the quantization's name states no bit width)";
    const auto cmp = compareWithRule(*rule, estimate);
    char head[96];
    std::snprintf(head, sizeof head, "%.2fB x %g B", static_cast<double>(rule->parameters) / 1e9, rule->bytesPerWeight);
    const long percent = std::lround(std::abs(cmp.percent));
    const std::string gap = percent == 0 ? "the same" : std::to_string(percent) + (cmp.percent > 0 ? " % more" : " % less");
    return "rule of thumb: " + std::string(head) + " = " + gb(rule->weights) + " GB (x1.5-2: " + gb(rule->low) + "-" + gb(rule->high) +
           " GB); this estimate " + gb(estimate) + " GB, " + gap;
}

nlohmann::json ruleOfThumbJson(const std::optional<RuleOfThumb> &rule, Bytes estimate)
{
    if (!rule)
        return {{"applies", false}};
    const auto cmp = compareWithRule(*rule, estimate);
    return {{"applies", true},
            {"parameters", rule->parameters},
            {"nominal_bits", std::lround(rule->nominalBits)}, // a whole width (the loader reads an integer)
            {"bytes_per_weight", rule->bytesPerWeight},
            {"weights_bytes", rule->weights},
            {"low_bytes", rule->low},
            {"high_bytes", rule->high},
            {"estimate_bytes", cmp.estimate},
            {"percent", std::round(cmp.percent * 10) / 10},
            {"gap", ruleGapName(cmp.gap)}};
}

} // namespace headroom::options
