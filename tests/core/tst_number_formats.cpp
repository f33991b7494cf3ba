// SPDX-License-Identifier: GPL-3.0-or-later
// Number formats and ggml block layouts: the range each format's bit fields give equals what its specification
// publishes, and each block layout's fields fill exactly the block size ggml declares.
#include "test_catalog.h"

#include <headroom/ggml_type.h>
#include <headroom/number_format.h>

#include <QtTest>

#include <cmath>

using namespace headroom;

namespace {

const NumberFormat &format(const char *id)
{
    const auto *f = test::shippedCatalog().findNumberFormat(id);
    if (!f)
        qFatal("no number format %s", id);
    return *f;
}

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b));
}

} // namespace

class TestNumberFormats : public QObject
{
    Q_OBJECT
private slots:
    void computedRangeIsThePublishedOne_data()
    {
        QTest::addColumn<QString>("id");
        for (const auto &f : test::shippedCatalog().numberFormats())
            if (f.kind != NumberKind::Block)
                QTest::newRow(f.id.c_str()) << QString::fromStdString(f.id);
    }
    void computedRangeIsThePublishedOne()
    {
        QFETCH(QString, id);
        const NumberFormat &f = format(id.toUtf8().constData());
        QVERIFY(f.published);
        const PublishedRange &p = *f.published;
        const NumberRange r = numberRange(f);
        QVERIFY2(close(r.maxFinite, p.maxFinite), qPrintable(QString::number(r.maxFinite, 'g', 17)));
        if (p.minNormal) {
            QVERIFY(r.minNormal);
            QVERIFY2(close(*r.minNormal, *p.minNormal), qPrintable(QString::number(*r.minNormal, 'g', 17)));
        }
        // A float publishes its subnormal minimum exactly when it has subnormals.
        QCOMPARE(r.minSubnormal.has_value(), p.minSubnormal.has_value());
        if (p.minSubnormal)
            QVERIFY2(close(*r.minSubnormal, *p.minSubnormal), qPrintable(QString::number(*r.minSubnormal, 'g', 17)));
        if (p.minValue)
            QVERIFY(close(r.minValue, *p.minValue));
        if (p.minPositive)
            QVERIFY(close(r.minPositive, *p.minPositive));
    }

    /** The figures people quote, as literals: a data edit that changes one fails here too. */
    void theQuotedFigures()
    {
        QCOMPARE(numberRange(format("fp16")).maxFinite, 65504.0);
        QCOMPARE(numberRange(format("fp8-e4m3")).maxFinite, 448.0);
        QCOMPARE(numberRange(format("fp8-e5m2")).maxFinite, 57344.0);
        QCOMPARE(numberRange(format("fp4-e2m1")).maxFinite, 6.0);
        QCOMPARE(numberRange(format("int8")).maxFinite, 127.0);
        QCOMPARE(numberRange(format("int4")).minValue, -8.0);
        QVERIFY(std::abs(numberRange(format("bf16")).maxFinite - 3.39e38) < 0.01e38);
        QVERIFY(std::abs(numberRange(format("fp32")).maxFinite - 3.40e38) < 0.01e38);
        // BF16 keeps FP32's range and gives up precision: 8 mantissa bits against 24.
        QCOMPARE(*numberRange(format("bf16")).minNormal, *numberRange(format("fp32")).minNormal);
        QCOMPARE(numberRange(format("bf16")).relativeStep, 0.0078125);
        QVERIFY(std::abs(numberRange(format("fp32")).decimalDigits - 7.22) < 0.01);
        QVERIFY(std::abs(numberRange(format("fp16")).decimalDigits - 3.31) < 0.01);
    }

    /** E4M3 "fn" has no infinity and one NaN per sign; E5M2 keeps IEEE's; E2M1 has neither. */
    void specialValues()
    {
        const auto e4m3 = numberRange(format("fp8-e4m3"));
        QVERIFY(!e4m3.infinity);
        QVERIFY(e4m3.nan);
        const auto e5m2 = numberRange(format("fp8-e5m2"));
        QVERIFY(e5m2.infinity);
        QVERIFY(e5m2.nan);
        const auto e2m1 = numberRange(format("fp4-e2m1"));
        QVERIFY(!e2m1.infinity);
        QVERIFY(!e2m1.nan);
        // 256 patterns less S.1111.111 twice, +0 and -0 one value: 253. E2M1: the 15 values NVIDIA and OCP list.
        QCOMPARE(representableValues(format("fp8-e4m3")).size(), std::size_t{253});
        QCOMPARE(representableValues(format("fp8-e5m2")).size(), std::size_t{256 - 2 * 4 - 1}); // 4 inf/NaN codes
        const auto fp4 = representableValues(format("fp4-e2m1"));
        QCOMPARE(fp4, (std::vector<double>{-6, -4, -3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 4, 6}));
        QCOMPARE(representableValues(format("nf4")).size(), std::size_t{16});
        QCOMPARE(representableValues(format("int4")).size(), std::size_t{16});
        QVERIFY(representableValues(format("fp16")).empty()); // too wide to list
        // E8M0: every code but 0xFF is a power of two, none of them zero.
        const auto e8m0 = representableValues(format("e8m0"));
        QCOMPARE(e8m0.size(), std::size_t{255});
        QCOMPARE(e8m0.front(), std::ldexp(1.0, -127));
        QCOMPARE(e8m0.back(), std::ldexp(1.0, 127));
    }

    /** A block's bits per element agree with the quantizations that store it and with ggml's block sizes. */
    void blockScalingBitsPerElement()
    {
        const auto &c = test::shippedCatalog();
        const auto perElement = [&](const char *id) {
            const NumberFormat &f = format(id);
            const NumberFormat &element = f.kind == NumberKind::Block ? format(f.element.c_str()) : f;
            return bitsPerElement(f, element, c.findNumberFormat(f.block->scale));
        };
        const auto ggmlBits = [](GgmlType t) {
            const auto traits = ggmlTypeTraits(t);
            return 8.0 * traits.blockBytes / traits.blockSize;
        };
        QCOMPARE(perElement("mxfp4"), 4.25);
        QCOMPARE(perElement("mxfp4"), ggmlBits(GgmlType::MXFP4));
        QCOMPARE(perElement("mxfp4"), 8 * c.findQuantization("mlx-mxfp4")->layout.bytesPerWeight());
        QCOMPARE(perElement("nvfp4"), 4.5);
        QCOMPARE(perElement("nvfp4"), ggmlBits(GgmlType::NVFP4));
        QCOMPARE(perElement("nvfp4"), 8 * c.findQuantization("modelopt-nvfp4")->layout.bytesPerWeight());
        QCOMPARE(perElement("nf4"), 4.5); // QLoRA: a 32-bit constant per 64 weights adds 0.5 bit
        QCOMPARE(format("nvfp4").block->tensorScale, std::string("fp32"));
    }

    void blockLayoutsFillTheirBlocks_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<double>("bpw");
        QTest::addColumn<double>("quantBits");
        // Bits per weight as ggml-common.h's comments state them ("Effectively 4.5 bits per weight").
        QTest::newRow("Q4_0") << int(GgmlType::Q4_0) << 4.5 << 4.0;
        QTest::newRow("Q8_0") << int(GgmlType::Q8_0) << 8.5 << 8.0;
        QTest::newRow("Q2_K") << int(GgmlType::Q2_K) << 2.625 << 2.0;
        QTest::newRow("Q3_K") << int(GgmlType::Q3_K) << 3.4375 << 3.0;
        QTest::newRow("Q4_K") << int(GgmlType::Q4_K) << 4.5 << 4.0;
        QTest::newRow("Q5_K") << int(GgmlType::Q5_K) << 5.5 << 5.0;
        QTest::newRow("Q6_K") << int(GgmlType::Q6_K) << 6.5625 << 6.0;
        QTest::newRow("MXFP4") << int(GgmlType::MXFP4) << 4.25 << 4.0;
        QTest::newRow("NVFP4") << int(GgmlType::NVFP4) << 4.5 << 4.0;
    }
    void blockLayoutsFillTheirBlocks()
    {
        QFETCH(int, type);
        QFETCH(double, bpw);
        QFETCH(double, quantBits);
        const auto t = static_cast<GgmlType>(type);
        const auto layout = ggmlBlockLayout(t);
        QVERIFY(layout);
        const auto traits = ggmlTypeTraits(t);
        std::uint32_t bits = 0;
        for (const auto &f : layout->fields) {
            QVERIFY2(f.bits() % 8 == 0, f.name.data()); // every field is whole bytes
            bits += f.bits();
        }
        QCOMPARE(bits, traits.blockBytes * 8);
        QCOMPARE(8.0 * traits.blockBytes / traits.blockSize, bpw);
        QCOMPARE(layout->quantBitsPerWeight(traits.blockSize), quantBits);
        QCOMPARE(traits.blockSize % layout->subBlocks, 0U);
    }
    void theSuperBlocksPeopleAskAbout()
    {
        QCOMPARE(ggmlTypeTraits(GgmlType::Q4_K).blockBytes, 144U);
        QCOMPARE(ggmlTypeTraits(GgmlType::Q6_K).blockBytes, 210U);
        QCOMPARE(ggmlTypeTraits(GgmlType::Q4_K).blockSize, 256U);
        QVERIFY(!ggmlBlockLayout(GgmlType::IQ2_XXS)); // grid codebooks: not drawn
    }

    /** A GGUF file type's stated width is the bits its base block type gives each weight, before the scales. */
    void nominalBitsAreTheBaseTypesQuantBits()
    {
        int checked = 0;
        for (const auto &q : test::shippedCatalog().quantizations()) {
            if (q.format != WeightFormat::Gguf || !q.layout.ggmlType || !q.nominalBits)
                continue;
            const auto layout = ggmlBlockLayout(*q.layout.ggmlType);
            if (!layout)
                continue;
            QVERIFY2(*q.nominalBits == layout->quantBitsPerWeight(ggmlTypeTraits(*q.layout.ggmlType).blockSize), q.id.c_str());
            ++checked;
        }
        QVERIFY(checked >= 12);
    }
};

QTEST_APPLESS_MAIN(TestNumberFormats)
#include "tst_number_formats.moc"
