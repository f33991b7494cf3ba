// SPDX-License-Identifier: GPL-3.0-or-later
#include "about_dialog.h"

#include "texts.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace headroom::gui {

QIcon AboutDialog::applicationIcon()
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/%1.png").arg(size), QSize(size, size));
    return icon;
}

QList<QStringList> AboutDialog::accuracyRows()
{
    QFile f(QStringLiteral(":/docs/accuracy.md"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    // The first table: "| engine | check rows | **check mean abs** | **check max abs** | ...", a separator, rows.
    QList<QStringList> rows;
    bool inTable = false;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1Char('|'))) {
            if (inTable)
                break;
            continue;
        }
        QStringList cells = line.split(QLatin1Char('|'));
        if (cells.size() < 6)
            continue;
        if (!inTable) {
            inTable = cells[1].trimmed() == QLatin1String("engine");
            continue;
        }
        if (cells[1].trimmed().startsWith(QLatin1String("---")))
            continue;
        QStringList row;
        for (int i = 1; i <= 4; ++i)
            row << cells[i].remove(QLatin1String("**")).trimmed();
        rows << row;
    }
    return rows;
}

AboutDialog::AboutDialog(const Catalog &catalog, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Headroom"));

    auto *icon = new QLabel;
    icon->setPixmap(applicationIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    QString html = QStringLiteral("<h2>Headroom %1</h2>").arg(QStringLiteral(HEADROOM_VERSION));
    html += QStringLiteral("<p>%1</p>").arg(tr("Will this LLM run on this hardware, and how well?").toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("Licence: GPL-3.0-or-later. Headroom is free software and comes with no warranty.").toHtmlEscaped());
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Where the figures come from").toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("The catalogs (%1 models, %2 GPUs and Macs, %3 quantizations, %4 engines) were researched from the "
                        "models' config.json files, vendors' spec sheets and the engines' source code and release notes. "
                        "Every figure carries its source in resources/catalog/*.json.")
                         .arg(catalog.models().size())
                         .arg(catalog.hardware().size())
                         .arg(catalog.quantizations().size())
                         .arg(catalog.engines().size())
                         .toHtmlEscaped());
    const QList<QStringList> rows = accuracyRows();
    if (!rows.isEmpty()) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Estimates are checked against public measurements that no constant was tuned to "
                            "(docs/accuracy.md):")
                             .toHtmlEscaped());
        html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\"><tr><th align=\"left\">%1</th>"
                               "<th align=\"right\">%2</th><th align=\"right\">%3</th><th align=\"right\">%4</th></tr>")
                    .arg(tr("engine").toHtmlEscaped(), tr("measurements").toHtmlEscaped(), tr("mean error").toHtmlEscaped(),
                         tr("largest error").toHtmlEscaped());
        for (const QStringList &r : rows)
            html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td>"
                                   "<td align=\"right\">%4</td></tr>")
                        .arg(r[0].toHtmlEscaped(), r[1].toHtmlEscaped(), r[2].toHtmlEscaped(), r[3].toHtmlEscaped());
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("Corrections with a source are welcome. Built with Qt %1, running on Qt %2.")
                         .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()))
                         .toHtmlEscaped());

    auto *text = new QLabel(html);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setMinimumWidth(460);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(text, 1);
    auto *root = new QVBoxLayout(this);
    root->addLayout(row);
    root->addWidget(buttons);
}

} // namespace headroom::gui
