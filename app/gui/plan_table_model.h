// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/plan.h>

#include <QAbstractTableModel>

#include <memory>

namespace headroom::gui {

/**
 * The planner's options as a table, one row per PlanOption in the planner's order (its rank). SortRole gives
 * each cell's number, and no value where there is none (no price, no speed): a proxy sorting by it keeps
 * those rows last in either direction. Rows that do not fit are drawn in the palette's disabled colour.
 */
class PlanTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /** Hardware second: the row's name; then what a buyer compares first (the prices), before what scrolls out of a narrow window. */
    enum Column {
        Rank,
        Hardware,
        Verdict,
        Price,
        PricePerUsableGb,
        PricePerTokensPerSecond,
        Decode,
        Prefill,
        Headroom,
        Usable,
        ColumnCount
    };
    /** Qt::UserRole + 1: the row's index into Plan::options. */
    static constexpr int RowRole = Qt::UserRole + 1;
    /** Qt::UserRole + 2: the value to sort by; invalid where the cell has none. */
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit PlanTableModel(QObject *parent = nullptr);

    void setPlan(std::shared_ptr<const Plan> plan);
    [[nodiscard]] const PlanOption *option(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Plan> m_plan;
};

} // namespace headroom::gui
