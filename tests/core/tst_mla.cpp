// SPDX-License-Identifier: GPL-3.0-or-later
// MLA and its successors as each engine caches them: DeepSeek-V2-Lite (MLA without q compression), DeepSeek-V3.2
// (MLA + the DSA lightning indexer's own key cache) and GLM-4.5-Air (GQA MoE with a shared expert and a NextN
// block), from the catalog entries written from their configs.
#include "test_catalog.h"

#include <headroom/estimator.h>
#include <headroom/kv_cache.h>
#include <headroom/request_resolver.h>
#include <headroom/tensor_inventory.h>

#include <QtTest>

using namespace headroom;

class TestMla : public QObject
{
    Q_OBJECT

    static Bytes perToken(const char *model, const char *engine, const char *version, KvType type)
    {
        const auto &c = test::shippedCatalog();
        const auto &m = *c.findModel(model);
        const auto &e = *c.findEngine(engine);
        const auto g = kvGeometry(m, e, e.behaviourFor(version), type, type, 4096, 1, 512);
        return kvBytesPerToken(m, g);
    }

private slots:
    void cachePerTokenByEngineVersion_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("kv");
        QTest::addColumn<qulonglong>("bytes");
        // V2-Lite, 27 layers, kv_lora_rank 512 + rope 64, 16 heads of (128 + 64) / 128.
        QTest::newRow("V2-Lite llama.cpp before PR #12801: per-head K/V 27 x 16 x (192 + 128) x 2") << "deepseek-v2-lite"
                                                                                                    << "llama.cpp"
                                                                                                    << "b4500"
                                                                                                    << "f16" << qulonglong(276480);
        QTest::newRow("V2-Lite llama.cpp PR #12801: latent K 576 + V 512, x 27 x 2") << "deepseek-v2-lite"
                                                                                     << "llama.cpp"
                                                                                     << "b6000"
                                                                                     << "f16" << qulonglong(58752);
        QTest::newRow("V2-Lite llama.cpp PR #19067 V-less: 576 x 27 x 2") << "deepseek-v2-lite"
                                                                          << "llama.cpp"
                                                                          << "b8000"
                                                                          << "f16" << qulonglong(31104);
        QTest::newRow("V2-Lite vLLM latent bf16: 576 x 27 x 2") << "deepseek-v2-lite"
                                                                << "vllm"
                                                                << "0.8.3"
                                                                << "bf16" << qulonglong(31104);
        // V3.2: the MLA latent plus the indexer key: 128 x 2 in llama.cpp's f16 DSA cache, 128 + 4 in vLLM.
        QTest::newRow("V3.2 llama.cpp f16: 61 x (576 + 128) x 2") << "deepseek-v3.2-exp"
                                                                  << "llama.cpp"
                                                                  << ""
                                                                  << "f16" << qulonglong(85888);
        QTest::newRow("V3.2 llama.cpp q8_0: 61 x (18 + 4 blocks) x 34") << "deepseek-v3.2-exp"
                                                                        << "llama.cpp"
                                                                        << ""
                                                                        << "q8_0" << qulonglong(45628);
        QTest::newRow("V3.2 vLLM bf16 + fp8 indexer: 61 x (1152 + 132)") << "deepseek-v3.2-exp"
                                                                         << "vllm"
                                                                         << ""
                                                                         << "bf16" << qulonglong(78324);
        QTest::newRow("V3.2 transformers expanded + bf16 indexer: 61 x (128 x 320 + 128) x 2") << "deepseek-v3.2-exp"
                                                                                               << "transformers"
                                                                                               << ""
                                                                                               << "bf16" << qulonglong(5012736);
        // GLM-4.5-Air is GQA: 46 layers x 8 KV heads x 128 x (K + V) x 2.
        QTest::newRow("GLM-4.5-Air llama.cpp f16") << "glm-4.5-air"
                                                   << "llama.cpp"
                                                   << ""
                                                   << "f16" << qulonglong(188416);
    }
    void cachePerTokenByEngineVersion()
    {
        QFETCH(QString, model);
        QFETCH(QString, engine);
        QFETCH(QString, version);
        QFETCH(QString, kv);
        QFETCH(qulonglong, bytes);
        const auto type = *kvTypeFromName(kv.toStdString());
        QCOMPARE(perToken(model.toUtf8().constData(), engine.toUtf8().constData(), version.toUtf8().constData(), type), bytes);
    }

    void vllmOneSequenceOfV2LiteAt32k()
    {
        // vllm-project/vllm#15871 (v0.8.3.dev, DeepSeek-V2-Lite-Chat, max seq len 32768): "(0.95 GiB KV cache is
        // needed ...)": 32768 x 31104 B = 1,019,215,872 B = 0.949 GiB, printed as 0.95.
        const Bytes kv = perToken("deepseek-v2-lite", "vllm", "0.8.3", KvType::BF16) * 32768;
        QCOMPARE(kv, Bytes{1019215872});
        QCOMPARE(QString::number(static_cast<double>(kv) / static_cast<double>(GiB), 'f', 2), QStringLiteral("0.95"));
    }

    void vllmKeepsTheWholeLatentOnEveryRank()
    {
        // MLA's one latent head is not split over tensor-parallel ranks: Kimi-K2.5 on vLLM with TP=8 reports 163.59 GiB of
        // KV cache per rank for 2,499,584 tokens, i.e. 70,272 B a token = all of 61 x 576 x 2 (MoonshotAI/Kimi-K2.5#34, as
        // quoted in vramscout's Kimi MLA cache test, code-index id 67475578326). Kimi-K2-Instruct has the same attention.
        QCOMPARE(perToken("kimi-k2-instruct", "vllm", "", KvType::BF16), Bytes{70272});
        QCOMPARE(QString::number(2499584.0 * 70272.0 / static_cast<double>(GiB), 'f', 2), QStringLiteral("163.59"));

        RequestInputs in;
        in.model = "deepseek-v2-lite";
        in.engine = "vllm";
        in.quant = "hf-bf16";
        in.ctx = 32768;
        in.gpus = {std::string("h100-sxm-80gb")};
        const auto resolve = [](const RequestInputs &r) {
            auto out = resolveRequest(test::shippedCatalog(), r);
            if (auto *e = std::get_if<ResolveError>(&out))
                qFatal("resolve failed: %s=%s", e->field.c_str(), e->value.c_str());
            return std::get<ResolvedRequest>(std::move(out));
        };
        const auto one = estimate(resolve(in).request);
        in.gpuCount = 2;
        const auto two = estimate(resolve(in).request);
        QCOMPARE(one.devices.size(), std::size_t{1});
        QCOMPARE(two.devices.size(), std::size_t{2});
        QCOMPARE(one.devices[0].kvCache, Bytes{1019215872});
        QCOMPARE(two.devices[0].kvCache, Bytes{1019215872});
        QCOMPARE(two.devices[1].kvCache, Bytes{1019215872});
        QVERIFY(two.devices[0].weights < one.devices[0].weights); // the weights are split
    }

    void indexerWeightsAreCounted_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qulonglong>("params");
        // V3.2 = V3's 671,026,419,200 + 61 x 13,959,424 indexer parameters (catalog note); GLM-4.5-Air from its config.
        QTest::newRow("DeepSeek-V3.2-Exp") << "deepseek-v3.2-exp" << qulonglong(671877944064);
        QTest::newRow("GLM-4.5-Air") << "glm-4.5-air" << qulonglong(106852251264);
    }
    void indexerWeightsAreCounted()
    {
        QFETCH(QString, model);
        QFETCH(qulonglong, params);
        const auto &c = test::shippedCatalog();
        const auto &m = *c.findModel(model.toStdString());
        QCOMPARE(qulonglong(m.params), params);
        const auto inv = buildInventory(m, *c.findQuantization("hf-bf16"));
        QVERIFY(inv.has_value());
        QCOMPARE(qulonglong(inv->parameterCount()), params);
        QCOMPARE(qulonglong(inv->activeParameterCount()), qulonglong(m.activeParams));
    }

    void v2LiteHasNoQueryCompression()
    {
        const auto &c = test::shippedCatalog();
        const auto inv = buildInventory(*c.findModel("deepseek-v2-lite"), *c.findQuantization("hf-bf16"));
        QVERIFY(inv.has_value());
        bool q = false, qa = false;
        for (const auto &t : inv->tensors) {
            q = q || t.name == "blk.0.attn_q.weight";
            qa = qa || t.name == "blk.0.attn_q_a.weight";
        }
        QVERIFY(q);
        QVERIFY(!qa);
    }
};

QTEST_APPLESS_MAIN(TestMla)
#include "tst_mla.moc"
