// SPDX-License-Identifier: GPL-3.0-or-later
#include "text_report.h"

#include "result_text.h"
#include "rule_of_thumb_text.h"

#include <preset_text.h>

#include <headroom/offload_choice.h>
#include <headroom/speed.h>

#include <nlohmann/json.hpp>

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

void row(std::ostream &out, const DeviceUsage &d)
{
    out << "  " << std::left << std::setw(28) << d.name.substr(0, 27) << std::right << std::setw(9) << gib(d.weights) << std::setw(9)
        << gib(d.kvCache) << std::setw(9) << gib(d.compute) << std::setw(9) << gib(d.overhead) << std::setw(9) << gib(d.total())
        << std::setw(9) << (d.usable ? gib(d.usable) : std::string("?")) << "\n";
}

} // namespace

void printReport(std::ostream &out, const ResolvedRequest &rr, const Placement &p)
{
    const auto &r = rr.request;
    out << r.model->name << "  " << rr.quant->name << "  on " << r.engine->name << " (behaviour from " << p.engineVersion << ")\n";
    out << "context " << p.ctx << " x " << p.parallel << " sequence(s), KV " << kvTypeName(p.kvType) << ", flash attention "
        << (p.flashAttn ? "on" : "off") << "\n\n";
    out << "  " << std::left << std::setw(28) << "GiB" << std::right << std::setw(9) << "weights" << std::setw(9) << "KV" << std::setw(9)
        << "compute" << std::setw(9) << "overhead" << std::setw(9) << "total" << std::setw(9) << "usable"
        << "\n";
    for (const auto &d : p.devices)
        row(out, d);
    row(out, p.host);
    if (p.vision.included)
        out << "  (total includes the vision projector: " << p.vision.dtype << " " << gib(p.vision.weights) << " GiB weights + "
            << gib(p.vision.compute) << " GiB image compute; " << p.vision.tokensPerImage << " context tokens per image)\n";
    else if (p.vision.available)
        out << "  (vision projector not loaded: --vision adds it)\n";
    // With no GPU (a CPU-only machine) every layer and the context live in system RAM: say so, not "0 on GPU".
    const bool cpuOnly = p.devices.empty();
    out << "\nverdict: " << verdictName(p.verdict) << "  ("
        << (cpuOnly ? "all " + std::to_string(p.totalLayers) + " layers in system RAM"
                    : std::to_string(p.gpuLayers) + "/" + std::to_string(p.totalLayers) + " layers on GPU")
        << ", headroom " << gib(static_cast<Bytes>(std::max<long long>(p.headroomBytes(), 0)))
        << (p.headroomBytes() < 0 ? " (over by " + gib(static_cast<Bytes>(-p.headroomBytes())) + ")" : std::string()) << " GiB)\n";
    out << (cpuOnly ? "max context in system RAM: " : "max context on GPU: ") << p.maxContext << " tokens per sequence\n";
    // The ranges are what tests/data/speed.csv's check rows show, for a full offload (docs/accuracy.md, Speed).
    if (p.decodeTokensPerSecond > 0)
        out << "decode speed: ~" << std::fixed << std::setprecision(0) << p.decodeTokensPerSecond << " tokens/s"
            << (speedIsCalibrated(p) ? " (usually within +/-" + std::to_string(static_cast<int>(kDecodeUsualError * 100 + 0.5)) + " %)"
                                     : std::string())
            << "\n";
    if (p.prefillTokensPerSecond > 0)
        out << "prompt processing: ~" << std::fixed << std::setprecision(0) << p.prefillTokensPerSecond
            << " tokens/s (half of measured runs within +/-" << static_cast<int>(kPrefillMedianError * 100 + 0.5)
            << " %); a prompt filling the " << p.ctx << "-token context: first token after ~" << std::setprecision(1)
            << secondsToFirstToken(p, p.ctx) << " s\n";
    // Layers that spill to RAM, the MoE way instead: only the experts, the rest of every layer on the GPUs.
    if (const auto experts = expertOffloadFor(rr.request, p)) {
        const Placement &x = experts->placement;
        out << "expert offload instead: --n-cpu-moe " << experts->layers << " keeps the experts of " << experts->layers << " of "
            << rr.request.model->layers << " blocks in system RAM and the rest of every layer on the GPU: " << gib(devicesTotal(x))
            << " GiB on the GPU + " << gib(x.host.total()) << " GiB of RAM, " << verdictName(x.verdict);
        if (x.decodeTokensPerSecond > 0)
            out << ", decode ~" << std::fixed << std::setprecision(0) << x.decodeTokensPerSecond << " tokens/s (layer offload: ~"
                << p.decodeTokensPerSecond << ")";
        out << "\n";
    }
    out << options::ruleOfThumbLine(ruleOfThumb(rr), placementTotal(p)) << "\n";
    for (const auto n : p.notices)
        out << "note: " << options::describe(n) << "\n";
}

void printList(std::ostream &out, const Catalog &c, const std::string &what, bool json)
{
    nlohmann::json items = nlohmann::json::array();
    if (what == "models") {
        for (const auto &m : c.models()) {
            nlohmann::json tags = nlohmann::json::array();
            for (const auto &t : m.ollama)
                tags.push_back(t.tag);
            items.push_back({{"id", m.id},
                             {"name", m.name},
                             {"family", m.family},
                             {"hf_repo", m.hfRepo},
                             {"params", m.params},
                             {"moe", m.isMoe()},
                             {"ollama", tags}});
        }
    } else if (what == "quants") {
        for (const auto &q : c.quantizations())
            items.push_back({{"id", q.id}, {"name", q.name}, {"bpw", q.bpw}, {"engines", q.engines}});
    } else if (what == "gpus") {
        for (const auto &h : c.hardware())
            items.push_back({{"id", h.id},
                             {"name", h.name},
                             {"memory_bytes", h.memoryBytes},
                             {"bandwidth_gbs", h.bandwidthGBs},
                             {"kind", memoryKindName(h.kind)}});
    } else if (what == "metrics") {
        for (const auto &m : c.metrics())
            items.push_back({{"id", m.id},
                             {"name", m.name + " (" + std::to_string(m.scores.size()) + " models)"},
                             {"skill", skillName(m.skill)},
                             {"models_scored", m.scores.size()},
                             {"default", &m == &c.defaultMetric()},
                             {"evaluation", m.evaluation},
                             {"source", m.source}});
    } else if (what == "presets") {
        for (const auto &p : c.presets()) {
            const auto *engine = c.findEngine(p.engine);
            auto item = options::presetJson(p, {});
            item.erase("kept_from_user");
            // The name line says what the preset sets; "your engine" where it keeps the user's.
            item["name"] = options::presetSummary(p, {}, engine ? engine->name : std::string("your engine"), p.parallel, p.ctx);
            item["why"] = p.why;
            item["source"] = p.source;
            items.push_back(std::move(item));
        }
    } else {
        for (const auto &e : c.engines())
            items.push_back({{"id", e.id}, {"name", e.name}, {"latest_known", e.latestVersion()}});
    }
    if (json) {
        out << items.dump(2) << "\n";
        return;
    }
    for (const auto &i : items) {
        out << std::left << std::setw(34) << i["id"].get<std::string>() << " " << i["name"].get<std::string>();
        if (i.contains("ollama") && !i["ollama"].empty()) {
            out << "  [";
            bool first = true;
            for (const auto &t : i["ollama"]) {
                out << (first ? "" : " ") << t.get<std::string>();
                first = false;
            }
            out << "]";
        }
        out << "\n";
    }
}

} // namespace headroom::cli
