// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real headroom-cli binary: its JSON and exit codes are a contract (docs/cli.md).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

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
        QTest::newRow("version newer than known") << base + QStringList{"--gpu", "rtx-4090", "--engine-version", "99.0.0"} << "engine_behaviour_from" << "0.15.5";
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
        QTest::newRow("bad engine version") << QStringList{"estimate", "--model", "qwen3:8b", "--engine-version", "latest"} + gpu << "--engine-version";
        QTest::newRow("unknown option") << QStringList{"estimate", "--modle", "qwen3:8b"} << "--modle";
        QTest::newRow("unknown command") << QStringList{"estimat"} << "estimat";
        QTest::newRow("list needs kind") << QStringList{"list", "cars"} << "models";
        QTest::newRow("gpus without gpu") << QStringList{"estimate", "--model", "qwen3:8b", "--gpus", "2", "--ram", "8"} << "--gpus";
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

    void brokenCatalogIsAClearError()
    {
        QTemporaryDir dir;
        for (const char *f : {"models.json", "quantizations.json", "hardware.json", "engines.json"})
            QVERIFY(QFile::copy(QStringLiteral(HEADROOM_CATALOG_DIR "/") + f, dir.filePath(f)));
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
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
