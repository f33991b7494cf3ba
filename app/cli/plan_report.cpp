// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan_report.h"

#include <plan_json.h>

#include <headroom/speed.h>

#include <cstdio>
#include <iomanip>
#include <string>

namespace headroom::cli {
namespace {

std::string fixed(double v, int decimals)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string money(const std::optional<double> &v, Currency c)
{
    if (!v)
        return "-";
    return (c == Currency::Cny ? "CNY " : "$") + fixed(*v, *v < 100 ? 2 : 0);
}

std::string speed(double tps)
{
    return tps > 0 ? fixed(tps, tps < 10 ? 1 : 0) : std::string("?");
}

std::string verdictCell(const Placement &p)
{
    if (p.verdict == Verdict::PartialOffload)
        return "partial " + std::to_string(p.gpuLayers) + "/" + std::to_string(p.totalLayers);
    return verdictName(p.verdict);
}

} // namespace

void printPlan(std::ostream &out, const Plan &plan, std::size_t top)
{
    out << "What to buy for " << plan.modelName << " at " << plan.quant << " on " << (plan.engine ? plan.engine->name : "?") << ", context "
        << plan.ctx;
    if (plan.ctxFromFitFloor)
        out << " (no --ctx: the smallest the engine fits to memory)";
    if (plan.ctxFromSmallestDefault)
        out << " (no --ctx: the engine's default on the least memory; it grows with the VRAM)";
    out << "\nlaunch prices in " << currencyName(plan.currency) << " as their sources give them (never converted); ranked by "
        << planSortName(plan.sort) << ", what fits first\n\n";
    std::size_t hwWidth = 8;
    const std::size_t shown = top == 0 ? plan.options.size() : std::min(top, plan.options.size());
    for (std::size_t i = 0; i < shown; ++i)
        hwWidth = std::max(hwWidth, options::planHardwareText(plan.options[i]).size());
    const int hw = static_cast<int>(hwWidth) + 2;
    out << std::right << std::setw(4) << "#"
        << "  " << std::left << std::setw(hw) << "hardware" << std::setw(14) << "verdict" << std::right << std::setw(10) << "headroom"
        << std::setw(9) << "decode" << std::setw(9) << "prefill" << std::setw(12) << "price" << std::setw(10) << "per GB" << std::setw(11)
        << "per tok/s"
        << "\n";
    for (std::size_t i = 0; i < shown; ++i) {
        const PlanOption &o = plan.options[i];
        const Placement &p = o.placement;
        out << std::right << std::setw(4) << (i + 1) << "  " << std::left << std::setw(hw) << options::planHardwareText(o) << std::setw(14)
            << verdictCell(p) << std::right << std::setw(10) << fixed(static_cast<double>(p.headroomBytes()) / static_cast<double>(GiB), 1)
            << std::setw(9) << speed(p.decodeTokensPerSecond) << std::setw(9) << speed(p.prefillTokensPerSecond) << std::setw(12)
            << money(o.price, plan.currency) << std::setw(10) << money(o.pricePerUsableGb, plan.currency) << std::setw(11)
            << money(o.pricePerTokensPerSecond, plan.currency) << "\n";
    }
    if (plan.options.empty())
        out << "  (no option passes the filters)\n";
    else if (shown < plan.options.size())
        out << "  ... " << plan.options.size() - shown << " more (--top N, --all)\n";
    out << "\nheadroom in GiB on the fullest device; decode and prefill in tokens/s (? = no bandwidth or compute figure,\n"
           "or layers in system RAM); per GB = per GB the engine can fill\n";
    const auto &c = plan.counts;
    if (c.overBudget || c.unpriced || c.tooSlow)
        out << "left out: " << c.overBudget << " over budget, " << c.unpriced << " without a " << currencyName(plan.currency)
            << " launch price, " << c.tooSlow << " slower than asked (or of unknown speed)\n";
    out << "several machines: llama.cpp RPC, each holds its layers, their KV cache, its own compute buffer and runtime;\n"
           "each token costs "
        << fixed(kRpcHopSeconds * 1000, 2) << " ms more per extra machine (" << kRpcHopSource << ")\n";
}

} // namespace headroom::cli
