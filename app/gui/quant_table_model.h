// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/quant_explorer.h>

#include <QAbstractTableModel>

#include <memory>
#include <optional>

namespace headroom::gui {

/**
 * The quantization explorer's rows as a table, one per QuantRow in its order (smallest first). SortRole gives
 * each cell's number (a gap in recovery sorts below every measurement), so a proxy sorts by value, not text.
 */
class QuantTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /** "Measured on" last: its text is the longest, and the last column takes what width is left. */
    enum Column { Quantization, Size, BitsPerWeight, Recovery, Verdict, Headroom, Decode, MaxContext, MeasuredOn, ColumnCount };
    /** Qt::UserRole + 1: the row's index into QuantExploration::rows. */
    static constexpr int RowRole = Qt::UserRole + 1;
    /** Qt::UserRole + 2: the value to sort by. */
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit QuantTableModel(QObject *parent = nullptr);

    void setExploration(std::shared_ptr<const QuantExploration> exploration);
    [[nodiscard]] const QuantRow *row(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const QuantExploration> m_exploration;
};

} // namespace headroom::gui
