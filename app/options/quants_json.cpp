// SPDX-License-Identifier: GPL-3.0-or-later
#include "quants_json.h"

#include "advice_json.h"

#include <nlohmann/json.hpp>

namespace headroom::options {
namespace {

nlohmann::json rowJson(const QuantRow &row)
{
    const Placement &p = row.placement;
    nlohmann::json j{{"quant", row.quant->id},
                     {"quant_name", row.quant->name},
                     {"format", weightFormatName(row.quant->format)},
                     {"weights_bytes", row.weights},
                     {"bits_per_weight", row.bitsPerWeight},
                     {"catalog_bpw", row.quant->bpw},
                     {"verdict", verdictName(p.verdict)},
                     {"headroom_bytes", p.headroomBytes()},
                     {"gpu_layers", p.gpuLayers},
                     {"total_layers", p.totalLayers},
                     {"ctx", p.ctx},
                     {"parallel", p.parallel},
                     {"max_context", p.maxContext},
                     {"decode_tokens_per_second", p.decodeTokensPerSecond}};
    if (const auto *r = std::get_if<Recovery>(&row.recovery)) {
        j.update(recoveryJson(*r));
    } else {
        j["recovery"] = nullptr;
        j["recovery_missing"] = qualityGapName(std::get<QualityGap>(row.recovery));
    }
    return j;
}

} // namespace

nlohmann::json quantsJson(const QuantExploration &x)
{
    nlohmann::json devices = nlohmann::json::array();
    for (const auto &d : x.devices)
        devices.push_back({{"id", d.id}, {"name", d.name}, {"capacity_bytes", d.capacity}, {"usable_bytes", d.usable}});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto &r : x.rows)
        rows.push_back(rowJson(r));
    nlohmann::json noLayout = nlohmann::json::array();
    for (const auto *q : x.noLayout)
        noLayout.push_back(q->id);
    return {{"model", x.model ? nlohmann::json(x.model->id) : nlohmann::json(nullptr)},
            {"model_name", x.modelName},
            {"engine", x.engine->id},
            {"engine_behaviour_from", x.engineVersion},
            {"devices", std::move(devices)},
            {"capacity_bytes", x.capacity},
            {"current_quant", x.currentQuant},
            {"quants", std::move(rows)},
            {"no_layout", std::move(noLayout)}};
}

} // namespace headroom::options
