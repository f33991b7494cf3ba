// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/catalog.h"
#include "headroom/quality.h"
#include "headroom/request_resolver.h"

#include <variant>
#include <vector>

namespace headroom {

class InventoryCache;

/** One quantization of the explored model: what it weighs, what it keeps of the model, and how it runs. */
struct QuantRow {
    const Quantization *quant = nullptr;
    Bytes weights = 0;          ///< the tensor inventory's bytes (the model file's size, without a vision projector)
    double bitsPerWeight = 0.0; ///< weights x 8 / the inventory's parameters: this model's figure, not the catalog's reference
    std::variant<Recovery, QualityGap> recovery = QualityGap::NotMeasured; ///< measuredRecovery(); never NoScore
    RequestInputs inputs; ///< the request of this row: resolving and estimating it gives `placement`
    Placement placement;  ///< estimate() of that request, max-context search included
};

/** Every quantization the request's engine loads for its model, on its hardware and settings. */
struct QuantExploration {
    const ModelSpec *model = nullptr; ///< null for a model file (its spec lives in each row's request)
    std::string modelName;
    const EngineProfile *engine = nullptr;
    std::string engineVersion;                  ///< the behaviour row applied
    std::vector<DeviceUsage> devices;           ///< the devices as the engine sees them (usage fields zero)
    Bytes capacity = 0;                         ///< usableCapacity() of the devices (system RAM when CPU-only)
    std::string currentQuant;                   ///< the quantization the request itself resolves to
    std::vector<QuantRow> rows;                 ///< by weights, smallest first (ties: catalog id)
    std::vector<const Quantization *> noLayout; ///< loaded by the engine, but Headroom cannot lay this model out in it
    /// loaded by the engine, but it would store none of this model's tensors quantized (gpt-oss's experts-only
    /// MXFP4 on a dense model): the same bytes as BF16, so no row
    std::vector<const Quantization *> nothingQuantized;
};

/**
 * Resolves `request` as the estimate does (same errors for an unknown model, GPU, engine version ...), fixes
 * the engine it resolves to, and estimates the same request once per catalog quantization that engine loads,
 * each with its measured recovery. A row is exactly what resolveRequest + estimate give for `row.inputs`: a
 * catalog model takes its inventories from `cache` (null: built anew), a model file is resolved per row so that
 * its own quantization keeps the file's exact tensors.
 */
[[nodiscard]] std::variant<QuantExploration, ResolveError> exploreQuantizations(const Catalog &catalog, const RequestInputs &request,
                                                                                InventoryCache *cache = nullptr);

} // namespace headroom
