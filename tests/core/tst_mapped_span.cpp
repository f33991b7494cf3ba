// SPDX-License-Identifier: GPL-3.0-or-later
// llama.cpp with mmap on a Mac: Metal wraps the file from the GPU's first tensor to its last (MappedSpan), so the
// host's tensors in between count in the GPU's buffer. Checked on a real GGUF header (tests/golden/gguf, the order
// its tensors are listed in), on the catalog's derived inventories (llama-quantize's order), and on estimates: the
// published gpt-oss-20b pair (Metal_Mapped 11536.18 MiB on an Apple M5 = ROCm0 10949.38 + CPU_Mapped 586.82).
#include "test_catalog.h"

#include <headroom/estimator.h>
#include <headroom/explanation.h>
#include <headroom/io/gguf_file.h>
#include <headroom/io/gguf_model.h>
#include <headroom/launch_command.h>
#include <headroom/mapped_span.h>
#include <headroom/placement_json.h>
#include <headroom/request_resolver.h>
#include <headroom/rule_of_thumb.h>

#include <nlohmann/json.hpp>

#include <QtTest>

#include <fstream>
#include <iterator>

using namespace headroom;
using headroom::test::resolved;

namespace {

RequestInputs on(const char *model, const char *quant, const char *gpu, const char *engine = "llama.cpp")
{
    RequestInputs in;
    in.model = model;
    in.quant = quant;
    in.engine = engine;
    in.gpus = {DeviceChoice(gpu)};
    in.ctx = 4096;
    return in;
}

Bytes bytesOf(const TensorInventory &inv, const std::string &name)
{
    for (const auto &t : inv.tensors)
        if (t.name == name)
            return t.bytes;
    return 0;
}

Bytes heldFrom(const TensorInventory &inv, std::uint32_t firstBlock, bool output)
{
    Bytes held = 0;
    for (const auto &t : inv.tensors)
        if ((t.layer >= static_cast<int>(firstBlock) && t.layer < static_cast<int>(inv.layers)) ||
            (output && t.layer >= static_cast<int>(inv.layers)))
            held += t.bytes;
    return held;
}

} // namespace

class TestMappedSpan : public QObject
{
    Q_OBJECT

private slots:
    void aFileThatListsTheEmbeddingsFirstMapsNothingMore()
    {
        // ggml-org's CI conversion of OpenLLaMA 7B v2 (Q4_K_M) lists token_embd first, the blocks, output_norm and
        // output last: every GPU range of its own layers is contiguous.
        const std::string path = std::string(HEADROOM_SOURCE_DIR) + "/tests/golden/gguf/open-llama-7b-v2-q4_k/header.gguf";
        std::ifstream f(path, std::ios::binary);
        const std::string header((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        QVERIFY(!header.empty());
        const auto *data = reinterpret_cast<const std::uint8_t *>(header.data());
        auto parsed = io::parseGguf({data, header.size()}, UINT64_MAX, path);
        QVERIFY(std::holds_alternative<io::GgufFile>(parsed));
        auto model = io::ggufToModel(std::get<io::GgufFile>(parsed));
        QVERIFY(std::holds_alternative<io::GgufModel>(model));
        const auto &inv = std::get<io::GgufModel>(model).inventory;
        QCOMPARE(inv.tensors.front().name, std::string("token_embd.weight"));
        const MappedSpan span(inv, false, 0);
        QCOMPARE(span.extra(0, true), Bytes{0});
        QCOMPARE(span.extra(20, true), Bytes{0});
        QCOMPARE(span.extra(20, false), Bytes{0});
        QVERIFY(span.inside(0, true).empty());
    }

    void llamaQuantizeOrderPutsTheEmbeddingsInsideTheRange()
    {
        // A derived inventory stands for a llama-quantize file: output, output_norm, token_embd, then blk.0..n-1.
        const ResolvedRequest r = resolved(on("llama-3.1-8b-instruct", "Q4_K_M", "apple-m4-pro-24gb"));
        const auto &inv = *r.request.inventory;
        QVERIFY(!inv.tiesOutput());
        const MappedSpan span(inv, false, 0);
        const Bytes embd = bytesOf(inv, "token_embd.weight");
        QVERIFY(embd > 0);
        QCOMPARE(span.extra(0, true), embd);       // full offload: the host's table is inside
        QCOMPARE(span.extra(24, false), Bytes{0}); // the last 8 blocks alone: the end of the file
        // The output layer and 8 blocks: the range runs from output.weight to the end, the whole file.
        QCOMPARE(span.extra(24, true) + heldFrom(inv, 24, true), inv.total());
        const auto inside = span.inside(24, true);
        QCOMPARE(inside.front()->name, std::string("token_embd.weight"));
        QCOMPARE(inside.back()->name.rfind("blk.23.", 0), std::size_t{0});
    }

    void tiedEmbeddingsAreTheOutputsOwnBytes()
    {
        // Llama 3.2 3B ties them: the output's TENSOR_DUPLICATED copy is token_embd's own range, nothing more is mapped
        // (MTL0_Mapped 2207.10 MiB for the 2.16 GiB file, tests/data/calibration.csv row 5341).
        const ResolvedRequest r = resolved(on("llama-3.2-3b-instruct", "Q5_K_M", "apple-m1-pro-16gb"));
        const auto &inv = *r.request.inventory;
        QVERIFY(inv.tiesOutput());
        QCOMPARE(MappedSpan(inv, true, 0).extra(0, true), Bytes{0});
    }

    void expertsInRamAreInsideButNotTheLastBlocksTail()
    {
        // --cpu-moe: every routed expert stays on the host, between the attention tensors the GPU holds. Inside a
        // block the names sort attn_*, ffn_down_exps, ffn_gate_exps, ffn_gate_inp, ffn_norm, ffn_up_exps: the last
        // block's up experts come after its last GPU tensor and stay outside.
        const ResolvedRequest r = resolved(on("qwen3-30b-a3b", "Q4_K_M", "apple-m4-max-128gb"));
        const auto &inv = *r.request.inventory;
        Bytes experts = 0;
        for (const auto &t : inv.tensors)
            experts += t.routedExpert ? t.bytes : 0;
        const Bytes tail = bytesOf(inv, "blk." + std::to_string(inv.layers - 1) + ".ffn_up_exps.weight");
        QVERIFY(experts > 0 && tail > 0);
        const MappedSpan span(inv, false, kAllExpertLayers);
        QCOMPARE(span.extra(0, true), bytesOf(inv, "token_embd.weight") + experts - tail);
    }

    void theGptOss20bPairOnAnAppleM5()
    {
        // build 7217, --ctx-size 0 (131072), -ub 2048: Metal_Mapped 11536.18 MiB; the same file's ROCm0 buffer is
        // 10949.38 MiB and its CPU_Mapped token_embd 586.82 MiB (research: Metal = ROCm0 + the host's table).
        RequestInputs in = on("gpt-oss-20b", "MXFP4", "apple-m5-24gb");
        in.engineVersion = "b7217";
        in.ctx = 131072;
        in.ubatch = 2048;
        const ResolvedRequest r = resolved(in);
        const Placement p = estimate(r.request);
        QCOMPARE(p.gpuLayers, p.totalLayers);
        const auto &mac = p.devices.front();
        QCOMPARE(mac.mappedFromHost, p.host.weights); // the host's table, nothing else
        QVERIFY(std::abs(static_cast<double>(mac.weights) / MiB - 11536.18) < 0.05);
        QVERIFY(std::abs(static_cast<double>(p.host.weights) / MiB - 586.82) < 0.05);
        QCOMPARE(placementToJson(p)["devices"][0]["mapped_from_host_bytes"].get<Bytes>(), mac.mappedFromHost);
        QVERIFY(!placementToJson(p)["host"].contains("mapped_from_host_bytes"));
        QVERIFY(std::find(p.notices.begin(), p.notices.end(), Notice::MetalMapsHostLayers) == p.notices.end());

        // The explanation names the mapped tensors, and its weight terms still add up to the device's weights.
        const Explanation e = explain(r.request, p);
        const auto &w = e.devices.front().segments[static_cast<std::size_t>(Segment::Weights)];
        QCOMPARE(w.bytes, mac.weights);
        QCOMPARE(w.countedBytes(), mac.weights);
        const auto mapped =
            std::find_if(w.terms.begin(), w.terms.end(), [](const ExplainTerm &t) { return t.kind == TermKind::MappedFromHost; });
        QVERIFY(mapped != w.terms.end());
        QCOMPARE(mapped->bytes, mac.mappedFromHost);
        QCOMPARE(mapped->count, 1U);
        QCOMPARE(mapped->parts.size(), std::size_t{1});
        QCOMPARE(mapped->parts.front().role, TensorRole::Embedding);
    }

    void theMachineHoldsTheSharedPagesOnce()
    {
        // The host's table is in both buffers but is one set of pages: the Mac's memory counts it once, so the same
        // request fits as it did when the range was not modelled.
        RequestInputs in = on("gpt-oss-20b", "MXFP4", "apple-m5-24gb");
        in.engineVersion = "b7217";
        const Placement p = estimate(resolved(in).request);
        const auto &mac = p.devices.front();
        QVERIFY(mac.mappedFromHost > 0);
        QCOMPARE(p.host.capacity, mac.capacity - mac.ownTotal());
        QCOMPARE(mac.ownTotal(), mac.total() - mac.mappedFromHost);
        // and so does the total set against the rule of thumb.
        QCOMPARE(placementTotal(p), p.host.total() + mac.ownTotal());
    }

    void onlyMetalMapsTheRange()
    {
        // CUDA allocates each tensor (caps.buffer_from_host_ptr false), and Ollama's rows do not say it maps.
        const Placement cuda = estimate(resolved(on("llama-3.1-8b-instruct", "Q4_K_M", "rtx-4090")).request);
        QCOMPARE(cuda.devices.front().mappedFromHost, Bytes{0});
        QVERIFY(!placementToJson(cuda)["devices"][0].contains("mapped_from_host_bytes"));
        const Placement ollama = estimate(resolved(on("llama-3.1-8b-instruct", "Q4_K_M", "apple-m4-pro-24gb", "ollama")).request);
        QCOMPARE(ollama.devices.front().mappedFromHost, Bytes{0});
    }

    void aPartialOffloadOnAMacMapsTheWholeFile()
    {
        // Since the --fit builds a partial offload starts with the output layer (row b7400 partial_output first), so the
        // range runs from output.weight to the last block: every layer left in RAM is in the GPU's buffer too
        // (ggml-org/llama.cpp#24510: "-ngl 2 ... maps MTL0_Mapped model buffer size = 30973 MiB — the whole 30 GB file").
        RequestInputs in = on("llama-3.3-70b-instruct", "Q4_K_M", "apple-m4-pro-24gb");
        in.gpuLayers = 20;
        const ResolvedRequest r = resolved(in);
        const Placement p = estimate(r.request);
        QCOMPARE(p.gpuLayers, 20U);
        QCOMPARE(p.devices.front().weights, r.request.inventory->total());
        QVERIFY(std::find(p.notices.begin(), p.notices.end(), Notice::MetalMapsHostLayers) != p.notices.end());
        QCOMPARE(p.verdict, Verdict::DoesNotFit);

        // --no-mmap reads the weights into buffers: the GPU holds its own 20 layers, the launch command says so.
        in.mmap = false;
        const ResolvedRequest read = resolved(in);
        const Placement own = estimate(read.request);
        QCOMPARE(own.devices.front().mappedFromHost, Bytes{0});
        QVERIFY(own.devices.front().weights < p.devices.front().weights / 2);
        QVERIFY(std::find(own.notices.begin(), own.notices.end(), Notice::MetalMapsHostLayers) == own.notices.end());
        const LaunchCommand cmd = buildLaunchCommand(read, in, own);
        const auto &argv = cmd.steps.back().argv;
        QVERIFY(std::any_of(argv.begin(), argv.end(), [](const LaunchArg &a) { return a.text == "--no-mmap"; }));
        QCOMPARE(parseLaunchCommand(cmd, *read.request.engine, cmd.version).mmap, std::optional<bool>(false));
        in.mmap = true;

        // Before the --fit builds the output came last: 20 blocks at the end of the file, nothing more.
        in.engineVersion = "b6900";
        const Placement old = estimate(resolved(in).request);
        QCOMPARE(old.devices.front().mappedFromHost, Bytes{0});
    }
};

QTEST_GUILESS_MAIN(TestMappedSpan)
#include "tst_mapped_span.moc"
