// SPDX-License-Identifier: GPL-3.0-or-later
#include "test_catalog.h"

#include <headroom/kv_cache.h>

#include <QtTest>

using namespace headroom;

class TestKvCache : public QObject
{
    Q_OBJECT

private slots:
    void bytesPerToken_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("engineVersion");
        QTest::addColumn<QString>("kv");
        QTest::addColumn<qulonglong>("bytesPerToken");
        // 2 x layers x kv_heads x head_dim x bytes (calibration README §5-6)
        QTest::newRow("GQA r1-distill-7b f16") << "deepseek-r1-distill-qwen-7b" << "" << "f16" << qulonglong(57344);
        QTest::newRow("GQA r1-distill-32b f16") << "deepseek-r1-distill-qwen-32b" << "" << "f16" << qulonglong(262144);
        QTest::newRow("GQA llama-8b q8_0 = f16 elements x 34/32") << "llama-3.1-8b-instruct" << "" << "q8_0" << qulonglong(69632);
        QTest::newRow("GQA llama-8b q4_0 = f16 elements x 18/32") << "llama-3.1-8b-instruct" << "" << "q4_0" << qulonglong(36864);
        // MLA: (512 + 64) x 61 x 2 B latent in current llama.cpp (V-less since PR #19067); K 576 + V 512 from PR #12801
        // until then; 61 x 128 x (192 + 128) x 2 B before PR #12801
        QTest::newRow("MLA latent (PR #19067+)") << "deepseek-r1" << "b8000" << "f16" << qulonglong(70272);
        QTest::newRow("MLA latent K + V (b5135..)") << "deepseek-r1" << "b6000" << "f16" << qulonglong(132736);
        QTest::newRow("MLA expanded (early 2025)") << "deepseek-r1" << "b4500" << "f16" << qulonglong(4997120);
    }
    void bytesPerToken()
    {
        QFETCH(QString, model);
        QFETCH(QString, engineVersion);
        QFETCH(QString, kv);
        QFETCH(qulonglong, bytesPerToken);
        const auto &c = test::shippedCatalog();
        const auto &m = *c.findModel(model.toStdString());
        const auto &b = c.findEngine("llama.cpp")->behaviourFor(engineVersion.toStdString());
        const auto type = *kvTypeFromName(kv.toStdString());
        const auto g = kvGeometry(m, *c.findEngine("llama.cpp"), b, type, type, 4096, 1, 512);
        QCOMPARE(kvBytesPerToken(m, g), bytesPerToken);
    }

    void slidingWindowLayers_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("ctx");
        QTest::addColumn<qulonglong>("expectedMiB");
        // gpt-oss-20b @16384: llama.cpp's log shows 402 MiB (12 full layers x 16384 + 12 windowed x 768 cells)
        QTest::newRow("gpt-oss-20b 16K") << "gpt-oss-20b" << 16384 << qulonglong(402);
    }
    void slidingWindowLayers()
    {
        QFETCH(QString, model);
        QFETCH(int, ctx);
        QFETCH(qulonglong, expectedMiB);
        const auto &c = test::shippedCatalog();
        const auto &m = *c.findModel(model.toStdString());
        const auto &b = c.findEngine("llama.cpp")->behaviourFor("");
        const auto g = kvGeometry(m, *c.findEngine("llama.cpp"), b, KvType::F16, KvType::F16, static_cast<std::uint32_t>(ctx), 1, 512);
        Bytes total = 0;
        for (const auto l : kvLayerBytes(m, g))
            total += l;
        QCOMPARE(total / MiB, expectedMiB);
    }

    void windowCacheBeforeSwaSupportIsFull()
    {
        const auto &c = test::shippedCatalog();
        const auto &m = *c.findModel("gemma-3-27b-it");
        const auto &old = c.findEngine("llama.cpp")->behaviourFor("b5000");
        const auto &now = c.findEngine("llama.cpp")->behaviourFor("");
        const auto gOld = kvGeometry(m, *c.findEngine("llama.cpp"), old, KvType::F16, KvType::F16, 32768, 1, 512);
        const auto gNow = kvGeometry(m, *c.findEngine("llama.cpp"), now, KvType::F16, KvType::F16, 32768, 1, 512);
        Bytes before = 0, after = 0;
        for (const auto l : kvLayerBytes(m, gOld))
            before += l;
        for (const auto l : kvLayerBytes(m, gNow))
            after += l;
        // 5 of 6 Gemma 3 layers keep a 1024-token window: several times smaller at 32K.
        QVERIFY(after * 4 < before);
    }

    void parallelMultipliesCells()
    {
        const auto &c = test::shippedCatalog();
        const auto &m = *c.findModel("llama-3.1-8b-instruct");
        const auto &b = c.findEngine("ollama")->behaviourFor("");
        const auto one = kvGeometry(m, *c.findEngine("ollama"), b, KvType::F16, KvType::F16, 2048, 1, 512);
        const auto four = kvGeometry(m, *c.findEngine("ollama"), b, KvType::F16, KvType::F16, 2048, 4, 512);
        QCOMPARE(four.fullCells, 4 * one.fullCells);
    }
};

QTEST_APPLESS_MAIN(TestKvCache)
#include "tst_kv_cache.moc"
