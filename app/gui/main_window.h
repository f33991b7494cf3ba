// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "evaluation.h"
#include "gui_inputs.h"
#include "model_files.h"

#include <QMainWindow>

class QTabWidget;

namespace headroom::gui {

class AdvicePanel;
class ChartPanel;
class ComparePanel;
class ContextExplorerPanel;
class EstimateModel;
class ExplainPanel;
class ExportActions;
class InputsPanel;
class MyModelsPanel;
class QuantExplorerPanel;
class NumberFormatPanel;
class PlanPanel;
class Settings;
class VerdictBanner;

/** Inputs on the left; verdict and bars, the advisor, the compare view, My models or the quantizations on the right. Recomputes live. */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /** `settings` may be null (screenshots, tests): nothing is then read or written. */
    MainWindow(const Catalog &catalog, Settings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setInputs(const GuiInputs &inputs);
    [[nodiscard]] GuiInputs inputs() const;
    /** Recomputes now: resolve → estimate → model → chart and banner. */
    void recompute();
    void showCompare(bool compare);
    /** Sizes the model in a .gguf file, a config.json or a model folder (File menu, drops, My models). */
    void openModelPath(const QString &path);
    /** Sizes a request built elsewhere (My models: requestFor a found model) in the estimate tab. */
    void openRequest(const RequestInputs &request);
    /** Finishes debounced work (the advisor) so a grab shows everything. */
    void settle();

    [[nodiscard]] const Evaluation &evaluation() const { return m_evaluation; }
    [[nodiscard]] InputsPanel *inputsPanel() const { return m_inputs; }
    [[nodiscard]] ChartPanel *chartPanel() const { return m_chart; }
    [[nodiscard]] EstimateModel *estimateModel() const { return m_model; }
    [[nodiscard]] VerdictBanner *verdictBanner() const { return m_banner; }
    [[nodiscard]] AdvicePanel *advicePanel() const { return m_advice; }
    [[nodiscard]] ComparePanel *comparePanel() const { return m_compare; }
    [[nodiscard]] MyModelsPanel *myModelsPanel() const { return m_myModels; }
    [[nodiscard]] QuantExplorerPanel *quantPanel() const { return m_quants; }
    [[nodiscard]] ExportActions *exportActions() const { return m_export; }
    [[nodiscard]] ExplainPanel *explainPanel() const { return m_explain; }
    void showMyModels();
    void showAdvice();
    /** The Context length tab: memory against context for the window's request. */
    void showContext();
    [[nodiscard]] ContextExplorerPanel *contextPanel() const { return m_context; }
    void showQuants();
    void showNumberFormats();
    [[nodiscard]] NumberFormatPanel *numberFormatPanel() const { return m_formats; }
    /** The "What to buy" tab: the window's model on the hardware options the planner ranks. */
    void showPlan();
    [[nodiscard]] PlanPanel *planPanel() const { return m_plan; }
    /** Opens "Why these numbers" on the estimate tab with the first bar's KV cache selected (--explain). */
    void showExplanation();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    enum Tab { EstimateTab, AdviceTab, CompareTab, MyModelsTab, ContextTab, QuantsTab, FormatsTab, PlanTab };

    void applyFix(const Fix &fix);
    /** Uses an advisor candidate: its model, quantization and engine, on the window's hardware and settings. */
    void applyCandidate(const RequestInputs &candidate);
    /** Puts a plan option's hardware (one machine: its cards) into the inputs and shows the Estimate tab. */
    void applyHardware(const RequestInputs &option);
    /** The request the advisor sweeps: the window's, with an automatic engine resolved as the estimate does. */
    [[nodiscard]] RequestInputs adviceRequest() const;
    void buildMenus();
    void refreshVisibleTab();
    void saveSettings();

    const Catalog &m_catalog;
    Settings *m_settings;
    ModelFiles m_files; ///< before the panels that point to it
    Evaluation m_evaluation;
    EstimateModel *m_model = nullptr;
    InputsPanel *m_inputs = nullptr;
    ChartPanel *m_chart = nullptr;
    VerdictBanner *m_banner = nullptr;
    AdvicePanel *m_advice = nullptr;
    ComparePanel *m_compare = nullptr;
    MyModelsPanel *m_myModels = nullptr;
    ContextExplorerPanel *m_context = nullptr;
    QuantExplorerPanel *m_quants = nullptr;
    NumberFormatPanel *m_formats = nullptr;
    PlanPanel *m_plan = nullptr;
    ExportActions *m_export = nullptr;
    ExplainPanel *m_explain = nullptr;
    QTabWidget *m_tabs = nullptr;
    bool m_adviceDirty = true;
    bool m_compareDirty = true;
    bool m_myModelsDirty = true;
    bool m_contextDirty = true;
    bool m_quantsDirty = true;
    bool m_planDirty = true;
};

} // namespace headroom::gui
