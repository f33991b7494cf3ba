// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan_json.h"

#include <headroom/speed.h>

#include <nlohmann/json.hpp>

namespace headroom::options {
namespace {

nlohmann::json optional(const std::optional<double> &v)
{
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json optionJson(const PlanOption &o, Currency currency)
{
    nlohmann::json parts = nlohmann::json::array();
    for (const auto &p : o.parts) {
        const auto price = launchPrice(*p.hardware, currency);
        parts.push_back({{"hardware", p.hardware->id},
                         {"name", p.hardware->name},
                         {"count", p.count},
                         {"launch_price", optional(price)},
                         {"release_year", p.hardware->releaseYear},
                         {"price_source", price ? nlohmann::json(p.hardware->source) : nlohmann::json(nullptr)}});
    }
    const Placement &p = o.placement;
    return {{"hardware", planHardwareText(o)},
            {"parts", parts},
            {"machines", o.machines},
            {"link", o.machines > 1 ? nlohmann::json("llama.cpp RPC") : nlohmann::json(nullptr)},
            {"engine", o.engine ? o.engine->id : std::string()},
            {"verdict", verdictName(p.verdict)},
            {"fits", fitsOnGpus(p.verdict)},
            {"headroom_bytes", p.headroomBytes()},
            {"usable_bytes", o.usable},
            {"gpu_layers", p.gpuLayers},
            {"total_layers", p.totalLayers},
            {"decode_tokens_per_second", p.decodeTokensPerSecond},
            {"prefill_tokens_per_second", p.prefillTokensPerSecond},
            {"price", optional(o.price)},
            {"price_per_usable_gb", optional(o.pricePerUsableGb)},
            {"price_per_tokens_per_second", optional(o.pricePerTokensPerSecond)}};
}

} // namespace

std::string planHardwareText(const PlanOption &o)
{
    std::string s;
    if (o.machines > 1)
        s = std::to_string(o.machines) + " machines: ";
    for (std::size_t i = 0; i < o.parts.size(); ++i) {
        if (i)
            s += " + ";
        if (o.parts[i].count > 1)
            s += std::to_string(o.parts[i].count) + " x ";
        s += o.parts[i].hardware->name;
    }
    return s;
}

nlohmann::json planJson(const Plan &plan, std::size_t top)
{
    nlohmann::json options = nlohmann::json::array();
    for (std::size_t i = 0; i < plan.options.size() && (top == 0 || i < top); ++i)
        options.push_back(optionJson(plan.options[i], plan.currency));
    return {{"model_name", plan.modelName},
            {"quant", plan.quant},
            {"engine", plan.engine ? plan.engine->id : std::string()},
            {"ctx", plan.ctx},
            {"ctx_from_fit_floor", plan.ctxFromFitFloor},
            {"ctx_from_smallest_default", plan.ctxFromSmallestDefault},
            {"currency", currencyName(plan.currency)},
            {"sort", planSortName(plan.sort)},
            {"rpc_seconds_per_token_per_extra_machine", kRpcHopSeconds},
            {"rpc_source", kRpcHopSource},
            {"counts",
             {{"evaluated", plan.counts.evaluated},
              {"listed", plan.options.size()},
              {"over_budget", plan.counts.overBudget},
              {"unpriced", plan.counts.unpriced},
              {"too_slow", plan.counts.tooSlow},
              {"engine_cannot_run", plan.counts.engineCannotRun}}},
            {"options", options}};
}

} // namespace headroom::options
