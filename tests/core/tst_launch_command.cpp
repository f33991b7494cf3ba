// SPDX-License-Identifier: GPL-3.0-or-later
// Launch commands: for every engine and every version row of engines.json, the command Headroom writes
// for a request reads back into that request (and re-estimates to the same placement); a few command
// lines are checked word for word against the engines' own documentation.
#include "test_catalog.h"

#include <headroom/estimator.h>
#include <headroom/launch_command.h>
#include <headroom/placement_json.h>

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace headroom;
using nlohmann::json;

namespace {

/** A request scenario; the quantization follows the engine's format. */
struct Scenario {
    const char *name;
    const char *model;
    std::vector<const char *> gpus;
    std::optional<std::uint32_t> ctx;
    std::optional<std::uint32_t> parallel;
    std::string kvType = "f16";
    FlashAttn flashAttn = FlashAttn::Auto;
    std::optional<int> gpuLayers;
    std::optional<std::uint32_t> ubatch;
    bool spread = false;
    std::optional<Bytes> hostRam;
};

std::vector<Scenario> scenarios()
{
    return {
        {"dense", "qwen2.5-7b-instruct", {"rtx-4090"}, 8192, {}, "f16", FlashAttn::Auto, {}, {}, false, {}},
        {"defaults", "llama-3.1-8b-instruct", {"rtx-4090"}, {}, {}, "f16", FlashAttn::Auto, {}, {}, false, {}},
        {"moe", "qwen3-30b-a3b", {"rtx-4090"}, 16384, 2, "f16", FlashAttn::On, {}, {}, false, {}},
        {"multi-gpu",
         "llama-3.1-70b-instruct",
         {"rtx-4090", "rtx-4090", "rtx-4090", "rtx-4090"},
         8192,
         {},
         "f16",
         FlashAttn::Auto,
         {},
         {},
         true,
         {}},
        {"partial offload", "llama-3.1-70b-instruct", {"rtx-4090"}, 8192, {}, "f16", FlashAttn::Auto, {}, {}, false, 128 * GiB},
        {"fixed layers", "qwen2.5-14b-instruct", {"rtx-3090"}, 4096, 1, "f16", FlashAttn::Off, 30, 256, false, 64 * GiB},
        {"quantized kv", "qwen2.5-14b-instruct", {"rtx-4090"}, 32768, 1, "q8_0", FlashAttn::On, {}, {}, false, {}},
        {"fp8 kv", "llama-3.1-8b-instruct", {"h100-sxm-80gb", "h100-sxm-80gb"}, 32768, 8, "fp8", FlashAttn::Auto, {}, {}, false, {}},
        {"mac fits", "qwen3-8b", {"apple-m4-max-64gb"}, 8192, 2, "f16", FlashAttn::Auto, {}, {}, false, {}},
        {"mac", "qwen2.5-32b-instruct", {"apple-m1-max-32gb"}, 8192, {}, "f16", FlashAttn::Auto, {}, {}, false, 32 * GiB},
    };
}

std::string quantFor(const EngineProfile &e)
{
    if (e.traits.loads(WeightFormat::Gguf))
        return "Q4_K_M";
    if (e.traits.loads(WeightFormat::Mlx))
        return "mlx-4bit";
    return "hf-bf16";
}

RequestInputs inputsFor(const Scenario &s, const std::string &engine, const std::string &version, const std::string &quant)
{
    RequestInputs in;
    in.model = s.model;
    in.quant = quant;
    in.engine = engine;
    in.engineVersion = version;
    in.ctx = s.ctx;
    in.parallel = s.parallel;
    in.ubatch = s.ubatch;
    in.kvType = s.kvType;
    in.flashAttn = s.flashAttn;
    in.gpuLayers = s.gpuLayers;
    in.spread = s.spread;
    in.hostRam = s.hostRam;
    for (const auto *g : s.gpus)
        in.gpus.emplace_back(g);
    return in;
}

bool gapFor(const LaunchCommand &c, LaunchSetting s)
{
    return std::any_of(c.gaps.begin(), c.gaps.end(), [&](const LaunchGap &g) { return g.setting == s; });
}

/** The steps as one line each: env prefixes, then the words (placeholders in <>); files as "> name". */
std::string lines(const LaunchCommand &c)
{
    std::string out;
    for (const auto &step : c.steps) {
        std::string line;
        if (step.kind == LaunchStepKind::WriteFile) {
            out += "> " + step.fileName + "\n" + (step.fileName == "Modelfile" ? step.fileText : std::string());
            continue;
        }
        for (const auto &[name, value] : step.env)
            line += name + "=" + value + " ";
        for (const auto &a : step.argv)
            line += (a.placeholder ? "<" + a.text + ">" : a.text) + " ";
        line.pop_back();
        out += line + "\n";
    }
    return out;
}

EstimateRequest atWiredLimit(EstimateRequest req, std::optional<std::uint64_t> mib)
{
    if (mib)
        for (auto &d : req.devices)
            if (d.kind == MemoryKind::Unified)
                d.wiredLimit = std::min<Bytes>(*mib * MiB, d.capacity);
    return req;
}

} // namespace

class TestLaunchCommand : public QObject
{
    Q_OBJECT

private slots:
    void everyEngineHasLaunchKnowledge()
    {
        for (const auto &e : test::shippedCatalog().engines()) {
            QVERIFY2(e.launch.has_value(), e.id.c_str());
            for (const auto &v : e.versions)
                QVERIFY2(launchOptionFor(e, LaunchSetting::Program, v.from) && launchOptionFor(e, LaunchSetting::Model, v.from),
                         (e.id + " " + v.from).c_str());
        }
    }

    void parsesBackIntoItsRequest_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("scenario");
        const auto all = scenarios();
        for (const auto &e : test::shippedCatalog().engines())
            for (const auto &v : e.versions)
                for (std::size_t i = 0; i < all.size(); ++i)
                    QTest::newRow((e.id + "@" + v.from + " " + all[i].name).c_str())
                        << QString::fromStdString(e.id) << QString::fromStdString(v.from) << static_cast<int>(i);
    }
    void parsesBackIntoItsRequest()
    {
        QFETCH(QString, engine);
        QFETCH(QString, version);
        QFETCH(int, scenario);
        const Catalog &c = test::shippedCatalog();
        const EngineProfile &e = *c.findEngine(engine.toStdString());
        const Scenario s = scenarios()[static_cast<std::size_t>(scenario)];
        const RequestInputs in = inputsFor(s, e.id, version.toStdString(), quantFor(e));
        auto resolved = resolveRequest(c, in);
        if (!std::holds_alternative<ResolvedRequest>(resolved))
            QSKIP("this engine does not take this request (device kind, KV type or format)");
        const auto &rr = std::get<ResolvedRequest>(resolved);
        const Placement p = estimate(rr.request);
        const LaunchCommand cmd = buildLaunchCommand(rr, in, p);
        QVERIFY(cmd.available);
        QCOMPARE(cmd.version, version.toStdString());
        const LaunchSettings back = parseLaunchCommand(cmd, e, cmd.version);
        QCOMPARE(back.wiredLimitMiB, cmd.wiredLimitMiB);
        const EstimateRequest limited = atWiredLimit(rr.request, cmd.wiredLimitMiB);
        const Placement placed = cmd.wiredLimitMiB ? estimate(limited) : p;
        if (cmd.wiredLimitMiB) {
            // The raised limit makes it fit, and one MiB less would not.
            QVERIFY(placed.verdict == Verdict::Fits || placed.verdict == Verdict::Tight);
            const Placement below = estimate(atWiredLimit(rr.request, *cmd.wiredLimitMiB - 1));
            QVERIFY(below.verdict != Verdict::Fits && below.verdict != Verdict::Tight);
        }

        // Every field the request stated comes back, unless the command says it could not state it.
        if (!gapFor(cmd, LaunchSetting::Ctx))
            QCOMPARE(back.ctx, in.ctx);
        if (!gapFor(cmd, LaunchSetting::Parallel))
            QCOMPARE(back.parallel, in.parallel);
        if (!gapFor(cmd, LaunchSetting::Ubatch))
            QCOMPARE(back.ubatch, in.ubatch);
        if (!gapFor(cmd, LaunchSetting::KvType))
            QCOMPARE(back.kvType.value_or("f16"), in.kvType);
        if (!gapFor(cmd, LaunchSetting::FlashAttn))
            QCOMPARE(back.flashAttn.value_or(FlashAttn::Auto), in.flashAttn);
        if (!gapFor(cmd, LaunchSetting::Spread))
            QCOMPARE(back.spread.value_or(false), in.spread);
        if (!gapFor(cmd, LaunchSetting::GpuLayers)) {
            // A version whose default is not "as many as fit" gets the count Headroom placed.
            if (in.gpuLayers || back.gpuLayers)
                QCOMPARE(back.gpuLayers.value_or(-1), in.gpuLayers.value_or(static_cast<int>(placed.gpuLayers)));
        }
        if (launchOptionFor(e, LaunchSetting::GpuSplit, cmd.version) && placed.devices.size() > 1) {
            QCOMPARE(back.gpuSplit.size(), placed.devices.size());
            for (std::size_t i = 0; i < placed.devices.size(); ++i)
                QCOMPARE(back.gpuSplit[i], placed.devices[i].layers);
        }
        if (launchOptionFor(e, LaunchSetting::TensorParallel, cmd.version))
            QCOMPARE(back.tensorParallel.value_or(1), static_cast<std::uint32_t>(rr.request.devices.size()));
        if (launchOptionFor(e, LaunchSetting::GpuMemoryUtilization, cmd.version))
            QCOMPARE(back.gpuMemoryUtilization.value_or(0.0), e.behaviourFor(cmd.version).gpuMemoryUtilization);
        for (const auto &g : cmd.gaps)
            QVERIFY2(!launchOptionFor(e, g.setting, cmd.version) || g.reason != LaunchGap::Reason::NotInVersion ||
                         g.setting == LaunchSetting::FlashAttn,
                     launchSettingName(g.setting));

        // The command means the request: applied to it (with what it could not state kept), it estimates the same.
        RequestInputs again = applyLaunchSettings(in, back);
        if (gapFor(cmd, LaunchSetting::Ctx))
            again.ctx = in.ctx;
        if (gapFor(cmd, LaunchSetting::Parallel))
            again.parallel = in.parallel;
        if (gapFor(cmd, LaunchSetting::Ubatch))
            again.ubatch = in.ubatch;
        if (gapFor(cmd, LaunchSetting::KvType))
            again.kvType = in.kvType;
        if (gapFor(cmd, LaunchSetting::FlashAttn))
            again.flashAttn = in.flashAttn;
        if (gapFor(cmd, LaunchSetting::GpuLayers))
            again.gpuLayers = in.gpuLayers;
        if (gapFor(cmd, LaunchSetting::Spread))
            again.spread = in.spread;
        auto reresolved = resolveRequest(c, again);
        QVERIFY(std::holds_alternative<ResolvedRequest>(reresolved));
        const Placement replayed = estimate(atWiredLimit(std::get<ResolvedRequest>(reresolved).request, cmd.wiredLimitMiB));
        json a = placementToJson(replayed);
        json b = placementToJson(placed);
        // A written -ngl that places nothing reads "partial offload" where the unset one said "does not fit".
        a.erase("verdict");
        b.erase("verdict");
        QCOMPARE(a.dump(), b.dump());
    }

    void goldenCommandLines_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("expected");
        // tools/server/README.md @ 00dc805: "-fa, --flash-attn [on|off|auto]", "-ctk, --cache-type-k TYPE",
        // "-ctv, --cache-type-v TYPE"; -ngl is left to --fit (PR #16653).
        QTest::newRow("llama-server b7400")
            << "llama.cpp"
            << "b7400" << 6 << "llama-server -m <Qwen2.5-14B-Instruct-Q4_K_M.gguf> -c 32768 -np 1 -ctk q8_0 -ctv q8_0 -fa on\n";
        // llama-server divides -c among its -np slots (n_ctx_slot = n_ctx / n_parallel): two sequences of 16K are -c 32768.
        QTest::newRow("llama-server two slots")
            << "llama.cpp"
            << "b7400" << 2 << "llama-server -m <Qwen3-30B-A3B-Q4_K_M.gguf> -c 32768 -np 2 -fa on\n";
        // Before PR #15434 -fa is a bare flag (issue ollama/ollama#4051: "pass the -fa flag to llama.cpp's server").
        QTest::newRow("llama-server b5436")
            << "llama.cpp"
            << "b5436" << 6 << "llama-server -m <Qwen2.5-14B-Instruct-Q4_K_M.gguf> -c 32768 -np 1 -ctk q8_0 -ctv q8_0 -fa -ngl 49\n";
        // ollama docs/faq.md: "OLLAMA_CONTEXT_LENGTH=8192 ollama serve"; OLLAMA_FLASH_ATTENTION=1, OLLAMA_KV_CACHE_TYPE=q8_0.
        QTest::newRow("ollama 0.6.7")
            << "ollama"
            << "0.6.7" << 6
            << "OLLAMA_CONTEXT_LENGTH=32768 OLLAMA_NUM_PARALLEL=1 OLLAMA_KV_CACHE_TYPE=q8_0 OLLAMA_FLASH_ATTENTION=1 ollama serve\n"
               "ollama run qwen2.5:14b\n";
        // Before OLLAMA_CONTEXT_LENGTH (v0.5.13) the context is a Modelfile PARAMETER (docs/modelfile.md: "PARAMETER num_ctx 4096").
        QTest::newRow("ollama 0.5.0") << "ollama"
                                      << "0.5.0" << 0
                                      << "> Modelfile\nFROM qwen2.5:7b\nPARAMETER num_ctx 8192\n"
                                         "ollama create qwen2.5:7b-headroom -f Modelfile\nollama run qwen2.5:7b-headroom\n";
        // docs.vllm.ai/en/stable/cli: "vllm serve meta-llama/Llama-2-7b-hf"; EngineArgs --kv-cache-dtype fp8, -tp.
        QTest::newRow("vllm serve 0.10.0") << "vllm"
                                           << "0.10.0" << 7
                                           << "vllm serve meta-llama/Llama-3.1-8B-Instruct --max-model-len 32768 --max-num-seqs 8 "
                                              "--kv-cache-dtype fp8 --tensor-parallel-size 2 "
                                              "--gpu-memory-utilization 0.9\n";
        // lmstudio-ai/docs 3_cli/0_local-models/load.md: "lms load <model_key> --context-length 4096"; the layer count and
        // the slots have no lms load flag, so they are listed as not stated.
        QTest::newRow("lms load") << "lmstudio"
                                  << "0.4.0" << 0 << "lms load <Qwen2.5-7B-Instruct-Q4_K_M.gguf> --context-length 8192\n";
        // sglang server_args.py: --model-path, --context-length, --max-running-requests, --kv-cache-dtype fp8_e4m3, --tp-size.
        QTest::newRow("sglang launch_server") << "sglang"
                                              << "0.5.0" << 7
                                              << "python -m sglang.launch_server --model-path meta-llama/Llama-3.1-8B-Instruct "
                                                 "--context-length 32768 --max-running-requests 8 --kv-cache-dtype fp8_e4m3 --tp-size 2\n";
        // A 32 GB M1 Max keeps 2/3 of its memory for the GPU; the sysctl step raises that limit first.
        QTest::newRow("mac llama-server")
            << "llama.cpp"
            << "b7400" << 9 << "sudo sysctl iogpu.wired_limit_mb=*\nllama-server -m <Qwen2.5-32B-Instruct-Q4_K_M.gguf> -c 8192\n";
    }
    void goldenCommandLines()
    {
        QFETCH(QString, engine);
        QFETCH(QString, version);
        QFETCH(int, scenario);
        QFETCH(QString, expected);
        const Catalog &c = test::shippedCatalog();
        const EngineProfile &e = *c.findEngine(engine.toStdString());
        const RequestInputs in = inputsFor(scenarios()[static_cast<std::size_t>(scenario)], e.id, version.toStdString(), quantFor(e));
        auto resolved = resolveRequest(c, in);
        QVERIFY(std::holds_alternative<ResolvedRequest>(resolved));
        const auto &rr = std::get<ResolvedRequest>(resolved);
        const LaunchCommand cmd = buildLaunchCommand(rr, in, estimate(rr.request));
        std::string got = lines(cmd);
        std::string want = expected.toStdString();
        if (const auto star = want.find('*'); star != std::string::npos) {
            QVERIFY(cmd.wiredLimitMiB.has_value());
            want.replace(star, 1, std::to_string(*cmd.wiredLimitMiB));
        }
        QCOMPARE(QString::fromStdString(got), QString::fromStdString(want)); // QString: a failure prints both
    }

    void versionWithoutTheOptionSaysSo()
    {
        // Ollama 0.11.7-0.12.3: flash attention is on by default for gemma3 and OLLAMA_FLASH_ATTENTION=0 is
        // not read yet (PR #12473, v0.12.4), so "off" cannot be stated.
        const Catalog &c = test::shippedCatalog();
        RequestInputs in = inputsFor(scenarios()[0], "ollama", "0.11.7", "Q4_K_M");
        in.flashAttn = FlashAttn::Off;
        const auto rr = std::get<ResolvedRequest>(resolveRequest(c, in));
        const LaunchCommand old = buildLaunchCommand(rr, in, estimate(rr.request));
        QVERIFY(gapFor(old, LaunchSetting::FlashAttn));
        in.engineVersion = "0.12.4";
        const auto rr2 = std::get<ResolvedRequest>(resolveRequest(c, in));
        const LaunchCommand now = buildLaunchCommand(rr2, in, estimate(rr2.request));
        QVERIFY(!gapFor(now, LaunchSetting::FlashAttn));
        QVERIFY(lines(now).find("OLLAMA_FLASH_ATTENTION=0") != std::string::npos);
    }

    void copiedEngineWritesTheSameCommand_data()
    {
        QTest::addColumn<QString>("like");
        QTest::addColumn<QString>("newId");
        QTest::addColumn<QString>("quant");
        QTest::newRow("llama.cpp copy") << "llama.cpp"
                                        << "llama.cpp-copy"
                                        << "Q4_K_M";
        QTest::newRow("vllm copy") << "vllm"
                                   << "vllm-copy"
                                   << "hf-bf16";
    }
    void copiedEngineWritesTheSameCommand()
    {
        // Launch knowledge is data: a copied entry gets it too.
        QFETCH(QString, like);
        QFETCH(QString, newId);
        QFETCH(QString, quant);
        const auto s = test::withEngineCopy(like.toStdString(), newId.toStdString(), quant.toStdString());
        auto loaded = Catalog::load(s);
        QVERIFY(std::holds_alternative<Catalog>(loaded));
        const auto &c = std::get<Catalog>(loaded);
        const auto commandFor = [&](const std::string &engine) {
            const RequestInputs in = inputsFor(scenarios()[0], engine, {}, quant.toStdString());
            const auto rr = std::get<ResolvedRequest>(resolveRequest(c, in));
            return lines(buildLaunchCommand(rr, in, estimate(rr.request)));
        };
        QCOMPARE(commandFor(newId.toStdString()), commandFor(like.toStdString()));
    }

    void unknownLaunchKeyIsRefused()
    {
        auto s = test::shippedSources();
        json engines = json::parse(s.engines);
        engines["engines"][0]["launch"]["options"][2]["flag_typo"] = "-x";
        s.engines = engines.dump();
        const auto loaded = Catalog::load(s);
        QVERIFY(std::holds_alternative<CatalogError>(loaded));
        QCOMPARE(std::get<CatalogError>(loaded).field, std::string("flag_typo"));
    }
};

QTEST_APPLESS_MAIN(TestLaunchCommand)
#include "tst_launch_command.moc"
