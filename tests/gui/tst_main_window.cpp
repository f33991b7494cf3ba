// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_combos.h"
#include "chart_panel.h"
#include "compare_panel.h"
#include "estimate_model.h"
#include "inputs_panel.h"
#include "main_window.h"
#include "test_support.h"
#include "texts.h"
#include "verdict_banner.h"

#include <headroom/placement_json.h>

#include <nlohmann/json.hpp>

#include <QBarSet>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>

using namespace headroom;
using namespace headroom::gui;
using headroom::gui::test::child;

namespace {

void chooseKey(QComboBox *combo, const QString &key)
{
    for (int i = 0; i < combo->count(); ++i)
        if (combo->itemData(i, KeyRole).toString() == key) {
            combo->setCurrentIndex(i);
            return;
        }
    QFAIL(qPrintable(QStringLiteral("no item %1 in %2").arg(key, combo->objectName())));
}

/** Bars and verdict on screen equal the engine's placement for the same inputs. */
void verifyFollowsEngine(MainWindow &w, const RequestInputs &in)
{
    const Placement p = test::engineAnswer(in);
    ChartPanel *chart = w.chartPanel();
    const int rows = static_cast<int>(p.devices.size()) + (p.gpuLayers < p.totalLayers ? 1 : 0);
    for (int col = EstimateModel::Weights; col <= EstimateModel::Overhead; ++col) {
        QBarSet *set = chart->barSet(col);
        QVERIFY(set);
        QCOMPARE(set->count(), rows);
        for (int r = 0; r < static_cast<int>(p.devices.size()); ++r) {
            const DeviceUsage &d = p.devices[static_cast<std::size_t>(r)];
            const Bytes b = col == EstimateModel::Weights ? d.weights : col == EstimateModel::KvCache ? d.kvCache
                          : col == EstimateModel::Compute ? d.compute : d.overhead;
            QCOMPARE(set->at(r), toGiB(b));
        }
    }
    const QString title = child<QLabel>(w, "verdictTitle")->text();
    QVERIFY2(title.startsWith(Texts::verdict(p.verdict)), qPrintable(title));
    QCOMPARE(title, VerdictBanner::headline(p));
    if (p.verdict == Verdict::PartialOffload)
        QVERIFY(title.contains(QStringLiteral("%1 of %2").arg(p.gpuLayers).arg(p.totalLayers)));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void widgetsDriveTheEstimate_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("quant");
        QTest::addColumn<int>("ctx");
        QTest::addColumn<QString>("gpu");
        QTest::addColumn<int>("count");
        QTest::newRow("ollama tag, partial offload") << "deepseek-r1:32b" << "" << 32768 << "rtx-4090d" << 1;
        QTest::newRow("catalog id + quant") << "qwen3-14b" << "Q8_0" << 8192 << "rtx-4090" << 1;
        QTest::newRow("two cards") << "llama3.3:70b" << "" << 8192 << "rtx-3090" << 2;
        QTest::newRow("mac unified") << "qwen3-30b-a3b" << "" << 40960 << "apple-m4-max-128gb" << 1;
        QTest::newRow("does not fit") << "deepseek-r1:671b" << "" << 8192 << "rtx-4060-8gb" << 1;
        QTest::newRow("hf repo id") << "Qwen/Qwen3-8B" << "" << 4096 << "rtx-3060-12gb" << 1;
    }

    void widgetsDriveTheEstimate()
    {
        QFETCH(QString, model);
        QFETCH(QString, quant);
        QFETCH(int, ctx);
        QFETCH(QString, gpu);
        QFETCH(int, count);
        MainWindow w(test::catalog(), nullptr);

        auto *modelCombo = child<QComboBox>(w, "modelCombo");
        modelCombo->lineEdit()->setText(model);
        emit modelCombo->lineEdit()->editingFinished();
        chooseKey(child<QComboBox>(w, "gpuCombo"), gpu);
        child<QSpinBox>(w, "gpuCountSpin")->setValue(count);
        if (!quant.isEmpty())
            chooseKey(child<QComboBox>(w, "quantCombo"), quant);
        child<QSpinBox>(w, "ctxSpin")->setValue(ctx);

        RequestInputs in;
        in.model = model.toStdString();
        in.quant = quant.toStdString();
        in.ctx = static_cast<std::uint32_t>(ctx);
        in.gpus.assign(static_cast<std::size_t>(count), gpu.toStdString());
        verifyFollowsEngine(w, in);

        // The context slider (log scale) drives the same numbers.
        auto *slider = child<QSlider>(w, "ctxSlider");
        slider->setValue(slider->value() / 2);
        const quint32 slid = w.inputsPanel()->contextAt(slider->value());
        QCOMPARE(child<QSpinBox>(w, "ctxSpin")->value(), static_cast<int>(slid));
        in.ctx = slid;
        verifyFollowsEngine(w, in);
    }

    void sliderScaleIsLogarithmic()
    {
        MainWindow w(test::catalog(), nullptr);
        InputsPanel *p = w.inputsPanel();
        QCOMPARE(p->contextAt(0), 512U);
        QCOMPARE(p->contextAt(1000), p->modelMaxContext());
        for (quint32 ctx : {2048U, 8192U, 32768U})
            QVERIFY(qAbs(static_cast<double>(p->contextAt(p->sliderPosition(ctx))) - ctx) / ctx < 0.01);
    }

    void presetsSetTheContext()
    {
        MainWindow w(test::catalog(), nullptr);
        QTest::mouseClick(child<QWidget>(w, "ctxPreset32K"), Qt::LeftButton);
        QCOMPARE(w.inputs().ctx, std::optional<quint32>(32768U));
        QCOMPARE(w.evaluation().placement->ctx, 32768U);
    }

    void fixMakesItFit()
    {
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in;
        in.model = QStringLiteral("deepseek-r1:32b");
        in.gpu = QStringLiteral("rtx-4090d");
        in.ctx = 32768;
        w.setInputs(in);
        QCOMPARE(w.evaluation().placement->verdict, Verdict::PartialOffload);
        QVERIFY(!w.evaluation().fixes.empty());
        QVERIFY(child<QLabel>(w, "verdictFixes")->text().contains(QStringLiteral("href")));
        for (const Fix &f : std::vector<Fix>(w.evaluation().fixes)) {
            w.setInputs(in);
            emit w.verdictBanner()->fixActivated(f);
            const Verdict v = w.evaluation().placement->verdict;
            QVERIFY2(v == Verdict::Fits || v == Verdict::Tight, qPrintable(Texts::fix(f)));
            // The window applies the fix as priced: the same placement, byte for byte.
            QCOMPARE(placementToJson(*w.evaluation().placement).dump(), placementToJson(f.result).dump());
        }
    }

    void fixesOnACustomCardApplyExactly()
    {
        // A custom capacity goes through the fix's inputs and back into the window without losing a byte.
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in;
        in.model = QStringLiteral("qwen3:32b");
        in.gpu = QStringLiteral("custom");
        in.customGiB = 11.3;
        w.setInputs(in);
        GuiInputs back = in;
        QVERIFY(!back.takeRequest(in.toRequestInputs()));
        QCOMPARE(back.toRequestInputs().gpus, in.toRequestInputs().gpus);
        const auto fixes = w.evaluation().fixes;
        QVERIFY(!fixes.empty());
        for (const Fix &f : fixes) {
            w.setInputs(in);
            emit w.verdictBanner()->fixActivated(f);
            QCOMPARE(placementToJson(*w.evaluation().placement).dump(), placementToJson(f.result).dump());
        }
    }

    void quantizedKvFixWithEngineDefaultFlashAttention()
    {
        // Ollama's oldest version row keeps flash attention off when left to the engine. The q8_0 KV fix is
        // priced with it on; clicking it must give that price, not an unchanged F16 cache.
        MainWindow w(test::catalog(), nullptr);
        const EngineProfile *ollama = test::catalog().findEngine("ollama");
        QVERIFY(ollama);
        GuiInputs in;
        in.model = QStringLiteral("qwen2.5:32b"); // the oldest row predates qwen3 (engines.json `architectures`)
        in.engine = QStringLiteral("ollama");
        in.engineVersion = QString::fromStdString(ollama->versions.front().from);
        in.flashAttn = FlashAttn::Auto;
        in.ctx = 32768;
        w.setInputs(in);
        const auto fixes = w.evaluation().fixes;
        const auto kv = std::find_if(fixes.begin(), fixes.end(), [](const Fix &f) { return f.kind == Fix::Kind::QuantizedKv; });
        QVERIFY(kv != fixes.end());
        emit w.verdictBanner()->fixActivated(*kv);
        QCOMPARE(w.inputs().kvType, QStringLiteral("q8_0"));
        QCOMPARE(w.inputs().flashAttn, FlashAttn::On);
        QCOMPARE(placementToJson(*w.evaluation().placement).dump(), placementToJson(kv->result).dump());
    }

    void engineDefaultContext()
    {
        // Left to the engine, the context is what it picks (Ollama: by version and VRAM), shown next to the box.
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in;
        in.model = QStringLiteral("qwen3:8b");
        in.gpu = QStringLiteral("rtx-4060-8gb");
        w.setInputs(in);
        auto *box = child<QCheckBox>(w, "ctxDefaultCheck");
        QVERIFY(!box->isChecked());
        box->setChecked(true);
        QVERIFY(!w.inputs().ctx);
        RequestInputs r;
        r.model = "qwen3:8b";
        r.gpus = {"rtx-4060-8gb"};
        const Placement p = test::engineAnswer(r);
        QCOMPARE(w.evaluation().placement->ctx, p.ctx);
        QVERIFY(!child<QSpinBox>(w, "ctxSpin")->isEnabled());
        QCOMPARE(child<QSpinBox>(w, "ctxSpin")->value(), static_cast<int>(p.ctx));
        QVERIFY(child<QLabel>(w, "ctxResolvedLabel")->text().contains(Texts::tokens(p.ctx)));
        verifyFollowsEngine(w, r);

        // A preset takes the context back from the engine.
        QTest::mouseClick(child<QWidget>(w, "ctxPreset32K"), Qt::LeftButton);
        QVERIFY(!box->isChecked());
        QCOMPARE(w.inputs().ctx, std::optional<quint32>(32768U));
        QVERIFY(child<QSpinBox>(w, "ctxSpin")->isEnabled());
        QVERIFY(child<QLabel>(w, "ctxResolvedLabel")->text().isEmpty());
        // Unticking starts from what the engine chose.
        box->setChecked(true);
        box->setChecked(false);
        QCOMPARE(w.inputs().ctx, std::optional<quint32>(p.ctx));
    }

    void unknownModelShowsError()
    {
        MainWindow w(test::catalog(), nullptr);
        auto *modelCombo = child<QComboBox>(w, "modelCombo");
        modelCombo->lineEdit()->setText(QStringLiteral("no-such-model:1b"));
        emit modelCombo->lineEdit()->editingFinished();
        QVERIFY(!w.evaluation().ok());
        QCOMPARE(child<QLabel>(w, "verdictTitle")->text(), QStringLiteral("Cannot estimate"));
        QVERIFY(child<QLabel>(w, "verdictDetail")->text().contains(QStringLiteral("no-such-model:1b")));
        QCOMPARE(w.estimateModel()->rowCount(), 0);
    }

    void compareColumnsFollowEngine()
    {
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in;
        in.model = QStringLiteral("llama3.3:70b");
        w.setInputs(in);
        w.showCompare(true);
        ComparePanel *c = w.comparePanel();
        c->setSlotKeys({QStringLiteral("rtx-4090"), QStringLiteral("rtx-3090*2"), QStringLiteral("apple-m4-max-128gb"), {}});
        const QStringList expected[] = {{"rtx-4090"}, {"rtx-3090", "rtx-3090"}, {"apple-m4-max-128gb"}};
        for (int i = 0; i < 3; ++i) {
            RequestInputs r;
            r.model = "llama3.3:70b";
            r.ctx = in.ctx;
            for (const QString &g : expected[i])
                r.gpus.push_back(g.toStdString());
            const Placement p = test::engineAnswer(r);
            QCOMPARE(c->verdictText(i), VerdictBanner::headline(p));
            QCOMPARE(c->model(i)->index(0, EstimateModel::Weights).data().toDouble(), toGiB(p.devices[0].weights));
        }
        QVERIFY(c->verdictText(3).isEmpty());
        QCOMPARE(c->slotKeys().at(1), QStringLiteral("rtx-3090*2"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
