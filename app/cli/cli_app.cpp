// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_app.h"

#include "catalog_location.h"
#include "cli_options.h"
#include "error_text.h"
#include "text_report.h"

#include <headroom/estimator.h>
#include <headroom/placement_json.h>

#include <nlohmann/json.hpp>

namespace headroom::cli {
namespace {

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

int runEstimate(const Catalog &catalog, const CliOptions &o, std::ostream &out, std::ostream &err)
{
    if (o.inputs.gpus.empty() && !o.inputs.hostRam) {
        err << "headroom-cli: no hardware given: pass --gpu ID (see headroom-cli list gpus) or --ram GIB for a CPU-only estimate\n";
        return kBadInput;
    }
    auto resolved = resolveRequest(catalog, o.inputs);
    if (auto *e = std::get_if<ResolveError>(&resolved)) {
        err << "headroom-cli: " << describe(*e) << "\n";
        return kBadInput;
    }
    const auto &rr = std::get<ResolvedRequest>(resolved);
    const auto placement = estimate(rr.request);
    if (o.json) {
        auto j = placementToJson(placement);
        j["model"] = rr.request.model->id;
        j["quant"] = rr.quant->id;
        j["engine"] = rr.request.engine->id;
        j["weights_total_bytes"] = rr.inventory->total();
        out << j.dump(2) << "\n";
    } else {
        printReport(out, rr, placement);
    }
    return 0;
}

} // namespace

int run(const std::vector<std::string> &args, const std::filesystem::path &executable, std::ostream &out,
        std::ostream &err)
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
    switch (o.command) {
    case Command::Estimate: return runEstimate(c, o, out, err);
    case Command::List: printList(out, c, o.listWhat, o.json); return 0;
    case Command::Scan:
        err << "headroom-cli: scan is not available in this build\n";
        return kBadInput;
    default: break;
    }
    return 0;
}

} // namespace headroom::cli
