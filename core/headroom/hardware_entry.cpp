// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/catalog_entries.h"

#include <cmath>

namespace headroom {

using P = CatalogError::Problem;

Hardware readHardwareEntry(const EntryReader &r, const std::string &id)
{
    Hardware h;
    h.id = id;
    h.name = r.str("name");
    h.vendor = r.str("vendor");
    h.kind = r.choice("kind", {{"gpu", MemoryKind::Discrete}, {"unified", MemoryKind::Unified}, {"cpu", MemoryKind::Host}},
                      MemoryKind::Discrete, true);
    h.segment = r.str("segment");
    h.market = r.str("market");
    h.memoryBytes = r.integer<Bytes>("memory_bytes", true, 0, 1);
    h.memoryType = r.str("memory_type", false);
    h.bandwidthGBs = *r.number("bandwidth_gbs", true);
    if (h.bandwidthGBs <= 0)
        r.fail(P::BadValue, "bandwidth_gbs", "0");
    h.fp16Tflops = r.number("fp16_tflops");
    if (r.has("launch_price_usd"))
        h.launchPriceUsd = r.integer<int>("launch_price_usd");
    if (r.has("launch_price_cny"))
        h.launchPriceCny = r.integer<int>("launch_price_cny");
    h.releaseYear = r.integer<int>("release_year", true, 0, 1990);
    h.chip = r.str("chip", false);
    if (r.has("wired_limit_bytes")) {
        h.wiredLimitBytes = r.integer<Bytes>("wired_limit_bytes", true, 0, 1);
        if (*h.wiredLimitBytes > h.memoryBytes)
            r.fail(P::BadValue, "wired_limit_bytes", std::to_string(*h.wiredLimitBytes));
    }
    if (r.has("gpu_limit_bytes")) {
        // Only a GPU that takes its memory from system RAM has a driver limit below its capacity.
        h.gpuLimitBytes = r.integer<Bytes>("gpu_limit_bytes", true, 0, 1);
        if (h.kind != MemoryKind::Discrete || *h.gpuLimitBytes > h.memoryBytes)
            r.fail(P::BadValue, "gpu_limit_bytes", std::to_string(*h.gpuLimitBytes));
        h.gpuLimitSource = r.str("gpu_limit_source");
    }
    if (h.kind == MemoryKind::Host) {
        // A CPU machine's bandwidth is the platform's theoretical figure: the catalog states its parts and the
        // loader checks the product, so a typo in either cannot load.
        h.memoryChannels = r.integer<std::uint32_t>("memory_channels", true, 0, 1);
        h.memoryMts = r.integer<std::uint32_t>("memory_mts", true, 0, 1);
        const double theoretical = static_cast<double>(h.memoryChannels) * h.memoryMts * 8 / 1000.0;
        if (std::abs(theoretical - h.bandwidthGBs) > 0.05)
            r.fail(P::BadValue, "bandwidth_gbs",
                   std::to_string(h.bandwidthGBs) + " (channels x MT/s x 8 = " + std::to_string(theoretical) + ")");
    }
    h.source = r.str("source");
    h.note = r.str("note", false);
    return h;
}

} // namespace headroom
