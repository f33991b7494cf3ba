// SPDX-License-Identifier: GPL-3.0-or-later
// The architecture table: names are unique both ways, and every catalog model (whose flags were
// written from its own config.json and GGUF, not from the table) agrees with its architecture's rules.
#include "test_catalog.h"

#include <headroom/architecture.h>

#include <QtTest>

#include <set>

using namespace headroom;

class TestArchitecture : public QObject
{
    Q_OBJECT

private slots:
    void namesAreUnique()
    {
        std::set<std::string_view> gguf;
        std::set<std::string_view> modelTypes;
        for (const auto &a : architectures()) {
            QVERIFY2(gguf.insert(a.gguf).second, std::string(a.gguf).c_str());
            QVERIFY2(!a.source.empty(), std::string(a.gguf).c_str());
            for (const auto t : a.hfModelTypes) {
                if (t.empty())
                    continue;
                QVERIFY2(modelTypes.insert(t).second, std::string(t).c_str());
                QCOMPARE(architectureForModelType(t), &a);
            }
        }
        QCOMPARE(architectureForModelType("no-such-type"), nullptr);
        QCOMPARE(architectureForModelType(""), nullptr);
        QCOMPARE(architectureFor("no-such-arch").gguf, std::string_view());
        QCOMPARE(architectureFor("no-such-arch").slidingWindowPattern, 0U);
    }

    void catalogModelsFollowTheirArchitecture()
    {
        for (const auto &m : test::shippedCatalog().models()) {
            const Architecture &a = architectureFor(m.arch);
            const QByteArray id = QByteArray::fromStdString(m.id);
            QVERIFY2(a.gguf == m.arch, id + ": architecture " + QByteArray::fromStdString(m.arch) + " not in the table");
            if (a.qkvBias)
                QVERIFY2(m.qkvBias, id + ": qkv_bias");
            // A table rule holds for every model; glm4moe leaves QK norm to each config (GLM-4.5 has it, 4.5-Air not).
            if (a.qkNorm)
                QVERIFY2(m.qkNorm, id + ": qk_norm");
            else if (m.arch != "glm4moe")
                QVERIFY2(!m.qkNorm, id + ": qk_norm");
            QVERIFY2(m.postNorms == a.postNorms, id + ": post_norms");
            QVERIFY2(m.fusedQkv == a.fusedQkv, id + ": fused_qkv");
            QVERIFY2(m.fusedGateUp == a.fusedGateUp, id + ": fused_gate_up");
            if (m.slidingWindow)
                QVERIFY2(m.slidingWindow->pattern == a.slidingWindowPattern, id + ": sliding_window.pattern");
        }
    }
};

QTEST_APPLESS_MAIN(TestArchitecture)
#include "tst_architecture.moc"
