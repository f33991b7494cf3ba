// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain_model.h"

#include "chart_panel.h"
#include "estimate_model.h"
#include "explain_texts.h"

#include <QGuiApplication>
#include <QPalette>
#include <QPixmap>

namespace headroom::gui {
namespace {

/** Core's segments are the chart's bar-set columns, in the same order. */
int chartColumn(Segment s)
{
    switch (s) {
    case Segment::Weights: return EstimateModel::Weights;
    case Segment::KvCache: return EstimateModel::KvCache;
    case Segment::Compute: return EstimateModel::Compute;
    case Segment::Overhead: return EstimateModel::Overhead;
    case Segment::Projector: return EstimateModel::Projector;
    }
    return -1;
}

QIcon swatch(int column)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(ChartPanel::segmentColor(column));
    return QIcon(pixmap);
}

struct Row {
    QStandardItem *what;
    QStandardItem *size;
    QStandardItem *how;
};

Row makeRow(const QString &what, const QString &size, const QString &how, ExplainModel::RowKind kind, const QString &key)
{
    Row r{new QStandardItem(what), new QStandardItem(size), new QStandardItem(how)};
    for (QStandardItem *item : {r.what, r.size, r.how}) {
        item->setEditable(false);
        item->setData(kind, ExplainModel::KindRole);
        item->setData(key, ExplainModel::KeyRole);
        item->setData(-1, ExplainModel::ChartRowRole);
        item->setData(-1, ExplainModel::SegmentRole);
        item->setData(true, ExplainModel::CountedRole);
    }
    r.what->setToolTip(what);
    r.how->setToolTip(how);
    r.size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return r;
}

void setBytes(const Row &r, Bytes bytes)
{
    for (QStandardItem *item : {r.what, r.size, r.how})
        item->setData(QVariant::fromValue<qulonglong>(bytes), ExplainModel::BytesRole);
    r.size->setToolTip(ExplainTexts::exactBytes(bytes));
}

void append(QStandardItem *parent, const Row &r)
{
    parent->appendRow(QList<QStandardItem *>{r.what, r.size, r.how});
}

void addTerm(QStandardItem *parent, const ExplainTerm &t, const QString &key)
{
    QString how = ExplainTexts::arithmetic(t);
    QString size = ExplainTexts::size(t.bytes);
    if (!t.counted) {
        how = how.isEmpty() ? ExplainModel::tr("not counted: a larger candidate counts")
                            : ExplainModel::tr("not counted: a larger candidate counts \u00b7 %1").arg(how);
        size = ExplainModel::tr("(%1)").arg(size);
    }
    Row r = makeRow(ExplainTexts::term(t), size, how, ExplainModel::TermRow, key);
    setBytes(r, t.bytes);
    if (!t.counted) {
        const QColor faint = QGuiApplication::palette().color(QPalette::PlaceholderText);
        for (QStandardItem *item : {r.what, r.size, r.how}) {
            item->setData(false, ExplainModel::CountedRole);
            item->setForeground(faint);
            QFont f = item->font();
            f.setItalic(true);
            item->setFont(f);
        }
    }
    for (std::size_t i = 0; i < t.parts.size(); ++i)
        addTerm(r.what, t.parts[i], QStringLiteral("%1/%2").arg(key).arg(i));
    append(parent, r);
}

/** What a segment's rows add up to, in a few words. */
QString segmentHow(const SegmentExplanation &s)
{
    int counted = 0, candidates = 0, beside = 0;
    const ExplainTerm *only = nullptr;
    for (const ExplainTerm &t : s.terms) {
        counted += t.counted ? 1 : 0;
        candidates += t.counted ? 0 : 1;
        beside += t.counted && !isComputeCandidate(t.kind) ? 1 : 0; // host buffers, pipeline copies
        if (t.counted)
            only = &t;
    }
    if (counted == 1 && candidates == 0)
        return ExplainTexts::arithmetic(*only);
    if (candidates > 0 && beside > 0)
        return ExplainModel::tr("the largest of %1 candidates, plus %2 more").arg(counted + candidates - beside).arg(beside);
    if (candidates > 0)
        return ExplainModel::tr("the largest of %1 candidates counts").arg(counted + candidates);
    return counted > 1 ? ExplainModel::tr("the sum of %1 terms").arg(counted) : QString();
}

} // namespace

ExplainModel::ExplainModel(QObject *parent) : QStandardItemModel(parent)
{
    setColumnCount(ColumnCount);
    setHorizontalHeaderLabels({tr("What"), tr("Size"), tr("How it adds up")});
}

void ExplainModel::clear()
{
    removeRows(0, rowCount());
    m_explanation.reset();
    m_chartRows.clear();
}

void ExplainModel::setExplanation(const Explanation &e, const Placement &p, const EstimateModel &chart)
{
    removeRows(0, rowCount());
    m_explanation = e;
    m_chartRows.clear();

    std::vector<const DeviceExplanation *> devices;
    for (std::size_t i = 0; i < e.devices.size(); ++i) {
        devices.push_back(&e.devices[i]);
        m_chartRows.push_back(static_cast<int>(i) < chart.rowCount() ? static_cast<int>(i) : -1);
    }
    // The host is listed when it has a bar or holds anything at all (embeddings, host buffers, checkpoints).
    const int hostRow = chart.rowCount() > 0 && chart.isHost(chart.rowCount() - 1) ? chart.rowCount() - 1 : -1;
    Bytes hostBytes = 0;
    for (const SegmentExplanation &s : e.host.segments)
        hostBytes += s.bytes;
    if (hostRow >= 0 || hostBytes > 0) {
        devices.push_back(&e.host);
        m_chartRows.push_back(hostRow);
    }

    QStandardItem *root = invisibleRootItem();
    for (std::size_t k = 0; k < devices.size(); ++k) {
        const DeviceExplanation &d = *devices[k];
        const int chartRow = m_chartRows[k];
        const QString key = d.host ? QStringLiteral("h") : QStringLiteral("d%1").arg(k);
        QString name = chartRow >= 0 ? chart.headerData(chartRow, Qt::Vertical).toString() : QString::fromStdString(d.name);
        if (d.host)
            name = EstimateModel::tr("Host RAM");
        Bytes total = 0;
        for (const SegmentExplanation &s : d.segments)
            total += s.bytes;
        Row device = makeRow(name, ExplainTexts::size(total), ExplainTexts::units(d.units, p.totalLayers), DeviceRow, key);
        setBytes(device, total);
        QFont bold = device.what->font();
        bold.setBold(true);
        for (QStandardItem *item : {device.what, device.size, device.how}) {
            item->setData(chartRow, ChartRowRole);
            item->setFont(bold);
        }
        for (const SegmentExplanation &s : d.segments) {
            if (s.bytes == 0 && s.terms.empty())
                continue;
            const int column = chartColumn(s.segment);
            const QString segKey = QStringLiteral("%1/s%2").arg(key).arg(column);
            Row seg = makeRow(EstimateModel::columnName(column), ExplainTexts::size(s.bytes), segmentHow(s), SegmentRow, segKey);
            setBytes(seg, s.bytes);
            seg.what->setIcon(swatch(column));
            seg.what->setToolTip(EstimateModel::columnDescription(column));
            for (QStandardItem *item : {seg.what, seg.size, seg.how}) {
                item->setData(chartRow, ChartRowRole);
                item->setData(column, SegmentRole);
            }
            for (std::size_t i = 0; i < s.terms.size(); ++i)
                addTerm(seg.what, s.terms[i], QStringLiteral("%1/t%2").arg(segKey).arg(i));
            append(device.what, seg);
        }
        append(root, device);
    }

    // Assumption rows span the whole width (ExplainPanel): a sentence reads better whole than cut into columns,
    // so the first column carries the sentence and what changes it; the third keeps the input alone.
    const auto spanned = [](const QString &text, const QString &changeWith, RowKind kind, const QString &key) {
        return makeRow(changeWith.isEmpty() ? text : tr("%1 \u2014 %2").arg(text, changeWith), QString(), changeWith, kind, key);
    };
    Row assumptions =
        spanned(tr("Assumptions"), tr("what the estimate takes as given, and what changes it"), AssumptionsRow, QStringLiteral("a"));
    QFont bold = assumptions.what->font();
    bold.setBold(true);
    assumptions.what->setFont(bold);
    auto addSource = [](QStandardItem *parent, const std::string &source, const QString &key) {
        if (source.empty())
            return;
        Row src = makeRow(tr("Source: %1").arg(QString::fromStdString(source)), QString(), QString(), SourceRow, key);
        append(parent, src);
    };
    if (!e.engineVersion.empty()) {
        Row behaviour = spanned(tr("Engine behaviour of version %1").arg(QString::fromStdString(e.engineVersion)),
                                ExplainTexts::changeWith(InputCode::EngineVersion), AssumptionRow, QStringLiteral("a/v"));
        addSource(behaviour.what, e.behaviourSource, QStringLiteral("a/v/s"));
        append(assumptions.what, behaviour);
    }
    const auto deviceName = [&chart, &p](int i) {
        if (i >= 0 && i < chart.rowCount() && !chart.isHost(i))
            return chart.headerData(i, Qt::Vertical).toString();
        return i >= 0 && static_cast<std::size_t>(i) < p.devices.size()
                   ? QString::fromStdString(p.devices[static_cast<std::size_t>(i)].name)
                   : EstimateModel::tr("GPU");
    };
    for (std::size_t i = 0; i < e.assumptions.size(); ++i) {
        const Assumption &a = e.assumptions[i];
        const QString key = QStringLiteral("a/%1").arg(i);
        Row row = spanned(ExplainTexts::assumption(a, deviceName), ExplainTexts::changeWith(a.input), AssumptionRow, key);
        addSource(row.what, a.source, key + QStringLiteral("/s"));
        append(assumptions.what, row);
    }
    append(root, assumptions);
}

QModelIndex ExplainModel::segmentIndex(int chartRow, int column) const
{
    for (int r = 0; r < rowCount(); ++r) {
        const QModelIndex device = index(r, WhatColumn);
        if (device.data(KindRole).toInt() != DeviceRow || device.data(ChartRowRole).toInt() != chartRow)
            continue;
        for (int s = 0; s < rowCount(device); ++s) {
            const QModelIndex seg = index(s, WhatColumn, device);
            if (seg.data(SegmentRole).toInt() == column)
                return seg;
        }
    }
    return {};
}

const SegmentExplanation *ExplainModel::segment(int chartRow, int column) const
{
    if (!m_explanation || chartRow < 0 || column < 0 || column >= static_cast<int>(kSegments.size()))
        return nullptr;
    for (std::size_t k = 0; k < m_chartRows.size(); ++k) {
        if (m_chartRows[k] != chartRow)
            continue;
        const DeviceExplanation &d = k < m_explanation->devices.size() ? m_explanation->devices[k] : m_explanation->host;
        return &d.segments[static_cast<std::size_t>(column)];
    }
    return nullptr;
}

} // namespace headroom::gui
