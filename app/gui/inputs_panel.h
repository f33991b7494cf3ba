// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui_inputs.h"

#include <headroom/catalog.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QSpinBox;

namespace headroom::gui {

class ModelFiles;
class ThisComputer;

/** Left panel: scenario, model, quantization, context, parallel, engine, KV cache and hardware. */
class InputsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit InputsPanel(const Catalog &catalog, QWidget *parent = nullptr);

    [[nodiscard]] GuiInputs inputs() const { return m_inputs; }
    /** Shows `inputs` in the widgets (emits inputsChanged once). Unknown catalog keys fall back to defaults. */
    void setInputs(const GuiInputs &inputs);
    /** Where a model given as a path is read from (owned by the window); without it paths are unknown models. */
    void setModelFiles(ModelFiles *files);
    /** "This computer" in the hardware picker: set its probe here (the app: a LocalProbe; tests: a FakeProbe). */
    [[nodiscard]] ThisComputer *thisComputer() const { return m_thisComputer; }
    /**
     * What the resolver and the estimate chose: the engine fills the version and quantization lists; the
     * context is shown while the context is left to the engine.
     */
    void setResolved(const QString &engineId, quint32 ctx);

    /** Context slider position (0..1000) for a token count, and back: a log scale from 512 to the model's maximum. */
    [[nodiscard]] int sliderPosition(quint32 ctx) const;
    [[nodiscard]] quint32 contextAt(int position) const;
    [[nodiscard]] quint32 modelMaxContext() const { return m_maxCtx; }

signals:
    void inputsChanged();

private:
    void buildUi();
    void readWidgets();
    void syncWidgets();
    void commitModelText();
    void fillQuantCombo();
    void fillVersionCombo();
    void updateContextRange();
    void setContext(quint32 ctx);
    void setEngineDefaultContext(bool engineDefault);
    void changed();
    /** Puts a scenario's settings (core's applyPreset) into the fields; an unknown or empty id is Custom. */
    void applyScenario(const QString &id);
    /** A CPU-only machine's RAM is the RAM box's: its catalog figure when picked, else this computer's (no GPU). */
    void takeMachineRam(bool machineChanged);
    /** With "This computer" picked: asks for detection and takes its devices (and RAM, if unknown) into the inputs. */
    void takeThisComputer();

    /** The architecture behind the model key: a catalog entry, or the file it names (null when neither). */
    [[nodiscard]] const ModelSpec *modelSpec() const;

    const Catalog &m_catalog;
    ModelFiles *m_files = nullptr;
    ThisComputer *m_thisComputer = nullptr;
    GuiInputs m_inputs;
    QString m_resolvedEngine;
    quint32 m_resolvedCtx = 0; ///< the context the last estimate used; 0 = none yet
    quint32 m_maxCtx = 131072;
    bool m_updating = false;

    QComboBox *m_scenario = nullptr;
    QLabel *m_scenarioInfo = nullptr;
    QComboBox *m_model = nullptr;
    QLabel *m_modelInfo = nullptr;
    QComboBox *m_quant = nullptr;
    QCheckBox *m_ctxDefault = nullptr;
    QLabel *m_ctxResolved = nullptr;
    QSlider *m_ctxSlider = nullptr;
    QSpinBox *m_ctxSpin = nullptr;
    QList<QWidget *> m_presets;
    QSpinBox *m_parallel = nullptr;
    QComboBox *m_engine = nullptr;
    QComboBox *m_engineVersion = nullptr;
    QComboBox *m_kvType = nullptr;
    QComboBox *m_flashAttn = nullptr;
    QComboBox *m_vision = nullptr;
    QComboBox *m_gpu = nullptr;
    QSpinBox *m_gpuCount = nullptr;
    QLabel *m_thisInfo = nullptr;
    QDoubleSpinBox *m_customGiB = nullptr;
    QCheckBox *m_mixed = nullptr;
    QComboBox *m_gpu2 = nullptr;
    QSpinBox *m_gpu2Count = nullptr;
    QDoubleSpinBox *m_ram = nullptr;
};

} // namespace headroom::gui
