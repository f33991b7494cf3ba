// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/engine_profile.h"
#include "headroom/explain_term.h"
#include "headroom/kv_cache.h"
#include "headroom/model_spec.h"
#include "headroom/request.h"
#include "headroom/units.h"

#include <optional>
#include <string>
#include <vector>

namespace headroom {

/** Scratch memory for one forward pass, as each engine sizes it. */
struct ComputeBuffers {
    Bytes layerScratch = 0;  ///< on every device that runs layers
    Bytes outputScratch = 0; ///< on the device that runs the output layer (includes layerScratch)
    Bytes hostFixed = 0;     ///< host-side input buffers of the graph (llama.cpp's CUDA_Host compute buffer)
    /// host buffers outside the graph: the logits of every sequence (llama.cpp's output buffer), Ollama's own engine's inputs
    Bytes hostOutput = 0;
    /// llama.cpp pipeline parallelism: what one more copy of a device's split inputs takes on that device (the F32
    /// attention mask and the incoming hidden states) and on the host (the mask, which the host builds).
    Bytes splitInputs = 0;
    Bytes hostSplitInputs = 0;
};

/**
 * The candidates behind ComputeBuffers, as the strategy sized them (asked only by the explanation): the
 * largest of `layer` is layerScratch, the largest of `output` is outputScratch, and `host` adds up to hostFixed.
 * Each candidate is a sum of its parts, each part a product of its factors. `splitInputs` and `hostSplitInputs` add
 * up to their ComputeBuffers fields (one copy), `hostOutput` to hostOutput.
 */
struct ComputeBreakdown {
    std::vector<ExplainTerm> layer;
    std::vector<ExplainTerm> output;
    std::vector<ExplainTerm> splitInputs;
    std::vector<ExplainTerm> hostSplitInputs;
    std::vector<ExplainTerm> hostOutput;
    std::vector<ExplainTerm> host;
};

struct ComputeParams {
    KvGeometry kv;
    std::uint32_t tokens = 512; ///< tokens in the largest forward pass (n_ubatch, prefill chunk, batched tokens)
    bool flashAttn = false;
    std::uint32_t parallel = 1;
    std::uint32_t scheduledSequences =
        1; ///< the most sequences one step holds (vLLM max_num_seqs: the given parallel, else the engine's default)
    std::uint32_t tensorParallel = 1;
};

/**
 * The compute-buffer strategies. This file is the one place that knows which engine families exist: an
 * engine names its family in engines.json (`traits.compute_family`), and everything else reads traits.
 */
[[nodiscard]] bool isComputeFamily(const std::string &name);

/**
 * Whether the engine's compute buffers change with flash attention (llama.cpp's KQ matrix without it). Engines whose
 * attention kernels are fused either way (vLLM, MLX) or whose buffers Headroom sizes without it (transformers) do not.
 */
[[nodiscard]] bool flashAttnChangesMemory(const EngineProfile &engine);

/** `why`, when given, receives the candidates the buffers were chosen from (the estimate passes none). */
[[nodiscard]] ComputeBuffers computeBuffers(const ModelSpec &m, const EngineProfile &engine, const EngineBehaviour &b,
                                            const ComputeParams &p, ComputeBreakdown *why = nullptr);

/**
 * Tokens in the largest forward pass: the request's ubatch, else the family's default for this context
 * and these devices, then limited or replaced by the logical batch as the engine's `batch_option` says.
 */
[[nodiscard]] std::uint32_t forwardTokens(const EngineProfile &engine, const EngineBehaviour &b, std::uint32_t ctxPerSeq,
                                          const std::vector<DeviceSpec> &devices, std::optional<std::uint32_t> ubatch,
                                          std::optional<std::uint32_t> batch);

/**
 * The most sequences one step schedules (vLLM max_num_seqs): the request's parallel, else the engine's default,
 * larger on a big first GPU where the engine says so (engines.json `large_gpu_batch.sequences`).
 */
[[nodiscard]] std::uint32_t scheduledSequences(const EngineBehaviour &b, const std::vector<DeviceSpec> &devices,
                                               std::optional<std::uint32_t> requested);

} // namespace headroom
