// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <report_labels.h>

#include <QByteArray>
#include <QObject>
#include <QString>

#include <optional>

class QAction;
class QImage;
class QIODevice;
class QMenu;

namespace headroom::gui {

class MainWindow;

/**
 * File → Export (Markdown, CSV, JSON, PNG) and Edit → Copy as Markdown for the window's current result.
 * The text formats are app/options' formatters, the ones `headroom-cli estimate --format` prints, so a file
 * saved here and the CLI's output for the same request agree; Markdown gets the window's translated words.
 */
class ExportActions : public QObject
{
    Q_OBJECT
public:
    enum class Format { Markdown, Csv, Json, Png };

    explicit ExportActions(MainWindow *window);

    [[nodiscard]] QMenu *exportMenu() const { return m_menu; }
    [[nodiscard]] QAction *copyMarkdownAction() const { return m_copy; }
    [[nodiscard]] QAction *action(Format format) const;

    /** The words of the Markdown report in the interface language. */
    [[nodiscard]] static options::ReportLabels translatedLabels();

    /** The current result in `format` (PNG: the chart as drawn); empty when there is no result. */
    [[nodiscard]] QByteArray contents(Format format) const;
    /** Writes the current result to `path` atomically; an error is one translated line. */
    [[nodiscard]] std::optional<QString> saveTo(const QString &path, Format format) const;

    /** Enables the actions when there is a result to export (the window calls it after each recompute). */
    void refresh();

private:
    void exportAs(Format format);
    [[nodiscard]] QString suggestedName(Format format) const;

    MainWindow *m_window;
    QMenu *m_menu = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_actions[4] = {};
};

} // namespace headroom::gui
