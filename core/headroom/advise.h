// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/catalog.h"
#include "headroom/quality.h"
#include "headroom/request_resolver.h"

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace headroom {

class InventoryCache;

struct AdviseOptions {
    const Metric *metric = nullptr;           ///< null = the catalog's default metric
    std::optional<double> minTokensPerSecond; ///< drop what decodes slower (or at an unknown speed)
    std::string family;                       ///< only this model family (ModelSpec::family); empty = all
    bool allowPartialOffload = false;         ///< also what runs with some layers in system RAM
};

/** One model at one quantization that runs on the request's devices. */
struct Candidate {
    const ModelSpec *model = nullptr;
    const Quantization *quant = nullptr;
    std::optional<ExpectedQuality> quality; ///< empty: see `gap`
    QualityGap gap = QualityGap::NoScore;
    RequestInputs inputs; ///< the request for this candidate: resolving and estimating it gives `placement`
    Placement placement;
    Bytes memory = 0; ///< what it takes: the devices' totals, plus system RAM when layers are offloaded
    bool partial = false;

    /** Expected quality per GB (10^9 bytes) of memory: where the knee between size and quality is. */
    [[nodiscard]] double qualityPerGb() const;
};

/** Why models were left out, for the front ends to say. */
struct AdviceCounts {
    std::size_t models = 0;         ///< catalog models considered (after the family filter)
    std::size_t running = 0;        ///< of those, models with at least one quantization that runs
    std::size_t contextTooLong = 0; ///< models whose longest context is below the one asked for
    std::size_t engineTooOld = 0;   ///< models whose architecture this engine version cannot load
    std::size_t tooSlow = 0;        ///< candidates that run but decode below the minimum (or at an unknown speed)
};

struct Advice {
    const Metric *metric = nullptr;
    Bytes capacity = 0;               ///< what the engine can fill: the devices' usable memory (system RAM when CPU-only)
    std::vector<DeviceUsage> devices; ///< the devices swept for (names, capacities; their usage fields are zero)
    std::string engine;               ///< engine id
    std::string engineVersion;        ///< the behaviour row applied
    bool ctxFromFitFloor = false;     ///< no context given, and the engine fits it to memory: compared at its floor
    /** Everything that runs and passes the filters: scored candidates by expected quality (ties: less memory first), then the rest. */
    std::vector<Candidate> candidates;
    std::vector<std::size_t> front;    ///< Pareto front of quality vs memory (indices into candidates, memory ascending)
    std::vector<std::size_t> perModel; ///< each scored model's best candidate, by expected quality
    std::vector<std::size_t> unranked; ///< models that run but have no score or no measured quantization: their most precise candidate
    AdviceCounts counts;
};

/**
 * Sweeps every catalog model x quantization the request's engine loads on the request's devices, engine,
 * context and parallel count (`base.model` and `base.quant` are ignored; an unset context that the engine
 * would fit to the free memory is its fitting floor, llama.cpp's 4096), keeps what runs, ranks it by
 * expected quality in `options.metric`, and finds the Pareto front of quality vs memory. Models without a
 * score, and quantizations no study measured, run but are never ranked. `cache` keeps the tensor
 * inventories between sweeps (the GUI reruns this on every input change); null builds them anew.
 */
[[nodiscard]] std::variant<Advice, ResolveError> advise(const Catalog &catalog, const RequestInputs &base, const AdviseOptions &options,
                                                        InventoryCache *cache = nullptr);

} // namespace headroom
