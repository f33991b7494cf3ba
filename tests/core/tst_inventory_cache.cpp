// SPDX-License-Identifier: GPL-3.0-or-later
// InventoryCache: one inventory per model x quantization x engine layout, the same as building it anew,
// and estimates from it the same as from a fresh build.
#include "test_catalog.h"

#include <headroom/devices.h>
#include <headroom/engine_inventory.h>
#include <headroom/estimator.h>
#include <headroom/inventory_cache.h>
#include <headroom/placement_json.h>

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace headroom;

namespace {

const Quantization &quant(const char *id)
{
    const auto *q = test::shippedCatalog().findQuantization(id);
    if (!q)
        qFatal("no quantization %s", id);
    return *q;
}

const EngineProfile &engine(const char *id)
{
    const auto *e = test::shippedCatalog().findEngine(id);
    if (!e)
        qFatal("no engine %s", id);
    return *e;
}

bool sameTensors(const TensorInventory &a, const TensorInventory &b)
{
    if (a.tensors.size() != b.tensors.size() || a.layers != b.layers || a.experts != b.experts || a.expertsUsed != b.expertsUsed)
        return false;
    for (std::size_t i = 0; i < a.tensors.size(); ++i) {
        const auto &x = a.tensors[i];
        const auto &y = b.tensors[i];
        if (x.name != y.name || x.layer != y.layer || x.ne != y.ne || x.storage != y.storage || x.bytes != y.bytes ||
            x.routedExpert != y.routedExpert)
            return false;
    }
    return true;
}

} // namespace

class TestInventoryCache : public QObject
{
    Q_OBJECT

private slots:
    void buildsOnceAndKeeps()
    {
        InventoryCache cache;
        const auto &m = test::shippedModel("deepseek-r1-distill-qwen-32b");
        const auto &q = quant("Q4_K_M");
        const auto &e = engine("llama.cpp");
        const TensorInventory *first = cache.get(m, q, e);
        QVERIFY(first);
        QCOMPARE(cache.size(), std::size_t{1});
        // Other entries do not move it.
        for (const auto &other : test::shippedCatalog().models())
            (void)cache.get(other, q, e);
        QCOMPARE(cache.get(m, q, e), first);
        QCOMPARE(cache.size(), test::shippedCatalog().models().size());
    }

    void sameAsBuildingAnew()
    {
        InventoryCache cache;
        const auto &e = engine("llama.cpp");
        for (const auto *id : {"Q4_K_M", "Q8_0", "F16"}) {
            const auto &q = quant(id);
            for (const auto &m : test::shippedCatalog().models()) {
                const auto built = buildInventory(m, q, e);
                const auto *cached = cache.get(m, q, e);
                QCOMPARE(cached != nullptr, built.has_value());
                if (cached)
                    QVERIFY2(sameTensors(*cached, *built), (m.id + " " + id).c_str());
            }
        }
    }

    void enginesShareALayoutButNotAnother()
    {
        // llama.cpp and vLLM lay GGUF out by llama-quantize's rules; Ollama's own gpt-oss conversion keeps
        // the non-expert tensors in BF16 (engines.json mix_variant), so it needs its own entry.
        InventoryCache cache;
        const auto &m = test::shippedModel("gpt-oss-20b");
        const auto &q = quant("MXFP4");
        const auto &llama = engine("llama.cpp");
        const auto &ollama = engine("ollama");
        QVERIFY(llama.traits.mixVariant != ollama.traits.mixVariant);
        const auto *forLlama = cache.get(m, q, llama);
        const auto *forOllama = cache.get(m, q, ollama);
        QVERIFY(forLlama && forOllama);
        QVERIFY(forLlama != forOllama);
        QCOMPARE(cache.size(), std::size_t{2});
        QCOMPARE(forOllama->total(), buildInventory(m, q, ollama)->total());
        QVERIFY(forOllama->total() > forLlama->total());
        for (const auto &other : test::shippedCatalog().engines())
            if (other.traits.mixVariant == llama.traits.mixVariant)
                QCOMPARE(cache.get(m, q, other), forLlama);
        QCOMPARE(cache.size(), std::size_t{2});
    }

    void noLayoutIsKeptToo()
    {
        InventoryCache cache;
        const auto &m = test::shippedModel("deepseek-r1-distill-qwen-32b");
        const auto &e = engine("llama.cpp");
        Quantization unknown = quant("Q4_K_M");
        unknown.id = "not-a-gguf-file-type";
        QVERIFY(!buildInventory(m, unknown, e));
        QVERIFY(!cache.get(m, unknown, e));
        QVERIFY(!cache.get(m, unknown, e));
        QCOMPARE(cache.size(), std::size_t{1});
        cache.clear();
        QCOMPARE(cache.size(), std::size_t{0});
    }

    void estimateFromCacheIsTheSame()
    {
        InventoryCache cache;
        const auto &catalog = test::shippedCatalog();
        const auto &e = engine("ollama");
        const auto &q = quant("Q4_K_M");
        for (const auto &m : catalog.models()) {
            const auto built = buildInventory(m, q, e);
            if (!built)
                continue;
            EstimateRequest r;
            r.model = &m;
            r.engine = &e;
            r.devices.push_back(deviceFromHardware(*catalog.findHardware("rtx-4090")));
            r.inventory = &*built;
            const auto fresh = placementToJson(estimate(r)).dump();
            r.inventory = cache.get(m, q, e);
            QCOMPARE(placementToJson(estimate(r)).dump(), fresh);
        }
    }
};

QTEST_APPLESS_MAIN(TestInventoryCache)
#include "tst_inventory_cache.moc"
