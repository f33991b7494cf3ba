// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advise.h>

#include <QAbstractTableModel>

#include <memory>
#include <optional>

namespace headroom::gui {

/**
 * The advisor's ranking as a table: one row per entry of Advice::perModel, in its order (each scored
 * model's best candidate that fits, by expected quality). The tooltips name both sources of the figure.
 */
class AdviceTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Model, Quantization, Quality, QualityPerGb, Memory, Headroom, Decode, ColumnCount };
    /** Qt::UserRole + 1: the row's index into Advice::candidates. */
    static constexpr int CandidateRole = Qt::UserRole + 1;

    explicit AdviceTableModel(QObject *parent = nullptr);

    void setAdvice(std::shared_ptr<const Advice> advice);
    /** The candidate of `row`, or null. */
    [[nodiscard]] const Candidate *candidate(int row) const;
    /** The row showing candidates[index], if it is one. */
    [[nodiscard]] std::optional<int> rowOf(std::size_t index) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Advice> m_advice;
};

} // namespace headroom::gui
