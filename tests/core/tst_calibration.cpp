// SPDX-License-Identifier: GPL-3.0-or-later
// Checks the estimator against public measurements (tests/data/calibration.csv: rows of a public
// calibration set, each with its source). Each row has a role: "fit" when a constant in the code or the
// catalog was tuned to it, "check" when nothing was. The error on check rows is the accuracy Headroom
// claims (docs/accuracy.md); fit rows only show that the fit still holds. A malformed row fails the test
// with its line number instead of being skipped.
#include "calibration_replay.h"
#include "test_catalog.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <map>

using namespace headroom;
using namespace headroom::validation;

namespace {

struct Bound {
    double meanAbs;
    double maxAbs;
};

// Bounds on check rows: the accuracy docs/accuracy.md reports, rounded up from the last run. Tighten
// them as the model improves; never loosen them without saying why in the commit and in the docs.
const std::map<std::string, Bound> kCheckBounds{
    // llama.cpp 0.17/0.74 -> 0.01/0.01: the host and multi-GPU buffer rows that were off became fit rows with the rules they
    // showed (pipeline copies, the F32 host mask), and the new check rows (CPU only, partial-offload weights) match.
    // ollama 0.01/0.01 -> 0.03/0.22: ten check rows from two more load logs; phi-4's 23.01 MiB host buffer reads 5 MiB low.
    // mlx 0.06/0.09 -> 0.02/0.03: mlx PR #828's "GB" are GiB (its fp16 figure read as 10^9 B is below the weights).
    // llama.cpp 0.01/0.01 -> 0.02/0.36, vllm 0.03/0.03 -> 0.27/2.71, ollama 0.03 -> 0.02 mean: 28 llama.cpp, 14 Ollama and
    // 10 vLLM check rows from more logs (Metal, Strix Halo, 2026 builds, vLLM V0 and V1). What they miss is named in
    // docs/accuracy.md: the host buffer of a 2026 Qwen3-4B load (28.02 MiB, 36 % low), gpt-oss's Metal buffers (about
    // 5 % low), vLLM 0.6's profile at 35K tokens (0.06 GiB: a chunked-prefill budget not modelled, 270 % high).
    // transformers 0.08/0.23 -> 0.02/0.21: the Qwen3 benchmark reads what stays allocated after generation (weights +
    // KV), compared as such; Qwen3-1.7B's FP8 checkpoint, whose files nobody lists, reads up to 21 % low.
    // ollama 0.02/0.22 -> 0.19/2.87: a gpt-oss-120b load on Ollama's own engine (0.11.10): weights and KV exact, but
    // that engine reserves its compute graph in its own way (121.8 MiB where the llama.cpp-style estimate says 398).
    // llama.cpp 0.02 mean kept: Metal's buffer wraps the file from the GPU's first tensor to its last (MappedSpan), the
    // gpt-oss Metal rows are within 0.5 %. transformers 0.02/0.21 -> 0.01/0.03: Qwen3-1.7B-FP8's file is listed (2.47 GiB,
    // untied embeddings, models.json checkpoints), +1.1 %.
    // vllm 0.27/2.71 -> 0.02/0.08: V0 batches 512 tokens above 32K until 0.6.5 (engines.json long_context_batched_tokens,
    // from vLLM's source); the 35K profile that read 270 % high became a fit row for the logits' element size.
    // ollama 0.19/2.87 -> 0.02/0.22: gpt-oss's graph on Ollama's own engine (engines.json own_engine_graphs, from its
    // source through the vendored allocator) reads 121.75 MiB on the GPU and 5.62 on the host (logged 121.8 and 5.6).
    // llama.cpp 0.02/0.36 -> 0.05/1.00: check rows for families that had none (DeepSeek, GLM-4.5-Air, Granite, Mixtral
    // on a Mac, GLM-4-9B on Ollama) match their KV to the byte, but two partial offloads show what op offload builds and
    // is not all modelled: DeepSeek-V3 at -ngl 5 holds 88.01 MiB of host inputs where Headroom counts 22 (75 % low; its
    // GPU buffer is a fit row now), and Granite-3.1-2B at -ngl 0 on Vulkan keeps a whole scratch (562.75 MiB) on a GPU
    // with no layer, where a 2026 CUDA build at -ngl 0 keeps none (-100 %).
    // vllm 0.02/0.08 -> 0.03/0.09: 35 V1 check rows (llm-d-planner's vLLM v0.19.0 runs, TP 1-4): the profile's torch
    // peak within 4 % but Llama-4-Scout's (6.9 % low) with V1's sampler (one row fitted); weights within 1 % but
    // gpt-oss-20b's at TP 2 (8.7 % low: 7.01 GiB a rank where a split checkpoint gives 6.40, unexplained) and the
    // multimodal Gemma 3 and Llama 4 checkpoints (up to 6.6 % low). vllm 0.09 -> 0.15 max: Llama-3.1-8B run in float32
    // (--dtype float32) peaks at 2.21 GiB where the bf16 run holds 1.89; the sampler's size by dtype is not modelled.
    // transformers 0.01/0.03 -> 0.05/0.34: the Qwen2 speed benchmark (transformers 4.38.2) at a 1-token prompt, 16 check
    // rows: its peaks read 4-19 % low on BF16 (0.2-0.54 GiB above the 4.46 run of the same shapes, unexplained) and the
    // small quantized models up to 34 % low (as the Qwen2.5 fit rows of 0.5B and 1.5B AWQ do). Qwen3's rows stay within 2.8 %.
    {"llama.cpp", {0.05, 1.00}}, {"ollama", {0.02, 0.22}}, {"vllm", {0.03, 0.15}}, {"transformers", {0.05, 0.34}}, {"mlx", {0.02, 0.03}},
};

// Bounds on fit rows: a constant tuned to these rows drifting away from them is a regression.
// llama.cpp 0.08 -> 0.09 max: the live-set FFN of b9428+ (engines.json) adds about 1 % to the b9789 nvidia-smi totals.
// vllm 0.20/0.55 -> 0.04/0.18: the profile run's sampler explains vllm PR #10511 (TP 1 = TP 2) and vllm#13882.
// llama.cpp 0.09 -> 0.15 max: DeepSeek-V3 at -ngl 5 (row 6016), whose GPU buffer the weight copied from RAM brings from
// 70 % to 14.5 % low; the rest (526 MiB) is not explained.
const std::map<std::string, Bound> kFitBounds{
    {"llama.cpp", {0.02, 0.15}}, {"ollama", {0.02, 0.05}}, {"vllm", {0.04, 0.18}}, {"transformers", {0.06, 0.35}}, {"mlx", {0.05, 0.10}},
};

const char *kHeader = "id,role,engine,engine_version,model,quant,ctx,parallel,ubatch,flash_attn,kv_type,gpu,gpus,"
                      "gpu_layers,n_cpu_moe,ram,target,measured_bytes,kind,source_group,source\n";

} // namespace

class TestCalibration : public QObject
{
    Q_OBJECT

private slots:
    void malformedRowIsNamedByLine_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("problem");
        const QByteArray good = "1,check,llama.cpp,b5500,qwen3-8b,Q4_K_M,8192,1,,on,f16,rtx-4090,1,,,,device0.kv,"
                                "1207959552,exact allocation (log),g,https://example.org/log";
        QTest::newRow("column count") << QByteArray("2,check,llama.cpp,b5500,qwen3-8b") << "line 3: 5 fields";
        QTest::newRow("unknown role") << QByteArray(good).replace("1,check", "2,tuned") << "line 3: role 'tuned'";
        QTest::newRow("no role") << QByteArray(good).replace("1,check", "2,") << "line 3: missing role";
        QTest::newRow("non-numeric figure") << QByteArray(good).replace("1207959552", "1.2e9").replace("1,check", "2,check")
                                            << "line 3: measured_bytes '1.2e9' is not a whole number";
        QTest::newRow("non-numeric ctx") << QByteArray(good).replace(",8192,", ",8k,").replace("1,check", "2,check") << "line 3: ctx '8k'";
        QTest::newRow("missing source") << QByteArray(good).replace(",https://example.org/log", ",").replace("1,check", "2,check")
                                        << "line 3: missing source";
        QTest::newRow("unknown target") << QByteArray(good).replace("device0.kv", "device0.kvcache").replace("1,check", "2,check")
                                        << "line 3: unknown target";
        QTest::newRow("repeated id") << good << "line 3: id 1 repeats";
    }

    void malformedRowIsNamedByLine()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("calibration.csv");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kHeader);
        f.write("1,check,llama.cpp,b5500,qwen3-8b,Q4_K_M,8192,1,,on,f16,rtx-4090,1,,,,device0.kv,1207959552,"
                "exact allocation (log),g,https://example.org/log\n");
        f.write(row + "\n");
        f.close();
        const auto table = readTable(path.toStdString());
        QCOMPARE(table.rows.size(), std::size_t{1});
        QCOMPARE(table.problems.size(), std::size_t{1});
        QVERIFY2(QString::fromStdString(table.problems.front()).startsWith(problem), table.problems.front().c_str());
    }

    void shippedTableIsWellFormed()
    {
        const auto table = readTable(HEADROOM_TEST_DATA_DIR "/calibration.csv");
        for (const auto &p : table.problems)
            qWarning("calibration.csv %s", p.c_str());
        QVERIFY2(table.problems.empty(), "calibration.csv has malformed rows (see warnings above)");
        for (const auto &r : table.rows)
            QVERIFY2(kCheckBounds.count(r["engine"]), ("line " + std::to_string(r.line) + ": engine has no bound").c_str());
        QVERIFY(table.rows.size() > 100);
    }

    void errorPerEngineWithinBounds()
    {
        const auto table = readTable(HEADROOM_TEST_DATA_DIR "/calibration.csv");
        QVERIFY(table.problems.empty());
        const bool perRow = std::getenv("HEADROOM_CALIBRATION_ROWS") != nullptr;
        std::map<std::string, std::map<std::string, Stats>> stats; // role -> engine -> stats
        std::vector<std::string> failures;
        for (const auto &rp : replay(test::shippedCatalog(), table)) {
            const auto &r = *rp.row;
            if (!rp.failure.empty()) {
                failures.push_back("line " + std::to_string(r.line) + " (id " + r["id"] + "): " + rp.failure);
                continue;
            }
            const auto &engine = r["engine"];
            const double err = rp.error();
            const auto &role = r["role"];
            stats[role][engine].add(err);
            if (perRow)
                qInfo("%5s %-5s %-12s %-28s %-10s %-17s %-15s %+7.1f%%", r["id"].c_str(), role.c_str(), engine.c_str(), r["model"].c_str(),
                      r["quant"].c_str(), r["target"].c_str(), setupName(rp.setup), err * 100);
            const auto &bounds = role == "check" ? kCheckBounds : kFitBounds;
            if (std::abs(err) > bounds.at(engine).maxAbs)
                failures.push_back(role + " row " + r["id"] + " (" + r["model"] + " " + r["target"] + "): " + std::to_string(err * 100) +
                                   " %");
        }
        qInfo("%-6s %-13s %5s %9s %9s %9s", "role", "engine", "rows", "mean|e|", "max|e|", "bias");
        for (const char *role : {"check", "fit"}) {
            const auto &bounds = std::string(role) == "check" ? kCheckBounds : kFitBounds;
            for (const auto &[engine, bound] : bounds) {
                const auto it = stats[role].find(engine);
                if (it == stats[role].end()) {
                    qInfo("%-6s %-13s %5d %9s %9s %9s", role, engine.c_str(), 0, "-", "-", "-");
                    failures.push_back(engine + " has no " + role + " rows");
                    continue;
                }
                const auto &s = it->second;
                qInfo("%-6s %-13s %5zu %8.1f%% %8.1f%% %+8.1f%%", role, engine.c_str(), s.rows, s.meanAbs() * 100, s.maxAbs * 100,
                      s.bias() * 100);
                if (s.meanAbs() > bound.meanAbs)
                    failures.push_back(std::string(role) + " " + engine + ": mean |error| " + std::to_string(s.meanAbs() * 100) +
                                       " % above bound");
            }
        }
        for (const auto &f : failures)
            qWarning("%s", f.c_str());
        QVERIFY2(failures.empty(), "calibration bounds exceeded (see warnings above)");
    }
};

QTEST_APPLESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
