// SPDX-License-Identifier: GPL-3.0-or-later
#include <headroom/advise.h>
#include <headroom/context_curve.h>
#include <headroom/engine_inventory.h>
#include <headroom/estimator.h>
#include <headroom/inventory_cache.h>
#include <headroom/plan.h>
#include <headroom/quant_explorer.h>
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

// advise() for one hardware choice: every catalog model x quantization the engine loads, a verdict for each,
// a full estimate and an expected quality for those that run, ranked, with the Pareto front; with the
// inventories cached (arg 1) as the window's repeated sweeps have them, or built anew (arg 0).
void BM_AdviseSweep(benchmark::State &state)
{
    RequestInputs in;
    in.gpus = {"rtx-4090"};
    in.engine = "llama.cpp";
    in.ctx = 8192;
    InventoryCache cache;
    for (auto _ : state) {
        if (state.range(0) == 0)
            cache.clear();
        benchmark::DoNotOptimize(advise(catalog(), in, {}, &cache));
    }
}
BENCHMARK(BM_AdviseSweep)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The Quantizations tab: one model at every quantization its engine loads, each with the max-context search, as the
// window reruns it after each input change (inventories cached, arg 1) or on a new model (arg 0).
void BM_QuantExplorer(benchmark::State &state)
{
    RequestInputs in;
    in.model = "qwen3-235b-a22b";
    in.gpus = {"rtx-4090"};
    in.engine = "llama.cpp";
    in.ctx = 32768;
    InventoryCache cache;
    for (auto _ : state) {
        if (state.range(0) == 0)
            cache.clear();
        benchmark::DoNotOptimize(exploreQuantizations(catalog(), in, &cache));
    }
}
BENCHMARK(BM_QuantExplorer)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The What to buy tab: every hardware option of the catalog for one model (1-8 of each card, mixed pairs, each
// machine and 2-8 of them, servers of eight), rerun as the user types. A model that fits few cards (DeepSeek-R1 671B) asks for the
// most cards and machines; a 32B fits most and asks for the most pairs' checks.
void BM_Plan(benchmark::State &state, const char *model, const char *quant)
{
    RequestInputs in;
    in.model = model;
    in.quant = quant;
    in.ctx = 8192;
    for (auto _ : state)
        benchmark::DoNotOptimize(plan(catalog(), in, {}));
}
// Kimi K2 at Q8_0 fits no box of eight: servers of eight are tried for every card, the most estimates of all.
BENCHMARK_CAPTURE(BM_Plan, kimi_k2_q8_0, "kimi-k2-instruct", "Q8_0")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Plan, deepseek_r1_671b, "deepseek-r1", "")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Plan, llama_3_3_70b, "llama-3.3-70b-instruct", "")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Plan, qwen2_5_32b, "qwen2.5-32b-instruct", "")->Unit(benchmark::kMillisecond);

} // namespace

// The Context length tab: every variant's curve for one resolved request, redrawn on each input change (the window
// asks for 4 points per doubling, the CLI for powers of two).
void BM_ContextCurve(benchmark::State &state, const char *model, const char *gpu)
{
    auto rr = request(model, gpu, 8192);
    ContextCurveOptions options;
    options.pointsPerOctave = static_cast<std::uint32_t>(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(contextCurve(rr.request, options));
}
BENCHMARK_CAPTURE(BM_ContextCurve, gemma3_27b_rtx4090, "gemma-3-27b-it", "rtx-4090")->Arg(1)->Arg(4)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ContextCurve, qwen3_next_h200, "qwen3-next-80b-a3b-instruct", "h200")->Arg(1)->Arg(4)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ContextCurve, deepseek_r1_671b_h200, "deepseek-r1:671b", "h200")->Arg(4)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
