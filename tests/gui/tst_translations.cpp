// SPDX-License-Identifier: GPL-3.0-or-later
// The Simplified Chinese translation is finished: Qt's lupdate extracts every string of app/gui into a
// scratch .ts, and each one must be in resources/translations/headroom_zh_CN.ts with a finished,
// non-empty translation that keeps its placeholders and uses the glossary's terms; the committed .ts
// carries nothing the code no longer has. Each failure names the strings (resources/translations/README.md
// says how to add one).
#include "ts_file.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace headroom::gui::test;

namespace {

struct Term {
    QString english;
    QString chinese;
};

/** `text` contains `term` as whole words (any case), a plural "s"/"es" allowed after it. */
bool containsTerm(const QString &text, const QString &term)
{
    const QRegularExpression re(QStringLiteral("(?<![\\p{L}\\p{N}])%1(?:s|es)?(?![\\p{L}\\p{N}])").arg(QRegularExpression::escape(term)),
                                QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re.match(text).hasMatch();
}

/** The markers a translation must keep: %1..%99, %L1, %n, and a menu shortcut "&X" (not "&&"). */
QStringList markers(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    static const QRegularExpression shortcut(QStringLiteral("(?<!&)&(?!&)[\\w]"), QRegularExpression::UseUnicodePropertiesOption);
    QSet<QString> found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    if (shortcut.match(text).hasMatch())
        found.insert(QStringLiteral("&shortcut"));
    QStringList out(found.begin(), found.end());
    out.sort();
    return out;
}

QString shown(const QString &s)
{
    return QString(s).replace(QLatin1Char('\n'), QLatin1String("\\n"));
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString fresh = m_dir.filePath(QStringLiteral("fresh_zh_CN.ts"));
        const QString sources = QStringLiteral(HEADROOM_SOURCE_DIR "/app/gui");
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(HEADROOM_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("absolute"), QStringLiteral("-no-ui-lines"),
                       QStringLiteral("-source-language"), QStringLiteral("en"), QStringLiteral("-target-language"),
                       QStringLiteral("zh_CN"), sources, QStringLiteral("-ts"), fresh});
        QVERIFY2(lupdate.waitForFinished(60000), "lupdate did not finish within a minute");
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 qPrintable(QStringLiteral("lupdate failed: %1").arg(QString::fromLocal8Bit(lupdate.readAll()))));

        QString error;
        auto code = readTsFile(fresh, &error);
        QVERIFY2(code, qPrintable(error));
        auto committed = readTsFile(QStringLiteral(HEADROOM_SOURCE_DIR "/resources/translations/headroom_zh_CN.ts"), &error);
        QVERIFY2(committed, qPrintable(error));
        QVERIFY2(code->size() > 100, "lupdate found almost no strings in app/gui: is it scanning the right folder?");
        // lupdate writes locations relative to the scratch .ts: name them from the repository root instead.
        const QDir scratch(m_dir.path()), root(QStringLiteral(HEADROOM_SOURCE_DIR));
        for (auto &m : *code) {
            if (!m.location.isEmpty())
                m.location = root.relativeFilePath(QDir::cleanPath(scratch.absoluteFilePath(m.location)));
        }
        m_code = std::move(*code);
        m_committed = std::move(*committed);
        for (const auto &m : m_committed)
            m_committedByKey.insert(m.key(), &m);

        QFile glossary(QStringLiteral(HEADROOM_SOURCE_DIR "/resources/translations/glossary_zh_CN.txt"));
        QVERIFY2(glossary.open(QIODevice::ReadOnly | QIODevice::Text), "cannot open resources/translations/glossary_zh_CN.txt");
        for (const auto &raw : QString::fromUtf8(glossary.readAll()).split(QLatin1Char('\n'))) {
            const QString line = raw.trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const auto parts = line.split(QLatin1Char('|'));
            QVERIFY2(parts.size() == 2 && !parts[0].trimmed().isEmpty() && !parts[1].trimmed().isEmpty(),
                     qPrintable(QStringLiteral("glossary line is not \"term | 译名\": %1").arg(line)));
            m_glossary.push_back({parts[0].trimmed(), parts[1].trimmed()});
        }
        QVERIFY(!m_glossary.empty());
    }

    /** The glossary's matcher: whole words, any case, plurals; not a prefix of a longer word. */
    void termMatching()
    {
        QVERIFY(containsTerm(QStringLiteral("%1 of %2 layers on the GPU"), QStringLiteral("layer")));
        QVERIFY(containsTerm(QStringLiteral("Use a q8_0 KV cache"), QStringLiteral("kv cache")));
        QVERIFY(containsTerm(QStringLiteral("%1 tok/s"), QStringLiteral("tok")));
        QVERIFY(!containsTerm(QStringLiteral("%1 tokens"), QStringLiteral("tok")));
        QVERIFY(!containsTerm(QStringLiteral("Headroom"), QStringLiteral("RAM")));
        QCOMPARE(markers(QStringLiteral("&Open %2 of %1, %n and %L3")),
                 (QStringList{QStringLiteral("%1"), QStringLiteral("%2"), QStringLiteral("%L3"), QStringLiteral("%n"),
                              QStringLiteral("&shortcut")}));
        QCOMPARE(markers(QStringLiteral("Tom && Jerry")), QStringList());
    }

    void everyStringHasAFinishedTranslation()
    {
        QStringList problems;
        for (const auto &m : m_code) {
            const TsMessage *t = m_committedByKey.value(m.key());
            if (!t)
                problems << QStringLiteral("missing: %1").arg(m.name());
            else if (!t->type.isEmpty())
                problems << QStringLiteral("%1: %2").arg(t->type, m.name());
            else if (t->forms.isEmpty() || std::any_of(t->forms.begin(), t->forms.end(), [](const QString &f) { return f.isEmpty(); }))
                problems << QStringLiteral("empty translation: %1").arg(m.name());
        }
        report(problems, "strings without a finished zh_CN translation");
    }

    void noEntryOutlivesItsString()
    {
        QSet<QString> inCode;
        for (const auto &m : m_code)
            inCode.insert(m.key());
        QStringList problems;
        QSet<QString> seen;
        for (const auto &t : m_committed) {
            if (seen.contains(t.key()))
                problems << QStringLiteral("twice in the .ts (two people translated it?): %1").arg(t.name());
            seen.insert(t.key());
            if (!inCode.contains(t.key()))
                problems << QStringLiteral("no longer in app/gui: %1").arg(t.name());
            else if (t.type == QLatin1String("vanished") || t.type == QLatin1String("obsolete"))
                problems << QStringLiteral("marked %1 but still in app/gui: %2").arg(t.type, t.name());
        }
        report(problems, "entries in headroom_zh_CN.ts that app/gui no longer has (delete them)");
    }

    void placeholdersAndShortcutsAreKept()
    {
        QStringList problems;
        for (const auto &m : m_code) {
            const TsMessage *t = m_committedByKey.value(m.key());
            if (!t)
                continue; // reported by everyStringHasAFinishedTranslation
            const QStringList want = markers(m.source);
            for (const auto &form : t->forms) {
                if (markers(form) != want)
                    problems << QStringLiteral("%1 -> \"%2\": has %3, the source has %4")
                                    .arg(m.name(), shown(form), markers(form).join(QLatin1Char(' ')), want.join(QLatin1Char(' ')));
            }
        }
        report(problems, "translations that drop or add a placeholder or shortcut");
    }

    void glossaryTermsAreUsed()
    {
        QStringList problems;
        for (const auto &m : m_code) {
            const TsMessage *t = m_committedByKey.value(m.key());
            if (!t)
                continue;
            for (const auto &term : m_glossary) {
                if (!containsTerm(m.source, term.english))
                    continue;
                for (const auto &form : t->forms) {
                    if (!form.contains(term.chinese))
                        problems
                            << QStringLiteral("%1 -> \"%2\": \"%3\" should be %4").arg(m.name(), shown(form), term.english, term.chinese);
                }
            }
        }
        report(problems, "translations that do not use the glossary's term (resources/translations/glossary_zh_CN.txt)");
    }

private:
    static void report(const QStringList &problems, const char *what)
    {
        if (problems.isEmpty())
            return;
        QFAIL(qPrintable(
            QStringLiteral("%1 %2:\n  %3").arg(problems.size()).arg(QLatin1String(what)).arg(problems.join(QLatin1String("\n  ")))));
    }

    QTemporaryDir m_dir;
    std::vector<TsMessage> m_code;
    std::vector<TsMessage> m_committed;
    QHash<QString, const TsMessage *> m_committedByKey;
    std::vector<Term> m_glossary;
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
