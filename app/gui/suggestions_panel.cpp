// SPDX-License-Identifier: GPL-3.0-or-later
#include "suggestions_panel.h"

#include "texts.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace headroom::gui {
namespace {

QTableWidgetItem *cell(const QString &text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(align);
    return item;
}

} // namespace

SuggestionsPanel::SuggestionsPanel(const Catalog &catalog, QWidget *parent) : QWidget(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("suggestionsPanel"));
    m_caption = new QLabel(tr("Models that fit this hardware, by published score \u2014 click one to use it"));
    m_caption->setObjectName(QStringLiteral("suggestionsCaption"));
    m_caption->setWordWrap(true);
    m_table = new QTableWidget(0, 6);
    m_table->setObjectName(QStringLiteral("suggestionsTable"));
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Quantization"), tr("Quality"), tr("Size"), tr("Headroom"), tr("Decode")});
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    auto *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_table);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(150);
    connect(m_timer, &QTimer::timeout, this, &SuggestionsPanel::refreshNow);
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (row < 0 || row >= static_cast<int>(m_recommendations.size()))
            return;
        const Recommendation &r = m_recommendations[static_cast<std::size_t>(row)];
        emit applyRequested(QString::fromStdString(r.model->id), QString::fromStdString(r.quant->id));
    });
}

void SuggestionsPanel::setRequest(std::shared_ptr<const ResolvedRequest> request)
{
    // Only engine, context, parallel, KV and devices matter to the ranking; skip when they are unchanged.
    const auto key = [](const ResolvedRequest *r) {
        if (!r)
            return std::string();
        std::string k = r->request.engine ? r->request.engine->id : std::string();
        k += '|' + r->request.engineVersion + '|' + std::to_string(r->request.ctx.value_or(0)) + '|' +
             std::to_string(r->request.parallel.value_or(0)) + '|' + kvTypeName(r->request.kvType) + '|' +
             std::to_string(static_cast<int>(r->request.flashAttn)) + '|' + std::to_string(r->request.hostRam.value_or(0));
        for (const auto &d : r->request.devices)
            k += '|' + d.id + ':' + std::to_string(d.capacity);
        return k;
    };
    const bool same = key(request.get()) == key(m_request.get()) && !m_recommendations.empty();
    m_request = std::move(request);
    if (same)
        return;
    m_pending = true;
    m_timer->start();
}

void SuggestionsPanel::refreshNow()
{
    m_timer->stop();
    if (!m_pending && !m_recommendations.empty())
        return;
    m_pending = false;
    m_recommendations.clear();
    if (m_request && !m_request->request.devices.empty())
        m_recommendations = bestPerGb(m_catalog, m_request->request, 8);
    m_table->setRowCount(static_cast<int>(m_recommendations.size()));
    const QLocale locale;
    const auto right = Qt::AlignRight | Qt::AlignVCenter;
    for (int row = 0; row < static_cast<int>(m_recommendations.size()); ++row) {
        const Recommendation &r = m_recommendations[static_cast<std::size_t>(row)];
        const Placement &p = r.placement;
        Bytes weights = p.host.weights;
        for (const auto &d : p.devices)
            weights += d.weights;
        auto *model = cell(QString::fromStdString(r.model->name));
        model->setToolTip(QString::fromStdString(r.model->id));
        m_table->setItem(row, 0, model);
        m_table->setItem(row, 1, cell(QString::fromStdString(r.quant->id)));
        auto *quality = cell(locale.toString(r.quality, 'f', 1), right);
        QString source;
        if (r.model->quality)
            source = tr("%1 (%2)").arg(QString::fromStdString(r.model->quality->metric), QString::fromStdString(r.model->quality->source));
        if (r.quant->quality && !r.quant->quality->source.empty())
            source += tr("\nQuantization loss: %1").arg(QString::fromStdString(r.quant->quality->source));
        quality->setToolTip(source);
        m_table->setItem(row, 2, quality);
        m_table->setItem(row, 3, cell(Texts::gib(toGiB(weights)), right));
        m_table->setItem(row, 4, cell(Texts::gib(static_cast<double>(p.headroomBytes()) / static_cast<double>(GiB)), right));
        m_table->setItem(row, 5,
                         cell(p.decodeTokensPerSecond > 0 ? tr("%1 tok/s").arg(locale.toString(p.decodeTokensPerSecond, 'f', 0))
                                                          : QStringLiteral("\u2014"),
                              right));
    }
    if (m_recommendations.empty())
        m_caption->setText(tr("Nothing in the catalog fits this hardware at this context."));
    else if (m_recommendations.front().model->quality)
        m_caption->setText(tr("Models that fit this hardware, by published score (first: %1; the scores come from different benchmarks) "
                              "\u2014 click one to use it")
                               .arg(QString::fromStdString(m_recommendations.front().model->quality->metric)));
}

} // namespace headroom::gui
