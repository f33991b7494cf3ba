// SPDX-License-Identifier: GPL-3.0-or-later
#include "quants_report.h"

#include <recovery_text.h>

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

std::string signedGib(long long bytes)
{
    return fixed(static_cast<double>(bytes) / static_cast<double>(GiB), 2);
}

std::string devicesText(const QuantExploration &x)
{
    if (x.devices.empty())
        return "system RAM only (" + fixed(toGiB(x.capacity), 2) + " GiB)";
    std::string s;
    for (std::size_t i = 0; i < x.devices.size(); ++i)
        s += (i ? " + " : "") + x.devices[i].name;
    return s + " (" + fixed(toGiB(x.capacity), 2) + " GiB usable)";
}

/** "0.958", ">=0.958" for a bound from a smaller quantization, "1" for the released precision; "-" when none. */
std::string recoveryCell(const QuantRow &row)
{
    const auto *r = std::get_if<Recovery>(&row.recovery);
    if (!r)
        return "-";
    if (r->lossless)
        return "1";
    return (r->boundFrom ? ">=" : "") + fixed(r->factor, 3);
}

/** What the recovery rests on: benchmarks and the size they were measured at, or why there is none. */
std::string evidenceCell(const QuantRow &row)
{
    if (const auto *gap = std::get_if<QualityGap>(&row.recovery))
        return *gap == QualityGap::MeasuredOnLarger ? "not measured at this size (only on larger models, which lose less)" : "not measured";
    const auto &r = std::get<Recovery>(row.recovery);
    if (r.lossless)
        return "lossless (the released precision)";
    std::string s = options::recoveryBenchmarks(r) + ", " + fixed(r.evaluatedParamsB, 1) + "B";
    if (r.boundFrom)
        s += " (lower bound from " + r.boundFrom->id + ")";
    return s;
}

std::string verdictCell(const Placement &p)
{
    if (p.verdict == Verdict::PartialOffload)
        return "partial_offload " + std::to_string(p.gpuLayers) + "/" + std::to_string(p.totalLayers);
    return verdictName(p.verdict);
}

/** "?" where it runs on a device without a bandwidth figure; "-" where it does not run. */
std::string speedCell(const Placement &p)
{
    if (p.decodeTokensPerSecond > 0)
        return fixed(p.decodeTokensPerSecond, 0);
    return p.verdict == Verdict::DoesNotFit ? "-" : "?";
}

} // namespace

void printQuants(std::ostream &out, const QuantExploration &x)
{
    out << x.modelName << " on " << devicesText(x) << "\n";
    out << "engine " << x.engine->id << " (behaviour from " << x.engineVersion << ")";
    if (!x.rows.empty()) {
        const Placement &first = x.rows.front().placement;
        bool sameContext = true;
        for (const auto &r : x.rows)
            sameContext = sameContext && r.placement.ctx == first.ctx && r.placement.parallel == first.parallel;
        if (sameContext)
            out << ", context " << first.ctx << " x " << first.parallel << " sequence(s)";
        else
            out << ", the engine's context for each quantization (it fits it to the memory; see --json ctx)";
        out << ", KV " << kvTypeName(first.kvType) << ", flash attention " << (first.flashAttn ? "on" : "off");
    }
    out << "\n";
    out << "recovery = quantized / BF16 score in published studies, from the largest evaluated model up to this one's size\n\n";

    std::size_t quantWidth = 5;
    for (const auto &r : x.rows)
        quantWidth = std::max(quantWidth, r.quant->id.size());
    const int qw = static_cast<int>(quantWidth) + 2;
    out << "  " << std::left << std::setw(qw) << "quant" << std::right << std::setw(8) << "GiB" << std::setw(7) << "bpw" << std::setw(10)
        << "recovery"
        << "  " << std::left << std::setw(20) << "verdict" << std::right << std::setw(9) << "headroom" << std::setw(7) << "tok/s"
        << std::setw(10) << "max ctx"
        << "  measured on\n";
    for (const auto &r : x.rows) {
        const Placement &p = r.placement;
        out << (r.quant->id == x.currentQuant ? "* " : "  ") << std::left << std::setw(qw) << r.quant->id << std::right << std::setw(8)
            << fixed(toGiB(r.weights), 2) << std::setw(7) << fixed(r.bitsPerWeight, 2) << std::setw(10) << recoveryCell(r) << "  "
            << std::left << std::setw(20) << verdictCell(p) << std::right << std::setw(9) << signedGib(p.headroomBytes()) << std::setw(7)
            << speedCell(p) << std::setw(10) << (p.maxContext > 0 ? std::to_string(p.maxContext) : std::string("-")) << "  "
            << evidenceCell(r) << "\n";
    }
    out << "\n* the quantization the request itself names (or the engine's default)\n";
    if (!x.noLayout.empty()) {
        out << "not laid out for this model:";
        for (const auto *q : x.noLayout)
            out << " " << q->id;
        out << "\n";
    }
}

} // namespace headroom::cli
