// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/request.h"
#include "headroom/units.h"

#include <string>
#include <vector>

namespace headroom {

enum class Verdict { Fits, Tight, PartialOffload, DoesNotFit };

/** Codes, not sentences: the CLI and GUI word them (and translate them). */
enum class Notice {
    KvQuantNeedsFlashAttn, ///< quantized KV requested without flash attention: engine keeps F16
    CtxAboveModelMax,      ///< context beyond the model's trained maximum
    ParallelAutoReduced,   ///< engine's auto parallel fell back to 1 slot
    EngineCannotOffload,   ///< engine keeps every layer on the GPU (vLLM, MLX)
    TensorParallelUneven,  ///< GPUs do not divide the heads: vLLM refuses this split
    MlaExpandedCache,      ///< this engine version stores DeepSeek MLA per head (tens of times larger)
    HostRamUnknown,        ///< offloaded layers need host RAM that was not given
    CtxFitted,             ///< the engine fitted its default context down to the memory (llama.cpp --fit)
    MetalMapsHostLayers,   ///< a Mac with layers or experts in RAM: the GPU's mapped file range spans them too (MappedSpan)
    FlashAttnUnsupported,  ///< flash attention asked for, but this engine version turns it off for the architecture
};

/** Memory on one device (or on the host), split by what holds it. */
struct DeviceUsage {
    std::string id;
    std::string name;
    Bytes capacity = 0; ///< marketed
    Bytes usable = 0;   ///< what the engine can actually fill
    Bytes weights = 0;
    Bytes kvCache = 0;
    Bytes compute = 0;
    Bytes overhead = 0;
    Bytes projector = 0; ///< vision encoder + projector weights and its image compute buffer (0 = none loaded)
    /// Of `weights`: the host's tensors inside the file range a Mac's GPU maps (llama.cpp with mmap on Metal). They count
    /// against the GPU's working set, and are the same pages as the host's copy: the machine holds them once.
    Bytes mappedFromHost = 0;
    std::uint32_t layers = 0; ///< offload units placed here (llama.cpp counting: blocks + output)
    double bandwidthGBs = 0.0;

    [[nodiscard]] Bytes total() const { return weights + kvCache + compute + overhead + projector; }
    /** total() less the host's pages a mapped file range spans: what the machine holds for this device alone. */
    [[nodiscard]] Bytes ownTotal() const { return total() - mappedFromHost; }
    [[nodiscard]] bool overflows() const { return total() > usable; }
};

/** The model's vision projector in this estimate (all zero for a text-only model or engine). */
struct VisionUse {
    bool available = false; ///< the model has one and the engine can load it
    bool included = false;  ///< it is loaded in this estimate
    Bytes weights = 0;
    Bytes compute = 0; ///< device and host compute buffers for one image
    std::uint32_t tokensPerImage = 0;
    std::string dtype;
};

/** The single result type: printed by the CLI, charted by the GUI, swept by the advisor. */
struct Placement {
    std::vector<DeviceUsage> devices;
    DeviceUsage host;
    Verdict verdict = Verdict::DoesNotFit;
    std::uint32_t gpuLayers = 0;
    std::uint32_t totalLayers = 0;
    std::uint32_t ctx = 0; ///< per sequence, as resolved
    std::uint32_t parallel = 1;
    bool flashAttn = false;
    KvType kvType = KvType::F16;
    std::uint32_t maxContext = 0; ///< longest context per sequence that keeps every layer on the GPUs
    double decodeTokensPerSecond = 0.0;
    double prefillTokensPerSecond = 0.0;  ///< prompt processing; 0 = unknown (no compute figure, layers in system RAM)
    std::uint32_t expertLayersOnHost = 0; ///< blocks whose routed experts are in system RAM (--n-cpu-moe)
    std::string engineVersion;            ///< the behaviour row applied
    std::vector<Notice> notices;
    VisionUse vision;

    /** Smallest (usable - total) over the GPUs; negative when one overflows. */
    [[nodiscard]] long long headroomBytes() const;
};

[[nodiscard]] const char *verdictName(Verdict v);

/** What the placement's devices hold, summed (the host's part not included). */
[[nodiscard]] Bytes devicesTotal(const Placement &p);

/** What the engine can fill on the placement's devices: their usable memory summed, or the host's when CPU-only. */
[[nodiscard]] Bytes usableCapacity(const Placement &p);

/**
 * Whether the speeds are of the kind tests/data/speed.csv measured: every layer and expert on the GPUs. The
 * front ends give the measured error range only then.
 */
[[nodiscard]] bool speedIsCalibrated(const Placement &p);

/**
 * Seconds until the first token of the answer to a prompt of `promptTokens`: the prompt at the prompt-processing
 * speed (the attention a long prompt adds is not counted, so long prompts run longer). 0 = unknown.
 */
[[nodiscard]] double secondsToFirstToken(const Placement &p, std::uint32_t promptTokens);

/** Every layer on the GPUs (fits or tight): what the advisor suggests and a fix must reach. */
[[nodiscard]] inline bool fitsOnGpus(Verdict v)
{
    return v == Verdict::Fits || v == Verdict::Tight;
}
[[nodiscard]] const char *noticeName(Notice n);

} // namespace headroom
