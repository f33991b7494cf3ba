// SPDX-License-Identifier: GPL-3.0-or-later
#include "advice_json.h"

#include "launch_command_text.h"

#include <nlohmann/json.hpp>

namespace headroom::options {
namespace {

nlohmann::json candidateJson(const Candidate &c, const Metric &metric)
{
    const Placement &p = c.placement;
    nlohmann::json j{{"model", c.model->id},
                     {"model_name", c.model->name},
                     {"family", c.model->family},
                     {"quant", c.quant->id},
                     {"memory_bytes", c.memory},
                     {"verdict", verdictName(p.verdict)},
                     {"headroom_bytes", p.headroomBytes()},
                     {"ctx", p.ctx},
                     {"parallel", p.parallel},
                     {"gpu_layers", p.gpuLayers},
                     {"total_layers", p.totalLayers},
                     {"decode_tokens_per_second", p.decodeTokensPerSecond}};
    if (c.quality) {
        j["quality"] = qualityJson(*c.quality, metric);
        j["quality_per_gb"] = c.qualityPerGb();
    } else {
        j["quality"] = nullptr;
        j["quality_missing"] = qualityGapName(c.gap);
    }
    return j;
}

} // namespace

const char *qualityGapName(QualityGap g)
{
    switch (g) {
    case QualityGap::NoScore: return "no_score";
    case QualityGap::NotMeasured: return "recovery_not_measured";
    case QualityGap::MeasuredOnLarger: return "recovery_measured_on_larger_models_only";
    }
    return "no_score";
}

nlohmann::json recoveryJson(const Recovery &r)
{
    nlohmann::json evidence = nlohmann::json::array();
    for (const auto &e : r.evidence)
        evidence.push_back({{"study", e.study->id},
                            {"benchmark", e.study->benchmark},
                            {"evaluated", e.row->evaluated},
                            {"params_b", e.row->paramsB},
                            {"baseline", e.row->baseline},
                            {"score", e.row->score},
                            {"source", e.study->source}});
    return {{"recovery", r.factor},
            {"recovery_measured", r.measured},
            {"recovery_lossless", r.lossless},
            {"recovery_bound_from", r.boundFrom ? nlohmann::json(r.boundFrom->id) : nlohmann::json(nullptr)},
            {"recovery_evaluated_params_b", r.evaluatedParamsB},
            {"recovery_evidence", std::move(evidence)}};
}

nlohmann::json qualityJson(const ExpectedQuality &q, const Metric &metric)
{
    nlohmann::json j{{"expected", q.value},
                     {"score", q.score->score},
                     {"metric", metric.id},
                     {"evaluated", q.score->evaluated},
                     {"score_source", metric.source}};
    j.update(recoveryJson(q.recovery));
    return j;
}

std::optional<LaunchCommand> candidateLaunch(const Catalog &catalog, const Candidate &candidate)
{
    auto resolved = resolveRequest(catalog, candidate.inputs);
    const auto *rr = std::get_if<ResolvedRequest>(&resolved);
    if (!rr)
        return std::nullopt;
    return buildLaunchCommand(*rr, candidate.inputs, candidate.placement);
}

nlohmann::json adviceJson(const Catalog &catalog, const Advice &advice, std::size_t top)
{
    const Metric &metric = *advice.metric;
    const auto &c = advice.candidates;
    nlohmann::json ranked = nlohmann::json::array();
    for (std::size_t k = 0; k < advice.perModel.size() && k < top; ++k) {
        const Candidate &candidate = c[advice.perModel[k]];
        auto row = candidateJson(candidate, metric);
        if (const auto launch = candidateLaunch(catalog, candidate))
            row["launch"] = launchCommandJson(*launch);
        ranked.push_back(std::move(row));
    }
    nlohmann::json front = nlohmann::json::array();
    for (const auto i : advice.front)
        front.push_back(candidateJson(c[i], metric));
    nlohmann::json unranked = nlohmann::json::array();
    for (const auto i : advice.unranked)
        unranked.push_back(candidateJson(c[i], metric));
    return {{"metric",
             {{"id", metric.id},
              {"name", metric.name},
              {"skill", skillName(metric.skill)},
              {"evaluation", metric.evaluation},
              {"source", metric.source}}},
            {"capacity_bytes", advice.capacity},
            {"engine", advice.engine},
            {"engine_behaviour_from", advice.engineVersion},
            {"ctx_from_fit_floor", advice.ctxFromFitFloor},
            {"models_considered", advice.counts.models},
            {"models_running", advice.counts.running},
            {"models_context_too_long", advice.counts.contextTooLong},
            {"models_engine_too_old", advice.counts.engineTooOld},
            {"candidates_too_slow", advice.counts.tooSlow},
            {"candidates", c.size()},
            {"ranked", std::move(ranked)},
            {"front", std::move(front)},
            {"unranked", std::move(unranked)}};
}

} // namespace headroom::options
