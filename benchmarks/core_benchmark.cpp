// SPDX-License-Identifier: GPL-3.0-or-later
#include <headroom/advisor.h>
#include <headroom/engine_inventory.h>
#include <headroom/estimator.h>
#include <headroom/inventory_cache.h>
#include <headroom/request_resolver.h>

#include <benchmark/benchmark.h>

#include <algorithm>

using namespace headroom;

namespace {

const Catalog &catalog()
{
    static const Catalog c = std::get<Catalog>(Catalog::loadDirectory(HEADROOM_CATALOG_DIR));
    return c;
}

ResolvedRequest request(const char *model, const char *gpu, std::uint32_t ctx)
{
    RequestInputs in;
    in.model = model;
    in.gpus = {gpu};
    in.ctx = ctx;
    return std::get<ResolvedRequest>(resolveRequest(catalog(), in));
}

void BM_CatalogLoad(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(Catalog::loadDirectory(HEADROOM_CATALOG_DIR));
}
BENCHMARK(BM_CatalogLoad)->Unit(benchmark::kMillisecond);

// What the CLI does per call after loading: resolve + build the inventory + estimate (+ max-context search).
void BM_ResolveAndEstimate(benchmark::State &state)
{
    for (auto _ : state) {
        auto rr = request("deepseek-r1:32b", "rtx-4090d", 8192);
        benchmark::DoNotOptimize(estimate(rr.request));
    }
}
BENCHMARK(BM_ResolveAndEstimate)->Unit(benchmark::kMicrosecond);

// A context-slider step in the GUI: one estimate of an already resolved request.
void BM_EstimateOnly(benchmark::State &state)
{
    auto rr = request("deepseek-r1:671b", "h200", 32768);
    for (auto _ : state)
        benchmark::DoNotOptimize(estimate(rr.request));
}
BENCHMARK(BM_EstimateOnly)->Unit(benchmark::kMicrosecond);

// One estimate with the inventory already built, the max-context search included: what the advisor's sweep
// and the GUI pay per estimate once inventories are cached.
void BM_EstimateInventoryBuilt(benchmark::State &state, const char *model, const char *gpu, std::uint32_t ctx)
{
    auto rr = request(model, gpu, ctx);
    for (auto _ : state)
        benchmark::DoNotOptimize(estimate(rr.request));
}
BENCHMARK_CAPTURE(BM_EstimateInventoryBuilt, deepseek_r1_32b_rtx4090, "deepseek-r1:32b", "rtx-4090", 8192)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_EstimateInventoryBuilt, deepseek_r1_671b_h200, "deepseek-r1:671b", "h200", 32768)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_EstimateInventoryBuilt, qwen3_8b_rtx4090_fits, "qwen3:8b", "rtx-4090", 8192)->Unit(benchmark::kMicrosecond);

// The same without the max-context search (the advisor's verdict pass).
void BM_EstimateVerdictOnly(benchmark::State &state)
{
    auto rr = request("deepseek-r1:32b", "rtx-4090", 8192);
    for (auto _ : state)
        benchmark::DoNotOptimize(estimateVerdictOnly(rr.request));
}
BENCHMARK(BM_EstimateVerdictOnly)->Unit(benchmark::kMicrosecond);

// What an InventoryCache saves per model x quantization: building the inventory, against finding it.
void BM_BuildInventory(benchmark::State &state)
{
    const auto rr = request("deepseek-r1:671b", "h200", 32768);
    for (auto _ : state)
        benchmark::DoNotOptimize(buildInventory(*rr.request.model, *rr.quant, *rr.request.engine));
}
BENCHMARK(BM_BuildInventory)->Unit(benchmark::kMicrosecond);

void BM_InventoryCacheHit(benchmark::State &state)
{
    const auto rr = request("deepseek-r1:671b", "h200", 32768);
    InventoryCache cache;
    (void)cache.get(*rr.request.model, *rr.quant, *rr.request.engine);
    for (auto _ : state)
        benchmark::DoNotOptimize(cache.get(*rr.request.model, *rr.quant, *rr.request.engine));
}
BENCHMARK(BM_InventoryCacheHit)->Unit(benchmark::kNanosecond);

// The estimator's share of an advise sweep for one hardware choice: every catalog model x quantization the
// engine loads, a verdict for each and a full estimate for those that fit, with the inventories cached
// (arg 1) as the GUI's repeated sweeps have them, or built anew (arg 0).
void BM_SweepEstimates(benchmark::State &state)
{
    const auto rr = request("qwen3:8b", "rtx-4090", 8192);
    const auto &engine = *rr.request.engine;
    InventoryCache cache;
    for (auto _ : state) {
        if (state.range(0) == 0)
            cache.clear();
        std::size_t fitting = 0;
        for (const auto &model : catalog().models())
            for (const auto &quant : catalog().quantizations()) {
                if (std::find(quant.engines.begin(), quant.engines.end(), engine.id) == quant.engines.end())
                    continue;
                const TensorInventory *inventory = cache.get(model, quant, engine);
                if (!inventory)
                    continue;
                EstimateRequest r = rr.request;
                r.model = &model;
                r.inventory = inventory;
                r.gpuLayers.reset();
                if (r.ctx)
                    r.ctx = std::min(*r.ctx, model.maxContext);
                const auto verdict = estimateVerdictOnly(r).verdict;
                if (verdict == Verdict::Fits || verdict == Verdict::Tight) {
                    benchmark::DoNotOptimize(estimate(r));
                    ++fitting;
                }
            }
        benchmark::DoNotOptimize(fitting);
    }
}
BENCHMARK(BM_SweepEstimates)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_BestPerGbSweep(benchmark::State &state)
{
    auto rr = request("qwen3:8b", "rtx-4090", 8192);
    for (auto _ : state)
        benchmark::DoNotOptimize(bestPerGb(catalog(), rr.request, 10));
}
BENCHMARK(BM_BestPerGbSweep)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
