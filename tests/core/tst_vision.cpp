// SPDX-License-Identifier: GPL-3.0-or-later
// Vision projectors (mmproj): Gemma 3's SigLIP tower as each engine loads it, checked against the figures
// llama.cpp logs for ggml-org's gemma-3-4b-it mmproj (ggml-org/llama.cpp PR #22790):
//   load_hparams: model size:         811.79 MiB
//   warmup: warmup with image size = 896 x 896
//   alloc_compute_meta:      CUDA0 compute buffer size =   121.25 MiB
//   alloc_compute_meta:        CPU compute buffer size =     9.19 MiB
#include "test_catalog.h"

#include <headroom/estimator.h>
#include <headroom/launch_command.h>
#include <headroom/placement_json.h>
#include <headroom/request_resolver.h>
#include <headroom/vision_projector.h>

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace headroom;

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

/** A logged "%.2f MiB" figure holds `bytes`. */
bool logged(Bytes bytes, double mib)
{
    return std::abs(static_cast<double>(bytes) / kMiB - mib) <= 0.005;
}

ResolvedRequest resolve(const RequestInputs &in)
{
    auto r = resolveRequest(test::shippedCatalog(), in);
    if (auto *e = std::get_if<ResolveError>(&r))
        qFatal("resolve failed: %s %s", e->field.c_str(), e->value.c_str());
    return std::get<ResolvedRequest>(std::move(r));
}

RequestInputs gemma(const char *model, const char *engine, std::optional<bool> vision)
{
    RequestInputs in;
    in.model = model;
    in.engine = engine;
    in.gpus.push_back(DeviceChoice(std::string("rtx-4090")));
    in.ctx = 8192;
    in.vision = vision;
    return in;
}

/**
 * The F16 mmproj of a SigLIP tower as llama.cpp's converter writes it: matrices in F16; norms, biases and the
 * patch and position embeddings in F32 (convert_hf_to_gguf.py keeps ".embeddings." in F32).
 */
Bytes siglipF16Mmproj(const VisionSpec &v, Bytes textHidden)
{
    const Bytes h = v.hidden, f = v.ffn;
    const Bytes perLayer = (4 * h * h + 2 * h * f) * 2 + (4 * h + f + h + 4 * h) * 4;
    const Bytes patchEmbd = (3 * Bytes{v.patch} * v.patch * h + h) * 4;
    const Bytes positions = v.patches() * h * 4;
    const Bytes projector = h * textHidden * 2 + h * 4; // mm_input_projection + mm_soft_emb_norm
    return v.layers * perLayer + patchEmbd + positions + 2 * h * 4 + projector;
}

/**
 * Qwen2.5-VL's tower from its vision_config (depth 32, hidden 1280, intermediate 3420, patch 14, temporal patch
 * 2, spatial merge 2): per block two RMSNorms, fused qkv and proj with biases, a SiLU-gated MLP with biases; a
 * bias-free 3 x 2 x 14 x 14 Conv3d patch embedding; the merger's RMSNorm and its 4h x 4h and 4h x out MLP.
 */
struct Qwen25VisionCount {
    Bytes matrices = 0; ///< 2-D and larger tensors: F16 in the mmproj
    Bytes vectors = 0;  ///< norms and biases: F32 in the mmproj (the converter writes 1-D tensors in F32)
};

Qwen25VisionCount qwen25Vision(const VisionSpec &v, Bytes outHidden, Bytes temporalPatch, Bytes merge)
{
    const Bytes h = v.hidden, f = v.ffn, m = h * merge * merge;
    Qwen25VisionCount c;
    c.matrices = v.layers * (h * 3 * h + h * h + 3 * h * f) + 3 * temporalPatch * v.patch * v.patch * h + m * m + m * outHidden;
    c.vectors = v.layers * (2 * h + 3 * h + h + 2 * f + h) + h + m + outHidden;
    return c;
}

std::string joined(const std::vector<LaunchArg> &argv)
{
    std::string out;
    for (const auto &a : argv)
        out += (out.empty() ? "" : " ") + (a.placeholder ? "<" + a.text + ">" : a.text);
    return out;
}

/** The server step's command line for `in`, and the settings it could not state. */
LaunchCommand launch(const RequestInputs &in)
{
    const auto r = resolve(in);
    return buildLaunchCommand(r, in, estimate(r.request));
}

const LaunchStep *serverStep(const LaunchCommand &c)
{
    for (const auto &s : c.steps)
        if (s.kind == LaunchStepKind::Server)
            return &s;
    return nullptr;
}

bool hasGap(const LaunchCommand &c, LaunchSetting s, const std::string &value)
{
    return std::any_of(c.gaps.begin(), c.gaps.end(), [&](const LaunchGap &g) { return g.setting == s && g.value == value; });
}

} // namespace

class TestVision : public QObject
{
    Q_OBJECT

private slots:
    void gemma3TowerMatchesTheLoggedMmproj_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("4B") << "gemma-3-4b-it";
        QTest::newRow("12B") << "gemma-3-12b-it";
        QTest::newRow("27B") << "gemma-3-27b-it";
    }

    void gemma3TowerMatchesTheLoggedMmproj()
    {
        QFETCH(QString, model);
        const ModelSpec *m = test::shippedCatalog().findModel(model.toStdString());
        QVERIFY(m && m->vision);
        const VisionSpec &v = *m->vision;
        QCOMPARE(v.patches(), std::uint64_t{4096}); // (896 / 14)^2
        QCOMPARE(v.tokensPerImage, 256U);           // mm_tokens_per_image
        QCOMPARE(v.mmproj.front().dtype, std::string("F16"));
        // The catalog's mmproj size is the converter's tensor bytes for this tower...
        QCOMPARE(v.mmproj.front().bytes, siglipF16Mmproj(v, m->hidden));
        // ... its parameters at 2 bytes each less the F32 share, and the 4B's is what llama.cpp logs.
        if (m->id == "gemma-3-4b-it") {
            QCOMPARE(v.mmproj.front().bytes, Bytes{851226048});
            QVERIFY(logged(v.mmproj.front().bytes, 811.79));
        }
        // The Gemma 3 report's "417M" vision encoder, plus the 1152 x text-hidden projection.
        QCOMPARE(v.params - Bytes{1152} * m->hidden - 1152, Bytes{416866032});
    }

    void llamaServerLoadsItOnlyWithMmproj()
    {
        const auto off = resolve(gemma("gemma-3-4b-it", "llama.cpp", std::nullopt));
        const Placement p = estimate(off.request);
        QVERIFY(p.vision.available);
        QVERIFY(!p.vision.included);
        QCOMPARE(p.devices.front().projector, Bytes{0});
        // Text-only JSON is unchanged: no vision key, no projector field.
        const auto j = placementToJson(p);
        QVERIFY(!j.contains("vision"));
        QVERIFY(!j["devices"][0].contains("projector_bytes"));

        const auto on = resolve(gemma("gemma-3-4b-it", "llama.cpp", true));
        const Placement q = estimate(on.request);
        QVERIFY(q.vision.included);
        // Weights as logged, the warmup graph of one 896 x 896 image on the GPU, the raw image on the host.
        const VisionLoad load = visionLoad(on.request);
        QVERIFY(logged(load.weights, 811.79));
        QVERIFY(logged(load.deviceCompute, 121.25));
        QVERIFY(logged(load.hostCompute, 9.19));
        QCOMPARE(q.devices.front().projector, load.weights + load.deviceCompute);
        QCOMPARE(q.host.projector, load.hostCompute);
        // Everything else is the text model's estimate.
        QCOMPARE(q.devices.front().weights, p.devices.front().weights);
        QCOMPARE(q.devices.front().kvCache, p.devices.front().kvCache);
        QCOMPARE(q.devices.front().total(), p.devices.front().total() + load.weights + load.deviceCompute);
        const auto jq = placementToJson(q);
        QCOMPARE(jq["vision"]["weights_bytes"].get<Bytes>(), Bytes{851226048});
        QCOMPARE(jq["vision"]["tokens_per_image"].get<std::uint32_t>(), 256U);
        QCOMPARE(jq["devices"][0]["projector_bytes"].get<Bytes>(), load.weights + load.deviceCompute);
    }

    void ollamaLoadsItByDefault()
    {
        const auto def = resolve(gemma("gemma-3-12b-it", "ollama", std::nullopt));
        const Placement p = estimate(def.request);
        QVERIFY(p.vision.included);
        QCOMPARE(p.vision.weights, Bytes{854175168});
        const auto off = resolve(gemma("gemma-3-12b-it", "ollama", false));
        const Placement q = estimate(off.request);
        QVERIFY(!q.vision.included);
        QCOMPARE(p.devices.front().total() - q.devices.front().total(), p.devices.front().projector);
    }

    void checkpointEnginesHoldTheTowerAtBf16()
    {
        RequestInputs in = gemma("gemma-3-27b-it", "vllm", std::nullopt);
        in.quant = "fp8";
        in.gpus = {DeviceChoice(std::string("h100-sxm-80gb"))};
        const auto r = resolve(in);
        const Placement p = estimate(r.request);
        QVERIFY(p.vision.included);
        QCOMPARE(p.vision.weights, Bytes{423060336} * 2);
        QCOMPARE(p.vision.compute, Bytes{0}); // the encoder's profiling peak is not modelled
        // Two ranks: each holds half the tower.
        in.gpus.push_back(DeviceChoice(std::string("h100-sxm-80gb")));
        const auto r2 = resolve(in);
        const Placement p2 = estimate(r2.request);
        QCOMPARE(p2.devices[0].projector, Bytes{423060336});
        QCOMPARE(p2.devices[1].projector, Bytes{423060336});
    }

    void textOnlyModelsAndMlxLoadNothing()
    {
        const auto text = resolve(gemma("gemma-3-1b-it", "llama.cpp", true));
        const Placement p = estimate(text.request);
        QVERIFY(!p.vision.available);
        QCOMPARE(p.devices.front().projector, Bytes{0});
        // mlx-lm is text only: engines.json gives it no vision trait.
        QVERIFY(!test::shippedCatalog().findEngine("mlx")->traits.vision);
    }

    void qwen25VlTowerFromItsConfig_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qulonglong>("outHidden");
        QTest::addColumn<qulonglong>("total");
        // vision_config out_hidden_size = the text hidden size: 3584 (7B config.json), 2048 (3B).
        QTest::newRow("7B") << "qwen2.5-vl-7b-instruct" << 3584ULL << 8292166656ULL;
        QTest::newRow("3B") << "qwen2.5-vl-3b-instruct" << 2048ULL << 3754622976ULL;
    }

    void qwen25VlTowerFromItsConfig()
    {
        QFETCH(QString, model);
        QFETCH(qulonglong, outHidden);
        QFETCH(qulonglong, total);
        const ModelSpec *m = test::shippedCatalog().findModel(model.toStdString());
        QVERIFY(m && m->vision);
        const VisionSpec &v = *m->vision;
        QCOMPARE(m->arch, std::string("qwen2vl"));
        QCOMPARE(v.encoder, std::string("qwen2_5_vl"));
        QCOMPARE(Bytes{m->hidden}, Bytes{outHidden});
        const Qwen25VisionCount c = qwen25Vision(v, outHidden, 2, 2);
        QCOMPARE(v.params, c.matrices + c.vectors);
        // torchinfo of the 3B (code-index id 11644284334): 19,702,200 per Qwen2_5_VLVisionBlock, Conv3d 1,505,280.
        const Bytes h = v.hidden, f = v.ffn;
        QCOMPARE(2 * h + h * 3 * h + 3 * h + h * h + h + 2 * (h * f + f) + f * h + h, Bytes{19702200});
        QCOMPARE(Bytes{3} * 2 * v.patch * v.patch * h, Bytes{1505280});
        // The F16 mmproj: matrices at 2 bytes, norms and biases at 4.
        QCOMPARE(v.mmproj.front().dtype, std::string("F16"));
        QCOMPARE(v.mmproj.front().bytes, c.matrices * 2 + c.vectors * 4);
        // Text decoder + tower = the checkpoint's parameters.
        QCOMPARE(m->params + v.params, Bytes{total});
        // llama.cpp caps this encoder at 1024 px; one token per 28 x 28 pixels (patch 14 x merge 2).
        QCOMPARE(v.imageSize, 1024U);
        QCOMPARE(v.tokensPerImage, (1008U / 28) * (1008U / 28));
    }

    void qwen25VlOnEachEngine()
    {
        // llama-server: the mmproj file only with --vision; its compute buffer is not modelled for this encoder.
        RequestInputs in = gemma("qwen2.5-vl-7b-instruct", "llama.cpp", true);
        const auto on = resolve(in);
        const VisionLoad load = visionLoad(on.request);
        QVERIFY(load.included);
        QCOMPARE(load.weights, Bytes{1354131456});
        QCOMPARE(load.deviceCompute, Bytes{0});
        QCOMPARE(load.hostCompute, Bytes{0});
        QCOMPARE(estimate(on.request).devices.front().projector, Bytes{1354131456});
        QVERIFY(!estimate(resolve(gemma("qwen2.5-vl-7b-instruct", "llama.cpp", std::nullopt)).request).vision.included);
        // vLLM and transformers hold the checkpoint's tower at BF16 by default.
        for (const char *engine : {"vllm", "transformers"}) {
            RequestInputs c = gemma("qwen2.5-vl-7b-instruct", engine, std::nullopt);
            c.gpus = {DeviceChoice(std::string("h100-sxm-80gb"))};
            const Placement p = estimate(resolve(c).request);
            QVERIFY2(p.vision.included, engine);
            QCOMPARE(p.vision.weights, Bytes{676550144} * 2);
        }
    }

    void llamaServerCommandNamesTheMmproj()
    {
        RequestInputs in = gemma("qwen2.5-vl-7b-instruct", "llama.cpp", true);
        const LaunchCommand c = launch(in);
        QVERIFY(c.available);
        const LaunchStep *server = serverStep(c);
        QVERIFY(server);
        const std::string cmd = joined(server->argv);
        QVERIFY2(cmd.find(" --mmproj <mmproj-Qwen2.5-VL-7B-Instruct-F16.gguf>") != std::string::npos, cmd.c_str());
        QVERIFY(!hasGap(c, LaunchSetting::Vision, "on"));
        // Read back: the flag says the projector is loaded.
        const EngineProfile &engine = *test::shippedCatalog().findEngine("llama.cpp");
        const LaunchSettings s = parseLaunchCommand(c, engine, c.version);
        QCOMPARE(s.vision, std::optional<bool>(true));
        QCOMPARE(applyLaunchSettings(in, s).vision, std::optional<bool>(true));

        // The default (no projector) writes nothing and reads back as the engine's default.
        in.vision = std::nullopt;
        const LaunchCommand off = launch(in);
        QVERIFY(joined(serverStep(off)->argv).find("--mmproj") == std::string::npos);
        QVERIFY(off.gaps.empty() || !hasGap(off, LaunchSetting::Vision, "off"));
        QCOMPARE(parseLaunchCommand(off, engine, off.version).vision, std::optional<bool>());

        // A build before the row (b6325) cannot be told: listed as not stated.
        in.vision = true;
        in.engineVersion = "b6325";
        const LaunchCommand old = launch(in);
        QVERIFY(hasGap(old, LaunchSetting::Vision, "on"));
        QVERIFY(joined(serverStep(old)->argv).find("--mmproj") == std::string::npos);
    }

    void vllmTextOnlyModeLimitsImagesToZero()
    {
        RequestInputs in = gemma("gemma-3-27b-it", "vllm", false);
        in.gpus = {DeviceChoice(std::string("h100-sxm-80gb"))};
        const LaunchCommand c = launch(in);
        const std::string cmd = joined(serverStep(c)->argv);
        QVERIFY2(cmd.find(" --limit-mm-per-prompt.image 0 --limit-mm-per-prompt.video 0") != std::string::npos, cmd.c_str());
        const EngineProfile &engine = *test::shippedCatalog().findEngine("vllm");
        QCOMPARE(parseLaunchCommand(c, engine, c.version).vision, std::optional<bool>(false));
        // The default (tower loaded) needs no flag.
        in.vision = std::nullopt;
        QVERIFY(joined(serverStep(launch(in))->argv).find("--limit-mm-per-prompt") == std::string::npos);
        // Before the 0.11.0 row, and on Ollama (no option), turning it off is listed as not stated.
        in.vision = false;
        in.engineVersion = "0.10.0";
        QVERIFY(hasGap(launch(in), LaunchSetting::Vision, "off"));
        RequestInputs o = gemma("gemma-3-12b-it", "ollama", false);
        QVERIFY(hasGap(launch(o), LaunchSetting::Vision, "off"));
        QVERIFY(!hasGap(launch(gemma("gemma-3-12b-it", "ollama", std::nullopt)), LaunchSetting::Vision, "on"));
    }

    void cpuOnlyPutsItOnTheHost()
    {
        RequestInputs in = gemma("gemma-3-4b-it", "llama.cpp", true);
        in.gpus.clear();
        const auto r = resolve(in);
        const Placement p = estimate(r.request);
        const VisionLoad load = visionLoad(r.request);
        QCOMPARE(p.host.projector, load.weights + load.deviceCompute + load.hostCompute);
    }
};

QTEST_APPLESS_MAIN(TestVision)
#include "tst_vision.moc"
