// SPDX-License-Identifier: GPL-3.0-or-later
#include "advise_report.h"

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

} // namespace

void printAdvice(std::ostream &out, const Advice &a, std::size_t top)
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
    if (!a.unranked.empty()) {
        out << "\nRuns, but not ranked:\n";
        for (const auto i : a.unranked)
            out << "  " << c[i].model->name << " (" << c[i].quant->id << ", " << fixed(toGiB(c[i].memory), 2) << " GiB): "
                << (c[i].gap == QualityGap::NoScore            ? "no " + m.name + " score"
                    : c[i].gap == QualityGap::MeasuredOnLarger ? std::string("what fits was measured only on larger models")
                                                               : std::string("no study measured the recovery of what fits"))
                << "\n";
    }
    out << "\n" << a.counts.models << " models considered, " << a.counts.running << " run";
    if (a.counts.contextTooLong)
        out << ", " << a.counts.contextTooLong << " support a shorter context than asked";
    if (a.counts.tooSlow)
        out << ", " << a.counts.tooSlow << " model x quantization pairs left out as too slow";
    out << ".\n";
}

} // namespace headroom::cli
