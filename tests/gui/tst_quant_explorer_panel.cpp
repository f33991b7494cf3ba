// SPDX-License-Identifier: GPL-3.0-or-later
// The Quantizations tab: its rows are exploreQuantizations' for the window's model and hardware, the table and
// the chart show every one of them (the unmeasured apart), it follows the window's GPU, and a click uses the
// quantization shown.
#include "main_window.h"
#include "quant_chart.h"
#include "quant_explorer_panel.h"
#include "quant_table_model.h"
#include "quant_texts.h"
#include "test_support.h"
#include "texts.h"

#include <QCategoryAxis>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSortFilterProxyModel>
#include <QTableView>

using namespace headroom;
using namespace headroom::gui;

namespace {

RequestInputs on(const char *model, const std::string &gpu)
{
    RequestInputs r;
    r.model = model;
    r.gpus = {gpu};
    r.ctx = 8192;
    return r;
}

QuantExploration independent(const RequestInputs &r)
{
    auto x = exploreQuantizations(test::catalog(), r);
    if (!std::holds_alternative<QuantExploration>(x))
        qFatal("exploreQuantizations failed");
    return std::move(std::get<QuantExploration>(x));
}

double gib(Bytes b)
{
    return static_cast<double>(b) / static_cast<double>(GiB);
}

const QuantRow *rowOf(const QuantExploration &x, const std::string &quant)
{
    for (const auto &r : x.rows)
        if (r.quant->id == quant)
            return &r;
    return nullptr;
}

/** A window on `gpu` with the Quantizations tab shown and computed. */
void openExplorer(MainWindow &w, const QString &model, const QString &gpu)
{
    GuiInputs in = w.inputs();
    in.model = model;
    in.quant.clear();
    in.gpu = gpu;
    in.ctx = 8192;
    w.setInputs(in);
    w.showQuants();
    w.settle();
    QVERIFY(w.quantPanel()->exploration());
}

} // namespace

class TestQuantExplorerPanel : public QObject
{
    Q_OBJECT
private slots:
    void showsTheRowsOfTheModel_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("gpu");
        QTest::newRow("dense, 24 GB") << "qwen3-8b" << "rtx-4090";
        QTest::newRow("MoE, 12 GB") << "qwen3-30b-a3b" << "rtx-3060-12gb";
        QTest::newRow("measured model, Mac") << "gemma-3-27b-it" << "apple-m4-max-128gb";
    }

    void showsTheRowsOfTheModel()
    {
        QFETCH(QString, model);
        QFETCH(QString, gpu);
        QuantExplorerPanel panel(test::catalog());
        const RequestInputs r = on(model.toLatin1().constData(), gpu.toStdString());
        panel.setRequest(r);
        panel.refreshNow();
        const QuantExploration *x = panel.exploration();
        QVERIFY(x);
        const QuantExploration want = independent(r);
        QCOMPARE(x->rows.size(), want.rows.size());
        QuantTableModel *m = panel.tableModel();
        QCOMPARE(m->rowCount(), static_cast<int>(want.rows.size()));
        for (int row = 0; row < m->rowCount(); ++row) {
            const QuantRow &w = want.rows[static_cast<std::size_t>(row)];
            QCOMPARE(m->index(row, QuantTableModel::Quantization).data().toString(), QString::fromStdString(w.quant->id));
            QCOMPARE(m->index(row, QuantTableModel::Size).data().toString(), Texts::gib(gib(w.weights)));
            QCOMPARE(m->index(row, QuantTableModel::Verdict).data().toString(), QuantTexts::verdict(w.placement));
            QCOMPARE(m->index(row, QuantTableModel::MaxContext).data().toString(), QuantTexts::maxContext(w.placement));
            const bool measured = std::holds_alternative<Recovery>(w.recovery);
            QCOMPARE(m->index(row, QuantTableModel::Recovery).data().toString() == QuantTexts::tr("not measured"), !measured);
        }
        // Every row is a point: the measured at their recovery, the rest on the "not measured" row, by verdict.
        QuantChart *chart = panel.chart();
        int points = 0;
        for (const Verdict v : {Verdict::Fits, Verdict::Tight, Verdict::PartialOffload, Verdict::DoesNotFit}) {
            for (QScatterSeries *s : {chart->measuredSeries(v), chart->unmeasuredSeries(v)})
                for (int i = 0; i < s->count(); ++i) {
                    const auto row = chart->rowAt(s, i);
                    QVERIFY(row);
                    const QuantRow &w = want.rows[*row];
                    QCOMPARE(w.placement.verdict, v);
                    QCOMPARE(s->at(i).x(), gib(w.weights));
                    if (s == chart->unmeasuredSeries(v))
                        QCOMPARE(s->at(i).y(), chart->unmeasuredY());
                    else
                        QCOMPARE(s->at(i).y(), *QuantTexts::recoveryPercent(w));
                    ++points;
                }
        }
        QCOMPARE(points, static_cast<int>(want.rows.size()));
        QVERIFY(chart->recoveryAxis()->categoriesLabels().contains(QuantTexts::tr("not measured")));
        QCOMPARE(chart->capacityLine()->count(), 2);
        QCOMPARE(chart->capacityLine()->at(0).x(), gib(want.capacity));
        // The table sorts by value: by recovery, the unmeasured go below every figure.
        panel.table()->sortByColumn(QuantTableModel::Recovery, Qt::DescendingOrder);
        const QAbstractItemModel *sorted = panel.table()->model();
        bool seenGap = false;
        for (int row = 0; row < sorted->rowCount(); ++row) {
            const bool gap = sorted->index(row, QuantTableModel::Recovery).data().toString() == QuantTexts::tr("not measured");
            QVERIFY(!seenGap || gap);
            seenGap = seenGap || gap;
        }
    }

    void followsTheWindowsGpu()
    {
        MainWindow w(test::catalog(), nullptr);
        openExplorer(w, QStringLiteral("qwen3-8b"), QStringLiteral("rtx-4090"));
        const QuantExploration *big = w.quantPanel()->exploration();
        QCOMPARE(big->devices.front().id, std::string("rtx-4090"));
        QVERIFY(fitsOnGpus(rowOf(*big, "F16")->placement.verdict));
        const auto bigCount = w.quantPanel()->tableModel()->rowCount();

        GuiInputs in = w.inputs();
        in.gpu = QStringLiteral("rtx-4060-8gb");
        w.setInputs(in);
        w.settle();
        const QuantExploration *small = w.quantPanel()->exploration();
        QVERIFY(small && small != big);
        QCOMPARE(small->devices.front().id, std::string("rtx-4060-8gb"));
        QVERIFY(!fitsOnGpus(rowOf(*small, "F16")->placement.verdict));
        QCOMPARE(w.quantPanel()->tableModel()->rowCount(), bigCount);
        const QuantExploration want = independent(w.inputs().toRequestInputs());
        for (std::size_t i = 0; i < want.rows.size(); ++i) {
            QCOMPARE(small->rows[i].placement.verdict, want.rows[i].placement.verdict);
            QCOMPARE(small->rows[i].placement.maxContext, want.rows[i].placement.maxContext);
        }
        QVERIFY(w.quantPanel()->summary()->text().contains(QStringLiteral("RTX 4060")));
    }

    void rowClickUsesTheQuantization()
    {
        MainWindow w(test::catalog(), nullptr);
        openExplorer(w, QStringLiteral("qwen3-8b"), QStringLiteral("rtx-4090"));
        QuantExplorerPanel *p = w.quantPanel();
        const QAbstractItemModel *sorted = p->table()->model();
        int q6 = -1;
        for (int row = 0; row < sorted->rowCount(); ++row)
            if (sorted->index(row, QuantTableModel::Quantization).data().toString() == QStringLiteral("Q6_K"))
                q6 = row;
        QVERIFY(q6 >= 0);
        const int source = sorted->index(q6, 0).data(QuantTableModel::RowRole).toInt();
        const Placement shown = p->exploration()->rows[static_cast<std::size_t>(source)].placement;
        emit p->table()->clicked(sorted->index(q6, QuantTableModel::Verdict));
        QCOMPARE(w.inputs().quant, QStringLiteral("Q6_K"));
        QCOMPARE(w.inputs().engine, QString()); // automatic stays automatic: it picks the same engine
        QVERIFY(w.evaluation().ok());
        QCOMPARE(w.evaluation().placement->verdict, shown.verdict);
        QCOMPARE(w.evaluation().placement->maxContext, shown.maxContext);
        QCOMPARE(w.evaluation().placement->devices.front().total(), shown.devices.front().total());
        // The explorer follows: the new quantization is the current one, ringed in the chart.
        w.settle();
        QCOMPARE(p->exploration()->currentQuant, std::string("Q6_K"));
        QCOMPARE(p->chart()->currentSeries()->count(), 1);
    }

    void unknownModelSaysWhy()
    {
        QuantExplorerPanel panel(test::catalog());
        panel.setRequest(on("qwen9-8b", "rtx-4090"));
        panel.refreshNow();
        QVERIFY(!panel.exploration());
        QCOMPARE(panel.tableModel()->rowCount(), 0);
        QVERIFY(panel.summary()->text().contains(QStringLiteral("qwen9-8b")));
    }
};

QTEST_MAIN(TestQuantExplorerPanel)
#include "tst_quant_explorer_panel.moc"
