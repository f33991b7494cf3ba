// SPDX-License-Identifier: GPL-3.0-or-later
#include "advice_table_model.h"

#include "advice_texts.h"
#include "texts.h"

namespace headroom::gui {

AdviceTableModel::AdviceTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void AdviceTableModel::setAdvice(std::shared_ptr<const Advice> advice)
{
    beginResetModel();
    m_advice = std::move(advice);
    endResetModel();
}

const Candidate *AdviceTableModel::candidate(int row) const
{
    if (!m_advice || row < 0 || row >= rowCount())
        return nullptr;
    return &m_advice->candidates[m_advice->perModel[static_cast<std::size_t>(row)]];
}

std::optional<int> AdviceTableModel::rowOf(std::size_t index) const
{
    if (!m_advice)
        return std::nullopt;
    for (std::size_t r = 0; r < m_advice->perModel.size(); ++r)
        if (m_advice->perModel[r] == index)
            return static_cast<int>(r);
    return std::nullopt;
}

int AdviceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_advice ? 0 : static_cast<int>(m_advice->perModel.size());
}

int AdviceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdviceTableModel::data(const QModelIndex &index, int role) const
{
    const Candidate *c = candidate(index.row());
    if (!c || !c->quality)
        return {};
    const Placement &p = c->placement;
    if (role == CandidateRole)
        return QVariant::fromValue(static_cast<qulonglong>(m_advice->perModel[static_cast<std::size_t>(index.row())]));
    if (role == Qt::TextAlignmentRole)
        return index.column() <= Quantization ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Model: return QString::fromStdString(c->model->name);
        case Quantization: return QString::fromStdString(c->quant->id);
        case Quality: return AdviceTexts::quality(c->quality->value);
        case QualityPerGb: return Texts::number(c->qualityPerGb(), 2);
        case Memory: return Texts::gib(static_cast<double>(c->memory) / static_cast<double>(GiB));
        case Headroom:
            return c->partial ? Texts::verdict(Verdict::PartialOffload).toLower()
                              : Texts::gib(static_cast<double>(p.headroomBytes()) / static_cast<double>(GiB));
        case Decode: return AdviceTexts::speed(p);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Model:
            return tr("%1 (%2, %3 parameters)")
                .arg(QString::fromStdString(c->model->id), QString::fromStdString(c->model->family), Texts::paramsText(c->model->params));
        case Memory:
        case Headroom: return AdviceTexts::memory(*c);
        case Decode:
            return p.decodeTokensPerSecond > 0 ? QVariant() : tr("No memory bandwidth figure for this hardware: no speed estimate");
        default: return AdviceTexts::sources(*c, *m_advice->metric);
        }
    }
    return {};
}

QVariant AdviceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Model: return tr("Model");
        case Quantization: return tr("Quantization");
        case Quality: return tr("Expected quality");
        case QualityPerGb: return tr("Quality per GB");
        case Memory: return tr("Memory");
        case Headroom: return tr("Headroom");
        case Decode: return tr("Decode");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Quality: return tr("The model's score in the chosen metric \u00d7 the quantization's measured recovery");
        case QualityPerGb: return tr("Expected quality per GB (10\u2079 bytes) of memory: where more memory stops buying much quality");
        case Memory: return tr("Everything the engine allocates: weights, KV cache, compute buffers and overhead");
        case Headroom: return tr("What stays free on the fullest GPU");
        case Decode: return tr("Estimated decode speed, from memory bandwidth");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return section <= Quantization ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace headroom::gui
