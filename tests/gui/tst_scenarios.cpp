// SPDX-License-Identifier: GPL-3.0-or-later
// The Scenario choice (presets.json through core's applyPreset) and CPU-only machines in the Estimate tab.
#include "catalog_combos.h"
#include "chart_panel.h"
#include "estimate_model.h"
#include "gui_app.h"
#include "inputs_panel.h"
#include "main_window.h"
#include "scenario_texts.h"
#include "settings.h"
#include "test_support.h"
#include "texts.h"
#include "verdict_banner.h"

#include <headroom/apply_preset.h>

#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace headroom;
using namespace headroom::gui;
using headroom::gui::test::child;

namespace {

bool choose(QComboBox *combo, const QString &key)
{
    for (int i = 0; i < combo->count(); ++i)
        if (combo->itemData(i, KeyRole).toString() == key) {
            combo->setCurrentIndex(i);
            return true;
        }
    return false;
}

/** The x positions of the chart's capacity markers on bar row `row` (a vertical line at y = row +- 0.42). */
QList<double> markersOnRow(ChartPanel *chart, int row)
{
    QList<double> xs;
    for (QAbstractSeries *s : chart->chart()->series())
        if (auto *line = qobject_cast<QLineSeries *>(s); line && line->count() == 2 && qAbs(line->at(0).y() - (row - 0.42)) < 1e-9)
            xs << line->at(0).x();
    return xs;
}

} // namespace

class TestScenarios : public QObject
{
    Q_OBJECT
private slots:
    void comboOffersCustomAndEveryPreset()
    {
        MainWindow w(test::catalog(), nullptr);
        auto *combo = child<QComboBox>(w, "scenarioCombo");
        QCOMPARE(combo->count(), static_cast<int>(test::catalog().presets().size()) + 1);
        QCOMPARE(combo->currentIndex(), 0);
        QVERIFY(combo->itemData(0, KeyRole).toString().isEmpty());
        for (const auto &p : test::catalog().presets()) {
            const QString id = QString::fromStdString(p.id);
            // Every shipped preset has words of its own, not its id.
            QVERIFY2(ScenarioTexts::name(id) != id, qPrintable(id));
            QVERIFY2(!ScenarioTexts::description(id).isEmpty(), qPrintable(id));
        }
        QVERIFY(child<QLabel>(w, "scenarioInfoLabel")->isHidden());
    }

    /** Choosing a scenario sets the fields and the estimate to what core's applyPreset gives, and says so. */
    void scenarioSetsTheFieldsAndSaysSo_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("gpu");
        QTest::addColumn<QString>("engine");
        QTest::newRow("small team") << "small-team"
                                    << "qwen3-8b"
                                    << "rtx-4090"
                                    << "llama.cpp";
        QTest::newRow("api serving") << "api-serving"
                                     << "qwen3-8b"
                                     << "h100-sxm-80gb"
                                     << "vllm";
        QTest::newRow("personal chat keeps the engine") << "personal-chat"
                                                        << "qwen3:8b"
                                                        << "rtx-4090"
                                                        << "";
        QTest::newRow("long documents") << "long-documents"
                                        << "llama-3.1-8b-instruct"
                                        << "rtx-4090"
                                        << "";
    }
    void scenarioSetsTheFieldsAndSaysSo()
    {
        QFETCH(QString, id);
        QFETCH(QString, model);
        QFETCH(QString, gpu);
        QFETCH(QString, engine);
        MainWindow w(test::catalog(), nullptr);
        GuiInputs start = w.inputs();
        start.model = model;
        start.gpu = gpu;
        w.setInputs(start);
        const Preset &preset = *test::catalog().findPreset(id.toStdString());
        QVERIFY(choose(child<QComboBox>(w, "scenarioCombo"), id));

        const GuiInputs in = w.inputs();
        QCOMPARE(in.scenario, id);
        QCOMPARE(in.engine, engine);
        QCOMPARE(in.ctx, std::optional<quint32>(preset.ctx));
        QCOMPARE(in.parallel, preset.parallel);
        QCOMPARE(child<QSpinBox>(w, "parallelSpin")->value(), static_cast<int>(preset.parallel));
        QCOMPARE(child<QSpinBox>(w, "ctxSpin")->value(), static_cast<int>(preset.ctx));
        QCOMPARE(currentKey(child<QComboBox>(w, "engineCombo")), engine);
        // The estimate runs what the preset names: the same as core's applyPreset on the window's request.
        const Placement &p = *w.evaluation().placement;
        QCOMPARE(p.ctx, preset.ctx);
        QCOMPARE(p.parallel, preset.parallel);
        const RequestInputs expected = applyPreset(preset, start.toRequestInputs());
        QCOMPARE(p.devices.front().total(), test::engineAnswer(expected).devices.front().total());
        if (preset.flashAttn)
            QVERIFY(p.flashAttn);
        // The line under the combo says what it set.
        auto *info = child<QLabel>(w, "scenarioInfoLabel");
        QVERIFY(!info->isHidden());
        QVERIFY2(info->text().contains(Texts::tokens(preset.ctx)), qPrintable(info->text()));
        QVERIFY2(info->text().contains(QString::number(preset.parallel)), qPrintable(info->text()));
        if (!engine.isEmpty())
            QVERIFY2(info->text().contains(QString::fromStdString(test::catalog().findEngine(engine.toStdString())->name)),
                     qPrintable(info->text()));
    }

    /** Editing a setting the scenario set returns the combo to Custom and keeps the other fields. */
    void editingASettingReturnsToCustom_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::newRow("parallel") << "parallel";
        QTest::newRow("context spin") << "ctx";
        QTest::newRow("context button") << "ctxButton";
        QTest::newRow("engine") << "engine";
        QTest::newRow("flash attention") << "flash";
    }
    void editingASettingReturnsToCustom()
    {
        QFETCH(QString, edit);
        MainWindow w(test::catalog(), nullptr);
        auto *combo = child<QComboBox>(w, "scenarioCombo");
        QVERIFY(choose(combo, QStringLiteral("small-team")));
        QCOMPARE(w.inputs().scenario, QStringLiteral("small-team"));
        if (edit == QLatin1String("parallel"))
            child<QSpinBox>(w, "parallelSpin")->setValue(4);
        else if (edit == QLatin1String("ctx"))
            child<QSpinBox>(w, "ctxSpin")->setValue(16384);
        else if (edit == QLatin1String("ctxButton"))
            QTest::mouseClick(child<QPushButton>(w, "ctxPreset32K"), Qt::LeftButton);
        else if (edit == QLatin1String("engine"))
            QVERIFY(choose(child<QComboBox>(w, "engineCombo"), QStringLiteral("ollama")));
        else
            child<QComboBox>(w, "flashAttnCombo")->setCurrentIndex(2);
        QCOMPARE(combo->currentIndex(), 0);
        QVERIFY(w.inputs().scenario.isEmpty());
        QVERIFY(child<QLabel>(w, "scenarioInfoLabel")->isHidden());
        if (edit != QLatin1String("parallel"))
            QCOMPARE(w.inputs().parallel, 8U); // the rest stays as the scenario set it
        // Fields the scenario does not set (the model, the card) leave it chosen.
        QVERIFY(choose(combo, QStringLiteral("small-team")));
        QVERIFY(choose(child<QComboBox>(w, "gpuCombo"), QStringLiteral("rtx-3090")));
        QCOMPARE(w.inputs().scenario, QStringLiteral("small-team"));
        // Custom keeps the fields as they are.
        combo->setCurrentIndex(0);
        QCOMPARE(w.inputs().parallel, 8U);
        QVERIFY(w.inputs().scenario.isEmpty());
    }

    /** Long documents on a 40,960-token model: the field stops at the model's maximum and the line says so. */
    void contextCappedByTheModelIsSaid()
    {
        MainWindow w(test::catalog(), nullptr); // qwen3-8b: 40,960 tokens
        QVERIFY(choose(child<QComboBox>(w, "scenarioCombo"), QStringLiteral("long-documents")));
        QCOMPARE(w.inputs().ctx, std::optional<quint32>(w.inputsPanel()->modelMaxContext()));
        QCOMPARE(w.inputs().scenario, QStringLiteral("long-documents"));
        const QString info = child<QLabel>(w, "scenarioInfoLabel")->text();
        QVERIFY2(info.contains(Texts::tokens(w.inputsPanel()->modelMaxContext())), qPrintable(info));
        QVERIFY2(info.contains(QStringLiteral("at most")), qPrintable(info));
        // A model that reads 128K takes the scenario's whole context, and the line drops the cap.
        GuiInputs in = w.inputs();
        in.model = QStringLiteral("llama-3.1-8b-instruct");
        w.setInputs(in);
        QCOMPARE(w.inputs().ctx, std::optional<quint32>(131072U));
        QCOMPARE(w.evaluation().placement->ctx, 131072U);
        QVERIFY(!child<QLabel>(w, "scenarioInfoLabel")->text().contains(QStringLiteral("at most")));
    }

    /** The scenario is saved with the other inputs; a settings file from before scenarios reads as Custom. */
    void scenarioIsSaved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("headroom.ini"));
        GuiInputs in;
        in.scenario = QStringLiteral("api-serving");
        {
            Settings s(path);
            s.setInputs(in);
            s.sync();
        }
        QCOMPARE(Settings(path).inputs().scenario, QStringLiteral("api-serving"));
        {
            QSettings raw(path, QSettings::IniFormat);
            raw.remove(Settings::keyName(Settings::Key::Scenario));
        }
        QVERIFY(Settings(path).inputs().scenario.isEmpty());
        // A window given a scenario id its catalog lacks shows Custom, with the fields as saved.
        MainWindow w(test::catalog(), nullptr);
        GuiInputs gone = w.inputs();
        gone.scenario = QStringLiteral("retired-preset");
        gone.parallel = 3;
        w.setInputs(gone);
        QVERIFY(w.inputs().scenario.isEmpty());
        QCOMPARE(w.inputs().parallel, 3U);
        QCOMPARE(child<QComboBox>(w, "scenarioCombo")->currentIndex(), 0);
    }

    /**
     * A CPU-only catalog machine: one bar, in system RAM, against the machine's RAM as a capacity line; the RAM box
     * shows that RAM; the verdict and the speed are in RAM words. A 7B crawls on dual-channel DDR4, a 1.5B is usable.
     */
    void cpuOnlyMachineIsDrawnAgainstItsRam()
    {
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in = w.inputs();
        in.model = QStringLiteral("qwen2.5-7b-instruct");
        w.setInputs(in);
        QVERIFY(choose(child<QComboBox>(w, "gpuCombo"), QStringLiteral("cpu-desktop-ddr4-3200-2ch-32gb")));
        QCOMPARE(child<QDoubleSpinBox>(w, "ramSpin")->value(), 32.0);
        const Placement seven = *w.evaluation().placement;
        QVERIFY(seven.devices.empty());
        QCOMPARE(seven.host.usable, 32 * GiB);
        EstimateModel *model = w.estimateModel();
        QCOMPARE(model->rowCount(), 1);
        QVERIFY(model->isHost(0));
        QVERIFY(model->showsCapacity(0));
        QCOMPARE(model->headerData(0, Qt::Vertical).toString(), QStringLiteral("System RAM (CPU only)"));
        QVERIFY(markersOnRow(w.chartPanel(), 0).contains(32.0));
        const QString title = child<QLabel>(w, "verdictTitle")->text();
        QCOMPARE(title, VerdictBanner::headline(seven));
        QVERIFY2(title.startsWith(QStringLiteral("Fits in system RAM")), qPrintable(title));
        const QString detail = child<QLabel>(w, "verdictDetail")->text();
        QVERIFY2(detail.contains(QStringLiteral("from system RAM at 51.2 GB/s")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("longest context in system RAM")), qPrintable(detail));

        in = w.inputs();
        in.model = QStringLiteral("qwen2.5-1.5b-instruct");
        w.setInputs(in);
        const Placement small = *w.evaluation().placement;
        // The speed is the bandwidth over the bytes read per token: the smaller model reads far fewer.
        QVERIFY2(seven.decodeTokensPerSecond > 0 && seven.decodeTokensPerSecond < 10,
                 qPrintable(QString::number(seven.decodeTokensPerSecond)));
        QVERIFY2(small.decodeTokensPerSecond > 3 * seven.decodeTokensPerSecond, qPrintable(QString::number(small.decodeTokensPerSecond)));

        // Back on a GPU with layers in RAM: no capacity line on the host row.
        in = w.inputs();
        in.model = QStringLiteral("deepseek-r1:32b");
        in.gpu = QStringLiteral("rtx-4060-8gb");
        in.ctx = 4096;
        w.setInputs(in);
        QVERIFY(!w.evaluation().placement->devices.empty());
        const int host = model->rowCount() - 1;
        QVERIFY(model->isHost(host));
        QVERIFY(!model->showsCapacity(host));
        QVERIFY(markersOnRow(w.chartPanel(), host).isEmpty());
    }

    /** "No GPU (CPU only)": this computer without its GPU, every layer in the RAM box's RAM. */
    void noGpuUsesTheRamBox()
    {
        MainWindow w(test::catalog(), nullptr);
        child<QDoubleSpinBox>(w, "ramSpin")->setValue(16);
        QVERIFY(choose(child<QComboBox>(w, "gpuCombo"), QString::fromLatin1(kNoGpuKey)));
        const Placement p = *w.evaluation().placement;
        QVERIFY(p.devices.empty());
        QCOMPARE(p.host.usable, 16 * GiB);
        QVERIFY(p.host.weights > 0);
        QVERIFY(!child<QSpinBox>(w, "gpuCountSpin")->isEnabled());
        QVERIFY(w.estimateModel()->showsCapacity(0));
        QVERIFY(markersOnRow(w.chartPanel(), 0).contains(16.0));
        QVERIFY(child<QLabel>(w, "verdictTitle")->text().contains(QStringLiteral("in system RAM")));
        // The command line's --gpu no-gpu reaches the same.
        GuiInputs taken;
        RequestInputs request;
        request.model = "qwen3-8b";
        request.gpus = {DeviceChoice(std::string(kNoGpuKey))};
        request.hostRam = 16 * GiB;
        QVERIFY(!taken.takeRequest(request));
        QVERIFY(taken.toRequestInputs().gpus.empty());
    }

    /** headroom --preset ID: read with the flags that win over it, as headroom-cli reads them. */
    void commandLinePreset()
    {
        const auto parsed = parseGuiArguments({QStringLiteral("--preset"), QStringLiteral("small-team"), QStringLiteral("--ctx"),
                                               QStringLiteral("4096"), QStringLiteral("--gpu"), QString::fromLatin1(kNoGpuKey)});
        const auto *o = std::get_if<GuiOptions>(&parsed);
        QVERIFY(o);
        QCOMPARE(o->preset, QStringLiteral("small-team"));
        QVERIFY(o->stated.ctx && !o->stated.parallel && !o->stated.engine);
        QCOMPARE(o->inputs.gpu, QString::fromLatin1(kNoGpuKey));
        const RequestInputs applied = applyPreset(*test::catalog().findPreset("small-team"), o->request, o->stated);
        QCOMPARE(applied.ctx, std::optional<std::uint32_t>(4096));
        QCOMPARE(applied.parallel, std::optional<std::uint32_t>(8));
        QVERIFY(std::holds_alternative<QString>(parseGuiArguments({QStringLiteral("--preset")})));
    }
};

QTEST_MAIN(TestScenarios)
#include "tst_scenarios.moc"
