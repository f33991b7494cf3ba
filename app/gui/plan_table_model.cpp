// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan_table_model.h"

#include "plan_texts.h"
#include "quant_texts.h"
#include "texts.h"
#include "verdict_banner.h"

#include <QGuiApplication>
#include <QPalette>

namespace headroom::gui {
namespace {

bool textColumn(int column)
{
    return column == PlanTableModel::Hardware || column == PlanTableModel::Verdict;
}

} // namespace

PlanTableModel::PlanTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void PlanTableModel::setPlan(std::shared_ptr<const Plan> plan)
{
    beginResetModel();
    m_plan = std::move(plan);
    endResetModel();
}

const PlanOption *PlanTableModel::option(int row) const
{
    if (!m_plan || row < 0 || row >= rowCount())
        return nullptr;
    return &m_plan->options[static_cast<std::size_t>(row)];
}

int PlanTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_plan ? 0 : static_cast<int>(m_plan->options.size());
}

int PlanTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanTableModel::data(const QModelIndex &index, int role) const
{
    const PlanOption *o = option(index.row());
    if (!o)
        return {};
    const Placement &p = o->placement;
    const Currency currency = m_plan->currency;
    const bool runs = p.verdict != headroom::Verdict::DoesNotFit;
    if (role == RowRole)
        return index.row();
    if (role == Qt::TextAlignmentRole)
        return textColumn(index.column()) ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Rank: return index.row() + 1;
        case Hardware: return PlanTexts::hardware(*o);
        case Verdict: return PlanTexts::verdict(*o);
        case Headroom: return QuantTexts::headroom(p);
        case Usable: return Texts::gib(toGiB(o->usable));
        case Decode: return PlanTexts::speed(*o);
        case Prefill: return PlanTexts::prefill(*o);
        case Price: return PlanTexts::price(*o, currency);
        case PricePerUsableGb: return PlanTexts::pricePerUsableGb(*o, currency);
        case PricePerTokensPerSecond: return PlanTexts::pricePerTokensPerSecond(*o, currency);
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Rank: return index.row();
        case Hardware: return PlanTexts::hardware(*o);
        case Verdict: return static_cast<int>(p.verdict);
        case Headroom: return static_cast<qlonglong>(p.headroomBytes());
        case Usable: return static_cast<qulonglong>(o->usable);
        case Decode: return runs && p.decodeTokensPerSecond > 0 ? QVariant(p.decodeTokensPerSecond) : QVariant();
        case Prefill: return runs && p.prefillTokensPerSecond > 0 ? QVariant(p.prefillTokensPerSecond) : QVariant();
        case Price: return o->price ? QVariant(*o->price) : QVariant();
        case PricePerUsableGb: return o->pricePerUsableGb ? QVariant(*o->pricePerUsableGb) : QVariant();
        case PricePerTokensPerSecond: return runs && o->pricePerTokensPerSecond ? QVariant(*o->pricePerTokensPerSecond) : QVariant();
        default: return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == Verdict)
        return VerdictBanner::verdictColor(p.verdict); // a swatch: the colour reads on light and dark alike
    if (role == Qt::ForegroundRole && !fitsOnGpus(p.verdict))
        return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text); // greyed: not what to buy
    if (role == Qt::ToolTipRole) {
        if (index.column() == Price || index.column() == PricePerUsableGb)
            return PlanTexts::priceSource(*o, currency);
        return PlanTexts::details(*o, currency);
    }
    return {};
}

QVariant PlanTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Rank: return tr("#");
        case Hardware: return tr("Hardware");
        case Verdict: return tr("Fits");
        case Headroom: return tr("Headroom");
        case Usable: return tr("Usable");
        case Decode: return tr("Decode");
        case Prefill: return tr("Prefill");
        case Price: return tr("Launch price");
        case PricePerUsableGb: return tr("Per usable GB");
        case PricePerTokensPerSecond: return tr("Per token/s");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Rank: return tr("The planner's rank under the chosen sort key: what fits first");
        case Hardware: return tr("The cards in one machine, or several machines joined by llama.cpp RPC");
        case Verdict: return tr("The estimate for this model and these settings on this hardware");
        case Headroom: return tr("What stays free on the fullest GPU");
        case Usable: return tr("The memory the engine can fill, over every card or machine");
        case Decode: return tr("Estimated decode speed, from memory bandwidth (and the network for several machines)");
        case Prefill: return tr("Estimated prompt processing speed, from the cards' FP16 throughput");
        case Price: return tr("Launch price in the currency its source gives: never converted");
        case PricePerUsableGb: return tr("Launch price / usable memory (GB = 10^9 bytes)");
        case PricePerTokensPerSecond: return tr("Launch price / estimated decode tokens per second");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return textColumn(section) ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace headroom::gui
