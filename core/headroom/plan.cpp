// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/plan.h"

#include "headroom/speed.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace headroom {

const char *currencyName(Currency c)
{
    return c == Currency::Cny ? "CNY" : "USD";
}

std::optional<Currency> currencyFromName(std::string_view name)
{
    for (const auto c : {Currency::Usd, Currency::Cny})
        if (equalsIgnoreCase(name, currencyName(c)))
            return c;
    return std::nullopt;
}

std::optional<double> launchPrice(const Hardware &h, Currency c)
{
    const auto &price = c == Currency::Cny ? h.launchPriceCny : h.launchPriceUsd;
    return price ? std::optional<double>(*price) : std::nullopt;
}

namespace {

constexpr std::array kSorts{PlanSort::Price, PlanSort::PricePerUsableGb, PlanSort::PricePerTokensPerSecond, PlanSort::Speed,
                            PlanSort::Headroom};
constexpr std::uint32_t kMaxCards = 8;
constexpr std::uint32_t kMaxMachines = 8;

} // namespace

const char *planSortName(PlanSort s)
{
    switch (s) {
    case PlanSort::Price: return "price";
    case PlanSort::PricePerUsableGb: return "price-per-gb";
    case PlanSort::PricePerTokensPerSecond: return "price-per-tps";
    case PlanSort::Speed: return "speed";
    case PlanSort::Headroom: return "headroom";
    }
    return "price";
}

std::optional<PlanSort> planSortFromName(std::string_view name)
{
    for (const auto s : kSorts)
        if (equalsIgnoreCase(name, planSortName(s)))
            return s;
    return std::nullopt;
}

std::uint32_t PlanOption::deviceCount() const
{
    std::uint32_t n = 0;
    for (const auto &p : parts)
        n += p.count;
    return n * machines;
}

bool ranksBefore(const PlanOption &a, const PlanOption &b, PlanSort sort)
{
    const bool fa = fitsOnGpus(a.placement.verdict), fb = fitsOnGpus(b.placement.verdict);
    if (fa != fb)
        return fa;
    // Lower is better for the prices, higher for speed and headroom; an option without the value comes last.
    const auto compare = [](std::optional<double> x, std::optional<double> y, bool lowerFirst) -> int {
        if (x.has_value() != y.has_value())
            return x ? -1 : 1;
        if (!x || *x == *y)
            return 0;
        return (*x < *y) == lowerFirst ? -1 : 1;
    };
    const auto known = [](double v) { return v > 0 ? std::optional<double>(v) : std::nullopt; };
    int c = 0;
    switch (sort) {
    case PlanSort::Price: c = compare(a.price, b.price, true); break;
    case PlanSort::PricePerUsableGb: c = compare(a.pricePerUsableGb, b.pricePerUsableGb, true); break;
    case PlanSort::PricePerTokensPerSecond: c = compare(a.pricePerTokensPerSecond, b.pricePerTokensPerSecond, true); break;
    case PlanSort::Speed: c = compare(known(a.placement.decodeTokensPerSecond), known(b.placement.decodeTokensPerSecond), false); break;
    case PlanSort::Headroom:
        c = compare(static_cast<double>(a.placement.headroomBytes()), static_cast<double>(b.placement.headroomBytes()), false);
        break;
    }
    if (c != 0)
        return c < 0;
    if (a.deviceCount() != b.deviceCount())
        return a.deviceCount() < b.deviceCount();
    return compare(a.price, b.price, true) < 0;
}

namespace {

/** A machine of its own: a Mac, an APU box whose GPU shares system RAM, or a CPU-only PC. Several are joined over the network. */
bool isMachine(const Hardware &h)
{
    return h.kind != MemoryKind::Discrete || h.gpuLimitBytes.has_value();
}

/** The resolved request every option of one engine shares; each option swaps in its devices. */
struct Base {
    ResolvedRequest resolved;
    RequestInputs inputs;
};

/**
 * Resolves the model, quantization, engine and settings once. With no device some engines refuse the
 * request (vLLM and MLX keep every layer on a GPU): a GPU, then a Mac, stands in, since only the devices
 * change from option to option.
 */
std::variant<Base, ResolveError> resolveBase(const Catalog &catalog, RequestInputs in)
{
    in.gpus.clear();
    in.gpuCount.reset();
    in.gpuLayers.reset();
    auto r = resolveRequest(catalog, in);
    for (const auto kind : {MemoryKind::Discrete, MemoryKind::Unified}) {
        const auto *e = std::get_if<ResolveError>(&r);
        if (!e || !e->problem || e->problem->code != RequestProblem::Code::EngineCannotLoadDevice)
            break;
        const auto &hw = catalog.hardware();
        const auto standIn = std::find_if(hw.begin(), hw.end(), [&](const Hardware &h) { return h.kind == kind; });
        if (standIn == hw.end())
            continue;
        RequestInputs probe = in;
        probe.gpus = {DeviceChoice(standIn->id)};
        r = resolveRequest(catalog, probe);
    }
    if (auto *e = std::get_if<ResolveError>(&r))
        return std::move(*e);
    return Base{std::move(std::get<ResolvedRequest>(r)), std::move(in)};
}

/** Sizes hardware options on one base request and keeps the ones that pass the filters. */
class OptionSizer
{
public:
    OptionSizer(const Catalog &catalog, const PlanOptions &options, Plan &plan) : m_catalog(catalog), m_options(options), m_plan(plan) {}

    /** `parts` in one box (machines = 1) or `machines` machines of parts' one device; empty when the engine cannot run there. */
    std::optional<PlanOption> size(const Base &base, std::vector<PlanPart> parts, std::uint32_t machines)
    {
        std::vector<DeviceChoice> gpus;
        for (const auto &p : parts)
            gpus.insert(gpus.end(), static_cast<std::size_t>(p.count) * machines, DeviceChoice(p.hardware->id));
        auto devices = resolveDevices(m_catalog, gpus, std::nullopt);
        if (!std::holds_alternative<ResolvedDevices>(devices))
            return std::nullopt;
        EstimateRequest r = base.resolved.request;
        applyDevices(r, std::move(std::get<ResolvedDevices>(devices)), base.inputs.hostRam);
        if (validateRequest(r)) {
            ++m_plan.counts.engineCannotRun;
            return std::nullopt;
        }
        ++m_plan.counts.evaluated;
        PlanOption o;
        o.parts = std::move(parts);
        o.machines = machines;
        o.engine = r.engine;
        o.inputs = base.inputs;
        o.inputs.engine = r.engine->id;
        o.inputs.gpus = std::move(gpus);
        o.placement = estimateVerdictOnly(r);
        if (machines > 1)
            o.placement.decodeTokensPerSecond = overNetwork(o.placement.decodeTokensPerSecond, machines - 1);
        o.usable = usableCapacity(o.placement);
        double price = 0.0;
        for (const auto &p : o.parts) {
            const auto each = launchPrice(*p.hardware, m_options.currency);
            if (!each) {
                price = -1.0;
                break;
            }
            price += *each * p.count * machines;
        }
        if (price >= 0.0) {
            o.price = price;
            if (o.usable > 0)
                o.pricePerUsableGb = price / (static_cast<double>(o.usable) / 1e9);
            if (o.placement.decodeTokensPerSecond > 0)
                o.pricePerTokensPerSecond = price / o.placement.decodeTokensPerSecond;
        }
        return o;
    }

    /** Lists `o` unless a filter leaves it out (and counts why). */
    void offer(PlanOption o)
    {
        if (m_options.budget && !o.price) {
            ++m_plan.counts.unpriced;
            return;
        }
        if (m_options.budget && *o.price > *m_options.budget) {
            ++m_plan.counts.overBudget;
            return;
        }
        if (m_options.minTokensPerSecond > 0 && o.placement.decodeTokensPerSecond < m_options.minTokensPerSecond) {
            ++m_plan.counts.tooSlow;
            return;
        }
        m_plan.options.push_back(std::move(o));
    }

private:
    const Catalog &m_catalog;
    const PlanOptions &m_options;
    Plan &m_plan;
};

bool fits(const std::optional<PlanOption> &o)
{
    return o && fitsOnGpus(o->placement.verdict);
}

} // namespace

std::variant<Plan, ResolveError> plan(const Catalog &catalog, const RequestInputs &request, const PlanOptions &options)
{
    RequestInputs in = request;
    Plan out;
    out.currency = options.currency;
    out.sort = options.sort;
    auto resolved = resolveBase(catalog, in);
    if (auto *e = std::get_if<ResolveError>(&resolved))
        return std::move(*e);
    Base &base = std::get<Base>(resolved);
    const EngineProfile *engine = base.resolved.request.engine;
    if (!in.ctx) {
        // Only once the engine is known is it known whether it fits an unset context to memory. The context
        // changes nothing resolved (the inventory, the engine): it is set on the request as resolved.
        in.ctx = fitFloorContext(*engine, in.engineVersion);
        out.ctxFromFitFloor = in.ctx.has_value();
        // Ollama's default context grows with the VRAM: options compared at their own would compare contexts.
        if (const auto &byVram = engine->behaviourFor(in.engineVersion).defaultCtxByVramGiB; !in.ctx && !byVram.empty()) {
            in.ctx = byVram.front().second;
            out.ctxFromSmallestDefault = true;
        }
        base.resolved.request.ctx = base.inputs.ctx = in.ctx;
    }
    out.modelName = base.resolved.request.model->name;
    out.quant = base.resolved.quant->id;
    out.engine = engine;

    // Several machines are joined by llama.cpp's RPC: a GGUF request on Ollama or LM Studio is sized there on
    // llama.cpp itself (the same file and layers; Ollama has no RPC).
    std::optional<Base> rpcBase;
    const EngineProfile *rpc = catalog.findEngine("llama.cpp");
    if (options.machines && rpc && engine != rpc && engine->traits.loads(WeightFormat::Gguf) &&
        base.resolved.quant->format == WeightFormat::Gguf) {
        RequestInputs viaRpc = in;
        viaRpc.engine = rpc->id;
        viaRpc.engineVersion.clear();
        if (auto r = resolveBase(catalog, viaRpc); std::holds_alternative<Base>(r))
            rpcBase = std::move(std::get<Base>(r));
    }
    const Base *machineBase = engine == rpc ? &base : rpcBase ? &*rpcBase : nullptr;

    OptionSizer sizer(catalog, options, out);
    // More machines only add network time: they are listed from the first count (2-8) that holds the model.
    const auto offerFirstMachinesThatFit = [&](const PlanPart &each) {
        for (std::uint32_t m = 2; m <= kMaxMachines; ++m) {
            auto several = sizer.size(*machineBase, {each}, m);
            if (!several)
                return;
            if (fits(several)) {
                sizer.offer(std::move(*several));
                return;
            }
        }
    };
    std::vector<const Hardware *> cardsNot; // cards that do not hold the model alone
    for (const Hardware &h : catalog.hardware()) {
        if (isMachine(h)) {
            auto one = sizer.size(base, {{&h, 1}}, 1);
            const bool oneFits = fits(one);
            if (one)
                sizer.offer(std::move(*one));
            if (!oneFits && options.machines && machineBase && h.kind != MemoryKind::Host)
                offerFirstMachinesThatFit({&h, 1});
            continue;
        }
        // Cards in one box: one card even when it does not hold the model (what partial offload gives), then
        // the first count that does, and more only while they add speed (tensor parallel).
        double lastFitSpeed = 0.0;
        bool anyFits = false;
        for (std::uint32_t n = 1; n <= kMaxCards; ++n) {
            auto o = sizer.size(base, {{&h, n}}, 1);
            if (!o)
                break;
            const bool f = fits(o);
            if (n == 1 && !f)
                cardsNot.push_back(&h);
            if (!f) {
                if (n == 1)
                    sizer.offer(std::move(*o));
                continue;
            }
            const double speed = o->placement.decodeTokensPerSecond;
            if (anyFits && !(speed > lastFitSpeed * 1.02))
                break;
            anyFits = true;
            lastFitSpeed = speed;
            sizer.offer(std::move(*o));
        }
        // Eight in one box do not hold it: servers of eight joined over RPC.
        if (!anyFits && options.machines && machineBase)
            offerFirstMachinesThatFit({&h, kMaxCards});
    }
    // Two different cards of one vendor in one box (one build of the engine drives both): listed when the pair
    // holds the model and neither card does alone.
    for (std::size_t i = 0; i < cardsNot.size(); ++i)
        for (std::size_t j = i + 1; j < cardsNot.size(); ++j) {
            if (cardsNot[i]->vendor != cardsNot[j]->vendor)
                continue;
            auto pair = sizer.size(base, {{cardsNot[i], 1}, {cardsNot[j], 1}}, 1);
            if (fits(pair))
                sizer.offer(std::move(*pair));
        }
    std::stable_sort(out.options.begin(), out.options.end(),
                     [&](const PlanOption &a, const PlanOption &b) { return ranksBefore(a, b, options.sort); });
    out.ctx = in.ctx.value_or(out.options.empty() ? 0 : out.options.front().placement.ctx);
    return out;
}

} // namespace headroom
