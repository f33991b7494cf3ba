// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/placement_json.h"

#include <nlohmann/json.hpp>

namespace headroom {
namespace {

nlohmann::json usageToJson(const DeviceUsage &d)
{
    nlohmann::json j = {{"id", d.id},
                        {"name", d.name},
                        {"capacity_bytes", d.capacity},
                        {"usable_bytes", d.usable},
                        {"weights_bytes", d.weights},
                        {"kv_cache_bytes", d.kvCache},
                        {"compute_bytes", d.compute},
                        {"overhead_bytes", d.overhead},
                        {"total_bytes", d.total()},
                        {"layers", d.layers}};
    if (d.projector > 0) // only where a vision projector is loaded: text-only output is unchanged
        j["projector_bytes"] = d.projector;
    if (d.mappedFromHost > 0) // only on a Mac's GPU whose mapped file range spans host tensors
        j["mapped_from_host_bytes"] = d.mappedFromHost;
    return j;
}

} // namespace

nlohmann::json placementToJson(const Placement &p)
{
    nlohmann::json devices = nlohmann::json::array();
    for (const auto &d : p.devices)
        devices.push_back(usageToJson(d));
    nlohmann::json notices = nlohmann::json::array();
    for (const auto n : p.notices)
        notices.push_back(noticeName(n));
    nlohmann::json out = {{"devices", devices},
                          {"host", usageToJson(p.host)},
                          {"verdict", verdictName(p.verdict)},
                          {"headroom_bytes", p.headroomBytes()},
                          {"gpu_layers", p.gpuLayers},
                          {"total_layers", p.totalLayers},
                          {"ctx", p.ctx},
                          {"parallel", p.parallel},
                          {"flash_attn", p.flashAttn},
                          {"kv_type", kvTypeName(p.kvType)},
                          {"max_context", p.maxContext},
                          {"decode_tokens_per_second", p.decodeTokensPerSecond},
                          {"prefill_tokens_per_second", p.prefillTokensPerSecond},
                          {"seconds_to_first_token_full_context", secondsToFirstToken(p, p.ctx)},
                          {"expert_layers_on_host", p.expertLayersOnHost},
                          {"engine_behaviour_from", p.engineVersion},
                          {"notices", notices}};
    if (p.vision.included) // only where a projector is loaded: estimates without one print as before
        out["vision"] = {{"included", p.vision.included},
                         {"weights_bytes", p.vision.weights},
                         {"compute_bytes", p.vision.compute},
                         {"dtype", p.vision.dtype},
                         {"tokens_per_image", p.vision.tokensPerImage}};
    return out;
}

} // namespace headroom
