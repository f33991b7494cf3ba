// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/rule_of_thumb.h"

#include <cmath>

namespace headroom {
namespace {

Bytes times(std::uint64_t parameters, double factor)
{
    return static_cast<Bytes>(std::llround(static_cast<double>(parameters) * factor));
}

} // namespace

std::optional<RuleOfThumb> ruleOfThumb(std::uint64_t parameters, const Quantization &quant)
{
    if (!quant.nominalBits || parameters == 0)
        return std::nullopt;
    RuleOfThumb r;
    r.parameters = parameters;
    r.nominalBits = *quant.nominalBits;
    r.bytesPerWeight = r.nominalBits / 8.0;
    r.weights = times(parameters, r.bytesPerWeight);
    r.low = times(parameters, r.bytesPerWeight * 1.5);
    r.high = times(parameters, r.bytesPerWeight * 2.0);
    return r;
}

std::optional<RuleOfThumb> ruleOfThumb(const ResolvedRequest &request)
{
    if (!request.quant || !request.request.model)
        return std::nullopt;
    std::uint64_t parameters = request.request.model->params;
    if (parameters == 0 && request.inventory)
        parameters = request.inventory->parameterCount();
    return ruleOfThumb(parameters, *request.quant);
}

Bytes placementTotal(const Placement &p)
{
    Bytes total = p.host.total();
    for (const auto &d : p.devices)
        total = saturatingAdd(total, d.ownTotal());
    return total;
}

RuleComparison compareWithRule(const RuleOfThumb &rule, Bytes estimate)
{
    RuleComparison c;
    c.estimate = estimate;
    if (rule.weights > 0)
        c.percent = (static_cast<double>(estimate) - static_cast<double>(rule.weights)) / static_cast<double>(rule.weights) * 100.0;
    if (estimate < rule.weights)
        c.gap = RuleGap::BelowRule;
    else if (estimate < rule.low)
        c.gap = RuleGap::AboveRule;
    else if (estimate <= rule.high)
        c.gap = RuleGap::WithinBand;
    else
        c.gap = RuleGap::AboveBand;
    return c;
}

const char *ruleGapName(RuleGap g)
{
    switch (g) {
    case RuleGap::BelowRule: return "below_rule";
    case RuleGap::AboveRule: return "above_rule";
    case RuleGap::WithinBand: return "within_band";
    case RuleGap::AboveBand: return "above_band";
    }
    return "above_rule";
}

} // namespace headroom
