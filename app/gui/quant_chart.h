// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/quant_explorer.h>

#include <QWidget>

#include <array>
#include <memory>
#include <optional>
#include <vector>

class QCategoryAxis;
class QChart;
class QChartView;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QXYSeries;

namespace headroom::gui {

/**
 * One model's quantizations at a glance: x = the weights' size, y = the measured quality recovery, each point
 * coloured by its verdict on the chosen hardware. Quantizations no study measured sit on their own row at the
 * foot of the plot, the y axis labelled "not measured" there, drawn hollow; a dashed vertical line marks the
 * devices' usable memory (the weights are not all an estimate needs: a point left of it may still not fit).
 * Points are named where there is room; hovering one tells all, clicking one asks to use it.
 */
class QuantChart : public QWidget
{
    Q_OBJECT
public:
    explicit QuantChart(QWidget *parent = nullptr);
    [[nodiscard]] QSize sizeHint() const override;

    void setExploration(std::shared_ptr<const QuantExploration> exploration);

    [[nodiscard]] QChart *chart() const { return m_chart; }
    [[nodiscard]] QChartView *chartView() const { return m_view; }
    /** The measured points of one verdict (Fits, Tight, PartialOffload, DoesNotFit). */
    [[nodiscard]] QScatterSeries *measuredSeries(Verdict v) const { return m_measured[static_cast<std::size_t>(v)]; }
    /** The not-measured points of one verdict, on the bottom row. */
    [[nodiscard]] QScatterSeries *unmeasuredSeries(Verdict v) const { return m_unmeasured[static_cast<std::size_t>(v)]; }
    [[nodiscard]] QScatterSeries *currentSeries() const { return m_current; }
    [[nodiscard]] QLineSeries *capacityLine() const { return m_capacity; }
    [[nodiscard]] QValueAxis *sizeAxis() const { return m_x; }
    [[nodiscard]] QCategoryAxis *recoveryAxis() const { return m_y; }
    /** The y value of the "not measured" row. */
    [[nodiscard]] double unmeasuredY() const { return m_unmeasuredY; }
    /** The row drawn as point `i` of `series`, if any. */
    [[nodiscard]] std::optional<std::size_t> rowAt(const QXYSeries *series, int i) const;
    /** The quantization names drawn beside their points (those with room). */
    [[nodiscard]] QStringList pointLabels() const;

signals:
    /** A point was clicked: use rows[index]. */
    void rowClicked(std::size_t index);

private:
    void hover(QScatterSeries *series, const QPointF &point, bool state);
    void click(QScatterSeries *series, const QPointF &point);
    [[nodiscard]] const std::vector<std::size_t> *indexOf(const QXYSeries *series) const;
    [[nodiscard]] QPointF pointOf(const QuantRow &row) const;
    void placeLabels();

    std::shared_ptr<const QuantExploration> m_exploration;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QValueAxis *m_x = nullptr;
    QCategoryAxis *m_y = nullptr;
    std::array<QScatterSeries *, 4> m_measured{};
    std::array<QScatterSeries *, 4> m_unmeasured{};
    std::array<std::vector<std::size_t>, 4> m_measuredIndex;
    std::array<std::vector<std::size_t>, 4> m_unmeasuredIndex;
    QScatterSeries *m_current = nullptr;
    QLineSeries *m_capacity = nullptr;
    QGraphicsSimpleTextItem *m_capacityLabel = nullptr;
    std::vector<QGraphicsSimpleTextItem *> m_labels; ///< one per row, hidden where it would overlap another
    std::optional<std::size_t> m_currentRow;
    double m_unmeasuredY = 0.0;
    double m_measuredFloor = 0.0; ///< the lowest labelled recovery: the measured area starts here
    QColor m_text;
};

} // namespace headroom::gui
