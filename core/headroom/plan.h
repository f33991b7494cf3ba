// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/catalog.h"
#include "headroom/request_resolver.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

namespace headroom {

/** The currency of a budget and of the prices compared: each price as its source gives it, never converted. */
enum class Currency { Usd, Cny };

[[nodiscard]] const char *currencyName(Currency c); ///< "USD", "CNY"
[[nodiscard]] std::optional<Currency> currencyFromName(std::string_view name);

/** A catalog entry's launch price in `c`; empty when its source gives none in that currency. */
[[nodiscard]] std::optional<double> launchPrice(const Hardware &h, Currency c);

/** What the options are ranked by. Under every key an option that fits comes before one that does not. */
enum class PlanSort { Price, PricePerUsableGb, PricePerTokensPerSecond, Speed, Headroom };

[[nodiscard]] const char *planSortName(PlanSort s); ///< "price", "price-per-gb", "price-per-tps", "speed", "headroom"
[[nodiscard]] std::optional<PlanSort> planSortFromName(std::string_view name);

struct PlanOptions {
    std::optional<double> budget; ///< in `currency`; options above it, or without a price in it, are left out
    Currency currency = Currency::Usd;
    double minTokensPerSecond = 0.0; ///< leave out what decodes slower, or at an unknown speed
    bool machines = true;            ///< also 2-8 machines joined over the network (llama.cpp RPC)
    PlanSort sort = PlanSort::Price;
};

/** `count` of one catalog device. */
struct PlanPart {
    const Hardware *hardware = nullptr;
    std::uint32_t count = 1;
};

/** One way to run the model: some cards in one box, or several machines over the network. */
struct PlanOption {
    std::vector<PlanPart> parts;
    std::uint32_t machines = 1;            ///< 1: one box; more: that many machines, each holding `parts`, over llama.cpp RPC
    const EngineProfile *engine = nullptr; ///< the engine the option was sized for (several machines: llama.cpp, which has RPC)
    RequestInputs inputs;                  ///< resolving and estimating this gives `placement` (before the network cost)
    Placement placement;                   ///< decode speed includes the network cost of several machines
    Bytes usable = 0;                      ///< what the engine can fill: usableCapacity(placement)
    std::optional<double> price;           ///< sum of the parts' launch prices; empty when one has none in the currency
    std::optional<double> pricePerUsableGb;
    std::optional<double> pricePerTokensPerSecond;

    [[nodiscard]] std::uint32_t deviceCount() const;
};

/** Why options were left out, for the front ends to say. */
struct PlanCounts {
    std::size_t evaluated = 0;
    std::size_t overBudget = 0;
    std::size_t unpriced = 0; ///< left out because a budget was given and the option has no price in its currency
    std::size_t tooSlow = 0;
    std::size_t engineCannotRun = 0; ///< the engine does not run on that device (MLX off a Mac, vLLM on a CPU)
};

struct Plan {
    std::string modelName;
    std::string quant;
    const EngineProfile *engine = nullptr;
    std::uint32_t ctx = 0;               ///< the context every option was sized at
    bool ctxFromFitFloor = false;        ///< none given: the smallest the engine fits an unset context to (llama.cpp --fit-ctx)
    bool ctxFromSmallestDefault = false; ///< none given: the engine's default for the least memory (Ollama sets it by VRAM)
    Currency currency = Currency::Usd;
    PlanSort sort = PlanSort::Price;
    std::vector<PlanOption> options; ///< ranked
    PlanCounts counts;
};

/**
 * Ranks the catalog's hardware for `request` (its model, quantization, engine, context, parallel count and
 * RAM; its devices are ignored): 1-8 of each GPU in one box (more only while they add speed, as tensor
 * parallel does), every same-vendor pair of two different GPUs, each Mac, APU box and CPU-only machine, and,
 * with options.machines, 2-8 of each Mac or APU box, or of servers of eight GPUs where eight in one box are
 * not enough, over llama.cpp RPC, where every machine holds its layers,
 * their KV, its own compute buffer and runtime overhead, and each token crosses the network once per extra
 * machine. Every option is sized at one context: without one, an engine that fits an unset context to memory
 * is compared at its floor (as advise() does), one whose default grows with the memory at its smallest default.
 */
[[nodiscard]] std::variant<Plan, ResolveError> plan(const Catalog &catalog, const RequestInputs &request, const PlanOptions &options);

/** Whether `a` ranks before `b` under `sort`: fits first, then the key, then fewer devices, then the lower price. */
[[nodiscard]] bool ranksBefore(const PlanOption &a, const PlanOption &b, PlanSort sort);

} // namespace headroom
