// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"

#include "chart_panel.h"
#include "compare_panel.h"
#include "estimate_model.h"
#include "inputs_panel.h"
#include "settings.h"
#include "suggestions_panel.h"
#include "verdict_banner.h"

#include <QCloseEvent>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace headroom::gui {

MainWindow::MainWindow(const Catalog &catalog, Settings *settings, QWidget *parent)
    : QMainWindow(parent), m_catalog(catalog), m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Headroom \u2014 will this LLM fit?"));
    m_model = new EstimateModel(this);
    m_model->setObjectName(QStringLiteral("estimateModel"));

    m_inputs = new InputsPanel(m_catalog);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("inputsScroll"));
    scroll->setWidget(m_inputs);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(m_inputs->sizeHint().width() + 16);

    auto *estimatePage = new QWidget;
    estimatePage->setObjectName(QStringLiteral("estimatePage"));
    auto *v = new QVBoxLayout(estimatePage);
    m_banner = new VerdictBanner;
    m_chart = new ChartPanel(m_model);
    m_suggestions = new SuggestionsPanel(m_catalog);
    v->addWidget(m_banner);
    v->addWidget(m_chart, 3);
    v->addWidget(m_suggestions, 2);

    m_compare = new ComparePanel(m_catalog);
    auto *comparePage = new QWidget;
    comparePage->setObjectName(QStringLiteral("comparePage"));
    auto *cv = new QVBoxLayout(comparePage);
    cv->addWidget(m_compare);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("resultTabs"));
    m_tabs->addTab(estimatePage, tr("Estimate"));
    m_tabs->addTab(comparePage, tr("Compare hardware"));

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(scroll);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(0, false);
    splitter->setCollapsible(1, false);
    setCentralWidget(splitter);

    connect(m_inputs, &InputsPanel::inputsChanged, this, &MainWindow::recompute);
    connect(m_banner, &VerdictBanner::fixActivated, this, &MainWindow::applyFix);
    connect(m_suggestions, &SuggestionsPanel::applyRequested, this, [this](const QString &model, const QString &quant) {
        GuiInputs in = inputs();
        in.model = model;
        in.quant = quant;
        setInputs(in);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentIndex() == 1 && m_compareDirty) {
            m_compare->setInputs(inputs());
            m_compareDirty = false;
        }
    });

    resize(1280, 800);
    if (m_settings) {
        if (const QByteArray g = m_settings->geometry(); !g.isEmpty())
            restoreGeometry(g);
        if (const QByteArray s = m_settings->splitterState(); !s.isEmpty())
            splitter->restoreState(s);
        if (const QStringList slotKeys = m_settings->compareSlots(); !slotKeys.isEmpty())
            m_compare->setSlotKeys(slotKeys);
        m_inputs->setInputs(m_settings->inputs());
    } else {
        recompute();
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::setInputs(const GuiInputs &inputs) { m_inputs->setInputs(inputs); }

GuiInputs MainWindow::inputs() const { return m_inputs->inputs(); }

void MainWindow::recompute()
{
    m_evaluation = evaluate(m_catalog, inputs().toRequestInputs());
    if (m_evaluation.ok()) {
        m_model->setPlacement(*m_evaluation.placement);
        m_inputs->setResolvedEngine(QString::fromStdString(m_evaluation.resolved->request.engine->id));
        m_suggestions->setRequest(m_evaluation.resolved);
    } else {
        m_model->clear();
    }
    m_banner->setEvaluation(m_evaluation);
    if (m_tabs->currentIndex() == 1) {
        m_compare->setInputs(inputs());
        m_compareDirty = false;
    } else {
        m_compareDirty = true;
    }
}

void MainWindow::showCompare(bool compare) { m_tabs->setCurrentIndex(compare ? 1 : 0); }

void MainWindow::settle() { m_suggestions->refreshNow(); }

void MainWindow::applyFix(const Fix &fix)
{
    GuiInputs in = inputs();
    switch (fix.kind) {
    case Fix::Kind::SmallerQuant: in.quant = QString::fromStdString(fix.quant); break;
    case Fix::Kind::ShorterContext: in.ctx = fix.value; break;
    case Fix::Kind::QuantizedKv:
        in.kvType = QStringLiteral("q8_0");
        if (in.flashAttn == FlashAttn::Off)
            in.flashAttn = FlashAttn::On;
        break;
    case Fix::Kind::MoreGpus:
        in.gpuCount = static_cast<int>(std::min<std::uint32_t>(fix.value, 8));
        in.gpu2.clear();
        break;
    }
    setInputs(in);
}

void MainWindow::saveSettings()
{
    if (!m_settings)
        return;
    m_settings->setGeometry(saveGeometry());
    if (auto *splitter = qobject_cast<QSplitter *>(centralWidget()))
        m_settings->setSplitterState(splitter->saveState());
    m_settings->setInputs(inputs());
    m_settings->setCompareSlots(m_compare->slotKeys());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace headroom::gui
