// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/quality_data.h"

#include "headroom/catalog.h"

namespace headroom {

const char *skillName(Skill s)
{
    switch (s) {
    case Skill::Knowledge: return "knowledge";
    case Skill::Reasoning: return "reasoning";
    case Skill::Math: return "math";
    case Skill::Coding: return "coding";
    case Skill::Instruction: return "instruction";
    }
    return "knowledge";
}

const MetricScore *Metric::scoreFor(std::string_view modelId) const
{
    for (const auto &s : scores)
        if (equalsIgnoreCase(s.model, modelId))
            return &s;
    return nullptr;
}

} // namespace headroom
