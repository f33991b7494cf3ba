// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart_panel.h"

#include "estimate_model.h"
#include "explain_texts.h"
#include "rule_of_thumb_series.h"
#include "texts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QToolTip>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace headroom::gui {

QColor ChartPanel::segmentColor(int column)
{
    switch (column) {
    case EstimateModel::Weights: return QColor(0x00, 0x72, 0xB2);   // blue
    case EstimateModel::KvCache: return QColor(0xE6, 0x9F, 0x00);   // orange
    case EstimateModel::Compute: return QColor(0x00, 0x9E, 0x73);   // bluish green
    case EstimateModel::Overhead: return QColor(0xCC, 0x79, 0xA7);  // reddish purple
    case EstimateModel::Projector: return QColor(0x56, 0xB4, 0xE9); // sky blue
    case EstimateModel::Usable: return QColor(0xD5, 0x5E, 0x00);    // vermillion
    default: return QColor(0x99, 0x99, 0x99);
    }
}

ChartPanel::ChartPanel(EstimateModel *model, bool compact, QWidget *parent) : QWidget(parent), m_model(model), m_compact(compact)
{
    setObjectName(compact ? QStringLiteral("compareChart") : QStringLiteral("chartPanel"));
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_chart = new QChart;
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setBackgroundVisible(false);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(compact ? QMargins(0, 0, 0, 0) : QMargins(4, 4, 4, 4));

    m_series = new QHorizontalStackedBarSeries;
    m_series->setBarWidth(0.6);
    m_chart->addSeries(m_series);
    m_categories = new QBarCategoryAxis;
    m_values = new QValueAxis;
    m_values->setLabelFormat(QStringLiteral("%.0f"));
    m_values->setTitleText(compact ? QString() : tr("GiB"));
    m_values->setMin(0);
    const QColor text = palette().color(QPalette::WindowText);
    for (QAbstractAxis *axis : std::initializer_list<QAbstractAxis *>{m_categories, m_values}) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        QFont f = font();
        if (compact)
            f.setPointSizeF(f.pointSizeF() * 0.85);
        axis->setLabelsFont(f);
    }
    if (compact) {
        m_categories->setLabelsVisible(false); // the device names are in the column's title
        m_categories->setGridLineVisible(false);
    }
    m_chart->addAxis(m_values, Qt::AlignBottom);
    m_chart->addAxis(m_categories, Qt::AlignLeft);
    m_series->attachAxis(m_values);
    m_series->attachAxis(m_categories);
    m_chart->legend()->setVisible(!compact);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setLabelColor(text);
    m_chart->legend()->setFont(font());

    if (!compact) // the rule of thumb beside the truth: a row of its own after the devices (drawn above them)
        m_rule = new RuleOfThumbSeries(m_chart, m_values, m_categories, this);

    m_mapper = new QVBarModelMapper(this);
    m_mapper->setFirstBarSetColumn(EstimateModel::Weights);
    m_mapper->setLastBarSetColumn(EstimateModel::Projector);
    m_mapper->setFirstRow(0);
    m_mapper->setSeries(m_series);
    m_mapper->setModel(m_model);
    connect(m_series, &QAbstractBarSeries::barsetsAdded, this, &ChartPanel::styleBarSets);
    styleBarSets();

    m_view = new QChartView(m_chart);
    m_view->setObjectName(compact ? QStringLiteral("compareChartView") : QStringLiteral("chartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(compact ? 120 : 180);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setStyleSheet(QStringLiteral("background: transparent"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    if (m_rule) {
        m_ruleLabel = new QLabel;
        m_ruleLabel->setObjectName(QStringLiteral("ruleOfThumbLabel"));
        m_ruleLabel->setWordWrap(true);
        layout->addWidget(m_ruleLabel);
    }

    connect(m_model, &QAbstractItemModel::modelReset, this, &ChartPanel::refresh);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ChartPanel::refresh);
    refresh();
}

QBarSet *ChartPanel::barSet(int column) const
{
    const auto sets = m_series->barSets();
    return column >= 0 && column < sets.size() ? sets[column] : nullptr;
}

void ChartPanel::styleBarSets()
{
    const auto sets = m_series->barSets();
    // The mapper re-creates the sets on a model reset; keep the capacity markers after them in the legend.
    for (auto *pool : {&m_usableMarkers, &m_capacityMarkers}) {
        for (std::size_t i = 0; i < pool->size(); ++i) {
            QLineSeries *line = (*pool)[i];
            m_chart->removeSeries(line);
            m_chart->addSeries(line);
            line->attachAxis(m_values);
            line->attachAxis(m_categories);
            for (QLegendMarker *m : m_chart->legend()->markers(line))
                m->setVisible(i == 0 && !m_compact);
        }
    }
    if (m_rule)
        m_rule->reattach();
    for (int i = 0; i < sets.size(); ++i) {
        QBarSet *set = sets[i];
        if (set->property("styled").toBool())
            continue;
        set->setProperty("styled", true);
        set->setColor(segmentColor(i));
        set->setBorderColor(palette().color(QPalette::Window));
        set->setLabel(EstimateModel::columnName(i));
        connect(set, &QBarSet::hovered, this, [this, i](bool status, int row) { showTooltip(i, status, row); });
        connect(set, &QBarSet::clicked, this, [this, i](int row) { emit segmentClicked(row, i); });
    }
}

QString ChartPanel::segmentToolTip(int row, int column) const
{
    if (row < 0 || row >= m_model->rowCount())
        return {};
    const QString device = m_model->headerData(row, Qt::Vertical).toString();
    const double gib = m_model->index(row, column).data().toDouble();
    const SegmentExplanation *why = m_explainer ? m_explainer(row, column) : nullptr;
    const QString how = why ? ExplainTexts::summary(*why) : QString();
    if (how.isEmpty())
        return tr("<b>%1</b> on %2: <b>%3</b><br/>%4")
            .arg(EstimateModel::columnName(column).toHtmlEscaped(), device.toHtmlEscaped(), Texts::gib(gib),
                 EstimateModel::columnDescription(column).toHtmlEscaped());
    return tr("<b>%1</b> on %2: <b>%3</b><br/>%4<br/><i>Click the bar for every term in \u201cWhy these numbers\u201d.</i>")
        .arg(EstimateModel::columnName(column).toHtmlEscaped(), device.toHtmlEscaped(), ExplainTexts::size(why->bytes), how);
}

void ChartPanel::showTooltip(int column, bool status, int row)
{
    const QString text = status ? segmentToolTip(row, column) : QString();
    if (text.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), text, m_view);
}

void ChartPanel::refresh()
{
    const int rows = m_model->rowCount();
    QStringList names;
    double maxValue = 1.0;
    for (int r = 0; r < rows; ++r) {
        names << m_model->headerData(r, Qt::Vertical).toString();
        double total = 0;
        for (int c = EstimateModel::Weights; c <= EstimateModel::Projector; ++c)
            total += m_model->index(r, c).data().toDouble();
        maxValue = std::max({maxValue, total, m_model->index(r, EstimateModel::Capacity).data().toDouble()});
    }
    const auto rule = m_rule ? m_model->ruleComparison() : std::optional<RuleComparison>{};
    if (m_rule) {
        if (rule)
            names << RuleOfThumbSeries::rowName();
        m_rule->show(m_model->ruleOfThumb(), rule, rows);
        maxValue = std::max(maxValue, m_rule->maxGiB());
        m_ruleLabel->setText(
            rule ? RuleOfThumbSeries::sentence(*m_model->ruleOfThumb(), *rule) + QLatin1Char('\n') + RuleOfThumbSeries::key() : QString());
        m_ruleLabel->setVisible(rule.has_value());
    }
    if (m_categories->categories() != names) {
        m_categories->clear();
        m_categories->append(names);
    }
    // A round axis maximum with some room after the longest bar or marker.
    const double step = maxValue > 200 ? 50 : maxValue > 80 ? 20 : maxValue > 30 ? 10 : maxValue > 12 ? 4 : 2;
    const double axisMax = std::ceil(maxValue * 1.04 / step) * step;
    m_values->setRange(0, axisMax);
    if (m_compact) {
        m_values->setTickCount(3);
        m_values->setRange(0, std::ceil(maxValue * 1.04 / 8) * 8);
    } else {
        m_values->setTickCount(std::min(11, static_cast<int>(axisMax / step) + 1));
    }
    m_view->setVisible(rows > 0);
    // Room for every row's name: below about two text lines per row the axis elides them to "..." (CJK fonts first).
    if (!m_compact)
        m_view->setMinimumHeight(std::max(180, 110 + static_cast<int>(names.size()) * 3 * fontMetrics().height()));

    // Capacity markers: one short vertical line per device and kind.
    auto ensure = [this](std::vector<QLineSeries *> &pool, std::size_t n, bool usable) {
        while (pool.size() < n) {
            auto *line = new QLineSeries;
            QPen pen(usable ? segmentColor(EstimateModel::Usable) : palette().color(QPalette::WindowText));
            pen.setWidthF(usable ? 3.0 : 2.0);
            if (!usable)
                pen.setStyle(Qt::DashLine);
            line->setPen(pen);
            line->setName(usable ? EstimateModel::columnName(EstimateModel::Usable) : EstimateModel::columnName(EstimateModel::Capacity));
            m_chart->addSeries(line);
            line->attachAxis(m_values);
            line->attachAxis(m_categories);
            const auto markers = m_chart->legend()->markers(line);
            for (QLegendMarker *m : markers)
                m->setVisible(pool.empty() && !m_compact);
            pool.push_back(line);
        }
    };
    const auto count = static_cast<std::size_t>(rows);
    ensure(m_usableMarkers, count, true);
    ensure(m_capacityMarkers, count, false);
    for (std::size_t i = 0; i < m_usableMarkers.size(); ++i) {
        const int r = static_cast<int>(i);
        const bool has = r < rows && m_model->showsCapacity(r);
        const double y = r;
        const double usable = has ? m_model->index(r, EstimateModel::Usable).data().toDouble() : 0;
        const double capacity = has ? m_model->index(r, EstimateModel::Capacity).data().toDouble() : 0;
        if (has && usable > 0)
            m_usableMarkers[i]->replace(QList<QPointF>{{usable, y - 0.42}, {usable, y + 0.42}});
        else
            m_usableMarkers[i]->clear();
        if (has && capacity > 0)
            m_capacityMarkers[i]->replace(QList<QPointF>{{capacity, y - 0.42}, {capacity, y + 0.42}});
        else
            m_capacityMarkers[i]->clear();
    }
}

} // namespace headroom::gui
