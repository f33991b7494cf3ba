// SPDX-License-Identifier: GPL-3.0-or-later
// Numbers in the GUI's words follow the UI language's locale (QLocale's default, which the app sets with its
// translator): digit grouping and decimal marks, in English, Chinese and a comma-decimal locale.
#include "texts.h"

#include <QLocale>
#include <QTranslator>
#include <QtTest>

using namespace headroom;
using namespace headroom::gui;

class TestTexts : public QObject
{
    Q_OBJECT
private slots:
    void cleanup()
    {
        QLocale::setDefault(QLocale::c());
        if (m_translator) {
            QCoreApplication::removeTranslator(m_translator.get());
            m_translator.reset();
        }
    }

    void numbersFollowTheLocale_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("tokens");
        QTest::addColumn<QString>("gib");
        QTest::addColumn<QString>("offset");
        QTest::newRow("English") << "en"
                                 << "131,072"
                                 << "1,536.50 GiB"
                                 << "model.gguf: byte 1,234,567: the file ends early";
        QTest::newRow("Chinese") << "zh_CN"
                                 << "131,072"
                                 << "1,536.50 GiB"
                                 << "model.gguf: byte 1,234,567: the file ends early";
        QTest::newRow("German") << "de_DE"
                                << "131.072"
                                << "1.536,50 GiB"
                                << "model.gguf: byte 1.234.567: the file ends early";
    }

    /** Without a translator the words stay English; only the numbers change with the locale. */
    void numbersFollowTheLocale()
    {
        QFETCH(QString, locale);
        QFETCH(QString, tokens);
        QFETCH(QString, gib);
        QFETCH(QString, offset);
        QLocale::setDefault(QLocale(locale));
        QCOMPARE(Texts::tokens(131072), tokens);
        QCOMPARE(Texts::gib(1536.5), gib);
        io::IoError e;
        e.code = io::IoError::Code::Truncated;
        e.file = "model.gguf";
        e.offset = 1234567;
        QCOMPARE(Texts::ioError(e), offset);
    }

    /** The shipped zh_CN translation with the zh_CN locale: Chinese words, grouped digits, "个 token". */
    void chineseSentences()
    {
        m_translator = std::make_unique<QTranslator>();
        QVERIFY(m_translator->load(QStringLiteral(":/i18n/headroom_zh_CN.qm")));
        QCoreApplication::installTranslator(m_translator.get());
        QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
        Fix f;
        f.kind = Fix::Kind::ShorterContext;
        f.value = 32768;
        QCOMPARE(Texts::fix(f), QStringLiteral("把上下文长度缩短到 32,768 个 token"));
        QCOMPARE(Texts::verdict(Verdict::PartialOffload), QStringLiteral("部分卸载"));
        QCOMPARE(Texts::paramsText(235'000'000'000ULL), QStringLiteral("235B"));
        QCOMPARE(Texts::gib(23.5), QStringLiteral("23.50 GiB"));
    }

private:
    std::unique_ptr<QTranslator> m_translator;
};

QTEST_GUILESS_MAIN(TestTexts)
#include "tst_texts.moc"
