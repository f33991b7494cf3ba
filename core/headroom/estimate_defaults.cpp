// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/estimate_defaults.h"

#include "headroom/compute_buffer.h"

#include <algorithm>

namespace headroom {
DefaultContext defaultContext(const EstimateRequest &req, const EngineBehaviour &b)
{
    const auto &m = *req.model;
    if (!b.defaultCtxByVramGiB.empty() && !req.devices.empty()) {
        Bytes vram = 0;
        for (const auto &d : req.devices)
            vram += d.capacity;
        // Ollama compares the driver's total, which is a little under the marketed size (a "24 GB"
        // RTX 4090 reports 24564 MiB), so a marketed N GiB card belongs to the tier below N.
        for (const auto &[maxGiB, ctx] : b.defaultCtxByVramGiB)
            if (toGiB(vram) <= maxGiB)
                return {std::min(ctx, m.maxContext), ContextRule::ByVram};
    }
    if (b.defaultCtx > 0)
        return {std::min(b.defaultCtx, m.maxContext), ContextRule::EngineDefault};
    // 0: the model's full context, except for engines whose cache grows with the conversation
    // (transformers, MLX): Headroom then sizes a conversation of the engine's `conversation_ctx` tokens.
    const auto conversation = req.engine->traits.conversationCtx;
    return conversation > 0 ? DefaultContext{std::min(conversation, m.maxContext), ContextRule::Conversation}
                            : DefaultContext{m.maxContext, ContextRule::ModelMax};
}

ResolvedSettings resolveSettings(const EstimateRequest &req, std::optional<std::uint32_t> parallelOverride)
{
    const EngineTraits &traits = req.engine->traits;
    ResolvedSettings r;
    r.engine = req.engine;
    r.behaviour = &req.engine->behaviourFor(req.engineVersion);
    const auto &b = *r.behaviour;
    r.ctxFromEngine = !req.ctx.has_value();
    r.ctx = req.ctx ? *req.ctx : defaultContext(req, b).ctx;
    // A KV pool (vLLM) only needs room for one full sequence to start, and llama-server's default slots
    // share one unified cache of the context's size: either way the memory is that of a single sequence.
    const std::uint32_t engineParallel = traits.kvPool || b.kvUnified ? 1 : b.defaultParallel;
    r.parallel = parallelOverride.value_or(req.parallel.value_or(engineParallel));
    switch (req.flashAttn) {
    case FlashAttn::On: r.flashAttn = true; break;
    case FlashAttn::Off: r.flashAttn = false; break;
    case FlashAttn::Auto: r.flashAttn = b.flashAttnByDefault(req.model->arch); break;
    }
    if (const auto *own = b.ownEngineGraph(req.model->arch); own && own->flashAttn.empty() && r.flashAttn) {
        // Ollama 0.11.0-0.11.4 refuse flash attention for gpt-oss (SupportsFlashAttention) and load without it.
        r.flashAttn = false;
        r.notices.push_back(Notice::FlashAttnUnsupported);
    }
    r.keyType = r.valueType = req.kvType;
    if (isBlockQuantized(req.kvType) && !r.flashAttn && traits.kvQuantNeedsFlashAttn) {
        // Ollama ignores OLLAMA_KV_CACHE_TYPE without flash attention; llama.cpp refuses a quantized V.
        r.keyType = r.valueType = KvType::F16;
        r.notices.push_back(Notice::KvQuantNeedsFlashAttn);
    }
    r.tokensFixed = req.ubatch.has_value() || req.batch.has_value();
    r.tokens = forwardTokens(*req.engine, b, r.ctx, req.devices, req.ubatch, req.batch);
    r.fitMargin = layerFitMargin(req, b);
    if (r.ctx > req.model->maxContext)
        r.notices.push_back(Notice::CtxAboveModelMax);
    if (req.model->mla && b.mlaCache == MlaCache::Expanded)
        r.notices.push_back(Notice::MlaExpandedCache);
    return r;
}

Bytes layerFitMargin(const EstimateRequest &req, const EngineBehaviour &b)
{
    return layerFitMargin(req, b, req.gpuLayers);
}

Bytes layerFitMargin(const EstimateRequest &req, const EngineBehaviour &b, std::optional<int> gpuLayers)
{
    // --fit adjusts only what the user left unset: the layers when -ngl is not given.
    return b.fitDefault && !gpuLayers && !req.devices.empty() ? req.engine->traits.fit.margin : 0;
}

ResolvedSettings withContext(const EstimateRequest &req, ResolvedSettings s, std::uint32_t ctx)
{
    s.ctx = ctx;
    if (!s.tokensFixed)
        s.tokens = forwardTokens(*req.engine, *s.behaviour, ctx, req.devices, std::nullopt, std::nullopt);
    return s;
}

} // namespace headroom
