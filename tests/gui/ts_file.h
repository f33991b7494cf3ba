// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

#include <optional>
#include <vector>

namespace headroom::gui::test {

/** One <message> of a Qt Linguist .ts file, as the translation tests compare them. */
struct TsMessage {
    QString context;
    QString source;
    QString comment;   // the disambiguation: part of the key, as in tr(source, comment)
    QString type;      // translation's type attribute: "", "unfinished", "vanished" or "obsolete"
    QStringList forms; // the translation; one entry per <numerusform> for a numerus message
    bool numerus = false;
    QString location; // first <location>: "file:line" as lupdate wrote it
    /** What identifies a message for Qt's translator: context, source and disambiguation. */
    [[nodiscard]] QString key() const { return context + QChar(0x1f) + source + QChar(0x1f) + comment; }
    /** How a failure names it: [context] "source" (comment) at file:line. */
    [[nodiscard]] QString name() const
    {
        QString out = QStringLiteral("[%1] \"%2\"").arg(context, QString(source).replace(QLatin1Char('\n'), QLatin1String("\\n")));
        if (!comment.isEmpty())
            out += QStringLiteral(" (%1)").arg(comment);
        if (!location.isEmpty())
            out += QStringLiteral(" at %1").arg(location);
        return out;
    }
};

/** Reads every message of a .ts file; std::nullopt (and `error`) when it cannot be read or parsed. */
inline std::optional<std::vector<TsMessage>> readTsFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return std::nullopt;
    }
    std::vector<TsMessage> out;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto tag = xml.name();
        if (tag == QLatin1String("TS"))
            continue;
        if (tag == QLatin1String("context"))
            continue;
        if (tag == QLatin1String("name")) {
            context = xml.readElementText();
            continue;
        }
        if (tag != QLatin1String("message")) {
            xml.skipCurrentElement();
            continue;
        }
        TsMessage m;
        m.context = context;
        m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        while (xml.readNextStartElement()) {
            const auto part = xml.name();
            if (part == QLatin1String("location")) {
                if (m.location.isEmpty()) {
                    m.location = xml.attributes().value(QLatin1String("filename")).toString();
                    if (const auto line = xml.attributes().value(QLatin1String("line")); !line.isEmpty())
                        m.location += QLatin1Char(':') + line.toString();
                }
                xml.skipCurrentElement();
            } else if (part == QLatin1String("source")) {
                m.source = xml.readElementText();
            } else if (part == QLatin1String("comment")) {
                m.comment = xml.readElementText();
            } else if (part == QLatin1String("translation")) {
                m.type = xml.attributes().value(QLatin1String("type")).toString();
                if (m.numerus) {
                    while (xml.readNextStartElement()) {
                        if (xml.name() == QLatin1String("numerusform"))
                            m.forms << xml.readElementText();
                        else
                            xml.skipCurrentElement();
                    }
                } else {
                    m.forms << xml.readElementText();
                }
            } else {
                xml.skipCurrentElement();
            }
        }
        out.push_back(std::move(m));
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return std::nullopt;
    }
    return out;
}

} // namespace headroom::gui::test
