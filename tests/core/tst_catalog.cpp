// SPDX-License-Identifier: GPL-3.0-or-later
#include "test_catalog.h"

#include <headroom/catalog.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <functional>

using namespace headroom;

class TestCatalog : public QObject
{
    Q_OBJECT

    CatalogSources shipped() const { return test::shippedSources(); }

private slots:
    void shippedCatalogLoads()
    {
        const auto &c = test::shippedCatalog();
        QVERIFY(c.models().size() >= 50);
        QVERIFY(c.hardware().size() >= 60);
        for (const char *id : {"rtx-3060-12gb", "rtx-3090", "rtx-4060-8gb", "rtx-4090", "rtx-4090d", "rtx-5060-ti-16gb",
                               "rtx-5090", "tesla-t4", "tesla-p40", "tesla-v100-32gb", "a10", "a100-80gb",
                               "h100-sxm-80gb", "h20", "h200", "apple-m4-pro-64gb", "apple-m4-max-64gb",
                               "apple-m4-max-128gb", "apple-m3-ultra-512gb"})
            QVERIFY2(c.findHardware(id), id);
        for (const char *e : {"ollama", "llama.cpp", "vllm", "transformers", "mlx"})
            QVERIFY2(c.findEngine(e), e);
        for (const auto &m : c.models())
            QVERIFY2(!m.source.empty(), m.id.c_str());
    }

    void lookups_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("modelId");
        QTest::addColumn<QString>("quant");
        QTest::newRow("ollama tag") << "deepseek-r1:7b" << "deepseek-r1-distill-qwen-7b" << "Q4_K_M";
        QTest::newRow("tag with quant") << "deepseek-r1:7b-qwen-distill-q8_0" << "deepseek-r1-distill-qwen-7b" << "Q8_0";
        QTest::newRow("hf repo any case") << "DEEPSEEK-AI/deepseek-r1-distill-qwen-7b" << "deepseek-r1-distill-qwen-7b" << "";
        QTest::newRow("hf coder") << "Qwen/Qwen2.5-Coder-7B-Instruct" << "qwen2.5-coder-7b-instruct" << "";
        QTest::newRow("hf 2507") << "Qwen/Qwen3-4B-Instruct-2507" << "qwen3-4b-instruct-2507" << "";
        QTest::newRow("hf moe") << "Qwen/Qwen3-30B-A3B-Instruct-2507" << "qwen3-30b-a3b-instruct-2507" << "";
        QTest::newRow("hf llama") << "meta-llama/Llama-3.1-8B-Instruct" << "llama-3.1-8b-instruct" << "";
        QTest::newRow("catalog id") << "gpt-oss-20b" << "gpt-oss-20b" << "";
        QTest::newRow("unlisted suffix") << "qwen2.5:14b-instruct-q5_K_M" << "qwen2.5-14b-instruct" << "Q5_K_M";
    }
    void lookups()
    {
        QFETCH(QString, key);
        QFETCH(QString, modelId);
        QFETCH(QString, quant);
        const auto m = test::shippedCatalog().resolveModel(key.toStdString());
        QVERIFY(m);
        QCOMPARE(QString::fromStdString(m->model->id), modelId);
        QCOMPARE(QString::fromStdString(m->impliedQuant), quant);
    }

    void suggestionsAreNear()
    {
        const auto s = test::shippedCatalog().suggest(CatalogKind::Hardware, "rtx4090");
        QVERIFY(!s.empty());
        QCOMPARE(QString::fromStdString(s.front()), QString("rtx-4090"));
    }

    void quantNameSharedAcrossFormatsPicksTheEnginesOne()
    {
        const auto &c = test::shippedCatalog();
        QCOMPARE(c.findQuantization("bf16", "vllm")->format, WeightFormat::Safetensors);
        QCOMPARE(c.findQuantization("bf16", "llama.cpp")->format, WeightFormat::Gguf);
    }

    void versions_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("order");
        QTest::newRow("build tags") << "b4750" << "b5097" << -1;
        QTest::newRow("semver minor") << "0.6.6" << "0.6.10" << -1;
        QTest::newRow("equal") << "0.5.7" << "0.5.7" << 0;
        QTest::newRow("longer") << "0.10.0" << "0.9.9" << 1;
    }
    void versions()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, order);
        QCOMPARE(compareVersions(a.toStdString(), b.toStdString()), order);
    }

    void versionBehaviourTable()
    {
        const auto &ollama = *test::shippedCatalog().findEngine("ollama");
        QCOMPARE(ollama.behaviourFor("0.5.7").defaultCtx, 2048u);
        QVERIFY(ollama.behaviourFor("0.5.7").parallelAuto);
        QCOMPARE(ollama.behaviourFor("0.6.7").defaultCtx, 4096u);
        QCOMPARE(ollama.behaviourFor("0.12.0").defaultParallel, 1u);
        // A version newer than any known maps to the latest known behaviour.
        QCOMPARE(ollama.behaviourFor("9.9.9").from, ollama.latestVersion());
    }

    void brokenCatalogNamesFileEntryField_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("find");
        QTest::addColumn<QString>("replace");
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("field");
        QTest::newRow("syntax") << "models" << "\"models\"" << "\"models\" oops" << int(CatalogError::Problem::Syntax) << "";
        QTest::newRow("wrong type") << "models" << "\"layers\": 28" << "\"layers\": \"28\"" << int(CatalogError::Problem::WrongType) << "layers";
        QTest::newRow("negative") << "hardware" << "\"memory_bytes\": 25769803776" << "\"memory_bytes\": -1" << int(CatalogError::Problem::BadValue) << "memory_bytes";
        QTest::newRow("bad choice") << "hardware" << "\"kind\": \"gpu\"" << "\"kind\": \"tpu\"" << int(CatalogError::Problem::BadValue) << "kind";
        QTest::newRow("missing") << "models" << "\"vocab\":" << "\"vocab_size\":" << int(CatalogError::Problem::Missing) << "vocab";
        QTest::newRow("unknown quant in tag") << "models" << "\"quant\": \"Q4_K_M\"" << "\"quant\": \"Q9_Z\"" << int(CatalogError::Problem::UnknownReference) << "ollama";
        // scores.json and recovery.json: a score is a percentage of a catalog model, a recovery row a catalog quantization.
        QTest::newRow("score above 100") << "scores" << "\"score\": 92.9," << "\"score\": 929," << int(CatalogError::Problem::BadValue) << "score";
        QTest::newRow("score of an unknown model") << "scores" << "\"model\": \"deepseek-r1\"," << "\"model\": \"deepseek-r9\"," << int(CatalogError::Problem::UnknownReference) << "model";
        QTest::newRow("metric without skill") << "scores" << "\"skill\": \"knowledge\"," << "" << int(CatalogError::Problem::Missing) << "skill";
        QTest::newRow("recovery of an unknown quant") << "recovery" << "\"quant\": \"gptq-int8\"" << "\"quant\": \"gptq-int9\"" << int(CatalogError::Problem::UnknownReference) << "quant";
        QTest::newRow("zero baseline") << "recovery" << "\"baseline\": 82.3" << "\"baseline\": 0" << int(CatalogError::Problem::BadValue) << "baseline";
        QTest::newRow("unknown study field") << "recovery" << "\"benchmark\": \"MMLU\"," << "\"benchmark\": \"MMLU\", \"harness\": \"x\"," << int(CatalogError::Problem::UnknownField) << "harness";
        // number_formats.json and quantizations.json's nominal_bits (the rule of thumb's width).
        QTest::newRow("format block of an unknown scale") << "number_formats" << "\"scale\": \"e8m0\"" << "\"scale\": \"e9m0\"" << int(CatalogError::Problem::UnknownReference) << "block.scale";
        QTest::newRow("lookup with a value missing") << "number_formats" << "-1.0, -0.6961928009986877," << "-0.6961928009986877," << int(CatalogError::Problem::BadValue) << "values";
        QTest::newRow("float without specials") << "number_formats" << "\"specials\": \"none\"," << "" << int(CatalogError::Problem::Missing) << "specials";
        QTest::newRow("block format publishing a range") << "number_formats" << "\"element\": \"fp4-e2m1\"," << "\"element\": \"fp4-e2m1\", \"published\": {}," << int(CatalogError::Problem::UnknownField) << "published";
        QTest::newRow("nominal width above the storage") << "quantizations" << "\"nominal_bits\": 2," << "\"nominal_bits\": 4," << int(CatalogError::Problem::BadValue) << "nominal_bits";
        QTest::newRow("nominal width not the layout's") << "quantizations" << "\"bpw\": 4.15625,\n      \"nominal_bits\": 4," << "\"bpw\": 4.15625,\n      \"nominal_bits\": 3," << int(CatalogError::Problem::BadValue) << "nominal_bits";
    }
    void brokenCatalogNamesFileEntryField()
    {
        QFETCH(QString, file);
        QFETCH(QString, find);
        QFETCH(QString, replace);
        QFETCH(int, problem);
        QFETCH(QString, field);
        auto s = shipped();
        const auto &files = catalogFiles();
        const auto named = std::find_if(files.begin(), files.end(), [&](const CatalogFile &f) { return file + ".json" == f.name; });
        QVERIFY(named != files.end());
        std::string &text = s.*named->text;
        const auto pos = text.find(find.toStdString());
        QVERIFY(pos != std::string::npos);
        text.replace(pos, static_cast<std::size_t>(find.size()), replace.toStdString());
        const auto loaded = Catalog::load(s);
        const auto *e = std::get_if<CatalogError>(&loaded);
        QVERIFY(e);
        QCOMPARE(int(e->problem), problem);
        QCOMPARE(QString::fromStdString(e->file), file + ".json");
        QCOMPARE(QString::fromStdString(e->field), field);
        if (problem != int(CatalogError::Problem::Syntax))
            QVERIFY(!e->entry.empty());
    }

    /** default_metric must name a metric of scores.json: the advisor ranks by it when none is chosen. */
    void defaultMetricMustExist()
    {
        auto s = shipped();
        const auto pos = s.scores.find("\"default_metric\": \"");
        QVERIFY(pos != std::string::npos);
        s.scores.insert(pos + 19, "no-such-");
        const auto loaded = Catalog::load(s);
        const auto *e = std::get_if<CatalogError>(&loaded);
        QVERIFY(e);
        QCOMPARE(int(e->problem), int(CatalogError::Problem::UnknownReference));
        QCOMPARE(QString::fromStdString(e->file), QStringLiteral("scores.json"));
        QCOMPARE(QString::fromStdString(e->field), QStringLiteral("default_metric"));
        QCOMPARE(&test::shippedCatalog().defaultMetric(), test::shippedCatalog().findMetric("mmlu-redux-qwen3-report"));
    }

    /** Every source and note cites something a reader can open: a public URL, PR or commit, or a file in this
     *  repository (docs/sources/), never a note that only exists outside it. */
    void sourcesCiteNothingOutsideTheRepository()
    {
        const QStringList outside{"shared/", "/work/", "anchors.md", "facts-", "calibration README"};
        QStringList offenders;
        std::function<void(const QString &, const QJsonValue &)> walk = [&](const QString &where, const QJsonValue &v) {
            if (v.isArray()) {
                const auto a = v.toArray();
                for (qsizetype i = 0; i < a.size(); ++i)
                    walk(where + "[" + QString::number(i) + "]", a.at(i));
                return;
            }
            if (!v.isObject())
                return;
            const auto o = v.toObject();
            const QString id = o.value("id").toString();
            const QString here = id.isEmpty() ? where : where + " " + id;
            for (auto it = o.begin(); it != o.end(); ++it) {
                if ((it.key() == "source" || it.key() == "note") && it.value().isString()) {
                    for (const auto &word : outside)
                        if (it.value().toString().contains(word))
                            offenders << here + "." + it.key() + " cites \"" + word + "\"";
                } else {
                    walk(here + "." + it.key(), it.value());
                }
            }
        };
        for (const auto &catalogFile : catalogFiles()) {
            const char *file = catalogFile.name;
            const auto text = test::readFile(std::string(HEADROOM_CATALOG_DIR) + "/" + file);
            QJsonParseError error{};
            const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
            QVERIFY2(error.error == QJsonParseError::NoError, file);
            walk(file, doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
        }
        for (const auto &o : offenders)
            qWarning("%s", qPrintable(o));
        QVERIFY2(offenders.isEmpty(), "catalog sources cite notes outside the repository (see warnings above)");
    }
};

QTEST_APPLESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
