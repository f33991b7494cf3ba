// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/placement.h"

#include <algorithm>
#include <array>
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
    case Notice::MixedDevicesForEngine: return "mixed_devices_for_engine";
    }
    return "unknown";
}

namespace {
constexpr std::array<std::pair<KvType, const char *>, 6> kKvNames{{{KvType::F16, "f16"},
                                                                   {KvType::BF16, "bf16"},
                                                                   {KvType::F32, "f32"},
                                                                   {KvType::Q8_0, "q8_0"},
                                                                   {KvType::Q4_0, "q4_0"},
                                                                   {KvType::Fp8, "fp8"}}};
}

const char *kvTypeName(KvType t)
{
    for (const auto &[type, name] : kKvNames)
        if (type == t)
            return name;
    return "f16";
}

std::optional<KvType> kvTypeFromName(const std::string &name)
{
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    for (const auto &[type, n] : kKvNames)
        if (lower == n)
            return type;
    return std::nullopt;
}

} // namespace headroom
