// SPDX-License-Identifier: GPL-3.0-or-later
// estimate_sweep: one line per catalog model x quantization x engine version x device set x context, with
// the estimate's JSON. Not a test: diff its output before and after a refactor to show that it moved no
// number (docs/architecture.md, "Checking that a refactor changes nothing").
#include <headroom/catalog.h>
#include <headroom/devices.h>
#include <headroom/engine_inventory.h>
#include <headroom/estimator.h>
#include <headroom/placement_json.h>

#include <nlohmann/json.hpp>

#include <iostream>
#include <string>
#include <vector>

using namespace headroom;

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: estimate_sweep CATALOG_DIR\n";
        return 2;
    }
    auto loaded = Catalog::loadDirectory(argv[1]);
    if (const auto *e = std::get_if<CatalogError>(&loaded)) {
        std::cerr << "estimate_sweep: catalog " << e->file << " " << e->entry << " " << e->field << ": " << e->detail << "\n";
        return 1;
    }
    const auto &catalog = std::get<Catalog>(loaded);
    // A 24 GB card, a Mac, an 80 GB datacenter card (vLLM's A100 rule), two cards (device policies).
    const std::vector<std::vector<std::string>> deviceSets{
        {"rtx-4090"}, {"apple-m4-max-64gb"}, {"a100-80gb"}, {"rtx-3090", "rtx-3090"}};
    for (const auto &model : catalog.models())
        for (const auto &quant : catalog.quantizations())
            for (const auto &engineId : quant.engines) {
                const auto &engine = *catalog.findEngine(engineId);
                const auto inventory = buildInventory(model, quant, engine);
                for (const auto &row : engine.versions)
                    for (const auto &set : deviceSets)
                        for (const std::uint32_t ctx : {0U, 32768U}) {
                            std::cout << model.id << ' ' << quant.id << ' ' << engine.id << '@' << row.from << ' '
                                      << set.front() << 'x' << set.size() << " ctx=" << ctx << ' ';
                            if (!inventory) {
                                std::cout << "no layout\n";
                                continue;
                            }
                            EstimateRequest r;
                            r.model = &model;
                            r.inventory = &*inventory;
                            r.engine = &engine;
                            r.engineVersion = row.from;
                            if (ctx > 0)
                                r.ctx = ctx;
                            for (const auto &id : set)
                                r.devices.push_back(deviceFromHardware(*catalog.findHardware(id)));
                            if (const auto problem = validateRequest(r)) {
                                std::cout << "invalid " << problem->field << '\n';
                                continue;
                            }
                            std::cout << placementToJson(estimate(r)).dump() << '\n';
                        }
            }
    return 0;
}
