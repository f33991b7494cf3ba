// SPDX-License-Identifier: GPL-3.0-or-later
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestScreenshot : public QObject
{
    Q_OBJECT
private slots:
    void writesPng_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QSize>("size");
        QTest::newRow("default") << QStringList{} << QSize(1280, 800);
        QTest::newRow("cli options, small, dark") << QStringList{"--model", "deepseek-r1:32b", "--gpu", "rtx-4090d", "--ctx", "32768",
                                                                "--size", "1024x640", "--dark"} << QSize(1024, 640);
        QTest::newRow("advisor, chinese, dark") << QStringList{"--tab", "advice", "--lang", "zh_CN", "--dark", "--gpu", "rtx-3060-12gb",
                                                              "--size", "1024x640"} << QSize(1024, 640);
        QTest::newRow("quantizations, chinese, dark") << QStringList{"--tab", "quants", "--lang", "zh_CN", "--dark", "--model", "gemma-3-27b-it",
                                                                    "--gpu", "rtx-4090", "--size", "1024x640"} << QSize(1024, 640);
        QTest::newRow("chinese, compare") << QStringList{"--model=llama3.3:70b", "--lang", "zh_CN", "--tab", "compare"} << QSize(1280, 800);
        QTest::newRow("number formats, chinese, dark") << QStringList{"--tab", "formats", "--lang", "zh_CN", "--dark"} << QSize(1280, 800);
        QTest::newRow("mixed cards + ram") << QStringList{"--model", "qwen3-32b", "--gpu", "rtx-3090", "--gpu", "rtx-4090",
                                                         "--ram", "64", "--kv-type", "q8_0", "--flash-attn", "on"} << QSize(1280, 800);
        QTest::newRow("context tab, chinese, dark") << QStringList{"--tab", "context", "--lang", "zh_CN", "--dark", "--model",
                                                                  "gemma-3-27b-it", "--size", "1024x640"} << QSize(1024, 640);
        QTest::newRow("why these numbers, chinese, dark") << QStringList{"--explain", "--lang", "zh_CN", "--dark"} << QSize(1280, 800);
    }

    void writesPng()
    {
        QFETCH(QStringList, args);
        QFETCH(QSize, size);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        QProcess p;
        p.start(QStringLiteral(HEADROOM_GUI_EXE), QStringList{"--screenshot", png} + args);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size() / image.devicePixelRatio(), size);
    }

    void badOptionExits2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown option") << QStringList{"--frobnicate"};
        QTest::newRow("bad size") << QStringList{"--size", "big"};
        QTest::newRow("bad ctx") << QStringList{"--ctx", "lots"};
        QTest::newRow("unknown model") << QStringList{"--model", "no-such-model:1b"};
        QTest::newRow("unknown gpu") << QStringList{"--model", "qwen3-8b", "--gpu", "rtx-9999"};
        QTest::newRow("missing value") << QStringList{"--model"};
    }

    void badOptionExits2()
    {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        QProcess p;
        p.start(QStringLiteral(HEADROOM_GUI_EXE), QStringList{"--screenshot", png} + args);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        const QList<QByteArray> lines = p.readAllStandardError().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.front().startsWith("headroom: "));
        QVERIFY(!QFile::exists(png));
    }
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
