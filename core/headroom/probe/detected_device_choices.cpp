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
        if (catalogEntryStandsFor(d, catalog, basis)) {
            out.emplace_back(h->id);
            continue;
        }
        // A Mac keeps a wired limit its user set, else the catalog's measured one; other devices have none.
        std::optional<Bytes> wiredLimit;
        if (d.vendor == DeviceVendor::Apple)
            wiredLimit = d.wiredLimitBytes ? d.wiredLimitBytes : (h ? h->wiredLimitBytes : std::nullopt);
        out.emplace_back(CustomDevice{detectedCapacity(d, basis), detectedKind(d), h ? h->bandwidthGBs : 0.0}, d.name, wiredLimit);
    }
    return out;
}

} // namespace headroom::probe
