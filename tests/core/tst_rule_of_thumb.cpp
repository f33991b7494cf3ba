// SPDX-License-Identifier: GPL-3.0-or-later
// The rule of thumb "parameters x bytes per weight (x 1.5-2)" beside the estimate: the rule's figure is the rule's
// own arithmetic on the catalog's parameter count and the name's width, and the gap's sign and size are right.
#include "test_catalog.h"

#include <headroom/estimator.h>
#include <headroom/request_resolver.h>
#include <headroom/rule_of_thumb.h>

#include <QtTest>

using namespace headroom;

namespace {

ResolvedRequest resolved(const std::string &model, const std::string &quant, const char *gpu, std::uint32_t ctx)
{
    RequestInputs in;
    in.model = model;
    in.quant = quant;
    in.gpus.push_back(gpu);
    in.ctx = ctx;
    auto r = resolveRequest(test::shippedCatalog(), in);
    if (auto *e = std::get_if<ResolveError>(&r))
        qFatal("resolve failed: %s=%s", e->field.c_str(), e->value.c_str());
    return std::move(std::get<ResolvedRequest>(r));
}

} // namespace

class TestRuleOfThumb : public QObject
{
    Q_OBJECT
private slots:
    void theRulesOwnArithmetic_data()
    {
        QTest::addColumn<QString>("quant");
        QTest::addColumn<double>("bytesPerWeight");
        // The seeds' table: FP32 4 B, FP16/BF16 2, INT8 1, INT4 0.5; what each name states.
        QTest::newRow("F32") << "F32" << 4.0;
        QTest::newRow("F16") << "F16" << 2.0;
        QTest::newRow("hf-bf16") << "hf-bf16" << 2.0;
        QTest::newRow("Q8_0") << "Q8_0" << 1.0;
        QTest::newRow("fp8") << "fp8" << 1.0;
        QTest::newRow("Q6_K") << "Q6_K" << 0.75;
        QTest::newRow("Q4_K_M") << "Q4_K_M" << 0.5;
        QTest::newRow("awq-int4") << "awq-int4" << 0.5;
        QTest::newRow("NVFP4") << "NVFP4" << 0.5;
        QTest::newRow("IQ2_XXS") << "IQ2_XXS" << 0.25;
    }
    void theRulesOwnArithmetic()
    {
        QFETCH(QString, quant);
        QFETCH(double, bytesPerWeight);
        const auto &qwen = test::shippedModel("qwen3-8b");
        const auto *q = test::shippedCatalog().findQuantization(quant.toStdString());
        QVERIFY(q);
        const auto rule = ruleOfThumb(qwen.params, *q);
        QVERIFY(rule);
        QCOMPARE(rule->parameters, std::uint64_t{8190735360});
        QCOMPARE(rule->bytesPerWeight, bytesPerWeight);
        QCOMPARE(rule->weights, static_cast<Bytes>(8190735360.0 * bytesPerWeight));
        QCOMPARE(rule->low, static_cast<Bytes>(8190735360.0 * bytesPerWeight * 1.5));
        QCOMPARE(rule->high, 2 * rule->weights);
    }

    /** A name that states no width (a file's own type the catalog does not list) has no rule. */
    void noWidthNoRule()
    {
        Quantization q = *test::shippedCatalog().findQuantization("Q4_K_M");
        q.nominalBits.reset();
        QVERIFY(!ruleOfThumb(8'000'000'000ULL, q));
        QVERIFY(!ruleOfThumb(0, *test::shippedCatalog().findQuantization("Q4_K_M")));
    }

    /** Qwen3-8B Q4_K_M at 8K on a 4090: the estimate beats the bare rule by more than Q4_K_M's extra 0.89 bpw. */
    void theGapToARealEstimate()
    {
        const auto rr = resolved("qwen3-8b", "Q4_K_M", "rtx-4090", 8192);
        const Placement p = estimate(rr.request);
        const auto rule = *ruleOfThumb(rr.request.model->params, *rr.quant);
        const Bytes total = placementTotal(p);
        Bytes byHand = p.host.total();
        for (const auto &d : p.devices)
            byHand += d.total();
        QCOMPARE(total, byHand);
        const auto cmp = compareWithRule(rule, total);
        QCOMPARE(cmp.estimate, total);
        QVERIFY(cmp.percent > 0);
        QCOMPARE(cmp.percent, (static_cast<double>(total) - static_cast<double>(rule.weights)) / static_cast<double>(rule.weights) * 100);
        // The weights alone are ~4.9 bpw: already ~22 % over the rule before any KV cache.
        QVERIFY(static_cast<double>(rr.inventory->total()) > 1.2 * static_cast<double>(rule.weights));
        // A longer context only widens the gap (the "memory assassin").
        const auto longer = resolved("qwen3-8b", "Q4_K_M", "rtx-4090", 32768);
        QVERIFY(compareWithRule(rule, placementTotal(estimate(longer.request))).percent > cmp.percent);
    }

    void gapBands()
    {
        RuleOfThumb r;
        r.weights = 1000;
        r.low = 1500;
        r.high = 2000;
        QCOMPARE(compareWithRule(r, 900).gap, RuleGap::BelowRule);
        QCOMPARE(compareWithRule(r, 900).percent, -10.0);
        QCOMPARE(compareWithRule(r, 1000).gap, RuleGap::AboveRule);
        QCOMPARE(compareWithRule(r, 1499).gap, RuleGap::AboveRule);
        QCOMPARE(compareWithRule(r, 1500).gap, RuleGap::WithinBand);
        QCOMPARE(compareWithRule(r, 2000).gap, RuleGap::WithinBand);
        QCOMPARE(compareWithRule(r, 2001).gap, RuleGap::AboveBand);
        QCOMPARE(compareWithRule(r, 2540).percent, 154.0);
        QCOMPARE(QString(ruleGapName(RuleGap::WithinBand)), QStringLiteral("within_band"));
    }
};

QTEST_APPLESS_MAIN(TestRuleOfThumb)
#include "tst_rule_of_thumb.moc"
