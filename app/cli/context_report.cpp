// SPDX-License-Identifier: GPL-3.0-or-later
#include "context_report.h"

#include "result_text.h"

#include <cstdio>
#include <iomanip>
#include <string>

namespace headroom::cli {
namespace {

std::string gib(Bytes b)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", toGiB(b));
    return buf;
}

std::string variantText(const ContextVariant &v)
{
    return std::string("flash attention ") + (v.flashAttn ? "on" : "off") + ", KV " + kvTypeName(v.kvType);
}

/** Where the curve runs: the GPUs by name, or system RAM. */
std::string whereText(const ResolvedRequest &rr, const ContextCurve &c)
{
    std::string where;
    for (const auto &d : rr.request.devices)
        where += (where.empty() ? "" : " + ") + d.name;
    if (c.cpuOnly)
        where = "system RAM";
    return where + " (" + (c.usable ? gib(c.usable) + " GiB usable" : std::string("usable memory unknown")) + ")";
}

/** Why a variant has no line of its own, and which line it equals. */
std::string statusText(const ResolvedRequest &rr, const ContextCurve &c, const ContextLine &l)
{
    const std::string &engine = rr.request.engine->name;
    const std::string same = l.sameAs ? "same as " + variantText(c.lines[*l.sameAs].variant) + ": " : std::string();
    switch (l.status) {
    case VariantStatus::Runs: break;
    case VariantStatus::KvTypeNotOffered:
        return std::string("not offered: ") + engine + " has no " + kvTypeName(l.variant.kvType) + " KV cache";
    case VariantStatus::KvQuantNeedsFlashAttn: return same + "without flash attention " + engine + " keeps an f16 KV cache";
    case VariantStatus::FlashAttnNoEffect: return same + engine + "'s memory does not change with flash attention";
    }
    return {};
}

void printLine(std::ostream &out, const ContextCurve &c, const ContextLine &l)
{
    out << "  " << std::right << std::setw(9) << "ctx" << std::setw(9) << "weights" << std::setw(9) << "KV" << std::setw(9) << "compute"
        << std::setw(9) << "other" << std::setw(9) << "total" << std::setw(9) << (c.cpuOnly ? "RAM" : "on GPU") << "  verdict\n";
    for (const auto &p : l.points) {
        out << "  " << std::setw(9) << p.ctx << std::setw(9) << gib(p.weights) << std::setw(9) << gib(p.kvCache) << std::setw(9)
            << gib(p.compute) << std::setw(9) << gib(p.overhead + p.projector) << std::setw(9) << gib(p.total()) << std::setw(9)
            << gib(c.cpuOnly ? p.hostTotal : p.gpuTotal) << "  " << verdictName(p.verdict);
        const char *mark = p.ctx == l.maxContext   ? (c.cpuOnly ? "longest in system RAM" : "longest with every layer on the GPU")
                           : p.ctx == c.requestCtx ? "the context asked for"
                                                   : nullptr;
        if (mark)
            out << std::string(15 - std::string(verdictName(p.verdict)).size(), ' ') << " <- " << mark;
        out << "\n";
    }
}

} // namespace

void printContextCurve(std::ostream &out, const ResolvedRequest &rr, const ContextCurve &c)
{
    const auto &r = rr.request;
    out << r.model->name << "  " << rr.quant->name << "  on " << r.engine->name << " (behaviour from "
        << r.engine->behaviourFor(r.engineVersion).from << ")\n";
    out << "memory against context per sequence on " << whereText(rr, c) << "; GiB, trained maximum " << c.modelMaxContext << " tokens\n";
    out << "KV grows with the context in " << c.growingLayers << " of " << c.layers << " blocks";
    if (c.window > 0)
        out << " (the others cache a " << c.window << "-token sliding window)";
    else if (c.growingLayers < c.layers)
        out << " (the others keep a fixed state or no cache)";
    out << "\nother = runtime overhead + vision projector; on GPU = the GPUs' total (the rest is in system RAM)\n";
    for (const auto &l : c.lines) {
        out << "\n" << variantText(l.variant) << (l.chosen ? " (as asked)" : "") << ": ";
        if (l.status != VariantStatus::Runs) {
            out << statusText(rr, c, l) << "\n";
            continue;
        }
        if (l.maxContext > 0)
            out << "longest context " << (c.cpuOnly ? "in system RAM " : "on the GPU ") << l.maxContext << " tokens\n";
        else
            out << (c.cpuOnly ? "does not fit in system RAM at any context\n" : "no context keeps every layer on the GPU\n");
        printLine(out, c, l);
    }
}

nlohmann::json contextCurveJson(const ResolvedRequest &rr, const ContextCurve &c)
{
    const auto &r = rr.request;
    nlohmann::json lines = nlohmann::json::array();
    for (const auto &l : c.lines) {
        nlohmann::json points = nlohmann::json::array();
        for (const auto &p : l.points)
            points.push_back({{"ctx", p.ctx},
                              {"parallel", p.parallel},
                              {"weights_bytes", p.weights},
                              {"kv_cache_bytes", p.kvCache},
                              {"compute_bytes", p.compute},
                              {"overhead_bytes", p.overhead},
                              {"projector_bytes", p.projector},
                              {"gpu_total_bytes", p.gpuTotal},
                              {"host_total_bytes", p.hostTotal},
                              {"total_bytes", p.total()},
                              {"verdict", verdictName(p.verdict)},
                              {"gpu_layers", p.gpuLayers}});
        nlohmann::json same = nullptr;
        if (l.sameAs)
            same = {{"flash_attn", c.lines[*l.sameAs].variant.flashAttn}, {"kv_type", kvTypeName(c.lines[*l.sameAs].variant.kvType)}};
        lines.push_back({{"flash_attn", l.variant.flashAttn},
                         {"kv_type", kvTypeName(l.variant.kvType)},
                         {"status", variantStatusName(l.status)},
                         {"same_as", same},
                         {"chosen", l.chosen},
                         {"max_context", l.maxContext},
                         {"points", points}});
    }
    return {{"model", r.model->id},
            {"quant", rr.quant->id},
            {"engine", r.engine->id},
            {"engine_behaviour_from", r.engine->behaviourFor(r.engineVersion).from},
            {"usable_bytes", c.usable},
            {"cpu_only", c.cpuOnly},
            {"model_max_context", c.modelMaxContext},
            {"ctx", c.requestCtx},
            {"layers", c.layers},
            {"growing_layers", c.growingLayers},
            {"window", c.window},
            {"contexts", c.contexts},
            {"variants", lines}};
}

} // namespace headroom::cli
