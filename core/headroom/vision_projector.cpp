// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/vision_projector.h"

namespace headroom {
namespace {

constexpr Bytes kF32 = 4;

/**
 * llama.cpp's clip context reserves its graph once, for one image at the encoder's largest size
 * (mtmd "warmup: warmup with image size = 896 x 896"), with flash attention on: the widest live nodes are
 * the MLP's F32 intermediate row and three hidden-state rows per patch. For Gemma 3's SigLIP (4096
 * patches, hidden 1152, ffn 4304) that is 4096 x (4304 + 3 x 1152) x 4 = 127,139,840 bytes = 121.25 MiB,
 * the "alloc_compute_meta: CUDA0 compute buffer size = 121.25 MiB" of ggml-org/llama.cpp PR #22790's log.
 * The CPU buffer holds the raw F32 image: 896 x 896 x 3 x 4 = 9.19 MiB, the log's CPU line.
 * Without flash attention the F32 KQ matrix (patches^2 x heads) would dominate: not modelled.
 */
Bytes clipDeviceGraph(const VisionSpec &v)
{
    return v.patches() * (Bytes{v.ffn} + 3 * Bytes{v.hidden}) * kF32;
}

Bytes clipHostGraph(const VisionSpec &v)
{
    return Bytes{v.imageSize} * v.imageSize * 3 * kF32;
}

} // namespace

VisionLoad visionLoad(const EstimateRequest &req)
{
    VisionLoad out;
    if (!req.model || !req.engine || !req.model->vision || !req.engine->traits.vision)
        return out;
    const VisionSpec &v = *req.model->vision;
    const VisionTraits &t = *req.engine->traits.vision;
    out.available = true;
    out.included = req.vision.value_or(t.byDefault);
    if (!out.included)
        return out;
    if (t.weights == VisionWeights::Mmproj && !v.mmproj.empty()) {
        out.weights = v.mmproj.front().bytes;
        out.dtype = v.mmproj.front().dtype;
    } else {
        out.weights = v.params * 2; // the tower as the checkpoint stores it, BF16
        out.dtype = "BF16";
        out.fromTower = true;
    }
    // The graph rule is fitted to SigLIP's fixed-size warmup; other encoders warm up at other sizes (Pixtral:
    // "warmup with image size = 448 x 448", a 64.49 MiB buffer for Ministral 3's 1024-wide tower) with other
    // MLPs: their buffer is not modelled (0) until a log is matched.
    if (t.clipGraph && v.encoder == "siglip_vision_model") {
        out.deviceCompute = clipDeviceGraph(v);
        out.hostCompute = clipHostGraph(v);
    }
    return out;
}

VisionTerms visionTerms(const EstimateRequest &req, const VisionLoad &load)
{
    using F = Factor;
    VisionTerms out;
    out.weights = givenTerm(TermKind::ProjectorWeights, load.weights);
    out.deviceCompute = givenTerm(TermKind::ProjectorCompute, load.deviceCompute);
    out.hostCompute = givenTerm(TermKind::ProjectorImage, load.hostCompute);
    if (!load.included || !req.model || !req.model->vision)
        return out;
    const VisionSpec &v = *req.model->vision;
    if (load.fromTower)
        out.weights = productTerm(TermKind::ProjectorWeights, {times(F::Elements, v.params), times(F::ElementBytes, 2)});
    out.weights.type = load.dtype;
    if (load.deviceCompute > 0)
        out.deviceCompute = productTerm(TermKind::ProjectorCompute,
                                        {times(F::Patches, v.patches()), times(F::Elements, Bytes{v.ffn} + 3 * Bytes{v.hidden}),
                                         detail(F::FfnWidth, v.ffn), detail(F::Hidden, v.hidden), times(F::ElementBytes, kF32)});
    if (load.hostCompute > 0)
        out.hostCompute = productTerm(TermKind::ProjectorImage, {times(F::ImageSide, v.imageSize), times(F::ImageSide, v.imageSize),
                                                                 times(F::Channels, 3), times(F::ElementBytes, kF32)});
    return out;
}

} // namespace headroom
