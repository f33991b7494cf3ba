// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/placement.h"
#include "headroom/request.h"

#include <optional>
#include <vector>

namespace headroom {

/** A request with every value the user left open filled in the way the engine version would fill it. */
struct ResolvedSettings {
    const EngineProfile *engine = nullptr;
    const EngineBehaviour *behaviour = nullptr;
    std::uint32_t ctx = 0;
    std::uint32_t parallel = 1;
    std::uint32_t tokens = 512; ///< tokens in the largest forward pass
    bool tokensFixed = false;   ///< the request set ubatch or batch: tokens do not follow the context
    bool ctxFromEngine = false; ///< the request left the context to the engine
    bool flashAttn = false;
    KvType keyType = KvType::F16;
    KvType valueType = KvType::F16;
    Bytes fitMargin = 0; ///< memory kept free on each device while fitting layers (llama.cpp --fit)
    std::vector<Notice> notices;
};

/** Which rule set an unset context. */
enum class ContextRule { EngineDefault, ByVram, ModelMax, Conversation };

struct DefaultContext {
    std::uint32_t ctx = 0;
    ContextRule rule = ContextRule::EngineDefault;
};

/** The context the engine picks when none is given (before any fitting to memory), and by which rule. */
[[nodiscard]] DefaultContext defaultContext(const EstimateRequest &req, const EngineBehaviour &b);

/** The engine's defaults applied to `req`; `parallelOverride` replaces the parallel count (auto parallel). */
[[nodiscard]] ResolvedSettings resolveSettings(const EstimateRequest &req, std::optional<std::uint32_t> parallelOverride);

/** Memory --fit keeps free on each device while it fits the layers: only when -ngl is left unset. */
[[nodiscard]] Bytes layerFitMargin(const EstimateRequest &req, const EngineBehaviour &b);
/** The same for `req` with `gpuLayers` in place of its -ngl. */
[[nodiscard]] Bytes layerFitMargin(const EstimateRequest &req, const EngineBehaviour &b, std::optional<int> gpuLayers);

/** The same settings at another context: the forward pass follows it unless the request fixed it. */
[[nodiscard]] ResolvedSettings withContext(const EstimateRequest &req, ResolvedSettings s, std::uint32_t ctx);

} // namespace headroom
