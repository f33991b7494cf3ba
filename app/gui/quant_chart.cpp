// SPDX-License-Identifier: GPL-3.0-or-later
#include "quant_chart.h"

#include "chart_scale.h"

#include "quant_texts.h"
#include "texts.h"
#include "verdict_banner.h"

#include <QCategoryAxis>
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

constexpr std::array<Verdict, 4> kVerdicts{Verdict::Fits, Verdict::Tight, Verdict::PartialOffload, Verdict::DoesNotFit};

void hideFromLegend(QChart *chart, QAbstractSeries *series)
{
    for (QLegendMarker *m : chart->legend()->markers(series))
        m->setVisible(false);
}

} // namespace

QSize QuantChart::sizeHint() const
{
    return {560, 360};
}

QuantChart::QuantChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("quantChart"));
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_text = palette().color(QPalette::WindowText);
    // Okabe–Ito, as everywhere in the app: the verdict colours of the banner; vermillion for the capacity.
    const QColor capacity(0xD5, 0x5E, 0x00);

    m_chart = new QChart;
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setBackgroundVisible(false);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(4, 4, 4, 4));

    m_x = new QValueAxis;
    m_x->setTitleText(tr("Weights (GiB)"));
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    m_y = new QCategoryAxis;
    m_y->setTitleText(tr("Quality recovery"));
    m_y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (QAbstractAxis *axis : std::initializer_list<QAbstractAxis *>{m_x, m_y}) {
        axis->setLabelsBrush(m_text);
        axis->setTitleBrush(m_text);
        axis->setLabelsFont(font());
        QColor grid = m_text;
        grid.setAlpha(40);
        axis->setGridLineColor(grid);
    }
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);

    m_capacity = new QLineSeries;
    QPen capacityPen(capacity);
    capacityPen.setWidthF(2.0);
    capacityPen.setStyle(Qt::DashLine);
    m_capacity->setPen(capacityPen);
    m_chart->addSeries(m_capacity);

    const QColor window = palette().color(QPalette::Window);
    for (const Verdict v : kVerdicts) {
        QColor colour = VerdictBanner::verdictColor(v);
        if (dark)
            colour = colour.lighter(125); // the dark red of "does not fit" needs light to read on a dark plot
        auto *filled = new QScatterSeries;
        filled->setName(Texts::verdict(v));
        filled->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        filled->setMarkerSize(11);
        filled->setColor(colour);
        filled->setBorderColor(window);
        m_measured[static_cast<std::size_t>(v)] = filled;
        // Not measured: the same colour, hollow, so the verdict still reads but no figure is suggested.
        auto *hollow = new QScatterSeries;
        hollow->setName(Texts::verdict(v));
        hollow->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        hollow->setMarkerSize(11);
        hollow->setColor(Qt::transparent);
        QPen ring(colour);
        ring.setWidthF(2.0);
        hollow->setPen(ring);
        m_unmeasured[static_cast<std::size_t>(v)] = hollow;
    }
    m_current = new QScatterSeries;
    m_current->setName(tr("Current choice"));
    m_current->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_current->setMarkerSize(19);
    m_current->setColor(Qt::transparent);
    QPen currentPen(m_text);
    currentPen.setWidthF(2.0);
    m_current->setPen(currentPen);
    // Drawn in this order: what is added last takes the mouse first.
    m_chart->addSeries(m_current);
    for (QScatterSeries *s : m_unmeasured)
        m_chart->addSeries(s);
    for (QScatterSeries *s : m_measured)
        m_chart->addSeries(s);
    for (QAbstractSeries *s : m_chart->series()) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    hideFromLegend(m_chart, m_capacity);
    for (QScatterSeries *s : m_unmeasured)
        hideFromLegend(m_chart, s);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setLabelColor(m_text);
    m_chart->legend()->setFont(font());

    m_capacityLabel = new QGraphicsSimpleTextItem(m_chart);
    m_capacityLabel->setBrush(dark ? capacity.lighter(130) : capacity);
    m_capacityLabel->setFont(font());
    m_capacityLabel->setZValue(10);

    for (auto group : {m_measured, m_unmeasured})
        for (QScatterSeries *s : group) {
            connect(s, &QScatterSeries::hovered, this, [this, s](const QPointF &p, bool state) { hover(s, p, state); });
            connect(s, &QScatterSeries::clicked, this, [this, s](const QPointF &p) { click(s, p); });
        }
    connect(m_chart, &QChart::plotAreaChanged, this, &QuantChart::placeLabels);

    m_view = new QChartView(m_chart);
    m_view->setObjectName(QStringLiteral("quantChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setStyleSheet(QStringLiteral("background: transparent"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

QPointF QuantChart::pointOf(const QuantRow &row) const
{
    const auto percent = QuantTexts::recoveryPercent(row);
    return {toGiB(row.weights), percent ? *percent : m_unmeasuredY};
}

void QuantChart::setExploration(std::shared_ptr<const QuantExploration> exploration)
{
    m_exploration = std::move(exploration);
    for (auto &i : m_measuredIndex)
        i.clear();
    for (auto &i : m_unmeasuredIndex)
        i.clear();
    m_currentRow.reset();

    // The axes first: the "not measured" row sits one band below the lowest measurement.
    double maxSize = 1.0, minPercent = 100.0;
    bool anyMeasured = false;
    const std::vector<QuantRow> none;
    const auto &rows = m_exploration ? m_exploration->rows : none;
    for (const auto &r : rows) {
        maxSize = std::max(maxSize, toGiB(r.weights));
        if (const auto p = QuantTexts::recoveryPercent(r)) {
            minPercent = std::min(minPercent, *p);
            anyMeasured = true;
        }
    }
    if (!anyMeasured)
        minPercent = 90.0;
    const double span = 100.0 - minPercent + 2.0;
    const double yStep = span > 50 ? 20.0 : span > 25 ? 10.0 : span > 10 ? 5.0 : 2.0;
    const double yMin = std::max(0.0, std::floor((minPercent - 1.0) / yStep) * yStep);
    m_unmeasuredY = yMin - yStep * 0.6;
    m_measuredFloor = yMin;
    for (const QString &label : m_y->categoriesLabels())
        m_y->remove(label);
    m_y->setStartValue(yMin - yStep * 1.2);
    m_y->append(tr("not measured"), m_unmeasuredY);
    for (double v = yMin; v <= 100.0 + 1e-9; v += yStep)
        m_y->append(tr("%1 %").arg(Texts::number(v, 0)), v);
    m_y->setRange(yMin - yStep * 1.2, 100.0 + yStep * 0.3);

    const double capacity = m_exploration ? toGiB(m_exploration->capacity) : 0.0;
    const double reach = std::max(capacity, maxSize) * 1.05;
    const double xStep = niceStep(reach);
    const double xMax = std::ceil(reach / xStep) * xStep;
    m_x->setRange(0, xMax);
    m_x->setTickCount(static_cast<int>(std::lround(xMax / xStep)) + 1);
    m_x->setLabelFormat(xStep < 1.0 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));

    std::array<QList<QPointF>, 4> measured, unmeasured;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto v = static_cast<std::size_t>(rows[i].placement.verdict);
        const bool known = QuantTexts::recoveryPercent(rows[i]).has_value();
        (known ? measured : unmeasured)[v].append(pointOf(rows[i]));
        (known ? m_measuredIndex : m_unmeasuredIndex)[v].push_back(i);
        if (rows[i].quant->id == m_exploration->currentQuant)
            m_currentRow = i;
    }
    for (std::size_t v = 0; v < 4; ++v) {
        m_measured[v]->replace(measured[v]);
        m_unmeasured[v]->replace(unmeasured[v]);
    }
    if (m_currentRow)
        m_current->replace(QList<QPointF>{pointOf(rows[*m_currentRow])});
    else
        m_current->clear();
    for (QLegendMarker *m : m_chart->legend()->markers(m_current))
        m->setVisible(m_currentRow.has_value());

    if (capacity > 0)
        m_capacity->replace(QList<QPointF>{{capacity, m_y->min()}, {capacity, m_y->max()}});
    else
        m_capacity->clear();
    m_capacityLabel->setText(capacity > 0 ? tr("%1 usable").arg(Texts::gib(capacity)) : QString());

    for (auto *label : m_labels)
        delete label;
    m_labels.clear();
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    QColor labelColour = m_text;
    labelColour.setAlpha(200);
    for (const auto &r : rows) {
        auto *label = new QGraphicsSimpleTextItem(QString::fromStdString(r.quant->id), m_chart);
        label->setFont(small);
        label->setBrush(labelColour);
        label->setZValue(5);
        m_labels.push_back(label);
    }
    placeLabels();
}

void QuantChart::placeLabels()
{
    const QRectF plot = m_chart->plotArea();
    std::vector<QRectF> taken;
    if (m_capacity->count() > 0) {
        // Just above the lowest measured band, on the side of the line with room: the points crowd the top.
        const QPointF foot = m_chart->mapToPosition(QPointF(m_capacity->at(0).x(), m_measuredFloor), m_capacity);
        const QRectF box = m_capacityLabel->boundingRect();
        const double x = foot.x() + 6 + box.width() <= plot.right() ? foot.x() + 6 : foot.x() - 6 - box.width();
        m_capacityLabel->setPos(x, foot.y() - box.height() - 4);
        m_capacityLabel->show();
        taken.push_back(m_capacityLabel->sceneBoundingRect());
        taken.push_back(QRectF(foot.x() - 2, plot.top(), 4, plot.height())); // no name crossed by the line
    } else {
        m_capacityLabel->hide();
    }
    if (!m_exploration)
        return;
    const auto &rows = m_exploration->rows;
    // The current choice first, then the measured points, then the rest: where names would collide, the later is left out.
    std::vector<std::size_t> order;
    if (m_currentRow)
        order.push_back(*m_currentRow);
    for (const bool measuredPass : {true, false})
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (QuantTexts::recoveryPercent(rows[i]).has_value() == measuredPass && i != m_currentRow)
                order.push_back(i);
    for (const QPointF &p : [&] {
             QList<QPointF> points;
             for (const auto &r : rows)
                 points.append(m_chart->mapToPosition(pointOf(r), m_current));
             return points;
         }())
        taken.push_back(QRectF(p.x() - 6, p.y() - 6, 12, 12)); // the markers themselves
    for (const std::size_t i : order) {
        QGraphicsSimpleTextItem *label = m_labels[i];
        const QPointF at = m_chart->mapToPosition(pointOf(rows[i]), m_current);
        const QRectF box = label->boundingRect();
        bool placed = false;
        // Right of the point, then left, then above.
        for (const QPointF corner :
             {QPointF(at.x() + 8, at.y() - box.height() / 2), QPointF(at.x() - 8 - box.width(), at.y() - box.height() / 2),
              QPointF(at.x() - box.width() / 2, at.y() - 8 - box.height())}) {
            const QRectF r(corner, box.size());
            if (!plot.contains(r))
                continue;
            const bool clash = std::any_of(taken.begin(), taken.end(), [&](const QRectF &t) { return t.intersects(r); });
            if (clash)
                continue;
            label->setPos(corner);
            taken.push_back(r);
            placed = true;
            break;
        }
        label->setVisible(placed);
    }
}

QStringList QuantChart::pointLabels() const
{
    QStringList out;
    for (const auto *label : m_labels)
        if (label->isVisible())
            out << label->text();
    return out;
}

const std::vector<std::size_t> *QuantChart::indexOf(const QXYSeries *series) const
{
    for (std::size_t v = 0; v < 4; ++v) {
        if (series == m_measured[v])
            return &m_measuredIndex[v];
        if (series == m_unmeasured[v])
            return &m_unmeasuredIndex[v];
    }
    return nullptr;
}

std::optional<std::size_t> QuantChart::rowAt(const QXYSeries *series, int i) const
{
    if (series == m_current && i == 0)
        return m_currentRow;
    const auto *index = indexOf(series);
    if (!index || i < 0 || i >= static_cast<int>(index->size()))
        return std::nullopt;
    return (*index)[static_cast<std::size_t>(i)];
}

void QuantChart::hover(QScatterSeries *series, const QPointF &point, bool state)
{
    const auto row = state ? rowAt(series, nearestPoint(*m_chart, *series, point)) : std::nullopt;
    if (!row || !m_exploration) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(),
                       QuantTexts::details(m_exploration->rows[*row]) + QStringLiteral("<p><i>") + tr("Click to use it") +
                           QStringLiteral("</i></p>"),
                       m_view);
}

void QuantChart::click(QScatterSeries *series, const QPointF &point)
{
    if (const auto row = rowAt(series, nearestPoint(*m_chart, *series, point)))
        emit rowClicked(*row);
}

} // namespace headroom::gui
