// SPDX-License-Identifier: GPL-3.0-or-later
// The Number formats tab and the Estimate chart's rule-of-thumb row show core's figures: the range each format's
// bits give, the bytes of each ggml block field, the estimate's own storage mix, the rule's arithmetic and its gap.
#include "bit_layout_view.h"
#include "chart_panel.h"
#include "estimate_model.h"
#include "main_window.h"
#include "number_format_panel.h"
#include "rule_of_thumb_series.h"
#include "test_support.h"

#include <headroom/rule_of_thumb.h>
#include <headroom/storage_mix.h>

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>

using namespace headroom;
using namespace headroom::gui;

namespace {

double widthOf(const BitLayoutView::Row &row)
{
    double w = 0;
    for (const auto &s : row.segments)
        w += s.width;
    return w;
}

} // namespace

class TestNumberFormatsPanel : public QObject
{
    Q_OBJECT
private slots:
    void formatsDrawTheirBitsAndSayTheirRange()
    {
        NumberFormatPanel panel(test::catalog());
        QCOMPARE(panel.formatChoice()->count(), int(test::catalog().numberFormats().size()));
        QVERIFY(panel.selectFormat(QStringLiteral("fp16")));
        QVERIFY2(panel.formatText()->text().contains(QLocale().toString(65504.0, 'g', 6)), qPrintable(panel.formatText()->text()));
        const auto &fp16 = panel.formatView()->rows().front();
        QCOMPARE(fp16.segments.size(), std::size_t{3});
        QCOMPARE(fp16.segments[1].width, 5.0);  // exponent
        QCOMPARE(fp16.segments[2].width, 10.0); // mantissa
        QVERIFY(panel.selectFormat(QStringLiteral("fp8-e4m3")));
        QVERIFY(panel.formatText()->text().contains(QStringLiteral("448")));
        QVERIFY(panel.formatText()->text().contains(QStringLiteral("No infinity")));
        QVERIFY(panel.selectFormat(QStringLiteral("bf16")));
        QVERIFY(panel.formatText()->text().contains(QStringLiteral("3.39 × 10<sup>38</sup>")));
        // MXFP4: its element and a block of one E8M0 scale and 32 elements, 8 + 32 x 4 bits; 4.25 bits per value.
        QVERIFY(panel.selectFormat(QStringLiteral("mxfp4")));
        const auto &rows = panel.formatView()->rows();
        QCOMPARE(rows.size(), std::size_t{2});
        QCOMPARE(rows[1].segments.size(), std::size_t{33});
        QCOMPARE(widthOf(rows[1]), 136.0);
        QVERIFY(!rows[0].numberLine.empty()); // E2M1's 15 values on a line
        QVERIFY(panel.formatText()->text().contains(QStringLiteral("4.25")));
        QVERIFY(panel.selectFormat(QStringLiteral("nvfp4")));
        QVERIFY(panel.formatText()->text().contains(QStringLiteral("4.5 bits")));
        QVERIFY(panel.formatText()->text().contains(QStringLiteral("FP32")));
        QVERIFY(panel.selectFormat(QStringLiteral("nf4")));
        QCOMPARE(panel.formatView()->rows().front().numberLine.size(), std::size_t{16});
    }

    /** Every format and block type draws (set HEADROOM_SHOT_DIR to keep the pictures and look at them). */
    void everyChoiceDraws()
    {
        NumberFormatPanel panel(test::catalog());
        panel.resize(1000, 900);
        const QString dir = qEnvironmentVariable("HEADROOM_SHOT_DIR");
        for (int i = 0; i < panel.formatChoice()->count(); ++i) {
            panel.formatChoice()->setCurrentIndex(i);
            panel.blockChoice()->setCurrentIndex(i % panel.blockChoice()->count());
            QVERIFY(panel.formatView()->heightForWidth(800) > 60);
            QVERIFY(!panel.formatText()->text().isEmpty());
            QVERIFY(!panel.blockText()->text().isEmpty());
            const QImage shot = panel.grab().toImage();
            QVERIFY(!shot.isNull());
            if (!dir.isEmpty())
                shot.save(dir + QLatin1Char('/') + panel.formatChoice()->currentData().toString() + QStringLiteral(".png"));
        }
    }

    void blocksAddUpAndTheEstimatesMixExplainsItsBits()
    {
        NumberFormatPanel panel(test::catalog());
        QVERIFY(panel.selectBlock(QStringLiteral("Q6_K")));
        QCOMPARE(widthOf(panel.blockView()->rows().front()), 210.0);
        QVERIFY(panel.blockText()->text().contains(QStringLiteral("6.5625")));
        QVERIFY(panel.selectBlock(QStringLiteral("Q8_0")));
        QCOMPARE(widthOf(panel.blockView()->rows().front()), 34.0);

        // The window's estimate picks the quantization's own block type and adds the file's mix.
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in;
        in.model = QStringLiteral("qwen3-8b");
        in.quant = QStringLiteral("Q4_K_M");
        w.setInputs(in);
        w.recompute();
        NumberFormatPanel *formats = w.numberFormatPanel();
        QCOMPARE(formats->blockChoice()->currentText(), QStringLiteral("Q4_K"));
        const auto &rows = formats->blockView()->rows();
        QCOMPARE(rows.size(), std::size_t{2});
        QCOMPARE(widthOf(rows[0]), 144.0);
        const auto mix = storageMix(*w.evaluation().resolved->inventory);
        QCOMPARE(rows[1].segments.size(), mix.size());
        QCOMPARE(rows[1].segments[0].label, QStringLiteral("Q4_K"));
        bool q6 = false;
        for (const auto &s : rows[1].segments)
            q6 = q6 || s.label == QLatin1String("Q6_K");
        QVERIFY(q6); // Q4_K_M keeps attn_v, ffn_down and the output in Q6_K
        QVERIFY(formats->blockText()->text().contains(QStringLiteral("Q4_K_M says 4 bits")));
    }

    void chartShowsTheRuleBesideTheEstimate()
    {
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in;
        in.model = QStringLiteral("qwen3-8b");
        in.quant = QStringLiteral("Q4_K_M");
        in.gpu = QStringLiteral("rtx-4090");
        in.ctx = 8192;
        w.setInputs(in);
        w.recompute();
        const auto rule = ruleOfThumb(*w.evaluation().resolved);
        QVERIFY(rule);
        const auto cmp = compareWithRule(*rule, placementTotal(*w.evaluation().placement));
        const auto shown = w.estimateModel()->ruleComparison();
        QVERIFY(shown);
        QCOMPARE(shown->estimate, cmp.estimate);
        QCOMPARE(shown->percent, cmp.percent);

        ChartPanel *chart = w.chartPanel();
        auto *axis = qobject_cast<QBarCategoryAxis *>(chart->chart()->axes(Qt::Vertical).front());
        QVERIFY(axis);
        QCOMPARE(axis->categories().last(), RuleOfThumbSeries::rowName());
        RuleOfThumbSeries *series = chart->ruleOfThumb();
        QVERIFY(series->ruleBar()->isVisible());
        QCOMPARE(series->ruleBar()->upperSeries()->at(1).x(), toGiB(rule->weights));
        QCOMPARE(series->band()->upperSeries()->at(0).x(), toGiB(rule->low));
        QCOMPARE(series->band()->upperSeries()->at(1).x(), toGiB(rule->high));
        QCOMPARE(series->estimateMarker()->at(0).x(), toGiB(cmp.estimate));
        const QString sentence = chart->ruleOfThumbLabel()->text();
        QVERIFY2(sentence.contains(QStringLiteral("8.19 B parameters × 0.5 B per weight = 4.10 GB")), qPrintable(sentence));
        QVERIFY2(sentence.contains(QStringLiteral("%1 % more").arg(std::lround(cmp.percent))), qPrintable(sentence));

        // No width in the name, no rule: the row and the sentence go away.
        w.estimateModel()->setRuleOfThumb(std::nullopt);
        w.estimateModel()->setPlacement(*w.evaluation().placement);
        QVERIFY(!series->ruleBar()->isVisible());
        QVERIFY(axis->categories().last() != RuleOfThumbSeries::rowName());
        QVERIFY(chart->ruleOfThumbLabel()->isHidden());
    }
};

QTEST_MAIN(TestNumberFormatsPanel)
#include "tst_number_formats_panel.moc"
