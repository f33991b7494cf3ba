// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/advise.h"

#include "headroom/inventory_cache.h"

#include <algorithm>
#include <map>

namespace headroom {
namespace {

constexpr double kEps = 1e-9;

bool runs(const Placement &p, bool allowPartial)
{
    return fitsOnGpus(p.verdict) || (allowPartial && p.verdict == Verdict::PartialOffload);
}

Bytes memoryOf(const Placement &p, bool partial)
{
    if (p.devices.empty())
        return p.host.total();
    const Bytes sum = devicesTotal(p);
    return partial ? sum + p.host.total() : sum;
}

bool sameFamily(const ModelSpec &m, const std::string &family)
{
    return family.empty() || equalsIgnoreCase(m.family, family);
}

/** Scored first, by quality (ties: less memory); the unscored after, by memory. */
bool ranksBefore(const Candidate &a, const Candidate &b)
{
    if (a.quality.has_value() != b.quality.has_value())
        return a.quality.has_value();
    if (a.quality && std::abs(a.quality->value - b.quality->value) > kEps)
        return a.quality->value > b.quality->value;
    if (a.memory != b.memory)
        return a.memory < b.memory;
    return a.model->id + a.quant->id < b.model->id + b.quant->id;
}

std::vector<std::size_t> paretoFront(const std::vector<Candidate> &c)
{
    std::vector<std::size_t> scored;
    for (std::size_t i = 0; i < c.size(); ++i)
        if (c[i].quality)
            scored.push_back(i);
    std::sort(scored.begin(), scored.end(), [&](std::size_t a, std::size_t b) {
        if (c[a].memory != c[b].memory)
            return c[a].memory < c[b].memory;
        return c[a].quality->value > c[b].quality->value;
    });
    std::vector<std::size_t> front;
    double best = -1.0;
    for (const auto i : scored)
        if (c[i].quality->value > best + kEps) {
            front.push_back(i);
            best = c[i].quality->value;
        }
    return front;
}

/** Bits a quantization keeps; every lossless one (BF16, F16, F32) keeps all the model has. */
double precision(const Quantization &q)
{
    return q.lossless ? 16.0 : std::min(q.bpw, 16.0);
}

/** The most precise candidate of an unranked model; among equals (BF16 and F32) the smaller. */
bool morePrecise(const Candidate &a, const Candidate &b)
{
    if (std::abs(precision(*a.quant) - precision(*b.quant)) > kEps)
        return precision(*a.quant) > precision(*b.quant);
    return a.memory < b.memory;
}

} // namespace

double Candidate::qualityPerGb() const
{
    return quality && memory > 0 ? quality->value / (static_cast<double>(memory) / 1e9) : 0.0;
}

std::variant<Advice, ResolveError> advise(const Catalog &catalog, const RequestInputs &base, const AdviseOptions &options,
                                          InventoryCache *cache)
{
    // Resolve the devices, engine and settings once, with the engine's default quantization standing in.
    RequestInputs probe = base;
    probe.file.reset();
    if (probe.engine.empty())
        probe.engine = catalog.defaultEngineFor("gguf")->id;
    const EngineProfile *engine = catalog.findEngine(probe.engine);
    if (!engine)
        return ResolveError{
            ResolveError::Code::UnknownEngine, "engine", probe.engine, catalog.suggest(CatalogKind::Engine, probe.engine), {}};
    probe.quant = engine->traits.defaultQuant;
    // An engine that fits an unset context to the free memory (llama.cpp --fit) would fill every device
    // whatever the model, and the memory axis would say nothing: compare at the smallest context it fits.
    const auto floor = fitFloorContext(*engine, probe.engineVersion);
    const bool fitsContext = !probe.ctx && floor;
    if (fitsContext)
        probe.ctx = floor;
    probe.gpuLayers.reset();
    // Any model this engine version loads stands in; the devices and settings do not depend on which.
    const auto &models = catalog.models();
    const auto standIn = std::find_if(models.begin(), models.end(),
                                      [&](const ModelSpec &m) { return engine->loadsArchitecture(m.arch, probe.engineVersion); });
    probe.model = (standIn != models.end() ? *standIn : models.front()).id;
    auto resolved = resolveRequest(catalog, probe);
    if (const auto *error = std::get_if<ResolveError>(&resolved))
        return *error;
    const EstimateRequest &shared = std::get<ResolvedRequest>(resolved).request;

    Advice advice;
    advice.metric = options.metric ? options.metric : &catalog.defaultMetric();
    InventoryCache local;
    InventoryCache &inventories = cache ? *cache : local;
    {
        // The devices as the engine sees them, before anything is loaded.
        Placement empty = estimateVerdictOnly(shared);
        advice.capacity = usableCapacity(empty);
        for (const auto &d : empty.devices) {
            DeviceUsage bare;
            bare.id = d.id;
            bare.name = d.name;
            bare.capacity = d.capacity;
            bare.usable = d.usable;
            bare.bandwidthGBs = d.bandwidthGBs;
            advice.devices.push_back(std::move(bare));
        }
        advice.engine = engine->id;
        advice.ctxFromFitFloor = fitsContext;
        advice.engineVersion = empty.engineVersion;
    }
    for (const auto &model : catalog.models()) {
        if (!sameFamily(model, options.family))
            continue;
        ++advice.counts.models;
        if (!engine->loadsArchitecture(model.arch, probe.engineVersion)) {
            ++advice.counts.engineTooOld;
            continue;
        }
        if (probe.ctx && *probe.ctx > model.maxContext) {
            ++advice.counts.contextTooLong;
            continue;
        }
        bool anyRuns = false;
        for (const auto &quant : catalog.quantizations()) {
            if (!quant.loadedBy(engine->id))
                continue;
            const TensorInventory *inventory = inventories.get(model, quant, *engine);
            if (!inventory)
                continue;
            EstimateRequest r = shared;
            r.model = &model;
            r.inventory = inventory;
            if (!runs(estimateVerdictOnly(r), options.allowPartialOffload))
                continue;
            Candidate c;
            c.model = &model;
            c.quant = &quant;
            c.placement = estimate(r);
            anyRuns = true;
            if (options.minTokensPerSecond && !(c.placement.decodeTokensPerSecond >= *options.minTokensPerSecond)) {
                ++advice.counts.tooSlow;
                continue;
            }
            c.partial = c.placement.verdict == Verdict::PartialOffload;
            c.memory = memoryOf(c.placement, c.partial);
            auto q = expectedQuality(catalog, *advice.metric, model, quant);
            if (auto *eq = std::get_if<ExpectedQuality>(&q))
                c.quality = std::move(*eq);
            else
                c.gap = std::get<QualityGap>(q);
            c.inputs = probe;
            c.inputs.model = model.id;
            c.inputs.quant = quant.id;
            advice.candidates.push_back(std::move(c));
        }
        if (anyRuns)
            ++advice.counts.running;
    }

    auto &c = advice.candidates;
    std::sort(c.begin(), c.end(), ranksBefore);
    advice.front = paretoFront(c);
    std::map<const ModelSpec *, std::size_t> best;
    std::map<const ModelSpec *, std::size_t> mostPrecise;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c[i].quality)
            best.try_emplace(c[i].model, i); // sorted: the first is the best
        auto [it, added] = mostPrecise.try_emplace(c[i].model, i);
        if (!added && morePrecise(c[i], c[it->second]))
            it->second = i;
    }
    for (const auto &[model, i] : best)
        advice.perModel.push_back(i);
    std::sort(advice.perModel.begin(), advice.perModel.end());
    for (const auto &[model, i] : mostPrecise)
        if (!best.count(model))
            advice.unranked.push_back(i);
    std::sort(advice.unranked.begin(), advice.unranked.end(),
              [&](std::size_t a, std::size_t b) { return c[a].model->name < c[b].model->name; });
    return advice;
}

} // namespace headroom
