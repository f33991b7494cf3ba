// SPDX-License-Identifier: GPL-3.0-or-later
// The "What to buy" tab: its rows are the planner's options for the window's model in the planner's order, a
// column sorts as it says (cells without a value last), what does not fit is never ranked above what does,
// and a double-click puts a one-machine option's hardware into the Estimate inputs.
#include "main_window.h"
#include "plan_panel.h"
#include "plan_table_model.h"
#include "plan_texts.h"
#include "test_support.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>

using namespace headroom;
using namespace headroom::gui;

namespace {

RequestInputs request(const char *model, std::uint32_t ctx = 8192)
{
    RequestInputs r;
    r.model = model;
    r.ctx = ctx;
    return r;
}

Plan independent(const RequestInputs &r, const PlanOptions &o)
{
    auto p = headroom::plan(test::catalog(), r, o);
    if (!std::holds_alternative<Plan>(p))
        qFatal("plan failed");
    return std::move(std::get<Plan>(p));
}

/** A window on `model` with the What to buy tab shown and computed. */
void openPlan(MainWindow &w, const QString &model)
{
    GuiInputs in = w.inputs();
    in.model = model;
    in.quant.clear();
    in.ctx = 8192;
    w.setInputs(in);
    w.showPlan();
    w.settle();
    QVERIFY(w.planPanel()->plan());
}

} // namespace

class TestPlanPanel : public QObject
{
    Q_OBJECT
private slots:
    void rowsAreThePlansOptions_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("machines");
        QTest::addColumn<QString>("currency");
        QTest::newRow("dense 32B, one machine, USD") << "qwen3-32b" << false << "USD";
        QTest::newRow("dense 32B, several machines, CNY") << "qwen3-32b" << true << "CNY";
        QTest::newRow("MoE 30B, one machine") << "qwen3-30b-a3b" << false << "USD";
    }

    void rowsAreThePlansOptions()
    {
        QFETCH(QString, model);
        QFETCH(bool, machines);
        QFETCH(QString, currency);
        PlanPanel panel(test::catalog());
        PlanChoices c;
        c.machines = machines;
        c.currency = currency;
        panel.setChoices(c);
        const RequestInputs r = request(model.toLatin1().constData());
        panel.setRequest(r);
        panel.refreshNow();
        QVERIFY(panel.plan());
        const Plan want = independent(r, panel.options());
        QVERIFY(!want.options.empty());
        QCOMPARE(panel.options().currency, currency == QLatin1String("CNY") ? Currency::Cny : Currency::Usd);
        QCOMPARE(panel.options().machines, machines);
        PlanTableModel *m = panel.tableModel();
        QCOMPARE(m->rowCount(), static_cast<int>(want.options.size()));
        // Shown in the planner's order: the table as sorted by default, row for row.
        const QAbstractItemModel *shown = panel.table()->model();
        QCOMPARE(shown->rowCount(), m->rowCount());
        for (int row = 0; row < shown->rowCount(); ++row) {
            const PlanOption &o = want.options[static_cast<std::size_t>(row)];
            QCOMPARE(shown->index(row, PlanTableModel::Rank).data().toInt(), row + 1);
            QCOMPARE(shown->index(row, PlanTableModel::Hardware).data().toString(), PlanTexts::hardware(o));
            QCOMPARE(shown->index(row, PlanTableModel::Verdict).data().toString(), PlanTexts::verdict(o));
            QCOMPARE(shown->index(row, PlanTableModel::Decode).data().toString(), PlanTexts::speed(o));
            QCOMPARE(shown->index(row, PlanTableModel::Price).data().toString(), PlanTexts::price(o, want.currency));
            QCOMPARE(shown->index(row, PlanTableModel::PricePerTokensPerSecond).data().toString(),
                     PlanTexts::pricePerTokensPerSecond(o, want.currency));
            // A missing price says which currency it lacks; a price is never converted into the other.
            if (!o.price)
                QVERIFY(shown->index(row, PlanTableModel::Price).data().toString().contains(currency));
            // Not fitting: greyed.
            QCOMPARE(shown->index(row, 0).data(Qt::ForegroundRole).isValid(), !fitsOnGpus(o.placement.verdict));
            QVERIFY(!shown->index(row, PlanTableModel::Price).data(Qt::ToolTipRole).toString().isEmpty());
        }
        QVERIFY(panel.summary()->text().contains(QString::number(want.options.size())));
    }

    void fittingAlwaysFirstUnderTheDefaultSort_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("sort");
        QTest::addColumn<bool>("machines");
        for (const char *model : {"qwen3-32b", "qwen3-8b"})
            for (int sort = 0; sort < 5; ++sort)
                for (const bool machines : {false, true})
                    QTest::addRow("%s, sort %d%s", model, sort, machines ? ", machines" : "") << model << sort << machines;
    }

    void fittingAlwaysFirstUnderTheDefaultSort()
    {
        QFETCH(QString, model);
        QFETCH(int, sort);
        QFETCH(bool, machines);
        PlanPanel panel(test::catalog());
        auto *sortCombo = test::child<QComboBox>(panel, "planSort");
        QVERIFY(sort < sortCombo->count());
        sortCombo->setCurrentIndex(sort);
        test::child<QCheckBox>(panel, "planMachines")->setChecked(machines);
        panel.setRequest(request(model.toLatin1().constData()));
        panel.refreshNow();
        QVERIFY(panel.plan());
        const QAbstractItemModel *shown = panel.table()->model();
        QVERIFY(shown->rowCount() > 0);
        bool seenNotFitting = false;
        for (int row = 0; row < shown->rowCount(); ++row) {
            const int source = shown->index(row, 0).data(PlanTableModel::RowRole).toInt();
            const bool fits = fitsOnGpus(panel.tableModel()->option(source)->placement.verdict);
            QVERIFY2(!seenNotFitting || !fits, qPrintable(QStringLiteral("row %1 fits below one that does not").arg(row + 1)));
            seenNotFitting = seenNotFitting || !fits;
        }
    }

    void columnsSortAsTheySay_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (const int column : {int(PlanTableModel::Price), int(PlanTableModel::PricePerUsableGb), int(PlanTableModel::PricePerTokensPerSecond),
                                 int(PlanTableModel::Decode), int(PlanTableModel::Headroom), int(PlanTableModel::Usable)})
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder})
                QTest::addRow("column %d %s", column, order == Qt::AscendingOrder ? "up" : "down") << column << int(order);
    }

    void columnsSortAsTheySay()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        PlanPanel panel(test::catalog());
        PlanChoices c;
        c.machines = true;
        panel.setChoices(c);
        panel.setRequest(request("qwen3-32b"));
        panel.refreshNow();
        QVERIFY(panel.plan());
        panel.table()->sortByColumn(column, static_cast<Qt::SortOrder>(order));
        const QAbstractItemModel *shown = panel.table()->model();
        QVERIFY(shown->rowCount() > 1);
        bool seenMissing = false;
        std::optional<double> previous;
        for (int row = 0; row < shown->rowCount(); ++row) {
            const QVariant v = shown->index(row, column).data(PlanTableModel::SortRole);
            if (!v.isValid()) {
                seenMissing = true; // no value: last, whichever way
                continue;
            }
            QVERIFY2(!seenMissing, qPrintable(QStringLiteral("row %1 has a value below one without").arg(row + 1)));
            const double x = v.toDouble();
            if (previous)
                QVERIFY2(order == Qt::AscendingOrder ? *previous <= x : *previous >= x,
                         qPrintable(QStringLiteral("row %1: %2 after %3").arg(row + 1).arg(x).arg(*previous)));
            previous = x;
        }
        // A new sort key puts the table back in the planner's order.
        test::child<QComboBox>(panel, "planSort")->setCurrentIndex(1);
        for (int row = 0; row < shown->rowCount(); ++row)
            QCOMPARE(shown->index(row, PlanTableModel::Rank).data().toInt(), row + 1);
    }

    void filtersAreThePlanners()
    {
        PlanPanel panel(test::catalog());
        panel.setRequest(request("qwen3-32b"));
        panel.refreshNow();
        QVERIFY(panel.plan());
        const auto all = panel.plan()->options.size();
        test::child<QSpinBox>(panel, "planBudget")->setValue(2000);
        test::child<QSpinBox>(panel, "planMinSpeed")->setValue(20);
        panel.refreshNow();
        QCOMPARE(panel.options().budget.value_or(0), 2000.0);
        QCOMPARE(panel.options().minTokensPerSecond, 20.0);
        QVERIFY(panel.plan()->options.size() <= all);
        for (const PlanOption &o : panel.plan()->options) {
            QVERIFY(!o.price || *o.price <= 2000.0);
            QVERIFY(o.placement.decodeTokensPerSecond >= 20.0);
        }
        QCOMPARE(panel.choices().budget, 2000);
        QCOMPARE(panel.choices().minTokensPerSecond, 20);
    }

    void doubleClickAppliesTheHardware()
    {
        MainWindow w(test::catalog(), nullptr);
        openPlan(w, QStringLiteral("qwen3-32b"));
        PlanPanel *p = w.planPanel();
        const QAbstractItemModel *shown = p->table()->model();
        int pair = -1;
        for (int row = 0; row < shown->rowCount() && pair < 0; ++row) {
            const PlanOption *o = p->tableModel()->option(shown->index(row, 0).data(PlanTableModel::RowRole).toInt());
            if (PlanTexts::appliesToEstimate(*o) && o->parts.size() == 1 && o->parts.front().count == 2)
                pair = row;
        }
        QVERIFY(pair >= 0);
        const PlanOption *o = p->tableModel()->option(shown->index(pair, 0).data(PlanTableModel::RowRole).toInt());
        const PlanOption chosen = *o;
        emit p->table()->doubleClicked(shown->index(pair, PlanTableModel::Hardware));
        QCOMPARE(w.inputs().gpu, QString::fromStdString(chosen.parts.front().hardware->id));
        QCOMPARE(w.inputs().gpuCount, 2);
        QCOMPARE(w.inputs().gpu2, QString());
        QCOMPARE(w.inputs().model, QStringLiteral("qwen3-32b")); // the model stays
        QCOMPARE(test::child<QTabWidget>(w, "resultTabs")->currentIndex(), 0);
        QVERIFY(w.evaluation().ok());
        QCOMPARE(w.evaluation().placement->verdict, chosen.placement.verdict);
        QCOMPARE(w.evaluation().placement->devices.size(), std::size_t{2});
    }

    void severalMachinesDoNotApply()
    {
        MainWindow w(test::catalog(), nullptr);
        test::child<QCheckBox>(w, "planMachines")->setChecked(true);
        openPlan(w, QStringLiteral("qwen3-32b"));
        PlanPanel *p = w.planPanel();
        const GuiInputs before = w.inputs();
        const QAbstractItemModel *shown = p->table()->model();
        for (int row = 0; row < shown->rowCount(); ++row) {
            const PlanOption *o = p->tableModel()->option(shown->index(row, 0).data(PlanTableModel::RowRole).toInt());
            if (o->machines > 1) {
                QVERIFY(!PlanTexts::appliesToEstimate(*o));
                emit p->table()->doubleClicked(shown->index(row, PlanTableModel::Hardware));
                QVERIFY(w.inputs() == before);
                QCOMPARE(test::child<QTabWidget>(w, "resultTabs")->currentWidget(), static_cast<QWidget *>(p));
                return;
            }
        }
        QSKIP("the plan has no option with several machines");
    }

    void unknownModelSaysWhy()
    {
        PlanPanel panel(test::catalog());
        panel.setRequest(request("qwen9-8b"));
        panel.refreshNow();
        QVERIFY(!panel.plan());
        QCOMPARE(panel.tableModel()->rowCount(), 0);
        QVERIFY(panel.summary()->text().contains(QStringLiteral("qwen9-8b")));
    }

    void brokenChoicesFallBack()
    {
        PlanPanel panel(test::catalog());
        PlanChoices c;
        c.currency = QStringLiteral("EUR");
        c.sort = QStringLiteral("cheapest-first");
        c.budget = -5;
        c.minTokensPerSecond = 1 << 30;
        panel.setChoices(c);
        QCOMPARE(panel.choices().currency, QStringLiteral("USD"));
        QCOMPARE(panel.choices().sort, PlanPanel::sortId(panel.options().sort));
        QCOMPARE(test::child<QComboBox>(panel, "planSort")->currentIndex(), 0);
        QCOMPARE(panel.choices().budget, 0);
        QCOMPARE(panel.choices().minTokensPerSecond, 10000);
        QVERIFY(!panel.options().budget);
    }
};

QTEST_MAIN(TestPlanPanel)
#include "tst_plan_panel.moc"
