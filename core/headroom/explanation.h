// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/explain_term.h"
#include "headroom/placement.h"
#include "headroom/request.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace headroom {

/** The bar segments of a DeviceUsage, in its order. */
enum class Segment { Weights, KvCache, Compute, Overhead, Projector };
inline constexpr std::array<Segment, 5> kSegments{Segment::Weights, Segment::KvCache, Segment::Compute, Segment::Overhead,
                                                  Segment::Projector};

/** The DeviceUsage field a segment explains. */
[[nodiscard]] Bytes segmentBytes(const DeviceUsage &d, Segment s);

/** One segment of one device: its counted terms add up to `bytes`, the DeviceUsage field, to the byte. */
struct SegmentExplanation {
    Segment segment = Segment::Weights;
    Bytes bytes = 0;
    std::vector<ExplainTerm> terms;

    /** Sum of the counted terms' bytes. */
    [[nodiscard]] Bytes countedBytes() const;
};

/** A run of offload units on one memory: blocks [from, to), `to` == the block count + 1 takes the output layer too. */
struct UnitRun {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
};

/** Every segment of one device (or the host), and which offload units it holds. */
struct DeviceExplanation {
    std::string id;
    std::string name;
    bool host = false;
    std::vector<UnitRun> units;                   ///< llama.cpp counting: blocks 0..n-1, then unit n = the output layer
    std::array<SegmentExplanation, 5> segments{}; ///< in kSegments order

    [[nodiscard]] const SegmentExplanation &segment(Segment s) const { return segments[static_cast<std::size_t>(s)]; }
};

/** What an assumption is about. */
enum class AssumptionCode {
    ContextDefault,        ///< the engine's default context (value: tokens per sequence)
    ContextByVram,         ///< ... chosen by total VRAM (Ollama; value: tokens, detail: the VRAM GiB tier)
    ContextModelMax,       ///< ... the model's trained maximum (value: tokens)
    ContextConversation,   ///< ... a conversation of the engine's conversation_ctx tokens (transformers, MLX)
    ContextFitted,         ///< llama.cpp --fit lowered the default context to what fits (value: tokens)
    ParallelDefault,       ///< the engine's default parallel slots (value)
    ParallelAutoReduced,   ///< Ollama's auto parallel fell back to 1 slot
    ParallelUnifiedCache,  ///< the default slots share one cache of the context's size (value: slots sharing it)
    KvPoolOneSequence,     ///< a KV pool (vLLM) is sized for one full sequence
    ForwardTokens,         ///< tokens per forward pass (value; ubatch / batched tokens / prefill chunk)
    FlashAttnDefault,      ///< flash attention as the engine version decides (value 1 = on)
    KvTypeDefault,         ///< KV cache element type (value: KvType as integer; the request's, F16 unless given)
    KvQuantNeedsFlashAttn, ///< quantized KV asked without flash attention: the engine keeps F16
    MlaCache,              ///< how this engine version stores DeepSeek MLA (value: MlaCache as integer)
    IndexerCache,          ///< how it stores the DSA indexer keys (value: IndexerCache as integer)
    SlidingWindowCache,    ///< whether sliding-window layers keep only their window (value: SwaCache as integer)
    RecurrentStateType,    ///< element type of a hybrid model's recurrent state (value: KvType as integer)
    CtxCheckpoints,        ///< llama-server's context checkpoints per slot (value)
    OwnEngineGraph,        ///< Ollama runs the architecture on its own engine: compute buffers as that engine's graph
    DeviceReserve,         ///< memory the engine refuses to fill on a device (value: bytes; device: its index)
    GpuMemoryUtilization,  ///< vLLM's gpu_memory_utilization (value: per mille)
    AppleWiredLimit,       ///< a Mac's GPU working-set limit (value: bytes; detail 1 = measured, 0 = macOS's rule)
    GpuLimit,              ///< a GPU sharing system RAM fills only what its driver gives it (value: bytes)
    FitMargin,             ///< llama.cpp --fit keeps this free on each device while fitting layers (value: bytes)
    LayersFitted,          ///< the layer count is what fits (value: units on the GPUs, detail: all units)
    FewestDevices,         ///< Ollama uses the fewest GPUs that hold the model (value: GPUs used, detail: given)
    TensorParallelSplit,   ///< vLLM splits every layer over the ranks (value: ranks)
    LayerSplitByMemory,    ///< llama.cpp splits layers in proportion to each device's usable memory (value: devices)
    EmbeddingsOnHost,      ///< the token-embedding table stays in system RAM
    VisionDefault,         ///< the vision projector is loaded (value 1) or not (0) by the engine's default
    HostBandwidthDefault,  ///< host memory bandwidth Headroom assumes (value: MB/s)
    HostRamUnknown,        ///< the host's RAM was not given: offloaded layers are not checked against it
    BandwidthEfficiency,   ///< decode speed assumes this share of the datasheet bandwidth (value: per cent)
};

/** The request option that changes an assumption; the CLI maps each to its flag. */
enum class InputCode { None, Ctx, Parallel, Batch, Ubatch, FlashAttn, KvType, GpuLayers, Ram, Spread, Vision, Engine, EngineVersion, Gpu };

struct Assumption {
    AssumptionCode code = AssumptionCode::ContextDefault;
    std::uint64_t value = 0;
    std::uint64_t detail = 0;
    int device = -1;    ///< index into Placement::devices for a per-device assumption; -1 = the whole run
    std::string source; ///< engines.json / hardware.json source of the figure or rule; Headroom's own where none
    InputCode input = InputCode::None;
};

/** The arithmetic behind a Placement, segment by segment, and what it assumed. */
struct Explanation {
    std::vector<DeviceExplanation> devices; ///< as Placement::devices
    DeviceExplanation host;
    std::vector<Assumption> assumptions;
    std::string engineVersion;   ///< the behaviour row applied (Placement::engineVersion)
    std::string behaviourSource; ///< that row's source
};

/**
 * Why each number of `placement` is what it is. Pure. `placement` must be estimate(request) or
 * estimateVerdictOnly(request) for this request (the explanation re-lays the model out with the same planner
 * and records what the estimate does not keep). For every device and the host, each segment's counted terms
 * add up to the Placement's field exactly.
 */
[[nodiscard]] Explanation explain(const EstimateRequest &request, const Placement &placement);

/** Segment names as JSON keys: "weights", "kv_cache", "compute", "overhead", "projector". */
[[nodiscard]] const char *segmentName(Segment s);

} // namespace headroom
