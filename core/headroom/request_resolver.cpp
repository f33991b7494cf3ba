// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/request_resolver.h"

#include "headroom/devices.h"

#include <algorithm>
#include <charconv>

namespace headroom {
namespace {

ResolveError unknown(ResolveError::Code code, const char *field, const std::string &value,
                     std::vector<std::string> suggestions = {})
{
    return ResolveError{code, field, value, std::move(suggestions), std::nullopt};
}

/** "custom:24" → 24 GiB of discrete memory; "custom:24.5" allowed; nullopt when malformed. */
std::optional<Bytes> customCapacity(const std::string &spec)
{
    const std::string prefix = "custom:";
    if (spec.rfind(prefix, 0) != 0)
        return std::nullopt;
    const std::string number = spec.substr(prefix.size());
    double gib = 0;
    const auto *end = number.data() + number.size();
    const auto [ptr, ec] = std::from_chars(number.data(), end, gib);
    if (ec != std::errc() || ptr != end || !(gib > 0) || gib > 1024 * 1024)
        return std::nullopt;
    return static_cast<Bytes>(gib * static_cast<double>(GiB));
}

} // namespace

std::string defaultEngineFor(const Quantization &quant, bool fromOllamaTag)
{
    switch (quant.format) {
    case WeightFormat::Gguf: return fromOllamaTag ? "ollama" : "llama.cpp";
    case WeightFormat::Safetensors: return "vllm";
    case WeightFormat::Mlx: return "mlx";
    }
    return "llama.cpp";
}

std::string defaultQuantFor(const std::string &engine)
{
    if (engine == "vllm" || engine == "transformers")
        return "bf16";
    if (engine == "mlx")
        return "mlx-4bit";
    return "Q4_K_M"; // what `ollama pull` and most GGUF uploads default to
}

std::variant<ResolvedRequest, ResolveError> resolveRequest(const Catalog &catalog, const RequestInputs &in)
{
    using C = ResolveError::Code;
    const auto match = catalog.resolveModel(in.model);
    if (!match)
        return unknown(C::UnknownModel, "model", in.model, catalog.suggest(CatalogKind::Model, in.model));

    const EngineProfile *engine = nullptr;
    if (!in.engine.empty()) {
        engine = catalog.findEngine(in.engine);
        if (!engine)
            return unknown(C::UnknownEngine, "engine", in.engine, catalog.suggest(CatalogKind::Engine, in.engine));
    }
    std::string quantKey = !in.quant.empty() ? in.quant : match->impliedQuant;
    if (quantKey.empty())
        quantKey = defaultQuantFor(engine ? engine->id : "llama.cpp");
    const Quantization *quant = catalog.findQuantization(quantKey, engine ? engine->id : std::string_view{});
    if (!quant)
        return unknown(C::UnknownQuant, "quant", quantKey, catalog.suggest(CatalogKind::Quantization, quantKey));
    if (!engine) {
        engine = catalog.findEngine(defaultEngineFor(*quant, match->tag != nullptr || !match->impliedQuant.empty()));
        if (!engine)
            return unknown(C::UnknownEngine, "engine", defaultEngineFor(*quant, false));
    }
    if (std::find(quant->engines.begin(), quant->engines.end(), engine->id) == quant->engines.end())
        return unknown(C::QuantNotForEngine, "quant", quant->id, quant->engines);
    if (!in.engineVersion.empty() && !isVersionString(in.engineVersion))
        return unknown(C::BadEngineVersion, "engine-version", in.engineVersion, {engine->latestVersion()});

    const auto kv = kvTypeFromName(in.kvType);
    if (!kv)
        return unknown(C::UnknownKvType, "kv-type", in.kvType, {"f16", "q8_0", "q4_0", "fp8"});
    const bool ggufEngine = engine->kind == EngineKind::LlamaCpp || engine->kind == EngineKind::Ollama;
    if ((*kv == KvType::Fp8 && ggufEngine) ||
        ((*kv == KvType::Q8_0 || *kv == KvType::Q4_0) && !ggufEngine))
        return unknown(C::KvTypeNotForEngine, "kv-type", in.kvType,
                       ggufEngine ? std::vector<std::string>{"f16", "q8_0", "q4_0"}
                                  : std::vector<std::string>{"f16", "bf16", "fp8"});

    ResolvedRequest out;
    out.quant = quant;
    const auto variant = engine->kind == EngineKind::Ollama ? MixVariant::OllamaMxfp4Bf16 : MixVariant::LlamaCpp;
    auto inventory = buildInventory(*match->model, *quant, variant);
    if (!inventory)
        return unknown(C::NoLayoutForQuant, "quant", quant->id);
    out.inventory = std::make_unique<TensorInventory>(std::move(*inventory));

    if (in.gpuCount && in.gpus.size() != 1)
        return unknown(C::GpuCountNeedsOneGpu, "gpus", std::to_string(*in.gpuCount));
    if (in.gpuCount && (*in.gpuCount == 0 || *in.gpuCount > 64))
        return ResolveError{C::InvalidRequest, "gpus", std::to_string(*in.gpuCount), {},
                            RequestProblem{*in.gpuCount == 0 ? RequestProblem::Code::ZeroValue : RequestProblem::Code::TooLarge,
                                           "gpus", *in.gpuCount}};
    std::vector<DeviceSpec> devices;
    for (const auto &g : in.gpus) {
        if (const auto *h = catalog.findHardware(g)) {
            devices.push_back(deviceFromHardware(*h));
            if (!out.hardware)
                out.hardware = h;
        } else if (const auto cap = customCapacity(g)) {
            devices.push_back(customDevice(*cap, 0.0, MemoryKind::Discrete));
        } else {
            return unknown(C::UnknownGpu, "gpu", g, catalog.suggest(CatalogKind::Hardware, g));
        }
    }
    if (in.gpuCount && !devices.empty())
        devices.assign(*in.gpuCount, devices.front());

    auto &r = out.request;
    r.model = match->model;
    r.inventory = out.inventory.get();
    r.engine = engine;
    r.engineVersion = in.engineVersion;
    r.ctx = in.ctx;
    r.parallel = in.parallel;
    r.batch = in.batch;
    r.ubatch = in.ubatch;
    r.kvType = *kv;
    r.flashAttn = in.flashAttn;
    r.gpuLayers = in.gpuLayers;
    r.devices = std::move(devices);
    r.spread = in.spread;
    r.hostRam = in.hostRam;
    if (const auto problem = validateRequest(r))
        return ResolveError{C::InvalidRequest, problem->field, std::to_string(problem->value), {}, problem};
    return out;
}

} // namespace headroom
