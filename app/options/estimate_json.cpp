// SPDX-License-Identifier: GPL-3.0-or-later
#include "estimate_json.h"

#include "rule_of_thumb_text.h"

#include <headroom/offload_choice.h>
#include <headroom/placement_json.h>
#include <headroom/rule_of_thumb.h>

#include <nlohmann/json.hpp>

namespace headroom::options {

nlohmann::json estimateJson(const EstimateReport &report)
{
    const ResolvedRequest &rr = *report.resolved;
    auto j = placementToJson(*report.placement);
    j["model"] = rr.request.model->id;
    j["quant"] = rr.quant->id;
    j["engine"] = rr.request.engine->id;
    j["weights_total_bytes"] = rr.inventory->total();
    j["rule_of_thumb"] = ruleOfThumbJson(ruleOfThumb(rr), placementTotal(*report.placement));
    // A model that spills layers to RAM: the MoE alternative (docs/cli.md, "expert_offload").
    if (const auto experts = expertOffloadFor(rr.request, *report.placement)) {
        auto x = placementToJson(experts->placement);
        x["n_cpu_moe"] = experts->layers;
        j["expert_offload"] = std::move(x);
    }
    if (report.inputs && report.inputs->file) {
        j["model_file"] = report.inputs->file->path;
        j["weights_exact"] = rr.inventory->exact;
        j["architecture"] = rr.request.model->arch;
        j["parameters"] = rr.inventory->parameterCount();
    }
    return j;
}

} // namespace headroom::options
