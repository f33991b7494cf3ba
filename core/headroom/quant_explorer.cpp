// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/quant_explorer.h"

#include "headroom/inventory_cache.h"

#include <algorithm>

namespace headroom {
namespace {

double bitsPerWeight(const TensorInventory &inventory)
{
    const auto params = inventory.parameterCount();
    return params ? static_cast<double>(inventory.total()) * 8.0 / static_cast<double>(params) : 0.0;
}

QuantRow rowFor(const Catalog &catalog, const ModelSpec &model, const Quantization &quant, const TensorInventory &inventory,
                const EstimateRequest &request, RequestInputs inputs)
{
    QuantRow row;
    row.quant = &quant;
    row.weights = inventory.total();
    row.bitsPerWeight = bitsPerWeight(inventory);
    row.recovery = measuredRecovery(catalog, quant, model);
    row.inputs = std::move(inputs);
    row.placement = estimate(request);
    return row;
}

} // namespace

std::variant<QuantExploration, ResolveError> exploreQuantizations(const Catalog &catalog, const RequestInputs &request,
                                                                  InventoryCache *cache)
{
    auto resolved = resolveRequest(catalog, request);
    if (auto *error = std::get_if<ResolveError>(&resolved))
        return std::move(*error);
    const ResolvedRequest &base = std::get<ResolvedRequest>(resolved);
    const EngineProfile &engine = *base.request.engine;

    QuantExploration out;
    out.model = request.file ? nullptr : base.request.model;
    out.modelName = base.request.model->name;
    out.engine = &engine;
    out.currentQuant = base.quant->id;
    {
        // The devices as the engine sees them; usable memory does not depend on what is loaded.
        const Placement bare = estimateVerdictOnly(base.request);
        out.engineVersion = bare.engineVersion;
        out.capacity = usableCapacity(bare);
        for (const auto &d : bare.devices) {
            DeviceUsage device;
            device.id = d.id;
            device.name = d.name;
            device.capacity = d.capacity;
            device.usable = d.usable;
            device.bandwidthGBs = d.bandwidthGBs;
            out.devices.push_back(std::move(device));
        }
    }

    // Every row asks for the engine the request resolved to: left open, the engine would follow each
    // quantization's format (vLLM for safetensors), and the rows would no longer be one engine's choices.
    RequestInputs fixed = request;
    fixed.engine = engine.id;
    InventoryCache local;
    InventoryCache &inventories = cache ? *cache : local;
    for (const auto &quant : catalog.quantizations()) {
        if (!quant.loadedBy(engine.id))
            continue;
        RequestInputs inputs = fixed;
        inputs.quant = quant.id;
        if (request.file) {
            // A file's own quantization keeps its exact tensors; another one lays the file's architecture
            // out anew. resolveRequest knows which, so each row is resolved as the estimate would be.
            auto row = resolveRequest(catalog, inputs);
            if (auto *error = std::get_if<ResolveError>(&row)) {
                if (error->code == ResolveError::Code::NoLayoutForQuant)
                    out.noLayout.push_back(&quant);
                continue;
            }
            const ResolvedRequest &r = std::get<ResolvedRequest>(row);
            out.rows.push_back(rowFor(catalog, *r.request.model, quant, *r.request.inventory, r.request, std::move(inputs)));
            continue;
        }
        // A catalog model: the resolved request differs between quantizations only in its inventory.
        const TensorInventory *inventory = inventories.get(*base.request.model, quant, engine);
        if (!inventory) {
            out.noLayout.push_back(&quant);
            continue;
        }
        const bool quantizes =
            quant.format == WeightFormat::Gguf || quant.layout.unquantized() ||
            std::any_of(inventory->tensors.begin(), inventory->tensors.end(), [&](const Tensor &t) { return t.storage == quant.id; });
        if (!quantizes) {
            out.nothingQuantized.push_back(&quant);
            continue;
        }
        EstimateRequest r = base.request;
        r.inventory = inventory;
        out.rows.push_back(rowFor(catalog, *base.request.model, quant, *inventory, r, std::move(inputs)));
    }
    std::sort(out.rows.begin(), out.rows.end(), [](const QuantRow &a, const QuantRow &b) {
        return a.weights != b.weights ? a.weights < b.weights : a.quant->id < b.quant->id;
    });
    return out;
}

} // namespace headroom
