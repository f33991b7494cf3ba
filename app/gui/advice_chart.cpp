// SPDX-License-Identifier: GPL-3.0-or-later
#include "advice_chart.h"

#include "chart_scale.h"

#include "advice_texts.h"
#include "texts.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::gui {
namespace {

void hideFromLegend(QChart *chart, QAbstractSeries *series)
{
    for (QLegendMarker *m : chart->legend()->markers(series))
        m->setVisible(false);
}

} // namespace

QSize AdviceChart::sizeHint() const
{
    return {640, 360}; // the plot, its axes and the legend; the view alone would ask for little
}

AdviceChart::AdviceChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("adviceChart"));
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QColor text = palette().color(QPalette::WindowText);
    // Okabe–Ito, as the memory bars: blue for the models (sky blue on dark), vermillion for the capacity.
    const QColor model = dark ? QColor(0x56, 0xB4, 0xE9) : QColor(0x00, 0x72, 0xB2);
    const QColor partial(0xE6, 0x9F, 0x00);
    const QColor capacity(0xD5, 0x5E, 0x00);

    m_chart = new QChart;
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setBackgroundVisible(false);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(4, 4, 4, 4));

    m_x = new QValueAxis;
    m_x->setTitleText(tr("Memory (GiB)"));
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    m_y = new QValueAxis;
    m_y->setTitleText(tr("Expected quality"));
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    for (QValueAxis *axis : {m_x, m_y}) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setLabelsFont(font());
        QColor grid = text;
        grid.setAlpha(40);
        axis->setGridLineColor(grid);
    }
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);

    auto scatter = [&](const QString &name, QColor fill, qreal size, QColor border) {
        auto *s = new QScatterSeries;
        s->setName(name);
        s->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        s->setMarkerSize(size);
        s->setColor(fill);
        s->setBorderColor(border);
        return s;
    };
    m_capacity = new QLineSeries;
    QPen capacityPen(capacity);
    capacityPen.setWidthF(2.0);
    capacityPen.setStyle(Qt::DashLine);
    m_capacity->setPen(capacityPen);
    QColor faint = model;
    faint.setAlpha(dark ? 90 : 70);
    m_all = scatter(tr("Model \u00d7 quantization that fits"), faint, 7, Qt::transparent);
    QColor faintPartial = partial;
    faintPartial.setAlpha(120);
    m_partial = scatter(tr("With partial offload"), faintPartial, 7, Qt::transparent);
    m_current = scatter(tr("Current choice"), Qt::transparent, 17, text);
    QPen ring(text);
    ring.setWidthF(2.0);
    m_current->setPen(ring);
    m_frontLine = new QLineSeries;
    QPen frontPen(model);
    frontPen.setWidthF(2.0);
    m_frontLine->setPen(frontPen);
    m_front = scatter(tr("Pareto front: the best quality for its memory"), model, 10, palette().color(QPalette::Window));
    // Drawn in this order: what is added last takes the mouse first.
    for (QXYSeries *s : std::initializer_list<QXYSeries *>{m_capacity, m_all, m_partial, m_current, m_frontLine, m_front}) {
        m_chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    hideFromLegend(m_chart, m_capacity);
    hideFromLegend(m_chart, m_frontLine);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setLabelColor(text);
    m_chart->legend()->setFont(font());

    m_capacityLabel = new QGraphicsSimpleTextItem(m_chart);
    m_capacityLabel->setBrush(dark ? capacity.lighter(130) : capacity);
    m_capacityLabel->setFont(font());
    m_capacityLabel->setZValue(10);

    for (QScatterSeries *s : {m_all, m_partial, m_current, m_front}) {
        connect(s, &QScatterSeries::hovered, this, [this, s](const QPointF &p, bool state) { hover(s, p, state); });
        connect(s, &QScatterSeries::clicked, this, [this, s](const QPointF &p) { click(s, p); });
    }
    connect(m_chart, &QChart::plotAreaChanged, this, &AdviceChart::placeCapacityLabel);

    m_view = new QChartView(m_chart);
    m_view->setObjectName(QStringLiteral("adviceChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(200);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setStyleSheet(QStringLiteral("background: transparent"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void AdviceChart::setAdvice(std::shared_ptr<const Advice> advice)
{
    m_advice = std::move(advice);
    m_allIndex.clear();
    m_partialIndex.clear();
    m_frontIndex.clear();
    QList<QPointF> all, partial, front, steps;
    double maxMemory = 0.0, minQuality = 100.0, maxQuality = 0.0;
    if (m_advice) {
        const auto &c = m_advice->candidates;
        for (std::size_t i = 0; i < c.size(); ++i) {
            if (!c[i].quality)
                continue;
            const QPointF p(toGiB(c[i].memory), c[i].quality->value);
            (c[i].partial ? partial : all).append(p);
            (c[i].partial ? m_partialIndex : m_allIndex).push_back(i);
            maxMemory = std::max(maxMemory, p.x());
            minQuality = std::min(minQuality, p.y());
            maxQuality = std::max(maxQuality, p.y());
        }
        for (const auto i : m_advice->front) {
            const QPointF p(toGiB(c[i].memory), c[i].quality->value);
            // A staircase, not a slope: between two front points the best that fits is still the lower one.
            if (!steps.isEmpty())
                steps.append(QPointF(p.x(), steps.back().y()));
            steps.append(p);
            front.append(p);
            m_frontIndex.push_back(i);
        }
    }
    m_all->replace(all);
    m_partial->replace(partial);
    m_front->replace(front);
    m_frontLine->replace(steps);
    setCurrent(std::nullopt);
    for (QLegendMarker *m : m_chart->legend()->markers(m_partial))
        m->setVisible(!partial.isEmpty());

    const double capacity = m_advice ? toGiB(m_advice->capacity) : 0.0;
    const double xStep = niceStep(std::max({capacity, maxMemory, 1.0}) * 1.05);
    const double xMax = std::ceil(std::max({capacity, maxMemory, 1.0}) * 1.05 / xStep) * xStep;
    m_x->setRange(0, xMax);
    m_x->setTickCount(static_cast<int>(std::lround(xMax / xStep)) + 1);
    if (maxQuality < minQuality) { // nothing scored: an empty frame
        minQuality = 0.0;
        maxQuality = 100.0;
    }
    // Few quality ticks (steps that divide 100): the labels must fit a short plot.
    const double span = maxQuality - minQuality + 4.0;
    const double yStep = span > 50 ? 20.0 : span > 25 ? 10.0 : 5.0;
    const double yMin = std::max(0.0, std::floor((minQuality - 2.0) / yStep) * yStep);
    const double yMax = std::max(yMin + yStep, std::min(100.0, std::ceil((maxQuality + 2.0) / yStep) * yStep));
    m_y->setRange(yMin, yMax);
    m_y->setTickCount(static_cast<int>(std::lround((yMax - yMin) / yStep)) + 1);
    if (capacity > 0)
        m_capacity->replace(QList<QPointF>{{capacity, m_y->min()}, {capacity, m_y->max()}});
    else
        m_capacity->clear();
    m_capacityLabel->setText(capacity > 0 ? tr("%1 usable").arg(Texts::gib(capacity)) : QString());
    placeCapacityLabel();
}

void AdviceChart::setCurrent(std::optional<std::size_t> index)
{
    if (!m_advice || !index || *index >= m_advice->candidates.size() || !m_advice->candidates[*index].quality) {
        m_current->clear();
        m_current->setProperty("candidate", QVariant());
        return;
    }
    const Candidate &c = m_advice->candidates[*index];
    m_current->replace(QList<QPointF>{{toGiB(c.memory), c.quality->value}});
    m_current->setProperty("candidate", QVariant::fromValue(static_cast<qulonglong>(*index)));
}

std::optional<std::size_t> AdviceChart::candidateAt(const QXYSeries *series, int i) const
{
    const std::vector<std::size_t> *index = series == m_all       ? &m_allIndex
                                            : series == m_partial ? &m_partialIndex
                                            : series == m_front   ? &m_frontIndex
                                                                  : nullptr;
    if (series == m_current && i == 0 && m_current->property("candidate").isValid())
        return static_cast<std::size_t>(m_current->property("candidate").toULongLong());
    if (!index || i < 0 || i >= static_cast<int>(index->size()))
        return std::nullopt;
    return (*index)[static_cast<std::size_t>(i)];
}

void AdviceChart::hover(QScatterSeries *series, const QPointF &point, bool state)
{
    const auto index = state ? candidateAt(series, nearestPoint(*m_chart, *series, point)) : std::nullopt;
    if (!index || !m_advice) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), AdviceTexts::point(m_advice->candidates[*index], *m_advice->metric), m_view);
}

void AdviceChart::click(QScatterSeries *series, const QPointF &point)
{
    if (const auto index = candidateAt(series, nearestPoint(*m_chart, *series, point)))
        emit candidateClicked(*index);
}

void AdviceChart::placeCapacityLabel()
{
    if (m_capacity->count() == 0) {
        m_capacityLabel->hide();
        return;
    }
    const QRectF plot = m_chart->plotArea();
    const QPointF bottom = m_chart->mapToPosition(m_capacity->at(0), m_capacity);
    const QRectF box = m_capacityLabel->boundingRect();
    // Beside the line at the foot of the plot (large models score high: the corner is empty), on the side with room.
    const double x = bottom.x() + 6 + box.width() <= plot.right() ? bottom.x() + 6 : bottom.x() - 6 - box.width();
    m_capacityLabel->setPos(x, plot.bottom() - box.height() - 4);
    m_capacityLabel->show();
}

} // namespace headroom::gui
