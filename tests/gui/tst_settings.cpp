// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headroom;
using namespace headroom::gui;

class TestSettings : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<quint32>("ctx");
        QTest::addColumn<QString>("gpu");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("gpu2");
        QTest::addColumn<int>("flash");
        QTest::newRow("tag on a 4090") << "deepseek-r1:32b" << 32768U << "rtx-4090" << 1 << "" << int(FlashAttn::On);
        QTest::newRow("mixed cards") << "qwen3-14b" << 4096U << "rtx-3090" << 2 << "rtx-4090" << int(FlashAttn::Off);
        QTest::newRow("custom capacity") << "Qwen/Qwen3-8B" << 512U << "custom" << 1 << "" << int(FlashAttn::Auto);
        QTest::newRow("engine default context") << "qwen3:8b" << 0U << "rtx-4060-8gb" << 1 << "" << int(FlashAttn::Auto);
    }

    void roundTrip()
    {
        QFETCH(QString, model);
        QFETCH(quint32, ctx);
        QFETCH(QString, gpu);
        QFETCH(int, count);
        QFETCH(QString, gpu2);
        QFETCH(int, flash);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("headroom.ini"));
        GuiInputs in;
        in.model = model;
        in.quant = QStringLiteral("Q8_0");
        in.ctx = ctx > 0 ? std::optional<quint32>(ctx) : std::nullopt; // 0: left to the engine
        in.parallel = 2;
        in.kvType = QStringLiteral("q8_0");
        in.flashAttn = static_cast<FlashAttn>(flash);
        in.gpu = gpu;
        in.gpuCount = count;
        in.gpu2 = gpu2;
        in.customGiB = 40.5;
        in.ramGiB = 64;
        const AdviceChoices advice{QStringLiteral("gpqa-diamond-qwen3-report"), 25, QStringLiteral("Qwen3"), true};
        const PlanChoices plan{20000, QStringLiteral("CNY"), 15, true, QStringLiteral("price-per-tps")};
        {
            Settings s(path);
            s.setInputs(in);
            s.setGeometry(QByteArray("geom\x01\x02", 6));
            s.setCompareSlots({QStringLiteral("rtx-4090"), QStringLiteral("rtx-3090*2")});
            s.setAdviceChoices(advice);
            s.setPlanChoices(plan);
            s.sync();
            QCOMPARE(s.status(), QSettings::NoError);
        }
        Settings s(path);
        QCOMPARE(s.inputs(), in);
        QCOMPARE(s.geometry(), QByteArray("geom\x01\x02", 6));
        QCOMPARE(s.compareSlots(), (QStringList{QStringLiteral("rtx-4090"), QStringLiteral("rtx-3090*2")}));
        QVERIFY(s.adviceChoices() == advice);
        QVERIFY(s.planChoices() == plan);
    }

    void corruptFileFallsBack_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("binary garbage") << QByteArray("\x00\xff\xfe[[[=\x01\x02\n\n", 12);
        QTest::newRow("wrong types and ranges") << QByteArray("[inputs]\nctx=-5\nparallel=abc\ngpuCount=99\ncustomGiB=nan\n"
                                                             "ramGiB=-1\nflashAttn=maybe\nmodel=\ngeometry=@Variant(broken\n");
        QTest::newRow("huge values") << QByteArray("[inputs]\nctx=99999999999999999999\ngpuCount=0\ncustomGiB=1e308\n");
        QTest::newRow("advice out of range") << QByteArray("[advice]\nminTokensPerSecond=-3\npartial=yes\nmetric=@Variant(x)\n");
        QTest::newRow("plan out of range") << QByteArray("[plan]\nbudget=-1\ncurrency=EUR\nminTokensPerSecond=1e9\nmachines=2\n"
                                                         "sort=@Variant(x)\n");
        QTest::newRow("plan huge budget") << QByteArray("[plan]\nbudget=99999999999999\ncurrency=\n");
        QTest::newRow("empty") << QByteArray();
    }

    void corruptFileFallsBack()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("headroom.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        Settings s(path);
        const GuiInputs in = s.inputs();
        const GuiInputs d;
        QVERIFY(!in.model.isEmpty());
        QVERIFY(in.ctx && *in.ctx >= 512 && *in.ctx <= kMaxContext);
        QVERIFY(in.gpuCount >= 1 && in.gpuCount <= 8);
        QVERIFY(in.customGiB >= 1 && in.customGiB <= 4096);
        QVERIFY(in.ramGiB >= 0);
        QCOMPARE(in.ctx == d.ctx || content.isEmpty() || !content.contains("ctx"), true);
        QVERIFY(s.compareSlots().size() <= 4);
        const AdviceChoices advice = s.adviceChoices();
        QVERIFY(advice.minTokensPerSecond >= 0 && advice.minTokensPerSecond <= 10000);
        if (content.contains("[advice]"))
            QVERIFY(advice == AdviceChoices{});
        const PlanChoices plan = s.planChoices();
        QVERIFY(plan.budget >= 0 && plan.budget <= kMaxPlanBudget);
        QVERIFY(plan.currency == QLatin1String("USD") || plan.currency == QLatin1String("CNY"));
        QVERIFY(plan.minTokensPerSecond >= 0 && plan.minTokensPerSecond <= 10000);
        if (content.contains("[plan]"))
            QVERIFY(plan == PlanChoices{});
        Q_UNUSED(s.geometry());
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
