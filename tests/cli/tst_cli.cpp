// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real headroom-cli binary: its JSON and exit codes are a contract (docs/cli.md). `detect` and
// `--gpu this` run in-process on recorded machines (tests/data/probe through a FakeProbe), never on this one.
#include "recorded_machine.h"

#include <cli_app.h>

#include <headroom/catalog.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <cmath>
#include <sstream>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(HEADROOM_CLI_PATH), args);
    if (!p.waitForFinished(20000))
        qFatal("headroom-cli did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

/** headroom-cli on a recorded machine (tests/data/probe/<machine>); `ran` gets the commands detection asked for. */
Run cliOn(const char *machine, const QStringList &args, std::vector<std::string> *ran = nullptr)
{
    const headroom::probe::FakeProbe probe =
        headroom::test::recordedMachine(std::filesystem::path(HEADROOM_TEST_DATA_DIR) / "probe" / machine);
    std::vector<std::string> argv;
    for (const QString &a : args)
        argv.push_back(a.toStdString());
    std::ostringstream out, err;
    const int rc = headroom::cli::run(argv, HEADROOM_CLI_PATH, out, err, probe);
    if (ran)
        *ran = probe.commandsRun();
    return {rc, QByteArray::fromStdString(out.str()), QByteArray::fromStdString(err.str())};
}

QJsonObject jsonOf(const Run &r)
{
    if (r.exitCode != 0)
        qFatal("headroom-cli failed: %s", r.err.constData());
    return QJsonDocument::fromJson(r.out).object();
}

qint64 bytes(const QJsonValue &v) { return static_cast<qint64>(v.toDouble()); }

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kGiB = 1024 * kMiB;

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void jsonContract()
    {
        const auto r = cli({"estimate", "--model", "deepseek-r1:32b", "--gpu", "rtx-4090d", "--json"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        QJsonParseError pe;
        const auto doc = QJsonDocument::fromJson(r.out, &pe);
        QCOMPARE(pe.error, QJsonParseError::NoError);
        const auto o = doc.object();
        for (const char *key : {"devices", "host", "verdict", "gpu_layers", "total_layers", "max_context",
                                "decode_tokens_per_second"})
            QVERIFY2(o.contains(key), key);
        const auto devices = o["devices"].toArray();
        QCOMPARE(devices.size(), 1);
        for (const char *key : {"name", "capacity_bytes", "usable_bytes", "weights_bytes", "kv_cache_bytes",
                                "compute_bytes", "overhead_bytes", "total_bytes"}) {
            QVERIFY2(devices[0].toObject().contains(key), key);
            QVERIFY2(o["host"].toObject().contains(key), key);
        }
        const auto d = devices[0].toObject();
        QCOMPARE(d["total_bytes"].toDouble(), d["weights_bytes"].toDouble() + d["kv_cache_bytes"].toDouble() +
                                                  d["compute_bytes"].toDouble() + d["overhead_bytes"].toDouble());
        QVERIFY(QStringList({"fits", "tight", "partial_offload", "does_not_fit"}).contains(o["verdict"].toString()));
    }

    /** --vision adds Gemma 3's mmproj (851,226,048 B, llama.cpp's logged 811.79 MiB) and one image's graph; --no-vision drops it. */
    void visionProjector()
    {
        const QStringList base{"estimate", "--model", "gemma-3-4b-it", "--engine", "llama.cpp", "--gpu", "rtx-4090", "--ctx", "8192", "--json"};
        const auto off = jsonOf(cli(base));
        QVERIFY(!off.contains("vision"));
        QVERIFY(!off["devices"].toArray()[0].toObject().contains("projector_bytes"));
        const auto on = jsonOf(cli(base + QStringList{"--vision"}));
        const auto v = on["vision"].toObject();
        QVERIFY(v["included"].toBool());
        QCOMPARE(bytes(v["weights_bytes"]), qint64(851226048));
        QCOMPARE(v["tokens_per_image"].toInt(), 256);
        QCOMPARE(v["dtype"].toString(), QString("F16"));
        const auto d0 = on["devices"].toArray()[0].toObject();
        const auto offD0 = off["devices"].toArray()[0].toObject();
        QCOMPARE(bytes(d0["total_bytes"]) - bytes(offD0["total_bytes"]), bytes(d0["projector_bytes"]));
        // Ollama loads it by default; --no-vision is the text model alone.
        const QStringList ollama{"estimate", "--model", "gemma3:4b", "--gpu", "rtx-4090", "--json"};
        QVERIFY(jsonOf(cli(ollama))["vision"].toObject()["included"].toBool());
        QVERIFY(!jsonOf(cli(ollama + QStringList{"--no-vision"})).contains("vision"));
        // The text report says what the total holds.
        const auto text = cli({"estimate", "--model", "gemma-3-4b-it", "--engine", "llama.cpp", "--gpu", "rtx-4090", "--vision"});
        QVERIFY(text.out.contains("vision projector: F16 0.79 GiB"));
    }

    void options_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        const QStringList base{"estimate", "--model", "qwen2.5:7b", "--json"};
        QTest::newRow("mixed cards") << base + QStringList{"--gpu", "rtx-3090", "--gpu", "rtx-3060-12gb", "--spread"} << "devices.size" << "2";
        QTest::newRow("n of a card") << base + QStringList{"--gpu", "tesla-p40", "--gpus", "3", "--spread"} << "devices.size" << "3";
        QTest::newRow("gpu layers") << base + QStringList{"--gpu", "rtx-4090", "--gpu-layers", "10"} << "gpu_layers" << "10";
        QTest::newRow("ngl above count = all") << base + QStringList{"--gpu", "rtx-4090", "--gpu-layers", "999"} << "gpu_layers" << "29";
        QTest::newRow("kv q8_0 with fa") << base + QStringList{"--gpu", "rtx-4090", "--kv-type", "q8_0", "--flash-attn", "on"} << "kv_type" << "q8_0";
        QTest::newRow("kv q8_0 without fa falls back") << base + QStringList{"--gpu", "rtx-4090", "--kv-type", "q8_0", "--flash-attn", "off"} << "kv_type" << "f16";
        QTest::newRow("old ollama default ctx") << base + QStringList{"--gpu", "rtx-4090", "--engine-version", "0.5.7"} << "ctx" << "2048";
        QTest::newRow("version newer than known") << base + QStringList{"--gpu", "rtx-4090", "--engine-version", "99.0.0"} << "engine_behaviour_from" << "0.30.0";
        QTest::newRow("batch clamps ubatch") << base + QStringList{"--gpu", "rtx-4090", "--ctx", "8192", "--flash-attn", "off", "--batch", "256", "--ubatch", "512"} << "devices.0.compute_MiB" << "246";
        QTest::newRow("ubatch alone") << base + QStringList{"--gpu", "rtx-4090", "--ctx", "8192", "--flash-attn", "off", "--ubatch", "512"} << "devices.0.compute_MiB" << "492";
        QTest::newRow("llama-server's default slots share one cache") << QStringList{"estimate", "--model", "qwen2.5-14b-instruct", "--engine", "llama.cpp", "--gpu", "rtx-4090", "--json"} << "parallel" << "1";
        QTest::newRow("before the unified cache: one slot") << QStringList{"estimate", "--model", "qwen2.5-14b-instruct", "--engine", "llama.cpp", "--engine-version", "b6000", "--gpu", "rtx-4090", "--json"} << "parallel" << "1";
        QTest::newRow("old ollama: 4 slots when they fit") << base + QStringList{"--gpu", "rtx-4090", "--engine-version", "0.5.7"} << "parallel" << "4";
        QTest::newRow("cpu only") << base + QStringList{"--ram", "32"} << "devices.size" << "0";
        QTest::newRow("quant override") << QStringList{"estimate", "--model", "deepseek-r1:7b", "--quant", "Q8_0", "--gpu", "rtx-4090", "--json"} << "quant" << "Q8_0";
        QTest::newRow("vllm bf16") << QStringList{"estimate", "--model", "Qwen/Qwen2.5-7B-Instruct", "--engine", "vllm", "--gpu", "a100-80gb", "--json"} << "quant" << "hf-bf16";
    }
    void options()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        const auto r = cli(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto o = QJsonDocument::fromJson(r.out).object();
        QString actual;
        if (key == "devices.0.compute_MiB")
            actual = QString::number(qint64(o["devices"].toArray()[0].toObject()["compute_bytes"].toDouble()) / (1024 * 1024));
        else if (key == "devices.size")
            actual = QString::number(o["devices"].toArray().size());
        else if (o[key].isString())
            actual = o[key].toString();
        else
            actual = QString::number(o[key].toDouble());
        QCOMPARE(actual, expected);
    }

    /** A CPU-only catalog machine (kind "cpu"): no device, every layer in its RAM, at its bandwidth. */
    void cpuOnlyMachine()
    {
        const auto r = cli({"estimate", "--model", "qwen3-8b", "--gpu", "cpu-desktop-ddr5-5600-2ch-64gb", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["devices"].toArray().size(), 0);
        QCOMPARE(o["gpu_layers"].toDouble(), 0.0);
        const auto host = o["host"].toObject();
        QCOMPARE(host["capacity_bytes"].toDouble(), 64.0 * 1024 * 1024 * 1024);
        QVERIFY(host["weights_bytes"].toDouble() > 0);
        QVERIFY(host["kv_cache_bytes"].toDouble() > 0);
        QVERIFY(QStringList({"fits", "tight"}).contains(o["verdict"].toString()));
        QVERIFY(o["decode_tokens_per_second"].toDouble() > 0);
        // The text report words it for a machine without a GPU.
        const auto text = cli({"estimate", "--model", "qwen3-8b", "--gpu", "cpu-desktop-ddr5-5600-2ch-64gb"});
        QVERIFY2(text.out.contains("all 37 layers in system RAM"), text.out.constData());
        QVERIFY2(text.out.contains("max context in system RAM: "), text.out.constData());
        QVERIFY(!text.out.contains("on GPU"));
        const auto list = cli({"list", "gpus"});
        QVERIFY(list.out.contains("cpu-desktop-ddr5-5600-2ch-64gb"));
        QVERIFY(list.out.contains("(CPU only)"));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        const QStringList gpu{"--gpu", "rtx-4090"};
        QTest::newRow("unknown model suggests") << QStringList{"estimate", "--model", "deepseek-r1:7bb"} + gpu << "deepseek-r1:7b";
        QTest::newRow("unknown gpu suggests") << QStringList{"estimate", "--model", "qwen3:8b", "--gpu", "rtx4090"} << "rtx-4090";
        QTest::newRow("unknown quant") << QStringList{"estimate", "--model", "qwen3:8b", "--quant", "Q9"} + gpu << "--quant";
        QTest::newRow("ctx zero") << QStringList{"estimate", "--model", "qwen3:8b", "--ctx", "0"} + gpu << "--ctx";
        QTest::newRow("ctx negative") << QStringList{"estimate", "--model", "qwen3:8b", "--ctx", "-5"} + gpu << "--ctx";
        QTest::newRow("ctx not a number") << QStringList{"estimate", "--model", "qwen3:8b", "--ctx", "lots"} + gpu << "--ctx";
        QTest::newRow("ctx absurd") << QStringList{"estimate", "--model", "qwen3:8b", "--ctx", "99999999999"} + gpu << "--ctx";
        QTest::newRow("missing value") << QStringList{"estimate", "--model", "qwen3:8b", "--gpu"} << "--gpu";
        QTest::newRow("no model") << QStringList{"estimate"} + gpu << "--model";
        QTest::newRow("no hardware") << QStringList{"estimate", "--model", "qwen3:8b"} << "--gpu";
        QTest::newRow("engine mismatch") << QStringList{"estimate", "--model", "qwen3:8b", "--engine", "vllm", "--quant", "Q4_K_M"} + gpu << "llama.cpp";
        QTest::newRow("mlx on nvidia") << QStringList{"estimate", "--model", "qwen3-8b", "--engine", "mlx"} + gpu << "Apple";
        QTest::newRow("vllm on a cpu-only machine") << QStringList{"estimate", "--model", "qwen3-8b", "--engine", "vllm", "--gpu", "cpu-desktop-ddr5-5600-2ch-64gb"} << "needs a GPU";
        QTest::newRow("bad engine version") << QStringList{"estimate", "--model", "qwen3:8b", "--engine-version", "latest"} + gpu << "--engine-version";
        QTest::newRow("unknown option") << QStringList{"estimate", "--modle", "qwen3:8b"} << "--modle";
        QTest::newRow("unknown command") << QStringList{"estimat"} << "estimat";
        QTest::newRow("list needs kind") << QStringList{"list", "cars"} << "models";
        QTest::newRow("gpus without gpu") << QStringList{"estimate", "--model", "qwen3:8b", "--gpus", "2", "--ram", "8"} << "--gpus";
        QTest::newRow("advise without hardware") << QStringList{"advise"} << "--gpu";
        QTest::newRow("advise unknown metric lists them") << QStringList{"advise", "--metric", "mmlu"} + gpu << "mmlu-redux-qwen3-report";
        QTest::newRow("advise unknown family lists them") << QStringList{"advise", "--family", "qwen9"} + gpu << "Qwen3";
        QTest::newRow("advise speed not a number") << QStringList{"advise", "--min-tokens-per-second", "fast"} + gpu << "--min-tokens-per-second";
        QTest::newRow("advise top zero") << QStringList{"advise", "--top", "0"} + gpu << "--top";
        QTest::newRow("advise metric needs a value") << QStringList{"advise"} + gpu + QStringList{"--metric"} << "--metric";
        QTest::newRow("context without model") << QStringList{"context"} + gpu << "--model";
        QTest::newRow("context without hardware") << QStringList{"context", "--model", "qwen3-8b"} << "--gpu";
        QTest::newRow("context unknown model suggests") << QStringList{"context", "--model", "qwen3-8bb"} + gpu << "qwen3-8b";
        QTest::newRow("context unknown kv type") << QStringList{"context", "--model", "qwen3-8b", "--kv-type", "q9"} + gpu << "--kv-type";
        QTest::newRow("context kv type the engine lacks")
            << QStringList{"context", "--model", "qwen3-8b", "--engine", "vllm", "--kv-type", "q8_0"} + gpu << "--kv-type";
        QTest::newRow("context has no markdown") << QStringList{"context", "--model", "qwen3-8b", "--format", "md"} + gpu << "json";
        QTest::newRow("context has no launch command")
            << QStringList{"context", "--model", "qwen3-8b", "--print-command"} + gpu << "--print-command";
        QTest::newRow("quants unknown model suggests") << QStringList{"quants", "--model", "deepseek-r1:7bb"} + gpu << "deepseek-r1:7b";
        QTest::newRow("quants no model") << QStringList{"quants"} + gpu << "quants needs --model";
        QTest::newRow("quants no hardware") << QStringList{"quants", "--model", "qwen3-8b"} << "--gpu";
        QTest::newRow("quants unknown gpu suggests") << QStringList{"quants", "--model", "qwen3-8b", "--gpu", "rtx4090"} << "rtx-4090";
        QTest::newRow("n-cpu-moe on ollama") << QStringList{"estimate", "--model", "qwen3-30b-a3b", "--engine", "ollama", "--n-cpu-moe", "4"} + gpu << "--n-cpu-moe";
        QTest::newRow("n-cpu-moe not a number") << QStringList{"estimate", "--model", "qwen3-30b-a3b", "--n-cpu-moe", "all"} + gpu << "--n-cpu-moe";
        QTest::newRow("plan no model") << QStringList{"plan"} << "plan needs --model";
        QTest::newRow("plan refuses hardware") << QStringList{"plan", "--model", "qwen3-8b"} + gpu << "ranks the catalog's hardware";
        QTest::newRow("plan unknown currency") << QStringList{"plan", "--model", "qwen3-8b", "--currency", "EUR"} << "USD, CNY";
        QTest::newRow("plan unknown sort") << QStringList{"plan", "--model", "qwen3-8b", "--sort", "fast"} << "price-per-tps";
        QTest::newRow("plan negative budget") << QStringList{"plan", "--model", "qwen3-8b", "--budget", "-1"} << "--budget";
        QTest::newRow("plan unknown model suggests") << QStringList{"plan", "--model", "deepseek-r1:7bb"} << "deepseek-r1:7b";
        QTest::newRow("quants engine too old") << QStringList{"quants", "--model", "qwen3-8b", "--engine", "llama.cpp", "--engine-version", "b3000"} + gpu << "qwen3";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const auto r = cli(args + QStringList{"--json"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.isEmpty(), "no partial output on error");
        const auto lines = QString::fromUtf8(r.err).trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.front().contains(mentions), qPrintable(lines.front()));
    }

    /** `context`: every point is `estimate` at that context and variant, the marker its max_context (docs/cli.md, "Context"). */
    void contextCurve()
    {
        const QStringList request{"--model", "gemma-3-27b-it", "--engine", "ollama", "--gpu", "rtx-4090", "--ctx", "8192"};
        const auto c = jsonOf(cli(QStringList{"context", "--json"} + request));
        for (const char *key : {"model", "quant", "engine", "engine_behaviour_from", "usable_bytes", "cpu_only", "model_max_context", "ctx",
                                "contexts", "variants"})
            QVERIFY2(c.contains(key), key);
        QCOMPARE(c["model_max_context"].toInt(), 131072);
        QCOMPARE(c["window"].toInt(), 1024); // Gemma 3: 52 of 62 blocks attend to a 1024-token window
        QCOMPARE(c["growing_layers"].toInt(), 10);
        QCOMPARE(c["contexts"].toArray().first().toInt(), 512);
        QCOMPARE(c["contexts"].toArray().last().toInt(), 131072);
        const auto variants = c["variants"].toArray();
        QCOMPARE(variants.size(), 6);
        int checked = 0;
        for (const auto &v : variants) {
            const auto o = v.toObject();
            const QString kv = o["kv_type"].toString();
            const QString fa = o["flash_attn"].toBool() ? "on" : "off";
            if (o["status"].toString() != "runs") {
                // Ollama keeps f16 without flash attention: said, with the line it equals, and nothing drawn.
                QCOMPARE(o["status"].toString(), QString("kv_quant_needs_flash_attn"));
                QCOMPARE(fa, QString("off"));
                QCOMPARE(o["same_as"].toObject()["kv_type"].toString(), QString("f16"));
                QVERIFY(o["points"].toArray().isEmpty());
                continue;
            }
            const auto asked = jsonOf(cli(QStringList{"estimate", "--json", "--kv-type", kv, "--flash-attn", fa} + request));
            QCOMPARE(o["max_context"].toInt(), asked["max_context"].toInt());
            for (const auto &pv : o["points"].toArray()) {
                const auto p = pv.toObject();
                if (p["ctx"].toInt() != 32768 && p["ctx"].toInt() != o["max_context"].toInt())
                    continue;
                const auto e =
                    jsonOf(cli(QStringList{"estimate", "--json", "--kv-type", kv, "--flash-attn", fa, "--model", "gemma-3-27b-it",
                                           "--engine", "ollama", "--gpu", "rtx-4090", "--ctx", QString::number(p["ctx"].toInt())}));
                const auto d = e["devices"].toArray()[0].toObject();
                const auto h = e["host"].toObject();
                QCOMPARE(bytes(p["gpu_total_bytes"]), bytes(d["total_bytes"]));
                QCOMPARE(bytes(p["host_total_bytes"]), bytes(h["total_bytes"]));
                QCOMPARE(bytes(p["kv_cache_bytes"]), bytes(d["kv_cache_bytes"]) + bytes(h["kv_cache_bytes"]));
                QCOMPARE(bytes(p["weights_bytes"]), bytes(d["weights_bytes"]) + bytes(h["weights_bytes"]));
                QCOMPARE(p["verdict"].toString(), e["verdict"].toString());
                ++checked;
            }
        }
        QCOMPARE(checked, 4 * 2); // flash on x f16 / q8_0 / q4_0 and flash off x f16, two contexts each
        const auto text = cli(QStringList{"context"} + request);
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("flash attention on, KV f16 (as asked): longest context on the GPU "), text.out.constData());
        QVERIFY(text.out.contains("<- the context asked for"));
        QVERIFY(text.out.contains("KV grows with the context in 10 of 62 blocks (the others cache a 1024-token sliding window)"));
        QVERIFY(text.out.contains("flash attention off, KV q8_0: same as flash attention off, KV f16: without flash attention Ollama keeps "
                                  "an f16 KV cache"));
    }

    void detectJson_data()
    {
        QTest::addColumn<QString>("machine");
        QTest::addColumn<int>("devices");
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<QString>("figure");
        QTest::addColumn<qint64>("free"); // -1: not reported
        QTest::addColumn<QString>("catalogId");
        QTest::addColumn<qint64>("ramTotal"); // -1: unknown
        // Figures as tests/data/probe/<machine>/SOURCE gives them (and tst_probe checks).
        QTest::newRow("nvidia 1 gpu") << "nvidia-rtx3060" << 1 << "nvidia" << 12288 * kMiB << "vram" << 12287 * kMiB
                                      << "rtx-3060-12gb" << 16268680 * qint64(1024);
        QTest::newRow("nvidia 2 gpus") << "nvidia-rtx4090x2" << 2 << "nvidia" << 24564 * kMiB << "vram" << 24057 * kMiB
                                       << "rtx-4090" << 16268680 * qint64(1024);
        QTest::newRow("amd discrete") << "amd-rx7900xtx" << 1 << "amd" << qint64(25753026560) << "vram" << qint64(-1)
                                      << "rx-7900-xtx" << 16268680 * qint64(1024);
        QTest::newRow("strix halo apu") << "amd-strix-halo" << 1 << "amd" << qint64(103079215104) << "gtt_total"
                                        << qint64(-1) << "custom" << qint64(-1);
        QTest::newRow("mac") << "mac-m1max" << 1 << "apple" << 32 * kGiB << "physical_memory" << qint64(-1)
                             << "apple-m1-max-32gb" << 32 * kGiB;
        QTest::newRow("no gpu") << "no-gpu" << 0 << "" << qint64(0) << "" << qint64(-1) << "" << 16268680 * qint64(1024);
    }
    void detectJson()
    {
        QFETCH(QString, machine);
        QFETCH(int, devices);
        QFETCH(QString, vendor);
        QFETCH(qint64, total);
        QFETCH(QString, figure);
        QFETCH(qint64, free);
        QFETCH(QString, catalogId);
        QFETCH(qint64, ramTotal);
        const auto o = jsonOf(cliOn(qPrintable(machine), {"detect", "--json"}));
        for (const char *key : {"devices", "system_memory", "cpu_name", "notes"})
            QVERIFY2(o.contains(key), key);
        const auto list = o["devices"].toArray();
        QCOMPARE(list.size(), devices);
        if (devices > 0) {
            const auto d = list[0].toObject();
            for (const char *key : {"vendor", "name", "source", "unified_memory", "total_bytes", "total_figure", "free_bytes",
                                    "free_figure", "vram_bytes", "gtt_bytes", "card", "catalog_id", "catalog_entry_used"})
                QVERIFY2(d.contains(key), key);
            QCOMPARE(d["vendor"].toString(), vendor);
            QCOMPARE(bytes(d["total_bytes"]), total);
            QCOMPARE(d["total_figure"].toString(), figure);
            QCOMPARE(d["free_bytes"].isNull() ? qint64(-1) : bytes(d["free_bytes"]), free);
            QCOMPARE(d["catalog_id"].toString(), catalogId);
        }
        const auto ram = o["system_memory"].toObject();
        QCOMPARE(ram["total_bytes"].isNull() ? qint64(-1) : bytes(ram["total_bytes"]), ramTotal);
    }

    void detectText()
    {
        const auto nvidia = cliOn("nvidia-rtx4090x2", {"detect"});
        QCOMPARE(nvidia.exitCode, 0);
        const QString n = QString::fromUtf8(nvidia.out);
        QVERIFY2(n.contains("GPU 1: NVIDIA  NVIDIA GeForce RTX 4090") && n.contains("total: 23.99 GiB  (VRAM)") &&
                     n.contains("free:  23.49 GiB  (driver's free figure)") && n.contains("catalog: rtx-4090") &&
                     n.contains("System RAM: total 15.52 GiB, available 7.98 GiB"),
                 qPrintable(n));
        // An APU says which figure it used, and that the catalog entry only lends its bandwidth.
        const QString apu = QString::fromUtf8(cliOn("amd-strix-halo", {"detect"}).out);
        QVERIFY2(apu.contains("GTT (mem_info_gtt_total)") && apu.contains("BIOS carve-out (VRAM): 4.00 GiB"), qPrintable(apu));
        const QString mac = QString::fromUtf8(cliOn("mac-m1max", {"detect"}).out);
        QVERIFY2(mac.contains("CPU: Apple M1 Max") && mac.contains("iogpu.wired_limit_mb"), qPrintable(mac));
        QVERIFY(cliOn("no-gpu", {"detect"}).out.contains("no GPU detected"));
        // A GPU that reports no memory (GB10 without /proc/meminfo) is listed, with the probe's notes as codes.
        const QString gb10 = QString::fromUtf8(cliOn("nvidia-gb10", {"detect"}).out);
        QVERIFY2(gb10.contains("total: unknown") && gb10.contains("note: nvidia_memory_not_reported") &&
                     gb10.contains("note: memory_unknown"),
                 qPrintable(gb10));
        const auto notes = jsonOf(cliOn("nvidia-gb10", {"detect", "--json"}))["notes"].toArray();
        QVERIFY(!notes.isEmpty());
        QVERIFY(notes[0].toObject().contains("code") && notes[0].toObject().contains("where"));
    }

    void gpuThisIsTheDetectedDevices()
    {
        const QStringList base{"estimate", "--model", "qwen2.5:7b", "--json"};
        // Matched cards are their catalog entries; RAM is MemTotal unless --ram says otherwise.
        const auto two = jsonOf(cliOn("nvidia-rtx4090x2", base + QStringList{"--gpu", "this", "--spread"}));
        const auto devices = two["devices"].toArray();
        QCOMPARE(devices.size(), 2);
        QCOMPARE(devices[0].toObject()["id"].toString(), QString("rtx-4090"));
        QCOMPARE(bytes(two["host"].toObject()["capacity_bytes"]), 16268680 * qint64(1024));
        const auto same = jsonOf(cli(base + QStringList{"--gpu", "rtx-4090", "--gpus", "2", "--spread", "--ram", "15.51502227783203125"}));
        QCOMPARE(two, same);
        const auto withRam = jsonOf(cliOn("nvidia-rtx4090x2", base + QStringList{"--gpu", "this", "--ram", "64"}));
        QCOMPARE(bytes(withRam["host"].toObject()["capacity_bytes"]), 64 * kGiB);

        // this-free: custom cards of the free figure, and MemAvailable for the host.
        const auto free = jsonOf(cliOn("nvidia-rtx4090x2", base + QStringList{"--gpu", "this-free", "--spread"}));
        QCOMPARE(bytes(free["devices"].toArray()[0].toObject()["capacity_bytes"]), 24057 * kMiB);
        QCOMPARE(bytes(free["devices"].toArray()[1].toObject()["capacity_bytes"]), 24105 * kMiB);
        QCOMPARE(bytes(free["host"].toObject()["capacity_bytes"]), 8366284 * qint64(1024));

        // Mixed with a card being priced, in the order given.
        const auto mixed = jsonOf(cliOn("nvidia-rtx3060", base + QStringList{"--gpu", "rtx-3090", "--gpu", "this", "--spread"}));
        QCOMPARE(mixed["devices"].toArray().size(), 2);
        QCOMPARE(mixed["devices"].toArray()[0].toObject()["id"].toString(), QString("rtx-3090"));
        QCOMPARE(mixed["devices"].toArray()[1].toObject()["id"].toString(), QString("rtx-3060-12gb"));

        // An APU is a device of its allocatable (GTT) figure, not the 4 GiB carve-out.
        const auto apu = jsonOf(cliOn("amd-strix-halo", base + QStringList{"--gpu", "this"}));
        QCOMPARE(bytes(apu["devices"].toArray()[0].toObject()["capacity_bytes"]), qint64(103079215104));

        // No GPU: a CPU-only estimate on the machine's RAM.
        const auto cpu = jsonOf(cliOn("no-gpu", base + QStringList{"--gpu", "this"}));
        QCOMPARE(cpu["devices"].toArray().size(), 0);
        QCOMPARE(bytes(cpu["host"].toObject()["capacity_bytes"]), 16268680 * qint64(1024));

        // Nothing to size on: one line on stderr, nothing on stdout.
        const auto none = cliOn("nvidia-gb10", base + QStringList{"--gpu", "this"});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.out.isEmpty());
        QCOMPARE(QString::fromUtf8(none.err).trimmed().split('\n').size(), 1);
        QVERIFY(none.err.contains("--gpu this"));
    }

    void detectionRunsOnlyWhenAsked()
    {
        std::vector<std::string> ran;
        QCOMPARE(cliOn("nvidia-rtx3060", {"estimate", "--model", "qwen3:8b", "--gpu", "rtx-4090"}, &ran).exitCode, 0);
        QVERIFY(ran.empty());
        QCOMPARE(cliOn("nvidia-rtx3060", {"estimate", "--model", "qwen3:8b", "--gpu", "this"}, &ran).exitCode, 0);
        QVERIFY(!ran.empty());
        // detect takes no request options.
        const auto r = cliOn("nvidia-rtx3060", {"detect", "--model", "qwen3:8b"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--model"));
    }

    void brokenCatalogIsAClearError()
    {
        QTemporaryDir dir;
        for (const auto &f : headroom::catalogFiles())
            QVERIFY(QFile::copy(QStringLiteral(HEADROOM_CATALOG_DIR "/") + f.name, dir.filePath(f.name)));
        QFile models(dir.filePath("models.json"));
        QVERIFY(models.open(QIODevice::WriteOnly | QIODevice::Truncate));
        models.write("{\"schema\": 1, \"models\": [ {\"id\": \"x\"} ]}");
        models.close();
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("HEADROOM_CATALOG_DIR", dir.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(HEADROOM_CLI_PATH), {"list", "models"});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        const auto err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains("models.json") && err.contains("'x'") && err.contains("'name'"), qPrintable(err));
    }

    void listsCatalogIds_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("contains");
        QTest::newRow("models") << "models" << "deepseek-r1:7b";
        QTest::newRow("quants") << "quants" << "Q4_K_M";
        QTest::newRow("gpus") << "gpus" << "rtx-4090d";
        QTest::newRow("engines") << "engines" << "llama.cpp";
        QTest::newRow("metrics") << "metrics" << "mmlu-redux-qwen3-report";
    }

    /** The seed question "what runs on my 16 GB Mac?": ranked, fitting, sourced, with a command to start it. */
    void adviseOnA16GbMac()
    {
        const auto j = jsonOf(cli({"advise", "--gpu", "apple-m4-16gb", "--engine", "mlx", "--ctx", "8192", "--json"}));
        QCOMPARE(j["metric"].toObject()["id"].toString(), QStringLiteral("mmlu-redux-qwen3-report"));
        QVERIFY(!j["metric"].toObject()["source"].toString().isEmpty());
        const qint64 capacity = bytes(j["capacity_bytes"]);
        QVERIFY(capacity > 10 * kGiB && capacity < 16 * kGiB);
        const auto ranked = j["ranked"].toArray();
        QVERIFY(ranked.size() >= 5);
        double previous = 101.0;
        for (const auto &v : ranked) {
            const auto row = v.toObject();
            QVERIFY(bytes(row["memory_bytes"]) <= capacity);
            QVERIFY(row["verdict"].toString() == "fits" || row["verdict"].toString() == "tight");
            const auto q = row["quality"].toObject();
            QVERIFY(q["expected"].toDouble() <= previous);
            previous = q["expected"].toDouble();
            QVERIFY(std::abs(q["expected"].toDouble() - q["score"].toDouble() * q["recovery"].toDouble()) < 1e-9);
            QVERIFY(!q["score_source"].toString().isEmpty());
            QVERIFY(q["recovery_lossless"].toBool() || !q["recovery_evidence"].toArray().isEmpty());
            QVERIFY(row["launch"].toObject()["text"].toString().contains("mlx_lm.server"));
        }
        for (const auto &v : j["unranked"].toArray())
            QVERIFY(v.toObject()["quality"].isNull() && !v.toObject()["quality_missing"].toString().isEmpty());
        QVERIFY(!j["front"].toArray().isEmpty());
        // The text form names the metric and the front, and --print-command starts the first-ranked.
        const auto t = cli({"advise", "--gpu", "apple-m4-16gb", "--engine", "mlx", "--ctx", "8192", "--print-command"});
        QCOMPARE(t.exitCode, 0);
        QVERIFY(t.out.contains("MMLU-Redux") && t.out.contains("Pareto front") && t.out.contains("mlx_lm.server"));
        QVERIFY(t.out.contains(ranked.first().toObject()["model_name"].toString().toUtf8()));
    }

    /** quants: one row per quantization the engine loads, each the estimate of that quantization alone. */
    void quantsJsonRowsAreEstimates()
    {
        const QStringList base{"--model", "qwen3-8b", "--gpu", "rtx-4060-ti-16gb", "--ctx", "8192"};
        const auto j = jsonOf(cli(QStringList{"quants", "--json"} + base));
        QCOMPARE(j["model"].toString(), QStringLiteral("qwen3-8b"));
        QCOMPARE(j["engine"].toString(), QStringLiteral("llama.cpp"));
        QCOMPARE(j["current_quant"].toString(), QStringLiteral("Q4_K_M"));
        QVERIFY(bytes(j["capacity_bytes"]) > 14 * kGiB && bytes(j["capacity_bytes"]) <= 16 * kGiB);
        const auto rows = j["quants"].toArray();
        QCOMPARE(rows.size(), 31); // every quantization llama.cpp loads (quantizations.json)
        qint64 previous = 0;
        QStringList verdicts;
        for (const auto &v : rows) {
            const auto row = v.toObject();
            QVERIFY(bytes(row["weights_bytes"]) >= previous); // smallest first
            previous = bytes(row["weights_bytes"]);
            verdicts << row["verdict"].toString();
            if (row["recovery"].isNull())
                QVERIFY(row["recovery_missing"].toString().startsWith("recovery_"));
            else
                QVERIFY(row["recovery_lossless"].toBool() || !row["recovery_evidence"].toArray().isEmpty());
        }
        QVERIFY(verdicts.contains("fits") && verdicts.contains("partial_offload")); // F32's 30 GiB do not fit on 16 GB
        // Three rows against estimate --quant Q --engine llama.cpp, field by field.
        for (const auto &v : {rows.first(), rows[rows.size() / 2], rows.last()}) {
            const auto row = v.toObject();
            const auto e = jsonOf(cli(QStringList{"estimate", "--json", "--engine", "llama.cpp", "--quant", row["quant"].toString()} + base));
            QCOMPARE(bytes(row["weights_bytes"]), bytes(e["weights_total_bytes"]));
            QCOMPARE(row["verdict"].toString(), e["verdict"].toString());
            QCOMPARE(bytes(row["headroom_bytes"]), bytes(e["headroom_bytes"]));
            QCOMPARE(row["max_context"].toInt(), e["max_context"].toInt());
            QCOMPARE(row["decode_tokens_per_second"].toDouble(), e["decode_tokens_per_second"].toDouble());
            QCOMPARE(row["gpu_layers"].toInt(), e["gpu_layers"].toInt());
        }
        // Q4_K_M on an 8B model: Intel's three 7-8B runs; MXFP4: no study.
        for (const auto &v : rows) {
            const auto row = v.toObject();
            if (row["quant"] == "Q4_K_M")
                QCOMPARE(row["recovery_evidence"].toArray().size(), 3);
            if (row["quant"] == "MXFP4")
                QCOMPARE(row["recovery_missing"].toString(), QStringLiteral("recovery_not_measured"));
        }
    }

    void quantsText()
    {
        const auto r = cli({"quants", "--model", "gemma-3-27b-it", "--gpu", "rtx-4090", "--ctx", "8192"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QString text = QString::fromUtf8(r.out);
        QVERIFY(text.startsWith("Gemma 3 27B") || text.contains("on GeForce RTX 4090"));
        QVERIFY(text.contains("max ctx") && text.contains("measured on"));
        const QStringList lines = text.split('\n');
        auto lineOf = [&](const QString &quant) {
            for (const QString &l : lines)
                if (l.mid(2).startsWith(quant + ' '))
                    return l;
            return QString();
        };
        // Unsloth's MMLU on this very model: 71.23 / 71.5; the engine's default quantization is starred.
        QVERIFY2(lineOf("Q4_K_M").contains("0.996") && lineOf("Q4_K_M").contains("MMLU, 27.0B"), qPrintable(lineOf("Q4_K_M")));
        QVERIFY(lineOf("Q4_K_M").startsWith("* "));
        QVERIFY(lineOf("MXFP4").endsWith("not measured"));
        QVERIFY(lineOf("BF16").contains("does_not_fit") || lineOf("BF16").contains("partial_offload"));
        QVERIFY(lineOf("IQ1_S").contains(" fits "));
        // Columns line up: every row's verdict starts where the header's does.
        const int verdictColumn = static_cast<int>(lines[4].indexOf("verdict"));
        QVERIFY(verdictColumn > 0);
        for (const QString &quant : {QStringLiteral("IQ1_S"), QStringLiteral("Q4_K_M"), QStringLiteral("F32")})
            QVERIFY2(lineOf(quant).mid(verdictColumn).front().isLetter() && lineOf(quant)[verdictColumn - 1] == ' ', qPrintable(lineOf(quant)));
    }

    /** `plan`: ranked as docs/cli.md says, each option what estimate gives on its hardware (one box). */
    void planJsonOptionsAreEstimates()
    {
        const QJsonObject j = jsonOf(cli({"plan", "--model", "qwen2.5-32b-instruct", "--ctx", "8192", "--ram", "64", "--top", "200", "--json"}));
        QCOMPARE(j["currency"].toString(), QStringLiteral("USD"));
        QCOMPARE(j["ctx"].toInt(), 8192);
        const QJsonArray options = j["options"].toArray();
        QVERIFY(options.size() > 20);
        bool seenNonFit = false;
        int checked = 0;
        for (const QJsonValue &v : options) {
            const QJsonObject o = v.toObject();
            QVERIFY(!(o["fits"].toBool() && seenNonFit));
            seenNonFit = seenNonFit || !o["fits"].toBool();
            const QJsonArray parts = o["parts"].toArray();
            if (o["machines"].toInt() != 1 || parts.size() != 1 || checked >= 5)
                continue;
            const QJsonObject part = parts.first().toObject();
            const QJsonObject e = jsonOf(cli({"estimate", "--model", "qwen2.5-32b-instruct", "--ctx", "8192", "--ram", "64", "--gpu",
                                               part["hardware"].toString(), "--gpus", QString::number(part["count"].toInt()), "--json"}));
            QCOMPARE(e["verdict"].toString(), o["verdict"].toString());
            QCOMPARE(e["decode_tokens_per_second"].toDouble(), o["decode_tokens_per_second"].toDouble());
            ++checked;
        }
        QCOMPARE(checked, 5);
    }

    /** A MoE that spills layers: `expert_offload` is the estimate with --n-cpu-moe N, N the fewest that keep every layer on the GPU. */
    void expertOffloadJson()
    {
        const QStringList args{"estimate", "--model", "qwen3-30b-a3b", "--gpu", "rtx-3060-12gb", "--ctx", "8192", "--ram", "64", "--json"};
        const QJsonObject j = jsonOf(cli(args));
        QCOMPARE(j["verdict"].toString(), QStringLiteral("partial_offload"));
        const QJsonObject x = j["expert_offload"].toObject();
        const int n = x["n_cpu_moe"].toInt();
        QVERIFY(n > 0 && n < 48);
        QCOMPARE(x["expert_layers_on_host"].toInt(), n);
        const QJsonObject same = jsonOf(cli(args + QStringList{"--n-cpu-moe", QString::number(n)}));
        QCOMPARE(same["verdict"].toString(), x["verdict"].toString());
        QCOMPARE(same["decode_tokens_per_second"].toDouble(), x["decode_tokens_per_second"].toDouble());
        QVERIFY(!same.contains("expert_offload")); // it already keeps experts in RAM
        QVERIFY(!jsonOf(cli({"estimate", "--model", "qwen2.5-32b-instruct", "--gpu", "rtx-3060-12gb", "--json"})).contains("expert_offload"));
    }

    void planText()
    {
        const auto r = cli({"plan", "--model", "qwen2.5-32b-instruct", "--ctx", "4096", "--budget", "15000", "--currency", "CNY"});
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains("launch prices in CNY"), qPrintable(text));
        QVERIFY(text.contains("GeForce RTX 4090 D") && text.contains("CNY 12999"));
        QVERIFY(text.contains("without a CNY launch price"));
        QVERIFY(!text.contains("$")); // nothing converted to dollars
    }

    /** Without --ctx on a build that fits the context to memory, advise compares at the engine's floor and says so. */
    void adviseWithoutContextOnFittingBuild()
    {
        const auto j = jsonOf(cli({"advise", "--gpu", "rtx-4090", "--engine", "llama.cpp", "--json"}));
        QVERIFY(j["ctx_from_fit_floor"].toBool());
        for (const auto &v : j["ranked"].toArray())
            QCOMPARE(v.toObject()["ctx"].toInt(), 4096);
    }
    void listsCatalogIds()
    {
        QFETCH(QString, what);
        QFETCH(QString, contains);
        const auto r = cli({"list", what});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(contains.toUtf8()));
        const auto j = cli({"list", what, "--json"});
        QCOMPARE(j.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(j.out).isArray());
    }

    /** --preset sets the engine, context and slots it names and says so; the user's flags win; JSON adds `preset`. */
    void presetSetsEngineContextAndSlots()
    {
        const QStringList team{"estimate", "--model", "qwen3-8b", "--gpu", "rtx-4090", "--preset", "small-team"};
        const auto text = cli(team);
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith("Preset: Small team - llama.cpp (llama-server), 8 slots x 8,192 tokens\n"), text.out.constData());
        QVERIFY(text.out.contains("context 8192 x 8 sequence(s)"));
        const auto j = jsonOf(cli(team + QStringList{"--json"}));
        QCOMPARE(j["engine"].toString(), QStringLiteral("llama.cpp"));
        QCOMPARE(j["ctx"].toInt(), 8192);
        QCOMPARE(j["parallel"].toInt(), 8);
        const auto preset = j["preset"].toObject();
        QCOMPARE(preset["id"].toString(), QStringLiteral("small-team"));
        QCOMPARE(preset["parallel"].toInt(), 8);
        QVERIFY(preset["kept_from_user"].toArray().isEmpty());
        // The same as the flags typed by hand, byte for byte in the devices' totals.
        const auto byHand = jsonOf(cli({"estimate", "--model", "qwen3-8b", "--gpu", "rtx-4090", "--engine", "llama.cpp", "--ctx", "8192",
                                        "--parallel", "8", "--json"}));
        QCOMPARE(bytes(byHand["devices"].toArray()[0].toObject()["total_bytes"]),
                 bytes(j["devices"].toArray()[0].toObject()["total_bytes"]));
        QVERIFY(!byHand.contains("preset"));

        // Explicit flags win, in any order, and the report says which it kept.
        const auto mine = jsonOf(cli({"estimate", "--model", "qwen3-8b", "--ctx", "4096", "--preset", "small-team", "--gpu", "rtx-4090",
                                      "--engine", "ollama", "--json"}));
        QCOMPARE(mine["engine"].toString(), QStringLiteral("ollama"));
        QCOMPARE(mine["ctx"].toInt(), 4096);
        QCOMPARE(mine["parallel"].toInt(), 8);
        QCOMPARE(mine["preset"].toObject()["kept_from_user"].toArray(), QJsonArray({"engine", "ctx"}));
        const auto kept = cli({"estimate", "--model", "qwen3-8b", "--gpu", "rtx-4090", "--preset", "api-serving", "--parallel", "16"});
        QVERIFY2(kept.out.startsWith("Preset: API serving - vLLM, 16 slots x 4,096 tokens (your --parallel kept)\n"), kept.out.constData());

        // A preset without an engine keeps the default one; flash attention where it sets it.
        const auto docs = jsonOf(cli({"estimate", "--model", "llama-3.1-8b-instruct", "--gpu", "rtx-4090", "--preset", "long-documents",
                                      "--flash-attn", "off", "--json"}));
        QCOMPARE(docs["engine"].toString(), QStringLiteral("llama.cpp"));
        QCOMPARE(docs["ctx"].toInt(), 131072);
        QVERIFY(!docs["flash_attn"].toBool());
        QVERIFY(docs["preset"].toObject()["engine"].isNull());

        // advise takes it too; an unknown id is one line listing the ids.
        const auto advised = jsonOf(cli({"advise", "--gpu", "rtx-4090", "--preset", "coding-assistant", "--top", "2", "--json"}));
        QCOMPARE(advised["preset"].toObject()["ctx"].toInt(), 32768);
        QCOMPARE(advised["ranked"].toArray()[0].toObject()["ctx"].toInt(), 32768);
        const auto bad = cli({"estimate", "--model", "qwen3-8b", "--gpu", "rtx-4090", "--preset", "small-teams"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.out.isEmpty());
        QCOMPARE(bad.err.count('\n'), 1);
        QVERIFY2(bad.err.contains("--preset: 'small-teams' is not valid (expected: personal-chat, coding-assistant, long-documents, "
                                  "small-team, api-serving)"),
                 bad.err.constData());
        QCOMPARE(cli({"list", "--preset", "small-team", "models"}).exitCode, 2); // estimate and advise only

        const auto listed = QJsonDocument::fromJson(cli({"list", "presets", "--json"}).out).array();
        QCOMPARE(listed.size(), 5);
        QCOMPARE(listed[3].toObject()["id"].toString(), QStringLiteral("small-team"));
        QCOMPARE(listed[3].toObject()["engine"].toString(), QStringLiteral("llama.cpp"));
        QVERIFY(!listed[3].toObject()["source"].toString().isEmpty());
        QVERIFY(
            cli({"list", "presets"}).out.contains("personal-chat                      Personal chat - your engine, 1 slot x 4,096 tokens"));
    }

    /** The rule of thumb beside the estimate: 8,190,735,360 parameters x 0.5 B for Q4_K_M, against every byte placed. */
    void ruleOfThumb()
    {
        const QStringList args{"estimate", "--model", "qwen3-8b", "--quant", "Q4_K_M", "--gpu", "rtx-4090", "--ctx", "8192"};
        const auto o = jsonOf(cli(QStringList(args) << "--json"));
        const auto rule = o["rule_of_thumb"].toObject();
        QVERIFY(rule["applies"].toBool());
        QCOMPARE(bytes(rule["parameters"]), qint64(8190735360));
        QCOMPARE(rule["bytes_per_weight"].toDouble(), 0.5);
        QCOMPARE(bytes(rule["weights_bytes"]), qint64(4095367680));
        QCOMPARE(bytes(rule["low_bytes"]), qint64(6143051520));
        QCOMPARE(bytes(rule["high_bytes"]), qint64(8190735360));
        qint64 total = bytes(o["host"].toObject()["total_bytes"]);
        for (const auto &d : o["devices"].toArray())
            total += bytes(d.toObject()["total_bytes"]);
        QCOMPARE(bytes(rule["estimate_bytes"]), total);
        const double percent = std::round((double(total) - 4095367680.0) / 4095367680.0 * 1000) / 10;
        QVERIFY(std::abs(rule["percent"].toDouble() - percent) < 0.06);
        QVERIFY(percent > 0);
        const QString text = QString::fromUtf8(cli(args).out);
        QVERIFY2(text.contains("rule of thumb: 8.19B x 0.5 B = 4.10 GB (x1.5-2: 6.14-8.19 GB); this estimate "), qPrintable(text));
        QVERIFY2(QRegularExpression(QStringLiteral(" GB, \\d+ % more\\n")).match(text).hasMatch(), qPrintable(text));
    }

    // estimate --explain (docs/cli.md, "Explain"): the arithmetic of every segment, then the assumptions.
    void explainText()
    {
        const auto r = cli({"estimate", "--model", "qwen2.5-7b-instruct", "--engine", "llama.cpp", "--gpu", "rtx-4090", "--ctx", "8192",
                            "--explain"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // Qwen2.5-7B at 8K, f16: the model's own figures, 448 MiB exactly.
        QVERIFY2(r.out.contains("\n    KV cache = 28 layers x 4 KV heads x 128 dims x (K+V) x 2 bytes x 8,192 tokens = 448 MiB\n"),
                 r.out.constData());
        QVERIFY(r.out.contains("    output.weight Q6_K: 426.36 MiB\n"));
        QVERIFY(r.out.contains("keeps the token-embedding table in system RAM"));
        QVERIFY(r.out.contains("[counted: the largest]"));
        QVERIFY(r.out.contains("[not counted]"));
        QVERIFY(r.out.contains("at 512 tokens per forward pass"));
        QVERIFY(r.out.contains("[change with --ubatch]"));
        QVERIFY(r.out.contains("source: gguf-parser-go"));
        // The normal report comes first, unchanged.
        const auto plain = cli({"estimate", "--model", "qwen2.5-7b-instruct", "--engine", "llama.cpp", "--gpu", "rtx-4090", "--ctx", "8192"});
        QVERIFY(r.out.startsWith(plain.out));
        // A context left to the engine is an assumption, and says which option changes it.
        const auto byDefault = cli({"estimate", "--model", "qwen3:8b", "--gpu", "rtx-4090", "--explain"});
        QVERIFY2(byDefault.out.contains("the engine's default for") && byDefault.out.contains("[change with --ctx]"), byDefault.out.constData());
    }

    void explainJson()
    {
        const QStringList base{"estimate", "--model", "llama-3.1-70b-instruct", "--engine", "llama.cpp", "--gpu", "rtx-3090", "--gpus", "2",
                               "--ctx", "8192", "--json"};
        const auto plain = cli(base);
        const auto r = cli(base + QStringList{"--explain"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        auto o = QJsonDocument::fromJson(r.out).object();
        const auto e = o["explain"].toObject();
        for (const char *key : {"devices", "host", "assumptions", "engine_behaviour_from", "behaviour_source"})
            QVERIFY2(e.contains(key), key);
        // Without --explain the JSON is the same object, byte for byte, less the key.
        o.remove("explain");
        QCOMPARE(QJsonDocument(o).toJson(), QJsonDocument::fromJson(plain.out).toJson());
        QVERIFY(!QJsonDocument::fromJson(plain.out).object().contains("explain"));
        // Each segment's counted terms add up to the device's field.
        const auto devices = o["devices"].toArray();
        const auto explained = e["devices"].toArray();
        QCOMPARE(explained.size(), devices.size());
        const auto check = [](const QJsonObject &usage, const QJsonObject &d) {
            const auto segments = d["segments"].toObject();
            for (const char *seg : {"weights", "kv_cache", "compute", "overhead"}) {
                const auto s = segments[seg].toObject();
                qint64 sum = 0;
                for (const auto &t : s["terms"].toArray())
                    if (t.toObject()["counted"].toBool())
                        sum += bytes(t.toObject()["bytes"]);
                QCOMPARE(bytes(s["bytes"]), bytes(usage[QString(seg) + "_bytes"]));
                QCOMPARE(sum, bytes(s["bytes"]));
            }
        };
        for (qsizetype i = 0; i < devices.size(); ++i)
            check(devices[i].toObject(), explained[i].toObject());
        check(o["host"].toObject(), e["host"].toObject());
        // Assumptions name the option that changes them, or null.
        bool layers = false;
        for (const auto &a : e["assumptions"].toArray()) {
            QVERIFY(a.toObject().contains("option"));
            QVERIFY(!a.toObject()["code"].toString().isEmpty());
            layers = layers || (a.toObject()["code"] == "layers_fitted" && a.toObject()["option"] == "--gpu-layers");
        }
        QVERIFY(layers);
    }

    void explainBadCombinations()
    {
        const QStringList base{"estimate", "--model", "qwen3:8b", "--gpu", "rtx-4090", "--explain"};
        for (const char *format : {"md", "csv"}) {
            const auto r = cli(base + QStringList{"--format", format});
            QCOMPARE(r.exitCode, 2);
            QVERIFY(r.out.isEmpty());
            QVERIFY2(r.err.contains(QStringLiteral("--explain cannot be combined with --format %1").arg(format).toUtf8()), r.err.constData());
        }
        const auto advise = cli({"advise", "--gpu", "rtx-4090", "--explain"});
        QCOMPARE(advise.exitCode, 2);
        QVERIFY(advise.err.contains("unknown option '--explain'"));
        const auto value = cli(base + QStringList{"--explain=yes"});
        QCOMPARE(value.exitCode, 2);
        QVERIFY(value.err.contains("--explain"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
