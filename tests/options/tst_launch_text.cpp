// SPDX-License-Identifier: GPL-3.0-or-later
// The launch command's shell text is pasted into a terminal: every word must come back from the shell as
// it was (spaces, quotes, $, backticks, non-ASCII), and a whole command must be valid shell.
#include "test_catalog.h"

#include <launch_command_text.h>

#include <headroom/estimator.h>
#include <headroom/launch_command.h>
#include <headroom/request_resolver.h>

#include <QProcess>
#include <QtTest>

using namespace headroom;

namespace {

/** What /bin/sh makes of `script`: its standard output, or a failure. */
QByteArray shell(const QString &script)
{
    QProcess p;
    p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
    if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QByteArray("<sh failed: ") + p.readAllStandardError() + ">";
    return p.readAllStandardOutput();
}

} // namespace

class TestLaunchText : public QObject
{
    Q_OBJECT

private slots:
    void wordsSurviveTheShell_data()
    {
        QTest::addColumn<QString>("word");
        QTest::newRow("plain") << "Qwen/Qwen3-8B";
        QTest::newRow("space") << "My Models/qwen3 8b.gguf";
        QTest::newRow("single quote") << "it's.gguf";
        QTest::newRow("dollar and backtick") << "$HOME/`id`.gguf";
        QTest::newRow("double quotes") << "\"a\" b";
        QTest::newRow("glob") << "*.gguf";
        QTest::newRow("non-ASCII") << QString::fromUtf8("模型/qwen3.gguf");
        QTest::newRow("empty") << "";
    }
    void wordsSurviveTheShell()
    {
        QFETCH(QString, word);
        const auto quoted = QString::fromStdString(options::shellQuote(word.toStdString()));
        QCOMPARE(QString::fromUtf8(shell("printf '%s' " + quoted)), word);
    }

    /** A real command (Ollama: environment, a Modelfile here-document, server then client) is valid shell. */
    void commandIsValidShell()
    {
        RequestInputs in;
        in.model = "qwen2.5:7b";
        in.engine = "ollama";
        in.engineVersion = "0.5.0";
        in.ctx = 8192;
        in.gpus = {"rtx-4090"};
        auto r = resolveRequest(test::shippedCatalog(), in);
        QVERIFY(std::holds_alternative<ResolvedRequest>(r));
        const auto &rr = std::get<ResolvedRequest>(r);
        const auto cmd = buildLaunchCommand(rr, in, estimate(rr.request));
        QVERIFY(cmd.available);
        const auto text = QString::fromStdString(options::launchCommandShell(cmd));
        QVERIFY(text.contains("PARAMETER num_ctx 8192"));
        QProcess p;
        p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-n"), QStringLiteral("-c"), text});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLaunchText)
#include "tst_launch_text.moc"
