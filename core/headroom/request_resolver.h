// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/catalog.h"
#include "headroom/device_choice.h"
#include "headroom/estimator.h"

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace headroom {

/** A model read from a file (GGUF header, config.json, safetensors) instead of named by a catalog key. */
struct FileModel {
    ModelSpec spec;
    std::optional<TensorInventory> inventory; ///< exact tensors from the file; empty = lay out `spec` as `quant`
    std::string quant;                        ///< quantization the file holds ("Q4_K_M", "hf-bf16"); may be unknown to the catalog
    WeightFormat format = WeightFormat::Gguf;
    std::string path;
};

/** A request as a person states it: catalog keys and numbers, unvalidated. */
struct RequestInputs {
    std::string model;
    std::shared_ptr<const FileModel> file; ///< set: size this file's model; `model` is then only its display name
    std::string quant;                     ///< empty = what the tag implies, else the engine's usual default
    std::string engine;                    ///< empty = from the model key and quantization format
    std::string engineVersion;
    std::optional<std::uint32_t> ctx;
    std::optional<std::uint32_t> parallel;
    std::optional<std::uint32_t> batch;
    std::optional<std::uint32_t> ubatch;
    std::string kvType = "f16";
    FlashAttn flashAttn = FlashAttn::Auto;
    std::optional<int> gpuLayers;
    std::vector<DeviceChoice> gpus;        ///< catalog ids or custom capacities, in order
    std::optional<std::uint32_t> gpuCount; ///< N of the (single) given card
    bool spread = false;
    std::optional<Bytes> hostRam;
    std::optional<bool> vision;                 ///< load the vision projector (--vision / --no-vision); empty = the engine's default
    std::optional<std::uint32_t> expertsOnHost; ///< --n-cpu-moe N (kAllExpertLayers: --cpu-moe); empty = none
    bool mmap = true;                           ///< false: --no-mmap, the weights are read into buffers
};

struct ResolveError {
    enum class Code {
        UnknownModel,
        UnknownQuant,
        UnknownEngine,
        UnknownGpu,
        UnknownKvType,
        BadEngineVersion,
        QuantNotForEngine,
        NoLayoutForQuant,
        GpuCountNeedsOneGpu,
        KvTypeNotForEngine,
        InvalidRequest,
    };
    Code code = Code::UnknownModel;
    std::string field;                     ///< the option at fault: "model", "quant", "gpu" ...
    std::string value;                     ///< what was given
    std::vector<std::string> suggestions;  ///< nearest valid keys
    std::optional<RequestProblem> problem; ///< for InvalidRequest
};

/** A resolved request; owns the inventory (and, for a file, the model and quantization) the request points to. */
struct ResolvedRequest {
    EstimateRequest request;
    std::unique_ptr<TensorInventory> inventory;
    std::unique_ptr<ModelSpec> ownedModel;    ///< a file's model; request.model points here
    std::unique_ptr<Quantization> ownedQuant; ///< a file's quantization the catalog does not list
    const Quantization *quant = nullptr;
    const Hardware *hardware = nullptr; ///< first catalog GPU, if any
};

/** The devices a request names, looked up: what resolveRequest does with `gpus` and `gpuCount`. */
struct ResolvedDevices {
    std::vector<DeviceSpec> devices;
    const Hardware *host = nullptr;  ///< a CPU-only machine: no device, its RAM and bandwidth are the host's
    const Hardware *first = nullptr; ///< first catalog entry named, if any
};

/** Looks up every device choice; the planner calls it once per hardware option, resolveRequest once. */
[[nodiscard]] std::variant<ResolvedDevices, ResolveError> resolveDevices(const Catalog &catalog, const std::vector<DeviceChoice> &gpus,
                                                                         std::optional<std::uint32_t> gpuCount);

/** Puts `devices` into `r`: its devices, and for a CPU-only machine its RAM (unless `hostRam` is given) and bandwidth. */
void applyDevices(EstimateRequest &r, ResolvedDevices devices, std::optional<Bytes> hostRam);

[[nodiscard]] std::variant<ResolvedRequest, ResolveError> resolveRequest(const Catalog &catalog, const RequestInputs &in);

/** Engine used when none is named: the one engines.json names the default for an Ollama tag, else for the format. */
[[nodiscard]] const EngineProfile *defaultEngineFor(const Catalog &catalog, const Quantization &quant, bool fromOllama);

} // namespace headroom
