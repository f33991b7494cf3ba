// SPDX-License-Identifier: GPL-3.0-or-later
#include "inputs_panel.h"

#include "catalog_combos.h"
#include "model_files.h"
#include "scenario_texts.h"
#include "texts.h"
#include "this_computer.h"

#include <this_computer_request.h>

#include <headroom/apply_preset.h>

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace headroom::gui {
namespace {

constexpr quint32 kMinCtx = 512;
constexpr int kSliderSteps = 1000;

QComboBox *plainCombo(const char *name)
{
    auto *c = new QComboBox;
    c->setObjectName(QLatin1String(name));
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(9);
    return c;
}

} // namespace

InputsPanel::InputsPanel(const Catalog &catalog, QWidget *parent) : QWidget(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("inputsPanel"));
    m_thisComputer = new ThisComputer(m_catalog, this);
    m_thisComputer->setObjectName(QStringLiteral("thisComputer"));
    connect(m_thisComputer, &ThisComputer::detected, this, [this] {
        if (!isThisComputer(m_inputs.gpu) && m_inputs.gpu != QLatin1String(kNoGpuKey)) {
            syncWidgets();
            return;
        }
        takeThisComputer();
        syncWidgets();
        emit inputsChanged();
    });
    buildUi();
    setInputs(GuiInputs{});
}

void InputsPanel::buildUi()
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(6, 6, 6, 6);

    // Scenario: a use case's engine, context and parallel slots in one choice, for those who do not know num_ctx.
    auto *scenarioBox = new QGroupBox(tr("Scenario"));
    auto *scenarioLayout = new QVBoxLayout(scenarioBox);
    m_scenario = plainCombo("scenarioCombo");
    m_scenario->addItem(tr("Custom"), QString());
    m_scenario->setItemData(0, QString(), KeyRole);
    m_scenario->setItemData(0, tr("Your own settings: the fields below as you set them"), Qt::ToolTipRole);
    for (const auto &p : m_catalog.presets()) {
        const QString id = QString::fromStdString(p.id);
        m_scenario->addItem(ScenarioTexts::name(id));
        m_scenario->setItemData(m_scenario->count() - 1, id, KeyRole);
        m_scenario->setItemData(m_scenario->count() - 1, ScenarioTexts::description(id), Qt::ToolTipRole);
    }
    m_scenario->setToolTip(tr("Sets the engine, context and parallel sequences of a typical use; changing one of them by hand "
                              "returns to Custom"));
    m_scenarioInfo = new QLabel;
    m_scenarioInfo->setObjectName(QStringLiteral("scenarioInfoLabel"));
    m_scenarioInfo->setWordWrap(true);
    m_scenarioInfo->setForegroundRole(QPalette::PlaceholderText);
    m_scenarioInfo->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // wraps instead of widening the panel
    scenarioLayout->addWidget(m_scenario);
    scenarioLayout->addWidget(m_scenarioInfo);
    root->addWidget(scenarioBox);

    // Model and quantization
    auto *modelBox = new QGroupBox(tr("Model"));
    auto *modelForm = new QFormLayout(modelBox);
    m_model = plainCombo("modelCombo");
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setMaxVisibleItems(20);
    fillModelCombo(m_model, m_catalog);
    m_model->lineEdit()->setPlaceholderText(tr("Search, or type an Ollama tag / HF id"));
    auto *completer = new QCompleter(m_model->model(), m_model);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_model->setCompleter(completer);
    m_model->setToolTip(tr("Catalog model, Hugging Face repo id (org/name) or Ollama tag (e.g. deepseek-r1:32b)"));
    m_modelInfo = new QLabel;
    m_modelInfo->setObjectName(QStringLiteral("modelInfoLabel"));
    m_modelInfo->setWordWrap(true);
    m_modelInfo->setForegroundRole(QPalette::PlaceholderText);
    m_quant = plainCombo("quantCombo");
    m_quant->setMaxVisibleItems(20);
    m_quant->setToolTip(tr("Weight quantization; Automatic = what the Ollama tag implies, else the engine's usual default"));
    modelForm->addRow(m_model);
    modelForm->addRow(m_modelInfo);
    modelForm->addRow(tr("Quantization"), m_quant);
    root->addWidget(modelBox);

    // Context and parallel sequences
    auto *ctxBox = new QGroupBox(tr("Context"));
    auto *ctxLayout = new QVBoxLayout(ctxBox);
    m_ctxDefault = new QCheckBox(tr("Engine default"));
    m_ctxDefault->setObjectName(QStringLiteral("ctxDefaultCheck"));
    m_ctxDefault->setToolTip(tr("Leave the context to the engine, as when none is given: Ollama picks it by version and VRAM, "
                                "llama.cpp fits it to the free memory"));
    m_ctxResolved = new QLabel;
    m_ctxResolved->setObjectName(QStringLiteral("ctxResolvedLabel"));
    m_ctxResolved->setForegroundRole(QPalette::PlaceholderText);
    m_ctxResolved->setWordWrap(true);
    // The text follows the estimate: it must not widen the panel (the scroll area's width is set once).
    m_ctxResolved->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    ctxLayout->addWidget(m_ctxDefault);
    auto *ctxRow = new QHBoxLayout;
    m_ctxSlider = new QSlider(Qt::Horizontal);
    m_ctxSlider->setObjectName(QStringLiteral("ctxSlider"));
    m_ctxSlider->setRange(0, kSliderSteps);
    m_ctxSlider->setToolTip(tr("Context length per sequence (log scale)"));
    m_ctxSpin = new QSpinBox;
    m_ctxSpin->setObjectName(QStringLiteral("ctxSpin"));
    m_ctxSpin->setRange(static_cast<int>(kMinCtx), static_cast<int>(kMaxContext));
    m_ctxSpin->setSingleStep(1024);
    m_ctxSpin->setGroupSeparatorShown(true);
    m_ctxSpin->setSuffix(tr(" tok"));
    ctxRow->addWidget(m_ctxSlider, 1);
    ctxRow->addWidget(m_ctxSpin);
    ctxLayout->addLayout(ctxRow);
    auto *presetRow = new QHBoxLayout;
    presetRow->setSpacing(4);
    const std::pair<const char *, quint32> presets[] = {{"2K", 2048}, {"4K", 4096}, {"8K", 8192}, {"32K", 32768}, {"128K", 131072}};
    for (const auto &[label, value] : presets) {
        auto *b = new QPushButton(QLatin1String(label));
        b->setObjectName(QStringLiteral("ctxPreset") + QLatin1String(label));
        b->setProperty("ctx", value);
        b->setMinimumWidth(10);
        b->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        const quint32 v = value;
        connect(b, &QPushButton::clicked, this, [this, v] { setContext(v); });
        presetRow->addWidget(b);
        m_presets << b;
    }
    ctxLayout->addLayout(presetRow);
    ctxLayout->addWidget(m_ctxResolved);
    auto *parallelForm = new QFormLayout;
    m_parallel = new QSpinBox;
    m_parallel->setObjectName(QStringLiteral("parallelSpin"));
    m_parallel->setRange(0, 64);
    m_parallel->setSpecialValueText(tr("Engine default"));
    m_parallel->setToolTip(tr("Sequences served at once; each gets its own context in the KV cache"));
    parallelForm->addRow(tr("Parallel sequences"), m_parallel);
    ctxLayout->addLayout(parallelForm);
    root->addWidget(ctxBox);

    // Engine
    auto *engineBox = new QGroupBox(tr("Engine"));
    auto *engineForm = new QFormLayout(engineBox);
    m_engine = plainCombo("engineCombo");
    m_engine->addItem(tr("Automatic"), QString());
    m_engine->setItemData(0, QString(), KeyRole);
    for (const auto &e : m_catalog.engines()) {
        m_engine->addItem(QString::fromStdString(e.name));
        m_engine->setItemData(m_engine->count() - 1, QString::fromStdString(e.id), KeyRole);
    }
    m_engineVersion = plainCombo("engineVersionCombo");
    m_engineVersion->setToolTip(tr("Engine version: allocation behaviour changes between releases"));
    m_kvType = plainCombo("kvTypeCombo");
    for (const char *kv : {"f16", "q8_0", "q4_0", "fp8", "bf16"}) {
        m_kvType->addItem(QLatin1String(kv));
        m_kvType->setItemData(m_kvType->count() - 1, QLatin1String(kv), KeyRole);
    }
    m_flashAttn = plainCombo("flashAttnCombo");
    m_flashAttn->addItem(tr("Engine default"), static_cast<int>(FlashAttn::Auto));
    m_flashAttn->addItem(tr("On"), static_cast<int>(FlashAttn::On));
    m_flashAttn->addItem(tr("Off"), static_cast<int>(FlashAttn::Off));
    engineForm->addRow(tr("Engine"), m_engine);
    engineForm->addRow(tr("Version"), m_engineVersion);
    engineForm->addRow(tr("KV cache"), m_kvType);
    engineForm->addRow(tr("Flash attention"), m_flashAttn);
    m_vision = plainCombo("visionCombo");
    m_vision->addItem(tr("Engine default"), -1);
    m_vision->addItem(tr("Included"), 1);
    m_vision->addItem(tr("Not loaded"), 0);
    m_vision->setToolTip(tr("A multimodal model's vision encoder and projector (mmproj): Ollama, vLLM and transformers load it "
                            "with the model, llama-server only with --mmproj"));
    engineForm->addRow(tr("Vision projector"), m_vision);
    root->addWidget(engineBox);

    // Hardware
    auto *hwBox = new QGroupBox(tr("Hardware"));
    auto *hwForm = new QFormLayout(hwBox);
    m_gpu = plainCombo("gpuCombo");
    m_gpu->setMaxVisibleItems(24);
    fillHardwareCombo(m_gpu, m_catalog, false, true);
    addThisComputerItems(m_gpu);
    addNoGpuItem(m_gpu);
    m_thisInfo = new QLabel;
    m_thisInfo->setObjectName(QStringLiteral("thisComputerLabel"));
    m_thisInfo->setWordWrap(true);
    m_thisInfo->setForegroundRole(QPalette::PlaceholderText);
    // Device names are long: they wrap instead of widening the panel.
    m_thisInfo->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_gpuCount = new QSpinBox;
    m_gpuCount->setObjectName(QStringLiteral("gpuCountSpin"));
    m_gpuCount->setRange(1, 8);
    m_gpuCount->setPrefix(QStringLiteral("\u00d7 "));
    m_customGiB = new QDoubleSpinBox;
    m_customGiB->setObjectName(QStringLiteral("customGiBSpin"));
    m_customGiB->setRange(1.0, 4096.0);
    m_customGiB->setDecimals(1);
    m_customGiB->setSuffix(tr(" GiB"));
    m_mixed = new QCheckBox(tr("Add a different second card"));
    m_mixed->setObjectName(QStringLiteral("mixedGpuCheck"));
    m_gpu2 = plainCombo("gpu2Combo");
    m_gpu2->setMaxVisibleItems(24);
    fillHardwareCombo(m_gpu2, m_catalog, false, false);
    m_gpu2Count = new QSpinBox;
    m_gpu2Count->setObjectName(QStringLiteral("gpu2CountSpin"));
    m_gpu2Count->setRange(1, 8);
    m_gpu2Count->setPrefix(QStringLiteral("\u00d7 "));
    m_ram = new QDoubleSpinBox;
    m_ram->setObjectName(QStringLiteral("ramSpin"));
    m_ram->setRange(0.0, 16384.0);
    m_ram->setDecimals(0);
    m_ram->setSingleStep(16.0);
    m_ram->setSuffix(tr(" GiB"));
    m_ram->setSpecialValueText(tr("Unknown"));
    m_ram->setToolTip(tr("System RAM available for layers that do not fit on the GPUs"));
    hwForm->addRow(m_gpu);
    hwForm->addRow(m_thisInfo);
    hwForm->addRow(tr("Count"), m_gpuCount);
    hwForm->addRow(tr("Custom capacity"), m_customGiB);
    hwForm->addRow(m_mixed);
    hwForm->addRow(m_gpu2);
    hwForm->addRow(tr("Count"), m_gpu2Count);
    hwForm->addRow(tr("System RAM"), m_ram);
    root->addWidget(hwBox);
    root->addStretch(1);

    // Every input recomputes live.
    connect(m_model, qOverload<int>(&QComboBox::activated), this, [this](int) { commitModelText(); });
    connect(m_model->lineEdit(), &QLineEdit::editingFinished, this, &InputsPanel::commitModelText);
    connect(completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, [this](const QModelIndex &index) {
        const QString key = index.data(KeyRole).toString();
        if (!key.isEmpty() && !m_updating) {
            m_inputs.model = key;
            m_inputs.quant.clear();
            syncWidgets();
            changed();
        }
    });
    connect(m_scenario, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        if (!m_updating)
            applyScenario(currentKey(m_scenario));
    });
    for (QComboBox *c : {m_quant, m_engine, m_engineVersion, m_kvType, m_flashAttn, m_vision, m_gpu, m_gpu2})
        connect(c, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { changed(); });
    for (QSpinBox *s : {m_parallel, m_gpuCount, m_gpu2Count})
        connect(s, &QSpinBox::valueChanged, this, [this] { changed(); });
    for (QDoubleSpinBox *s : {m_customGiB, m_ram})
        connect(s, &QDoubleSpinBox::valueChanged, this, [this] { changed(); });
    connect(m_mixed, &QCheckBox::toggled, this, [this] { changed(); });
    connect(m_ctxDefault, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_updating)
            setEngineDefaultContext(on);
    });
    connect(m_ctxSlider, &QSlider::valueChanged, this, [this](int pos) {
        if (!m_updating)
            setContext(contextAt(pos));
    });
    connect(m_ctxSpin, &QSpinBox::valueChanged, this, [this](int v) {
        if (!m_updating)
            setContext(static_cast<quint32>(v));
    });
}

int InputsPanel::sliderPosition(quint32 ctx) const
{
    const double lo = std::log2(static_cast<double>(kMinCtx));
    const double hi = std::log2(static_cast<double>(std::max(m_maxCtx, kMinCtx * 2)));
    const double t = (std::log2(static_cast<double>(std::clamp(ctx, kMinCtx, m_maxCtx))) - lo) / (hi - lo);
    return static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * kSliderSteps));
}

quint32 InputsPanel::contextAt(int position) const
{
    if (position >= kSliderSteps)
        return m_maxCtx;
    const double lo = std::log2(static_cast<double>(kMinCtx));
    const double hi = std::log2(static_cast<double>(std::max(m_maxCtx, kMinCtx * 2)));
    const double tokens = std::exp2(lo + (hi - lo) * position / double(kSliderSteps));
    const auto rounded = static_cast<quint32>(std::lround(tokens / 256.0) * 256);
    return std::clamp(rounded, kMinCtx, m_maxCtx);
}

void InputsPanel::setContext(quint32 ctx)
{
    ctx = std::clamp(ctx, kMinCtx, m_maxCtx);
    if (m_inputs.ctx == ctx && m_ctxSpin->value() == static_cast<int>(ctx))
        return;
    const bool wasDefault = !m_inputs.ctx;
    m_inputs.ctx = ctx;
    if (!m_inputs.scenario.isEmpty()) { // a context set by hand is no longer the scenario's
        m_inputs.scenario.clear();
        syncWidgets();
    } else if (wasDefault) {
        syncWidgets(); // a chosen number ends "engine default"
    } else {
        const QSignalBlocker b1(m_ctxSlider), b2(m_ctxSpin);
        m_ctxSlider->setValue(sliderPosition(ctx));
        m_ctxSpin->setValue(static_cast<int>(ctx));
    }
    emit inputsChanged();
}

void InputsPanel::setEngineDefaultContext(bool engineDefault)
{
    if (engineDefault == !m_inputs.ctx)
        return;
    m_inputs.scenario.clear();
    if (engineDefault)
        m_inputs.ctx.reset();
    else // start from what the engine chose, so unticking changes nothing until the number is moved
        m_inputs.ctx = std::clamp(m_resolvedCtx > 0 ? m_resolvedCtx : *GuiInputs{}.ctx, kMinCtx, m_maxCtx);
    syncWidgets();
    emit inputsChanged();
}

void InputsPanel::commitModelText()
{
    if (m_updating)
        return;
    QString key;
    const QString text = m_model->currentText().trimmed();
    const int idx = m_model->findText(text, Qt::MatchFixedString);
    if (idx >= 0 && !m_model->itemData(idx, KeyRole).toString().isEmpty())
        key = m_model->itemData(idx, KeyRole).toString();
    else
        key = text;
    if (key.isEmpty() || key == m_inputs.model)
        return;
    m_inputs.model = key;
    m_inputs.quant.clear(); // a new model starts from what its key implies
    syncWidgets();
    emit inputsChanged();
}

void InputsPanel::changed()
{
    if (m_updating)
        return;
    const GuiInputs before = m_inputs;
    readWidgets();
    // A scenario's setting changed by hand: the fields are the user's own now.
    if (m_inputs.engine != before.engine || m_inputs.parallel != before.parallel || m_inputs.kvType != before.kvType ||
        m_inputs.flashAttn != before.flashAttn)
        m_inputs.scenario.clear();
    takeMachineRam(m_inputs.gpu != before.gpu);
    syncWidgets();
    emit inputsChanged();
}

void InputsPanel::applyScenario(const QString &id)
{
    const Preset *preset = m_catalog.findPreset(id.toStdString());
    m_inputs.scenario = preset ? QString::fromStdString(preset->id) : QString();
    if (preset) {
        // Core puts the preset into the request (the one rule the CLI's --preset uses); the fields take what it set.
        const RequestInputs in = applyPreset(*preset, m_inputs.toRequestInputs());
        m_inputs.engine = QString::fromStdString(in.engine);
        m_inputs.engineVersion = QString::fromStdString(in.engineVersion);
        m_inputs.ctx = in.ctx;
        m_inputs.parallel = in.parallel.value_or(0);
        m_inputs.kvType = QString::fromStdString(in.kvType);
        m_inputs.flashAttn = in.flashAttn;
    }
    syncWidgets();
    emit inputsChanged();
}

void InputsPanel::takeMachineRam(bool machineChanged)
{
    const Hardware *hw = m_catalog.findHardware(m_inputs.gpu.toStdString());
    if (hw && hw->kind == MemoryKind::Host && (machineChanged || m_inputs.ramGiB <= 0))
        m_inputs.ramGiB = std::floor(toGiB(hw->memoryBytes)); // the machine's installed RAM; lower it to what is free
}

void InputsPanel::readWidgets()
{
    m_inputs.quant = currentKey(m_quant);
    m_inputs.engine = currentKey(m_engine);
    m_inputs.engineVersion = currentKey(m_engineVersion);
    m_inputs.parallel = static_cast<quint32>(m_parallel->value());
    m_inputs.kvType = currentKey(m_kvType);
    m_inputs.flashAttn = static_cast<FlashAttn>(m_flashAttn->currentData().toInt());
    const int vision = m_vision->currentData().toInt();
    m_inputs.vision = vision < 0 ? std::nullopt : std::optional<bool>(vision == 1);
    m_inputs.gpu = currentKey(m_gpu);
    m_inputs.gpuCount = m_gpuCount->value();
    m_inputs.customGiB = m_customGiB->value();
    m_inputs.gpu2 = m_mixed->isChecked() ? currentKey(m_gpu2) : QString();
    m_inputs.gpu2Count = m_gpu2Count->value();
    m_inputs.ramGiB = m_ram->value();
    takeThisComputer();
}

void InputsPanel::takeThisComputer()
{
    // No GPU: this computer without its GPUs, so only its RAM is taken (when the box leaves it unknown).
    const bool noGpu = m_inputs.gpu == QLatin1String(kNoGpuKey);
    const auto basis =
        noGpu ? std::optional(probe::CapacityBasis::Total) : options::thisComputerBasis(DeviceChoice(m_inputs.gpu.toStdString()));
    if (!basis) {
        m_inputs.thisDevices.clear();
        return;
    }
    m_thisComputer->detect(); // once; the devices follow when it is done
    m_inputs.thisDevices = noGpu ? std::vector<DeviceChoice>{} : m_thisComputer->devices(*basis);
    if (m_thisComputer->state() != ThisComputer::State::Done || m_inputs.ramGiB > 0)
        return;
    // RAM left unknown becomes this computer's, in whole GiB rounded down (the box shows no fractions).
    if (const auto ram = options::detectedHostRam(m_thisComputer->detection(), *basis))
        m_inputs.ramGiB = std::floor(toGiB(*ram));
}

void InputsPanel::setInputs(const GuiInputs &inputs)
{
    m_inputs = inputs;
    const GuiInputs d;
    // A file path stays as given: if it no longer reads, the banner says why instead of a silent swap.
    if (!ModelFiles::isPath(m_inputs.model) && !m_catalog.resolveModel(m_inputs.model.toStdString()))
        m_inputs.model = d.model;
    if (m_inputs.gpu != QLatin1String("custom") && m_inputs.gpu != QLatin1String(kNoGpuKey) && !isThisComputer(m_inputs.gpu) &&
        !m_catalog.findHardware(m_inputs.gpu.toStdString()))
        m_inputs.gpu = d.gpu;
    if (!m_catalog.findPreset(m_inputs.scenario.toStdString()))
        m_inputs.scenario.clear(); // a scenario this catalog no longer has: the fields stay, as Custom
    if (!m_inputs.gpu2.isEmpty() && !m_catalog.findHardware(m_inputs.gpu2.toStdString()))
        m_inputs.gpu2.clear();
    if (!m_inputs.engine.isEmpty() && !m_catalog.findEngine(m_inputs.engine.toStdString()))
        m_inputs.engine.clear();
    if (!m_inputs.quant.isEmpty() && !m_catalog.findQuantization(m_inputs.quant.toStdString()))
        m_inputs.quant.clear();
    if (!kvTypeFromName(m_inputs.kvType.toStdString()))
        m_inputs.kvType = d.kvType;
    takeMachineRam(false);
    takeThisComputer();
    syncWidgets();
    emit inputsChanged();
}

void InputsPanel::setModelFiles(ModelFiles *files)
{
    m_files = files;
    syncWidgets();
}

const ModelSpec *InputsPanel::modelSpec() const
{
    if (m_files && ModelFiles::isPath(m_inputs.model)) {
        const auto &loaded = m_files->load(m_inputs.model.toStdString());
        const auto *file = std::get_if<std::shared_ptr<const FileModel>>(&loaded);
        return file ? &(*file)->spec : nullptr;
    }
    const auto match = m_catalog.resolveModel(m_inputs.model.toStdString());
    return match ? match->model : nullptr;
}

void InputsPanel::setResolved(const QString &engineId, quint32 ctx)
{
    if (engineId == m_resolvedEngine && ctx == m_resolvedCtx)
        return;
    m_resolvedEngine = engineId;
    m_resolvedCtx = ctx;
    syncWidgets();
}

void InputsPanel::updateContextRange()
{
    quint32 max = 131072;
    if (const ModelSpec *spec = modelSpec(); spec && spec->maxContext > 0)
        max = spec->maxContext;
    m_maxCtx = std::max(max, kMinCtx * 2);
    if (m_inputs.ctx)
        m_inputs.ctx = std::clamp(*m_inputs.ctx, kMinCtx, m_maxCtx);
    m_ctxSpin->setMaximum(static_cast<int>(m_maxCtx));
    for (QWidget *b : m_presets)
        b->setEnabled(b->property("ctx").toUInt() <= m_maxCtx);
}

void InputsPanel::fillQuantCombo()
{
    const QString engine = m_inputs.engine.isEmpty() ? m_resolvedEngine : m_inputs.engine;
    m_quant->clear();
    m_quant->addItem(tr("Automatic"));
    m_quant->setItemData(0, QString(), KeyRole);
    for (const auto &q : m_catalog.quantizations()) {
        const bool loads = q.loadedBy(engine.toStdString());
        if (!m_inputs.engine.isEmpty() && !loads)
            continue;
        m_quant->addItem(tr("%1  (%2 bpw)").arg(QString::fromStdString(q.id)).arg(Texts::number(q.bpw, 2)));
        m_quant->setItemData(m_quant->count() - 1, QString::fromStdString(q.id), KeyRole);
        m_quant->setItemData(m_quant->count() - 1, QString::fromStdString(q.name), Qt::ToolTipRole);
    }
    if (!selectKey(m_quant, m_inputs.quant)) {
        m_inputs.quant.clear();
        m_quant->setCurrentIndex(0);
    }
}

void InputsPanel::fillVersionCombo()
{
    m_engineVersion->clear();
    m_engineVersion->addItem(tr("Latest"));
    m_engineVersion->setItemData(0, QString(), KeyRole);
    const QString engine = m_inputs.engine.isEmpty() ? m_resolvedEngine : m_inputs.engine;
    if (const auto *e = m_catalog.findEngine(engine.toStdString())) {
        for (auto it = e->versions.rbegin(); it != e->versions.rend(); ++it) {
            m_engineVersion->addItem(tr("%1 or newer").arg(QString::fromStdString(it->from)));
            m_engineVersion->setItemData(m_engineVersion->count() - 1, QString::fromStdString(it->from), KeyRole);
        }
    }
    if (!selectKey(m_engineVersion, m_inputs.engineVersion)) {
        if (!m_inputs.engineVersion.isEmpty()) {
            m_engineVersion->addItem(m_inputs.engineVersion);
            m_engineVersion->setItemData(m_engineVersion->count() - 1, m_inputs.engineVersion, KeyRole);
            m_engineVersion->setCurrentIndex(m_engineVersion->count() - 1);
        } else {
            m_engineVersion->setCurrentIndex(0);
        }
    }
}

void InputsPanel::syncWidgets()
{
    m_updating = true;
    const QList<QWidget *> all{m_scenario,  m_model,         m_quant,  m_ctxDefault, m_ctxSlider, m_ctxSpin, m_parallel,
                               m_engine,    m_engineVersion, m_kvType, m_flashAttn,  m_vision,    m_gpu,     m_gpuCount,
                               m_customGiB, m_mixed,         m_gpu2,   m_gpu2Count,  m_ram};
    std::vector<std::unique_ptr<QSignalBlocker>> blockers;
    for (QWidget *w : all)
        blockers.push_back(std::make_unique<QSignalBlocker>(w));

    if (!selectKey(m_model, m_inputs.model)) {
        m_model->setCurrentIndex(-1);
        m_model->setEditText(m_inputs.model);
    }
    if (const auto match = m_catalog.resolveModel(m_inputs.model.toStdString())) {
        QString info = modelSummary(*match->model);
        if (!match->impliedQuant.empty())
            info += tr("\nOllama tag: %1").arg(QString::fromStdString(match->impliedQuant));
        m_modelInfo->setText(info);
    } else if (const ModelSpec *spec = modelSpec(); spec && ModelFiles::isPath(m_inputs.model)) {
        m_modelInfo->setText(tr("File: %1\n%2").arg(ModelFiles::displayName(m_inputs.model), modelSummary(*spec)));
    } else if (ModelFiles::isPath(m_inputs.model)) {
        m_modelInfo->setText(tr("File: %1 (cannot be read)").arg(ModelFiles::displayName(m_inputs.model)));
    } else {
        m_modelInfo->setText(tr("Not in the catalog"));
    }
    // While a scenario is chosen its context holds, capped by each model's maximum (a model change re-caps it).
    const Preset *preset = m_catalog.findPreset(m_inputs.scenario.toStdString());
    if (preset)
        m_inputs.ctx = preset->ctx;
    updateContextRange();
    // Left to the engine, the slider shows the context the estimate used and waits to be taken over.
    const bool engineDefault = !m_inputs.ctx;
    const quint32 shown = m_inputs.ctx.value_or(m_resolvedCtx > 0 ? m_resolvedCtx : kMinCtx);
    m_ctxDefault->setChecked(engineDefault);
    m_ctxSlider->setEnabled(!engineDefault);
    m_ctxSpin->setEnabled(!engineDefault);
    m_ctxSlider->setValue(sliderPosition(shown));
    m_ctxSpin->setValue(static_cast<int>(std::min(shown, m_maxCtx)));
    m_ctxResolved->setText(engineDefault && m_resolvedCtx > 0 ? tr("The estimate uses %1 tokens").arg(Texts::tokens(m_resolvedCtx))
                                                              : QString());
    m_ctxResolved->setVisible(engineDefault);
    m_parallel->setValue(static_cast<int>(m_inputs.parallel));
    selectKey(m_engine, m_inputs.engine);
    fillQuantCombo();
    fillVersionCombo();
    selectKey(m_kvType, m_inputs.kvType);
    m_flashAttn->setCurrentIndex(std::max(0, m_flashAttn->findData(static_cast<int>(m_inputs.flashAttn))));
    m_vision->setCurrentIndex(std::max(0, m_vision->findData(m_inputs.vision ? (*m_inputs.vision ? 1 : 0) : -1)));
    selectKey(m_gpu, m_inputs.gpu);
    const Hardware *hw = m_catalog.findHardware(m_inputs.gpu.toStdString());
    const bool unified = hw && hw->kind != MemoryKind::Discrete; // one machine: a Mac, or a CPU-only entry
    const bool thisComputer = isThisComputer(m_inputs.gpu);
    const bool noGpu = m_inputs.gpu == QLatin1String(kNoGpuKey);
    if (unified || noGpu)
        m_inputs.gpuCount = 1;
    if (noGpu)
        m_inputs.gpu2.clear(); // no GPU means none: not a second card either
    m_gpuCount->setValue(m_inputs.gpuCount);
    m_gpuCount->setEnabled(!unified && !thisComputer && !noGpu); // this computer has the cards it has
    m_thisInfo->setVisible(thisComputer);
    if (thisComputer) {
        m_thisInfo->setText(m_thisComputer->summaryLines().join(QLatin1Char('\n')));
        m_thisInfo->setToolTip(m_thisComputer->details());
    }
    m_customGiB->setValue(m_inputs.customGiB);
    m_customGiB->setEnabled(m_inputs.gpu == QLatin1String("custom"));
    m_mixed->setChecked(!m_inputs.gpu2.isEmpty());
    m_mixed->setEnabled(!unified && !noGpu);
    if (!m_inputs.gpu2.isEmpty())
        selectKey(m_gpu2, m_inputs.gpu2);
    m_gpu2->setEnabled(m_mixed->isChecked());
    m_gpu2Count->setEnabled(m_mixed->isChecked());
    m_gpu2Count->setValue(m_inputs.gpu2Count);
    m_ram->setValue(m_inputs.ramGiB);
    const bool cpuMachine = noGpu || (hw && hw->kind == MemoryKind::Host);
    m_ram->setToolTip(cpuMachine ? tr("System RAM of this machine: every layer, the KV cache and the buffers live in it; "
                                      "lower it to what is free")
                                 : tr("System RAM available for layers that do not fit on the GPUs"));
    selectKey(m_scenario, m_inputs.scenario);
    if (preset) {
        const QString engineId = m_inputs.engine.isEmpty() ? m_resolvedEngine : m_inputs.engine;
        const auto *engine = m_catalog.findEngine(engineId.toStdString());
        m_scenarioInfo->setText(
            ScenarioTexts::applied(*preset, engine ? QString::fromStdString(engine->name) : QString(), m_inputs.ctx.value_or(preset->ctx)));
    }
    m_scenarioInfo->setVisible(preset != nullptr);
    m_updating = false;
}

} // namespace headroom::gui
