// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain_panel.h"

#include "estimate_model.h"
#include "explain_model.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

namespace headroom::gui {

ExplainPanel::ExplainPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("explainPanel"));
    m_model = new ExplainModel(this);
    m_model->setObjectName(QStringLiteral("explainModel"));

    m_toggle = new QToolButton;
    m_toggle->setObjectName(QStringLiteral("explainToggle"));
    m_toggle->setText(tr("Why these numbers"));
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setAutoRaise(true);
    QFont f = m_toggle->font();
    f.setBold(true);
    m_toggle->setFont(f);
    m_toggle->setToolTip(tr("The arithmetic behind every bar segment, and what the estimate assumes"));
    m_hint = new QLabel(tr("Point at a bar for a summary; click it to open its arithmetic here."));
    m_hint->setObjectName(QStringLiteral("explainHint"));
    QPalette hintPalette = m_hint->palette();
    hintPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_hint->setPalette(hintPalette);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_toggle);
    header->addWidget(m_hint, 1);
    header->addStretch(); // keeps the toggle at the left while the hint is hidden

    m_view = new QTreeView;
    m_view->setObjectName(QStringLiteral("explainView"));
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(ExplainModel::SizeColumn, QHeaderView::ResizeToContents);
    m_view->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);

    connect(m_toggle, &QToolButton::toggled, this, [this](bool open) {
        if (open)
            ensureExplained();
        m_toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_view->setVisible(open);
        m_hint->setVisible(!open);
        emit openChanged(open);
    });
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &i) {
        m_expanded.insert(i.data(ExplainModel::KeyRole).toString());
        fitWhatColumn();
    });
    connect(m_view, &QTreeView::collapsed, this,
            [this](const QModelIndex &i) { m_expanded.remove(i.data(ExplainModel::KeyRole).toString()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &i) { m_current = i.data(ExplainModel::KeyRole).toString(); });
}

bool ExplainPanel::isOpen() const
{
    return m_toggle->isChecked();
}

void ExplainPanel::setOpen(bool open)
{
    m_toggle->setChecked(open);
}

void ExplainPanel::clear()
{
    m_resolved.reset();
    m_model->clear();
}

void ExplainPanel::setEstimate(std::shared_ptr<const ResolvedRequest> resolved, const Placement &placement, const EstimateModel *chart)
{
    m_resolved = std::move(resolved);
    m_placement = placement;
    m_chart = chart;
    if (isOpen())
        ensureExplained();
}

void ExplainPanel::ensureExplained()
{
    if (!m_resolved || !m_chart)
        return;
    const auto resolved = std::move(m_resolved);
    m_resolved.reset();
    setExplanation(explain(resolved->request, m_placement), m_placement, *m_chart);
}

const SegmentExplanation *ExplainPanel::segment(int chartRow, int column)
{
    ensureExplained();
    return m_model->segment(chartRow, column);
}

void ExplainPanel::setExplanation(const Explanation &explanation, const Placement &placement, const EstimateModel &chart)
{
    // Removing the rows must not forget what was open: the signals of the teardown are not the user's.
    const QSet<QString> expanded = m_expanded;
    const QString current = m_current;
    m_model->setExplanation(explanation, placement, chart);
    m_expanded = expanded;
    m_current = current;
    if (!m_built) {
        // First fill: every device and the assumptions open, their segments folded.
        for (int r = 0; r < m_model->rowCount(); ++r)
            m_expanded.insert(m_model->index(r, 0).data(ExplainModel::KeyRole).toString());
        m_built = true;
    }
    restoreState();
    fitWhatColumn();
}

void ExplainPanel::restoreState()
{
    const QSet<QString> expanded = m_expanded;
    const QString current = m_current;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex i = m_model->index(r, 0, parent);
            const QString key = i.data(ExplainModel::KeyRole).toString();
            const int kind = i.data(ExplainModel::KindRole).toInt();
            if (kind == ExplainModel::AssumptionsRow || kind == ExplainModel::AssumptionRow || kind == ExplainModel::SourceRow)
                m_view->setFirstColumnSpanned(r, parent, true); // a sentence or a source: the whole width
            if (expanded.contains(key))
                m_view->expand(i);
            if (key == current)
                m_view->setCurrentIndex(i);
            walk(i);
        }
    };
    walk({});
    m_expanded = expanded;
    m_current = current;
}

void ExplainPanel::selectSegment(int chartRow, int column)
{
    setOpen(true);
    ensureExplained();
    const QModelIndex seg = m_model->segmentIndex(chartRow, column);
    if (!seg.isValid())
        return;
    m_view->expand(seg.parent());
    m_view->expand(seg);
    m_view->setCurrentIndex(seg);
    // The device's row on top, so the segment reads with the device it is on; then the segment in view.
    m_view->scrollTo(seg.parent(), QAbstractItemView::PositionAtTop);
    m_view->scrollTo(seg, QAbstractItemView::EnsureVisible);
}

void ExplainPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitWhatColumn();
}

void ExplainPanel::fitWhatColumn()
{
    // The first column fits the devices', segments' and terms' names (the spanned sentences do not count), up
    // to 45 % of the width: the arithmetic beside it is the longer text and should not be cut.
    int widest = 0;
    std::function<void(const QModelIndex &, int)> walk = [&](const QModelIndex &parent, int depth) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex i = m_model->index(r, ExplainModel::WhatColumn, parent);
            const int kind = i.data(ExplainModel::KindRole).toInt();
            if (kind == ExplainModel::AssumptionsRow || kind == ExplainModel::AssumptionRow || kind == ExplainModel::SourceRow)
                continue;
            const QFont font = i.data(Qt::FontRole).isValid() ? i.data(Qt::FontRole).value<QFont>() : m_view->font();
            const int icon = i.data(Qt::DecorationRole).isValid() ? m_view->iconSize().width() + 6 : 0;
            widest = std::max(widest,
                              QFontMetrics(font).horizontalAdvance(i.data().toString()) + icon + m_view->indentation() * (depth + 1) + 16);
            if (m_view->isExpanded(i))
                walk(i, depth + 1);
        }
    };
    walk({}, 0);
    const int room = width() - 24; // the panel is laid out before the view first shows; less a scroll bar
    m_view->setColumnWidth(ExplainModel::WhatColumn, std::clamp(widest, 160, std::max(160, room * 45 / 100)));
}

std::pair<int, int> ExplainPanel::selectedSegment() const
{
    const QModelIndex i = m_view->currentIndex();
    if (!i.isValid() || i.data(ExplainModel::KindRole).toInt() != ExplainModel::SegmentRow)
        return {-1, -1};
    return {i.data(ExplainModel::ChartRowRole).toInt(), i.data(ExplainModel::SegmentRole).toInt()};
}

} // namespace headroom::gui
