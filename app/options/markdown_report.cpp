// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdown_report.h"

#include "result_text.h"

#include <headroom/kv_type.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace headroom::options {
namespace {

/** Text that Markdown would otherwise read as markup (a card named "A|B" must not split a cell). */
std::string escaped(const std::string &s)
{
    std::string out;
    out.reserve(s.size());
    const auto wordChar = [&](std::size_t i) {
        return i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || static_cast<unsigned char>(s[i]) >= 0x80);
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        // An underscore inside a word (Q4_K_M) is never emphasis in CommonMark; only one at a word's edge is.
        const bool edgeUnderscore = c == '_' && !(i > 0 && wordChar(i - 1) && wordChar(i + 1));
        if (c == '\\' || c == '|' || c == '*' || c == '`' || c == '[' || c == ']' || c == '<' || edgeUnderscore)
            out += '\\';
        out += c;
    }
    return out;
}

/** An id, version or path: verbatim in a code span (backticks cannot occur in catalog keys; a path's are dropped). */
std::string code(const std::string &s)
{
    std::string clean;
    for (const char c : s)
        if (c != '`' && c != '\n' && c != '\r')
            clean += c;
    return "`" + clean + "`";
}

std::string bold(const ReportLabels &l, const std::string &label)
{
    return "**" + escaped(label) + escaped(l.colon) + "** ";
}

std::string cellsOf(const ReportLabels &l, const std::string &name, const DeviceUsage &d)
{
    std::ostringstream row;
    row << "| " << escaped(name) << " | " << gibCell(d.weights) << " | " << gibCell(d.kvCache) << " | " << gibCell(d.compute) << " | "
        << gibCell(d.overhead) << " | " << gibCell(d.total()) << " | " << (d.usable ? gibCell(d.usable) : escaped(l.unknown)) << " | "
        << d.layers << " |\n";
    return row.str();
}

std::string verdictWords(const ReportLabels &l, Verdict v)
{
    return l.verdictText ? l.verdictText(v) : describe(v);
}

/** "Fits · Headroom: 3.14 GiB" for a placement (the verdict line, and what a fix gives). */
std::string outcome(const ReportLabels &l, const Placement &p)
{
    const long long headroom = p.headroomBytes();
    std::string s = escaped(verdictWords(l, p.verdict));
    if (p.devices.empty())
        return s;
    if (headroom >= 0)
        s += " · " + bold(l, l.headroom) + gibCell(static_cast<Bytes>(headroom)) + " " + escaped(l.gib);
    else
        s += " · " + bold(l, l.overBy) + gibCell(static_cast<Bytes>(-headroom)) + " " + escaped(l.gib);
    return s;
}

} // namespace

std::string gibCell(Bytes bytes)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", toGiB(bytes));
    return buf;
}

std::string markdownReport(const EstimateReport &report, const ReportLabels &l)
{
    const ResolvedRequest &rr = *report.resolved;
    const Placement &p = *report.placement;
    const EstimateRequest &r = rr.request;
    std::ostringstream out;

    out << "# " << escaped(l.title) << " — " << escaped(r.model->name) << " · " << escaped(rr.quant->name) << " · "
        << escaped(r.engine->name) << "\n\n";
    out << bold(l, l.verdict) << outcome(l, p) << " · " << bold(l, l.layersOnGpu) << p.gpuLayers << "/" << p.totalLayers << "\n\n";

    const std::string unit = " (" + escaped(l.gib) + ")";
    out << "| " << escaped(l.device) << " | " << escaped(l.weights) << unit << " | " << escaped(l.kvCache) << unit << " | "
        << escaped(l.compute) << unit << " | " << escaped(l.overhead) << unit << " | " << escaped(l.total) << unit << " | "
        << escaped(l.usable) << unit << " | " << escaped(l.layers) << " |\n";
    out << "|:--|--:|--:|--:|--:|--:|--:|--:|\n";
    for (const auto &d : p.devices)
        out << cellsOf(l, d.name, d);
    out << cellsOf(l, l.hostRam, p.host);

    if (report.fixes && !report.fixes->empty()) {
        out << "\n## " << escaped(l.fixes) << "\n\n";
        for (const Fix &f : *report.fixes)
            out << "- " << escaped(l.fixText ? l.fixText(f) : describe(f)) << ": " << outcome(l, f.result) << "\n";
    }

    out << "\n## " << escaped(l.assumptions) << "\n\n";
    out << "- " << bold(l, l.model) << escaped(r.model->name) << " " << code(r.model->id) << "\n";
    if (report.inputs && report.inputs->file)
        out << "- " << bold(l, l.modelFile) << code(report.inputs->file->path) << "\n";
    out << "- " << bold(l, l.quantization) << escaped(rr.quant->name) << " · " << escaped(l.weights) << " "
        << gibCell(rr.inventory->total()) << " " << escaped(l.gib) << "\n";
    out << "- " << bold(l, l.engine) << escaped(r.engine->name);
    if (report.inputs && !report.inputs->engineVersion.empty() && report.inputs->engineVersion != p.engineVersion)
        out << " " << code(report.inputs->engineVersion);
    out << " · " << escaped(l.behaviourFrom) << " " << code(p.engineVersion) << "\n";
    out << "- " << bold(l, l.context) << p.ctx << " " << escaped(l.tokensPerSequence) << " · "
        << escaped(report.contextChosenByEngine() ? l.chosenByEngine : l.asRequested) << "\n";
    out << "- " << bold(l, l.parallel) << p.parallel << "\n";
    out << "- " << bold(l, l.kvType) << code(kvTypeName(p.kvType)) << "\n";
    out << "- " << bold(l, l.flashAttention) << escaped(p.flashAttn ? l.on : l.off) << "\n";
    out << "- " << bold(l, l.maxContext) << p.maxContext << " " << escaped(l.tokensPerSequence) << "\n";
    if (p.decodeTokensPerSecond > 0)
        out << "- " << bold(l, l.decodeSpeed) << "~" << std::llround(p.decodeTokensPerSecond) << " " << escaped(l.tokensPerSecond) << "\n";

    if (!p.notices.empty()) {
        out << "\n## " << escaped(l.notices) << "\n\n";
        for (const Notice n : p.notices)
            out << "- " << escaped(l.noticeText ? l.noticeText(n) : describe(n)) << "\n";
    }
    out << "\n_" << escaped(l.footer) << "_\n";
    return out.str();
}

} // namespace headroom::options
