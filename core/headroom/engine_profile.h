// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/units.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace headroom {

enum class EngineKind { LlamaCpp, Ollama, Vllm, Transformers, Mlx };
enum class MlaCache { Latent, Expanded };
enum class SwaCache { Window, Full };
enum class FlashAttnDefault { Off, On, Auto };

/** How one version range of an engine allocates; every field is resolved (no "inherit"). */
struct EngineBehaviour {
    std::string from;
    std::string released;
    MlaCache mlaCache = MlaCache::Expanded;
    SwaCache swaCache = SwaCache::Full;
    FlashAttnDefault flashAttnDefault = FlashAttnDefault::Off;
    std::uint32_t defaultCtx = 4096;
    std::uint32_t defaultParallel = 1;
    bool parallelAuto = false; ///< default_parallel is tried, falling back to 1 when it does not fit
    bool kvUnified = false;    ///< the default slots share one cache of the context's size (llama-server since PR #16736)
    std::vector<std::pair<double, std::uint32_t>> defaultCtxByVramGiB; ///< (max GiB, ctx) ascending
    double gpuMemoryUtilization = 1.0;
    std::uint32_t maxNumBatchedTokens = 0;
    bool prefillLogitsAll = false;
    std::uint32_t prefillStep = 0;
    bool logitsForAllTokens = true; ///< llama.cpp reserves logits for every ubatch token (false: one per sequence)
    std::string source;
};

/** Memory an engine's runtime takes or keeps free on each device, by memory kind, with where the figure comes from. */
struct DeviceBudget {
    Bytes discrete = 0;
    Bytes unified = 0;
    std::string source;

    [[nodiscard]] Bytes forKind(bool unifiedMemory) const { return unifiedMemory ? unified : discrete; }
};

struct EngineProfile {
    std::string id;
    std::string name;
    EngineKind kind = EngineKind::LlamaCpp;
    std::string versionScheme;
    std::vector<EngineBehaviour> versions; ///< oldest first
    DeviceBudget runtimeOverhead; ///< driver/framework context allocated on each device used
    DeviceBudget deviceReserve;   ///< memory the engine refuses to fill on each device
    std::string source;

    /** Behaviour in force for `version`; empty or newer-than-known means the latest known row. */
    [[nodiscard]] const EngineBehaviour &behaviourFor(const std::string &version) const;
    [[nodiscard]] const std::string &latestVersion() const { return versions.back().from; }
};

/** Compares engine version strings by their numeric fields: "b4750" < "b5097", "0.6.6" < "0.6.10". */
[[nodiscard]] int compareVersions(const std::string &a, const std::string &b);

/** True when `version` has at least one digit (so it can be ordered). */
[[nodiscard]] bool isVersionString(const std::string &version);

} // namespace headroom
