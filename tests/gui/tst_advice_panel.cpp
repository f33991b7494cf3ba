// SPDX-License-Identifier: GPL-3.0-or-later
// The advisor's tab (best accuracy per GB): its table is advise()'s ranking, nothing it shows exceeds the
// hardware unless partial offload is asked for, a click uses exactly the candidate shown, and it follows the
// window's hardware.
#include "advice_chart.h"
#include "advice_panel.h"
#include "advice_table_model.h"
#include "main_window.h"
#include "test_support.h"
#include "texts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>

using namespace headroom;
using namespace headroom::gui;

namespace {

RequestInputs on(const std::string &gpu, std::uint32_t ctx = 8192)
{
    RequestInputs r;
    r.gpus = {gpu};
    r.ctx = ctx;
    return r;
}

Advice independent(const RequestInputs &r, const AdviseOptions &o = {})
{
    auto a = advise(test::catalog(), r, o);
    if (!std::holds_alternative<Advice>(a))
        qFatal("advise failed");
    return std::move(std::get<Advice>(a));
}

double gib(Bytes b)
{
    return static_cast<double>(b) / static_cast<double>(GiB);
}

/** The placement the window's inputs give equals the candidate's. */
void verifySamePlacement(const Placement &got, const Placement &want)
{
    QCOMPARE(got.verdict, want.verdict);
    QCOMPARE(got.gpuLayers, want.gpuLayers);
    QCOMPARE(got.ctx, want.ctx);
    QCOMPARE(got.parallel, want.parallel);
    QCOMPARE(got.devices.size(), want.devices.size());
    for (std::size_t i = 0; i < got.devices.size(); ++i)
        QCOMPARE(got.devices[i].total(), want.devices[i].total());
    QCOMPARE(got.host.total(), want.host.total());
    QCOMPARE(got.decodeTokensPerSecond, want.decodeTokensPerSecond);
}

/** A window on `gpu` with the advisor's tab shown and swept. */
void openAdvisor(MainWindow &w, const QString &gpu)
{
    GuiInputs in = w.inputs();
    in.gpu = gpu;
    in.ctx = 8192;
    w.setInputs(in);
    w.showAdvice();
    w.settle();
    QVERIFY(w.advicePanel()->advice());
}

} // namespace

class TestAdvicePanel : public QObject
{
    Q_OBJECT
private slots:
    void tableRowsArePerModel_data()
    {
        QTest::addColumn<QString>("gpu");
        QTest::newRow("24 GB") << "rtx-4090d";
        QTest::newRow("12 GB") << "rtx-3060-12gb";
        QTest::newRow("Mac") << "apple-m4-max-128gb";
    }

    void tableRowsArePerModel()
    {
        QFETCH(QString, gpu);
        AdvicePanel panel(test::catalog());
        const RequestInputs r = on(gpu.toStdString());
        panel.setRequest(r);
        panel.refreshNow();
        const Advice *a = panel.advice();
        QVERIFY(a);
        QVERIFY(!a->perModel.empty());
        const Advice want = independent(r);
        QCOMPARE(a->perModel.size(), want.perModel.size());
        AdviceTableModel *m = panel.tableModel();
        QCOMPARE(panel.table()->model(), m);
        QCOMPARE(m->rowCount(), static_cast<int>(a->perModel.size()));
        for (int row = 0; row < m->rowCount(); ++row) {
            const Candidate &c = a->candidates[a->perModel[static_cast<std::size_t>(row)]];
            const Candidate &w = want.candidates[want.perModel[static_cast<std::size_t>(row)]];
            QCOMPARE(c.model->id, w.model->id);
            QCOMPARE(c.quant->id, w.quant->id);
            QCOMPARE(m->index(row, AdviceTableModel::Model).data().toString(), QString::fromStdString(c.model->name));
            QCOMPARE(m->index(row, AdviceTableModel::Quantization).data().toString(), QString::fromStdString(c.quant->id));
            QCOMPARE(m->index(row, AdviceTableModel::Quality).data().toString(), Texts::number(c.quality->value, 1));
            QCOMPARE(m->index(row, AdviceTableModel::Memory).data().toString(), Texts::gib(gib(c.memory)));
        }
        // Ranked by expected quality, best first.
        for (std::size_t k = 1; k < a->perModel.size(); ++k)
            QVERIFY(a->candidates[a->perModel[k - 1]].quality->value >= a->candidates[a->perModel[k]].quality->value);
    }

    void nothingExceedsTheCapacityUnlessPartial_data()
    {
        QTest::addColumn<QString>("gpu");
        QTest::newRow("8 GB") << "rtx-4060-8gb";
        QTest::newRow("24 GB") << "rtx-4090";
        QTest::newRow("Mac") << "apple-m4-max-128gb";
    }

    void nothingExceedsTheCapacityUnlessPartial()
    {
        QFETCH(QString, gpu);
        AdvicePanel panel(test::catalog());
        RequestInputs r = on(gpu.toStdString());
        r.hostRam = 64 * GiB; // partial offload needs RAM to go to
        panel.setRequest(r);
        panel.refreshNow();
        const Advice *a = panel.advice();
        QVERIFY(a && a->capacity > 0);
        const double capacity = gib(a->capacity);
        auto checkSeries = [&](QXYSeries *s) {
            for (const QPointF &p : s->points())
                QVERIFY2(p.x() <= capacity, qPrintable(QStringLiteral("%1: %2 GiB > %3").arg(s->name()).arg(p.x()).arg(capacity)));
        };
        for (int row = 0; row < panel.tableModel()->rowCount(); ++row)
            QVERIFY(panel.tableModel()->candidate(row)->memory <= a->capacity);
        for (int row = 0; row < panel.unrankedTable()->rowCount(); ++row)
            QVERIFY(panel.unrankedCandidate(row)->memory <= a->capacity);
        checkSeries(panel.chart()->allSeries());
        checkSeries(panel.chart()->frontSeries());
        QCOMPARE(panel.chart()->partialSeries()->count(), 0);
        // The capacity line stands at the devices' usable memory.
        QCOMPARE(panel.chart()->capacityLine()->count(), 2);
        QCOMPARE(panel.chart()->capacityLine()->at(0).x(), capacity);

        // With partial offload, only the partial candidates may go beyond it, and they are drawn apart.
        panel.findChild<QCheckBox *>(QStringLiteral("advicePartialCheck"))->setChecked(true);
        a = panel.advice();
        QVERIFY(a);
        bool anyPartial = false; // the chart draws the scored ones (a Mac's llama.cpp maps the whole file: may be none)
        for (const Candidate &c : a->candidates) {
            anyPartial = anyPartial || (c.partial && c.quality);
            if (!c.partial)
                QVERIFY(c.memory <= a->capacity);
        }
        checkSeries(panel.chart()->allSeries());
        if (anyPartial)
            QVERIFY(panel.chart()->partialSeries()->count() > 0);
    }

    void frontPointClickUsesTheCandidate()
    {
        MainWindow w(test::catalog(), nullptr);
        openAdvisor(w, QStringLiteral("rtx-4090d"));
        AdviceChart *chart = w.advicePanel()->chart();
        QScatterSeries *front = chart->frontSeries();
        QCOMPARE(front->count(), static_cast<int>(w.advicePanel()->advice()->front.size()));
        QVERIFY(front->count() > 2);
        for (const int k : {0, front->count() / 2, front->count() - 1}) {
            const auto index = chart->candidateAt(front, k);
            QVERIFY(index);
            const Candidate c = w.advicePanel()->advice()->candidates[*index];
            QCOMPARE(front->at(k), QPointF(gib(c.memory), c.quality->value));
            emit front->clicked(front->at(k));
            QCOMPARE(w.inputs().model, QString::fromStdString(c.model->id));
            QCOMPARE(w.inputs().quant, QString::fromStdString(c.quant->id));
            QCOMPARE(w.inputs().gpu, QStringLiteral("rtx-4090d")); // the hardware stays
            QVERIFY(w.evaluation().ok());
            verifySamePlacement(*w.evaluation().placement, c.placement);
            verifySamePlacement(test::engineAnswer(c.inputs), c.placement);
        }
    }

    void rowClickUsesTheCandidate()
    {
        MainWindow w(test::catalog(), nullptr);
        openAdvisor(w, QStringLiteral("rtx-3060-12gb"));
        AdvicePanel *p = w.advicePanel();
        QVERIFY(p->tableModel()->rowCount() > 3);
        const Candidate c = *p->tableModel()->candidate(2);
        const auto index = static_cast<std::size_t>(p->tableModel()->index(2, 0).data(AdviceTableModel::CandidateRole).toULongLong());
        emit p->table()->clicked(p->tableModel()->index(2, AdviceTableModel::Quality));
        QCOMPARE(w.inputs().model, QString::fromStdString(c.model->id));
        QCOMPARE(w.inputs().quant, QString::fromStdString(c.quant->id));
        verifySamePlacement(*w.evaluation().placement, c.placement);
        // The window's choice is now that row, selected, and ringed in the chart.
        QCOMPARE(p->table()->selectionModel()->selectedRows().value(0).row(), 2);
        QCOMPARE(p->chart()->currentSeries()->count(), 1);
        QCOMPARE(p->chart()->candidateAt(p->chart()->currentSeries(), 0), std::optional<std::size_t>(index));

        // A model that runs without a ranking can be used too.
        QVERIFY(p->unrankedTable()->rowCount() > 0);
        const Candidate u = *p->unrankedCandidate(0);
        emit p->unrankedTable()->cellClicked(0, 0);
        QCOMPARE(w.inputs().model, QString::fromStdString(u.model->id));
        verifySamePlacement(*w.evaluation().placement, u.placement);
    }

    void ollamaTagSweepsOllama()
    {
        // An automatic engine is the estimate's: an Ollama tag's sweep is Ollama's, and using a candidate keeps Ollama.
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in = w.inputs();
        in.model = QStringLiteral("deepseek-r1:14b");
        in.engine.clear();
        w.setInputs(in);
        openAdvisor(w, QStringLiteral("rtx-4090"));
        AdvicePanel *p = w.advicePanel();
        QCOMPARE(p->advice()->engine, std::string("ollama"));
        const Candidate c = *p->tableModel()->candidate(0);
        emit p->table()->clicked(p->tableModel()->index(0, 0));
        QCOMPARE(w.evaluation().resolved->request.engine->id, std::string("ollama"));
        verifySamePlacement(*w.evaluation().placement, c.placement);
    }

    void followsTheGpu()
    {
        MainWindow w(test::catalog(), nullptr);
        openAdvisor(w, QStringLiteral("rtx-4090"));
        AdvicePanel *p = w.advicePanel();
        const Bytes before = p->advice()->capacity;
        const std::size_t rowsBefore = p->advice()->perModel.size();
        GuiInputs in = w.inputs();
        in.gpu = QStringLiteral("rtx-4060-8gb");
        w.setInputs(in);
        // Debounced: the sweep follows shortly, without a settle().
        QTRY_VERIFY(p->advice() && p->advice()->capacity != before);
        const Advice want = independent(w.inputs().toRequestInputs());
        QCOMPARE(p->advice()->capacity, want.capacity);
        QCOMPARE(p->advice()->perModel.size(), want.perModel.size());
        QVERIFY(want.perModel.size() <= rowsBefore);
        QCOMPARE(p->tableModel()->rowCount(), static_cast<int>(want.perModel.size()));
        QCOMPARE(p->chart()->capacityLine()->at(0).x(), gib(want.capacity));
    }

    void unscoredModelsAreNeverRanked()
    {
        AdvicePanel panel(test::catalog());
        panel.setRequest(on("rtx-4090d"));
        panel.refreshNow();
        auto *metricCombo = panel.findChild<QComboBox *>(QStringLiteral("adviceMetricCombo"));
        QCOMPARE(metricCombo->count(), static_cast<int>(test::catalog().metrics().size()));
        QCOMPARE(metricCombo->currentData().toString(), QString::fromStdString(test::catalog().defaultMetric().id));
        for (int i = 0; i < metricCombo->count(); ++i) {
            metricCombo->setCurrentIndex(i);
            const Advice *a = panel.advice();
            QVERIFY(a);
            QCOMPARE(QString::fromStdString(a->metric->id), metricCombo->currentData().toString());
            for (int row = 0; row < panel.tableModel()->rowCount(); ++row) {
                const Candidate *c = panel.tableModel()->candidate(row);
                QVERIFY(c->quality);
                QVERIFY2(a->metric->scoreFor(c->model->id), c->model->id.c_str());
            }
            for (int row = 0; row < panel.unrankedTable()->rowCount(); ++row) {
                const Candidate *c = panel.unrankedCandidate(row);
                QVERIFY(!c->quality);
                QCOMPARE(panel.unrankedTable()->item(row, 3)->text(), Texts::qualityGap(c->gap, QString::fromStdString(a->metric->name)));
                for (int r = 0; r < panel.tableModel()->rowCount(); ++r)
                    QVERIFY(panel.tableModel()->candidate(r)->model != c->model);
            }
            // The chart plots scored candidates only.
            std::size_t scored = 0;
            for (const Candidate &c : a->candidates)
                scored += c.quality ? 1U : 0U;
            QCOMPARE(static_cast<std::size_t>(panel.chart()->allSeries()->count() + panel.chart()->partialSeries()->count()), scored);
        }
    }

    void filtersApply()
    {
        AdvicePanel panel(test::catalog());
        panel.setRequest(on("rtx-4090"));
        panel.refreshNow();
        auto *family = panel.findChild<QComboBox *>(QStringLiteral("adviceFamilyCombo"));
        family->setCurrentIndex(family->findData(QStringLiteral("Qwen3")));
        QVERIFY(panel.tableModel()->rowCount() > 0);
        for (int row = 0; row < panel.tableModel()->rowCount(); ++row)
            QCOMPARE(panel.tableModel()->candidate(row)->model->family, std::string("Qwen3"));
        family->setCurrentIndex(0);

        auto *speed = panel.findChild<QSpinBox *>(QStringLiteral("adviceMinSpeed"));
        speed->setValue(60);
        panel.refreshNow();
        QVERIFY(panel.tableModel()->rowCount() > 0);
        for (int row = 0; row < panel.tableModel()->rowCount(); ++row)
            QVERIFY(panel.tableModel()->candidate(row)->placement.decodeTokensPerSecond >= 60);
        QVERIFY(panel.advice()->counts.tooSlow > 0);
    }

    /** The choices survive a restart; a metric or family the catalog no longer has falls back to the default. */
    void choicesRoundTrip()
    {
        AdvicePanel panel(test::catalog());
        const AdviceChoices saved{QStringLiteral("math-500-qwen3-report"), 30, QStringLiteral("Qwen3"), true};
        panel.setChoices(saved);
        QVERIFY(panel.choices() == saved);
        panel.setRequest(on("rtx-4090"));
        panel.refreshNow();
        QCOMPARE(panel.advice()->metric->id, std::string("math-500-qwen3-report"));
        panel.setChoices({QStringLiteral("no-such-metric"), 0, QStringLiteral("no-such-family"), false});
        QVERIFY(panel.choices() == AdviceChoices{});
        panel.refreshNow();
        QCOMPARE(panel.advice()->metric, &test::catalog().defaultMetric());
    }

    void tooltipsNameBothSources()
    {
        AdvicePanel panel(test::catalog());
        panel.setRequest(on("rtx-4090d"));
        panel.refreshNow();
        const Advice *a = panel.advice();
        bool sawLossless = false, sawMeasured = false;
        for (int row = 0; row < panel.tableModel()->rowCount(); ++row) {
            const Candidate *c = panel.tableModel()->candidate(row);
            const QString tip = panel.tableModel()->index(row, AdviceTableModel::Quality).data(Qt::ToolTipRole).toString();
            QVERIFY(tip.contains(QString::fromStdString(a->metric->source).toHtmlEscaped()));
            QVERIFY(tip.contains(QString::fromStdString(c->quality->score->evaluated).toHtmlEscaped()));
            if (c->quality->recovery.lossless) {
                sawLossless = true;
                QVERIFY(tip.contains(QStringLiteral("lossless")));
            } else {
                sawMeasured = true;
                for (const auto &e : c->quality->recovery.evidence) {
                    QVERIFY(tip.contains(QString::fromStdString(e.study->source).toHtmlEscaped()));
                    QVERIFY(tip.contains(QString::fromStdString(e.row->evaluated).toHtmlEscaped()));
                }
                if (c->quality->recovery.boundFrom)
                    QVERIFY(tip.contains(
                        QStringLiteral("lower bound from %1").arg(QString::fromStdString(c->quality->recovery.boundFrom->id))));
            }
        }
        QVERIFY(sawLossless && sawMeasured);
        // The metric's name and source are on screen.
        const QString caption = panel.findChild<QLabel *>(QStringLiteral("adviceSource"))->text();
        QVERIFY(caption.contains(QString::fromStdString(a->metric->name).toHtmlEscaped()));
        QVERIFY(caption.contains(QString::fromStdString(a->metric->source).toHtmlEscaped()));
    }
};

QTEST_MAIN(TestAdvicePanel)
#include "tst_advice_panel.moc"
