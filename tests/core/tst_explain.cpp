// SPDX-License-Identifier: GPL-3.0-or-later
// "Why this number": explain() over real catalog estimates. For every device and the host, each bar segment's
// counted terms add up to the Placement's field to the byte, each product term's factors multiply to its
// bytes and each sum term's parts add up to it; and the terms carry the model's own figures.
#include "test_catalog.h"

#include <headroom/devices.h>
#include <headroom/engine_inventory.h>
#include <headroom/estimator.h>
#include <headroom/explanation.h>
#include <headroom/request_resolver.h>

#include <QtTest>

#include <sstream>

using namespace headroom;

namespace {

ResolvedRequest resolved(const QString &model, const QString &quant, const QString &engine, const QString &version, const QString &gpus,
                         std::uint32_t ctx, const QString &kv = {}, int gpuLayers = -1)
{
    RequestInputs in;
    in.model = model.toStdString();
    in.quant = quant.toStdString();
    in.engine = engine.toStdString();
    in.engineVersion = version.toStdString();
    for (const auto &g : gpus.split(' ', Qt::SkipEmptyParts))
        in.gpus.emplace_back(g.toStdString());
    if (ctx > 0)
        in.ctx = ctx;
    if (!kv.isEmpty())
        in.kvType = kv.toStdString();
    if (gpuLayers >= 0)
        in.gpuLayers = gpuLayers;
    auto r = resolveRequest(test::shippedCatalog(), in);
    if (const auto *e = std::get_if<ResolveError>(&r))
        qFatal("request %s on %s does not resolve: field %s value %s", in.model.c_str(), in.engine.c_str(), e->field.c_str(),
               e->value.c_str());
    return std::get<ResolvedRequest>(std::move(r));
}

/** Every term (and part) adds up: a product to its factors, a sum to its parts. Returns a description of the first failure. */
QString checkTerm(const ExplainTerm &t)
{
    if (t.isProduct() && t.factorValue() != t.bytes)
        return QStringLiteral("term kind %1: factors give %2, bytes %3").arg(int(t.kind)).arg(t.factorValue()).arg(t.bytes);
    if (!t.parts.empty()) {
        Bytes sum = 0;
        for (const auto &p : t.parts) {
            sum += p.bytes;
            if (const auto problem = checkTerm(p); !problem.isEmpty())
                return problem;
        }
        if (sum != t.bytes)
            return QStringLiteral("term kind %1: parts give %2, bytes %3").arg(int(t.kind)).arg(sum).arg(t.bytes);
    }
    return {};
}

const ExplainTerm *findTerm(const SegmentExplanation &s, TermKind kind)
{
    for (const auto &t : s.terms)
        if (t.kind == kind)
            return &t;
    return nullptr;
}

std::uint64_t factor(const ExplainTerm &t, Factor code)
{
    for (const auto &f : t.factors)
        if (f.code == code)
            return f.value;
    return 0;
}

bool hasKind(const Explanation &e, Segment s, TermKind kind)
{
    if (findTerm(e.host.segment(s), kind))
        return true;
    for (const auto &d : e.devices)
        if (findTerm(d.segment(s), kind))
            return true;
    return false;
}

bool hasAssumption(const Explanation &e, AssumptionCode code)
{
    return std::any_of(e.assumptions.begin(), e.assumptions.end(), [&](const Assumption &a) { return a.code == code; });
}

} // namespace

class TestExplain : public QObject
{
    Q_OBJECT

private slots:
    void segmentsAddUpToTheByte_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("quant");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("gpus");
        QTest::addColumn<uint>("ctx");
        QTest::addColumn<QString>("kv");
        QTest::addColumn<int>("expectedKind"); ///< a term kind this estimate must show somewhere (-1: none asked)

        const auto row = [](const char *name, const char *model, const char *quant, const char *engine, const char *version,
                            const char *gpus, uint ctx, const char *kv,
                            int kind) { QTest::newRow(name) << model << quant << engine << version << gpus << ctx << kv << kind; };
        const int kvAttention = int(TermKind::KvAttention);
        row("dense qwen2.5-7b llama.cpp 8K", "qwen2.5-7b-instruct", "", "llama.cpp", "", "rtx-4090", 8192, "", kvAttention);
        row("dense qwen3-8b ollama default ctx", "qwen3-8b", "", "ollama", "", "rtx-4090", 0, "", kvAttention);
        row("dense qwen3-8b q8_0 KV", "qwen3-8b", "", "llama.cpp", "", "rtx-4090", 32768, "q8_0", kvAttention);
        row("dense qwen3-8b q4_0 KV, old llama.cpp", "qwen3-8b", "", "llama.cpp", "b5436", "rtx-4090", 16384, "q4_0", kvAttention);
        row("dense qwen3-8b vllm", "qwen3-8b", "", "vllm", "", "a100-80gb", 32768, "", int(TermKind::ProfilePass));
        row("dense qwen3-8b transformers", "qwen3-8b", "", "transformers", "", "rtx-4090", 8192, "", int(TermKind::PrefillPass));
        row("dense llama-3.1-8b transformers 4.36 all-token logits", "llama-3.1-8b-instruct", "", "transformers", "4.36.0", "rtx-4090",
            4096, "", int(TermKind::PrefillPass));
        row("dense qwen3-8b mlx", "qwen3-8b", "", "mlx", "", "apple-m4-max-64gb", 8192, "", int(TermKind::PrefillPass));
        row("MoE qwen3-30b-a3b llama.cpp", "qwen3-30b-a3b", "", "llama.cpp", "", "rtx-4090", 16384, "", int(TermKind::WeightGroup));
        row("MoE qwen3-30b-a3b ollama", "qwen3-30b-a3b", "", "ollama", "", "rtx-4090", 0, "", kvAttention);
        row("MLA deepseek-v2-lite llama.cpp b5135", "deepseek-v2-lite", "", "llama.cpp", "b5135", "rtx-4090", 8192, "",
            int(TermKind::KvMlaLatentValue));
        row("MLA deepseek-v2-lite llama.cpp b7870", "deepseek-v2-lite", "", "llama.cpp", "b7870", "rtx-4090", 8192, "",
            int(TermKind::KvMlaLatent));
        row("MLA deepseek-v2-lite llama.cpp latest", "deepseek-v2-lite", "", "llama.cpp", "", "rtx-4090", 8192, "",
            int(TermKind::KvMlaLatent));
        row("MLA deepseek-v2-lite llama.cpp b4500 expanded", "deepseek-v2-lite", "", "llama.cpp", "b4500", "rtx-4090", 8192, "",
            int(TermKind::KvMlaExpanded));
        row("MLA deepseek-v2-lite vllm", "deepseek-v2-lite", "", "vllm", "", "a100-80gb", 8192, "", int(TermKind::KvMlaLatent));
        row("MLA deepseek-r1 llama.cpp b5135 partial", "deepseek-r1", "", "llama.cpp", "b5135", "h100-sxm-80gb", 8192, "",
            int(TermKind::KvMlaLatentValue));
        row("MLA deepseek-r1 llama.cpp latest partial", "deepseek-r1", "", "llama.cpp", "", "h100-sxm-80gb", 8192, "",
            int(TermKind::KvMlaLatent));
        row("MLA deepseek-r1 vllm 2 GPUs TP", "deepseek-r1", "", "vllm", "", "h100-sxm-80gb h100-sxm-80gb", 8192, "",
            int(TermKind::KvMlaLatent));
        row("DSA deepseek-v3.2 llama.cpp", "deepseek-v3.2-exp", "", "llama.cpp", "", "h100-sxm-80gb", 8192, "", int(TermKind::KvIndexer));
        row("DSA deepseek-v3.2 vllm fp8 indexer, 2 GPUs", "deepseek-v3.2-exp", "", "vllm", "", "h100-sxm-80gb h100-sxm-80gb", 8192, "",
            int(TermKind::KvIndexer));
        row("sliding gemma-3-27b llama.cpp", "gemma-3-27b-it", "", "llama.cpp", "", "rtx-4090", 32768, "", int(TermKind::KvSlidingWindow));
        row("sliding gemma-2-9b llama.cpp", "gemma-2-9b-it", "", "llama.cpp", "", "rtx-4090", 8192, "", int(TermKind::KvSlidingWindow));
        row("sliding gemma-2-27b vllm", "gemma-2-27b-it", "", "vllm", "", "a100-80gb", 8192, "", int(TermKind::KvSlidingWindow));
        row("hybrid qwen3-next llama.cpp checkpoints", "qwen3-next-80b-a3b-instruct", "", "llama.cpp", "", "h100-sxm-80gb", 32768, "",
            int(TermKind::ContextCheckpoints));
        row("hybrid granite-4.0-h-tiny llama.cpp", "granite-4.0-h-tiny", "", "llama.cpp", "", "rtx-4090", 32768, "",
            int(TermKind::RecurrentState));
        row("hybrid granite-4.0-h-tiny vllm", "granite-4.0-h-tiny", "", "vllm", "", "a100-80gb", 32768, "", int(TermKind::RecurrentState));
        row("vision gemma-3-4b ollama", "gemma-3-4b-it", "", "ollama", "", "rtx-4090", 8192, "", int(TermKind::ProjectorCompute));
        row("vision gemma-3-4b vllm", "gemma-3-4b-it", "", "vllm", "", "a100-80gb", 8192, "", int(TermKind::ProjectorWeights));
        row("multi-GPU 2x rtx-3090 llama.cpp layer split", "qwen3-30b-a3b", "", "llama.cpp", "", "rtx-3090 rtx-3090", 32768, "",
            kvAttention);
        row("multi-GPU 2x rtx-3090 llama.cpp 70B", "llama-3.3-70b-instruct", "", "llama.cpp", "", "rtx-3090 rtx-3090", 8192, "",
            int(TermKind::OutputWeight));
        row("multi-GPU 2x rtx-4090 llama.cpp pipeline copies", "qwen3-8b", "", "llama.cpp", "", "rtx-4090 rtx-4090", 8192, "",
            int(TermKind::PipelineCopies));
        row("multi-GPU 2x rtx-3090 ollama fewest", "qwen3-8b", "", "ollama", "", "rtx-3090 rtx-3090", 8192, "", kvAttention);
        row("tensor parallel 2x a100 vllm", "qwen3-8b", "", "vllm", "", "a100-80gb a100-80gb", 32768, "", int(TermKind::ProfilePass));
        row("partial offload llama-3.1-70b on one 24 GB card", "llama-3.1-70b-instruct", "", "llama.cpp", "", "rtx-4090", 8192, "",
            int(TermKind::OutputWeight));
        row("partial offload llama-3.1-70b ollama", "llama-3.1-70b-instruct", "", "ollama", "", "rtx-3090", 8192, "",
            int(TermKind::TokenEmbedding));
        row("CPU only qwen2.5-7b", "qwen2.5-7b-instruct", "", "llama.cpp", "", "cpu-desktop-ddr5-5600-2ch-64gb", 8192, "",
            int(TermKind::Logits));
        row("CPU only gemma-2-9b llama.cpp, tied", "gemma-2-9b-it", "", "llama.cpp", "", "cpu-desktop-ddr5-5600-2ch-64gb", 8192, "",
            int(TermKind::TokenEmbedding));
        row("CPU only gemma-3-4b vision ollama", "gemma-3-4b-it", "", "ollama", "", "cpu-desktop-ddr5-5600-2ch-64gb", 4096, "",
            int(TermKind::ProjectorWeights));
        row("Apple unified qwen3-30b-a3b llama.cpp", "qwen3-30b-a3b", "", "llama.cpp", "", "apple-m4-max-64gb", 16384, "", kvAttention);
        row("tied embeddings gemma-3-1b llama.cpp", "gemma-3-1b-it", "", "llama.cpp", "", "rtx-4090", 8192, "", int(TermKind::TiedOutput));
    }

    void segmentsAddUpToTheByte()
    {
        QFETCH(QString, model);
        QFETCH(QString, quant);
        QFETCH(QString, engine);
        QFETCH(QString, version);
        QFETCH(QString, gpus);
        QFETCH(uint, ctx);
        QFETCH(QString, kv);
        QFETCH(int, expectedKind);
        const auto rr = resolved(model, quant, engine, version, gpus, ctx, kv);
        for (const bool verdictOnly : {false, true}) {
            const Placement p = verdictOnly ? estimateVerdictOnly(rr.request) : estimate(rr.request);
            const Explanation e = explain(rr.request, p);
            QCOMPARE(e.devices.size(), p.devices.size());
            QCOMPARE(e.engineVersion, p.engineVersion);
            const auto checkDevice = [&](const DeviceUsage &usage, const DeviceExplanation &d) {
                QCOMPARE(d.id, usage.id);
                for (const Segment s : kSegments) {
                    const auto &seg = d.segment(s);
                    const QString where = QStringLiteral("%1 %2").arg(QString::fromStdString(usage.id), segmentName(s));
                    QVERIFY2(seg.bytes == segmentBytes(usage, s), qPrintable(where));
                    QVERIFY2(
                        seg.countedBytes() == segmentBytes(usage, s),
                        qPrintable(where + QStringLiteral(": terms %1, placement %2").arg(seg.countedBytes()).arg(segmentBytes(usage, s))));
                    for (const auto &t : seg.terms) {
                        const QString problem = checkTerm(t);
                        QVERIFY2(problem.isEmpty(), qPrintable(where + ": " + problem));
                    }
                    // Compute: one candidate wins (llama.cpp's host buffers, pipeline copies and a weight copied from RAM add to it);
                    // the others are listed, not counted.
                    if (s == Segment::Compute && !seg.terms.empty()) {
                        const auto counted = std::count_if(seg.terms.begin(), seg.terms.end(), [](const ExplainTerm &t) {
                            return t.counted && isComputeCandidate(t.kind);
                        });
                        QVERIFY2(counted <= 1, qPrintable(where));
                    }
                }
            };
            for (std::size_t i = 0; i < p.devices.size(); ++i)
                checkDevice(p.devices[i], e.devices[i]);
            checkDevice(p.host, e.host);
            // Every offload unit is on exactly one memory, except under tensor parallel, where every rank holds a share of all.
            if (p.devices.size() < 2 || rr.request.engine->traits.devicePolicy != DevicePolicy::TensorParallel) {
                std::uint32_t units = 0;
                for (const auto *d : [&] {
                         std::vector<const DeviceExplanation *> all{&e.host};
                         for (const auto &x : e.devices)
                             all.push_back(&x);
                         return all;
                     }())
                    for (const auto &r : d->units)
                        units += r.to - r.from;
                QCOMPARE(units, p.totalLayers);
            }
            if (expectedKind >= 0) {
                const auto kind = static_cast<TermKind>(expectedKind);
                bool found = false;
                for (const Segment s : kSegments)
                    found = found || hasKind(e, s, kind);
                QVERIFY2(found, qPrintable(QStringLiteral("no term of kind %1").arg(expectedKind)));
            }
            QVERIFY(!e.assumptions.empty());
            for (const auto &a : e.assumptions)
                QVERIFY2(!a.source.empty() || a.code == AssumptionCode::HostRamUnknown, qPrintable(QString::number(int(a.code))));
        }
    }

    void qwen25KvIsTheModelsOwnArithmetic()
    {
        // Qwen2.5-7B: 28 layers, 4 KV heads of 128; f16 at 8,192 tokens = 448 MiB, all on the card.
        const auto rr = resolved("qwen2.5-7b-instruct", "", "llama.cpp", "", "rtx-4090", 8192);
        const Placement p = estimate(rr.request);
        const Explanation e = explain(rr.request, p);
        const auto &kv = e.devices.front().segment(Segment::KvCache);
        QCOMPARE(kv.terms.size(), std::size_t{1});
        const auto &t = kv.terms.front();
        QCOMPARE(t.kind, TermKind::KvAttention);
        QCOMPARE(factor(t, Factor::Layers), std::uint64_t{28});
        QCOMPARE(factor(t, Factor::KvHeads), std::uint64_t{4});
        QCOMPARE(factor(t, Factor::HeadDim), std::uint64_t{128});
        QCOMPARE(factor(t, Factor::KAndV), std::uint64_t{2});
        QCOMPARE(factor(t, Factor::ElementBytes), std::uint64_t{2});
        QCOMPARE(factor(t, Factor::Cells), std::uint64_t{8192});
        QCOMPARE(t.bytes, Bytes{448} * MiB);
        QCOMPARE(t.type, std::string("f16"));
    }

    void weightsNameTheNotableTensors()
    {
        // Q4_K_M keeps the LM head at Q6_K (llama-quantize's rule); llama.cpp holds token_embd in system RAM.
        const auto rr = resolved("qwen2.5-7b-instruct", "q4_k_m", "llama.cpp", "", "rtx-4090", 8192);
        const Placement p = estimate(rr.request);
        const Explanation e = explain(rr.request, p);
        const auto *out = findTerm(e.devices.front().segment(Segment::Weights), TermKind::OutputWeight);
        QVERIFY(out);
        QCOMPARE(out->label, std::string("output.weight"));
        QCOMPARE(out->type, std::string("Q6_K"));
        const auto *embd = findTerm(e.host.segment(Segment::Weights), TermKind::TokenEmbedding);
        QVERIFY(embd);
        QCOMPARE(embd->label, std::string("token_embd.weight"));
        QVERIFY(!findTerm(e.devices.front().segment(Segment::Weights), TermKind::TokenEmbedding));
        // Every tensor of the inventory is counted once, on the card or on the host.
        std::uint32_t tensors = 0;
        for (const auto *seg : {&e.devices.front().segment(Segment::Weights), &e.host.segment(Segment::Weights)})
            for (const auto &t : seg->terms)
                tensors += t.count;
        QCOMPARE(tensors, static_cast<std::uint32_t>(rr.request.inventory->tensors.size()));
        QVERIFY(hasAssumption(e, AssumptionCode::EmbeddingsOnHost));
    }

    void computeNamesTheWinner()
    {
        // llama.cpp at ubatch 512 without flash attention: the card holding the output layer takes the largest of
        // the attention scratch, the FFN scratch and the logits; the losers are listed, not counted.
        const auto rr = resolved("qwen2.5-7b-instruct", "", "llama.cpp", "", "rtx-4090", 8192);
        const Placement p = estimate(rr.request);
        const Explanation e = explain(rr.request, p);
        const auto &c = e.devices.front().segment(Segment::Compute);
        QCOMPARE(c.terms.size(), std::size_t{3});
        Bytes largest = 0;
        for (const auto &t : c.terms)
            largest = std::max(largest, t.bytes);
        QCOMPARE(c.bytes, largest);
        QCOMPARE(std::count_if(c.terms.begin(), c.terms.end(), [](const ExplainTerm &t) { return !t.counted; }), 2);
        const auto *att = findTerm(c, TermKind::AttentionScratch);
        QVERIFY(att);
        QCOMPARE(factor(att->parts.back(), Factor::Tokens), std::uint64_t{512});
    }

    void tensorParallelRanksHoldShares()
    {
        // vLLM -tp 2: each rank holds floor(whole / 2) of every weight group and of the KV; the rounding is its own term.
        const auto rr = resolved("qwen3-8b", "", "vllm", "", "a100-80gb a100-80gb", 32768);
        const Placement p = estimate(rr.request);
        const Explanation e = explain(rr.request, p);
        QCOMPARE(e.devices.size(), std::size_t{2});
        for (const auto &d : e.devices) {
            for (const Segment s : {Segment::Weights, Segment::KvCache})
                for (const auto &t : d.segment(s).terms)
                    if (t.kind != TermKind::RankShareRounding)
                        QVERIFY(std::any_of(t.factors.begin(), t.factors.end(), [](const ExplainFactor &f) {
                            return f.code == Factor::Ranks && f.use == FactorUse::Divide && f.value == 2;
                        }));
            QCOMPARE(d.units.size(), std::size_t{1});
            QCOMPARE(d.units.front().to, p.totalLayers);
        }
        QVERIFY(e.host.segment(Segment::Weights).terms.empty());
        QVERIFY(hasAssumption(e, AssumptionCode::TensorParallelSplit));
    }

    void perLayerKvHeadsAreTheirOwnTerm()
    {
        // No shipped model has per-block KV heads yet: Qwen3-8B with every other block at 2 KV heads instead of 8.
        const auto &c = test::shippedCatalog();
        ModelSpec m = test::shippedModel("qwen3-8b");
        m.layerKvHeads.assign(m.layers, m.kvHeads);
        for (std::uint32_t l = 0; l < m.layers; l += 2)
            m.layerKvHeads[l] = 2;
        const auto &engine = *c.findEngine("llama.cpp");
        const auto inventory = buildInventory(m, *c.findQuantization("Q4_K_M"), engine);
        QVERIFY(inventory);
        EstimateRequest r;
        r.model = &m;
        r.inventory = &*inventory;
        r.engine = &engine;
        r.ctx = 8192;
        r.devices = {deviceFromHardware(*c.findHardware("rtx-4090"))};
        QVERIFY(!validateRequest(r));
        const Placement p = estimate(r);
        const Explanation e = explain(r, p);
        const auto &kv = e.devices.front().segment(Segment::KvCache);
        QCOMPARE(kv.countedBytes(), p.devices.front().kvCache);
        const auto *own = findTerm(kv, TermKind::KvLayerHeads);
        const auto *model = findTerm(kv, TermKind::KvAttention);
        QVERIFY(own && model);
        QCOMPARE(factor(*own, Factor::KvHeads), std::uint64_t{2});
        QCOMPARE(factor(*own, Factor::Layers), std::uint64_t{(m.layers + 1) / 2});
        QCOMPARE(factor(*model, Factor::KvHeads), std::uint64_t{m.kvHeads});
        QCOMPARE(own->factorValue(), own->bytes);
    }

    void assumptionsNameTheirInput()
    {
        // Ollama at its default context: the context by VRAM, its reserve, auto flash attention.
        const auto rr = resolved("qwen3-8b", "", "ollama", "", "rtx-4090", 0);
        const Placement p = estimate(rr.request);
        const Explanation e = explain(rr.request, p);
        const auto find = [&](AssumptionCode code) {
            const auto it = std::find_if(e.assumptions.begin(), e.assumptions.end(), [&](const Assumption &a) { return a.code == code; });
            return it == e.assumptions.end() ? nullptr : &*it;
        };
        const auto *ctx = find(AssumptionCode::ContextByVram);
        QVERIFY(ctx);
        QCOMPARE(ctx->value, std::uint64_t{p.ctx});
        QCOMPARE(ctx->input, InputCode::Ctx);
        QVERIFY(QString::fromStdString(ctx->source).contains("routes.go"));
        const auto *reserve = find(AssumptionCode::DeviceReserve);
        QVERIFY(reserve);
        QCOMPARE(reserve->value, Bytes{457} * MiB);
        QVERIFY(QString::fromStdString(reserve->source).contains("MinimumMemory"));
        QVERIFY(find(AssumptionCode::FlashAttnDefault));
        // A context given is not an assumption.
        const auto given = resolved("qwen3-8b", "", "ollama", "", "rtx-4090", 8192);
        const Explanation g = explain(given.request, estimate(given.request));
        QVERIFY(!hasAssumption(g, AssumptionCode::ContextByVram));
        // vLLM: gpu_memory_utilization; a Mac: its wired limit.
        const auto vllm = resolved("qwen3-8b", "", "vllm", "", "a100-80gb", 8192);
        QVERIFY(hasAssumption(explain(vllm.request, estimate(vllm.request)), AssumptionCode::GpuMemoryUtilization));
        const auto mac = resolved("qwen3-8b", "", "llama.cpp", "", "apple-m4-max-64gb", 8192);
        QVERIFY(hasAssumption(explain(mac.request, estimate(mac.request)), AssumptionCode::AppleWiredLimit));
    }
};

QTEST_APPLESS_MAIN(TestExplain)
#include "tst_explain.moc"
