// SPDX-License-Identifier: GPL-3.0-or-later
// A fix carries the request inputs it was priced on: resolving them again, as a front end does when it
// applies the fix, gives exactly the placement the advisor showed. Checked for every engine and every
// engine version row of engines.json, on requests that do not fit.
#include "test_catalog.h"

#include <headroom/advisor.h>
#include <headroom/placement_json.h>

#include <nlohmann/json.hpp>
#include <headroom/request_resolver.h>

#include <QtTest>

#include <map>
#include <set>

using namespace headroom;

namespace {

std::optional<ResolvedRequest> resolved(const RequestInputs &in)
{
    auto r = resolveRequest(test::shippedCatalog(), in);
    if (auto *rr = std::get_if<ResolvedRequest>(&r))
        return std::move(*rr);
    return std::nullopt;
}


/** The heaviest and a middle quantization the engine loads (by bits per weight), plus MXFP4 where it loads it. */
std::vector<const Quantization *> quantsFor(const EngineProfile &engine)
{
    std::vector<const Quantization *> loads;
    for (const auto &q : test::shippedCatalog().quantizations())
        if (q.loadedBy(engine.id))
            loads.push_back(&q);
    std::sort(loads.begin(), loads.end(), [](auto *a, auto *b) { return a->bpw > b->bpw; });
    std::vector<const Quantization *> out;
    if (loads.empty())
        return out;
    out.push_back(loads.front());
    out.push_back(loads[loads.size() / 2]);
    for (const auto *q : loads)
        if (q->id == "MXFP4")
            out.push_back(q);
    return out;
}

/** Device sets the engine runs on: a catalog card and a custom capacity; a Mac for unified memory. */
std::vector<std::vector<DeviceChoice>> devicesFor(const EngineProfile &engine)
{
    std::vector<std::vector<DeviceChoice>> out;
    if (engine.traits.runsOn(MemoryKind::Discrete)) {
        out.push_back({"rtx-4090"});
        out.push_back({CustomDevice{16 * GiB, MemoryKind::Discrete, 0.0}});
    }
    if (engine.traits.runsOn(MemoryKind::Unified))
        out.push_back({"apple-m4-max-36gb"});
    return out;
}

} // namespace

class TestFixes : public QObject
{
    Q_OBJECT

private slots:
    void fixInputsResolveToTheirPrice()
    {
        const auto &catalog = test::shippedCatalog();
        // Dense with GQA; MoE that Ollama lays out its own way; and an architecture every version row loads (the
        // oldest rows predate qwen3 and gpt-oss: engines.json `architectures`).
        const char *models[] = {"qwen3-32b", "gpt-oss-20b", "mistral-small-24b-instruct-2501"};
        std::size_t checked = 0;
        std::map<Fix::Kind, std::size_t> byKind;
        std::set<std::string> rowsWithFixes;
        std::set<std::string> rows;
        for (const auto &engine : catalog.engines()) {
            for (const auto &row : engine.versions) {
                const std::string rowKey = engine.id + "@" + row.from;
                rows.insert(rowKey);
                for (const char *model : models)
                    for (const auto *quant : quantsFor(engine))
                        for (const auto &devices : devicesFor(engine))
                            for (const std::optional<std::uint32_t> ctx : {std::optional<std::uint32_t>{}, std::optional<std::uint32_t>{32768}}) {
                                RequestInputs in;
                                in.model = model;
                                in.quant = quant->id;
                                in.engine = engine.id;
                                in.engineVersion = row.from;
                                in.ctx = ctx;
                                in.gpus = devices;
                                const auto rr = resolved(in);
                                if (!rr || fitsOnGpus(estimate(rr->request).verdict))
                                    continue;
                                for (const Fix &fix : suggestFixes(catalog, in, *rr)) {
                                    const std::string what = rowKey + " " + model + " " + quant->id + " fix " +
                                                             std::to_string(static_cast<int>(fix.kind));
                                    const auto again = resolved(fix.inputs);
                                    QVERIFY2(again, what.c_str());
                                    const auto price = placementToJson(estimate(again->request)).dump();
                                    QVERIFY2(price == placementToJson(fix.result).dump(), what.c_str());
                                    if (fix.kind == Fix::Kind::QuantizedKv) {
                                        // Priced with flash attention on: the inputs say so, whatever the version's default.
                                        QCOMPARE(fix.inputs.flashAttn, FlashAttn::On);
                                        QCOMPARE(again->request.kvType, KvType::Q8_0);
                                    }
                                    if (fix.kind == Fix::Kind::SmallerQuant)
                                        QCOMPARE(again->quant->id, fix.quant);
                                    ++checked;
                                    ++byKind[fix.kind];
                                    rowsWithFixes.insert(rowKey);
                                }
                            }
            }
        }
        qInfo("%zu fixes re-resolved (smaller quant %zu, shorter context %zu, q8_0 KV %zu, more GPUs %zu) over %zu engine version rows",
              checked, byKind[Fix::Kind::SmallerQuant], byKind[Fix::Kind::ShorterContext], byKind[Fix::Kind::QuantizedKv],
              byKind[Fix::Kind::MoreGpus], rows.size());
        for (const auto &row : rows) // every engine version row was exercised
            QVERIFY2(rowsWithFixes.count(row), ("no fix checked at " + row).c_str());
        for (const auto kind : {Fix::Kind::SmallerQuant, Fix::Kind::ShorterContext, Fix::Kind::QuantizedKv, Fix::Kind::MoreGpus})
            QVERIFY2(byKind[kind] > 0, "every kind of fix was checked");
    }

    void quantizedKvFixUnderEngineDefaultFlashAttention()
    {
        // Ollama's oldest row keeps flash attention off by default: a q8_0 cache left at "engine default"
        // would stay F16. The fix's inputs switch it on, so applying them gives the fix's price.
        const auto &catalog = test::shippedCatalog();
        const auto *ollama = catalog.findEngine("ollama");
        QVERIFY(ollama);
        RequestInputs in;
        in.model = "qwen2.5-32b-instruct"; // an architecture the oldest row loads (qwen3 arrived in 0.6.6)
        in.quant = "Q4_K_M";
        in.engine = "ollama";
        in.engineVersion = ollama->versions.front().from;
        in.ctx = 32768;
        in.gpus = {"rtx-4090"};
        QCOMPARE(in.flashAttn, FlashAttn::Auto);
        const auto rr = resolved(in);
        QVERIFY(rr);
        const auto fixes = suggestFixes(catalog, in, *rr);
        const auto kv = std::find_if(fixes.begin(), fixes.end(), [](const Fix &f) { return f.kind == Fix::Kind::QuantizedKv; });
        if (kv == fixes.end())
            QSKIP("no q8_0 KV fix fits for this request");
        QCOMPARE(kv->inputs.flashAttn, FlashAttn::On);
        QCOMPARE(kv->inputs.kvType, std::string("q8_0"));
    }
};

QTEST_MAIN(TestFixes)
#include "tst_fixes.moc"
