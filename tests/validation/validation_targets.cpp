// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation_targets.h"

#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace headroom::validation {
namespace {

/**
 * A figure the engine logged rounded (Ollama's format.HumanBytes2: one decimal of the largest binary unit it reaches)
 * cannot tell an estimate apart from the exact figure within half its last digit: such an estimate counts as exact.
 */
double errorBeyondRounding(const Replay &r)
{
    if ((*r.row)["kind"].rfind("rounded", 0) != 0)
        return r.error();
    double unit = 1.0;
    while (unit < 1024.0 * 1024.0 * 1024.0 && r.measured >= unit * 1024.0)
        unit *= 1024.0;
    return std::abs(r.estimated - r.measured) <= 0.05 * unit ? 0.0 : r.error();
}

TargetResult over(const std::vector<Replay> &replays, std::string name, std::string target, double bound,
                  const std::function<bool(const Replay &)> &selects, bool roundedIsExact = false)
{
    TargetResult t;
    t.name = std::move(name);
    t.target = std::move(target);
    Stats s;
    for (const auto &r : replays) {
        if (!r.failure.empty() || !r.isCheck() || !selects(r))
            continue;
        const double error = roundedIsExact ? errorBeyondRounding(r) : r.error();
        if (std::abs(error) > s.maxAbs || t.worst.empty())
            t.worst = (*r.row)["id"];
        s.add(error);
    }
    t.rows = s.rows;
    t.meanAbs = s.meanAbs();
    t.maxAbs = s.maxAbs;
    t.met = s.rows > 0 && s.maxAbs <= bound;
    return t;
}

} // namespace

std::vector<TargetResult> targetResults(const std::vector<Replay> &replays)
{
    std::set<std::string> engines;
    for (const auto &r : replays)
        if (r.failure.empty() && r.isCheck())
            engines.insert((*r.row)["engine"]);
    std::vector<TargetResult> out;
    const auto keep = [&](TargetResult t, const std::string &engine) {
        t.engine = engine;
        if (t.rows > 0)
            out.push_back(std::move(t));
    };
    for (const auto &engine : engines) {
        const auto of = [&engine](const Replay &r) { return (*r.row)["engine"] == engine; };
        const auto totals = [&](Setup setup) {
            return [setup, of](const Replay &r) { return of(r) && r.component == Component::Total && r.setup == setup; };
        };
        keep(
            over(
                replays, "KV cache and recurrent state (engine logs)", "exact to the byte", 0.0,
                [&](const Replay &r) { return of(r) && r.component == Component::Kv && (*r.row)["kind"].find("log") != std::string::npos; },
                true),
            engine);
        keep(over(replays, "totals, full offload", "every row within 3 %", 0.03, totals(Setup::FullOffload)), engine);
        keep(over(replays, "totals, unified memory", "every row within 3 %", 0.03, totals(Setup::UnifiedMemory)), engine);
        keep(over(replays, "totals, partial offload", "every row within 4 %", 0.04, totals(Setup::PartialOffload)), engine);
        keep(over(replays, "totals, multi-GPU", "every row within 4 %", 0.04, totals(Setup::MultiGpu)), engine);
        keep(over(replays, "totals, CPU only", "every row within 4 %", 0.04, totals(Setup::CpuOnly)), engine);
        // An allocator read once the generation is over (the Qwen3 transformers benchmark): weights and KV, held to the
        // full-offload target.
        keep(over(replays, "weights + KV held after generation (allocator)", "every row within 3 %", 0.03,
                  [&](const Replay &r) { return of(r) && r.component == Component::Resident; }),
             engine);

        // Families: the mean over each architecture's check totals (and whole-device readings after generation), the worst
        // family reported.
        std::map<std::string, Stats> family;
        for (const auto &r : replays)
            if (r.failure.empty() && r.isCheck() && of(r) && (r.component == Component::Total || r.component == Component::Resident))
                family[r.arch].add(r.error());
        TargetResult f;
        f.name = "totals, worst architecture family (mean)";
        f.target = "no family above 5 %";
        for (const auto &[arch, s] : family) {
            f.rows += s.rows;
            if (s.meanAbs() > f.maxAbs || f.worst.empty()) {
                f.maxAbs = s.meanAbs();
                f.worst = arch;
            }
        }
        f.meanAbs = f.maxAbs;
        f.met = f.rows > 0 && f.maxAbs <= 0.05;
        keep(f, engine);
    }
    return out;
}

} // namespace headroom::validation
