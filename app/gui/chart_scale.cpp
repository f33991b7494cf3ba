// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart_scale.h"

#include <QChart>
#include <QScatterSeries>

#include <limits>

namespace headroom::gui {

double niceStep(double range)
{
    for (const double s : {1.0, 2.0, 4.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0})
        if (range / s <= 10.0)
            return s;
    return 1000.0;
}

int nearestPoint(QChart &chart, const QScatterSeries &series, const QPointF &value)
{
    const auto points = series.points();
    if (const auto exact = points.indexOf(value); exact >= 0)
        return static_cast<int>(exact);
    // mapToPosition takes a non-const chart and series; it only reads their axes.
    auto *s = const_cast<QScatterSeries *>(&series);
    const QPointF at = chart.mapToPosition(value, s);
    int best = -1;
    double bestDistance = std::numeric_limits<double>::max();
    for (int i = 0; i < points.size(); ++i) {
        const QPointF d = chart.mapToPosition(points[i], s) - at;
        const double distance = d.x() * d.x() + d.y() * d.y();
        if (distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return best;
}

} // namespace headroom::gui
