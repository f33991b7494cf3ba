// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/catalog_entries.h"

namespace headroom {

using P = CatalogError::Problem;

Hardware readHardwareEntry(const EntryReader &r, const std::string &id)
{
    Hardware h;
    h.id = id;
    h.name = r.str("name");
    h.vendor = r.str("vendor");
    h.kind = r.choice("kind", {{"gpu", MemoryKind::Discrete}, {"unified", MemoryKind::Unified}}, MemoryKind::Discrete, true);
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
    h.source = r.str("source");
    h.note = r.str("note", false);
    return h;
}

} // namespace headroom
