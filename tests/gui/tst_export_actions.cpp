// SPDX-License-Identifier: GPL-3.0-or-later
// File → Export and Edit → Copy as Markdown: the window's exports are app/options' formatters on the window's
// own estimate (JSON = headroom-cli --json of the same request), and a failed save leaves the old file.
#include "test_support.h"

#include "export_actions.h"
#include "main_window.h"

#include <estimate_json.h>
#include <markdown_report.h>

#include <nlohmann/json.hpp>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QImage>
#include <QMenu>
#include <QMenuBar>

using namespace headroom;
using namespace headroom::gui;

class TestExportActions : public QObject
{
    Q_OBJECT

private slots:
    void exportsAreTheFormattersOutput()
    {
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in;
        in.model = QStringLiteral("qwen2.5-32b-instruct");
        in.quant = QStringLiteral("Q4_K_M");
        in.engine = QStringLiteral("llama.cpp");
        in.gpu = QStringLiteral("rtx-4090");
        in.ctx = 8192;
        w.setInputs(in);
        ExportActions *x = w.exportActions();
        QVERIFY(x);
        // The menus hold the actions.
        QVERIFY(w.findChild<QMenu *>(QStringLiteral("exportMenu")));
        QVERIFY(w.findChild<QMenu *>(QStringLiteral("editMenu"))->actions().contains(x->copyMarkdownAction()));
        for (const auto f : {ExportActions::Format::Markdown, ExportActions::Format::Csv, ExportActions::Format::Json, ExportActions::Format::Png})
            QVERIFY(x->action(f)->isEnabled());

        const RequestInputs request = in.toRequestInputs();
        auto resolved = resolveRequest(test::catalog(), request);
        const auto &rr = std::get<ResolvedRequest>(resolved);
        const Placement p = estimate(rr.request);
        const std::vector<Fix> none;
        const options::EstimateReport report{&request, &rr, &p, &none};
        QCOMPARE(nlohmann::json::parse(x->contents(ExportActions::Format::Json).toStdString()), options::estimateJson(report));
        QCOMPARE(x->contents(ExportActions::Format::Markdown).toStdString(), options::markdownReport(report));
        QImage png;
        QVERIFY(png.loadFromData(x->contents(ExportActions::Format::Png), "PNG"));
        QVERIFY(png.width() > 100 && png.height() > 50);

        x->copyMarkdownAction()->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QString::fromStdString(options::markdownReport(report)));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.csv"));
        QVERIFY(!x->saveTo(path, ExportActions::Format::Csv));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), x->contents(ExportActions::Format::Csv));
        QVERIFY(x->saveTo(dir.filePath(QStringLiteral("no/such/folder/r.md")), ExportActions::Format::Markdown));
    }

    void nothingToExportDisablesTheActions()
    {
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in;
        in.engine = QStringLiteral("mlx"); // MLX runs on Apple Silicon only: no estimate for an RTX 4090
        in.gpu = QStringLiteral("rtx-4090");
        w.setInputs(in);
        QVERIFY(!w.evaluation().ok());
        QVERIFY(!w.exportActions()->copyMarkdownAction()->isEnabled());
        QVERIFY(!w.exportActions()->action(ExportActions::Format::Json)->isEnabled());
        QVERIFY(w.exportActions()->contents(ExportActions::Format::Markdown).isEmpty());
    }
};

QTEST_MAIN(TestExportActions)
#include "tst_export_actions.moc"
