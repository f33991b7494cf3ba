// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/context_curve.h"

#include "headroom/compute_buffer.h"
#include "headroom/estimator.h"

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

void insertSorted(std::vector<std::uint32_t> &v, std::uint32_t ctx)
{
    const auto at = std::lower_bound(v.begin(), v.end(), ctx);
    if (at == v.end() || *at != ctx)
        v.insert(at, ctx);
}

/** The KV types every curve shows (llama.cpp's and Ollama's choices), then the request's own when it is another. */
std::vector<KvType> curveKvTypes(KvType requested)
{
    std::vector<KvType> types{KvType::F16, KvType::Q8_0, KvType::Q4_0};
    if (std::find(types.begin(), types.end(), requested) == types.end())
        types.push_back(requested);
    return types;
}

VariantStatus statusOf(const EstimateRequest &req, const ContextVariant &v, bool engineFlashDefault)
{
    const EngineTraits &traits = req.engine->traits;
    if (!traits.offers(v.kvType))
        return VariantStatus::KvTypeNotOffered;
    // The same rule resolveSettings applies (estimate_defaults.cpp): the engine then keeps F16.
    if (isBlockQuantized(v.kvType) && !v.flashAttn && traits.kvQuantNeedsFlashAttn)
        return VariantStatus::KvQuantNeedsFlashAttn;
    // Drawing both would show one line twice: the engine's own setting is the one drawn.
    if (!flashAttnChangesMemory(*req.engine) && v.flashAttn != engineFlashDefault)
        return VariantStatus::FlashAttnNoEffect;
    return VariantStatus::Runs;
}

std::optional<std::size_t> indexOf(const std::vector<ContextLine> &lines, const ContextVariant &v)
{
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].variant == v)
            return i;
    return std::nullopt;
}

} // namespace

const char *variantStatusName(VariantStatus s)
{
    switch (s) {
    case VariantStatus::Runs: return "runs";
    case VariantStatus::KvTypeNotOffered: return "kv_type_not_offered";
    case VariantStatus::KvQuantNeedsFlashAttn: return "kv_quant_needs_flash_attn";
    case VariantStatus::FlashAttnNoEffect: return "flash_attn_no_effect";
    }
    return "runs";
}

const ContextLine *ContextCurve::chosen() const
{
    for (const auto &l : lines)
        if (l.chosen)
            return &l;
    return nullptr;
}

std::vector<std::uint32_t> contextGrid(std::uint32_t modelMax, const ContextCurveOptions &options)
{
    std::vector<std::uint32_t> grid;
    const std::uint32_t steps = std::max<std::uint32_t>(options.pointsPerOctave, 1);
    for (std::uint64_t power = std::max<std::uint32_t>(options.minContext, 1); power < modelMax; power *= 2) {
        for (std::uint32_t i = 0; i < steps; ++i) {
            // Even steps on a log axis, rounded to an eighth of the octave's power (64 tokens from 512, 256 from 2048)
            // so that the contexts are round numbers and the powers of two stay exact.
            const double exact = static_cast<double>(power) * std::exp2(static_cast<double>(i) / static_cast<double>(steps));
            const std::uint64_t unit = std::max<std::uint64_t>(power / 8, 1);
            const auto rounded = static_cast<std::uint64_t>(std::llround(exact / static_cast<double>(unit))) * unit;
            if (rounded < modelMax)
                insertSorted(grid, static_cast<std::uint32_t>(rounded));
        }
    }
    if (modelMax > 0)
        insertSorted(grid, modelMax);
    return grid;
}

EstimateRequest requestAt(const EstimateRequest &req, const ContextVariant &variant, std::uint32_t ctx)
{
    EstimateRequest r = req;
    r.ctx = ctx;
    r.flashAttn = variant.flashAttn ? FlashAttn::On : FlashAttn::Off;
    r.kvType = variant.kvType;
    return r;
}

ContextPoint contextPoint(const Placement &p)
{
    ContextPoint pt;
    pt.ctx = p.ctx;
    pt.verdict = p.verdict;
    pt.gpuLayers = p.gpuLayers;
    pt.parallel = p.parallel;
    const auto add = [&pt](const DeviceUsage &d) {
        pt.weights += d.weights;
        pt.kvCache += d.kvCache;
        pt.compute += d.compute;
        pt.overhead += d.overhead;
        pt.projector += d.projector;
    };
    for (const auto &d : p.devices) {
        add(d);
        pt.gpuTotal += d.total();
    }
    add(p.host);
    pt.hostTotal = p.host.total();
    return pt;
}

ContextCurve contextCurve(const EstimateRequest &req, const ContextCurveOptions &options)
{
    ContextCurve c;
    c.modelMaxContext = req.model->maxContext;
    c.contexts = contextGrid(c.modelMaxContext, options);
    // The request as asked: its context as the engine resolves it, its flash attention, the devices' usable memory.
    const Placement asked = estimateVerdictOnly(req);
    c.requestCtx = asked.ctx;
    if (asked.ctx > 0 && asked.ctx <= kMaxContext)
        insertSorted(c.contexts, asked.ctx);
    c.cpuOnly = req.devices.empty();
    if (c.cpuOnly) {
        c.usable = asked.host.usable;
    } else {
        for (const auto &d : asked.devices)
            c.usable += d.usable;
    }

    const EngineBehaviour &behaviour = req.engine->behaviourFor(req.engineVersion);
    const ModelSpec &m = *req.model;
    // The same rule kvGeometry applies (kv_cache.cpp): a window shortens a block's cache only where the engine keeps it so.
    const bool windowed = m.slidingWindow && m.slidingWindow->window > 0 && behaviour.swaCache == SwaCache::Window;
    c.window = windowed ? m.slidingWindow->window : 0;
    c.layers = m.layers;
    for (std::uint32_t l = 0; l < m.layers; ++l)
        if (m.hasKv(l) && !(windowed && m.slidingWindow->isSliding(l)))
            ++c.growingLayers;
    const bool engineFlash = behaviour.flashAttnByDefault(m.arch);
    for (const bool flash : {true, false})
        for (const KvType kv : curveKvTypes(req.kvType)) {
            ContextLine line;
            line.variant = {flash, kv};
            line.status = statusOf(req, line.variant, engineFlash);
            line.chosen = line.variant == ContextVariant{asked.flashAttn, req.kvType};
            c.lines.push_back(std::move(line));
        }
    for (auto &line : c.lines) {
        if (line.status == VariantStatus::KvQuantNeedsFlashAttn)
            line.sameAs = indexOf(c.lines, {line.variant.flashAttn, KvType::F16});
        else if (line.status == VariantStatus::FlashAttnNoEffect)
            line.sameAs = indexOf(c.lines, {!line.variant.flashAttn, line.variant.kvType});
        if (line.status != VariantStatus::Runs)
            continue;
        // The marker is the estimate's own answer at the request's context, as the Estimate tab shows it.
        line.maxContext = estimate(requestAt(req, line.variant, asked.ctx)).maxContext;
        std::vector<std::uint32_t> contexts = c.contexts;
        if (line.maxContext > 0)
            insertSorted(contexts, line.maxContext);
        for (const std::uint32_t ctx : contexts) {
            const EstimateRequest at = requestAt(req, line.variant, ctx);
            if (validateRequest(at)) // beyond 2^24 tokens over the request's parallel sequences: not a point
                continue;
            line.points.push_back(contextPoint(estimateVerdictOnly(at)));
        }
    }
    return c;
}

} // namespace headroom
