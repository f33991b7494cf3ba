// SPDX-License-Identifier: GPL-3.0-or-later
#include "rule_of_thumb_series.h"

#include "texts.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <QWidget>

#include <cmath>

namespace headroom::gui {
namespace {

QAreaSeries *rectangle(QColor fill, QColor border, Qt::PenStyle style)
{
    auto *area = new QAreaSeries(new QLineSeries, new QLineSeries);
    area->setBrush(fill);
    QPen pen(border);
    pen.setWidthF(1.5);
    pen.setStyle(style);
    area->setPen(pen);
    return area;
}

void setRectangle(QAreaSeries *area, double from, double to, double y, double half)
{
    area->upperSeries()->replace(QList<QPointF>{{from, y + half}, {to, y + half}});
    area->lowerSeries()->replace(QList<QPointF>{{from, y - half}, {to, y - half}});
}

/** The row is named on the axis and keyed under the chart: the legend keeps the device bars' entries readable. */
void hideFromLegend(QChart *chart, QAbstractSeries *series)
{
    for (QLegendMarker *m : chart->legend()->markers(series))
        m->setVisible(false);
}

/** 0.5 as "0.5", 0.25 as "0.25", 2 as "2": the rule's bytes per weight as people write them. */
QString bytesPerWeight(double b)
{
    const int decimals = std::abs(b - std::round(b)) < 1e-9 ? 0 : std::abs(b * 10 - std::round(b * 10)) < 1e-9 ? 1 : 2;
    return Texts::number(b, decimals);
}

QString gb(Bytes b)
{
    return Texts::number(static_cast<double>(b) / static_cast<double>(GB), 2);
}

} // namespace

RuleOfThumbSeries::RuleOfThumbSeries(QChart *chart, QValueAxis *values, QBarCategoryAxis *categories, const QWidget *palette)
    : QObject(chart), m_chart(chart), m_values(values), m_categories(categories)
{
    // Faint: the rule is a teaching aid beside the bars, in the text colour so it reads on light and dark alike.
    QColor ink = palette->palette().color(QPalette::WindowText);
    QColor fill = ink;
    fill.setAlphaF(0.22f);
    QColor bandFill = ink;
    bandFill.setAlphaF(0.08f);
    m_bar = rectangle(fill, ink, Qt::SolidLine);
    m_bar->setName(tr("Rule of thumb (parameters × bytes per weight)"));
    m_band = rectangle(bandFill, ink, Qt::DashLine);
    m_band->setName(tr("Rule × 1.5–2"));
    m_total = new QLineSeries;
    QPen pen(ink);
    pen.setWidthF(3.0);
    m_total->setPen(pen);
    m_total->setName(tr("This estimate, all memory"));
    for (QAbstractSeries *s : std::initializer_list<QAbstractSeries *>{m_band, m_bar, m_total}) {
        m_chart->addSeries(s);
        s->attachAxis(m_values);
        s->attachAxis(m_categories);
    }
    show(std::nullopt, std::nullopt, 0);
}

void RuleOfThumbSeries::reattach()
{
    for (QAbstractSeries *s : std::initializer_list<QAbstractSeries *>{m_band, m_bar, m_total}) {
        const bool visible = s->isVisible();
        m_chart->removeSeries(s);
        m_chart->addSeries(s);
        s->attachAxis(m_values);
        s->attachAxis(m_categories);
        s->setVisible(visible);
        hideFromLegend(m_chart, s);
    }
}

void RuleOfThumbSeries::show(const std::optional<RuleOfThumb> &rule, const std::optional<RuleComparison> &comparison, int row)
{
    const bool shown = rule && comparison;
    for (QAbstractSeries *s : std::initializer_list<QAbstractSeries *>{m_band, m_bar, m_total}) {
        s->setVisible(shown);
        hideFromLegend(m_chart, s);
    }
    m_max = 0;
    if (!shown)
        return;
    const double y = row;
    setRectangle(m_bar, 0, toGiB(rule->weights), y, 0.3);
    setRectangle(m_band, toGiB(rule->low), toGiB(rule->high), y, 0.3);
    m_total->replace(QList<QPointF>{{toGiB(comparison->estimate), y - 0.42}, {toGiB(comparison->estimate), y + 0.42}});
    m_max = std::max(toGiB(rule->high), toGiB(comparison->estimate));
}

QString RuleOfThumbSeries::key()
{
    return tr("Top row: the rule (faint bar), its × 1.5–2 band (dashed) and this estimate on every device and in system RAM (solid line).");
}

QString RuleOfThumbSeries::rowName()
{
    return tr("Rule of thumb");
}

QString RuleOfThumbSeries::sentence(const RuleOfThumb &rule, const RuleComparison &comparison)
{
    const long percent = std::lround(std::abs(comparison.percent));
    const QString gap = percent == 0             ? tr("the same")
                        : comparison.percent > 0 ? tr("%1 % more").arg(percent)
                                                 : tr("%1 % less").arg(percent);
    return tr("Rule of thumb: %1 B parameters × %2 B per weight = %3 GB (× 1.5–2: %4–%5 GB); this estimate %6 GB, %7.")
        .arg(Texts::number(static_cast<double>(rule.parameters) / 1e9, 2), bytesPerWeight(rule.bytesPerWeight), gb(rule.weights),
             gb(rule.low), gb(rule.high), gb(comparison.estimate), gap);
}

} // namespace headroom::gui
