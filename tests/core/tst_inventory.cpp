// SPDX-License-Identifier: GPL-3.0-or-later
// Weights: tensor bytes derived from the architecture + llama.cpp's per-tensor type rules, checked
// against real GGUF blob sizes (Ollama registry manifests; a blob is tensor data plus a few MB of
// metadata, so the derived bytes must sit just under the blob).
#include "test_catalog.h"

#include <headroom/ggml_type.h>
#include <headroom/tensor_inventory.h>

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace headroom;

class TestInventory : public QObject
{
    Q_OBJECT

private slots:
    void blockSizes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<qulonglong>("rowBytesFor256");
        // bytes of one 256-element row (ggml-common.h block structs)
        QTest::newRow("Q8_0 34B/32") << "Q8_0" << qulonglong(272);
        QTest::newRow("Q4_K 144B/256") << "Q4_K" << qulonglong(144);
        QTest::newRow("Q6_K 210B/256") << "Q6_K" << qulonglong(210);
        QTest::newRow("Q4_0 18B/32") << "Q4_0" << qulonglong(144);
        QTest::newRow("IQ2_XXS 66B/256") << "IQ2_XXS" << qulonglong(66);
        QTest::newRow("MXFP4 17B/32") << "MXFP4" << qulonglong(136);
        QTest::newRow("F16") << "F16" << qulonglong(512);
    }
    void blockSizes()
    {
        QFETCH(QString, type);
        QFETCH(qulonglong, rowBytesFor256);
        const auto t = ggmlTypeFromName(type.toStdString());
        QVERIFY(t);
        QCOMPARE(ggmlTensorBytes(*t, 256, 1).value_or(0), rowBytesFor256);
    }

    void partialBlockIsRejected() { QVERIFY(!ggmlTensorBytes(GgmlType::Q4_K, 100, 1)); }

    void weightsMatchRealFiles_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<qulonglong>("fileBytes");
        QTest::addColumn<double>("maxMetadataMiB");
        // Every tag with an exact blob size in the catalog (sources there).
        for (const auto &m : test::shippedCatalog().models())
            for (const auto &t : m.ollama)
                if (t.fileBytes > 0)
                    QTest::newRow(t.tag.c_str()) << QString::fromStdString(t.tag) << qulonglong(t.fileBytes) << 16.0;
    }
    void weightsMatchRealFiles()
    {
        QFETCH(QString, tag);
        QFETCH(qulonglong, fileBytes);
        QFETCH(double, maxMetadataMiB);
        const auto &c = test::shippedCatalog();
        const auto match = c.resolveModel(tag.toStdString());
        QVERIFY(match);
        const auto *quant = c.findQuantization(match->impliedQuant, "ollama");
        QVERIFY(quant);
        const auto inv = buildInventory(*match->model, *quant, MixVariant::OllamaMxfp4Bf16);
        QVERIFY(inv);
        const double metadataMiB = (static_cast<double>(fileBytes) - static_cast<double>(inv->total())) / MiB;
        // Tensor data never exceeds the file, and the rest (tokenizer, metadata) is a few MB.
        QVERIFY2(metadataMiB >= 0.0, qPrintable(QString("derived %1 > file %2").arg(inv->total()).arg(fileBytes)));
        QVERIFY2(metadataMiB <= maxMetadataMiB, qPrintable(QString("metadata would be %1 MiB").arg(metadataMiB)));
    }

    void q4kmIsAbout4Point9Bits_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("quant");
        QTest::addColumn<double>("minBpw");
        QTest::addColumn<double>("maxBpw");
        // llama.cpp tools/quantize/README.md: Llama-3.1-8B Q4_K_M 4.8944 bpw, Q8_0 8.5008, Q6_K 6.5633
        QTest::newRow("llama3.1-8b Q4_K_M") << "llama-3.1-8b-instruct" << "Q4_K_M" << 4.85 << 4.95;
        QTest::newRow("llama3.1-8b Q8_0") << "llama-3.1-8b-instruct" << "Q8_0" << 8.49 << 8.51;
        QTest::newRow("llama3.1-8b Q6_K") << "llama-3.1-8b-instruct" << "Q6_K" << 6.55 << 6.58;
        QTest::newRow("llama3.1-8b Q5_K_M") << "llama-3.1-8b-instruct" << "Q5_K_M" << 5.65 << 5.75;
        QTest::newRow("llama3.1-8b F16") << "llama-3.1-8b-instruct" << "F16" << 15.99 << 16.01;
    }
    void q4kmIsAbout4Point9Bits()
    {
        QFETCH(QString, model);
        QFETCH(QString, quant);
        QFETCH(double, minBpw);
        QFETCH(double, maxBpw);
        const auto &c = test::shippedCatalog();
        const auto inv = buildInventory(*c.findModel(model.toStdString()), *c.findQuantization(quant.toStdString()));
        QVERIFY(inv);
        const double bpw = static_cast<double>(inv->total()) * 8.0 / static_cast<double>(inv->parameterCount());
        QVERIFY2(bpw >= minBpw && bpw <= maxBpw, qPrintable(QString::number(bpw)));
    }

    void parameterCountMatchesCatalog()
    {
        // The tensor list derived from the architecture must add up to the catalog's parameter count.
        for (const auto &m : test::shippedCatalog().models()) {
            const auto shapes = architectureTensors(m);
            std::uint64_t n = 0;
            for (const auto &t : shapes)
                n += t.elements();
            const double ratio = static_cast<double>(n) / static_cast<double>(m.params);
            QVERIFY2(ratio > 0.97 && ratio < 1.03, qPrintable(QString::fromStdString(m.id) + ": " + QString::number(ratio)));
        }
    }

    void checkpointWithItsOwnLmHeadUnties()
    {
        // Qwen3-4B ties its embeddings, but Qwen/Qwen3-4B-FP8 ships a bf16 lm_head of its own (models.json checkpoints):
        // laid out as fp8 the model holds one more [151936, 2560] bf16 matrix, as bf16 it does not.
        const auto &c = test::shippedCatalog();
        const ModelSpec &m = *c.findModel("qwen3-4b");
        QVERIFY(m.tiedEmbeddings);
        const auto fp8 = buildInventory(m, *c.findQuantization("fp8", "transformers"));
        const auto bf16 = buildInventory(m, *c.findQuantization("hf-bf16", "transformers"));
        QVERIFY(fp8 && bf16);
        QVERIFY(!fp8->tiesOutput());
        QVERIFY(bf16->tiesOutput());
        const auto head = std::find_if(fp8->tensors.begin(), fp8->tensors.end(), [](const Tensor &t) { return t.name == "output.weight"; });
        QVERIFY(head != fp8->tensors.end());
        QCOMPARE(head->bytes, Bytes{151936} * 2560 * 2); // kept in bf16 (quantizations.json fp8 keep_16bit lm_head)
        // Qwen/Qwen3-1.7B-FP8 is listed at 2.47 GiB (hf-fetch-model, PCfVW/anamnesis ROADMAP.md); tied it would be 1.89.
        const auto small = buildInventory(*c.findModel("qwen3-1.7b"), *c.findQuantization("fp8", "transformers"));
        QVERIFY(small && !small->tiesOutput());
        QCOMPARE(std::round(toGiB(small->total()) * 100) / 100, 2.47);
        // A model without a published checkpoint for that precision keeps the config's tie.
        const ModelSpec &tied = *c.findModel("llama-3.2-3b-instruct");
        QVERIFY(tied.tiedEmbeddings && tied.checkpoints.empty());
        QVERIFY(buildInventory(tied, *c.findQuantization("fp8", "transformers"))->tiesOutput());
    }

    void moeActiveBytesUseSelectedExperts()
    {
        const auto &c = test::shippedCatalog();
        const auto inv = buildInventory(*c.findModel("qwen3-30b-a3b"), *c.findQuantization("Q4_K_M"));
        QVERIFY(inv);
        // 8 of 128 experts per token: well under a fifth of the weights are read per token.
        QVERIFY(inv->activeBytes() < inv->total() / 5);
        QVERIFY(inv->activeBytes() > inv->total() / 20);
    }
};

QTEST_APPLESS_MAIN(TestInventory)
#include "tst_inventory.moc"
