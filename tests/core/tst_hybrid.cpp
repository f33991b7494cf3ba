// SPDX-License-Identifier: GPL-3.0-or-later
// Hybrid (linear attention / state-space) models and per-layer shapes, against what the engines print for
// real files. Every expected figure below comes from a published log or GGUF dump named next to it; the
// arithmetic in the comments shows how llama.cpp arrives at it (src/llama-hparams.cpp n_embd_r / n_embd_s,
// F32 recurrent states, KV only in the attention layers).
#include "test_catalog.h"

#include <headroom/estimator.h>
#include <headroom/kv_cache.h>
#include <headroom/request_resolver.h>
#include <headroom/tensor_inventory.h>

#include <QtTest>

#include <cstdio>
#include <numeric>

using namespace headroom;

namespace {

using test::shippedModel;

KvGeometry geometry(const ModelSpec &m, const char *engine, std::uint32_t ctx, std::uint32_t parallel = 1)
{
    const auto &e = *test::shippedCatalog().findEngine(engine);
    return kvGeometry(m, e, e.behaviourFor(""), KvType::F16, KvType::F16, ctx, parallel, 512);
}

Bytes sum(const std::vector<Bytes> &v)
{
    return std::accumulate(v.begin(), v.end(), Bytes{0});
}

/** KV of the blocks that attend (what llama.cpp logs as "llama_kv_cache: size"), without the recurrent state. */
Bytes attentionKv(const ModelSpec &m, const KvGeometry &g)
{
    const auto layers = kvLayerBytes(m, g);
    Bytes kv = 0;
    for (std::uint32_t l = 0; l < m.layers; ++l)
        if (m.hasKv(l))
            kv += layers[l];
    return kv;
}

const Tensor *findTensor(const std::vector<Tensor> &tensors, const std::string &name)
{
    for (const auto &t : tensors)
        if (t.name == name)
            return &t;
    return nullptr;
}

/** MiB as llama.cpp prints them: "%.3f" (llama-server's checkpoints), "%.2f" (llama_model_loader's file size). */
QString mib(Bytes b, int decimals)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, static_cast<double>(b) / static_cast<double>(MiB));
    return QString::fromLatin1(buf);
}

} // namespace

class TestHybrid : public QObject
{
    Q_OBJECT

private slots:
    void qwen3NextStateIsIndependentOfContext()
    {
        // Qwen3-Next-80B-A3B (GGUF metadata in ggml-org/llama.cpp PR #16095): 48 blocks, every 4th attends.
        const auto &m = shippedModel("qwen3-next-80b-a3b-instruct");
        QCOMPARE(recurrentLayerCount(m), 36U);
        // n_embd_r = (4 - 1) x (4096 + 2 x 16 x 128) = 24576, n_embd_s = 128 x 4096 = 524288 floats.
        QCOMPARE(recurrentState(m).conv, std::uint64_t{24576});
        QCOMPARE(recurrentState(m).ssm, std::uint64_t{524288});
        const auto shortCtx = geometry(m, "llama.cpp", 4096);
        const auto longCtx = geometry(m, "llama.cpp", 262144);
        QCOMPARE(shortCtx.statePerLayer, Bytes{2195456});
        QCOMPARE(longCtx.statePerLayer, shortCtx.statePerLayer);
        const auto a = kvLayerBytes(m, shortCtx);
        const auto b = kvLayerBytes(m, longCtx);
        Bytes state = 0;
        for (std::uint32_t l = 0; l < m.layers; ++l) {
            if (m.isRecurrent(l)) {
                QCOMPARE(a[l], b[l]); // the state does not grow with the context
                state += a[l];
            } else {
                // 2 KV heads x 256 x (K + V) x 2 B = 2048 B per cell, only in attention blocks
                QCOMPARE(a[l], Bytes{4096} * 2048);
                QCOMPARE(b[l], Bytes{262144} * 2048);
            }
        }
        QCOMPARE(state, Bytes{79036416}); // R 3.375 MiB + S 72 MiB per sequence
        QCOMPARE(sum(a) - state, Bytes{12} * 4096 * 2048);
        QCOMPARE(kvBytesPerToken(m, shortCtx), Bytes{12} * 2048);
        // One sequence slot per parallel sequence.
        QCOMPARE(geometry(m, "llama.cpp", 4096, 4).statePerLayer, Bytes{4} * 2195456);
    }

    void qwen3NextCheckpointMatchesServerLog()
    {
        // llama-server: "erasing old context checkpoint (pos_min = 16037, pos_max = 16037, size = 75.376 MiB)" for
        // Qwen3-Next with n_ctx_slot = 262144 (ggerganov, ggml-org/llama.cpp PR #19408): the recurrent state of one
        // sequence plus llama-memory-recurrent.cpp's 884 header bytes.
        const auto &m = shippedModel("qwen3-next-80b-a3b-instruct");
        const Bytes checkpoint = recurrentCheckpointBytes(m, KvType::F32);
        QCOMPARE(checkpoint, Bytes{79036416 + 884});
        QCOMPARE(mib(checkpoint, 3), QStringLiteral("75.376"));
    }

    void qwen3NextTensorsMatchTheFile()
    {
        // "loaded meta data with 45 key-value pairs and 807 tensors" (PR #16095; lmstudio-bug-tracker#1266 likewise).
        const auto tensors = architectureTensors(shippedModel("qwen3-next-80b-a3b-instruct"));
        QCOMPARE(tensors.size(), std::size_t{807});
        const auto *q = findTensor(tensors, "blk.3.attn_q.weight"); // query and gate: 2 x 16 x 256
        QVERIFY(q);
        QCOMPARE(q->ne[1], std::uint64_t{8192});
        QVERIFY(findTensor(tensors, "blk.0.ssm_in.weight"));
        QVERIFY(!findTensor(tensors, "blk.0.attn_k.weight"));
        QVERIFY(!findTensor(tensors, "blk.3.ssm_in.weight"));
    }

    void graniteTinyMatchesGgufDump()
    {
        // gguf-dump and gdb of granite-4.0-h-tiny-Q4_0.gguf (danbev/learning-ai notes): GGUF.tensor_count = 666,
        // blk.0 shapes below, hparams.n_embd_r() = 9984 and cache_r_l0 nb[1] = 39936 (F32).
        const auto &m = shippedModel("granite-4.0-h-tiny");
        const auto tensors = architectureTensors(m);
        QCOMPARE(tensors.size(), std::size_t{666});
        const auto shape = [&](const char *name) {
            const auto *t = findTensor(tensors, name);
            return t ? QString::number(t->ne[0]) + "," + QString::number(t->ne[1]) : QStringLiteral("missing");
        };
        QCOMPARE(shape("blk.0.ssm_in.weight"), QStringLiteral("1536,6448"));
        QCOMPARE(shape("blk.0.ssm_conv1d.weight"), QStringLiteral("4,3328"));
        QCOMPARE(shape("blk.0.ssm_conv1d.bias"), QStringLiteral("3328,1"));
        QCOMPARE(shape("blk.0.ssm_a"), QStringLiteral("1,48"));
        QCOMPARE(shape("blk.0.ssm_d"), QStringLiteral("1,48"));
        QCOMPARE(shape("blk.0.ssm_dt.bias"), QStringLiteral("48,1"));
        QCOMPARE(shape("blk.0.ssm_norm.weight"), QStringLiteral("3072,1"));
        QCOMPARE(shape("blk.0.ssm_out.weight"), QStringLiteral("3072,1536"));
        QCOMPARE(shape("blk.0.ffn_down_shexp.weight"), QStringLiteral("1024,1536"));
        QCOMPARE(recurrentState(m).conv, std::uint64_t{9984});
        QCOMPARE(recurrentStateBytes(m, KvType::F32), Bytes{39936} + Bytes{128} * 3072 * 4);
        // print_info "model params = 6.94 B" (LostRuins/koboldcpp#1781)
        const auto params = std::accumulate(tensors.begin(), tensors.end(), std::uint64_t{0},
                                            [](std::uint64_t n, const Tensor &t) { return n + t.elements(); });
        QCOMPARE(QString::number(static_cast<double>(params) / 1e9, 'f', 2), QStringLiteral("6.94"));
        // KV only in the 4 attention blocks: 4 heads x 128 x 2 x 2 B per cell.
        const auto g = geometry(m, "llama.cpp", 8192);
        QCOMPARE(kvBytesPerToken(m, g), Bytes{4} * 2048);
        QCOMPARE(sum(kvLayerBytes(m, g)), Bytes{4} * 8192 * 2048 + Bytes{36} * (39936 + 1572864));
    }

    void lfm2KvOnlyInAttentionBlocks()
    {
        // LFM2-350M (print_info in ggml-org/llama.cpp#14979): n_head_kv [0, 0, 8, 0, 0, 8, 0, 0, 8, 0, 8, 0, 8, 0, 8, 0].
        // 6 attention blocks x 8 heads x 64 x 2 x 2 B x 4096 cells = 48.00 MiB, the "llama_kv_cache: size = 48.00 MiB
        // (4096 cells" of an LFM2 1.2B-based model with the same attention blocks (ggml-org/llama.cpp PR #18641).
        const auto &m = shippedModel("lfm2-350m");
        const auto g = geometry(m, "llama.cpp", 4096);
        const Bytes kv = attentionKv(m, g);
        QCOMPARE(kv, Bytes{48} * MiB);
        // Short convolution: n_embd x (L_cache - 1) floats, no S.
        QCOMPARE(recurrentState(m).conv, std::uint64_t{2048});
        QCOMPARE(recurrentState(m).ssm, std::uint64_t{0});
        QCOMPARE(g.statePerLayer, Bytes{8192});
        QCOMPARE(sum(kvLayerBytes(m, g)), kv + Bytes{10} * 8192);
        // F16 file: "file size = 676.25 MiB (16.00 BPW)" (#14979): F16 weights, F32 norms and conv kernels.
        const auto inv = buildInventory(m, *test::shippedCatalog().findQuantization("F16"));
        QVERIFY(inv);
        QCOMPARE(mib(inv->total(), 2), QStringLiteral("676.25"));
    }

    void lfm2OnePointTwoMatchesTheSafetensors()
    {
        // HF LiquidAI/LFM2-1.2B model.safetensors (metadata in fetchwiki/LiquidAI-LFM2-1.2B@07edccf
        // model_files.json): 148 tensors, total_parameters 1,170,340,608. Tied embeddings: the GGUF holds the same.
        const auto &m = shippedModel("lfm2-1.2b");
        const auto tensors = architectureTensors(m);
        QCOMPARE(tensors.size(), std::size_t{148});
        const auto params = std::accumulate(tensors.begin(), tensors.end(), std::uint64_t{0},
                                            [](std::uint64_t n, const Tensor &t) { return n + t.elements(); });
        QCOMPARE(params, std::uint64_t{1170340608});
        // "llama_kv_cache: size = 48.00 MiB (4096 cells" of an LFM2 1.2B-based GGUF (ggml-org/llama.cpp PR #18641):
        // 6 attention blocks x 8 KV heads x 64 x (K + V) x 2 B x 4096 cells.
        const auto g = geometry(m, "llama.cpp", 4096);
        const Bytes kv = attentionKv(m, g);
        QCOMPARE(kv, Bytes{48} * MiB);
        QCOMPARE(g.statePerLayer, Bytes{2048} * 2 * 4); // n_embd x (L_cache - 1) F32
    }

    void graniteMicroIsADenseHybrid()
    {
        // Granite-4.0-H-Micro: "3B total parameters" (AWS Marketplace listing prodview-cob4eb7dc54wa); its config
        // has num_local_experts 0, so every block carries the dense shared MLP and there are no expert tensors.
        const auto &m = shippedModel("granite-4.0-h-micro");
        const auto tensors = architectureTensors(m);
        const auto params = std::accumulate(tensors.begin(), tensors.end(), std::uint64_t{0},
                                            [](std::uint64_t n, const Tensor &t) { return n + t.elements(); });
        QCOMPARE(QString::number(static_cast<double>(params) / 1e9, 'f', 0), QStringLiteral("3"));
        QCOMPARE(params, m.params); // the catalog's count is this inventory's sum (3.19 B)
        QVERIFY(!findTensor(tensors, "blk.0.ffn_gate_exps.weight"));
        QVERIFY(findTensor(tensors, "blk.0.ffn_gate.weight"));
        QCOMPARE(recurrentLayerCount(m), 36U);
        // KV only in the 4 attention blocks: 8 heads x 64 x 2 x 2 B per cell.
        QCOMPARE(kvBytesPerToken(m, geometry(m, "llama.cpp", 8192)), Bytes{4} * 2048);
    }

    void perLayerKvHeadsAreHonoured()
    {
        // A block with more KV heads holds proportionally more cache; a block without attention holds none.
        ModelSpec m = shippedModel("granite-4.0-h-tiny");
        const auto base = kvLayerBytes(m, geometry(m, "llama.cpp", 4096));
        m.layerKvHeads.assign(m.layers, 0);
        for (std::uint32_t l = 0; l < m.layers; ++l)
            if (m.hasKv(l))
                m.layerKvHeads[l] = 4;
        m.layerKvHeads[15] = 12;
        const auto wider = kvLayerBytes(m, geometry(m, "llama.cpp", 4096));
        QCOMPARE(wider[5], base[5]);
        QCOMPARE(wider[15], base[15] * 3);
        QCOMPARE(wider[0], base[0]); // a Mamba block: its state, whatever the list says
    }

    void enginesStoreTheStateAsTheyDo()
    {
        // llama.cpp and Ollama keep R and S in F32 (create_memory); vLLM in the model's dtype
        // (MambaStateDtypeCalculator, mamba_cache_dtype "auto").
        const auto &m = shippedModel("qwen3-next-80b-a3b-instruct");
        QCOMPARE(geometry(m, "ollama", 4096).statePerLayer, Bytes{2195456});
        QCOMPARE(geometry(m, "vllm", 4096).statePerLayer, Bytes{2195456} / 2);
    }

    void checkpointsAreCountedInHostRam()
    {
        // llama-server b9300+: 8 checkpoints per slot of a hybrid model live in host memory; an uniform model
        // has none.
        RequestInputs in;
        in.model = "qwen3-next-80b-a3b-instruct";
        in.engine = "llama.cpp";
        in.engineVersion = "b9300";
        in.ctx = 4096;
        in.parallel = 1;
        in.gpus.push_back(std::string("h100-sxm-80gb"));
        auto r = resolveRequest(test::shippedCatalog(), in);
        QVERIFY(std::holds_alternative<ResolvedRequest>(r));
        const auto p = estimate(std::get<ResolvedRequest>(r).request);
        const Bytes checkpoints = Bytes{8} * recurrentCheckpointBytes(shippedModel("qwen3-next-80b-a3b-instruct"), KvType::F32);
        QVERIFY2(p.host.kvCache >= checkpoints, qPrintable(QString::number(p.host.kvCache)));
        in.engineVersion = "b7870"; // before the sourced default: not counted
        auto older = resolveRequest(test::shippedCatalog(), in);
        QVERIFY(std::holds_alternative<ResolvedRequest>(older));
        const auto q = estimate(std::get<ResolvedRequest>(older).request);
        QCOMPARE(p.host.kvCache - q.host.kvCache, checkpoints);
    }
};

QTEST_APPLESS_MAIN(TestHybrid)
#include "tst_hybrid.moc"
