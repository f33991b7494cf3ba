// SPDX-License-Identifier: GPL-3.0-or-later
#include "explanation_json.h"

#include "explain_names.h"

#include <nlohmann/json.hpp>

namespace headroom::options {
namespace {

nlohmann::json termJson(const ExplainTerm &t)
{
    nlohmann::json j{{"kind", termKindName(t.kind)}, {"bytes", t.bytes}, {"counted", t.counted}};
    if (!t.factors.empty()) {
        nlohmann::json factors = nlohmann::json::array();
        for (const auto &f : t.factors)
            factors.push_back({{"name", factorName(f.code)}, {"value", f.value}, {"use", factorUseName(f.use)}});
        j["factors"] = std::move(factors);
    }
    if (!t.parts.empty()) {
        nlohmann::json parts = nlohmann::json::array();
        for (const auto &p : t.parts)
            parts.push_back(termJson(p));
        j["parts"] = std::move(parts);
    }
    if (t.kind == TermKind::WeightGroup || t.count > 0)
        j["role"] = tensorRoleName(t.role);
    if (t.count > 0)
        j["tensors"] = t.count;
    if (!t.type.empty())
        j["type"] = t.type;
    if (!t.label.empty())
        j["tensor"] = t.label;
    if (!t.source.empty())
        j["source"] = t.source;
    return j;
}

nlohmann::json deviceJson(const DeviceExplanation &d)
{
    nlohmann::json units = nlohmann::json::array();
    for (const auto &u : d.units)
        units.push_back({u.from, u.to});
    nlohmann::json segments = nlohmann::json::object();
    for (const Segment s : kSegments) {
        const auto &seg = d.segment(s);
        nlohmann::json terms = nlohmann::json::array();
        for (const auto &t : seg.terms)
            terms.push_back(termJson(t));
        segments[segmentName(s)] = {{"bytes", seg.bytes}, {"terms", std::move(terms)}};
    }
    return {{"id", d.id}, {"name", d.name}, {"units", std::move(units)}, {"segments", std::move(segments)}};
}

} // namespace

nlohmann::json explanationJson(const Explanation &e)
{
    nlohmann::json devices = nlohmann::json::array();
    for (const auto &d : e.devices)
        devices.push_back(deviceJson(d));
    nlohmann::json assumptions = nlohmann::json::array();
    for (const auto &a : e.assumptions) {
        nlohmann::json j{{"code", assumptionName(a.code)}, {"value", a.value}, {"detail", a.detail}, {"source", a.source}};
        j["device"] = a.device >= 0 ? nlohmann::json(a.device) : nlohmann::json(nullptr);
        const char *flag = inputFlag(a.input);
        j["option"] = flag ? nlohmann::json(flag) : nlohmann::json(nullptr);
        assumptions.push_back(std::move(j));
    }
    return {{"engine_behaviour_from", e.engineVersion},
            {"behaviour_source", e.behaviourSource},
            {"devices", std::move(devices)},
            {"host", deviceJson(e.host)},
            {"assumptions", std::move(assumptions)}};
}

} // namespace headroom::options
