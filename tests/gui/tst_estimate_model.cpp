// SPDX-License-Identifier: GPL-3.0-or-later
#include "estimate_model.h"
#include "test_support.h"

#include <QAbstractItemModelTester>

using namespace headroom;
using namespace headroom::gui;

class TestEstimateModel : public QObject
{
    Q_OBJECT
private slots:
    void rowsFollowPlacement_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QStringList>("gpus");
        QTest::addColumn<quint32>("ctx");
        QTest::addColumn<int>("expectedRows");
        QTest::newRow("fits on one 4090") << "qwen3-8b" << QStringList{"rtx-4090"} << 8192U << 1;
        QTest::newRow("partial offload adds host") << "deepseek-r1:32b" << QStringList{"rtx-4090d"} << 32768U << 2;
        QTest::newRow("two 3090s") << "qwen3-30b-a3b" << QStringList{"rtx-3090", "rtx-3090"} << 8192U << 2;
        QTest::newRow("mac") << "llama3.3:70b" << QStringList{"apple-m4-max-128gb"} << 8192U << 1;
    }

    void rowsFollowPlacement()
    {
        QFETCH(QString, model);
        QFETCH(QStringList, gpus);
        QFETCH(quint32, ctx);
        QFETCH(int, expectedRows);
        RequestInputs in;
        in.model = model.toStdString();
        in.ctx = ctx;
        for (const QString &g : gpus)
            in.gpus.push_back(g.toStdString());
        const Placement p = test::engineAnswer(in);

        EstimateModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setPlacement(p);
        QCOMPARE(m.rowCount(), expectedRows);
        QCOMPARE(m.columnCount(), int(EstimateModel::ColumnCount));
        for (int r = 0; r < static_cast<int>(p.devices.size()); ++r) {
            const DeviceUsage &d = p.devices[static_cast<std::size_t>(r)];
            QCOMPARE(m.index(r, EstimateModel::Weights).data().toDouble(), toGiB(d.weights));
            QCOMPARE(m.index(r, EstimateModel::KvCache).data().toDouble(), toGiB(d.kvCache));
            QCOMPARE(m.index(r, EstimateModel::Compute).data().toDouble(), toGiB(d.compute));
            QCOMPARE(m.index(r, EstimateModel::Overhead).data().toDouble(), toGiB(d.overhead));
            QCOMPARE(m.index(r, EstimateModel::Usable).data().toDouble(), toGiB(d.usable));
            QCOMPARE(m.index(r, EstimateModel::Capacity).data().toDouble(), toGiB(d.capacity));
            QCOMPARE(m.index(r, EstimateModel::Weights).data(EstimateModel::BytesRole).toULongLong(), d.weights);
        }
        if (p.gpuLayers < p.totalLayers) {
            const int host = m.rowCount() - 1;
            QVERIFY(m.isHost(host));
            QCOMPARE(m.headerData(host, Qt::Vertical).toString(), QStringLiteral("Host RAM"));
            QCOMPARE(m.index(host, EstimateModel::Weights).data().toDouble(), toGiB(p.host.weights));
        }
        // Category names must be distinct (the chart's category axis merges equal names).
        QStringList names;
        for (int r = 0; r < m.rowCount(); ++r)
            names << m.headerData(r, Qt::Vertical).toString();
        names.removeDuplicates();
        QCOMPARE(names.size(), m.rowCount());

        // Same shape again (a slider move), then a different shape, then empty: the tester checks signals.
        m.setPlacement(p);
        Placement more = p;
        more.devices.push_back(p.devices.front());
        m.setPlacement(more);
        QCOMPARE(m.rowCount(), expectedRows + 1);
        m.clear();
        QCOMPARE(m.rowCount(), 0);
    }
};

QTEST_MAIN(TestEstimateModel)
#include "tst_estimate_model.moc"
