// SPDX-License-Identifier: GPL-3.0-or-later
#include "advice_panel.h"

#include "advice_chart.h"
#include "advice_table_model.h"
#include "advice_texts.h"
#include "texts.h"

#include <headroom/inventory_cache.h>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace headroom::gui {
namespace {

/** What the sweep depends on: everything but the model and quantization it replaces. */
bool sameSweep(const RequestInputs &a, const RequestInputs &b)
{
    return a.engine == b.engine && a.engineVersion == b.engineVersion && a.ctx == b.ctx && a.parallel == b.parallel && a.batch == b.batch &&
           a.ubatch == b.ubatch && a.kvType == b.kvType && a.flashAttn == b.flashAttn && a.gpus == b.gpus && a.gpuCount == b.gpuCount &&
           a.spread == b.spread && a.hostRam == b.hostRam;
}

QTableWidgetItem *cell(const QString &text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(align);
    return item;
}

/** "GeForce RTX 4090 D", "2 × GeForce RTX 3090", "GeForce RTX 3090 + GeForce RTX 4090"; system RAM when CPU-only. */
QString devicesText(const Advice &a)
{
    if (a.devices.empty())
        return AdvicePanel::tr("System RAM");
    QStringList parts;
    for (std::size_t i = 0; i < a.devices.size();) {
        std::size_t n = 1;
        while (i + n < a.devices.size() && a.devices[i + n].name == a.devices[i].name)
            ++n;
        const QString name = QString::fromStdString(a.devices[i].name);
        parts << (n > 1 ? AdvicePanel::tr("%1 \u00d7 %2").arg(n).arg(name) : name);
        i += n;
    }
    return parts.join(QStringLiteral(" + "));
}

void styleTable(QAbstractItemView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setCursor(Qt::PointingHandCursor);
}

} // namespace

AdvicePanel::AdvicePanel(const Catalog &catalog, QWidget *parent)
    : QWidget(parent), m_catalog(catalog), m_inventories(std::make_unique<InventoryCache>())
{
    setObjectName(QStringLiteral("advicePanel"));

    m_metric = new QComboBox;
    m_metric->setObjectName(QStringLiteral("adviceMetricCombo"));
    for (const Metric &m : m_catalog.metrics()) {
        m_metric->addItem(tr("%1, %2 models").arg(AdviceTexts::metricTitle(m)).arg(m.scores.size()), QString::fromStdString(m.id));
        m_metric->setItemData(m_metric->count() - 1, QString::fromStdString(m.evaluation), Qt::ToolTipRole);
    }
    m_metric->setCurrentIndex(m_metric->findData(QString::fromStdString(m_catalog.defaultMetric().id)));
    m_minSpeed = new QSpinBox;
    m_minSpeed->setObjectName(QStringLiteral("adviceMinSpeed"));
    m_minSpeed->setRange(0, 10000);
    m_minSpeed->setSingleStep(5);
    m_minSpeed->setSpecialValueText(tr("any speed"));
    m_minSpeed->setSuffix(tr(" tok/s"));
    m_minSpeed->setToolTip(tr("Only what decodes at least this fast (0 = any speed)"));
    m_family = new QComboBox;
    m_family->setObjectName(QStringLiteral("adviceFamilyCombo"));
    m_family->addItem(tr("All families"), QString());
    for (const auto &f : m_catalog.families())
        m_family->addItem(QString::fromStdString(f), QString::fromStdString(f));
    m_partial = new QCheckBox(tr("Include partial offload"));
    m_partial->setObjectName(QStringLiteral("advicePartialCheck"));
    m_partial->setToolTip(tr("Also what runs with some layers in system RAM (slower)"));

    // Two rows, so the tab (and with it the window) stays narrow enough for a small screen.
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_metric->setMinimumContentsLength(24);
    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    auto *metricLabel = new QLabel(tr("&Metric:"));
    metricLabel->setBuddy(m_metric);
    auto *speedLabel = new QLabel(tr("Decode &at least:"));
    speedLabel->setBuddy(m_minSpeed);
    auto *familyLabel = new QLabel(tr("&Family:"));
    familyLabel->setBuddy(m_family);
    controls->addWidget(metricLabel);
    controls->addWidget(m_metric, 1);
    controls->addSpacing(12);
    controls->addWidget(familyLabel);
    controls->addWidget(m_family);
    filters->addWidget(speedLabel);
    filters->addWidget(m_minSpeed);
    filters->addSpacing(12);
    filters->addWidget(m_partial);
    filters->addStretch(1);

    m_source = new QLabel;
    m_source->setObjectName(QStringLiteral("adviceSource"));
    m_source->setWordWrap(true);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("adviceSummary"));
    m_summary->setWordWrap(true);

    m_chart = new AdviceChart;
    m_model = new AdviceTableModel(this);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("adviceTable"));
    m_table->setModel(m_model);
    styleTable(m_table);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AdviceTableModel::Model, QHeaderView::Stretch);

    m_unrankedTitle = new QLabel;
    m_unrankedTitle->setObjectName(QStringLiteral("adviceUnrankedTitle"));
    m_unrankedTitle->setWordWrap(true);
    m_unranked = new QTableWidget(0, 4);
    m_unranked->setObjectName(QStringLiteral("adviceUnrankedTable"));
    m_unranked->setHorizontalHeaderLabels({tr("Model"), tr("Most precise that runs"), tr("Memory"), tr("Why not ranked")});
    m_unranked->verticalHeader()->setVisible(false);
    styleTable(m_unranked);
    m_unranked->setWordWrap(false);
    m_unranked->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_unranked->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_unranked->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_unranked->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);

    auto *tables = new QWidget;
    auto *tv = new QVBoxLayout(tables);
    tv->setContentsMargins(0, 0, 0, 0);
    tv->addWidget(m_table, 3);
    tv->addWidget(m_unrankedTitle);
    tv->addWidget(m_unranked, 1);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("adviceSplitter"));
    splitter->addWidget(m_chart);
    splitter->addWidget(tables);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({500, 500}); // proportions: half the height for the chart
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addLayout(filters);
    layout->addWidget(m_source);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(150);
    connect(m_timer, &QTimer::timeout, this, &AdvicePanel::refreshNow);
    auto optionChanged = [this] {
        m_pending = true;
        refreshNow(); // the user's own change: at once
    };
    connect(m_metric, &QComboBox::currentIndexChanged, this, optionChanged);
    connect(m_family, &QComboBox::currentIndexChanged, this, optionChanged);
    connect(m_partial, &QCheckBox::toggled, this, optionChanged);
    connect(m_minSpeed, &QSpinBox::valueChanged, this, &AdvicePanel::scheduleRefresh); // typed digit by digit
    connect(m_chart, &AdviceChart::candidateClicked, this, &AdvicePanel::apply);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (const QVariant v = index.data(AdviceTableModel::CandidateRole); v.isValid())
            apply(static_cast<std::size_t>(v.toULongLong()));
    });
    connect(m_unranked, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (m_advice && row >= 0 && row < static_cast<int>(m_advice->unranked.size()))
            apply(m_advice->unranked[static_cast<std::size_t>(row)]);
    });
    showAdvice();
}

AdvicePanel::~AdvicePanel() = default;

AdviseOptions AdvicePanel::options() const
{
    AdviseOptions o;
    o.metric = m_catalog.findMetric(m_metric->currentData().toString().toStdString());
    if (m_minSpeed->value() > 0)
        o.minTokensPerSecond = m_minSpeed->value();
    o.family = m_family->currentData().toString().toStdString();
    o.allowPartialOffload = m_partial->isChecked();
    return o;
}

void AdvicePanel::setRequest(const RequestInputs &request)
{
    const bool same = m_request && sameSweep(*m_request, request);
    m_request = request;
    if (!same)
        scheduleRefresh();
}

void AdvicePanel::scheduleRefresh()
{
    m_pending = true;
    m_timer->start();
}

AdviceChoices AdvicePanel::choices() const
{
    AdviceChoices c;
    if (m_metric->currentData().toString() != QString::fromStdString(m_catalog.defaultMetric().id))
        c.metric = m_metric->currentData().toString();
    c.minTokensPerSecond = m_minSpeed->value();
    c.family = m_family->currentData().toString();
    c.partial = m_partial->isChecked();
    return c;
}

void AdvicePanel::setChoices(const AdviceChoices &c)
{
    const int metric = c.metric.isEmpty() ? -1 : m_metric->findData(c.metric);
    m_metric->setCurrentIndex(metric >= 0 ? metric : m_metric->findData(QString::fromStdString(m_catalog.defaultMetric().id)));
    m_minSpeed->setValue(c.minTokensPerSecond);
    const int family = m_family->findData(c.family);
    m_family->setCurrentIndex(family >= 0 ? family : 0);
    m_partial->setChecked(c.partial);
}

void AdvicePanel::refreshNow()
{
    m_timer->stop();
    if (!m_pending)
        return;
    m_pending = false;
    m_advice.reset();
    m_error.reset();
    if (m_request) {
        auto result = advise(m_catalog, *m_request, options(), m_inventories.get());
        if (auto *a = std::get_if<Advice>(&result))
            m_advice = std::make_shared<const Advice>(std::move(*a));
        else
            m_error = Texts::resolveError(std::get<ResolveError>(result));
    }
    showAdvice();
}

void AdvicePanel::showAdvice()
{
    m_model->setAdvice(m_advice);
    m_chart->setAdvice(m_advice);

    const Metric &metric = m_advice ? *m_advice->metric : *m_catalog.findMetric(m_metric->currentData().toString().toStdString());
    m_source->setText(tr("<b>%1</b> \u00b7 source: %2<br/>Expected quality = the model's score \u00d7 the quantization's measured "
                         "recovery (quantized / BF16 score); hover a point or a cell for both sources.")
                          .arg(AdviceTexts::metricTitle(metric).toHtmlEscaped(), QString::fromStdString(metric.source).toHtmlEscaped()));
    m_source->setToolTip(QString::fromStdString(metric.evaluation + (metric.note.empty() ? "" : "\n\n" + metric.note)));

    m_unranked->setRowCount(0);
    if (!m_advice) {
        m_summary->setText(m_error ? tr("Cannot sweep these settings: %1").arg(*m_error) : QString());
        m_unrankedTitle->clear();
        return;
    }
    const Advice &a = *m_advice;
    QString summary = tr("%1, %2 usable \u00b7 %3, behaviour of %4")
                          .arg(devicesText(a), Texts::gib(static_cast<double>(a.capacity) / static_cast<double>(GiB)),
                               QString::fromStdString(m_catalog.findEngine(a.engine)->name), QString::fromStdString(a.engineVersion));
    if (m_request && !m_request->ctx) {
        // Each model gets the engine's own default (llama.cpp fits it to the memory): no one figure to name.
        summary += QStringLiteral(" \u00b7 ") + tr("the engine's default context for each model");
    } else if (!a.candidates.empty()) {
        const Placement &p = a.candidates.front().placement;
        summary += QStringLiteral(" \u00b7 ") + tr("context %1 tokens \u00d7 %2 sequence(s)").arg(Texts::tokens(p.ctx)).arg(p.parallel);
    }
    summary += QStringLiteral("<br/>");
    if (a.perModel.empty())
        summary += QStringLiteral("<b>") +
                   tr("Nothing with a %1 score runs on this hardware with these settings.")
                       .arg(QString::fromStdString(a.metric->name).toHtmlEscaped()) +
                   QStringLiteral("</b> ");
    summary += tr("%1 of %2 models run; %3 ranked").arg(a.counts.running).arg(a.counts.models).arg(a.perModel.size());
    if (a.counts.contextTooLong)
        summary += tr("; %1 support only a shorter context").arg(a.counts.contextTooLong);
    if (a.counts.engineTooOld)
        summary += tr("; %1 need a newer engine version").arg(a.counts.engineTooOld);
    if (a.counts.tooSlow)
        summary += tr("; %1 model \u00d7 quantization pairs decode too slowly").arg(a.counts.tooSlow);
    m_summary->setText(summary);

    m_unrankedTitle->setText(a.unranked.empty() ? tr("Every model that runs is ranked.")
                                                : tr("Run, but not ranked (%1): no quality figure to rank them by").arg(a.unranked.size()));
    m_unranked->setVisible(!a.unranked.empty());
    m_unranked->setRowCount(static_cast<int>(a.unranked.size()));
    const QString metricName = QString::fromStdString(a.metric->name);
    for (int row = 0; row < static_cast<int>(a.unranked.size()); ++row) {
        const Candidate &c = a.candidates[a.unranked[static_cast<std::size_t>(row)]];
        auto *model = cell(QString::fromStdString(c.model->name));
        model->setToolTip(QString::fromStdString(c.model->id));
        m_unranked->setItem(row, 0, model);
        m_unranked->setItem(row, 1, cell(QString::fromStdString(c.quant->id)));
        const QString gib = Texts::gib(static_cast<double>(c.memory) / static_cast<double>(GiB));
        auto *memory = cell(c.partial ? AdviceTexts::tr("%1 (%2)").arg(gib, Texts::verdict(Verdict::PartialOffload).toLower()) : gib,
                            Qt::AlignRight | Qt::AlignVCenter);
        memory->setToolTip(AdviceTexts::memory(c));
        m_unranked->setItem(row, 2, memory);
        m_unranked->setItem(row, 3, cell(Texts::qualityGap(c.gap, metricName)));
    }
    showCurrent();
}

void AdvicePanel::setCurrent(const QString &modelId, const QString &quantId)
{
    m_currentModel = modelId;
    m_currentQuant = quantId;
    showCurrent();
}

void AdvicePanel::showCurrent()
{
    std::optional<std::size_t> current;
    if (m_advice) {
        const auto &c = m_advice->candidates;
        for (std::size_t i = 0; i < c.size() && !current; ++i)
            if (QString::fromStdString(c[i].model->id) == m_currentModel && QString::fromStdString(c[i].quant->id) == m_currentQuant)
                current = i;
    }
    m_chart->setCurrent(current);
    const auto row = current ? m_model->rowOf(*current) : std::nullopt;
    if (row)
        m_table->selectRow(*row);
    else
        m_table->clearSelection();
}

const Candidate *AdvicePanel::unrankedCandidate(int row) const
{
    if (!m_advice || row < 0 || row >= static_cast<int>(m_advice->unranked.size()))
        return nullptr;
    return &m_advice->candidates[m_advice->unranked[static_cast<std::size_t>(row)]];
}

void AdvicePanel::apply(std::size_t candidate)
{
    if (m_advice && candidate < m_advice->candidates.size())
        emit applyRequested(m_advice->candidates[candidate].inputs);
}

} // namespace headroom::gui
