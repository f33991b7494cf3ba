// SPDX-License-Identifier: GPL-3.0-or-later
// Parses the header of a sparse ~40 GB GGUF (Llama 3.1 70B Q4_K_M layout with its 128256-token vocabulary
// list, padded with a hole to 40 GB) and of a small one; the time must not depend on the file size.
#include "gguf_writer.h"

#include <headroom/catalog.h>
#include <headroom/io/gguf_reader.h>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

struct Files {
    fs::path dir;
    fs::path big;
    fs::path small;

    Files()
    {
        dir = fs::temp_directory_path() / ("headroom-io-bench-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        auto loaded = headroom::Catalog::loadDirectory(HEADROOM_CATALOG_DIR);
        const auto &catalog = std::get<headroom::Catalog>(loaded);
        const auto *q = catalog.findQuantization("Q4_K_M", "llama.cpp");
        {
            const auto *spec = catalog.findModel("llama-3.1-70b-instruct");
            const auto inv = *headroom::buildInventory(*spec, *q);
            const auto w = headroom::testing::ggufForSpec(*spec, inv, q->id, spec->vocab);
            const std::uint64_t target = 40ULL * 1000 * 1000 * 1000;
            const std::uint64_t size = w.header().size() + w.dataSize();
            big = dir / "llama-3.1-70b-Q4_K_M.gguf";
            if (!w.write(big, target > size ? target - size : 0))
                throw std::runtime_error("cannot write sparse file");
        }
        {
            const auto *spec = catalog.findModel("qwen2.5-0.5b-instruct");
            const auto inv = *headroom::buildInventory(*spec, *q);
            small = dir / "qwen2.5-0.5b-Q4_K_M.gguf";
            headroom::testing::ggufForSpec(*spec, inv, q->id, spec->vocab).write(small);
        }
    }
    ~Files()
    {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

Files &files()
{
    static Files f;
    return f;
}

void parse(benchmark::State &state, const fs::path &path)
{
    std::uint64_t bytes = 0;
    for (auto _ : state) {
        const auto file = headroom::io::readGgufModel(path);
        const auto &f = std::get<headroom::io::GgufFile>(file);
        const auto model = headroom::io::ggufToModel(f);
        bytes = std::get<headroom::io::GgufModel>(model).inventory.total();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["file_GB"] = static_cast<double>(fs::file_size(path)) / 1e9;
    state.counters["tensor_GB"] = static_cast<double>(bytes) / 1e9;
}

void BM_GgufHeaderSparse40GB(benchmark::State &state)
{
    parse(state, files().big);
}
void BM_GgufHeaderSmall(benchmark::State &state)
{
    parse(state, files().small);
}

BENCHMARK(BM_GgufHeaderSparse40GB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GgufHeaderSmall)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
