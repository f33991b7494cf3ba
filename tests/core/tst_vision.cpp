// SPDX-License-Identifier: GPL-3.0-or-later
// Vision projectors (mmproj): Gemma 3's SigLIP tower as each engine loads it, checked against the figures
// llama.cpp logs for ggml-org's gemma-3-4b-it mmproj (ggml-org/llama.cpp PR #22790):
//   load_hparams: model size:         811.79 MiB
//   warmup: warmup with image size = 896 x 896
//   alloc_compute_meta:      CUDA0 compute buffer size =   121.25 MiB
//   alloc_compute_meta:        CPU compute buffer size =     9.19 MiB
#include "test_catalog.h"

#include <headroom/estimator.h>
#include <headroom/placement_json.h>
#include <headroom/request_resolver.h>
#include <headroom/vision_projector.h>

#include <QtTest>

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
