// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/engine_profile.h"
#include "headroom/hardware.h"
#include "headroom/kv_type.h"
#include "headroom/model_spec.h"
#include "headroom/speed.h"
#include "headroom/tensor_inventory.h"
#include "headroom/units.h"

#include <optional>
#include <string>
#include <vector>

namespace headroom {

enum class FlashAttn { Auto, On, Off };

/** One physical device taking part in the run. */
struct DeviceSpec {
    std::string id;
    std::string name;
    MemoryKind kind = MemoryKind::Discrete;
    Bytes capacity = 0;              ///< marketed memory
    std::optional<Bytes> wiredLimit; ///< Apple: measured GPU working-set limit; a GPU sharing system RAM: its driver's limit
    double bandwidthGBs = 0.0;
    double fp16Tflops = 0.0;                  ///< dense FP16 throughput (prompt processing); 0 = unknown
    SpeedClass speedClass = SpeedClass::Gddr; ///< what share of its bandwidth a decoded token gets (speed.h)
    std::string limitSource;                  ///< hardware.json's source for wiredLimit (empty: no limit, or macOS's default rule)
};

/** Everything an estimate depends on. The estimate is a pure function of this value. */
struct EstimateRequest {
    const ModelSpec *model = nullptr;
    const TensorInventory *inventory = nullptr;
    const EngineProfile *engine = nullptr;
    std::string engineVersion;             ///< empty = latest known behaviour
    std::optional<std::uint32_t> ctx;      ///< tokens per sequence; empty = engine default
    std::optional<std::uint32_t> parallel; ///< sequences sharing the cache; empty = engine default
    std::optional<std::uint32_t> batch;    ///< logical batch; empty = engine default
    std::optional<std::uint32_t> ubatch;   ///< tokens per forward pass; empty = engine default
    KvType kvType = KvType::F16;
    FlashAttn flashAttn = FlashAttn::Auto;
    std::optional<int> gpuLayers;    ///< llama.cpp -ngl semantics; empty = as many as fit
    std::vector<DeviceSpec> devices; ///< empty = CPU only
    bool spread = false;             ///< OLLAMA_SCHED_SPREAD: use every GPU instead of the fewest
    std::optional<Bytes> hostRam;    ///< system RAM for offloaded layers; empty = unknown
    double hostBandwidthGBs = 0.0;   ///< 0 = Headroom's default (see speed.cpp)
    std::optional<bool> vision;      ///< load the model's vision projector; empty = the engine's default (traits.vision)
    /// llama.cpp --n-cpu-moe N: the routed experts of blocks 0..N-1 stay in system RAM while the rest of each block and
    /// its KV go where the layer goes; kAllExpertLayers = --cpu-moe (every block). Empty or 0 = none.
    std::optional<std::uint32_t> expertsOnHost;
    /// The weights are memory-mapped (llama.cpp's default; --no-mmap reads them into buffers). On a Mac the mapped
    /// file's range, not only the GPU's tensors, counts on the GPU (engines.json metal_weights).
    bool mmap = true;
};

/** expertsOnHost for every block (llama.cpp --cpu-moe). */
inline constexpr std::uint32_t kAllExpertLayers = 0xFFFFFFFFu;

/** The blocks whose routed experts the request keeps in system RAM: 0..n-1 of the model's blocks. */
[[nodiscard]] inline std::uint32_t expertHostLayers(const EstimateRequest &req)
{
    if (!req.expertsOnHost || !req.model)
        return 0;
    return *req.expertsOnHost < req.model->layers ? *req.expertsOnHost : req.model->layers;
}

/** Whether `t` is a routed-expert tensor of one of the first `hostLayers` blocks (llama.cpp's LLM_FFN_EXPS_REGEX per block). */
[[nodiscard]] inline bool expertOnHost(const Tensor &t, std::uint32_t hostLayers)
{
    return t.routedExpert && t.layer >= 0 && static_cast<std::uint32_t>(t.layer) < hostLayers;
}

} // namespace headroom
