// SPDX-License-Identifier: GPL-3.0-or-later
// The quantization explorer on the shipped catalog: each row is exactly the estimate a user gets for that
// quantization alone (resolved from scratch), the rows are exactly the quantizations the engine loads, and each
// recovery is recovery.json's measurement at the model's size, or a gap where the studies have none.
#include "test_catalog.h"

#include <headroom/inventory_cache.h>
#include <headroom/io/gguf_model.h>
#include <headroom/quant_explorer.h>

#include <nlohmann/json.hpp>

#include <QtTest>

#include <set>

using namespace headroom;

namespace {

const Catalog &catalog()
{
    return test::shippedCatalog();
}

RequestInputs request(const char *model, std::vector<DeviceChoice> gpus, const char *engine = "", std::optional<std::uint32_t> ctx = 8192)
{
    RequestInputs in;
    in.model = model;
    in.engine = engine;
    in.gpus = std::move(gpus);
    in.ctx = ctx;
    in.hostRam = 64 * GiB;
    return in;
}

QuantExploration exploreOrFail(const RequestInputs &in, InventoryCache *cache = nullptr)
{
    auto x = exploreQuantizations(catalog(), in, cache);
    if (auto *e = std::get_if<ResolveError>(&x))
        qFatal("explore failed: %s %s", e->field.c_str(), e->value.c_str());
    return std::get<QuantExploration>(std::move(x));
}

const QuantRow *rowOf(const QuantExploration &x, const char *quant)
{
    for (const auto &r : x.rows)
        if (r.quant->id == quant)
            return &r;
    return nullptr;
}

/** recovery.json as the file says it, read apart from the catalog loader. */
const nlohmann::json &recoveryFile()
{
    static const nlohmann::json j = nlohmann::json::parse(test::readFile(std::string(HEADROOM_CATALOG_DIR) + "/recovery.json"));
    return j;
}

/** score / baseline of the file's row for `quant` evaluated on `evaluated`; fails when the file has no such row. */
double fileRecovery(const char *quant, const char *evaluated)
{
    for (const auto &s : recoveryFile()["studies"])
        for (const auto &r : s["rows"])
            if (r["quant"] == quant && r["evaluated"] == evaluated)
                return r["score"].get<double>() / r["baseline"].get<double>();
    qFatal("recovery.json has no %s row for %s", quant, evaluated);
}

} // namespace

Q_DECLARE_METATYPE(headroom::RequestInputs)

class TestQuantExplorer : public QObject
{
    Q_OBJECT

private slots:
    void rowsAreTheIndividualEstimates_data()
    {
        QTest::addColumn<RequestInputs>("inputs");
        QTest::newRow("dense Qwen3-8B, RTX 4090, llama.cpp") << request("qwen3-8b", {"rtx-4090"});
        QTest::newRow("dense Qwen3-8B, 8 GB card, 32K") << request("qwen3-8b", {"rtx-4060-8gb"}, "", 32768);
        QTest::newRow("MoE Qwen3-30B-A3B, RTX 3060 12 GB") << request("qwen3-30b-a3b", {"rtx-3060-12gb"});
        QTest::newRow("MoE Qwen3-30B-A3B, 2 x RTX 3090, vLLM") << request("qwen3-30b-a3b", {"rtx-3090", "rtx-3090"}, "vllm");
        QTest::newRow("MLA DeepSeek-V2-Lite, RTX 4090") << request("deepseek-v2-lite", {"rtx-4090"});
        QTest::newRow("MLA DeepSeek-V2-Lite, Ollama 0.5.7 tag context") << [] {
            RequestInputs in = request("deepseek-v2-lite", {"rtx-4090"}, "ollama", std::nullopt);
            in.engineVersion = "0.5.7";
            return in;
        }();
        QTest::newRow("vision Gemma 3 12B, Ollama (projector loaded)") << request("gemma-3-12b-it", {"rtx-4060-ti-16gb"}, "ollama");
        QTest::newRow("vision Qwen2.5-VL-7B, M4 16 GB, MLX") << request("qwen2.5-vl-7b-instruct", {"apple-m4-16gb"}, "mlx");
        QTest::newRow("Ollama tag, llama.cpp fitting the context") << request("deepseek-r1:32b", {"rtx-4090d"}, "llama.cpp", std::nullopt);
        QTest::newRow("CPU only") << request("qwen3-8b", {"cpu-desktop-ddr5-5600-2ch-64gb"});
    }

    /** Each row, re-resolved from its own inputs as `estimate --quant Q --engine E` would, gives the same numbers. */
    void rowsAreTheIndividualEstimates()
    {
        QFETCH(RequestInputs, inputs);
        InventoryCache cache;
        const QuantExploration x = exploreOrFail(inputs, &cache);
        QVERIFY(x.rows.size() >= 5);
        auto base = resolveRequest(catalog(), inputs);
        QVERIFY(std::holds_alternative<ResolvedRequest>(base));
        const EngineProfile *engine = std::get<ResolvedRequest>(base).request.engine;
        QCOMPARE(x.engine, engine);
        QCOMPARE(x.currentQuant, std::get<ResolvedRequest>(base).quant->id);
        QVERIFY(rowOf(x, x.currentQuant.c_str()));
        for (const auto &row : x.rows) {
            // The request a user would type for this quantization, built here, not taken from the row.
            RequestInputs alone = inputs;
            alone.quant = row.quant->id;
            alone.engine = engine->id;
            QCOMPARE(row.inputs.quant, alone.quant);
            QCOMPARE(row.inputs.engine, alone.engine);
            auto resolved = resolveRequest(catalog(), alone);
            QVERIFY2(std::holds_alternative<ResolvedRequest>(resolved), row.quant->id.c_str());
            const auto &rr = std::get<ResolvedRequest>(resolved);
            const Placement want = estimate(rr.request);
            const Placement &got = row.placement;
            QCOMPARE(rr.quant, row.quant);
            QCOMPARE(row.weights, rr.inventory->total());
            QCOMPARE(row.bitsPerWeight, static_cast<double>(rr.inventory->total()) * 8.0 / static_cast<double>(rr.inventory->parameterCount()));
            QCOMPARE(got.verdict, want.verdict);
            QCOMPARE(got.headroomBytes(), want.headroomBytes());
            QCOMPARE(got.gpuLayers, want.gpuLayers);
            QCOMPARE(got.totalLayers, want.totalLayers);
            QCOMPARE(got.ctx, want.ctx);
            QCOMPARE(got.parallel, want.parallel);
            QCOMPARE(got.maxContext, want.maxContext);
            QCOMPARE(got.decodeTokensPerSecond, want.decodeTokensPerSecond);
            QCOMPARE(got.devices.size(), want.devices.size());
            for (std::size_t i = 0; i < got.devices.size(); ++i) {
                QCOMPARE(got.devices[i].weights, want.devices[i].weights);
                QCOMPARE(got.devices[i].total(), want.devices[i].total());
            }
            QCOMPARE(got.host.total(), want.host.total());
            QCOMPARE(got.vision.included, want.vision.included);
        }
        // Smallest first.
        for (std::size_t i = 1; i < x.rows.size(); ++i)
            QVERIFY(x.rows[i - 1].weights <= x.rows[i].weights);
    }

    /** The rows are the catalog quantizations the engine loads, each once; none it does not load. */
    void rowsCoverExactlyWhatTheEngineLoads_data()
    {
        QTest::addColumn<RequestInputs>("inputs");
        QTest::addColumn<int>("expected"); // the count in quantizations.json, so a new entry has to be looked at here
        QTest::newRow("llama.cpp") << request("qwen3-8b", {"rtx-4090"}, "llama.cpp") << 31;
        QTest::newRow("Ollama tag") << request("deepseek-r1:32b", {"rtx-4090d"}) << 28;
        QTest::newRow("vLLM") << request("qwen3-8b", {"rtx-4090"}, "vllm") << 10;
        QTest::newRow("MLX") << request("qwen3-8b", {"apple-m4-max-128gb"}, "mlx") << 6;
    }

    /** gpt-oss's own MXFP4 checkpoint is its released precision there, and no row at all for a dense model, which it
     * would store exactly as BF16. */
    void expertsOnlyFormatShowsWhereItQuantizes()
    {
        const QuantExploration gptoss = exploreOrFail(request("gpt-oss-20b", {"h100-sxm-80gb"}, "vllm"));
        const QuantRow *own = rowOf(gptoss, "hf-mxfp4");
        QVERIFY(own);
        QCOMPARE(gptoss.currentQuant, std::string("hf-mxfp4"));
        const auto *recovery = std::get_if<Recovery>(&own->recovery);
        QVERIFY(recovery && recovery->lossless);
        QVERIFY(own->weights < rowOf(gptoss, "hf-bf16")->weights / 2);
        const QuantExploration dense = exploreOrFail(request("qwen3-8b", {"rtx-4090"}, "vllm"));
        QVERIFY(!rowOf(dense, "hf-mxfp4"));
        QCOMPARE(dense.nothingQuantized.size(), std::size_t{1});
    }

    void rowsCoverExactlyWhatTheEngineLoads()
    {
        QFETCH(RequestInputs, inputs);
        QFETCH(int, expected);
        const QuantExploration x = exploreOrFail(inputs);
        std::set<std::string> shown;
        for (const auto &r : x.rows)
            QVERIFY2(shown.insert(r.quant->id).second, r.quant->id.c_str());
        for (const auto *q : x.noLayout)
            QVERIFY2(shown.insert(q->id).second, q->id.c_str());
        for (const auto *q : x.nothingQuantized) // the experts-only hf-mxfp4 on dense Qwen3-8B
            QVERIFY2(shown.insert(q->id).second, q->id.c_str());
        std::set<std::string> loaded;
        for (const auto &q : catalog().quantizations())
            if (q.loadedBy(x.engine->id))
                loaded.insert(q.id);
        QCOMPARE(shown, loaded);
        QCOMPARE(static_cast<int>(loaded.size()), expected);
        QVERIFY(x.noLayout.empty()); // every one of them has a layout for these models
    }

    /** Recovery where recovery.json measured it at the model's size; a gap, never a figure, where it did not. */
    void recoveryIsTheStudiesMeasurement()
    {
        InventoryCache cache;
        // Gemma 3 27B: Unsloth's own MMLU runs on this very model.
        const QuantExploration gemma = exploreOrFail(request("gemma-3-27b-it", {"rtx-4090"}, "llama.cpp"), &cache);
        for (const char *quant : {"IQ1_S", "Q2_K", "Q4_K_M", "Q8_0"}) {
            const auto *row = rowOf(gemma, quant);
            QVERIFY(row);
            const auto *r = std::get_if<Recovery>(&row->recovery);
            QVERIFY2(r, quant);
            QVERIFY(!r->boundFrom);
            QCOMPARE(r->evidence.size(), std::size_t{1});
            QCOMPARE(r->evidence.front().study->id, std::string("unsloth-dynamic-2.0-gemma-3-27b"));
            QCOMPARE(r->measured, fileRecovery(quant, "gemma-3-27b-it"));
            QCOMPARE(r->factor, std::min(1.0, fileRecovery(quant, "gemma-3-27b-it")));
        }
        QVERIFY(std::get<Recovery>(rowOf(gemma, "BF16")->recovery).lossless);
        // MXFP4: no study measured it, and nothing of its format bounds it.
        QCOMPARE(std::get<QualityGap>(rowOf(gemma, "MXFP4")->recovery), QualityGap::NotMeasured);

        // Qwen3-8B: Q4_K_M is Intel's three 7-8B runs; IQ1_S was measured only on the 27B model, which loses less.
        const QuantExploration qwen = exploreOrFail(request("qwen3-8b", {"rtx-4090"}, "llama.cpp"), &cache);
        const auto &q4 = std::get<Recovery>(rowOf(qwen, "Q4_K_M")->recovery);
        QCOMPARE(q4.evidence.size(), std::size_t{3});
        const double mean =
            (fileRecovery("Q4_K_M", "Llama-3.1-8B") + fileRecovery("Q4_K_M", "Qwen2.5-7B-Instruct") + fileRecovery("Q4_K_M", "Qwen3-8B")) / 3.0;
        QVERIFY(std::abs(q4.measured - mean) < 1e-12);
        QCOMPARE(std::get<QualityGap>(rowOf(qwen, "IQ1_S")->recovery), QualityGap::MeasuredOnLarger);
        // Every row says what the advisor's measuredRecovery says, and each figure rests on rows of its own file.
        for (const auto &row : qwen.rows) {
            const auto want = measuredRecovery(catalog(), *row.quant, test::shippedModel("qwen3-8b"));
            QCOMPARE(row.recovery.index(), want.index());
            if (const auto *r = std::get_if<Recovery>(&row.recovery)) {
                QCOMPARE(r->factor, std::get<Recovery>(want).factor);
                const std::string measuredAs = r->boundFrom ? r->boundFrom->id : row.quant->id;
                for (const auto &e : r->evidence)
                    QCOMPARE(e.row->quant, measuredAs);
            }
        }
    }

    /** A model file: its own quantization keeps the file's exact tensors, the others lay its architecture out anew. */
    void modelFileKeepsItsOwnTensors()
    {
        // A golden header (tensor data left out, as in tests/io): parsed as the file reader parses it.
        const std::string header = test::readFile(std::string(HEADROOM_SOURCE_DIR) + "/tests/golden/gguf/open-llama-7b-v2-q4_k/header.gguf");
        auto parsed = io::parseGguf({reinterpret_cast<const std::uint8_t *>(header.data()), header.size()}, UINT64_MAX, "header.gguf");
        QVERIFY(std::holds_alternative<io::GgufFile>(parsed));
        auto model = io::ggufToModel(std::get<io::GgufFile>(parsed));
        QVERIFY(std::holds_alternative<io::GgufModel>(model));
        auto fileModel = std::make_shared<FileModel>();
        fileModel->spec = std::get<io::GgufModel>(model).spec;
        fileModel->inventory = std::get<io::GgufModel>(model).inventory;
        fileModel->quant = std::get<io::GgufModel>(model).quant;
        fileModel->path = "open-llama-7b-v2-q4_k.gguf";
        const std::shared_ptr<const FileModel> file = fileModel;
        RequestInputs in = request("open-llama-7b-v2-q4_k", {"rtx-4060-8gb"});
        in.file = file;
        const QuantExploration x = exploreOrFail(in);
        QVERIFY(!x.model);
        QCOMPARE(x.currentQuant, std::string("Q4_K_M"));
        const QuantRow *own = rowOf(x, "Q4_K_M");
        QVERIFY(own);
        QCOMPARE(own->weights, file->inventory->total());
        for (const auto &row : x.rows) {
            auto rr = resolveRequest(catalog(), row.inputs);
            QVERIFY(std::holds_alternative<ResolvedRequest>(rr));
            const auto &r = std::get<ResolvedRequest>(rr);
            QCOMPARE(row.weights, r.inventory->total());
            const Placement want = estimate(r.request);
            QCOMPARE(row.placement.verdict, want.verdict);
            QCOMPARE(row.placement.maxContext, want.maxContext);
            QCOMPARE(row.placement.headroomBytes(), want.headroomBytes());
        }
        QVERIFY(rowOf(x, "Q8_0")->weights > own->weights); // another quantization is a layout, not the file
    }

    /** The same errors as estimate, from the same resolver. */
    void errorsAreTheEstimates_data()
    {
        QTest::addColumn<RequestInputs>("inputs");
        QTest::newRow("unknown model") << request("qwen9-8b", {"rtx-4090"});
        QTest::newRow("unknown GPU") << request("qwen3-8b", {"rtx-9090"});
        QTest::newRow("bad engine version") << [] {
            RequestInputs in = request("qwen3-8b", {"rtx-4090"}, "ollama");
            in.engineVersion = "latest!";
            return in;
        }();
        QTest::newRow("engine too old for the architecture") << [] {
            RequestInputs in = request("qwen3-8b", {"rtx-4090"}, "llama.cpp");
            in.engineVersion = "b3000";
            return in;
        }();
        QTest::newRow("quant the engine does not load") << [] {
            RequestInputs in = request("qwen3-8b", {"rtx-4090"}, "vllm");
            in.quant = "Q4_K_M";
            return in;
        }();
    }

    void errorsAreTheEstimates()
    {
        QFETCH(RequestInputs, inputs);
        auto x = exploreQuantizations(catalog(), inputs);
        auto e = resolveRequest(catalog(), inputs);
        QVERIFY(std::holds_alternative<ResolveError>(x));
        QVERIFY(std::holds_alternative<ResolveError>(e));
        QCOMPARE(std::get<ResolveError>(x).code, std::get<ResolveError>(e).code);
        QCOMPARE(std::get<ResolveError>(x).field, std::get<ResolveError>(e).field);
        QCOMPARE(std::get<ResolveError>(x).suggestions, std::get<ResolveError>(e).suggestions);
    }

    /** The window reruns this on every keystroke with the inventories cached: the cached run gives the same rows. */
    void cachedExplorationIsTheSame()
    {
        InventoryCache cache;
        const RequestInputs in = request("qwen3-235b-a22b", {"rtx-4090"}, "llama.cpp", 32768);
        const QuantExploration first = exploreOrFail(in, &cache);
        const QuantExploration again = exploreOrFail(in, &cache);
        QCOMPARE(again.rows.size(), first.rows.size());
        for (std::size_t i = 0; i < first.rows.size(); ++i) {
            QCOMPARE(again.rows[i].quant->id, first.rows[i].quant->id);
            QCOMPARE(again.rows[i].weights, first.rows[i].weights);
        }
    }
};

QTEST_GUILESS_MAIN(TestQuantExplorer)
#include "tst_quant_explorer.moc"
