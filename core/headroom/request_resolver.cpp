// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/request_resolver.h"

#include "headroom/devices.h"
#include "headroom/engine_inventory.h"

#include <algorithm>

namespace headroom {
namespace {

ResolveError unknown(ResolveError::Code code, const char *field, const std::string &value, std::vector<std::string> suggestions = {})
{
    return ResolveError{code, field, value, std::move(suggestions), std::nullopt};
}

} // namespace

const EngineProfile *defaultEngineFor(const Catalog &catalog, const Quantization &quant, bool fromOllama)
{
    if (fromOllama && quant.format == WeightFormat::Gguf)
        if (const auto *e = catalog.defaultEngineFor("ollama"))
            return e;
    return catalog.defaultEngineFor(weightFormatName(quant.format));
}

namespace {

/** Every engine that loads `format`, for a file's quantization the catalog does not list. */
std::vector<std::string> enginesForFormat(const Catalog &catalog, WeightFormat format)
{
    std::vector<std::string> out;
    for (const auto &e : catalog.engines())
        if (e.traits.loads(format))
            out.push_back(e.id);
    return out;
}

/** The catalog quantization a file's type names; llama.cpp calls gpt-oss's file type MXFP4_MOE. */
const Quantization *catalogQuantForFile(const Catalog &catalog, const std::string &key, std::string_view engine)
{
    if (key.empty())
        return nullptr;
    if (const auto *q = catalog.findQuantization(key, engine))
        return q;
    if (key == "MXFP4_MOE")
        return catalog.findQuantization("MXFP4", engine);
    return nullptr;
}

} // namespace

std::variant<ResolvedDevices, ResolveError> resolveDevices(const Catalog &catalog, const std::vector<DeviceChoice> &gpus,
                                                           std::optional<std::uint32_t> gpuCount)
{
    using C = ResolveError::Code;
    if (gpuCount && gpus.size() != 1)
        return unknown(C::GpuCountNeedsOneGpu, "gpus", std::to_string(*gpuCount));
    if (gpuCount && (*gpuCount == 0 || *gpuCount > 64))
        return ResolveError{
            C::InvalidRequest,
            "gpus",
            std::to_string(*gpuCount),
            {},
            RequestProblem{*gpuCount == 0 ? RequestProblem::Code::ZeroValue : RequestProblem::Code::TooLarge, "gpus", *gpuCount}};
    ResolvedDevices out;
    for (const auto &g : gpus) {
        if (const CustomDevice *custom = g.custom()) {
            out.devices.push_back(customDevice(custom->capacity, custom->bandwidthGBs, custom->kind));
            if (!g.name().empty())
                out.devices.back().name = g.name();
            out.devices.back().wiredLimit = g.wiredLimit();
        } else if (const auto *h = catalog.findHardware(*g.catalogId())) {
            if (h->kind == MemoryKind::Host) {
                // A CPU-only machine is no device: it is the host, whose RAM and bandwidth hold every layer.
                if (out.host || gpuCount) // one machine: no count, and no second CPU-only entry
                    return unknown(C::GpuCountNeedsOneGpu, gpuCount ? "gpus" : "gpu", h->id);
                out.host = h;
            } else {
                out.devices.push_back(deviceFromHardware(*h));
            }
            if (!out.first)
                out.first = h;
        } else {
            return unknown(C::UnknownGpu, "gpu", *g.catalogId(), catalog.suggest(CatalogKind::Hardware, *g.catalogId()));
        }
    }
    if (gpuCount && !out.devices.empty())
        out.devices.assign(*gpuCount, out.devices.front());
    return out;
}

void applyDevices(EstimateRequest &r, ResolvedDevices devices, std::optional<Bytes> hostRam)
{
    r.devices = std::move(devices.devices);
    r.hostRam = hostRam;
    r.hostBandwidthGBs = 0.0;
    if (devices.host) { // RAM the user states (--ram: what is free) wins over the machine's installed RAM
        if (!r.hostRam)
            r.hostRam = devices.host->memoryBytes;
        r.hostBandwidthGBs = devices.host->bandwidthGBs;
    }
}

std::variant<ResolvedRequest, ResolveError> resolveRequest(const Catalog &catalog, const RequestInputs &in)
{
    using C = ResolveError::Code;
    ResolvedRequest out;
    const ModelSpec *model = nullptr;
    std::string impliedQuant;
    bool fromOllamaTag = false;
    if (in.file) {
        out.ownedModel = std::make_unique<ModelSpec>(in.file->spec);
        model = out.ownedModel.get();
        impliedQuant = in.file->quant;
    } else {
        const auto match = catalog.resolveModel(in.model);
        if (!match)
            return unknown(C::UnknownModel, "model", in.model, catalog.suggest(CatalogKind::Model, in.model));
        model = match->model;
        impliedQuant = match->impliedQuant;
        fromOllamaTag = match->tag != nullptr || !match->impliedQuant.empty();
    }

    const EngineProfile *engine = nullptr;
    if (!in.engine.empty()) {
        engine = catalog.findEngine(in.engine);
        if (!engine)
            return unknown(C::UnknownEngine, "engine", in.engine, catalog.suggest(CatalogKind::Engine, in.engine));
    }
    const std::string_view engineId = engine ? std::string_view(engine->id) : std::string_view{};
    // A file's tensors are exact for its own quantization. Naming another one asks "what if this model
    // were stored as that": the file's architecture is then laid out at it, as for a catalog model.
    bool otherQuant = false;
    if (in.file && !in.quant.empty()) {
        const Quantization *asked = catalogQuantForFile(catalog, in.quant, engineId);
        const bool same =
            equalsIgnoreCase(in.quant, in.file->quant) || (asked && asked == catalogQuantForFile(catalog, in.file->quant, engineId));
        otherQuant = !same;
    }
    const bool exactFile = in.file && in.file->inventory.has_value() && !otherQuant;
    std::string quantKey = !in.quant.empty() && !exactFile ? in.quant : impliedQuant;
    if (quantKey.empty() && engine && !model->releasedAs.empty()) {
        // The model's own repository is what a safetensors engine downloads: gpt-oss ships its experts in MXFP4.
        const Quantization *released = catalog.findQuantization(model->releasedAs, engineId);
        const Quantization *engineDefault = catalog.findQuantization(engine->traits.defaultQuant, engineId);
        if (released && engineDefault && released->format == engineDefault->format && released->loadedBy(engine->id))
            quantKey = released->id;
    }
    if (quantKey.empty())
        quantKey = engine ? engine->traits.defaultQuant : catalog.defaultEngineFor("gguf")->traits.defaultQuant;
    const Quantization *quant = in.file ? catalogQuantForFile(catalog, quantKey, engineId) : catalog.findQuantization(quantKey, engineId);
    if (quant && exactFile && quant->format != in.file->format)
        quant = nullptr;
    if (!quant && exactFile) {
        auto q = std::make_unique<Quantization>();
        q->id = in.file->quant.empty() ? std::string("unknown") : in.file->quant;
        q->name = q->id;
        q->format = in.file->format;
        q->engines = enginesForFormat(catalog, in.file->format);
        const auto params = in.file->inventory->parameterCount();
        q->bpw = params ? static_cast<double>(in.file->inventory->total()) * 8.0 / static_cast<double>(params) : 0.0;
        q->source = in.file->path;
        out.ownedQuant = std::move(q);
        quant = out.ownedQuant.get();
    }
    if (!quant)
        return unknown(C::UnknownQuant, "quant", quantKey, catalog.suggest(CatalogKind::Quantization, quantKey));
    if (!engine) {
        engine = defaultEngineFor(catalog, *quant, fromOllamaTag);
        if (!engine)
            return unknown(C::UnknownEngine, "engine", weightFormatName(quant->format));
    }
    if (!quant->loadedBy(engine->id))
        return unknown(C::QuantNotForEngine, "quant", quant->id, quant->engines);
    if (!in.engineVersion.empty() && !isVersionString(in.engineVersion))
        return unknown(C::BadEngineVersion, "engine-version", in.engineVersion, {engine->latestVersion()});

    const auto kv = kvTypeFromName(in.kvType);
    if (!kv)
        return unknown(C::UnknownKvType, "kv-type", in.kvType, {"f16", "q8_0", "q4_0", "fp8"});
    if (!engine->traits.offers(*kv)) {
        std::vector<std::string> offered;
        for (const auto t : engine->traits.kvTypes)
            offered.emplace_back(kvTypeName(t));
        return unknown(C::KvTypeNotForEngine, "kv-type", in.kvType, offered);
    }

    out.quant = quant;
    if (exactFile) {
        out.inventory = std::make_unique<TensorInventory>(*in.file->inventory);
    } else {
        auto inventory = buildInventory(*model, *quant, *engine);
        if (!inventory)
            return unknown(C::NoLayoutForQuant, "quant", quant->id);
        out.inventory = std::make_unique<TensorInventory>(std::move(*inventory));
    }

    auto devices = resolveDevices(catalog, in.gpus, in.gpuCount);
    if (auto *e = std::get_if<ResolveError>(&devices))
        return std::move(*e);
    auto &resolved = std::get<ResolvedDevices>(devices);
    out.hardware = resolved.first;

    auto &r = out.request;
    r.model = model;
    r.inventory = out.inventory.get();
    r.engine = engine;
    r.engineVersion = in.engineVersion;
    r.ctx = in.ctx;
    r.parallel = in.parallel;
    r.batch = in.batch;
    r.ubatch = in.ubatch;
    r.kvType = *kv;
    r.flashAttn = in.flashAttn;
    r.vision = in.vision;
    r.expertsOnHost = in.expertsOnHost;
    r.mmap = in.mmap;
    r.gpuLayers = in.gpuLayers;
    r.spread = in.spread;
    applyDevices(r, std::move(resolved), in.hostRam);
    if (const auto problem = validateRequest(r)) {
        if (problem->code == RequestProblem::Code::EngineCannotLoadModel) // value: the architecture; suggestion: the first version
            return ResolveError{C::InvalidRequest, problem->field, model->arch, {engine->supportFor(model->arch)->from}, problem};
        return ResolveError{C::InvalidRequest, problem->field, std::to_string(problem->value), {}, problem};
    }
    return out;
}

} // namespace headroom
