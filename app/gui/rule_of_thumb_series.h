// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/rule_of_thumb.h>

#include <QObject>
#include <QString>

#include <optional>

class QAreaSeries;
class QBarCategoryAxis;
class QChart;
class QLineSeries;
class QValueAxis;
class QWidget;

namespace headroom::gui {

/**
 * The rule of thumb's row in the Estimate chart: a faint bar for "parameters x bytes per weight", a fainter band
 * for its "x 1.5-2" variant and a marker at the estimate's total (every device and system RAM), so the gap between
 * the rule and the truth is seen, not only read. The figures are core's (ruleOfThumb, compareWithRule).
 */
class RuleOfThumbSeries : public QObject
{
    Q_OBJECT
public:
    RuleOfThumbSeries(QChart *chart, QValueAxis *values, QBarCategoryAxis *categories, const QWidget *palette);

    /** Draws the row at category index `row`, or hides it (no rule: the name states no width). */
    void show(const std::optional<RuleOfThumb> &rule, const std::optional<RuleComparison> &comparison, int row);
    /** Moves the series after the bar sets (the mapper re-creates those on a reset), keeping the legend's order. */
    void reattach();
    /** The largest value drawn, in GiB, for the axis range; 0 when hidden. */
    [[nodiscard]] double maxGiB() const { return m_max; }

    [[nodiscard]] QAreaSeries *ruleBar() const { return m_bar; }
    [[nodiscard]] QAreaSeries *band() const { return m_band; }
    [[nodiscard]] QLineSeries *estimateMarker() const { return m_total; }

    /** The category's name: "Rule of thumb". */
    [[nodiscard]] static QString rowName();
    /** What the row's three marks are (they stay out of the legend). */
    [[nodiscard]] static QString key();
    /** "Rule of thumb: 8.19 B × 0.5 B = 4.10 GB (× 1.5–2: 6.14–8.19 GB); this estimate 6.30 GB, 54 % more." */
    [[nodiscard]] static QString sentence(const RuleOfThumb &rule, const RuleComparison &comparison);

private:
    QChart *m_chart;
    QValueAxis *m_values;
    QBarCategoryAxis *m_categories;
    QAreaSeries *m_bar = nullptr;
    QAreaSeries *m_band = nullptr;
    QLineSeries *m_total = nullptr;
    double m_max = 0.0;
};

} // namespace headroom::gui
