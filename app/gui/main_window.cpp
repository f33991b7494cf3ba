// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"

#include "about_dialog.h"
#include "advice_panel.h"
#include "chart_panel.h"
#include "compare_panel.h"
#include "context_explorer_panel.h"
#include "estimate_model.h"
#include "explain_panel.h"
#include "export_actions.h"
#include "inputs_panel.h"
#include "launch_command_box.h"
#include "my_models_panel.h"
#include "number_format_panel.h"
#include "plan_panel.h"
#include "quant_explorer_panel.h"
#include "settings.h"
#include "verdict_banner.h"

#include <headroom/rule_of_thumb.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QMenuBar>
#include <QMimeData>
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
    m_inputs->setModelFiles(&m_files);
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
    v->addWidget(m_banner);
    v->addWidget(new LaunchCommandBox);
    // "Why these numbers" under the bars: folded to its header until opened or a bar is clicked.
    m_explain = new ExplainPanel;
    m_chart->setExplainer([this](int row, int column) { return m_explain->segment(row, column); });
    auto *explainSplit = new QSplitter(Qt::Vertical);
    explainSplit->setObjectName(QStringLiteral("explainSplitter"));
    explainSplit->setChildrenCollapsible(false);
    explainSplit->addWidget(m_chart);
    explainSplit->addWidget(m_explain);
    explainSplit->setStretchFactor(0, 1);
    explainSplit->setStretchFactor(1, 0);
    v->addWidget(explainSplit, 1);
    connect(m_chart, &ChartPanel::segmentClicked, m_explain, &ExplainPanel::selectSegment);
    connect(m_explain, &ExplainPanel::openChanged, this, [this, explainSplit](bool open) {
        // Folded, the pane keeps only its header; open, it takes the larger share and the bars stay readable.
        m_explain->setMaximumHeight(open ? QWIDGETSIZE_MAX : m_explain->minimumSizeHint().height());
        const int total = explainSplit->height();
        explainSplit->setSizes(open ? QList<int>{total * 2 / 5, total - total * 2 / 5} : QList<int>{total, 0});
    });
    m_explain->setMaximumHeight(m_explain->minimumSizeHint().height());

    m_advice = new AdvicePanel(m_catalog);
    auto *advicePage = new QWidget;
    advicePage->setObjectName(QStringLiteral("advicePage"));
    auto *av = new QVBoxLayout(advicePage);
    av->addWidget(m_advice);

    m_compare = new ComparePanel(m_catalog);
    m_compare->setModelFiles(&m_files);
    auto *comparePage = new QWidget;
    comparePage->setObjectName(QStringLiteral("comparePage"));
    auto *cv = new QVBoxLayout(comparePage);
    cv->addWidget(m_compare);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("resultTabs"));
    m_tabs->addTab(estimatePage, tr("Estimate"));
    m_tabs->addTab(advicePage, tr("Best accuracy per GB"));
    m_tabs->addTab(comparePage, tr("Compare hardware"));
    m_myModels = new MyModelsPanel(m_catalog, &m_files);
    m_tabs->addTab(m_myModels, tr("My models"));
    m_context = new ContextExplorerPanel;
    m_tabs->addTab(m_context, tr("Context length"));
    m_quants = new QuantExplorerPanel(m_catalog);
    m_tabs->addTab(m_quants, tr("Quantizations"));
    m_formats = new NumberFormatPanel(m_catalog);
    auto *formatsScroll = new QScrollArea;
    formatsScroll->setObjectName(QStringLiteral("numberFormatsPage"));
    formatsScroll->setWidget(m_formats);
    formatsScroll->setWidgetResizable(true);
    formatsScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(formatsScroll, tr("Number formats"));
    m_plan = new PlanPanel(m_catalog);
    m_tabs->addTab(m_plan, tr("What to buy"));

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
    connect(m_advice, &AdvicePanel::applyRequested, this, &MainWindow::applyCandidate);
    connect(m_quants, &QuantExplorerPanel::applyRequested, this, &MainWindow::applyCandidate);
    connect(m_plan, &PlanPanel::hardwareRequested, this, &MainWindow::applyHardware);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        refreshVisibleTab();
        if (m_tabs->currentIndex() == AdviceTab)
            m_advice->refreshNow(); // a tab just shown shows its answer, not the last one
        if (m_tabs->currentIndex() == QuantsTab)
            m_quants->refreshNow();
        if (m_tabs->currentIndex() == PlanTab)
            m_plan->refreshNow();
    });
    connect(m_myModels, &MyModelsPanel::modelChosen, this, &MainWindow::openRequest);
    buildMenus();
    setAcceptDrops(true);

    resize(1280, 800);
    if (m_settings) {
        if (const QByteArray g = m_settings->geometry(); !g.isEmpty())
            restoreGeometry(g);
        if (const QByteArray s = m_settings->splitterState(); !s.isEmpty())
            splitter->restoreState(s);
        m_advice->setChoices(m_settings->adviceChoices());
        m_plan->setChoices(m_settings->planChoices());
        if (const QStringList slotKeys = m_settings->compareSlots(); !slotKeys.isEmpty())
            m_compare->setSlotKeys(slotKeys);
        m_inputs->setInputs(m_settings->inputs());
    } else {
        recompute();
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::setInputs(const GuiInputs &inputs)
{
    m_inputs->setInputs(inputs);
}

GuiInputs MainWindow::inputs() const
{
    return m_inputs->inputs();
}

void MainWindow::recompute()
{
    m_evaluation = evaluate(m_catalog, inputs().toRequestInputs(), &m_files);
    if (m_evaluation.ok()) {
        m_model->setRuleOfThumb(ruleOfThumb(*m_evaluation.resolved)); // before the placement, which redraws
        m_model->setPlacement(*m_evaluation.placement);
        m_explain->setEstimate(m_evaluation.resolved, *m_evaluation.placement, m_model);
        m_inputs->setResolved(QString::fromStdString(m_evaluation.resolved->request.engine->id), m_evaluation.placement->ctx);
        m_advice->setCurrent(QString::fromStdString(m_evaluation.resolved->request.model->id),
                             m_evaluation.resolved->quant ? QString::fromStdString(m_evaluation.resolved->quant->id) : QString());
    } else {
        m_model->clear();
        m_explain->clear();
    }
    m_banner->setEvaluation(m_evaluation);
    m_formats->setEvaluation(m_evaluation);
    if (auto *launch = findChild<LaunchCommandBox *>())
        launch->setEvaluation(m_evaluation);
    if (m_export)
        m_export->refresh();
    // The other tabs follow the inputs only while visible: their sweeps are not worth doing unseen.
    m_adviceDirty = m_compareDirty = m_myModelsDirty = m_contextDirty = m_quantsDirty = m_planDirty = true;
    refreshVisibleTab();
}

void MainWindow::refreshVisibleTab()
{
    if (m_tabs->currentIndex() == AdviceTab && m_adviceDirty) {
        m_advice->setRequest(adviceRequest());
        m_adviceDirty = false;
    } else if (m_tabs->currentIndex() == CompareTab && m_compareDirty) {
        m_compare->setInputs(inputs());
        m_compareDirty = false;
    } else if (m_tabs->currentIndex() == ContextTab && m_contextDirty) {
        // The Estimate tab's own resolved request: the curve is that estimate at every context and variant.
        m_context->setRequest(m_evaluation.ok() ? m_evaluation.resolved : nullptr);
        m_contextDirty = false;
    } else if (m_tabs->currentIndex() == QuantsTab && m_quantsDirty) {
        // The request as evaluated: a model file is read once, by the estimate, and explored as it was read.
        m_quants->setRequest(m_evaluation.ok() ? m_evaluation.inputs : inputs().toRequestInputs());
        m_quantsDirty = false;
    } else if (m_tabs->currentIndex() == PlanTab && m_planDirty) {
        // The model as the estimate read it (a model file once), with its engine: only the hardware varies.
        RequestInputs r = adviceRequest();
        if (m_evaluation.ok()) {
            r.file = m_evaluation.inputs.file;
            r.model = m_evaluation.inputs.model;
        }
        m_plan->setRequest(r);
        m_planDirty = false;
    } else if (m_tabs->currentIndex() == MyModelsTab) {
        m_myModels->ensureScanned();
        if (m_myModelsDirty)
            m_myModels->setInputs(inputs());
        m_myModelsDirty = false;
    }
}

void MainWindow::showCompare(bool compare)
{
    m_tabs->setCurrentIndex(compare ? CompareTab : EstimateTab);
}

void MainWindow::showMyModels()
{
    m_tabs->setCurrentIndex(MyModelsTab);
}

void MainWindow::showAdvice()
{
    m_tabs->setCurrentIndex(AdviceTab);
}

void MainWindow::showContext()
{
    m_tabs->setCurrentIndex(ContextTab);
}

void MainWindow::showQuants()
{
    m_tabs->setCurrentIndex(QuantsTab);
}

void MainWindow::showNumberFormats()
{
    m_tabs->setCurrentIndex(FormatsTab);
}

void MainWindow::showPlan()
{
    m_tabs->setCurrentIndex(PlanTab);
}

void MainWindow::showExplanation()
{
    m_tabs->setCurrentIndex(EstimateTab);
    m_explain->selectSegment(0, EstimateModel::KvCache);
}

RequestInputs MainWindow::adviceRequest() const
{
    RequestInputs r = inputs().toRequestInputs();
    // An automatic engine is the one the estimate shows (Ollama for an Ollama tag), not the sweep's own default.
    if (r.engine.empty() && m_evaluation.ok())
        r.engine = m_evaluation.resolved->request.engine->id;
    return r;
}

void MainWindow::applyCandidate(const RequestInputs &candidate)
{
    // The advisor swept the window's own settings: the model, quantization and engine change, the hardware keeps
    // its spelling ("This computer" included), and an automatic engine stays automatic where it picks the same one.
    GuiInputs in = inputs();
    in.model = QString::fromStdString(candidate.model);
    in.quant = QString::fromStdString(candidate.quant);
    const QString engine = QString::fromStdString(candidate.engine);
    if (in.engine.isEmpty()) {
        const auto resolved = resolveRequest(m_catalog, in.toRequestInputs());
        const auto *r = std::get_if<ResolvedRequest>(&resolved);
        if (!r || r->request.engine->id != candidate.engine)
            in.engine = engine;
    } else {
        in.engine = engine;
    }
    setInputs(in);
}

void MainWindow::applyHardware(const RequestInputs &option)
{
    // Only the hardware changes: the window's own request on the option's cards, taken over as a fix is.
    RequestInputs r = inputs().toRequestInputs();
    r.gpus = option.gpus;
    r.gpuCount = option.gpuCount;
    GuiInputs in = inputs();
    if (const auto error = in.takeRequest(r)) {
        qWarning("%s", qPrintable(*error)); // the window keeps what it can show
        return;
    }
    setInputs(in);
    m_tabs->setCurrentIndex(EstimateTab);
}

void MainWindow::openModelPath(const QString &path)
{
    GuiInputs in = inputs();
    in.model = path;
    in.quant.clear(); // the file says what it holds
    setInputs(in);
    m_tabs->setCurrentIndex(EstimateTab);
}

void MainWindow::openRequest(const RequestInputs &request)
{
    GuiInputs in = inputs();
    if (const auto error = in.takeRequest(request))
        qWarning("%s", qPrintable(*error)); // the window keeps what it can show
    setInputs(in);
    m_tabs->setCurrentIndex(EstimateTab);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open model file…"), this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open model file"), QString(), tr("Model files (*.gguf config.json);;All files (*)"));
        if (!path.isEmpty())
            openModelPath(path);
    });
    open->setObjectName(QStringLiteral("openModelFileAction"));
    open->setShortcut(QKeySequence::Open);
    QAction *folder = file->addAction(tr("Open model &folder…"), this, [this] {
        const QString path = QFileDialog::getExistingDirectory(this, tr("Open model folder"));
        if (!path.isEmpty())
            openModelPath(path);
    });
    folder->setObjectName(QStringLiteral("openModelFolderAction"));
    QAction *mine = file->addAction(tr("&My models"), this, &MainWindow::showMyModels);
    mine->setObjectName(QStringLiteral("myModelsAction"));
    m_export = new ExportActions(this);
    file->addMenu(m_export->exportMenu());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(m_export->copyMarkdownAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *about = help->addAction(tr("&About Headroom"), this, [this] { AboutDialog(m_catalog, this).exec(); });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

namespace {

/** The first local file or folder in a drag, or empty. */
QString droppedPath(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            return url.toLocalFile();
    return {};
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedPath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedPath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openModelPath(path);
}

void MainWindow::settle()
{
    m_advice->refreshNow();
    m_quants->refreshNow();
    m_plan->refreshNow();
}

void MainWindow::applyFix(const Fix &fix)
{
    // The advisor priced exactly these inputs; the window takes them over as they are.
    GuiInputs in = inputs();
    if (const auto error = in.takeRequest(fix.inputs))
        qWarning("%s", qPrintable(*error));
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
    m_settings->setAdviceChoices(m_advice->choices());
    m_settings->setPlanChoices(m_plan->choices());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace headroom::gui
