// SPDX-License-Identifier: GPL-3.0-or-later
// Readers of scores.json (metrics) and recovery.json (studies of quantized models); docs/catalog-schema.md.
#include "headroom/catalog_entries.h"

namespace headroom {
namespace {

using P = CatalogError::Problem;

/**
 * A required number above `low` (or at it, when `lowIncluded`) and at most `high`: a score is a percentage
 * (0-100: anything else is a typo or a rating of another kind), a size or a baseline is positive.
 */
double numberIn(const EntryReader &r, const std::string &field, double low, bool lowIncluded, double high)
{
    const double v = *r.number(field, true);
    if (!((lowIncluded ? v >= low : v > low) && v <= high))
        r.fail(P::BadValue, field, std::to_string(v));
    return v;
}

constexpr double kNoLimit = 1e300;

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
        score.score = numberIn(s, "score", 0.0, true, 100.0);
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
        row.paramsB = numberIn(s, "params_b", 0.0, false, kNoLimit);
        row.baseline = numberIn(s, "baseline", 0.0, false, kNoLimit);
        row.score = numberIn(s, "score", 0.0, false, kNoLimit);
        row.note = s.str("note", false);
        s.rejectUnread();
        study.rows.push_back(std::move(row));
    }
    if (study.rows.empty())
        r.fail(P::Missing, "rows", "");
    return study;
}

} // namespace headroom
