// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/catalog.h>

#include <QDialog>
#include <QIcon>

namespace headroom::gui {

/**
 * Help → About: version, licence, and where the figures come from (the catalogs' sources, and the accuracy
 * table of docs/accuracy.md, embedded at build time so the dialog and the document cannot disagree).
 */
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(const Catalog &catalog, QWidget *parent = nullptr);

    /** The app icon (resources/icons), from its PNG renderings: Qt reads SVG only with an optional plugin. */
    [[nodiscard]] static QIcon applicationIcon();
    /** The check rows of docs/accuracy.md's table: engine, rows, mean and max absolute error; empty if unreadable. */
    [[nodiscard]] static QList<QStringList> accuracyRows();
};

} // namespace headroom::gui
