// SPDX-License-Identifier: GPL-3.0-or-later
#include "estimate_model.h"

#include "texts.h"

namespace headroom::gui {
namespace {

Bytes bytesFor(const DeviceUsage &u, int column)
{
    switch (column) {
    case EstimateModel::Weights: return u.weights;
    case EstimateModel::KvCache: return u.kvCache;
    case EstimateModel::Compute: return u.compute;
    case EstimateModel::Overhead: return u.overhead;
    case EstimateModel::Projector: return u.projector;
    case EstimateModel::Usable: return u.usable;
    case EstimateModel::Capacity: return u.capacity;
    default: return 0;
    }
}

} // namespace

EstimateModel::EstimateModel(QObject *parent) : QAbstractTableModel(parent) {}

void EstimateModel::setPlacement(const Placement &placement)
{
    m_total = placementTotal(placement);
    std::vector<DeviceUsage> rows = placement.devices;
    // Host RAM gets a bar when layers are offloaded (or there is no GPU at all).
    const bool hasHost = placement.gpuLayers < placement.totalLayers || placement.devices.empty();
    if (hasHost)
        rows.push_back(placement.host);
    const bool cpuOnly = placement.devices.empty();
    if (rows.size() == m_rows.size() && hasHost == m_hasHost && cpuOnly == m_cpuOnly) {
        // Same shape (a slider drag): update in place so views keep their state.
        m_rows = std::move(rows);
        if (!m_rows.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        emit headerDataChanged(Qt::Vertical, 0, std::max(0, rowCount() - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_hasHost = hasHost;
    m_cpuOnly = cpuOnly;
    endResetModel();
}

void EstimateModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_hasHost = false;
    m_cpuOnly = false;
    m_rule.reset();
    m_total = 0;
    endResetModel();
}

std::optional<RuleComparison> EstimateModel::ruleComparison() const
{
    if (!m_rule || m_rows.empty())
        return std::nullopt;
    return compareWithRule(*m_rule, m_total);
}

int EstimateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EstimateModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EstimateModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeviceUsage &u = m_rows[static_cast<std::size_t>(index.row())];
    const Bytes bytes = bytesFor(u, index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (isHost(index.row()) && (index.column() == Usable || index.column() == Capacity) && bytes == 0)
            return QVariant(0.0);
        return toGiB(bytes);
    case Qt::ToolTipRole:
        return tr("%1 on %2: %3 GiB")
            .arg(columnName(index.column()), headerData(index.row(), Qt::Vertical).toString(), Texts::number(toGiB(bytes), 2));
    case BytesRole: return QVariant::fromValue<qulonglong>(bytes);
    case IsHostRole: return isHost(index.row());
    default: return {};
    }
}

QVariant EstimateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Horizontal)
        return section < ColumnCount ? QVariant(columnName(section)) : QVariant();
    if (section >= rowCount())
        return {};
    if (isHost(section))
        return m_cpuOnly ? tr("System RAM (CPU only)") : tr("Host RAM");
    const auto &u = m_rows[static_cast<std::size_t>(section)];
    const QString name = u.name.empty() ? tr("GPU") : QString::fromStdString(u.name);
    // Identical cards get numbered: the chart's category axis needs distinct names.
    int same = 0, index = 0;
    for (int r = 0; r < rowCount() - (m_hasHost ? 1 : 0); ++r) {
        if (m_rows[static_cast<std::size_t>(r)].name == u.name) {
            ++same;
            if (r <= section)
                index = same;
        }
    }
    return same > 1 ? tr("%1 #%2").arg(name).arg(index) : name;
}

QString EstimateModel::columnName(int column)
{
    switch (column) {
    case Weights: return tr("Weights");
    case KvCache: return tr("KV cache");
    case Compute: return tr("Compute buffers");
    case Overhead: return tr("Runtime overhead");
    case Projector: return tr("Vision projector");
    case Usable: return tr("Usable capacity");
    case Capacity: return tr("Marketed capacity");
    default: return {};
    }
}

QString EstimateModel::columnDescription(int column)
{
    switch (column) {
    case Weights: return tr("The model's parameters at the chosen quantization.");
    case KvCache: return tr("Keys and values kept for every token of context, for every sequence.");
    case Compute: return tr("Scratch memory the engine allocates for one forward pass.");
    case Overhead: return tr("CUDA/Metal context and framework memory taken before the model loads.");
    case Projector: return tr("The vision encoder and projector (mmproj) with its buffer for one image, when the engine loads it.");
    case Usable: return tr("What the engine can actually fill on this device.");
    case Capacity: return tr("The memory printed on the box.");
    default: return {};
    }
}

} // namespace headroom::gui
