// SPDX-License-Identifier: GPL-3.0-or-later
// "This computer" in the hardware picker, the About dialog and `headroom --help/--version`. Detection reads
// recorded machines (tests/data/probe through a FakeProbe), never the machine running the tests. With
// HEADROOM_SHOT_DIR set, the slot `screenshots` writes the picker and the About dialog as PNGs, in English
// and Chinese, for a person to look at.
#include "about_dialog.h"
#include "catalog_combos.h"
#include "inputs_panel.h"
#include "main_window.h"
#include "recorded_machine.h"
#include "test_support.h"
#include "this_computer.h"

#include <headroom/probe/detected_device_choices.h>
#include <headroom/probe/system_detect.h>
#include <this_computer_request.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QThread>
#include <QTranslator>

#include <cmath>

using namespace headroom;
using namespace headroom::gui;
using headroom::gui::test::child;

namespace {

std::shared_ptr<const probe::SystemProbe> machine(const char *name)
{
    return std::make_shared<const probe::FakeProbe>(
        headroom::test::recordedMachine(std::filesystem::path(HEADROOM_TEST_DATA_DIR) / "probe" / name));
}

/** A machine whose nvidia-smi takes its time, as a waking driver does. */
class SlowProbe : public probe::FakeProbe
{
public:
    explicit SlowProbe(probe::FakeProbe recorded) : probe::FakeProbe(std::move(recorded)) {}
    [[nodiscard]] std::optional<probe::CommandResult> run(const std::vector<std::string> &argv) const override
    {
        QThread::msleep(700);
        return probe::FakeProbe::run(argv);
    }
};

void choose(QComboBox *combo, const QString &key)
{
    if (!selectKey(combo, key))
        QFAIL(qPrintable(QStringLiteral("no item %1").arg(key)));
}

/** The window on a recorded machine with "This computer" (or its free variant) picked, detection done. */
void pickThisComputer(MainWindow &w, const char *name, const QString &key = QStringLiteral("this"))
{
    w.inputsPanel()->thisComputer()->setProbe(machine(name));
    choose(child<QComboBox>(w, "gpuCombo"), key);
    QTRY_VERIFY(w.inputsPanel()->thisComputer()->state() == ThisComputer::State::Done);
}

QString labelText(MainWindow &w) { return child<QLabel>(w, "thisComputerLabel")->text(); }

} // namespace

class TestThisComputer : public QObject
{
    Q_OBJECT

private slots:
    void pickerShowsTheDetectedDevices_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("shown");
        QTest::addColumn<int>("devices");
        QTest::addColumn<double>("ramGiB");
        // Figures of tests/data/probe/<name>/SOURCE; RAM is MemTotal in whole GiB, rounded down.
        QTest::newRow("nvidia, 2 gpus") << "nvidia-rtx4090x2"
                                        << QStringList{"NVIDIA GeForce RTX 4090: 23.99 GiB VRAM, 23.49 GiB free",
                                                       "NVIDIA GeForce RTX 4090: 23.99 GiB VRAM, 23.54 GiB free",
                                                       "System RAM: 15.52 GiB, 7.98 GiB available"}
                                        << 2 << 15.0;
        // No /proc/meminfo in the case: RAM stays unknown.
        QTest::newRow("amd apu") << "amd-strix-halo"
                                 << QStringList{"Radeon 8060S Graphics: 96.00 GiB GTT (shared system RAM)"} << 1 << 0.0;
        // A Mac's host RAM is what the GPU leaves (the estimator's rule), so the box stays as it was.
        QTest::newRow("mac") << "mac-m1max" << QStringList{"Apple M1 Max: 32.00 GiB unified memory", "System RAM: 32.00 GiB"}
                             << 1 << 0.0;
        QTest::newRow("no gpu") << "no-gpu" << QStringList{"No GPU detected", "System RAM: 15.52 GiB"} << 0 << 15.0;
    }
    void pickerShowsTheDetectedDevices()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, shown);
        QFETCH(int, devices);
        QFETCH(double, ramGiB);
        MainWindow w(gui::test::catalog(), nullptr);
        pickThisComputer(w, qPrintable(name));
        const QString text = labelText(w);
        for (const QString &s : shown)
            QVERIFY2(text.contains(s), qPrintable(text));
        QVERIFY(child<QLabel>(w, "thisComputerLabel")->isVisibleTo(&w));
        QVERIFY(!child<QSpinBox>(w, "gpuCountSpin")->isEnabled());
        QCOMPARE(child<QDoubleSpinBox>(w, "ramSpin")->value(), ramGiB);

        // The window estimates exactly what deviceChoices gives for this machine.
        QVERIFY(w.evaluation().ok());
        const auto detection = probe::detectSystem(*machine(qPrintable(name)), gui::test::catalog().hardware());
        const auto expected = probe::deviceChoices(detection, gui::test::catalog().hardware(), probe::CapacityBasis::Total);
        QCOMPARE(int(expected.size()), devices);
        const RequestInputs in = w.inputs().toRequestInputs();
        QVERIFY(in.gpus == expected);
        QCOMPARE(w.evaluation().placement->devices.size(), expected.size());
    }

    void freeMemoryVariant()
    {
        MainWindow w(gui::test::catalog(), nullptr);
        pickThisComputer(w, "nvidia-rtx4090x2", QStringLiteral("this-free"));
        const auto &devices = w.evaluation().placement->devices;
        QCOMPARE(devices.size(), std::size_t(2));
        QCOMPARE(devices[0].capacity, 24057 * MiB);
        QCOMPARE(devices[1].capacity, 24105 * MiB);
        // RAM from MemAvailable (8366284 KiB = 7.98 GiB), rounded down.
        QCOMPARE(child<QDoubleSpinBox>(w, "ramSpin")->value(), 7.0);
    }

    void withoutAProbeNothingIsRead()
    {
        MainWindow w(gui::test::catalog(), nullptr);
        choose(child<QComboBox>(w, "gpuCombo"), QStringLiteral("this"));
        QVERIFY(labelText(w).contains(QStringLiteral("No GPU detected")));
        QVERIFY(w.inputs().thisDevices.empty());
        // Picking a catalog card hides the line again.
        choose(child<QComboBox>(w, "gpuCombo"), QStringLiteral("rtx-4090"));
        QVERIFY(!child<QLabel>(w, "thisComputerLabel")->isVisibleTo(&w));
    }

    void detectionDoesNotBlockTheWindow()
    {
        MainWindow w(gui::test::catalog(), nullptr);
        w.show();
        auto slow = std::make_shared<const SlowProbe>(
            headroom::test::recordedMachine(std::filesystem::path(HEADROOM_TEST_DATA_DIR) / "probe" / "nvidia-rtx3060"));
        w.inputsPanel()->thisComputer()->setProbe(slow);
        QElapsedTimer t;
        t.start();
        choose(child<QComboBox>(w, "gpuCombo"), QStringLiteral("this"));
        QVERIFY2(t.elapsed() < 500, "picking This computer waited for detection");
        QCOMPARE(w.inputsPanel()->thisComputer()->state(), ThisComputer::State::Detecting);
        QVERIFY(labelText(w).contains(QStringLiteral("Detecting")));
        QTRY_VERIFY_WITH_TIMEOUT(w.inputsPanel()->thisComputer()->state() == ThisComputer::State::Done, 10000);
        QVERIFY2(labelText(w).contains(QStringLiteral("NVIDIA GeForce RTX 3060: 12.00 GiB VRAM")), qPrintable(labelText(w)));
        QCOMPARE(w.evaluation().placement->devices.size(), std::size_t(1));
        QCOMPARE(w.evaluation().placement->devices[0].id, std::string("rtx-3060-12gb"));
    }

    void commandLineThisComputer()
    {
        GuiInputs in;
        RequestInputs request;
        request.model = "qwen3-8b";
        request.gpus = {DeviceChoice("this")};
        QVERIFY(!in.takeRequest(request));
        QCOMPARE(in.gpu, QStringLiteral("this"));
        MainWindow w(gui::test::catalog(), nullptr);
        w.inputsPanel()->thisComputer()->setProbe(machine("nvidia-rtx3060"));
        w.setInputs(in);
        QCOMPARE(child<QComboBox>(w, "gpuCombo")->currentData(KeyRole).toString(), QStringLiteral("this"));
        w.inputsPanel()->thisComputer()->waitForDetection();
        QCOMPARE(w.evaluation().placement->devices.size(), std::size_t(1));
    }

    void aboutDialog()
    {
        MainWindow w(gui::test::catalog(), nullptr);
        QVERIFY(w.findChild<QAction *>(QStringLiteral("aboutAction")));
        AboutDialog about(gui::test::catalog(), &w);
        const QString text = child<QLabel>(about, "aboutText")->text();
        QVERIFY2(QRegularExpression(QStringLiteral("<h2>Headroom \\d+\\.\\d+\\.\\d+</h2>")).match(text).hasMatch(), qPrintable(text));
        for (const char *s : {"GPL-3.0-or-later", "resources/catalog", "docs/accuracy.md", "llama.cpp"})
            QVERIFY2(text.contains(QLatin1String(s)), s);
        // The figures are docs/accuracy.md's own: engine, check rows, mean and max error.
        const auto rows = AboutDialog::accuracyRows();
        QVERIFY(rows.size() >= 5);
        QCOMPARE(rows[0].size(), 4);
        QVERIFY(rows[0][2].endsWith(QLatin1String("%")));
        QVERIFY(!AboutDialog::applicationIcon().pixmap(64, 64).isNull());
    }

    void helpAndVersion()
    {
        QProcess p;
        p.start(QStringLiteral(HEADROOM_GUI_EXE), {"--help"});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray help = p.readAllStandardOutput();
        QVERIFY(help.contains("--screenshot") && help.contains("--gpu") && help.contains("this"));
        p.start(QStringLiteral(HEADROOM_GUI_EXE), {"--version"});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().startsWith("headroom "));
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("about.png"));
        p.start(QStringLiteral(HEADROOM_GUI_EXE), {"--screenshot", png, "--about"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(!QImage(png).isNull());
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("HEADROOM_SHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set HEADROOM_SHOT_DIR to write the pictures");
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            QTranslator translator;
            if (lang != QLatin1String("en")) {
                QVERIFY(translator.load(QStringLiteral(":/i18n/headroom_%1.qm").arg(lang)));
                QCoreApplication::installTranslator(&translator);
                QLocale::setDefault(QLocale(lang));
            }
            for (const char *name : {"nvidia-rtx4090x2", "amd-strix-halo", "mac-m1max", "no-gpu"}) {
                MainWindow w(gui::test::catalog(), nullptr);
                w.resize(1280, 800);
                w.show();
                pickThisComputer(w, name);
                w.settle();
                QApplication::processEvents();
                QVERIFY(w.grab().save(QStringLiteral("%1/this-%2-%3.png").arg(dir, QLatin1String(name), lang)));
            }
            MainWindow w(gui::test::catalog(), nullptr);
            AboutDialog about(gui::test::catalog(), &w);
            about.show();
            QApplication::processEvents();
            QVERIFY(about.grab().save(QStringLiteral("%1/about-%2.png").arg(dir, lang)));
            QCoreApplication::removeTranslator(&translator);
            QLocale::setDefault(QLocale::c());
        }
    }
};

QTEST_MAIN(TestThisComputer)
#include "tst_this_computer.moc"
