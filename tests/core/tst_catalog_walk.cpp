// SPDX-License-Identifier: GPL-3.0-or-later
// Walks the whole shipped catalog: every model, in every quantization an engine loads, on every engine
// version row, must estimate (or be refused with a code that names why), and every estimate must keep the
// invariants a user relies on. A new model, quantization or engine that breaks one fails here, naming it.
#include "test_catalog.h"

#include <headroom/devices.h>
#include <headroom/engine_inventory.h>
#include <headroom/estimator.h>
#include <headroom/placement_json.h>

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>
#include <map>
#include <set>
#include <string>

using namespace headroom;

namespace {

/** A device of each kind an engine can run on; big enough that most models place at least part of themselves. */
std::vector<DeviceSpec> devicesFor(const Catalog &catalog, const EngineProfile &engine)
{
    for (const auto *id : {"h200", "apple-m3-ultra-512gb"}) {
        const auto device = deviceFromHardware(*catalog.findHardware(id));
        if (engine.traits.runsOn(device.kind))
            return {device};
    }
    return {};
}

Bytes sumOf(const Placement &p, Bytes DeviceUsage::*field)
{
    Bytes sum = p.host.*field;
    for (const auto &d : p.devices)
        sum += d.*field;
    return sum;
}

/** Every number in the JSON contract is finite (a NaN or infinity would print as null and break scripts). */
bool allFinite(const nlohmann::json &j)
{
    if (j.is_number_float())
        return std::isfinite(j.get<double>());
    if (j.is_structured())
        for (const auto &v : j)
            if (!allFinite(v))
                return false;
    return true;
}

} // namespace

class TestCatalogWalk : public QObject
{
    Q_OBJECT

private slots:
    void everyModelEstimatesOnEveryEngineThatLoadsIt();
};

void TestCatalogWalk::everyModelEstimatesOnEveryEngineThatLoadsIt()
{
    const auto &catalog = test::shippedCatalog();
    std::map<std::string, std::set<std::string>> enginesPerModel;
    std::size_t estimates = 0;
    for (const auto &model : catalog.models()) {
        for (const auto &quant : catalog.quantizations()) {
            for (const auto &engineId : quant.engines) {
                const auto *engine = catalog.findEngine(engineId);
                QVERIFY2(engine, qPrintable(QString::fromStdString(quant.id + " names unknown engine " + engineId)));
                const auto where = QString::fromStdString(model.id + " " + quant.id + " " + engineId);
                const auto inventory = buildInventory(model, quant, *engine);
                QVERIFY2(inventory, qPrintable(where + ": no tensor layout"));
                QVERIFY2(inventory->total() > 0, qPrintable(where + ": an empty inventory"));
                const auto devices = devicesFor(catalog, *engine);
                QVERIFY2(!devices.empty(), qPrintable(where + ": no catalog device this engine runs on"));
                // The oldest and the newest behaviour row, the two ends of what the catalog claims to know, and
                // no version at all (the newest behaviour, which loads every architecture the catalog lists).
                const std::string unset;
                for (const auto *version : {&engine->versions.front().from, &engine->versions.back().from, &unset}) {
                    Bytes previousKv = 0;
                    Bytes weightsAtFirst = 0;
                    for (const std::uint32_t ctx : {2048U, 8192U}) {
                        const auto at = where + "@" + QString::fromStdString(*version) + " ctx " + QString::number(ctx);
                        EstimateRequest r;
                        r.model = &model;
                        r.inventory = &*inventory;
                        r.engine = engine;
                        r.engineVersion = *version;
                        r.ctx = ctx;
                        r.devices = devices;
                        if (const auto problem = validateRequest(r)) {
                            // The only acceptable refusal here: this engine version cannot load this architecture.
                            QVERIFY2(problem->code == RequestProblem::Code::EngineCannotLoadModel,
                                     qPrintable(at + ": refused, field " + QString::fromStdString(problem->field)));
                            break;
                        }
                        const Placement p = estimate(r);
                        ++estimates;
                        enginesPerModel[model.id].insert(engineId);
                        const Bytes weights = sumOf(p, &DeviceUsage::weights);
                        const Bytes kv = sumOf(p, &DeviceUsage::kvCache);
                        QVERIFY2(weights > 0, qPrintable(at + ": no weights placed"));
                        // Weights are what the file holds; an engine may add a copy (a tied output on the GPU),
                        // never drop a tensor.
                        QVERIFY2(weights >= inventory->total(), qPrintable(at + ": fewer weight bytes than the file"));
                        QVERIFY2(p.ctx >= ctx, qPrintable(at + ": context resolved below the request"));
                        QVERIFY2(kv >= previousKv, qPrintable(at + ": KV shrank as the context grew"));
                        if (weightsAtFirst == 0)
                            weightsAtFirst = weights;
                        QVERIFY2(weights == weightsAtFirst || p.verdict == Verdict::PartialOffload,
                                 qPrintable(at + ": weights changed with the context"));
                        previousKv = kv;
                        for (const auto &d : p.devices)
                            QVERIFY2(d.usable <= d.capacity, qPrintable(at + ": usable memory above capacity"));
                        QVERIFY2(allFinite(placementToJson(p)), qPrintable(at + ": a non-finite number in the JSON"));
                    }
                }
            }
        }
    }
    for (const auto &model : catalog.models())
        QVERIFY2(!enginesPerModel[model.id].empty(), qPrintable(QString::fromStdString(model.id + ": no engine estimates it")));
    qInfo("%zu estimates over %zu models", estimates, catalog.models().size());
}

QTEST_APPLESS_MAIN(TestCatalogWalk)
#include "tst_catalog_walk.moc"
