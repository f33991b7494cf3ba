// SPDX-License-Identifier: GPL-3.0-or-later
// How llama.cpp allocates away from the one-GPU full offload: CPU only (no second copy of tied embeddings, one graph
// buffer), every layer on two or more GPUs (pipeline parallelism's copies of each split's inputs), and the compute
// buffers of current builds (the F16 mask, the FFN's live set); and how vLLM's profile run sizes its activation peak.
// The measured figures are rows of tests/data/calibration.csv (docs/validation.md); these tests pin the rules themselves.
#include "test_catalog.h"

#include <headroom/estimator.h>
#include <headroom/request_resolver.h>

#include <QtTest>

#include <cmath>

using namespace headroom;
using headroom::test::resolved;

namespace {

RequestInputs inputs(const char *model, std::vector<DeviceChoice> gpus, std::uint32_t ctx)
{
    RequestInputs in;
    in.model = model;
    in.engine = "llama.cpp";
    in.engineVersion = "b9789";
    in.gpus = std::move(gpus);
    in.ctx = ctx;
    in.hostRam = 128 * GiB;
    return in;
}

RequestInputs onEngine(const char *model, const char *engine, const char *version, std::uint32_t ctx, const char *gpu)
{
    RequestInputs in;
    in.model = model;
    in.engine = engine;
    in.engineVersion = version;
    in.ctx = ctx;
    in.gpus = {DeviceChoice(gpu)};
    return in;
}

Bytes fileBytes(const ResolvedRequest &rr)
{
    Bytes sum = 0;
    for (const auto &t : rr.inventory->tensors)
        sum += t.bytes;
    return sum;
}

} // namespace

class TestEngineFidelity : public QObject
{
    Q_OBJECT

private slots:
    void cpuOnlyMapsTiedEmbeddingsOnce_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("tied");
        QTest::newRow("gemma-2-9b (tied)") << "gemma-2-9b-it" << true;
        QTest::newRow("qwen2.5-0.5b (tied)") << "qwen2.5-0.5b-instruct" << true;
        QTest::newRow("llama-3.2-1b (tied)") << "llama-3.2-1b-instruct" << true;
        QTest::newRow("llama-3.1-8b (untied)") << "llama-3.1-8b-instruct" << false;
    }

    void cpuOnlyMapsTiedEmbeddingsOnce()
    {
        // With mmap the output layer's TENSOR_DUPLICATED copy maps the same file bytes as token_embd: CPU only, the
        // weights are the file. On a GPU the copy is real and the two together hold the file plus the matrix again.
        QFETCH(QString, model);
        QFETCH(bool, tied);
        const auto id = model.toStdString();
        const ResolvedRequest cpu = resolved(inputs(id.c_str(), {}, 4096));
        QCOMPARE(cpu.request.model->tiedEmbeddings, tied);
        const Placement onCpu = estimate(cpu.request);
        QVERIFY(onCpu.devices.empty());
        QCOMPARE(onCpu.host.weights, fileBytes(cpu));

        const ResolvedRequest gpu = resolved(inputs(id.c_str(), {DeviceChoice("h100-sxm-80gb")}, 4096));
        const Placement onGpu = estimate(gpu.request);
        QCOMPARE(onGpu.gpuLayers, onGpu.totalLayers);
        const Bytes both = onGpu.devices.front().weights + onGpu.host.weights;
        if (tied)
            QVERIFY2(both > fileBytes(gpu), "a GPU holds its own copy of the tied output matrix");
        else
            QCOMPARE(both, fileBytes(gpu));
    }

    void partialOffloadPlacesTheOutputLayerByBuild_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("outputOnGpu");
        // Mid-2025 builds offload the last N blocks and keep the output layer on the host; since the --fit builds
        // -ngl N takes the output layer first ("offloading output layer to GPU ... offloaded 14/27 layers").
        QTest::newRow("b6000: blocks first") << "b6000" << false;
        QTest::newRow("b9789: output first") << "b9789" << true;
    }

    void partialOffloadPlacesTheOutputLayerByBuild()
    {
        QFETCH(QString, version);
        QFETCH(bool, outputOnGpu);
        RequestInputs in = inputs("gemma-2-9b-it", {DeviceChoice("rtx-4090")}, 4096);
        in.engineVersion = version.toStdString();
        in.gpuLayers = 20;
        const ResolvedRequest rr = resolved(in);
        const Placement p = estimate(rr.request);
        QCOMPARE(p.gpuLayers, 20U);
        const Bytes both = p.devices.front().weights + p.host.weights;
        // On the host the tied copy maps the input table's bytes; on the GPU it is a copy of its own.
        if (outputOnGpu)
            QVERIFY(both > fileBytes(rr));
        else
            QCOMPARE(both, fileBytes(rr));
        // Either way 20 units are on the GPU: 20 blocks, or 19 and the output layer.
        RequestInputs all = in;
        all.gpuLayers.reset();
        const Placement full = estimate(resolved(all).request);
        QCOMPARE(full.gpuLayers, full.totalLayers);
        QVERIFY(p.devices.front().weights < full.devices.front().weights);
    }

    void cpuOnlyHasOneGraphBuffer()
    {
        // CPU only the inputs live inside the one compute buffer: the CPU's buffer is what the GPU's would be, with no
        // host input buffers beside it (a Llama-3.1-8B log: 560.01 MiB CPU only, 560.00 + 24.01 MiB with a GPU).
        const Placement onCpu = estimate(resolved(inputs("llama-3.1-8b-instruct", {}, 8192)).request);
        const Placement onGpu = estimate(resolved(inputs("llama-3.1-8b-instruct", {DeviceChoice("h100-sxm-80gb")}, 8192)).request);
        QCOMPARE(onCpu.host.compute, onGpu.devices.front().compute);
        QVERIFY(onGpu.host.compute > 0);
        // The logits of every sequence still come back into an output buffer on the host, either way.
        QVERIFY(onCpu.host.overhead > 0);
        QCOMPARE(onCpu.host.overhead, onGpu.host.overhead);
    }

    void pipelineParallelCopiesSplitInputs()
    {
        // Every layer on two GPUs: each keeps three more copies of its mask and incoming hidden rows, and the host
        // three more of the mask it builds (n_copies = 4). b9789 builds the flash-attention mask in F16 (PR #23764):
        // 8192 cells x 512 tokens x 2 B = 8 MiB of mask per copy.
        const Placement one = estimate(resolved(inputs("qwen3-8b", {DeviceChoice("rtx-4090")}, 8192)).request);
        const Placement two = estimate(resolved(inputs("qwen3-8b", {DeviceChoice("rtx-4090"), DeviceChoice("rtx-4090")}, 8192)).request);
        QCOMPARE(two.gpuLayers, two.totalLayers);
        const Bytes mask = 8192ULL * 512 * 2;
        const Bytes hidden = 512ULL * 4096 * 4;
        QCOMPARE(two.host.compute, one.host.compute + 3 * mask);
        // The second GPU runs the output layer, as the one GPU does; the first only blocks.
        QCOMPARE(two.devices[1].compute, one.devices.front().compute + 3 * (mask + hidden));
        QVERIFY(two.devices[0].compute <= two.devices[1].compute);

        // A layer in system RAM, or a tensor override (--n-cpu-moe), turns pipeline parallelism off.
        RequestInputs partial = inputs("qwen3-8b", {DeviceChoice("rtx-4090"), DeviceChoice("rtx-4090")}, 8192);
        partial.gpuLayers = 30;
        RequestInputs partialOne = inputs("qwen3-8b", {DeviceChoice("rtx-4090")}, 8192);
        partialOne.gpuLayers = 30;
        QCOMPARE(estimate(resolved(partial).request).host.compute, estimate(resolved(partialOne).request).host.compute);
        RequestInputs moe = inputs("qwen3-30b-a3b", {DeviceChoice("rtx-4090"), DeviceChoice("rtx-4090")}, 8192);
        const Placement moeAll = estimate(resolved(moe).request);
        moe.expertsOnHost = 4;
        const Placement moeOffload = estimate(resolved(moe).request);
        QVERIFY(moeOffload.host.compute < moeAll.host.compute);
    }

    void flashAttentionMaskIsF16FromB9428()
    {
        // PR #23764 (first in b9428): the host builds the flash-attention mask in F16, where it built F32 for the GPU to
        // cast. Qwen3-8B at 8192 cells and 512 tokens: 16 MiB of F32 mask becomes 8 MiB on the host.
        RequestInputs before = inputs("qwen3-8b", {DeviceChoice("rtx-4090")}, 8192);
        before.engineVersion = "b9300";
        before.flashAttn = FlashAttn::On;
        RequestInputs after = before;
        after.engineVersion = "b9428";
        const Placement b = estimate(resolved(before).request);
        const Placement a = estimate(resolved(after).request);
        QCOMPARE(b.host.compute - a.host.compute, Bytes{8192} * 512 * 2);
        // Without flash attention the softmax still takes an F32 mask.
        before.flashAttn = after.flashAttn = FlashAttn::Off;
        QCOMPARE(estimate(resolved(before).request).host.compute, estimate(resolved(after).request).host.compute);
    }

    void gpuBufferHoldsTheFfnLiveSet()
    {
        // A 2026 llama-server log (tests/data/calibration.csv row 5373): Qwen2.5-7B Q4_K_M, -c 16384, q8_0 K and V,
        // flash attention, 4 slots sharing the cache: 'CUDA0 compute buffer size = 148.09 MiB'. At the FFN the GPU holds
        // up, gate and their swiglu product (3 x 512 x 18944 F32), three residual rows (3 x 512 x 3584 F32) and its
        // copy of the F16 mask (16384 x 512 x 2 B) together.
        RequestInputs in = inputs("qwen2.5-7b-instruct", {DeviceChoice("rtx-5090")}, 16384);
        in.engineVersion = "b10573";
        in.kvType = "q8_0";
        in.flashAttn = FlashAttn::On;
        const Placement p = estimate(resolved(in).request);
        const Bytes expected = 3ULL * 512 * 18944 * 4 + 3ULL * 512 * 3584 * 4 + 16384ULL * 512 * 2;
        QCOMPARE(p.devices.front().compute, expected);
        QVERIFY(std::abs(static_cast<double>(expected) / (148.09 * 1048576) - 1) < 0.002);
        // The builds before the live-set row keep the two-row FFN their load logs were fitted to.
        in.engineVersion = "b9300";
        QVERIFY(estimate(resolved(in).request).devices.front().compute < expected);
    }

    void ollamaGptOssKeepsMoreThanItsWindow()
    {
        // Ollama's own engine gives gpt-oss kvcache.NewSWAMemCache(128, 4096): each window layer keeps 4096 tokens plus a
        // batch (512). A 0.11.10 gpt-oss:120b load at 8192 tokens logs 'kv cache ... 450.0 MiB' (row 5453): 18 full layers
        // x 8192 cells + 18 window layers x 4608 cells, at 8 KV heads x 64 dims x (K+V) x 2 B per cell.
        RequestInputs in = onEngine("gpt-oss-120b", "ollama", "0.11.10", 8192, "ryzen-ai-max-395-128gb");
        in.parallel = 1;
        const Placement p = estimate(resolved(in).request);
        const Bytes perCell = 8ULL * 64 * 2 * 2;
        QCOMPARE(p.devices.front().kvCache, 18 * perCell * 8192 + 18 * perCell * 4608);
        // From 0.30.0 Ollama runs llama-server, whose window layers keep the window and a ubatch (padded to 256).
        in.engineVersion = "0.30.0";
        QCOMPARE(estimate(resolved(in).request).devices.front().kvCache, 18 * perCell * 8192 + 18 * perCell * 768);
    }

    void vllmProfileSamplesOnTheDriverRank()
    {
        // vLLM V0's profile run samples max_num_seqs (256) rows with top-k and top-p; vllm PR #10511 logs the same
        // 1.26 GiB activation peak for Llama-3.1-8B at TP 1 and TP 2, so the sampler, not the split layers, sets it.
        RequestInputs in = onEngine("llama-3.1-8b-instruct", "vllm", "0.6.4", 8192, "h100-sxm-80gb");
        const Placement tp1 = estimate(resolved(in).request);
        in.gpuCount = 2;
        const Placement tp2 = estimate(resolved(in).request);
        const Bytes sampler = 256ULL * 128256 * 39 + 8192ULL * 4096 * 2;
        QCOMPARE(tp1.devices.front().compute, sampler);
        QCOMPARE(tp2.devices.front().compute, sampler);
        // Past 32K tokens V0 prefills in chunks: that profile does not sort a whole vocabulary per sequence.
        in.ctx = 65536;
        in.gpuCount.reset();
        QVERIFY(estimate(resolved(in).request).devices.front().compute < sampler / 2);
    }

    void vllmV1SamplesEveryProfileOnEveryRank()
    {
        // V1's profile samples after every pass, one row per dummy request: 1024 of them on an H100 (max_num_seqs 1024,
        // max_num_batched_tokens 8192, arg_utils.py's defaults for >= 70 GiB), whatever the context, at 15 bytes per
        // entry beside the batch's hidden states; vLLM v0.19.0 logs 1.89 GiB for Llama-3.1-8B at TP 1, 2 and 4 alike.
        RequestInputs in = onEngine("llama-3.1-8b-instruct", "vllm", "0.19.0", 131072, "h100-sxm-80gb");
        const Bytes sampler = 1024ULL * 128256 * 15 + 8192ULL * 4096 * 2;
        const Placement tp1 = estimate(resolved(in).request);
        QCOMPARE(tp1.devices.front().compute, sampler);
        in.gpuCount = 4;
        const Placement tp4 = estimate(resolved(in).request);
        QCOMPARE(tp4.devices.front().compute, sampler);
        // Each rank of a tensor-parallel run holds NCCL's buffers besides the runtime's context (2.06-2.21 GiB of
        // non-torch memory a rank at TP 2 and 4 against 0.25 at TP 1 in the same logs).
        QCOMPARE(tp4.devices.back().overhead, tp1.devices.front().overhead + 1894 * MiB);
        // On an A100 (excluded by name) V1 keeps 2048 tokens and 256 sequences.
        in.gpus = {DeviceChoice("a100-80gb")};
        in.gpuCount.reset();
        QCOMPARE(estimate(resolved(in).request).devices.front().compute, 256ULL * 128256 * 15 + 2048ULL * 4096 * 2);
    }

    void partialOffloadCopiesAWeightFromRam()
    {
        // Op offload runs a large batch's ops on weights in RAM on the first GPU, copying one weight at a time; a copy
        // larger than the scratch lands above it. DeepSeek-V3 Q3_K_M at -ngl 5 (b4568): the layers' scratch and the
        // largest routed-expert tensor left in RAM (Q4_K ffn_down_exps, 256 x 2048 x 7168 x 144 / 256 bytes).
        RequestInputs in = onEngine("deepseek-v3", "llama.cpp", "b4568", 4096, "rtx-4090");
        in.quant = "Q3_K_M";
        in.flashAttn = FlashAttn::Off;
        in.gpuLayers = 5;
        const Bytes expertCopy = 256ULL * 2048 * 7168 * 144 / 256;
        const Placement partial = estimate(resolved(in).request);
        in.gpuLayers = 62; // every block and the output: nothing left in RAM to copy
        const Placement full = estimate(resolved(in).request);
        QCOMPARE(partial.devices.front().compute, full.devices.front().compute + expertCopy);
        // A batch under 32 rows stays on the CPU: nothing is copied.
        in.gpuLayers = 5;
        in.ubatch = 16;
        const Placement small = estimate(resolved(in).request);
        in.gpuLayers = 62;
        QCOMPARE(small.devices.front().compute, estimate(resolved(in).request).devices.front().compute);
    }
};

QTEST_APPLESS_MAIN(TestEngineFidelity)
#include "tst_engine_fidelity.moc"
