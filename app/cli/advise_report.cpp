// SPDX-License-Identifier: GPL-3.0-or-later
#include "advise_report.h"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <string>

namespace headroom::cli {
namespace {

std::string fixed(double v, int decimals)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string speed(const Placement &p)
{
    return p.decodeTokensPerSecond > 0 ? fixed(p.decodeTokensPerSecond, 0) : std::string("?");
}

std::string devicesText(const Advice &a)
{
    if (a.devices.empty())
        return "system RAM only (" + fixed(toGiB(a.capacity), 2) + " GiB)";
    std::string s;
    for (std::size_t i = 0; i < a.devices.size(); ++i)
        s += (i ? " + " : "") + a.devices[i].name;
    return s + " (" + fixed(toGiB(a.capacity), 2) + " GiB usable)";
}

void rankedRow(std::ostream &out, std::size_t rank, const Candidate &c)
{
    const auto &q = *c.quality;
    out << std::right << std::setw(3) << rank << "  " << std::left << std::setw(30) << c.model->name.substr(0, 29) << std::setw(10)
        << c.quant->id << std::right << std::setw(7) << fixed(q.value, 1) << std::setw(7) << fixed(q.score->score, 1) << std::setw(9)
        << fixed(q.recovery.factor, 3) << std::setw(10) << fixed(toGiB(c.memory), 2) << std::setw(11) << fixed(c.qualityPerGb(), 2)
        << std::setw(8) << speed(c.placement) << (c.partial ? "  partial offload" : "") << "\n";
}

/** Names, comma-separated, wrapped under a two-space indent. */
void printNames(std::ostream &out, const std::vector<std::string> &names)
{
    std::size_t column = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string word = names[i] + (i + 1 < names.size() ? "," : "");
        if (column == 0 || column + word.size() + 1 > 110) {
            out << (column ? "\n" : "") << "  " << word;
            column = 2 + word.size();
        } else {
            out << " " << word;
            column += word.size() + 1;
        }
    }
    out << "\n";
}

/** What runs but is not ranked, by reason; for models without a score, the metrics that do score them. */
void printUnranked(std::ostream &out, const Advice &a, const Catalog &catalog)
{
    const auto &c = a.candidates;
    const std::pair<QualityGap, std::string> reasons[] = {
        {QualityGap::NoScore, "no " + a.metric->name + " score"},
        {QualityGap::MeasuredOnLarger, "what fits was measured only on larger models, which lose less"},
        {QualityGap::NotMeasured, "no study measured the recovery of what fits"},
    };
    for (const auto &[gap, reason] : reasons) {
        std::vector<std::string> names;
        std::vector<const ModelSpec *> models;
        for (const auto i : a.unranked)
            if (c[i].gap == gap) {
                names.push_back(c[i].model->name);
                models.push_back(c[i].model);
            }
        if (names.empty())
            continue;
        out << "\nRun, but not ranked (" << reason << "): " << names.size() << "\n";
        printNames(out, names);
        if (gap != QualityGap::NoScore)
            continue;
        std::vector<std::pair<std::size_t, const Metric *>> others;
        for (const auto &m : catalog.metrics()) {
            std::size_t n = 0;
            for (const auto *model : models)
                n += m.scoreFor(model->id) ? 1u : 0u;
            if (n)
                others.emplace_back(n, &m);
        }
        std::stable_sort(others.begin(), others.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
        if (others.empty())
            continue;
        out << "  scored for some of them by --metric";
        for (std::size_t k = 0; k < others.size() && k < 3; ++k)
            out << (k ? "," : "") << " " << others[k].second->id << " (" << others[k].first << ")";
        out << "\n";
    }
}

} // namespace

void printAdvice(std::ostream &out, const Advice &a, const Catalog &catalog, std::size_t top)
{
    const Metric &m = *a.metric;
    const auto &c = a.candidates;
    const Placement *any = c.empty() ? nullptr : &c.front().placement;
    out << "Best expected quality on " << devicesText(a) << "\n";
    out << "engine " << a.engine << " (behaviour from " << a.engineVersion << ")";
    if (any)
        out << ", context " << any->ctx << " x " << any->parallel << " sequence(s)"
            << (a.ctxFromFitFloor ? " (no --ctx: the smallest context " + a.engine + " fits to memory; it would grow it to fill the rest)"
                                  : std::string());
    out << "\n";
    out << "quality: " << m.name << ", " << m.evaluation << "\n";
    out << "source: " << m.source << "\n";
    out << "expected quality = the model's score x the quantization's measured recovery (quantized / BF16 score)\n\n";

    if (a.perModel.empty()) {
        out << "Nothing with a " << m.name << " score runs on this hardware with these settings.\n";
    } else {
        out << "  #  " << std::left << std::setw(30) << "model" << std::setw(10) << "quant" << std::right << std::setw(7) << "quality"
            << std::setw(7) << "score" << std::setw(9) << "recovery" << std::setw(10) << "GiB" << std::setw(11) << "quality/GB"
            << std::setw(8) << "tok/s"
            << "\n";
        for (std::size_t k = 0; k < a.perModel.size() && k < top; ++k)
            rankedRow(out, k + 1, c[a.perModel[k]]);
        if (a.perModel.size() > top)
            out << "  ... " << a.perModel.size() - top << " more (--top N)\n";
        out << "\nPareto front (each step up buys quality with memory):\n";
        for (const auto i : a.front)
            out << "  " << std::right << std::setw(7) << fixed(toGiB(c[i].memory), 2) << " GiB  " << std::setw(5)
                << fixed(c[i].quality->value, 1) << "  " << c[i].model->name << " " << c[i].quant->id << "\n";
    }
    printUnranked(out, a, catalog);
    out << "\n" << a.counts.models << " models considered, " << a.counts.running << " run";
    if (a.counts.contextTooLong)
        out << ", " << a.counts.contextTooLong << " support a shorter context than asked";
    if (a.counts.engineTooOld)
        out << ", " << a.counts.engineTooOld << " need a newer engine version";
    if (a.counts.tooSlow)
        out << ", " << a.counts.tooSlow << " model x quantization pairs left out as too slow";
    out << ".\n";
}

} // namespace headroom::cli
