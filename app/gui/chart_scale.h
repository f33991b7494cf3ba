// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QChart;
class QPointF;
class QScatterSeries;

namespace headroom::gui {

/** A round step for an axis spanning `range`, about five to ten ticks. */
[[nodiscard]] double niceStep(double range);

/**
 * The index of the point of `series` nearest `value` on screen, -1 for an empty series. Qt Charts hands a
 * hover or click the marker's own point; the nearest on screen is for anything else.
 */
[[nodiscard]] int nearestPoint(QChart &chart, const QScatterSeries &series, const QPointF &value);

} // namespace headroom::gui
