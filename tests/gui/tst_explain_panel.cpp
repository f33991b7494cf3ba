// SPDX-License-Identifier: GPL-3.0-or-later
// "Why these numbers": the details pane's rows add up to the bars, a click on a bar selects its segment, the
// tooltip carries the arithmetic, and the words are in Chinese with the shipped translation.
#include "chart_panel.h"
#include "estimate_model.h"
#include "explain_model.h"
#include "explain_panel.h"
#include "explain_texts.h"
#include "main_window.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QToolButton>
#include <QToolTip>
#include <QTranslator>
#include <QTreeView>

using namespace headroom;
using namespace headroom::gui;

Q_DECLARE_METATYPE(headroom::RequestInputs)

namespace {

RequestInputs request(const QString &model, const QStringList &gpus, std::optional<std::uint32_t> ctx, const QString &engine = {})
{
    RequestInputs in;
    in.model = model.toStdString();
    in.ctx = ctx;
    in.engine = engine.toStdString();
    for (const QString &g : gpus)
        in.gpus.push_back(g.toStdString());
    if (gpus.isEmpty())
        in.hostRam = 64 * GiB; // a CPU-only machine
    return in;
}

/** Sum of the counted rows under `parent` (the terms of a segment, or the parts of a term). */
Bytes countedChildren(const QAbstractItemModel &m, const QModelIndex &parent)
{
    Bytes sum = 0;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, ExplainModel::WhatColumn, parent);
        if (i.data(ExplainModel::CountedRole).toBool())
            sum += i.data(ExplainModel::BytesRole).toULongLong();
    }
    return sum;
}

/** Every term with parts is their sum; returns the number of terms checked. */
int verifyParts(const QAbstractItemModel &m, const QModelIndex &term)
{
    int checked = 1;
    if (m.rowCount(term) > 0)
        [&] { QCOMPARE(countedChildren(m, term), Bytes(term.data(ExplainModel::BytesRole).toULongLong())); }();
    for (int r = 0; r < m.rowCount(term); ++r)
        checked += verifyParts(m, m.index(r, ExplainModel::WhatColumn, term));
    return checked;
}

} // namespace

class TestExplainPanel : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QLocale::setDefault(QLocale(QStringLiteral("en_US"))); // as the app sets it: digits grouped
    }

    void cleanup()
    {
        QLocale::setDefault(QLocale::c());
        if (m_translator) {
            QCoreApplication::removeTranslator(m_translator.get());
            m_translator.reset();
        }
    }

    void rowsAddUpToTheBars_data()
    {
        QTest::addColumn<RequestInputs>("inputs");
        QTest::newRow("dense, one 4090") << request("qwen3-8b", {"rtx-4090"}, 8192);
        QTest::newRow("partial offload") << request("deepseek-r1:32b", {"rtx-4090d"}, 32768);
        QTest::newRow("MoE on two 3090s") << request("qwen3-30b-a3b", {"rtx-3090", "rtx-3090"}, 8192);
        QTest::newRow("vLLM tensor parallel") << request("qwen3-8b", {"rtx-3090", "rtx-3090"}, 8192, "vllm");
        QTest::newRow("mac") << request("llama3.3:70b", {"apple-m4-max-128gb"}, 8192);
        QTest::newRow("sliding window, vision") << request("gemma3:12b", {"rtx-4090"}, 32768);
        QTest::newRow("CPU only") << request("qwen3-8b", {}, 8192);
    }

    /** For every device and the host: each segment row is the bar's bytes, and its counted terms add up to it. */
    void rowsAddUpToTheBars()
    {
        QFETCH(RequestInputs, inputs);
        auto resolved = resolveRequest(test::catalog(), inputs);
        QVERIFY(std::holds_alternative<ResolvedRequest>(resolved));
        const EstimateRequest &req = std::get<ResolvedRequest>(resolved).request;
        const Placement p = estimate(req);
        EstimateModel chart;
        chart.setPlacement(p);
        ExplainModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setExplanation(explain(req, p), p, chart);

        int segments = 0, terms = 0;
        for (int row = 0; row < chart.rowCount(); ++row) {
            for (int col = EstimateModel::Weights; col <= EstimateModel::Projector; ++col) {
                const Bytes bar = chart.index(row, col).data(EstimateModel::BytesRole).toULongLong();
                const QModelIndex seg = m.segmentIndex(row, col);
                if (bar == 0 && !seg.isValid())
                    continue;
                QVERIFY2(seg.isValid(), qPrintable(QStringLiteral("no row for bar %1, segment %2").arg(row).arg(col)));
                QCOMPARE(Bytes(seg.data(ExplainModel::BytesRole).toULongLong()), bar);
                QCOMPARE(countedChildren(m, seg), bar);
                QCOMPARE(m.index(seg.row(), ExplainModel::SizeColumn, seg.parent()).data().toString(), ExplainTexts::size(bar));
                QVERIFY(!m.index(seg.row(), ExplainModel::WhatColumn, seg.parent()).data().toString().isEmpty());
                for (int t = 0; t < m.rowCount(seg); ++t) {
                    const QModelIndex term = m.index(t, ExplainModel::WhatColumn, seg);
                    QVERIFY(!term.data().toString().isEmpty());
                    terms += verifyParts(m, term);
                }
                ++segments;
            }
        }
        QVERIFY(segments >= 3); // weights, KV and compute at least
        QVERIFY(terms > segments);
        // The assumptions come last, each worded, with its source where core names one.
        const QModelIndex assumptions = m.index(m.rowCount() - 1, 0);
        QCOMPARE(assumptions.data(ExplainModel::KindRole).toInt(), int(ExplainModel::AssumptionsRow));
        QVERIFY(m.rowCount(assumptions) > 0);
        for (int r = 0; r < m.rowCount(assumptions); ++r)
            QVERIFY(!m.index(r, 0, assumptions).data().toString().isEmpty());
    }

    /** In the window: clicking a bar opens the pane on its segment; the bars and the pane show the same bytes. */
    void clickingABarSelectsItsSegment()
    {
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in;
        in.model = QStringLiteral("deepseek-r1:32b");
        in.gpu = QStringLiteral("rtx-4090d");
        in.ctx = 32768;
        w.setInputs(in);
        w.resize(1280, 800);
        w.show();
        ExplainPanel *pane = w.explainPanel();
        QVERIFY(!pane->isOpen());
        QVERIFY(!pane->view()->isVisible());

        ChartPanel *chart = w.chartPanel();
        const int host = w.estimateModel()->rowCount() - 1;
        QVERIFY(w.estimateModel()->isHost(host));
        for (int row : {0, host}) {
            for (int col : {int(EstimateModel::Weights), int(EstimateModel::KvCache)}) {
                emit chart->barSet(col)->clicked(row);
                QVERIFY(pane->isOpen());
                QVERIFY(pane->view()->isVisible());
                QCOMPARE(pane->selectedSegment(), std::make_pair(row, col));
                const QModelIndex current = pane->view()->currentIndex();
                QVERIFY(pane->view()->isExpanded(current));
                // What the bar draws (GiB) is what the selected row and its counted terms say.
                QCOMPARE(chart->barSet(col)->at(row), toGiB(current.data(ExplainModel::BytesRole).toULongLong()));
                QCOMPARE(chart->barSet(col)->at(row), toGiB(countedChildren(*pane->model(), current)));
            }
        }

        // A recompute (the context slider) keeps the selection and what was opened.
        in.ctx = 65536;
        w.setInputs(in);
        QVERIFY(w.estimateModel()->isHost(host));
        QCOMPARE(pane->selectedSegment(), std::make_pair(host, int(EstimateModel::KvCache)));
        QVERIFY(pane->view()->isExpanded(pane->view()->currentIndex()));
        QCOMPARE(chart->barSet(EstimateModel::KvCache)->at(host), toGiB(countedChildren(*pane->model(), pane->view()->currentIndex())));

        // The header folds it again.
        w.findChild<QToolButton *>(QStringLiteral("explainToggle"))->click();
        QVERIFY(!pane->isOpen());
        QVERIFY(!pane->view()->isVisible());
    }

    /** Hovering a segment shows its arithmetic with the model's own figures (Qwen3-8B: 36 layers, 8 KV heads). */
    void hoverShowsTheArithmetic()
    {
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in;
        in.model = QStringLiteral("qwen3-8b");
        in.gpu = QStringLiteral("rtx-4090");
        in.ctx = 8192;
        in.kvType = QStringLiteral("f16");
        w.setInputs(in);
        w.show();
        ChartPanel *chart = w.chartPanel();
        const QString kv = chart->segmentToolTip(0, EstimateModel::KvCache);
        for (const char *figure : {"36 layers", "8 KV heads", "128 dims", "(K+V)", "2 bytes", "8,192"})
            QVERIFY2(kv.contains(QLatin1String(figure)), qPrintable(kv));
        const QString weights = chart->segmentToolTip(0, EstimateModel::Weights);
        QVERIFY2(weights.contains(QLatin1String("Q6_K")) || weights.contains(QLatin1String("Q8_0")), qPrintable(weights));
        QVERIFY(chart->segmentToolTip(0, EstimateModel::Compute).contains(QLatin1String("not counted")));

        emit chart->barSet(EstimateModel::KvCache)->hovered(true, 0);
        QTRY_COMPARE(QToolTip::text(), kv);
        emit chart->barSet(EstimateModel::KvCache)->hovered(false, 0);
        QTRY_VERIFY(QToolTip::text().isEmpty());
    }

    /** With the shipped zh_CN translation the pane and the factors read in Chinese, numbers grouped. */
    void chineseStrings()
    {
        m_translator = std::make_unique<QTranslator>();
        QVERIFY(m_translator->load(QStringLiteral(":/i18n/headroom_zh_CN.qm")));
        QCoreApplication::installTranslator(m_translator.get());
        QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));

        QCOMPARE(ExplainTexts::factor(times(Factor::Layers, 28)), QStringLiteral("28 层"));
        QCOMPARE(ExplainTexts::factor(times(Factor::Tokens, 8192)), QStringLiteral("8,192 个 token"));
        QCOMPARE(ExplainTexts::changeWith(InputCode::Ctx), QStringLiteral("调整：上下文长度"));
        QCOMPARE(ExplainTexts::size(448 * MiB), QStringLiteral("448 MiB"));

        MainWindow w(test::catalog(), nullptr);
        w.showExplanation();
        QCOMPARE(w.findChild<QToolButton *>(QStringLiteral("explainToggle"))->text(), QStringLiteral("这些数字从何而来"));
        const ExplainModel *m = w.explainPanel()->model();
        QCOMPARE(m->headerData(ExplainModel::HowColumn, Qt::Horizontal).toString(), QStringLiteral("计算过程"));
        const QModelIndex seg = m->segmentIndex(0, EstimateModel::KvCache);
        QCOMPARE(seg.data().toString(), QStringLiteral("KV 缓存"));
        const QModelIndex assumptions = m->index(m->rowCount() - 1, 0);
        QVERIFY2(assumptions.data().toString().startsWith(QStringLiteral("假设——")), qPrintable(assumptions.data().toString()));
        // No English word is left in what the pane says about the KV cache (type names and figures aside).
        const QString how = m->index(seg.row(), ExplainModel::HowColumn, seg.parent()).data().toString();
        QVERIFY2(how.contains(QStringLiteral("层")) && !how.contains(QLatin1String("layers")), qPrintable(how));
    }

private:
    std::unique_ptr<QTranslator> m_translator;
};

QTEST_MAIN(TestExplainPanel)
#include "tst_explain_panel.moc"
