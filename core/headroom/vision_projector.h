// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/explain_term.h"
#include "headroom/request.h"
#include "headroom/units.h"

#include <string>

namespace headroom {

/** What an engine holds for a model's vision encoder and projector (mmproj), and whether it holds it at all. */
struct VisionLoad {
    bool available = false;  ///< the model has a vision encoder and the engine can load it
    bool included = false;   ///< ... and this request loads it (the request's choice, else the engine's default)
    Bytes weights = 0;       ///< encoder + projector weights, on the device that runs it
    Bytes deviceCompute = 0; ///< the encoder's compute buffer for one image of the largest size (0 = not modelled)
    Bytes hostCompute = 0;   ///< the host-side buffer next to it (the raw image, llama.cpp)
    std::string dtype;       ///< the mmproj file sized ("F16"), or "BF16" for a checkpoint's tower
    bool fromTower = false;  ///< weights are the tower's parameters at 16 bit (no published mmproj file sized)
};

/**
 * The vision encoder as `req`'s engine loads it (engines.json `traits.vision`): the published mmproj file's
 * size for engines that take a separate projector file, the tower's parameters at 16 bit for checkpoint
 * engines; llama.cpp's clip warmup graph for one image at the encoder's image size (SigLIP towers; other
 * encoders' buffer is not modelled). Nothing when the
 * model is text only, the engine never loads vision, or the request turns it off.
 */
[[nodiscard]] VisionLoad visionLoad(const EstimateRequest &req);

/** The arithmetic behind visionLoad(req)'s figures, term by term (asked only by the explanation). */
struct VisionTerms {
    ExplainTerm weights;       ///< ProjectorWeights: the mmproj file as published, or the tower's parameters x 2 bytes
    ExplainTerm deviceCompute; ///< ProjectorCompute: the clip warmup graph (0 bytes where not modelled)
    ExplainTerm hostCompute;   ///< ProjectorImage: the raw F32 image on the host
};

[[nodiscard]] VisionTerms visionTerms(const EstimateRequest &req, const VisionLoad &load);

} // namespace headroom
