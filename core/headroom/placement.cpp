// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/placement.h"

#include <algorithm>
#include <limits>

namespace headroom {

long long Placement::headroomBytes() const
{
    long long best = std::numeric_limits<long long>::max();
    const auto consider = [&](const DeviceUsage &d) {
        best = std::min(best, static_cast<long long>(d.usable) - static_cast<long long>(d.total()));
    };
    for (const auto &d : devices)
        if (d.layers > 0)
            consider(d);
    if (devices.empty())
        consider(host);
    return best == std::numeric_limits<long long>::max() ? 0 : best;
}

Bytes usableCapacity(const Placement &p)
{
    if (p.devices.empty())
        return p.host.usable;
    Bytes sum = 0;
    for (const auto &d : p.devices)
        sum += d.usable;
    return sum;
}

const char *verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Fits: return "fits";
    case Verdict::Tight: return "tight";
    case Verdict::PartialOffload: return "partial_offload";
    case Verdict::DoesNotFit: return "does_not_fit";
    }
    return "does_not_fit";
}

const char *noticeName(Notice n)
{
    switch (n) {
    case Notice::KvQuantNeedsFlashAttn: return "kv_quant_needs_flash_attn";
    case Notice::CtxAboveModelMax: return "ctx_above_model_max";
    case Notice::ParallelAutoReduced: return "parallel_auto_reduced";
    case Notice::EngineCannotOffload: return "engine_cannot_offload";
    case Notice::TensorParallelUneven: return "tensor_parallel_uneven";
    case Notice::MlaExpandedCache: return "mla_expanded_cache";
    case Notice::HostRamUnknown: return "host_ram_unknown";
    case Notice::CtxFitted: return "ctx_fitted";
    case Notice::MetalMapsHostLayers: return "metal_maps_host_layers";
    case Notice::FlashAttnUnsupported: return "flash_attn_unsupported";
    }
    return "unknown";
}

bool speedIsCalibrated(const Placement &p)
{
    return fitsOnGpus(p.verdict) && !p.devices.empty() && p.expertLayersOnHost == 0;
}

double secondsToFirstToken(const Placement &p, std::uint32_t promptTokens)
{
    return p.prefillTokensPerSecond > 0 ? static_cast<double>(promptTokens) / p.prefillTokensPerSecond : 0.0;
}

Bytes devicesTotal(const Placement &p)
{
    Bytes sum = 0;
    for (const auto &d : p.devices)
        sum += d.total();
    return sum;
}

} // namespace headroom
