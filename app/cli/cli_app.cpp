// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_app.h"

#include "advise_report.h"
#include "catalog_location.h"
#include "cli_options.h"
#include "context_report.h"
#include "detect_report.h"
#include "explain_report.h"
#include "plan_report.h"
#include "quants_report.h"
#include "text_report.h"

#include <advice_json.h>
#include <csv_report.h>
#include <error_text.h>
#include <estimate_json.h>
#include <explanation_json.h>
#include <launch_command_text.h>
#include <markdown_report.h>
#include <plan_json.h>
#include <preset_text.h>
#include <quants_json.h>
#include <this_computer_request.h>

#include <headroom/apply_preset.h>
#include <headroom/estimator.h>
#include <headroom/explanation.h>
#include <headroom/io/library_scan.h>
#include <headroom/io/model_loader.h>
#include <headroom/launch_command.h>
#include <headroom/placement_json.h>
#include <headroom/plan.h>
#include <headroom/probe/local_probe.h>
#include <headroom/probe/system_detect.h>
#include <headroom/quant_explorer.h>
#include <headroom/request_for.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <memory>

namespace headroom::cli {
namespace {

using options::describe;

constexpr int kBadInput = 2;

std::variant<Catalog, std::string> loadCatalog(const std::filesystem::path &executable)
{
    std::string firstError;
    for (const auto &dir : catalogSearchPath(executable)) {
        std::error_code ec;
        if (!std::filesystem::exists(dir / "models.json", ec))
            continue;
        auto loaded = Catalog::loadDirectory(dir);
        if (auto *c = std::get_if<Catalog>(&loaded))
            return std::move(*c);
        // A catalog that exists but is broken is an error, not a reason to silently use another one.
        return describe(std::get<CatalogError>(loaded));
    }
    return std::string("no catalog found (set HEADROOM_CATALOG_DIR to the folder holding models.json)");
}

/** --model PATH: read the file's model; nullopt when the key is a catalog key. Prints the error itself. */
std::optional<int> loadFileModel(RequestInputs &inputs, std::ostream &err)
{
    if (!io::looksLikePath(inputs.model))
        return std::nullopt;
    auto loaded = io::loadModelPath(inputs.model);
    if (auto *e = std::get_if<io::IoError>(&loaded)) {
        err << "headroom-cli: " << io::describeIoError(*e) << "\n";
        return kBadInput;
    }
    inputs.file = std::make_shared<const FileModel>(std::move(std::get<FileModel>(loaded)));
    return std::nullopt;
}

/**
 * --gpu this / this-free: the detected devices (and RAM unless --ram) in their place. Detection runs only then.
 * A machine where nothing at all was found (no GPU, no RAM figure) is an error: there is nothing to size on.
 */
std::optional<int> expandThisComputer(const Catalog &catalog, RequestInputs &inputs, const probe::SystemProbe &probe, std::ostream &err)
{
    if (!options::mentionsThisComputer(inputs))
        return std::nullopt;
    const probe::Detection detection = probe::detectSystem(probe, catalog.hardware());
    options::applyThisComputer(inputs, detection, catalog.hardware());
    if (inputs.gpus.empty() && !inputs.hostRam) {
        err << "headroom-cli: --gpu this: no GPU and no system RAM figure detected on this computer (see headroom-cli detect)\n";
        return kBadInput;
    }
    return std::nullopt;
}

/** --print-command: the shell text, with what it could not state as comments, so the block pastes as is. */
void printLaunchCommand(std::ostream &out, const LaunchCommand &cmd)
{
    out << "\n";
    if (!cmd.available) {
        out << "# no launch command: engines.json has no launch options for " << cmd.engineId << " " << cmd.version << "\n";
        return;
    }
    out << "# launch command: " << cmd.engineId << " " << cmd.version;
    if (options::hasPlaceholder(cmd))
        out << " (replace <...> with your file or repository)";
    out << "\n";
    if (cmd.wiredLimitMiB)
        out << "# raises the Mac's GPU memory limit to " << *cmd.wiredLimitMiB << " MiB (until restart) so that it fits\n";
    for (const auto &g : cmd.gaps)
        out << "# not stated: " << launchSettingName(g.setting) << " " << g.value
            << (g.reason == LaunchGap::Reason::NotInVersion ? " (this version has no option for it; its default applies)\n"
                                                            : " (the option does not take this value)\n");
    out << options::launchCommandShell(cmd);
}

/**
 * estimate's, quants' and context's inputs: hardware given, `--gpu this` expanded and a model file read; or the exit
 * code, with the reason said on `err`. `what` ends the no-hardware message ("estimate", "curve").
 */
std::variant<RequestInputs, int> readInputs(const Catalog &catalog, const CliOptions &o, const probe::SystemProbe &probe, std::ostream &err,
                                            const char *what)
{
    if (o.inputs.gpus.empty() && !o.inputs.hostRam) {
        err << "headroom-cli: no hardware given: pass --gpu ID (see headroom-cli list gpus), --gpu this, or --ram GIB for a CPU-only "
            << what << "\n";
        return kBadInput;
    }
    RequestInputs inputs = o.inputs;
    if (const auto failed = expandThisComputer(catalog, inputs, probe, err))
        return *failed;
    if (const auto failed = loadFileModel(inputs, err))
        return *failed;
    return inputs;
}

int runEstimate(const Catalog &catalog, const CliOptions &o, const probe::SystemProbe &probe, std::ostream &out, std::ostream &err)
{
    auto read = readInputs(catalog, o, probe, err, "estimate");
    if (const int *failed = std::get_if<int>(&read))
        return *failed;
    const RequestInputs &inputs = std::get<RequestInputs>(read);
    auto resolved = resolveRequest(catalog, inputs);
    if (auto *e = std::get_if<ResolveError>(&resolved)) {
        err << "headroom-cli: " << describe(*e) << "\n";
        return kBadInput;
    }
    const auto &rr = std::get<ResolvedRequest>(resolved);
    const auto placement = estimate(rr.request);
    // The exports are app/options' formatters, the same ones the window's File > Export uses.
    const std::vector<Fix> fixes = o.format == Format::Markdown ? options::fixesFor(catalog, inputs, rr, placement) : std::vector<Fix>{};
    const options::EstimateReport report{&inputs, &rr, &placement, &fixes};
    switch (o.format) {
    case Format::Json: {
        auto j = options::estimateJson(report);
        if (const auto *preset = catalog.findPreset(o.preset))
            j["preset"] = options::presetJson(*preset, keptFromUser(*preset, o.stated));
        if (o.printCommand)
            j["launch"] = options::launchCommandJson(buildLaunchCommand(rr, inputs, placement));
        if (o.explain)
            j["explain"] = options::explanationJson(explain(rr.request, placement));
        out << j.dump(2) << "\n";
        break;
    }
    case Format::Markdown: out << options::markdownReport(report); break;
    case Format::Csv: out << options::csvReport(report); break;
    case Format::Text:
        if (const auto *preset = catalog.findPreset(o.preset))
            out << "Preset: "
                << options::presetSummary(*preset, keptFromUser(*preset, o.stated), rr.request.engine->name, placement.parallel,
                                          placement.ctx)
                << "\n";
        printReport(out, rr, placement);
        if (o.explain)
            printExplanation(out, rr, placement, explain(rr.request, placement));
        if (o.printCommand)
            printLaunchCommand(out, buildLaunchCommand(rr, inputs, placement));
        break;
    }
    return 0;
}

std::string engineName(const Catalog &catalog, const std::string &id)
{
    const auto *e = catalog.findEngine(id);
    return e ? e->name : id;
}

/** context: memory against context length per variant (docs/cli.md, "Context"); the hardware rules are estimate's. */
int runContext(const Catalog &catalog, const CliOptions &o, const probe::SystemProbe &probe, std::ostream &out, std::ostream &err)
{
    auto read = readInputs(catalog, o, probe, err, "curve");
    if (const int *failed = std::get_if<int>(&read))
        return *failed;
    const RequestInputs &inputs = std::get<RequestInputs>(read);
    auto resolved = resolveRequest(catalog, inputs);
    if (auto *e = std::get_if<ResolveError>(&resolved)) {
        err << "headroom-cli: " << describe(*e) << "\n";
        return kBadInput;
    }
    const auto &rr = std::get<ResolvedRequest>(resolved);
    const ContextCurve curve = contextCurve(rr.request);
    if (o.json)
        out << contextCurveJson(rr, curve).dump(2) << "\n";
    else
        printContextCurve(out, rr, curve);
    return 0;
}

int runAdvise(const Catalog &catalog, const CliOptions &o, const probe::SystemProbe &probe, std::ostream &out, std::ostream &err)
{
    if (o.inputs.gpus.empty() && !o.inputs.hostRam) {
        err << "headroom-cli: advise needs hardware: pass --gpu ID (see headroom-cli list gpus), --gpu this, or --ram GIB for "
               "a CPU-only machine\n";
        return kBadInput;
    }
    RequestInputs inputs = o.inputs;
    if (const auto failed = expandThisComputer(catalog, inputs, probe, err))
        return *failed;
    AdviseOptions options;
    if (!o.advise.metric.empty()) {
        options.metric = catalog.findMetric(o.advise.metric);
        if (!options.metric) {
            std::vector<std::string> ids;
            for (const auto &m : catalog.metrics())
                ids.push_back(m.id);
            err << "headroom-cli: " << describe(UsageError{UsageError::Code::BadChoice, "--metric", o.advise.metric, ids}) << "\n";
            return kBadInput;
        }
    }
    if (!o.advise.family.empty()) {
        const std::vector<std::string> families = catalog.families();
        const bool known =
            std::any_of(families.begin(), families.end(), [&](const std::string &f) { return equalsIgnoreCase(f, o.advise.family); });
        if (!known) {
            err << "headroom-cli: " << describe(UsageError{UsageError::Code::BadChoice, "--family", o.advise.family, families}) << "\n";
            return kBadInput;
        }
        options.family = o.advise.family;
    }
    options.minTokensPerSecond = o.advise.minTokensPerSecond;
    options.allowPartialOffload = o.advise.partial;
    auto advised = advise(catalog, inputs, options);
    if (auto *e = std::get_if<ResolveError>(&advised)) {
        err << "headroom-cli: " << describe(*e) << "\n";
        return kBadInput;
    }
    const auto &advice = std::get<Advice>(advised);
    const Preset *preset = catalog.findPreset(o.preset);
    if (o.json) {
        auto j = options::adviceJson(catalog, advice, o.advise.top);
        if (preset)
            j["preset"] = options::presetJson(*preset, keptFromUser(*preset, o.stated));
        out << j.dump(2) << "\n";
    } else {
        if (preset) // the engine the sweep ran on, and the context and slots every candidate was sized at
            out << "Preset: "
                << options::presetSummary(*preset, keptFromUser(*preset, o.stated), engineName(catalog, advice.engine),
                                          inputs.parallel.value_or(1), inputs.ctx.value_or(0))
                << "\n";
        printAdvice(out, advice, catalog, o.advise.top);
    }
    // --print-command: how to start the first-ranked candidate.
    if (!o.json && o.printCommand && !advice.perModel.empty())
        if (const auto launch = options::candidateLaunch(catalog, advice.candidates[advice.perModel.front()]))
            printLaunchCommand(out, *launch);
    return 0;
}

/** Every quantization of one model on the estimate's hardware and settings, read as estimate reads them. */
int runQuants(const Catalog &catalog, const CliOptions &o, const probe::SystemProbe &probe, std::ostream &out, std::ostream &err)
{
    auto read = readInputs(catalog, o, probe, err, "estimate");
    if (const int *failed = std::get_if<int>(&read))
        return *failed;
    const RequestInputs &inputs = std::get<RequestInputs>(read);
    auto explored = exploreQuantizations(catalog, inputs);
    if (auto *e = std::get_if<ResolveError>(&explored)) {
        err << "headroom-cli: " << describe(*e) << "\n";
        return kBadInput;
    }
    const auto &exploration = std::get<QuantExploration>(explored);
    if (o.json)
        out << options::quantsJson(exploration).dump(2) << "\n";
    else
        printQuants(out, exploration);
    return 0;
}

/** What to buy: the catalog's hardware ranked for one model (docs/cli.md, "Plan"). */
int runPlan(const Catalog &catalog, const CliOptions &o, std::ostream &out, std::ostream &err)
{
    RequestInputs inputs = o.inputs;
    if (const auto failed = loadFileModel(inputs, err))
        return *failed;
    PlanOptions options;
    options.budget = o.plan.budget;
    options.currency = currencyFromName(o.plan.currency).value_or(Currency::Usd);
    options.minTokensPerSecond = o.plan.minTokensPerSecond.value_or(0.0);
    options.machines = o.plan.machines;
    options.sort = planSortFromName(o.plan.sort).value_or(PlanSort::Price);
    auto planned = plan(catalog, inputs, options);
    if (auto *e = std::get_if<ResolveError>(&planned)) {
        err << "headroom-cli: " << describe(*e) << "\n";
        return kBadInput;
    }
    const auto &p = std::get<Plan>(planned);
    const std::size_t top = o.plan.all ? 0 : o.plan.top;
    if (o.json)
        out << options::planJson(p, top).dump(2) << "\n";
    else
        printPlan(out, p, top);
    return 0;
}

std::string gibText(Bytes b)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f GiB", toGiB(b));
    return buf;
}

int runScan(const Catalog &catalog, const CliOptions &given, const probe::SystemProbe &probe, std::ostream &out, std::ostream &err)
{
    CliOptions o = given;
    if (const auto failed = expandThisComputer(catalog, o.inputs, probe, err))
        return *failed;
    std::vector<io::FoundModel> found;
    if (o.scanPaths.empty()) {
        found = io::scanLibraries(io::scanRootsFromEnvironment());
    } else {
        for (const auto &p : o.scanPaths) {
            std::error_code ec;
            if (!std::filesystem::exists(p, ec)) {
                err << "headroom-cli: " << p << ": byte 0: cannot open (no such file or folder)\n";
                return kBadInput;
            }
            for (auto &m : io::scanPath(p))
                found.push_back(std::move(m));
        }
    }
    const bool withVerdict = !o.inputs.gpus.empty() || o.inputs.hostRam;
    nlohmann::json items = nlohmann::json::array();
    for (const auto &m : found) {
        nlohmann::json item{{"name", m.displayName},
                            {"path", m.path.string()},
                            {"format", weightFormatName(m.format)},
                            {"size_bytes", m.sizeBytes},
                            {"library", io::libraryName(m.library)}};
        if (!m.ollamaTag.empty())
            item["ollama_tag"] = m.ollamaTag;
        if (!m.hfRepo.empty())
            item["hf_repo"] = m.hfRepo;
        if (withVerdict) {
            auto loaded = io::loadModelPath(m.path);
            if (auto *e = std::get_if<io::IoError>(&loaded)) {
                item["error"] = io::describeIoError(*e);
            } else {
                // The same request as the app's My models tab builds, so both size the file on the same engine.
                const RequestInputs inputs =
                    requestFor(catalog, m, std::make_shared<const FileModel>(std::move(std::get<FileModel>(loaded))), o.inputs);
                auto resolved = resolveRequest(catalog, inputs);
                if (auto *re = std::get_if<ResolveError>(&resolved)) {
                    item["error"] = describe(*re);
                } else {
                    const auto &rr = std::get<ResolvedRequest>(resolved);
                    const auto p = estimateVerdictOnly(rr.request);
                    item["verdict"] = verdictName(p.verdict);
                    item["quant"] = rr.quant->id;
                    item["engine"] = rr.request.engine->id;
                }
            }
        }
        items.push_back(std::move(item));
    }
    if (o.json) {
        out << items.dump(2) << "\n";
        return 0;
    }
    if (items.empty())
        out << "no models found\n";
    // Name column as wide as the longest name, so long Hugging Face paths do not push the others out of line.
    std::size_t nameWidth = 4;
    for (const auto &i : items)
        nameWidth = std::max(nameWidth, i["name"].get<std::string>().size());
    for (const auto &i : items) {
        out << std::left << std::setw(static_cast<int>(nameWidth)) << i["name"].get<std::string>() << " " << std::right << std::setw(12)
            << gibText(i["size_bytes"].get<Bytes>()) << "  " << std::left << std::setw(11) << i["format"].get<std::string>();
        if (i.contains("verdict"))
            out << " " << i["verdict"].get<std::string>();
        else if (i.contains("error"))
            out << " error: " << i["error"].get<std::string>();
        out << "\n";
    }
    return 0;
}

} // namespace

int run(const std::vector<std::string> &args, const std::filesystem::path &executable, std::ostream &out, std::ostream &err)
{
    const probe::LocalProbe machine;
    return run(args, executable, out, err, machine);
}

int run(const std::vector<std::string> &args, const std::filesystem::path &executable, std::ostream &out, std::ostream &err,
        const probe::SystemProbe &probe)
{
    const auto parsed = parseArguments(args);
    if (const auto *e = std::get_if<UsageError>(&parsed)) {
        err << "headroom-cli: " << describe(*e) << "\n";
        return kBadInput;
    }
    const auto &o = std::get<CliOptions>(parsed);
    if (o.command == Command::Help) {
        out << usageText();
        return 0;
    }
    if (o.command == Command::Version) {
        out << "headroom-cli " << HEADROOM_VERSION << "\n";
        return 0;
    }
    auto catalog = loadCatalog(executable);
    if (const auto *msg = std::get_if<std::string>(&catalog)) {
        err << "headroom-cli: " << *msg << "\n";
        return kBadInput;
    }
    const auto &c = std::get<Catalog>(catalog);
    CliOptions withPreset = o;
    if (!o.preset.empty()) {
        // A scenario sets the engine, context and slots it names; the user's own flags keep theirs.
        const Preset *preset = c.findPreset(o.preset);
        if (!preset) {
            std::vector<std::string> ids;
            for (const auto &p : c.presets())
                ids.push_back(p.id);
            err << "headroom-cli: " << describe(UsageError{UsageError::Code::BadChoice, "--preset", o.preset, ids}) << "\n";
            return kBadInput;
        }
        withPreset.preset = preset->id;
        withPreset.inputs = applyPreset(*preset, o.inputs, o.stated);
    }
    switch (o.command) {
    case Command::Estimate: return runEstimate(c, withPreset, probe, out, err);
    case Command::Advise: return runAdvise(c, withPreset, probe, out, err);
    case Command::Context: return runContext(c, withPreset, probe, out, err);
    case Command::Quants: return runQuants(c, withPreset, probe, out, err);
    case Command::Plan: return runPlan(c, withPreset, out, err);
    case Command::List: printList(out, c, o.listWhat, o.json); return 0;
    case Command::Scan: return runScan(c, o, probe, out, err);
    case Command::Detect: {
        const probe::Detection detection = probe::detectSystem(probe, c.hardware());
        if (o.json)
            out << detectionToJson(detection, c.hardware()).dump(2) << "\n";
        else
            printDetection(out, detection, c.hardware());
        return 0;
    }
    default: break;
    }
    return 0;
}

} // namespace headroom::cli
