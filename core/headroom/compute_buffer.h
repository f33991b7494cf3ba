// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/engine_profile.h"
#include "headroom/kv_cache.h"
#include "headroom/model_spec.h"
#include "headroom/units.h"

namespace headroom {

/** Scratch memory for one forward pass, as each engine sizes it. */
struct ComputeBuffers {
    Bytes layerScratch = 0;  ///< on every device that runs layers
    Bytes outputScratch = 0; ///< on the device that runs the output layer (includes layerScratch)
    Bytes hostFixed = 0;     ///< host-side input/output buffers (llama.cpp)
};

struct ComputeParams {
    KvGeometry kv;
    std::uint32_t tokens = 512;   ///< tokens in the largest forward pass (n_ubatch, prefill chunk, batched tokens)
    bool flashAttn = false;
    std::uint32_t parallel = 1;
    std::uint32_t tensorParallel = 1;
};

[[nodiscard]] ComputeBuffers computeBuffers(const ModelSpec &m, EngineKind engine, const EngineBehaviour &b,
                                            const ComputeParams &p);

/** Tokens per forward pass when the request leaves it open. */
[[nodiscard]] std::uint32_t defaultForwardTokens(EngineKind engine, const EngineBehaviour &b, std::uint32_t ctxPerSeq,
                                                 Bytes largestDevice);

} // namespace headroom
