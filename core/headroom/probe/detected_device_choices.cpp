// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/probe/detected_device_choices.h"

namespace headroom::probe {

std::vector<DeviceChoice> deviceChoices(const Detection &detection, const std::vector<Hardware> &catalog, CapacityBasis basis)
{
    std::vector<DeviceChoice> out;
    for (const auto &d : detection.devices) {
        if (d.totalBytes == 0)
            continue;
        const Hardware *h = detectedEntry(d, catalog);
        if (catalogEntryStandsFor(d, catalog, basis))
            out.emplace_back(h->id);
        else
            out.emplace_back(CustomDevice{detectedCapacity(d, basis), detectedKind(d), h ? h->bandwidthGBs : 0.0, d.name,
                                          d.vendor == DeviceVendor::Apple
                                              ? (d.wiredLimitBytes ? d.wiredLimitBytes : (h ? h->wiredLimitBytes : std::nullopt))
                                              : std::nullopt});
    }
    return out;
}

} // namespace headroom::probe
