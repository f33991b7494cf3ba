// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advise.h>

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QChart;
class QChartView;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QXYSeries;

namespace headroom::gui {

/**
 * Expected quality against memory for every scored candidate of an Advice (faint points), its Pareto front
 * (points joined by a staircase), the devices' usable capacity (a labelled vertical line) and the window's current
 * choice (a ring). Hovering a point names it; clicking one asks to use it.
 */
class AdviceChart : public QWidget
{
    Q_OBJECT
public:
    explicit AdviceChart(QWidget *parent = nullptr);
    [[nodiscard]] QSize sizeHint() const override;

    void setAdvice(std::shared_ptr<const Advice> advice);
    /** Rings candidates[index]; empty = no ring. */
    void setCurrent(std::optional<std::size_t> index);

    [[nodiscard]] QChart *chart() const { return m_chart; }
    [[nodiscard]] QChartView *chartView() const { return m_view; }
    [[nodiscard]] QScatterSeries *allSeries() const { return m_all; }
    [[nodiscard]] QScatterSeries *partialSeries() const { return m_partial; }
    [[nodiscard]] QScatterSeries *frontSeries() const { return m_front; }
    [[nodiscard]] QLineSeries *frontLine() const { return m_frontLine; }
    [[nodiscard]] QScatterSeries *currentSeries() const { return m_current; }
    [[nodiscard]] QLineSeries *capacityLine() const { return m_capacity; }
    [[nodiscard]] QValueAxis *memoryAxis() const { return m_x; }
    [[nodiscard]] QValueAxis *qualityAxis() const { return m_y; }
    /** The candidate drawn as point `i` of `series`, if any. */
    [[nodiscard]] std::optional<std::size_t> candidateAt(const QXYSeries *series, int i) const;

signals:
    /** A point was clicked: use candidates[index]. */
    void candidateClicked(std::size_t index);

private:
    void hover(QScatterSeries *series, const QPointF &point, bool state);
    void click(QScatterSeries *series, const QPointF &point);
    void placeCapacityLabel();

    std::shared_ptr<const Advice> m_advice;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QValueAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QScatterSeries *m_all = nullptr;
    QScatterSeries *m_partial = nullptr;
    QScatterSeries *m_front = nullptr;
    QScatterSeries *m_current = nullptr;
    QLineSeries *m_frontLine = nullptr;
    QLineSeries *m_capacity = nullptr;
    QGraphicsSimpleTextItem *m_capacityLabel = nullptr;
    std::vector<std::size_t> m_allIndex; ///< candidates[] of each point, per series
    std::vector<std::size_t> m_partialIndex;
    std::vector<std::size_t> m_frontIndex;
};

} // namespace headroom::gui
