// SPDX-License-Identifier: GPL-3.0-or-later
#include "this_computer_request.h"

#include <headroom/probe/detected_device_choices.h>

#include <algorithm>

namespace headroom::options {

using probe::CapacityBasis;

std::optional<CapacityBasis> thisComputerBasis(const DeviceChoice &choice)
{
    const std::string *id = choice.catalogId();
    if (!id)
        return std::nullopt;
    if (*id == kThisComputer)
        return CapacityBasis::Total;
    if (*id == kThisComputerFree)
        return CapacityBasis::Free;
    return std::nullopt;
}

bool mentionsThisComputer(const RequestInputs &inputs)
{
    return std::any_of(inputs.gpus.begin(), inputs.gpus.end(), [](const DeviceChoice &d) { return thisComputerBasis(d).has_value(); });
}

std::optional<Bytes> detectedHostRam(const probe::Detection &detection, CapacityBasis basis)
{
    const auto &mem = detection.systemMemory;
    const std::optional<Bytes> ram = basis == CapacityBasis::Total ? mem.total : mem.available;
    if (!ram)
        return std::nullopt;
    Bytes shared = 0;
    for (const auto &d : detection.devices) {
        if (d.vendor == probe::DeviceVendor::Apple)
            return std::nullopt;
        if (d.unifiedMemory && d.totalBytes > 0)
            shared = saturatingAdd(shared, probe::detectedCapacity(d, basis));
    }
    return *ram > shared ? *ram - shared : 0;
}

void applyThisComputer(RequestInputs &inputs, const probe::Detection &detection, const std::vector<Hardware> &catalog)
{
    std::vector<DeviceChoice> gpus;
    std::optional<CapacityBasis> first;
    for (const DeviceChoice &d : inputs.gpus) {
        const auto basis = thisComputerBasis(d);
        if (!basis) {
            gpus.push_back(d);
            continue;
        }
        if (!first)
            first = basis;
        const auto mine = probe::deviceChoices(detection, catalog, *basis);
        gpus.insert(gpus.end(), mine.begin(), mine.end());
    }
    inputs.gpus = std::move(gpus);
    if (first && !inputs.hostRam)
        inputs.hostRam = detectedHostRam(detection, *first);
}

} // namespace headroom::options
