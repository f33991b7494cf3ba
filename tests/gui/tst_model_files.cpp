// SPDX-License-Identifier: GPL-3.0-or-later
// Model files in the app: File → Open, drag-and-drop and "My models" size exactly what is on disk.
#include "test_support.h"

#include "gguf_writer.h"

#include "main_window.h"
#include "model_files.h"
#include "my_models_panel.h"
#include "texts.h"
#include "verdict_banner.h"

#include <headroom/io/model_loader.h>

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMimeData>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUrl>

#include <fstream>

using namespace headroom;
using namespace headroom::gui;

namespace {

/** Writes the GGUF header llama.cpp's converter would write for a catalog model (data region sparse). */
QString writeGguf(const QString &path, const char *modelId, const char *quantId)
{
    const ModelSpec *spec = test::catalog().findModel(modelId);
    const Quantization *quant = test::catalog().findQuantization(quantId);
    if (!spec || !quant)
        qFatal("unknown fixture %s %s", modelId, quantId);
    const auto inv = buildInventory(*spec, *quant);
    if (!inv || !testing::ggufForSpec(*spec, *inv, quant->id).write(path.toStdString()))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

/** What the engine says for the file, computed without the widgets. */
Placement engineAnswerForFile(const GuiInputs &in)
{
    auto loaded = io::loadModelPath(in.model.toStdString());
    if (!std::holds_alternative<FileModel>(loaded))
        qFatal("fixture does not load");
    RequestInputs r = in.toRequestInputs();
    r.file = std::make_shared<const FileModel>(std::get<FileModel>(std::move(loaded)));
    return test::engineAnswer(r);
}

} // namespace

class TestModelFiles : public QObject
{
    Q_OBJECT

private slots:
    void openedGgufIsSizedExactly_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("quant");
        QTest::newRow("dense qwen2.5-7b Q4_K_M") << "qwen2.5-7b-instruct" << "Q4_K_M";
        QTest::newRow("sliding-window gemma-3-4b Q8_0") << "gemma-3-4b-it" << "Q8_0";
        QTest::newRow("moe qwen3-30b-a3b Q4_K_M") << "qwen3-30b-a3b" << "Q4_K_M";
    }
    void openedGgufIsSizedExactly()
    {
        QFETCH(QString, model);
        QFETCH(QString, quant);
        QTemporaryDir dir;
        const QString path = writeGguf(dir.filePath(model + ".gguf"), qPrintable(model), qPrintable(quant));
        MainWindow w(test::catalog(), nullptr);
        w.openModelPath(path);
        QCOMPARE(w.inputs().model, path);
        const Evaluation &e = w.evaluation();
        QVERIFY2(e.ok(), qPrintable(w.verdictBanner()->detail()));
        QVERIFY(e.resolved->inventory->exact);
        QCOMPARE(QString::fromStdString(e.resolved->quant->id), quant);
        const Placement expected = engineAnswerForFile(w.inputs());
        QCOMPARE(e.placement->devices.size(), expected.devices.size());
        QCOMPARE(e.placement->devices.front().total(), expected.devices.front().total());
        QCOMPARE(e.placement->verdict, expected.verdict);
        // The panel says which file is being sized.
        const auto *info = w.findChild<QLabel *>(QStringLiteral("modelInfoLabel"));
        QVERIFY(info && info->text().contains(model + ".gguf"));
    }

    void fixesOfAFileModelDoWhatTheySay()
    {
        // A Q8_0 14B file at 16K does not fit 16 GB; each fix the banner offers must give the result it promised
        // once clicked, including "use a smaller quantization" of a file that holds Q8_0 tensors.
        QTemporaryDir dir;
        const QString path = writeGguf(dir.filePath(QStringLiteral("q14.gguf")), "qwen2.5-14b-instruct", "Q8_0");
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in = w.inputs();
        in.model = path;
        in.gpu = QStringLiteral("rtx-4060-ti-16gb");
        in.ctx = 16384;
        w.setInputs(in);
        QCOMPARE(w.evaluation().placement->verdict, Verdict::PartialOffload);
        const std::vector<Fix> fixes = w.evaluation().fixes;
        QVERIFY(std::any_of(fixes.begin(), fixes.end(), [](const Fix &f) { return f.kind == Fix::Kind::SmallerQuant; }));
        for (const Fix &fix : fixes) {
            w.setInputs(in);
            emit w.verdictBanner()->fixActivated(fix);
            QVERIFY(w.evaluation().ok());
            QCOMPARE(w.evaluation().placement->verdict, fix.result.verdict);
            QCOMPARE(w.evaluation().placement->devices.front().total(), fix.result.devices.front().total());
        }
    }

    void corruptFileSaysWhereInTheBanner()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.gguf"));
        {
            std::ofstream out(path.toStdString(), std::ios::binary);
            out.write("GGUF\x03\x00\x00\x00garbage", 15);
        }
        MainWindow w(test::catalog(), nullptr);
        const GuiInputs before = w.inputs();
        w.openModelPath(path);
        QVERIFY(!w.evaluation().ok());
        QVERIFY(w.evaluation().fileError.has_value());
        QCOMPARE(w.verdictBanner()->title(), QStringLiteral("Cannot read the model file"));
        QVERIFY2(w.verdictBanner()->detail().contains(QStringLiteral("broken.gguf")), qPrintable(w.verdictBanner()->detail()));
        QVERIFY(w.verdictBanner()->detail().contains(QStringLiteral("byte 8")));
        // The path stays: the user sees what failed rather than a silent switch to another model.
        QCOMPARE(w.inputs().model, path);
        // Choosing a catalog model again recovers.
        w.setInputs(before);
        QVERIFY(w.evaluation().ok());
    }

    void dropOpensTheFile()
    {
        QTemporaryDir dir;
        const QString path = writeGguf(dir.filePath(QStringLiteral("dropped.gguf")), "llama-3.2-1b-instruct", "Q8_0");
        MainWindow w(test::catalog(), nullptr);
        QMimeData text;
        text.setText(QStringLiteral("not a file"));
        QDragEnterEvent ignored(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        ignored.ignore();
        QCoreApplication::sendEvent(&w, &ignored);
        QVERIFY(!ignored.isAccepted());

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        enter.ignore();
        QCoreApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&w, &drop);
        QCOMPARE(w.inputs().model, path);
        QVERIFY(w.evaluation().ok());
    }

    void myModelsListsLibrariesWithVerdicts()
    {
        // A Hugging Face cache with one GGUF repository, under a home folder the test owns.
        QTemporaryDir home;
        const QString repo = home.filePath(QStringLiteral(".cache/huggingface/hub/models--Qwen--Qwen2.5-7B-Instruct-GGUF"));
        QVERIFY(QDir().mkpath(repo + QStringLiteral("/snapshots/abc123")));
        QVERIFY(QDir().mkpath(repo + QStringLiteral("/refs")));
        {
            std::ofstream ref((repo + QStringLiteral("/refs/main")).toStdString());
            ref << "abc123";
        }
        const QString file = writeGguf(repo + QStringLiteral("/snapshots/abc123/qwen2.5-7b-instruct-q4_k_m.gguf"),
                                       "qwen2.5-7b-instruct", "Q4_K_M");

        MainWindow w(test::catalog(), nullptr);
        io::ScanRoots roots;
        roots.home = home.path().toStdString();
        w.myModelsPanel()->setRoots(roots);
        w.showMyModels();
        QTableWidget *table = w.myModelsPanel()->table();
        QCOMPARE(table->rowCount(), 1);
        QVERIFY(table->item(0, MyModelsPanel::NameColumn)->text().contains(QStringLiteral("Qwen/Qwen2.5-7B-Instruct-GGUF")));
        QCOMPARE(table->item(0, MyModelsPanel::LibraryColumn)->text(), QStringLiteral("Hugging Face"));

        GuiInputs onCard = w.inputs();
        onCard.model = file;
        QCOMPARE(table->item(0, MyModelsPanel::VerdictColumn)->text(), Texts::verdict(engineAnswerForFile(onCard).verdict));

        // The verdict follows the hardware on the left.
        GuiInputs small = w.inputs();
        small.gpu = QStringLiteral("custom");
        small.customGiB = 2.0;
        w.setInputs(small);
        onCard.gpu = small.gpu;
        onCard.customGiB = small.customGiB;
        QCOMPARE(table->item(0, MyModelsPanel::VerdictColumn)->text(), Texts::verdict(engineAnswerForFile(onCard).verdict));

        emit table->cellActivated(0, MyModelsPanel::NameColumn);
        QCOMPARE(w.inputs().model, file);
        QVERIFY(w.evaluation().ok());
    }

    void ollamaBlobRunsOnOllama()
    {
        // A blob in the Ollama store is sized on Ollama, in the table and once opened, as the CLI's scan does
        // (both build the request with requestFor).
        QTemporaryDir home;
        const QString models = home.filePath(QStringLiteral(".ollama/models"));
        const std::string digest(64, 'd');
        QVERIFY(QDir().mkpath(models + QStringLiteral("/manifests/registry.ollama.ai/library/qwen2.5")));
        QVERIFY(QDir().mkpath(models + QStringLiteral("/blobs")));
        {
            std::ofstream manifest((models + QStringLiteral("/manifests/registry.ollama.ai/library/qwen2.5/7b")).toStdString());
            // (no raw string literals here: moc does not parse them)
            manifest << "{\"schemaVersion\":2,\"layers\":[{\"mediaType\":\"application/vnd.ollama.image.model\",\"digest\":\"sha256:"
                     << digest << "\",\"size\":1}]}";
        }
        const QString blob = writeGguf(models + QStringLiteral("/blobs/sha256-") + QString::fromStdString(digest),
                                       "qwen2.5-7b-instruct", "Q4_K_M");

        MainWindow w(test::catalog(), nullptr);
        io::ScanRoots roots;
        roots.home = home.path().toStdString();
        w.myModelsPanel()->setRoots(roots);
        w.showMyModels();
        QTableWidget *table = w.myModelsPanel()->table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, MyModelsPanel::LibraryColumn)->text(), QStringLiteral("Ollama"));
        GuiInputs onOllama = w.inputs();
        onOllama.model = blob;
        onOllama.engine = QStringLiteral("ollama");
        const Placement expected = engineAnswerForFile(onOllama);
        QCOMPARE(table->item(0, MyModelsPanel::VerdictColumn)->text(), Texts::verdict(expected.verdict));

        emit table->cellActivated(0, MyModelsPanel::NameColumn);
        QCOMPARE(w.inputs().model, blob);
        QCOMPARE(w.inputs().engine, QStringLiteral("ollama"));
        QVERIFY(w.evaluation().ok());
        QCOMPARE(w.evaluation().resolved->request.engine->id, std::string("ollama"));
        QCOMPARE(w.evaluation().placement->devices.front().total(), expected.devices.front().total());
    }

    void changedFilesAreReadAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.gguf"));
        writeGguf(path, "qwen2.5-0.5b-instruct", "Q8_0");
        ModelFiles files;
        const auto *first = std::get_if<std::shared_ptr<const FileModel>>(&files.load(path.toStdString()));
        QVERIFY(first);
        const auto firstPtr = *first;
        const auto *again = std::get_if<std::shared_ptr<const FileModel>>(&files.load(path.toStdString()));
        QVERIFY(again && *again == firstPtr); // read once
        writeGguf(path, "qwen2.5-0.5b-instruct", "Q4_K_M");
        const auto *changed = std::get_if<std::shared_ptr<const FileModel>>(&files.load(path.toStdString()));
        QVERIFY(changed && *changed != firstPtr);
        QCOMPARE(QString::fromStdString((*changed)->quant), QStringLiteral("Q4_K_M"));
    }

    void displayNames_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("shown");
        QTest::newRow("gguf") << "/m/qwen.gguf" << "qwen.gguf";
        QTest::newRow("config.json") << "/m/Qwen2.5-7B/config.json" << "Qwen2.5-7B/config.json";
    }
    void displayNames()
    {
        QFETCH(QString, path);
        QFETCH(QString, shown);
        QCOMPARE(ModelFiles::displayName(path), shown);
    }
};

QTEST_MAIN(TestModelFiles)
#include "tst_model_files.moc"
