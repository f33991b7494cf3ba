// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/placement.h>
#include <headroom/rule_of_thumb.h>

#include <optional>

#include <QAbstractTableModel>

namespace headroom::gui {

/**
 * The placement as a table the chart maps: one row per device (plus host RAM when layers are
 * offloaded), columns weights / KV / compute / overhead / vision projector / usable / capacity, all in GiB.
 */
class EstimateModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Weights, KvCache, Compute, Overhead, Projector, Usable, Capacity, ColumnCount };
    enum Role { BytesRole = Qt::UserRole + 1, IsHostRole };

    explicit EstimateModel(QObject *parent = nullptr);

    void setPlacement(const Placement &placement);
    void clear();
    /** The rule of thumb for the request (core's ruleOfThumb); set before the placement, which signals the change. */
    void setRuleOfThumb(const std::optional<RuleOfThumb> &rule) { m_rule = rule; }
    [[nodiscard]] const std::optional<RuleOfThumb> &ruleOfThumb() const { return m_rule; }
    /** The rule against this placement's total (every device and system RAM); nullopt without a rule or placement. */
    [[nodiscard]] std::optional<RuleComparison> ruleComparison() const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] const DeviceUsage &usage(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }
    [[nodiscard]] bool isHost(int row) const { return m_hasHost && row == rowCount() - 1; }
    /** Whether the row's capacity is a line to read the bar against: every GPU, and system RAM on a machine without one. */
    [[nodiscard]] bool showsCapacity(int row) const { return !isHost(row) || m_cpuOnly; }
    [[nodiscard]] static QString columnName(int column);
    [[nodiscard]] static QString columnDescription(int column);

private:
    std::vector<DeviceUsage> m_rows;
    bool m_hasHost = false;
    bool m_cpuOnly = false; ///< no GPU: the host row holds everything, against the RAM's capacity
    std::optional<RuleOfThumb> m_rule;
    Bytes m_total = 0; ///< placementTotal of the placement shown, host RAM included even without its row
};

} // namespace headroom::gui
