// SPDX-License-Identifier: GPL-3.0-or-later
// The context explorer's curve: every point is the estimate of that context and variant, the variants an engine
// cannot run are marked (not drawn), and the curve has the shapes the models' attention gives it: a sliding
// window flattens Gemma's KV growth to its global layers, a hybrid's grows only in its attention blocks.
#include "test_catalog.h"

#include <headroom/context_curve.h>
#include <headroom/estimator.h>
#include <headroom/request_resolver.h>

#include <QtTest>

using namespace headroom;

namespace {

ResolvedRequest resolved(const char *model, const char *engine, std::vector<DeviceChoice> gpus, std::optional<Bytes> ram = std::nullopt,
                         std::optional<std::uint32_t> ctx = std::nullopt)
{
    RequestInputs in;
    in.model = model;
    in.engine = engine;
    in.gpus = std::move(gpus);
    in.hostRam = ram;
    in.ctx = ctx;
    auto r = resolveRequest(test::shippedCatalog(), in);
    if (auto *e = std::get_if<ResolveError>(&r))
        qFatal("resolve failed: %s=%s", e->field.c_str(), e->value.c_str());
    return std::move(std::get<ResolvedRequest>(r));
}

const ContextLine &lineOf(const ContextCurve &c, bool flash, KvType kv)
{
    for (const auto &l : c.lines)
        if (l.variant == ContextVariant{flash, kv})
            return l;
    qFatal("no line flash=%d kv=%s", flash, kvTypeName(kv));
}

const ContextPoint &pointAt(const ContextLine &l, std::uint32_t ctx)
{
    for (const auto &p : l.points)
        if (p.ctx == ctx)
            return p;
    qFatal("no point at %u", ctx);
}

/** F16 K + V bytes one token takes in one attention block of `m` with `kvHeads` heads (ggml: 2 bytes per element). */
Bytes f16Cell(const ModelSpec &m, std::uint32_t kvHeads)
{
    return Bytes{kvHeads} * (m.headDim + m.valueDim()) * 2;
}

} // namespace

class TestContextCurve : public QObject
{
    Q_OBJECT

private slots:
    void grid()
    {
        // qwen3-8b's trained maximum is 40960: the powers of two below it, then the maximum itself.
        QCOMPARE(contextGrid(40960), (std::vector<std::uint32_t>{512, 1024, 2048, 4096, 8192, 16384, 32768, 40960}));
        const auto fine = contextGrid(131072, {512, 4});
        QCOMPARE(fine.front(), 512U);
        QCOMPARE(fine.back(), 131072U);
        QVERIFY(std::is_sorted(fine.begin(), fine.end()));
        QCOMPARE(fine.size(), std::size_t{8 * 4 + 1}); // 512 .. 65536 + 3 steps each, then 131072
        QVERIFY(std::find(fine.begin(), fine.end(), 65536U) != fine.end());
        for (const auto ctx : fine)
            QCOMPARE(ctx % 64, 0U);
        QCOMPARE(std::vector<std::uint32_t>(fine.begin(), fine.begin() + 5), (std::vector<std::uint32_t>{512, 640, 704, 832, 1024}));
    }

    void pointsAreTheEstimates_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("gpu");
        QTest::addColumn<double>("ramGiB");
        QTest::newRow("dense qwen3-8b, llama.cpp, RTX 4090") << "qwen3-8b"
                                                             << "llama.cpp"
                                                             << "rtx-4090" << 0.0;
        QTest::newRow("sliding window gemma-3-27b, Ollama, RTX 4090") << "gemma-3-27b-it"
                                                                      << "ollama"
                                                                      << "rtx-4090" << 64.0;
        QTest::newRow("sliding window gemma-2-9b, llama.cpp, RTX 3090") << "gemma-2-9b-it"
                                                                        << "llama.cpp"
                                                                        << "rtx-3090" << 0.0;
        QTest::newRow("MLA deepseek-v2-lite, llama.cpp, RTX 4090") << "deepseek-v2-lite"
                                                                   << "llama.cpp"
                                                                   << "rtx-4090" << 64.0;
        QTest::newRow("hybrid qwen3-next, llama.cpp, H200") << "qwen3-next-80b-a3b-instruct"
                                                            << "llama.cpp"
                                                            << "h200" << 0.0;
        QTest::newRow("partial offload qwen3-next, llama.cpp, RTX 4090") << "qwen3-next-80b-a3b-instruct"
                                                                         << "llama.cpp"
                                                                         << "rtx-4090" << 128.0;
        QTest::newRow("vLLM qwen3-8b, RTX 4090") << "qwen3-8b"
                                                 << "vllm"
                                                 << "rtx-4090" << 0.0;
        QTest::newRow("CPU only qwen3-8b, 32 GiB") << "qwen3-8b"
                                                   << "llama.cpp"
                                                   << "" << 32.0;
    }

    void pointsAreTheEstimates()
    {
        QFETCH(QString, model);
        QFETCH(QString, engine);
        QFETCH(QString, gpu);
        QFETCH(double, ramGiB);
        std::vector<DeviceChoice> gpus;
        if (!gpu.isEmpty())
            gpus.emplace_back(gpu.toStdString());
        const auto ram = ramGiB > 0 ? std::optional<Bytes>(static_cast<Bytes>(ramGiB * static_cast<double>(GiB))) : std::nullopt;
        const auto rr = resolved(model.toUtf8().constData(), engine.toUtf8().constData(), gpus, ram);
        const ContextCurve c = contextCurve(rr.request);
        const Placement asked = estimate(rr.request);
        QCOMPARE(c.requestCtx, asked.ctx);
        QCOMPARE(c.modelMaxContext, rr.request.model->maxContext);
        QCOMPARE(c.cpuOnly, gpu.isEmpty());
        QVERIFY(c.usable > 0);
        std::size_t drawn = 0;
        for (const auto &l : c.lines) {
            if (l.status != VariantStatus::Runs) {
                QVERIFY(l.points.empty());
                continue;
            }
            ++drawn;
            QCOMPARE(l.maxContext, estimate(requestAt(rr.request, l.variant, asked.ctx)).maxContext);
            if (l.chosen) // the marker of the request's own variant is the Estimate tab's "longest context"
                QCOMPARE(l.maxContext, asked.maxContext);
            QVERIFY(l.points.size() >= c.contexts.size());
            for (const auto &pt : l.points) {
                const Placement p = estimate(requestAt(rr.request, l.variant, pt.ctx));
                QCOMPARE(pt.ctx, p.ctx);
                QCOMPARE(pt.verdict, p.verdict);
                QCOMPARE(pt.gpuLayers, p.gpuLayers);
                QCOMPARE(pt.parallel, p.parallel);
                Bytes gpuTotal = 0, weights = p.host.weights, kv = p.host.kvCache, compute = p.host.compute;
                for (const auto &d : p.devices) {
                    gpuTotal += d.total();
                    weights += d.weights;
                    kv += d.kvCache;
                    compute += d.compute;
                }
                QCOMPARE(pt.gpuTotal, gpuTotal);
                QCOMPARE(pt.hostTotal, p.host.total());
                QCOMPARE(pt.weights, weights);
                QCOMPARE(pt.kvCache, kv);
                QCOMPARE(pt.compute, compute);
                QCOMPARE(pt.weights + pt.kvCache + pt.compute + pt.overhead + pt.projector, pt.total());
            }
            // The marker is a point of its own line, and it is where every layer stops fitting.
            if (l.maxContext > 0) {
                QVERIFY(fitsOnGpus(pointAt(l, l.maxContext).verdict) || c.cpuOnly);
                if (l.maxContext < c.modelMaxContext && !c.cpuOnly)
                    QVERIFY(!fitsOnGpus(estimateVerdictOnly(requestAt(rr.request, l.variant, l.maxContext + 1)).verdict));
            }
        }
        QVERIFY(drawn >= 1);
        QVERIFY(c.chosen());
    }

    void variantsTheEngineCannotRunAreMarked()
    {
        // llama.cpp: a quantized KV cache without flash attention stays F16, so those lines are the F16 line.
        const auto llama = resolved("qwen3-8b", "llama.cpp", {"rtx-4090"});
        const ContextCurve c = contextCurve(llama.request);
        QCOMPARE(c.lines.size(), std::size_t{6});
        for (const KvType kv : {KvType::Q8_0, KvType::Q4_0}) {
            const auto &l = lineOf(c, false, kv);
            QCOMPARE(l.status, VariantStatus::KvQuantNeedsFlashAttn);
            QVERIFY(l.sameAs);
            QCOMPARE(c.lines[*l.sameAs].variant, (ContextVariant{false, KvType::F16}));
            // The estimate agrees: asked for it, the engine gives the F16 cache and says so.
            const Placement p = estimate(requestAt(llama.request, l.variant, 8192));
            QCOMPARE(p.kvType, KvType::F16);
            QVERIFY(std::find(p.notices.begin(), p.notices.end(), Notice::KvQuantNeedsFlashAttn) != p.notices.end());
            QCOMPARE(contextPoint(p).total(), pointAt(lineOf(c, false, KvType::F16), 8192).total());
        }
        QCOMPARE(lineOf(c, true, KvType::Q4_0).status, VariantStatus::Runs);
        QCOMPARE(lineOf(c, false, KvType::F16).status, VariantStatus::Runs);
        // Flash attention changes llama.cpp's compute buffer (the KQ matrix without it).
        QVERIFY(pointAt(lineOf(c, false, KvType::F16), 32768).compute > pointAt(lineOf(c, true, KvType::F16), 32768).compute);

        // vLLM: no q8_0 / q4_0 cache, and the same memory with flash attention off (its default is on).
        const auto vllm = resolved("qwen3-8b", "vllm", {"rtx-4090"});
        const ContextCurve v = contextCurve(vllm.request);
        QCOMPARE(lineOf(v, true, KvType::Q8_0).status, VariantStatus::KvTypeNotOffered);
        QVERIFY(!lineOf(v, true, KvType::Q8_0).sameAs);
        QCOMPARE(lineOf(v, false, KvType::F16).status, VariantStatus::FlashAttnNoEffect);
        QCOMPARE(v.lines[*lineOf(v, false, KvType::F16).sameAs].variant, (ContextVariant{true, KvType::F16}));
        QCOMPARE(lineOf(v, true, KvType::F16).status, VariantStatus::Runs);
        QCOMPARE(contextPoint(estimate(requestAt(vllm.request, {false, KvType::F16}, 8192))).total(),
                 pointAt(lineOf(v, true, KvType::F16), 8192).total());

        // fp8, vLLM's own quantized cache: asked for, it is a line of its own and the chosen one.
        RequestInputs in;
        in.model = "qwen3-8b";
        in.engine = "vllm";
        in.gpus = {"rtx-4090"};
        in.kvType = "fp8";
        const auto fp8 = std::get<ResolvedRequest>(resolveRequest(test::shippedCatalog(), in));
        const ContextCurve f = contextCurve(fp8.request);
        QCOMPARE(f.lines.size(), std::size_t{8});
        QCOMPARE(lineOf(f, true, KvType::Fp8).status, VariantStatus::Runs);
        QVERIFY(lineOf(f, true, KvType::Fp8).chosen);
        QVERIFY(pointAt(lineOf(f, true, KvType::Fp8), 32768).kvCache < pointAt(lineOf(f, true, KvType::F16), 32768).kvCache);
    }

    void quantizedKvIsSmaller()
    {
        const auto rr = resolved("qwen3-8b", "llama.cpp", {"rtx-4090"});
        const ContextCurve c = contextCurve(rr.request);
        const auto &f16 = lineOf(c, true, KvType::F16);
        const auto &q8 = lineOf(c, true, KvType::Q8_0);
        const auto &q4 = lineOf(c, true, KvType::Q4_0);
        for (const auto ctx : c.contexts) {
            QVERIFY(pointAt(q8, ctx).kvCache < pointAt(f16, ctx).kvCache);
            QVERIFY(pointAt(q4, ctx).kvCache < pointAt(q8, ctx).kvCache);
            QCOMPARE(pointAt(q8, ctx).weights, pointAt(f16, ctx).weights);
        }
        // q8_0 stores 32 elements in 34 bytes: 17/32 of F16 at a whole number of blocks.
        QCOMPARE(pointAt(q8, 32768).kvCache * 32, pointAt(f16, 32768).kvCache * 17);
        // A smaller cache fits a longer context.
        QVERIFY(q8.maxContext >= f16.maxContext);
        QVERIFY(q4.maxContext >= q8.maxContext);
        // Memory grows with the context on every line.
        for (const auto &l : c.lines)
            for (std::size_t i = 1; i < l.points.size(); ++i)
                QVERIFY(l.points[i].kvCache > l.points[i - 1].kvCache);
    }

    void slidingWindowFlattensGemma()
    {
        // Gemma 3 27B: 62 blocks, a 1024-token window on 5 of every 6; llama.cpp keeps windowed caches, so beyond
        // the window only the 10 global blocks grow (62 x 16 heads x 256 x 2 bytes would be 496 KiB per token).
        const auto rr = resolved("gemma-3-27b-it", "llama.cpp", {"rtx-4090"}, 64 * GiB);
        const ModelSpec &m = *rr.request.model;
        QVERIFY(m.slidingWindow);
        std::uint32_t globals = 0;
        for (std::uint32_t l = 0; l < m.layers; ++l)
            globals += m.slidingWindow->isSliding(l) ? 0U : 1U;
        QCOMPARE(globals, 10U);
        const ContextCurve c = contextCurve(rr.request);
        QCOMPARE(c.window, 1024U);
        QCOMPARE(c.growingLayers, globals);
        QCOMPARE(c.layers, 62U);
        const auto &f16 = lineOf(c, true, KvType::F16);
        const Bytes growth = pointAt(f16, 65536).kvCache - pointAt(f16, 32768).kvCache;
        QCOMPARE(growth, Bytes{32768} * globals * f16Cell(m, m.kvHeads));
        QVERIFY(growth * 6 < Bytes{32768} * m.layers * f16Cell(m, m.kvHeads));

        // Before the windowed cache (llama.cpp b5135 keeps every block at the full context), the same curve is steep.
        RequestInputs in;
        in.model = "gemma-3-27b-it";
        in.engine = "llama.cpp";
        in.engineVersion = "b5135";
        in.gpus = {"rtx-4090"};
        in.hostRam = 64 * GiB;
        const auto old = std::get<ResolvedRequest>(resolveRequest(test::shippedCatalog(), in));
        QCOMPARE(old.request.engine->behaviourFor(old.request.engineVersion).swaCache, SwaCache::Full);
        const ContextCurve o = contextCurve(old.request);
        QCOMPARE(o.window, 0U);
        QCOMPARE(o.growingLayers, 62U);
        const auto &full = lineOf(o, true, KvType::F16);
        QCOMPARE(pointAt(full, 65536).kvCache - pointAt(full, 32768).kvCache, Bytes{32768} * m.layers * f16Cell(m, m.kvHeads));
    }

    void hybridGrowsOnlyInItsAttentionBlocks()
    {
        // Qwen3-Next: one block in four attends; the others keep a fixed recurrent state per sequence.
        const auto rr = resolved("qwen3-next-80b-a3b-instruct", "llama.cpp", {"h200"});
        const ModelSpec &m = *rr.request.model;
        Bytes perToken = 0;
        std::uint32_t attention = 0;
        for (std::uint32_t l = 0; l < m.layers; ++l) {
            perToken += f16Cell(m, m.kvHeadsAt(l));
            attention += m.hasKv(l) ? 1U : 0U;
        }
        QVERIFY(attention > 0 && attention * 4 == m.layers);
        const ContextCurve c = contextCurve(rr.request);
        QCOMPARE(c.growingLayers, attention);
        QCOMPARE(c.window, 0U);
        const auto &f16 = lineOf(c, true, KvType::F16);
        QCOMPARE(pointAt(f16, 131072).kvCache - pointAt(f16, 65536).kvCache, Bytes{65536} * perToken);
        // The state is there at the shortest context: more than the attention cells alone.
        QVERIFY(pointAt(f16, 512).kvCache > Bytes{512} * perToken);
    }
};

QTEST_APPLESS_MAIN(TestContextCurve)
#include "tst_context_curve.moc"
