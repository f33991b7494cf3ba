// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/probe/detected_devices.h"

#include "headroom/devices.h"

#include <algorithm>

namespace headroom::probe {

MemoryKind detectedKind(const DetectedDevice &d)
{
    return d.vendor == DeviceVendor::Apple ? MemoryKind::Unified : MemoryKind::Discrete;
}

const Hardware *detectedEntry(const DetectedDevice &d, const std::vector<Hardware> &catalog)
{
    if (d.catalogId.empty())
        return nullptr;
    const auto it = std::find_if(catalog.begin(), catalog.end(), [&](const Hardware &h) { return h.id == d.catalogId; });
    return it == catalog.end() ? nullptr : &*it;
}

Bytes detectedCapacity(const DetectedDevice &d, CapacityBasis basis)
{
    // A Mac's free figure is not the GPU's: its working-set limit already is the GPU's share.
    if (basis == CapacityBasis::Free && d.freeBytes && d.vendor != DeviceVendor::Apple)
        return *d.freeBytes;
    return d.totalBytes;
}

bool catalogEntryStandsFor(const DetectedDevice &d, const std::vector<Hardware> &catalog, CapacityBasis basis)
{
    // The entry stands for the device only when sizing by total and its memory is the detected pool.
    if (!detectedEntry(d, catalog) || basis != CapacityBasis::Total)
        return false;
    if (d.vendor == DeviceVendor::Apple)
        return !d.wiredLimitBytes; // a user-set wired limit is not the catalog's measured one
    return !d.unifiedMemory;
}

std::vector<DeviceSpec> deviceSpecs(const Detection &detection, const std::vector<Hardware> &catalog, CapacityBasis basis)
{
    std::vector<DeviceSpec> out;
    for (const auto &d : detection.devices) {
        if (d.totalBytes == 0)
            continue;
        const Hardware *h = detectedEntry(d, catalog);
        DeviceSpec s = catalogEntryStandsFor(d, catalog, basis)
                           ? deviceFromHardware(*h)
                           : customDevice(detectedCapacity(d, basis), h ? h->bandwidthGBs : 0.0, detectedKind(d));
        if (!d.name.empty())
            s.name = d.name;
        if (d.vendor == DeviceVendor::Apple) {
            if (d.wiredLimitBytes)
                s.wiredLimit = d.wiredLimitBytes;
            else if (h)
                s.wiredLimit = h->wiredLimitBytes;
        }
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace headroom::probe
