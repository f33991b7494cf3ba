// SPDX-License-Identifier: GPL-3.0-or-later
#include "quant_explorer_panel.h"

#include "quant_chart.h"
#include "quant_table_model.h"
#include "texts.h"

#include <headroom/inventory_cache.h>

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace headroom::gui {
namespace {

/** "GeForce RTX 4090", "2 × GeForce RTX 3090"; system RAM when CPU-only. */
QString devicesText(const QuantExploration &x)
{
    if (x.devices.empty())
        return QuantExplorerPanel::tr("System RAM");
    QStringList parts;
    for (std::size_t i = 0; i < x.devices.size();) {
        std::size_t n = 1;
        while (i + n < x.devices.size() && x.devices[i + n].name == x.devices[i].name)
            ++n;
        const QString name = QString::fromStdString(x.devices[i].name);
        parts << (n > 1 ? QuantExplorerPanel::tr("%1 \u00d7 %2").arg(n).arg(name) : name);
        i += n;
    }
    return parts.join(QStringLiteral(" + "));
}

} // namespace

QuantExplorerPanel::QuantExplorerPanel(const Catalog &catalog, QWidget *parent)
    : QWidget(parent), m_catalog(catalog), m_inventories(std::make_unique<InventoryCache>())
{
    setObjectName(QStringLiteral("quantExplorerPanel"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("quantSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    m_chart = new QuantChart;
    m_model = new QuantTableModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(QuantTableModel::SortRole);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("quantTable"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(QuantTableModel::Size, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setCursor(Qt::PointingHandCursor);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Every cell whole (the table scrolls sideways when narrow); the last column takes what width is left.
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *results = new QSplitter(Qt::Vertical);
    results->setObjectName(QStringLiteral("quantResultsSplitter"));
    results->addWidget(m_chart);
    results->addWidget(m_table);
    results->setStretchFactor(0, 1);
    results->setStretchFactor(1, 1);
    results->setSizes({500, 500});
    results->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(results, 1);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(100); // one refresh per pause in typing, not per digit
    connect(m_timer, &QTimer::timeout, this, &QuantExplorerPanel::refreshNow);
    connect(m_chart, &QuantChart::rowClicked, this, &QuantExplorerPanel::apply);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (const QVariant v = index.data(QuantTableModel::RowRole); v.isValid())
            apply(static_cast<std::size_t>(v.toInt()));
    });
    showExploration(nullptr);
}

QuantExplorerPanel::~QuantExplorerPanel() = default;

void QuantExplorerPanel::setRequest(const RequestInputs &request)
{
    m_request = request;
    m_pending = true;
    m_timer->start();
}

void QuantExplorerPanel::refreshNow()
{
    m_timer->stop();
    if (!m_pending)
        return;
    m_pending = false;
    if (!m_request) {
        showExploration(nullptr);
        return;
    }
    auto result = exploreQuantizations(m_catalog, *m_request, m_inventories.get());
    if (auto *x = std::get_if<QuantExploration>(&result)) {
        showExploration(std::make_shared<const QuantExploration>(std::move(*x)));
        return;
    }
    showExploration(nullptr);
    m_summary->setText(
        tr("Cannot compare quantizations for these settings: %1").arg(Texts::resolveError(std::get<ResolveError>(result)).toHtmlEscaped()));
}

void QuantExplorerPanel::showExploration(std::shared_ptr<const QuantExploration> exploration)
{
    m_exploration = std::move(exploration);
    m_model->setExploration(m_exploration);
    m_chart->setExploration(m_exploration);
    if (!m_exploration) {
        m_summary->clear();
        return;
    }
    const QuantExploration &x = *m_exploration;
    QString summary = tr("<b>%1</b> at every quantization %2 loads \u00b7 %3, %4 usable")
                          .arg(QString::fromStdString(x.modelName).toHtmlEscaped(), QString::fromStdString(x.engine->name).toHtmlEscaped(),
                               devicesText(x).toHtmlEscaped(), Texts::gib(static_cast<double>(x.capacity) / static_cast<double>(GiB)));
    if (!x.rows.empty()) {
        const Placement &first = x.rows.front().placement;
        const bool same = std::all_of(x.rows.begin(), x.rows.end(), [&](const QuantRow &r) {
            return r.placement.ctx == first.ctx && r.placement.parallel == first.parallel;
        });
        summary += QStringLiteral(" \u00b7 ") +
                   (same ? tr("context %1 tokens \u00d7 %2 sequence(s)").arg(Texts::tokens(first.ctx)).arg(first.parallel)
                         : tr("the engine fits the context to the memory for each quantization"));
    }
    summary +=
        QStringLiteral("<br/>") + tr("Quality recovery = quantized score / BF16 score in published studies (hollow points at the foot: no "
                                     "study measured it). Each row is the estimate of that quantization; click one to use it.");
    m_summary->setText(summary);

    std::optional<int> current;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (m_model->row(r)->quant->id == x.currentQuant)
            current = r;
    if (current) {
        const QModelIndex shown = m_sorted->mapFromSource(m_model->index(*current, 0));
        m_table->selectRow(shown.row());
        // Once laid out: scrolled now, before the view has its height, the row could still end up below it.
        QTimer::singleShot(0, m_table, [table = m_table, shown] { table->scrollTo(shown, QAbstractItemView::PositionAtCenter); });
    } else {
        m_table->clearSelection();
    }
}

void QuantExplorerPanel::apply(std::size_t row)
{
    if (m_exploration && row < m_exploration->rows.size())
        emit applyRequested(m_exploration->rows[row].inputs);
}

} // namespace headroom::gui
