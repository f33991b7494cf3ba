// SPDX-License-Identifier: GPL-3.0-or-later
// Ollama runs gpt-oss on its own Go engine (0.11.0 to 0.24.x), whose reserved compute graph is not llama.cpp's: one
// logits row per sequence, the graph inputs in host buffers of their own, and a peak in layer 0's MoE. The figures
// below are the vendored ggml-alloc.c replays of that graph (docs/sources/ollama-gptoss-graph.md 5,
// docs/sources/ollama-go-versions.md 2.1 and 4) less the positions and output indices the estimate leaves out
// (4 bytes a token and a sequence, 128-byte aligned), and two figures Ollama logged itself: 'compute graph
// device=ROCm0 size="121.8 MiB"' (0.11.10, tests/data/calibration.csv 5454) and 'required.CPU.Graph=5898240'
// (0.12.6, ollama/ollama#12752).
#include "test_catalog.h"

#include <headroom/estimator.h>
#include <headroom/explanation.h>
#include <headroom/request_resolver.h>

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace headroom;
using headroom::test::resolved;

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

RequestInputs gptOss(const char *model, const char *version, std::uint32_t ctx, std::uint32_t parallel, FlashAttn fa)
{
    RequestInputs in;
    in.model = model;
    in.quant = "MXFP4";
    in.engine = "ollama";
    in.engineVersion = version;
    in.gpus = {DeviceChoice("ryzen-ai-max-395-128gb")};
    in.ctx = ctx;
    in.parallel = parallel;
    in.flashAttn = fa;
    return in;
}

bool hasNotice(const Placement &p, Notice n)
{
    return std::find(p.notices.begin(), p.notices.end(), n) != p.notices.end();
}

} // namespace

class TestOwnEngineGraph : public QObject
{
    Q_OBJECT

private slots:
    void gpuGraphAsReplayed_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("ctx");
        QTest::addColumn<int>("parallel");
        QTest::addColumn<bool>("flash");
        QTest::addColumn<double>("replayedMiB"); // the allocator's figure
        QTest::addColumn<double>("toleranceMiB");
        // Flash attention: 4·B·(2H + NH·HD + 4·k·FF) + 2·roundUp(B,64)·(C_full + C_swa); the replay adds 2176 bytes.
        QTest::newRow("120b, 8192 cells (logged 121.8 MiB)") << "gpt-oss-120b"
                                                             << "0.11.10" << 8192 << 1 << true << 121.752 << 0.003;
        QTest::newRow("20b, same graph at 8192") << "gpt-oss-20b"
                                                 << "0.11.10" << 8192 << 1 << true << 121.752 << 0.003;
        QTest::newRow("120b, 32K cells") << "gpt-oss-120b"
                                         << "0.11.10" << 32768 << 1 << true << 145.75 << 0.003;
        QTest::newRow("120b, 4 sequences of 8192") << "gpt-oss-120b"
                                                   << "0.12.6" << 8192 << 4 << true << 157.752 << 0.003;
        // Without flash attention the F32 scores against the largest cache dominate, or below about 600 cells the MoE.
        QTest::newRow("no FA, 8192 cells") << "gpt-oss-120b"
                                           << "0.11.10" << 8192 << 1 << false << 1078.2521 << 0.003;
        QTest::newRow("no FA, 2048 cells") << "gpt-oss-20b"
                                           << "0.11.10" << 2048 << 1 << false << 293.2521 << 0.003;
        // At 512 cells the replay holds 0.127 MiB more than the rows engines.json names (not attributed).
        QTest::newRow("no FA, 512 cells: the MoE side") << "gpt-oss-120b"
                                                        << "0.11.10" << 512 << 1 << false << 103.3771 << 0.14;
        // 0.11.0-0.11.4: the hand-written attention keeps the scores and their concatenated copy (FA refused); the
        // sinks column the copy adds (4·B·NH bytes, 0.125 MiB) is left out.
        QTest::newRow("0.11.2, 8192 cells") << "gpt-oss-120b"
                                            << "0.11.2" << 8192 << 1 << false << 2102.38 << 0.14;
    }

    void gpuGraphAsReplayed()
    {
        QFETCH(QString, model);
        QFETCH(QString, version);
        QFETCH(int, ctx);
        QFETCH(int, parallel);
        QFETCH(bool, flash);
        QFETCH(double, replayedMiB);
        QFETCH(double, toleranceMiB);
        const auto r = resolved(gptOss(model.toStdString().c_str(), version.toStdString().c_str(), static_cast<std::uint32_t>(ctx),
                                       static_cast<std::uint32_t>(parallel), flash ? FlashAttn::On : FlashAttn::Off));
        const Placement p = estimate(r.request);
        QCOMPARE(p.devices.size(), std::size_t{1});
        QVERIFY2(
            std::abs(static_cast<double>(p.devices[0].compute) / kMiB - replayedMiB) <= toleranceMiB,
            qPrintable(QString("GPU graph %1 MiB, replayed %2").arg(static_cast<double>(p.devices[0].compute) / kMiB).arg(replayedMiB)));
        // The host's graph is the embeddings' GET_ROWS alone: 4·B·H, as #12752 logs it (required.CPU.Graph=5898240).
        QCOMPARE(p.host.compute, Bytes{5898240});
    }

    void llamaServerFromThirty()
    {
        // 0.30.0 removed the Go engine: gpt-oss then runs on llama-server, sized by the llama.cpp strategy.
        const Placement own = estimate(resolved(gptOss("gpt-oss-120b", "0.24.0", 8192, 1, FlashAttn::On)).request);
        const Placement server = estimate(resolved(gptOss("gpt-oss-120b", "0.30.0", 8192, 1, FlashAttn::On)).request);
        QCOMPARE(own.devices[0].compute, Bytes{127664128});
        QVERIFY(server.devices[0].compute != own.devices[0].compute);
        QVERIFY(server.host.compute != own.host.compute);
    }

    void otherArchitecturesKeepTheRunner()
    {
        // Only the architectures engines.json lists take the own-engine graph: a Llama on the same version does not.
        RequestInputs in;
        in.model = "llama-3.1-8b-instruct";
        in.quant = "Q4_K_M";
        in.engine = "ollama";
        in.engineVersion = "0.11.10";
        in.gpus = {DeviceChoice("rtx-4090")};
        in.ctx = 8192;
        in.flashAttn = FlashAttn::On;
        const auto r = resolved(in);
        QVERIFY(r.request.engine->behaviourFor("0.11.10").ownEngineGraph("llama") == nullptr);
        const Explanation why = explain(r.request, estimate(r.request));
        QVERIFY(std::none_of(why.assumptions.begin(), why.assumptions.end(),
                             [](const Assumption &a) { return a.code == AssumptionCode::OwnEngineGraph; }));
    }

    void flashAttentionRefusedBeforeZeroElevenFive()
    {
        // Ollama 0.11.0-0.11.4 turn flash attention off for gpt-oss even when asked: the estimate says so and sizes it off.
        const Placement asked = estimate(resolved(gptOss("gpt-oss-120b", "0.11.2", 8192, 1, FlashAttn::On)).request);
        const Placement off = estimate(resolved(gptOss("gpt-oss-120b", "0.11.2", 8192, 1, FlashAttn::Off)).request);
        QVERIFY(hasNotice(asked, Notice::FlashAttnUnsupported));
        QVERIFY(!hasNotice(off, Notice::FlashAttnUnsupported));
        QCOMPARE(asked.devices[0].compute, off.devices[0].compute);
        // From 0.11.5 it is honoured.
        const Placement later = estimate(resolved(gptOss("gpt-oss-120b", "0.11.5", 8192, 1, FlashAttn::On)).request);
        QVERIFY(!hasNotice(later, Notice::FlashAttnUnsupported));
        QCOMPARE(later.devices[0].compute, Bytes{127664128});
    }

    void explanationAddsUp()
    {
        // Every counted part is listed: the largest candidate's parts add up to the GPU's compute segment.
        const auto r = resolved(gptOss("gpt-oss-120b", "0.11.10", 8192, 1, FlashAttn::On));
        const Placement p = estimate(r.request);
        const Explanation why = explain(r.request, p);
        const auto &segment = why.devices.at(0).segment(Segment::Compute);
        QCOMPARE(segment.bytes, p.devices[0].compute);
        QVERIFY(std::any_of(segment.terms.begin(), segment.terms.end(), [&](const ExplainTerm &t) {
            return t.kind == TermKind::GraphPeak && t.counted && t.bytes == p.devices[0].compute;
        }));
        QVERIFY(std::any_of(why.assumptions.begin(), why.assumptions.end(),
                            [](const Assumption &a) { return a.code == AssumptionCode::OwnEngineGraph && !a.source.empty(); }));
    }
};

QTEST_APPLESS_MAIN(TestOwnEngineGraph)
#include "tst_own_engine_graph.moc"
