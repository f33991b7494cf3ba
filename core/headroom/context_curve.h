// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/placement.h"
#include "headroom/request.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace headroom {

/** One way of running the same request: flash attention on or off, and the KV cache's element type. */
struct ContextVariant {
    bool flashAttn = true;
    KvType kvType = KvType::F16;

    bool operator==(const ContextVariant &) const = default;
};

/** Whether the engine runs a variant as asked; codes, worded by the front ends. */
enum class VariantStatus {
    Runs,                  ///< the engine runs it: its points are its own estimates
    KvTypeNotOffered,      ///< the engine has no KV cache of this type (vLLM has no q8_0 / q4_0)
    KvQuantNeedsFlashAttn, ///< a quantized KV cache without flash attention: the engine keeps F16 (Notice::KvQuantNeedsFlashAttn)
    FlashAttnNoEffect,     ///< the engine's memory does not change with flash attention: the same as its default setting
};

/** The JSON name of a status: runs, kv_type_not_offered, kv_quant_needs_flash_attn, flash_attn_no_effect. */
[[nodiscard]] const char *variantStatusName(VariantStatus s);

/** Memory of one estimate at one context, by kind, summed over the GPUs and the host. */
struct ContextPoint {
    std::uint32_t ctx = 0; ///< per sequence
    Bytes weights = 0;
    Bytes kvCache = 0;
    Bytes compute = 0;
    Bytes overhead = 0;
    Bytes projector = 0;
    Bytes gpuTotal = 0;  ///< every GPU's total
    Bytes hostTotal = 0; ///< system RAM's total
    Verdict verdict = Verdict::DoesNotFit;
    std::uint32_t gpuLayers = 0;
    std::uint32_t parallel = 1; ///< as the engine resolved it at this context (Ollama's auto parallel may drop to 1)

    [[nodiscard]] Bytes total() const { return gpuTotal + hostTotal; }
};

/** One variant across the contexts. */
struct ContextLine {
    ContextVariant variant;
    VariantStatus status = VariantStatus::Runs;
    /// Not Runs: the line whose memory the engine gives instead (F16 for KvQuantNeedsFlashAttn, the other flash setting
    /// for FlashAttnNoEffect); empty for KvTypeNotOffered.
    std::optional<std::size_t> sameAs;
    bool chosen = false;              ///< the request's own flash attention and KV type (after the engine's defaults)
    std::uint32_t maxContext = 0;     ///< Placement::maxContext at the request's context with this variant (0: none, or not Runs)
    std::vector<ContextPoint> points; ///< ascending context; empty unless status is Runs
};

/** Memory against context length for one request, per variant. */
struct ContextCurve {
    std::vector<std::uint32_t> contexts; ///< the shared grid, ascending; each line adds its own maxContext
    std::vector<ContextLine> lines;
    Bytes usable = 0;                  ///< what the engine can fill: the GPUs' usable memory summed, system RAM without a GPU (0 = unknown)
    bool cpuOnly = false;              ///< no GPU: every point lives in system RAM
    std::uint32_t modelMaxContext = 0; ///< the model's trained context
    std::uint32_t requestCtx = 0;      ///< the request's own context, as the engine resolved it
    /// Why a curve is flat or steep: of the model's blocks, those whose KV grows with the whole context (attention
    /// blocks outside a window the engine caches as a window); the rest hold a window or a fixed recurrent state.
    std::uint32_t layers = 0;
    std::uint32_t growingLayers = 0;
    std::uint32_t window = 0; ///< tokens a sliding-window block caches (0: no window, or this engine version caches it in full)

    /** The chosen line, if any line is. */
    [[nodiscard]] const ContextLine *chosen() const;
};

/** Grid options: the CLI prints powers of two; the window asks for more points per doubling so a curve looks smooth. */
struct ContextCurveOptions {
    std::uint32_t minContext = 512;
    std::uint32_t pointsPerOctave = 1; ///< contexts between two powers of two, the power included (1 = powers of two only)
};

/** Powers of two (and `pointsPerOctave` - 1 even steps between each, on round numbers) from minContext to below modelMax, then modelMax. */
[[nodiscard]] std::vector<std::uint32_t> contextGrid(std::uint32_t modelMax, const ContextCurveOptions &options = {});

/** The request at one point of a curve: `req` at context `ctx` with the variant's flash attention and KV type. */
[[nodiscard]] EstimateRequest requestAt(const EstimateRequest &req, const ContextVariant &variant, std::uint32_t ctx);

/**
 * Memory against context for `req`: the variants flash attention on / off x KV f16, q8_0, q4_0 (and the request's own KV
 * type when it is another), each point the estimate of requestAt(req, variant, ctx), nothing sized here. Every other
 * setting (engine and version, devices, parallel, batch, layers) is the request's.
 * Precondition: validateRequest(req) is empty.
 */
[[nodiscard]] ContextCurve contextCurve(const EstimateRequest &req, const ContextCurveOptions &options = {});

/** The point of an estimate: its memory by kind summed over the GPUs and the host. */
[[nodiscard]] ContextPoint contextPoint(const Placement &p);

} // namespace headroom
