// SPDX-License-Identifier: GPL-3.0-or-later
// One layout per quantization: the catalog's bits per weight must be what its layout computes, and the
// inventory must store tensors by that layout (docs/catalog-schema.md, quantizations.json "layout").
#include "test_catalog.h"

#include <headroom/quality.h>
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
            const bool norm = t.ne[1] == 1 && t.ne[2] == 1;
            if (!l.unquantized() && ((norm && l.keeps(K::Norms)) || (t.name == "token_embd.weight" && l.keeps(K::Embeddings)) ||
                                     (t.name == "output.weight" && l.keeps(K::LmHead))))
                perWeight = 2.0;
            const auto expected = static_cast<Bytes>(std::ceil(static_cast<double>(t.elements()) * perWeight));
            QVERIFY2(t.bytes == expected, t.name.c_str());
        }
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
