// SPDX-License-Identifier: GPL-3.0-or-later
// One layout per quantization: the catalog's bits per weight must be what its layout computes, and the
// inventory must store tensors by that layout (docs/catalog-schema.md, quantizations.json "layout").
#include "test_catalog.h"

#include <headroom/quality.h>
#include <headroom/request_resolver.h>
#include <headroom/tensor_inventory.h>

#include <QtTest>

#include <cmath>
#include <map>

using namespace headroom;

class TestQuantLayout : public QObject
{
    Q_OBJECT

private slots:
    void bitsPerWeight_data()
    {
        QTest::addColumn<QString>("id");
        for (const auto &q : test::shippedCatalog().quantizations())
            QTest::newRow(q.id.c_str()) << QString::fromStdString(q.id);
    }

    /**
     * Grouped formats: bits + 8 * (scale + zero) / group (+ double-quant scales), exactly. GGUF file types: the
     * whole-file figure on the entry's reference model (tensor bytes x 8 / weights, as llama-quantize reports
     * it), at the 4 decimals llama.cpp's tools/quantize/README.md publishes.
     */
    void bitsPerWeight()
    {
        QFETCH(QString, id);
        const Catalog &c = test::shippedCatalog();
        const Quantization *q = c.findQuantization(id.toStdString());
        QVERIFY(q);
        for (const auto &other : c.quantizations())
            if (other.id == id.toStdString())
                q = &other; // the entry itself, not an alias in another format
        const QuantLayout &l = q->layout;
        if (q->format != WeightFormat::Gguf) {
            QVERIFY(!l.ggmlType);
            const double bits = l.unquantized() ? l.bits : 8.0 * l.bytesPerWeight();
            // Exact: QCOMPARE on doubles would be a fuzzy compare.
            QVERIFY2(bits == q->bpw, qPrintable(QString::number(bits, 'g', 17)));
            return;
        }
        QVERIFY(l.ggmlType);
        const ModelSpec *ref = c.findModel(l.bpwReference);
        QVERIFY2(ref, l.bpwReference.c_str());
        const auto inv = buildInventory(*ref, *q);
        QVERIFY(inv);
        const double bpw = static_cast<double>(inv->total()) * 8.0 / static_cast<double>(inv->parameterCount());
        QCOMPARE(std::llround(bpw * 1e4), std::llround(q->bpw * 1e4));
        // The layout's ggml type is the one that stores the most weights of the mix.
        std::map<std::string, std::uint64_t> byType;
        for (const auto &t : inv->tensors)
            byType[t.storage] += t.elements();
        auto most = byType.begin();
        for (auto it = byType.begin(); it != byType.end(); ++it)
            if (it->second > most->second)
                most = it;
        QCOMPARE(most->first, std::string(ggmlTypeTraits(*l.ggmlType).name));
    }

    /** Non-GGUF inventories store linears by the layout and keep exactly the listed classes at 16 bit. */
    void inventoryFollowsLayout_data() { bitsPerWeight_data(); }
    void inventoryFollowsLayout()
    {
        QFETCH(QString, id);
        const Catalog &c = test::shippedCatalog();
        const Quantization *q = nullptr;
        for (const auto &other : c.quantizations())
            if (other.id == id.toStdString())
                q = &other;
        QVERIFY(q);
        if (q->format == WeightFormat::Gguf)
            QSKIP("GGUF mixes are checked against llama-quantize figures in bitsPerWeight");
        const ModelSpec *m = c.findModel("llama-3.1-8b-instruct"); // untied embeddings: both classes present
        QVERIFY(m);
        const auto inv = buildInventory(*m, *q);
        QVERIFY(inv);
        const QuantLayout &l = q->layout;
        using K = QuantLayout::Keep;
        for (const auto &t : inv->tensors) {
            double perWeight = l.unquantized() ? l.bits / 8.0 : l.bytesPerWeight();
            const bool norm = (t.ne[1] == 1 && t.ne[2] == 1) || t.name.ends_with(".bias");
            if (!l.unquantized() && ((norm && l.keeps(K::Norms)) || (t.name == "token_embd.weight" && l.keeps(K::Embeddings)) ||
                                     (t.name == "output.weight" && l.keeps(K::LmHead)) || (!t.routedExpert && l.keeps(K::Dense))))
                perWeight = 2.0;
            const auto expected = static_cast<Bytes>(std::ceil(static_cast<double>(t.elements()) * perWeight));
            QVERIFY2(t.bytes == expected, t.name.c_str());
        }
    }

    /** gpt-oss's own checkpoint: the routed experts in MXFP4 (E2M1 + one E8M0 scale per 32 = 17 bytes per 32 weights,
     * vLLM Mxfp4MoEMethod), everything else BF16; 20.9B weights in 12.8 GiB, not the 39 GiB of BF16. */
    void expertsOnlyCheckpointQuantizesTheExperts()
    {
        const Catalog &c = test::shippedCatalog();
        const ModelSpec *m = c.findModel("gpt-oss-20b");
        const Quantization *q = c.findQuantization("hf-mxfp4", "vllm");
        QVERIFY(m && q);
        const auto inv = buildInventory(*m, *q);
        QVERIFY(inv);
        std::uint64_t expertWeights = 0;
        for (const auto &t : inv->tensors) {
            const bool bias = t.name.ends_with(".bias");
            const double perWeight = t.routedExpert && !bias ? 17.0 / 32.0 : 2.0;
            QVERIFY2(t.bytes == static_cast<Bytes>(std::ceil(static_cast<double>(t.elements()) * perWeight)), t.name.c_str());
            if (t.routedExpert && !bias)
                expertWeights += t.elements();
        }
        // 24 layers x 32 experts x (2 x 2880 x 2880 gate/up + 2880 x 2880 down), the config's shapes.
        QCOMPARE(expertWeights, std::uint64_t{24} * 32 * 3 * 2880 * 2880);
        QVERIFY(inv->total() < 14 * GiB);
        // With no quantization asked for, vLLM loads the checkpoint the model's repository ships.
        RequestInputs in;
        in.model = "gpt-oss-20b";
        in.engine = "vllm";
        in.gpus = {DeviceChoice("h100-sxm-80gb")};
        const auto r = resolveRequest(c, in);
        QVERIFY(std::holds_alternative<ResolvedRequest>(r));
        QCOMPARE(std::get<ResolvedRequest>(r).quant->id, std::string("hf-mxfp4"));
    }

    /** Bytes per 256 weights of each block type, from the block structs of ggml-common.h. */
    void blockBytesPer256Weights_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<qulonglong>("bytes");
        // ggml-org/llama.cpp ggml/src/ggml-common.h @ 01243c5: static_assert(sizeof(block_x) == ...) per type.
        QTest::newRow("Q2_K") << "Q2_K" << 84ULL;       // 2*half + QK_K/16 + QK_K/4
        QTest::newRow("Q3_K") << "Q3_K" << 110ULL;      // half + QK_K/4 + QK_K/8 + 12
        QTest::newRow("IQ1_M") << "IQ1_M" << 56ULL;     // QK_K/8 + QK_K/16 + QK_K/32
        QTest::newRow("IQ2_XS") << "IQ2_XS" << 74ULL;   // half + QK_K/8 * 2 + QK_K/32
        QTest::newRow("IQ2_S") << "IQ2_S" << 82ULL;     // half + QK_K/4 + QK_K/16
        QTest::newRow("IQ3_XXS") << "IQ3_XXS" << 98ULL; // half + 3 * QK_K/8
        QTest::newRow("IQ3_S") << "IQ3_S" << 110ULL;    // half + 13 * QK_K/32 + QK_K/64
        QTest::newRow("IQ4_NL") << "IQ4_NL" << 144ULL;  // 8 blocks of (half + 16)
        QTest::newRow("TQ1_0") << "TQ1_0" << 54ULL;     // half + QK_K/64 + (QK_K - 4 * QK_K/64) / 5
        QTest::newRow("TQ2_0") << "TQ2_0" << 66ULL;     // half + QK_K/4
        QTest::newRow("MXFP4") << "MXFP4" << 136ULL;    // 8 blocks of (1 + 16)
        QTest::newRow("NVFP4") << "NVFP4" << 144ULL;    // 4 blocks of (4 scales + 32)
    }
    void blockBytesPer256Weights()
    {
        QFETCH(QString, type);
        QFETCH(qulonglong, bytes);
        const auto t = ggmlTypeFromName(type.toStdString());
        QVERIFY(t);
        QCOMPARE(ggmlTensorBytes(*t, 256, 1).value_or(0), static_cast<Bytes>(bytes));
        // The GGUF reader knows the id too (a file with these tensors opens).
        QVERIFY(ggmlTypeTraits(static_cast<std::uint32_t>(*t)));
    }

    /** Per-tensor choices of the newer mixes on real shapes (src/llama-quant.cpp @ 007dbbf). */
    void mixOnRealShapes_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("quant");
        QTest::addColumn<QString>("tensor");
        QTest::addColumn<QString>("storage");
        // Llama-3.1-8B: GQA 32/8 = 4, 32 layers, attn_v [4096, 1024], ffn_down [14336, 4096].
        QTest::newRow("Q2_K_S attn_v") << "llama-3.1-8b-instruct"
                                       << "Q2_K_S"
                                       << "blk.5.attn_v.weight"
                                       << "Q4_K";
        QTest::newRow("Q2_K_S first ffn_down") << "llama-3.1-8b-instruct"
                                               << "Q2_K_S"
                                               << "blk.3.ffn_down.weight"
                                               << "Q4_K";
        QTest::newRow("Q2_K_S later ffn_down") << "llama-3.1-8b-instruct"
                                               << "Q2_K_S"
                                               << "blk.4.ffn_down.weight"
                                               << "Q2_K";
        QTest::newRow("Q2_K_S attn_output") << "llama-3.1-8b-instruct"
                                            << "Q2_K_S"
                                            << "blk.4.attn_output.weight"
                                            << "Q2_K";
        QTest::newRow("IQ2_S base") << "llama-3.1-8b-instruct"
                                    << "IQ2_S"
                                    << "blk.9.ffn_up.weight"
                                    << "IQ2_XS";
        QTest::newRow("IQ2_S attn_output") << "llama-3.1-8b-instruct"
                                           << "IQ2_S"
                                           << "blk.9.attn_output.weight"
                                           << "IQ3_S";
        QTest::newRow("IQ2_M token_embd") << "llama-3.1-8b-instruct"
                                          << "IQ2_M"
                                          << "token_embd.weight"
                                          << "IQ3_S";
        QTest::newRow("IQ2_M output") << "llama-3.1-8b-instruct"
                                      << "IQ2_M"
                                      << "output.weight"
                                      << "Q5_K";
        QTest::newRow("IQ3_M attn_v") << "llama-3.1-8b-instruct"
                                      << "IQ3_M"
                                      << "blk.20.attn_v.weight"
                                      << "Q4_K";
        QTest::newRow("IQ3_M ffn_down") << "llama-3.1-8b-instruct"
                                        << "IQ3_M"
                                        << "blk.20.ffn_down.weight"
                                        << "IQ3_S";
        QTest::newRow("IQ3_XS middle ffn_up") << "llama-3.1-8b-instruct"
                                              << "IQ3_XS"
                                              << "blk.16.ffn_up.weight"
                                              << "IQ3_XXS";
        QTest::newRow("IQ3_XS first ffn_up") << "llama-3.1-8b-instruct"
                                             << "IQ3_XS"
                                             << "blk.3.ffn_up.weight"
                                             << "IQ3_S";
        QTest::newRow("IQ3_XXS attn_q") << "llama-3.1-8b-instruct"
                                        << "IQ3_XXS"
                                        << "blk.0.attn_q.weight"
                                        << "IQ2_S";
        QTest::newRow("TQ1_0 token_embd") << "llama-3.1-8b-instruct"
                                          << "TQ1_0"
                                          << "token_embd.weight"
                                          << "Q4_K";
        QTest::newRow("NVFP4 attn_v") << "llama-3.1-8b-instruct"
                                      << "NVFP4"
                                      << "blk.0.attn_v.weight"
                                      << "NVFP4";
        QTest::newRow("NVFP4 output") << "llama-3.1-8b-instruct"
                                      << "NVFP4"
                                      << "output.weight"
                                      << "Q6_K";
        // Qwen2.5-7B: GQA 28/4 = 7 raises attn_v of the low-bit IQ types to Q4_K; its 18944-wide ffn_down rows fill 74 blocks of 256.
        QTest::newRow("IQ2_S qwen attn_v") << "qwen2.5-7b-instruct"
                                           << "IQ2_S"
                                           << "blk.1.attn_v.weight"
                                           << "Q4_K";
        QTest::newRow("IQ1_M qwen ffn_down") << "qwen2.5-7b-instruct"
                                             << "IQ1_M"
                                             << "blk.27.ffn_down.weight"
                                             << "IQ1_M";
    }
    void mixOnRealShapes()
    {
        QFETCH(QString, model);
        QFETCH(QString, quant);
        QFETCH(QString, tensor);
        QFETCH(QString, storage);
        const Catalog &c = test::shippedCatalog();
        const ModelSpec *m = c.findModel(model.toStdString());
        const Quantization *q = c.findQuantization(quant.toStdString(), "llama.cpp");
        QVERIFY(m && q);
        const auto inv = buildInventory(*m, *q);
        QVERIFY(inv);
        const Tensor *found = nullptr;
        for (const auto &t : inv->tensors)
            if (t.name == tensor.toStdString())
                found = &t;
        QVERIFY2(found, qPrintable(tensor));
        QCOMPARE(QString::fromStdString(found->storage), storage);
        const auto type = ggmlTypeFromName(storage.toStdString());
        QCOMPARE(found->bytes, ggmlTensorBytes(*type, found->ne[0], found->ne[1] * found->ne[2]).value_or(0));
    }

    /**
     * Published GGUF sizes (models.json gguf_files) are tensors plus header: where the file type has ported rules,
     * the derived tensor bytes fit under the published file by no more than its metadata (tokenizer, chat template).
     */
    void publishedFilesHoldTheDerivedMix()
    {
        const Catalog &c = test::shippedCatalog();
        int checked = 0;
        for (const auto &m : c.models())
            for (const auto &f : m.ggufFiles) {
                QVERIFY2(f.bytes > 0 && !f.repo.empty() && !f.file.empty(), m.id.c_str());
                const Quantization *q = c.findQuantization(f.quant, "llama.cpp");
                if (!q)
                    continue; // UD-* and other files no rule describes: the published size is the figure
                const auto inv = buildInventory(m, *q);
                QVERIFY(inv);
                const auto header = static_cast<long long>(f.bytes) - static_cast<long long>(inv->total());
                QVERIFY2(header > 0 && header < 16 * 1024 * 1024,
                         qPrintable(QString::fromStdString(m.id + " " + f.quant) + " header " + QString::number(header)));
                ++checked;
            }
        QVERIFY(checked >= 3);
    }

    /** A 32-bit checkpoint is 4 bytes a weight, not 2. */
    void f32CheckpointIsFourBytes()
    {
        const Catalog &c = test::shippedCatalog();
        const Quantization *q = c.findQuantization("hf-f32");
        QVERIFY(q);
        const ModelSpec *m = c.findModel("qwen2.5-7b-instruct");
        QVERIFY(m);
        const auto inv = buildInventory(*m, *q);
        QVERIFY(inv);
        QCOMPARE(inv->total(), Bytes{4} * inv->parameterCount());
    }

    /** Lossless entries are the released precision: unquantized, and scored without loss by the advisor. */
    void losslessIsUnquantized()
    {
        const Catalog &c = test::shippedCatalog();
        const ModelSpec *m = c.findModel("llama-3.1-8b-instruct");
        QVERIFY(m);
        int lossless = 0;
        for (const auto &q : c.quantizations()) {
            if (!q.lossless)
                continue;
            ++lossless;
            const bool wide = q.layout.ggmlType ? ggmlTypeTraits(*q.layout.ggmlType).blockSize == 1 : q.layout.unquantized();
            QVERIFY2(wide, q.id.c_str());
            const auto r = measuredRecovery(c, q, *m);
            QVERIFY(std::holds_alternative<Recovery>(r) && std::get<Recovery>(r).lossless && std::get<Recovery>(r).factor == 1.0);
        }
        QVERIFY(lossless >= 5);
    }
};

QTEST_APPLESS_MAIN(TestQuantLayout)
#include "tst_quant_layout.moc"
