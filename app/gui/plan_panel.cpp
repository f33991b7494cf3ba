// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan_panel.h"

#include "plan_table_model.h"
#include "plan_texts.h"
#include "texts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace headroom::gui {
namespace {

/** The sort keys in the combo's order: the planner's default first. */
constexpr std::array kSorts{PlanSort::Price, PlanSort::PricePerUsableGb, PlanSort::PricePerTokensPerSecond, PlanSort::Speed,
                            PlanSort::Headroom};

/**
 * Sorts by PlanTableModel::SortRole and keeps the cells without a value (no price in this currency, no
 * bandwidth figure) last whichever way a column is sorted: a missing price is not the cheapest nor the dearest.
 */
class MissingLastProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        const bool leftMissing = !left.data(sortRole()).isValid();
        const bool rightMissing = !right.data(sortRole()).isValid();
        if (leftMissing || rightMissing) {
            if (leftMissing == rightMissing)
                return false; // equal: the sort is stable, the planner's order stays
            // Descending reverses lessThan: the missing one must then be the "smaller" to end up last.
            return sortOrder() == Qt::AscendingOrder ? rightMissing : leftMissing;
        }
        return QSortFilterProxyModel::lessThan(left, right);
    }
};

} // namespace

QString PlanPanel::sortId(PlanSort sort)
{
    return QString::fromLatin1(planSortName(sort));
}

PlanPanel::PlanPanel(const Catalog &catalog, QWidget *parent) : QWidget(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("planPanel"));

    m_budget = new QSpinBox;
    m_budget->setObjectName(QStringLiteral("planBudget"));
    m_budget->setRange(0, kMaxPlanBudget);
    m_budget->setSingleStep(500);
    m_budget->setGroupSeparatorShown(true);
    m_budget->setSpecialValueText(tr("any budget"));
    m_budget->setToolTip(tr("Only what costs at most this at launch (0 = any budget)"));
    m_currency = new QComboBox;
    m_currency->setObjectName(QStringLiteral("planCurrency"));
    m_currency->addItem(QStringLiteral("USD"), QStringLiteral("USD"));
    m_currency->addItem(QStringLiteral("CNY"), QStringLiteral("CNY"));
    m_currency->setToolTip(tr("The currency of the budget and of the prices shown: each price as its source gives it, never converted"));
    m_minSpeed = new QSpinBox;
    m_minSpeed->setObjectName(QStringLiteral("planMinSpeed"));
    m_minSpeed->setRange(0, 10000);
    m_minSpeed->setSingleStep(5);
    m_minSpeed->setSpecialValueText(tr("any speed"));
    m_minSpeed->setSuffix(tr(" tok/s"));
    m_minSpeed->setToolTip(tr("Only what decodes at least this fast (0 = any speed)"));
    m_machines = new QCheckBox(tr("Several &machines"));
    m_machines->setObjectName(QStringLiteral("planMachines"));
    m_machines->setChecked(PlanOptions{}.machines);
    m_machines->setToolTip(tr("Also 2 to 8 machines joined by llama.cpp RPC: each holds its layers, their KV cache, its own compute "
                              "buffer and runtime; the network limits the speed"));
    m_sort = new QComboBox;
    m_sort->setObjectName(QStringLiteral("planSort"));
    for (const PlanSort s : kSorts)
        m_sort->addItem(PlanTexts::sortName(s), sortId(s));
    m_sort->setToolTip(tr("How the planner ranks the options; what fits always comes before what does not"));

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    auto *budgetLabel = new QLabel(tr("&Budget:"));
    budgetLabel->setBuddy(m_budget);
    auto *speedLabel = new QLabel(tr("Decode &at least:"));
    speedLabel->setBuddy(m_minSpeed);
    auto *sortLabel = new QLabel(tr("&Sort by:"));
    sortLabel->setBuddy(m_sort);
    controls->addWidget(budgetLabel);
    controls->addWidget(m_budget);
    controls->addWidget(m_currency);
    controls->addSpacing(12);
    controls->addWidget(speedLabel);
    controls->addWidget(m_minSpeed);
    controls->addStretch(1);
    // A second row: one row of every control would make the window wider than 1024 px (in Chinese too).
    auto *ranking = new QHBoxLayout;
    ranking->setContentsMargins(0, 0, 0, 0);
    ranking->addWidget(m_machines);
    ranking->addSpacing(12);
    ranking->addWidget(sortLabel);
    ranking->addWidget(m_sort);
    ranking->addStretch(1);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("planSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    m_model = new PlanTableModel(this);
    m_sorted = new MissingLastProxy(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(PlanTableModel::SortRole);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("planTable"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PlanTableModel::Rank, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Every cell whole (the table scrolls sideways when narrow); the last column takes what width is left.
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Long names (the CPU-only servers') would push the prices out of view: the hardware column has a width of
    // its own, elides, and the row's tooltip has the whole name.
    m_table->horizontalHeader()->setSectionResizeMode(PlanTableModel::Hardware, QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(PlanTableModel::Hardware, 280);
    m_table->horizontalHeader()->setSectionResizeMode(PlanTableModel::Verdict, QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(PlanTableModel::Verdict, 130);
    m_table->setTextElideMode(Qt::ElideRight);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addLayout(ranking);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(150); // one plan per pause in typing, not per digit
    connect(m_timer, &QTimer::timeout, this, &PlanPanel::refreshNow);
    auto optionChanged = [this] {
        m_pending = true;
        refreshNow(); // the user's own change: at once
    };
    connect(m_currency, &QComboBox::currentIndexChanged, this, [this, optionChanged] {
        updateBudgetUnit();
        optionChanged();
    });
    connect(m_machines, &QCheckBox::toggled, this, optionChanged);
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this, optionChanged] {
        // A new ranking: the table shows it in rank order, whatever column it was sorted by.
        m_table->sortByColumn(PlanTableModel::Rank, Qt::AscendingOrder);
        optionChanged();
    });
    connect(m_budget, &QSpinBox::valueChanged, this, &PlanPanel::scheduleRefresh); // typed digit by digit
    connect(m_minSpeed, &QSpinBox::valueChanged, this, &PlanPanel::scheduleRefresh);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const QVariant v = index.data(PlanTableModel::RowRole); v.isValid())
            apply(v.toInt());
    });
    updateBudgetUnit();
    showPlan(nullptr);
}

PlanPanel::~PlanPanel() = default;

void PlanPanel::setRequest(const RequestInputs &request)
{
    m_request = request;
    scheduleRefresh();
}

void PlanPanel::scheduleRefresh()
{
    m_pending = true;
    m_timer->start();
}

PlanChoices PlanPanel::choices() const
{
    PlanChoices c;
    c.budget = m_budget->value();
    c.currency = m_currency->currentData().toString();
    c.minTokensPerSecond = m_minSpeed->value();
    c.machines = m_machines->isChecked();
    c.sort = m_sort->currentData().toString();
    return c;
}

void PlanPanel::setChoices(const PlanChoices &c)
{
    m_budget->setValue(std::clamp(c.budget, 0, kMaxPlanBudget));
    const int currency = m_currency->findData(c.currency);
    m_currency->setCurrentIndex(currency >= 0 ? currency : 0);
    m_minSpeed->setValue(std::clamp(c.minTokensPerSecond, 0, 10000));
    m_machines->setChecked(c.machines);
    const int sort = m_sort->findData(c.sort);
    m_sort->setCurrentIndex(sort >= 0 ? sort : 0);
    m_pending = true;
    m_timer->start();
}

PlanOptions PlanPanel::options() const
{
    PlanOptions o;
    o.currency = m_currency->currentData().toString() == QLatin1String("CNY") ? Currency::Cny : Currency::Usd;
    if (m_budget->value() > 0)
        o.budget = m_budget->value();
    o.minTokensPerSecond = m_minSpeed->value();
    o.machines = m_machines->isChecked();
    o.sort = kSorts[static_cast<std::size_t>(std::max(0, m_sort->currentIndex()))];
    return o;
}

void PlanPanel::updateBudgetUnit()
{
    m_budget->setPrefix(m_currency->currentData().toString() == QLatin1String("CNY") ? QStringLiteral("\u00a5") : QStringLiteral("$"));
}

void PlanPanel::refreshNow()
{
    m_timer->stop();
    if (!m_pending)
        return;
    m_pending = false;
    if (!m_request) {
        showPlan(nullptr);
        return;
    }
    auto result = headroom::plan(m_catalog, *m_request, options());
    if (auto *p = std::get_if<Plan>(&result)) {
        showPlan(std::make_shared<const Plan>(std::move(*p)));
        return;
    }
    showPlan(nullptr);
    m_summary->setText(tr("Cannot plan for these settings: %1").arg(Texts::resolveError(std::get<ResolveError>(result)).toHtmlEscaped()));
}

void PlanPanel::showPlan(std::shared_ptr<const Plan> plan)
{
    m_plan = std::move(plan);
    m_model->setPlan(m_plan);
    if (!m_plan) {
        m_summary->clear();
        return;
    }
    const Plan &p = *m_plan;
    const auto fitting =
        std::count_if(p.options.begin(), p.options.end(), [](const PlanOption &o) { return fitsOnGpus(o.placement.verdict); });
    const QString currency = PlanTexts::currencyCode(p.currency);
    QString summary = tr("<b>%1</b> on %2 \u00b7 %3 options, %4 with every layer on the GPUs")
                          .arg(QString::fromStdString(p.modelName).toHtmlEscaped(),
                               p.engine ? QString::fromStdString(p.engine->name).toHtmlEscaped() : QString())
                          .arg(p.options.size())
                          .arg(fitting);
    if (p.options.empty())
        summary += QStringLiteral("<br/>") + tr("No hardware option within these limits: raise the budget or lower the minimum speed.");
    else
        summary += QStringLiteral("<br/>") + tr("Launch prices in %1 as their sources give them (never converted); greyed rows do not fit. "
                                                "Double-click a one-machine option to use it in the Estimate tab.")
                                                 .arg(currency);
    m_summary->setText(summary);
}

void PlanPanel::apply(int row)
{
    const PlanOption *o = m_model->option(row);
    if (o && PlanTexts::appliesToEstimate(*o))
        emit hardwareRequested(o->inputs);
}

} // namespace headroom::gui
