// SPDX-License-Identifier: GPL-3.0-or-later
#include <headroom/advisor.h>
#include <headroom/estimator.h>
#include <headroom/request_resolver.h>

#include <benchmark/benchmark.h>

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

void BM_BestPerGbSweep(benchmark::State &state)
{
    auto rr = request("qwen3:8b", "rtx-4090", 8192);
    for (auto _ : state)
        benchmark::DoNotOptimize(bestPerGb(catalog(), rr.request, 10));
}
BENCHMARK(BM_BestPerGbSweep)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
