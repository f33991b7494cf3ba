// SPDX-License-Identifier: GPL-3.0-or-later
#include "export_actions.h"

#include "chart_panel.h"
#include "main_window.h"
#include "texts.h"

#include <csv_report.h>
#include <estimate_json.h>
#include <markdown_report.h>

#include <nlohmann/json.hpp>

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QFileDialog>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QPixmap>
#include <QRegularExpression>
#include <QSaveFile>

namespace headroom::gui {
namespace {

std::string s(const QString &text)
{
    return text.toStdString();
}

} // namespace

ExportActions::ExportActions(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("exportActions"));
    m_menu = new QMenu(tr("&Export"), window);
    m_menu->setObjectName(QStringLiteral("exportMenu"));
    const struct {
        Format format;
        QString text;
        const char *name;
    } items[] = {
        {Format::Markdown, tr("&Markdown…"), "exportMarkdownAction"},
        {Format::Csv, tr("&CSV (breakdown)…"), "exportCsvAction"},
        {Format::Json, tr("&JSON (as headroom-cli --json)…"), "exportJsonAction"},
        {Format::Png, tr("&PNG (chart)…"), "exportPngAction"},
    };
    for (const auto &item : items) {
        QAction *a = m_menu->addAction(item.text, this, [this, f = item.format] { exportAs(f); });
        a->setObjectName(QString::fromLatin1(item.name));
        m_actions[static_cast<int>(item.format)] = a;
    }
    m_copy = new QAction(tr("Copy as &Markdown"), window);
    m_copy->setObjectName(QStringLiteral("copyMarkdownAction"));
    m_copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copy, &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(QString::fromUtf8(contents(Format::Markdown))); });
    refresh();
}

QAction *ExportActions::action(Format format) const
{
    return m_actions[static_cast<int>(format)];
}

options::ReportLabels ExportActions::translatedLabels()
{
    options::ReportLabels l;
    l.title = s(tr("Headroom estimate"));
    l.device = s(tr("Device"));
    l.weights = s(tr("Weights"));
    l.kvCache = s(tr("KV cache"));
    l.compute = s(tr("Compute"));
    l.overhead = s(tr("Overhead"));
    l.total = s(tr("Total"));
    l.usable = s(tr("Usable"));
    l.layers = s(tr("Layers"));
    l.gib = s(tr("GiB"));
    l.hostRam = s(tr("Host RAM"));
    l.unknown = s(tr("unknown"));
    //: The colon after a label in the exported Markdown ("Verdict: Fits"); Chinese uses the full-width one.
    l.colon = s(tr(":"));
    l.verdict = s(tr("Verdict"));
    l.layersOnGpu = s(tr("Layers on GPU"));
    l.headroom = s(tr("Headroom"));
    l.overBy = s(tr("Over by"));
    l.fixes = s(tr("Fixes"));
    l.assumptions = s(tr("Assumptions"));
    l.notices = s(tr("Notices"));
    l.model = s(tr("Model"));
    l.modelFile = s(tr("Model file"));
    l.quantization = s(tr("Quantization"));
    l.engine = s(tr("Engine"));
    l.behaviourFrom = s(tr("behaviour from version"));
    l.context = s(tr("Context"));
    l.tokensPerSequence = s(tr("tokens per sequence"));
    l.parallel = s(tr("Parallel sequences"));
    l.chosenByEngine = s(tr("chosen by the engine"));
    l.asRequested = s(tr("as requested"));
    l.kvType = s(tr("KV cache type"));
    l.flashAttention = s(tr("Flash attention"));
    l.on = s(tr("on"));
    l.off = s(tr("off"));
    l.maxContext = s(tr("Longest context on the GPUs"));
    l.decodeSpeed = s(tr("Decode speed"));
    l.tokensPerSecond = s(tr("tokens/s"));
    l.footer = s(tr("Estimated by Headroom; every figure is an estimate of the engine's allocations."));
    l.verdictText = [](Verdict v) { return s(Texts::verdict(v)); };
    l.noticeText = [](Notice n) { return s(Texts::notice(n)); };
    l.fixText = [](const Fix &f) { return s(Texts::fix(f)); };
    return l;
}

QByteArray ExportActions::contents(Format format) const
{
    const Evaluation &e = m_window->evaluation();
    if (!e.ok())
        return {};
    const options::EstimateReport report{&e.inputs, e.resolved.get(), &*e.placement, &e.fixes};
    switch (format) {
    case Format::Markdown: return QByteArray::fromStdString(options::markdownReport(report, translatedLabels()));
    case Format::Csv: return QByteArray::fromStdString(options::csvReport(report));
    case Format::Json: return QByteArray::fromStdString(options::estimateJson(report).dump(2) + "\n");
    case Format::Png: {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        m_window->chartPanel()->grab().toImage().save(&buffer, "PNG");
        return png;
    }
    }
    return {};
}

std::optional<QString> ExportActions::saveTo(const QString &path, Format format) const
{
    const QByteArray bytes = contents(format);
    if (bytes.isEmpty())
        return tr("There is no result to export.");
    // QSaveFile: a failed write leaves any file already at `path` as it was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return std::nullopt;
}

QString ExportActions::suggestedName(Format format) const
{
    const Evaluation &e = m_window->evaluation();
    QString base = QStringLiteral("headroom");
    if (e.ok())
        base += QLatin1Char('-') +
                QString::fromStdString(e.resolved->request.model->id + "-" + e.resolved->quant->id + "-" + e.resolved->request.engine->id);
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    switch (format) {
    case Format::Markdown: return base + QStringLiteral(".md");
    case Format::Csv: return base + QStringLiteral(".csv");
    case Format::Json: return base + QStringLiteral(".json");
    case Format::Png: return base + QStringLiteral(".png");
    }
    return base;
}

void ExportActions::exportAs(Format format)
{
    QString filter;
    switch (format) {
    case Format::Markdown: filter = tr("Markdown (*.md)"); break;
    case Format::Csv: filter = tr("CSV (*.csv)"); break;
    case Format::Json: filter = tr("JSON (*.json)"); break;
    case Format::Png: filter = tr("PNG image (*.png)"); break;
    }
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export"), suggestedName(format), filter);
    if (path.isEmpty())
        return;
    if (const auto error = saveTo(path, format))
        QMessageBox::warning(m_window, tr("Export"), *error);
}

void ExportActions::refresh()
{
    const bool ok = m_window->evaluation().ok();
    for (QAction *a : m_actions)
        a->setEnabled(ok);
    m_copy->setEnabled(ok);
}

} // namespace headroom::gui
