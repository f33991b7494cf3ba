// SPDX-License-Identifier: GPL-3.0-or-later
// Readers of scores.json (metrics) and recovery.json (studies of quantized models); docs/catalog-schema.md.
#include "headroom/catalog_entries.h"

namespace headroom {
namespace {

using P = CatalogError::Problem;

/** A score on the 0-100 scale every metric uses; anything else is a typo or a rating of another kind. */
double percent(const EntryReader &r, const std::string &field)
{
    const double v = *r.number(field, true);
    if (!(v >= 0.0 && v <= 100.0))
        r.fail(P::BadValue, field, std::to_string(v));
    return v;
}

double positive(const EntryReader &r, const std::string &field)
{
    const double v = *r.number(field, true);
    if (!(v > 0.0))
        r.fail(P::BadValue, field, std::to_string(v));
    return v;
}

} // namespace

Metric readMetricEntry(const EntryReader &r, const std::string &id)
{
    Metric m;
    m.id = id;
    m.name = r.str("name");
    m.skill = r.choice<Skill>("skill",
                              {{"knowledge", Skill::Knowledge},
                               {"reasoning", Skill::Reasoning},
                               {"math", Skill::Math},
                               {"coding", Skill::Coding},
                               {"instruction", Skill::Instruction}},
                              Skill::Knowledge, true);
    m.evaluation = r.str("evaluation");
    m.source = r.str("source");
    m.note = r.str("note", false);
    for (std::size_t i = 0, n = r.arraySize("scores"); i < n; ++i) {
        const EntryReader s = r.element("scores", i);
        MetricScore score;
        score.model = s.str("model");
        score.score = percent(s, "score");
        score.evaluated = s.str("evaluated");
        score.note = s.str("note", false);
        s.rejectUnread();
        m.scores.push_back(std::move(score));
    }
    if (m.scores.empty())
        r.fail(P::Missing, "scores", "");
    return m;
}

RecoveryStudy readRecoveryStudy(const EntryReader &r, const std::string &id)
{
    RecoveryStudy study;
    study.id = id;
    study.benchmark = r.str("benchmark");
    study.source = r.str("source");
    study.note = r.str("note", false);
    for (std::size_t i = 0, n = r.arraySize("rows"); i < n; ++i) {
        const EntryReader s = r.element("rows", i);
        RecoveryRow row;
        row.quant = s.str("quant");
        row.evaluated = s.str("evaluated");
        row.paramsB = positive(s, "params_b");
        row.baseline = positive(s, "baseline");
        row.score = positive(s, "score");
        row.note = s.str("note", false);
        s.rejectUnread();
        study.rows.push_back(std::move(row));
    }
    if (study.rows.empty())
        r.fail(P::Missing, "rows", "");
    return study;
}

} // namespace headroom
