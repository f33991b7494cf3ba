// SPDX-License-Identifier: GPL-3.0-or-later
#include "quant_table_model.h"

#include "quant_texts.h"
#include "texts.h"
#include "verdict_banner.h"

namespace headroom::gui {

QuantTableModel::QuantTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void QuantTableModel::setExploration(std::shared_ptr<const QuantExploration> exploration)
{
    beginResetModel();
    m_exploration = std::move(exploration);
    endResetModel();
}

const QuantRow *QuantTableModel::row(int row) const
{
    if (!m_exploration || row < 0 || row >= rowCount())
        return nullptr;
    return &m_exploration->rows[static_cast<std::size_t>(row)];
}

int QuantTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_exploration ? 0 : static_cast<int>(m_exploration->rows.size());
}

int QuantTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QuantTableModel::data(const QModelIndex &index, int role) const
{
    const QuantRow *r = row(index.row());
    if (!r)
        return {};
    const Placement &p = r->placement;
    if (role == RowRole)
        return index.row();
    if (role == Qt::TextAlignmentRole) {
        const bool text = index.column() == Quantization || index.column() == MeasuredOn || index.column() == Verdict;
        return text ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Quantization: return QString::fromStdString(r->quant->id);
        case Size: return Texts::gib(static_cast<double>(r->weights) / static_cast<double>(GiB));
        case BitsPerWeight: return Texts::number(r->bitsPerWeight, 2);
        case Recovery: return QuantTexts::recovery(*r);
        case MeasuredOn: return QuantTexts::measuredOn(*r);
        case Verdict: return QuantTexts::verdict(p);
        case Headroom: return QuantTexts::headroom(p);
        case Decode: return QuantTexts::speed(p);
        case MaxContext: return QuantTexts::maxContext(p);
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Quantization: return QString::fromStdString(r->quant->id);
        case Size: return static_cast<qulonglong>(r->weights);
        case BitsPerWeight: return r->bitsPerWeight;
        case Recovery: return QuantTexts::recoveryPercent(*r).value_or(-1.0);
        case MeasuredOn: return QuantTexts::measuredOn(*r);
        case Verdict: return static_cast<int>(p.verdict);
        case Headroom: return static_cast<qlonglong>(p.headroomBytes());
        case Decode: return p.decodeTokensPerSecond;
        case MaxContext: return p.maxContext;
        default: return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == Verdict)
        return VerdictBanner::verdictColor(p.verdict); // a swatch: the colour reads on light and dark alike
    if (role == Qt::ToolTipRole) {
        if (index.column() == Decode && p.decodeTokensPerSecond <= 0 && p.verdict != Verdict::DoesNotFit)
            return tr("No memory bandwidth figure for this hardware: no speed estimate");
        return QuantTexts::details(*r);
    }
    if (role == Qt::FontRole && m_exploration && r->quant->id == m_exploration->currentQuant) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QVariant QuantTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Quantization: return tr("Quantization");
        case Size: return tr("Weights");
        case BitsPerWeight: return tr("Bits");
        case Recovery: return tr("Recovery");
        case MeasuredOn: return tr("Measured on");
        case Verdict: return tr("Verdict");
        case Headroom: return tr("Headroom");
        case Decode: return tr("Decode");
        case MaxContext: return tr("Max context");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Size: return tr("The tensors' bytes in this quantization: about the file you download (without a vision projector)");
        case BitsPerWeight:
            return tr(
                "Bits per weight: weights \u00d7 8 / parameters, for this model (embeddings and the output layer are often kept at more "
                "bits)");
        case Recovery:
            return tr("Quality recovery: quantized score / BF16 score in published studies, at the largest evaluated size up to this "
                      "model's");
        case MeasuredOn: return tr("The benchmarks and the model size the recovery was measured on");
        case Verdict: return tr("The estimate for this quantization on the chosen hardware and settings");
        case Headroom: return tr("What stays free on the fullest GPU");
        case Decode: return tr("Estimated decode speed, from memory bandwidth");
        case MaxContext: return tr("Longest context per sequence (tokens) that keeps every layer on the GPU");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        const bool text = section == Quantization || section == MeasuredOn || section == Verdict;
        return text ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

} // namespace headroom::gui
