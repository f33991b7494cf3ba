// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/explanation.h>

#include <QStandardItemModel>

#include <optional>

namespace headroom::gui {

class EstimateModel;

/**
 * The explanation as a tree for the details pane: each device (and the host) → its segments → their terms →
 * the terms' parts, then the assumptions with their sources. Columns: what, size, arithmetic. Built from core's
 * explain(); nothing here sizes anything.
 */
class ExplainModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Column { WhatColumn, SizeColumn, HowColumn, ColumnCount };
    enum Role {
        BytesRole = Qt::UserRole + 1, ///< qulonglong: the row's bytes (devices: their total)
        ChartRowRole,                 ///< int: the EstimateModel row of the device; -1 when the chart has no bar for it
        SegmentRole,                  ///< int: the EstimateModel column of a segment row; -1 elsewhere
        CountedRole,                  ///< bool: the term adds to its segment (false: a compute candidate that lost)
        KeyRole,                      ///< QString: a path that survives a rebuild ("d0/s1/t2"), to keep what was open
        KindRole,                     ///< int: a RowKind
    };
    enum RowKind { DeviceRow, SegmentRow, TermRow, AssumptionsRow, AssumptionRow, SourceRow };

    explicit ExplainModel(QObject *parent = nullptr);

    /** `chart` is the EstimateModel of the same placement: it names the rows and says which have a bar. */
    void setExplanation(const Explanation &explanation, const Placement &placement, const EstimateModel &chart);
    void clear();

    /** The segment row for a bar segment (EstimateModel row and column), or an invalid index. */
    [[nodiscard]] QModelIndex segmentIndex(int chartRow, int column) const;
    /** The explanation of a bar segment, for the chart's tooltip; null when there is none. */
    [[nodiscard]] const SegmentExplanation *segment(int chartRow, int column) const;
    [[nodiscard]] const std::optional<Explanation> &explanation() const { return m_explanation; }

private:
    std::optional<Explanation> m_explanation;
    std::vector<int> m_chartRows; ///< per explanation device (host last): its EstimateModel row or -1
};

} // namespace headroom::gui
