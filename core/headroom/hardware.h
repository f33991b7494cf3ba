// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/units.h"

#include <optional>
#include <string>

namespace headroom {

/**
 * What holds the model: a GPU's own memory (also a GPU that the driver gives a share of system RAM, such as
 * DGX Spark or Strix Halo: its `gpuLimitBytes`), Apple Silicon's unified memory, or, for a machine without a
 * GPU, system RAM alone (catalog kind "cpu": every layer on the host, as llama.cpp with -ngl 0).
 */
enum class MemoryKind { Discrete, Unified, Host };

/** The catalog's spelling of a kind: "gpu", "unified", "cpu". */
[[nodiscard]] inline const char *memoryKindName(MemoryKind k)
{
    return k == MemoryKind::Unified ? "unified" : k == MemoryKind::Host ? "cpu" : "gpu";
}

/** One catalog device: a GPU model, an Apple Silicon configuration or a CPU-only machine's memory. */
struct Hardware {
    std::string id;
    std::string name;
    std::string vendor;
    MemoryKind kind = MemoryKind::Discrete;
    std::string segment;
    std::string market;
    Bytes memoryBytes = 0;
    std::string memoryType;
    double bandwidthGBs = 0.0;
    std::optional<double> fp16Tflops;
    std::optional<int> launchPriceUsd;
    std::optional<int> launchPriceCny;
    int releaseYear = 0;
    std::string chip;
    std::optional<Bytes> wiredLimitBytes; ///< measured Apple GPU working-set limit
    /** A GPU sharing system RAM (DGX Spark, Strix Halo): the most its driver lets the GPU allocate, below memoryBytes. */
    std::optional<Bytes> gpuLimitBytes;
    std::string gpuLimitSource;       ///< where gpuLimitBytes comes from, and for which OS and settings
    std::uint32_t memoryChannels = 0; ///< kind "cpu": 64-bit memory channels the platform populates
    std::uint32_t memoryMts = 0;      ///< kind "cpu": transfer rate (MT/s); bandwidth = channels x MT/s x 8 bytes
    std::string source;
    std::string note;
};

} // namespace headroom
