// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/units.h"

#include <optional>
#include <string>

namespace headroom {

enum class MemoryKind { Discrete, Unified };

/** One catalog device: a GPU model or an Apple Silicon configuration. */
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
    std::string source;
    std::string note;
};

} // namespace headroom
