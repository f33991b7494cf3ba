// SPDX-License-Identifier: GPL-3.0-or-later
// Engine behaviour is data: what engines.json declares is what the estimate does, a new engine of a known
// family is a catalog entry, and a key nothing reads is refused.
#include "test_catalog.h"

#include <headroom/compute_buffer.h>
#include <headroom/devices.h>
#include <headroom/engine_inventory.h>
#include <headroom/estimator.h>
#include <headroom/placement_json.h>

#include <nlohmann/json.hpp>

#include <QtTest>

#include <filesystem>
#include <memory>

using namespace headroom;
using nlohmann::json;

namespace {

using test::shippedSources;

/** A catalog model sized for `engineId` on `gpus`, built without the resolver (it is tested elsewhere). */
struct Sized {
    const Catalog &catalog;
    const ModelSpec *model = nullptr;
    std::unique_ptr<TensorInventory> inventory;
    EstimateRequest request;

    Sized(const Catalog &c, const std::string &modelId, const std::string &quantId, const std::string &engineId,
          const std::vector<std::string> &gpus, const std::string &version = {})
        : catalog(c)
    {
        model = c.findModel(modelId);
        const auto *engine = c.findEngine(engineId);
        const auto *quant = c.findQuantization(quantId, engineId);
        if (!model || !engine || !quant)
            qFatal("test input missing: %s %s %s", modelId.c_str(), quantId.c_str(), engineId.c_str());
        inventory = std::make_unique<TensorInventory>(*buildInventory(*model, *quant, *engine));
        request.model = model;
        request.inventory = inventory.get();
        request.engine = engine;
        request.engineVersion = version;
        for (const auto &g : gpus)
            request.devices.push_back(deviceFromHardware(*c.findHardware(g)));
    }
};

bool hasNotice(const Placement &p, Notice n)
{
    return std::find(p.notices.begin(), p.notices.end(), n) != p.notices.end();
}

} // namespace

class TestEngineTraits : public QObject
{
    Q_OBJECT

private slots:
    void engineKindLivesInOneFile()
    {
        // The family enum may appear in the one file that maps families to strategies, nowhere else.
        const std::string needle = std::string("Engine") + "Kind";
        const std::filesystem::path root = HEADROOM_SOURCE_DIR;
        const std::filesystem::path allowed = root / "core" / "headroom" / "compute_buffer.cpp";
        QStringList offenders;
        for (const char *dir : {"core", "app", "tests", "benchmarks", "fuzz"}) {
            for (const auto &entry : std::filesystem::recursive_directory_iterator(root / dir)) {
                const auto ext = entry.path().extension();
                if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h"))
                    continue;
                if (entry.path() == allowed)
                    continue;
                if (test::readFile(entry.path().string()).find(needle) != std::string::npos)
                    offenders << QString::fromStdString(std::filesystem::relative(entry.path(), root).string());
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(", ")));
        QVERIFY(test::readFile(allowed.string()).find(needle) != std::string::npos);
    }

    void unknownKeyIsRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("find");
        QTest::addColumn<QString>("replace");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("field");
        QTest::newRow("model") << "models" << "\"id\": \"qwen3-8b\"," << "\"id\": \"qwen3-8b\", \"layer\": 36," << "qwen3-8b" << "layer";
        QTest::newRow("hardware") << "hardware" << "\"id\": \"rtx-4090\"," << "\"id\": \"rtx-4090\", \"tdp_w\": 450," << "rtx-4090" << "tdp_w";
        QTest::newRow("quant") << "quantizations" << "\"id\": \"Q4_K_M\"," << "\"id\": \"Q4_K_M\", \"bits\": 4," << "Q4_K_M" << "bits";
        QTest::newRow("engine trait") << "engines" << "\"compute_family\": \"vllm\"," << "\"compute_family\": \"vllm\", \"offload\": true," << "vllm.traits" << "offload";
        QTest::newRow("version row") << "engines" << "\"from\": \"b7400\"," << "\"from\": \"b7400\", \"fit_defualt\": \"on\"," << "llama.cpp.versions[7]" << "fit_defualt";
        QTest::newRow("top level") << "engines" << "\"schema\": 1," << "\"schema\": 1, \"engine\": []," << "" << "engine";
    }
    void unknownKeyIsRefused()
    {
        QFETCH(QString, file);
        QFETCH(QString, find);
        QFETCH(QString, replace);
        QFETCH(QString, entry);
        QFETCH(QString, field);
        auto s = shippedSources();
        std::string &text = file == "models" ? s.models : file == "hardware" ? s.hardware : file == "engines" ? s.engines : s.quantizations;
        const auto pos = text.find(find.toStdString());
        QVERIFY2(pos != std::string::npos, qPrintable(find));
        text.replace(pos, static_cast<std::size_t>(find.size()), replace.toStdString());
        const auto loaded = Catalog::load(s);
        const auto *e = std::get_if<CatalogError>(&loaded);
        QVERIFY(e);
        QCOMPARE(int(e->problem), int(CatalogError::Problem::UnknownField));
        QCOMPARE(QString::fromStdString(e->file), file + ".json");
        QCOMPARE(QString::fromStdString(e->entry), entry);
        QCOMPARE(QString::fromStdString(e->field), field);
    }

    void unknownComputeFamilyIsRefused()
    {
        auto s = shippedSources();
        const std::string find = "\"compute_family\": \"mlx\"";
        s.engines.replace(s.engines.find(find), find.size(), "\"compute_family\": \"tensorrt\"");
        const auto loaded = Catalog::load(s);
        const auto *e = std::get_if<CatalogError>(&loaded);
        QVERIFY(e);
        QCOMPARE(QString::fromStdString(e->field), QStringLiteral("compute_family"));
        QCOMPARE(QString::fromStdString(e->detail), QStringLiteral("tensorrt"));
    }

    void newEngineOfAKnownFamilyIsADataEntry_data()
    {
        QTest::addColumn<QString>("like");
        QTest::addColumn<QString>("newId");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("quant");
        QTest::addColumn<QString>("gpu");
        // Copies of an existing family under a new id (the shipped lmstudio and sglang entries differ in their rows).
        QTest::newRow("llama.cpp copy") << "llama.cpp" << "llama.cpp-copy" << "qwen2.5-14b-instruct" << "Q4_K_M" << "rtx-4090";
        QTest::newRow("vllm copy") << "vllm" << "vllm-copy" << "llama-3.1-8b-instruct" << "hf-bf16" << "h100-sxm-80gb";
    }
    void newEngineOfAKnownFamilyIsADataEntry()
    {
        QFETCH(QString, like);
        QFETCH(QString, newId);
        QFETCH(QString, model);
        QFETCH(QString, quant);
        QFETCH(QString, gpu);
        const auto s = test::withEngineCopy(like.toStdString(), newId.toStdString(), quant.toStdString());
        auto loaded = Catalog::load(s);
        QVERIFY(std::holds_alternative<Catalog>(loaded));
        const auto &c = std::get<Catalog>(loaded);
        const Sized original(c, model.toStdString(), quant.toStdString(), like.toStdString(), {gpu.toStdString()});
        const Sized added(c, model.toStdString(), quant.toStdString(), newId.toStdString(), {gpu.toStdString()});
        QCOMPARE(placementToJson(estimate(added.request)).dump(), placementToJson(estimate(original.request)).dump());
    }

    void ollamaFlashAttentionFollowsItsArchitectureList()
    {
        // Ollama 0.11.7+: "auto" turns flash attention on for the architectures in fs/ggml FlashAttention() only.
        const auto &c = test::shippedCatalog();
        const Sized qwen3(c, "qwen3-8b", "Q4_K_M", "ollama", {"rtx-4090"}, "0.15.5");
        const Sized llama(c, "llama-3.1-8b-instruct", "Q4_K_M", "ollama", {"rtx-4090"}, "0.15.5");
        QVERIFY(estimate(qwen3.request).flashAttn);
        QVERIFY(!estimate(llama.request).flashAttn);
        // 0.30.0 runs llama-server and passes --flash-attn auto: on for every architecture (llm/llama_server.go).
        const Sized llamaServer(c, "llama-3.1-8b-instruct", "Q4_K_M", "ollama", {"rtx-4090"}, "0.30.0");
        QVERIFY(estimate(llamaServer.request).flashAttn);
        // llama.cpp's own auto has no list: on for both.
        const Sized llamaCpp(c, "llama-3.1-8b-instruct", "Q4_K_M", "llama.cpp", {"rtx-4090"});
        QVERIFY(estimate(llamaCpp.request).flashAttn);
        // Before 0.11.7 it is off for every architecture.
        Sized old(c, "qwen3-8b", "Q4_K_M", "ollama", {"rtx-4090"}, "0.10.0");
        QVERIFY(!estimate(old.request).flashAttn);
    }

    void vllmLargeBatchExcludesA100_data()
    {
        QTest::addColumn<QString>("gpu");
        QTest::addColumn<uint>("tokens");
        // vllm/engine/arg_utils.py: >= 70 GiB and not an A100 -> 8192 batched tokens, else 2048.
        QTest::newRow("h100") << "h100-sxm-80gb" << 8192u;
        QTest::newRow("a100 80gb") << "a100-80gb" << 2048u;
        QTest::newRow("rtx 4090") << "rtx-4090" << 2048u;
    }
    void vllmLargeBatchExcludesA100()
    {
        QFETCH(QString, gpu);
        QFETCH(uint, tokens);
        const auto &c = test::shippedCatalog();
        const auto &vllm = *c.findEngine("vllm");
        const std::vector<DeviceSpec> devices{deviceFromHardware(*c.findHardware(gpu.toStdString()))};
        QCOMPARE(forwardTokens(vllm, vllm.behaviourFor(""), 32768, devices, std::nullopt, std::nullopt), tokens);
        // The V0 rows before 0.8.0 batch the whole context (up to 32K) on every card.
        QCOMPARE(forwardTokens(vllm, vllm.behaviourFor("0.7.1"), 16384, devices, std::nullopt, std::nullopt), 16384u);
    }

    void llamaCppFitsAnUnsetContext()
    {
        // Qwen2.5-32B Q4_K_M on a 24 GB card: the full 32K context does not fit with every layer on the GPU.
        const auto &c = test::shippedCatalog();
        const auto &fit = c.findEngine("llama.cpp")->traits.fit;
        Sized fitted(c, "qwen2.5-32b-instruct", "Q4_K_M", "llama.cpp", {"rtx-4090"});
        const auto p = estimate(fitted.request);
        QVERIFY(hasNotice(p, Notice::CtxFitted));
        QVERIFY(p.ctx >= fit.minCtx);
        QVERIFY(p.ctx < fitted.model->maxContext);
        QCOMPARE(p.gpuLayers, p.totalLayers);
        QVERIFY(p.headroomBytes() >= static_cast<long long>(fit.margin));
        // One more 256-cell step of context would eat into the margin.
        Sized longer(c, "qwen2.5-32b-instruct", "Q4_K_M", "llama.cpp", {"rtx-4090"});
        longer.request.ctx = p.ctx + 256;
        const auto q = estimate(longer.request);
        QVERIFY(q.headroomBytes() < static_cast<long long>(fit.margin) || q.gpuLayers < q.totalLayers);

        // A context the user sets is left alone; a build before --fit takes the model's context as it is.
        Sized given(c, "qwen2.5-32b-instruct", "Q4_K_M", "llama.cpp", {"rtx-4090"});
        given.request.ctx = 32768;
        QVERIFY(!hasNotice(estimate(given.request), Notice::CtxFitted));
        QCOMPARE(estimate(given.request).ctx, 32768u);
        Sized before(c, "qwen2.5-32b-instruct", "Q4_K_M", "llama.cpp", {"rtx-4090"}, "b7000");
        QCOMPARE(estimate(before.request).ctx, 4096u);
    }

    /** The shipped LM Studio and SGLang entries: their defaults as engines.json states them. */
    void lmStudioDefaults()
    {
        // LM Studio 0.4: context_length 4096 and 4 concurrent predictions, each with its own context.
        const auto &c = test::shippedCatalog();
        const Sized gguf(c, "llama-3.1-8b-instruct", "Q4_K_M", "lmstudio", {"rtx-4090"});
        const Placement p = estimate(gguf.request);
        QCOMPARE(p.ctx, 4096u);
        QCOMPARE(p.parallel, 4u);
        Sized one(c, "llama-3.1-8b-instruct", "Q4_K_M", "lmstudio", {"rtx-4090"});
        one.request.parallel = 1;
        const Placement single = estimate(one.request);
        QVERIFY(p.devices.front().kvCache > 3 * single.devices.front().kvCache);
        // Its MLX runtime runs on a Mac only, with the same 4096-token default.
        Sized mac(c, "qwen3-8b", "mlx-4bit", "lmstudio-mlx", {"apple-m4-max-64gb"});
        QVERIFY(!validateRequest(mac.request));
        QCOMPARE(estimate(mac.request).ctx, 4096u);
        Sized onGpu(c, "qwen3-8b", "mlx-4bit", "lmstudio-mlx", {"rtx-4090"});
        QVERIFY(validateRequest(onGpu.request));
    }

    void sglangSizesItsPoolFromTheWholeGpu()
    {
        // SGLang's mem_fraction_static covers weights and KV; its reserve holds the activations: the pool gets
        // more of an 80 GB card than vLLM's 0.9 leaves.
        const auto &c = test::shippedCatalog();
        const Sized sglang(c, "llama-3.1-8b-instruct", "hf-bf16", "sglang", {"h100-sxm-80gb"});
        const Sized vllm(c, "llama-3.1-8b-instruct", "hf-bf16", "vllm", {"h100-sxm-80gb"});
        const Placement s = estimate(sglang.request);
        const Placement v = estimate(vllm.request);
        QVERIFY(fitsOnGpus(s.verdict));
        QCOMPARE(s.ctx, sglang.model->maxContext);
        QVERIFY(s.devices.front().usable > v.devices.front().usable);
        // fp8 KV is offered, q8_0 (a llama.cpp type) is not.
        QVERIFY(c.findEngine("sglang")->traits.offers(KvType::Fp8));
        QVERIFY(!c.findEngine("sglang")->traits.offers(KvType::Q8_0));
    }

    void mlxRunsOnUnifiedMemoryOnly()
    {
        const auto &c = test::shippedCatalog();
        Sized onGpu(c, "qwen3-8b", "mlx-4bit", "mlx", {"rtx-4090"});
        const auto problem = validateRequest(onGpu.request);
        QVERIFY(problem);
        QCOMPARE(int(problem->code), int(RequestProblem::Code::EngineCannotLoadDevice));
        Sized onMac(c, "qwen3-8b", "mlx-4bit", "mlx", {"apple-m4-max-64gb"});
        QVERIFY(!validateRequest(onMac.request));
    }
};

QTEST_APPLESS_MAIN(TestEngineTraits)
#include "tst_engine_traits.moc"
