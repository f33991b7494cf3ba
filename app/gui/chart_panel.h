// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/explanation.h>

#include <QColor>
#include <QWidget>

#include <functional>
#include <vector>

class QBarSet;
class QChart;
class QChartView;
class QHorizontalStackedBarSeries;
class QVBarModelMapper;
class QBarCategoryAxis;
class QValueAxis;
class QLineSeries;
class QLabel;

namespace headroom::gui {

class EstimateModel;
class RuleOfThumbSeries;

/**
 * Stacked horizontal bars of an EstimateModel: one bar per device (and host RAM), segments
 * weights / KV / compute / overhead in Okabe–Ito colours, and markers at usable and marketed capacity.
 * The bars are fed by a QVBarModelMapper; the chart never reads the engine directly.
 */
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartPanel(EstimateModel *model, bool compact = false, QWidget *parent = nullptr);

    [[nodiscard]] QChart *chart() const { return m_chart; }
    [[nodiscard]] QChartView *chartView() const { return m_view; }
    [[nodiscard]] QHorizontalStackedBarSeries *series() const { return m_series; }
    /** The bar set for an EstimateModel column (Weights..Overhead), or nullptr. */
    [[nodiscard]] QBarSet *barSet(int column) const;
    /** The segment colours, fixed and colour-blind safe (Okabe–Ito). */
    [[nodiscard]] static QColor segmentColor(int column);
    /** The rule of thumb's row and its sentence (full chart only; null in the compact one). */
    [[nodiscard]] RuleOfThumbSeries *ruleOfThumb() const { return m_rule; }
    [[nodiscard]] QLabel *ruleOfThumbLabel() const { return m_ruleLabel; }
    /** Where the tooltips find a segment's arithmetic (EstimateModel row, column), e.g. the details pane; unset: none. */
    using Explainer = std::function<const SegmentExplanation *(int row, int column)>;
    void setExplainer(Explainer explainer) { m_explainer = std::move(explainer); }
    /** The tooltip of a bar segment (EstimateModel row and column): its size, then its arithmetic or what it is. */
    [[nodiscard]] QString segmentToolTip(int row, int column) const;

signals:
    /** A bar segment was clicked: EstimateModel row and column. */
    void segmentClicked(int row, int column);

private:
    void styleBarSets();
    void refresh();
    void showTooltip(int column, bool status, int row);

    EstimateModel *m_model;
    Explainer m_explainer;
    bool m_compact;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QHorizontalStackedBarSeries *m_series = nullptr;
    QVBarModelMapper *m_mapper = nullptr;
    QBarCategoryAxis *m_categories = nullptr;
    QValueAxis *m_values = nullptr;
    std::vector<QLineSeries *> m_usableMarkers;
    std::vector<QLineSeries *> m_capacityMarkers;
    RuleOfThumbSeries *m_rule = nullptr;
    QLabel *m_ruleLabel = nullptr;
};

} // namespace headroom::gui
