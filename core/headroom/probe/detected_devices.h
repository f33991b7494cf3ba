// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/hardware.h"
#include "headroom/probe/detection.h"
#include "headroom/request.h"

#include <vector>

namespace headroom::probe {

/** Size "This computer" by what its GPUs hold in all, or by what is free right now. */
enum class CapacityBasis { Total, Free };

/**
 * The request's devices for this machine, in detection order; devices with no memory figure are left out.
 * Total: the catalog entry where one matched and its memory is the detected pool, else a custom device.
 * Free: always a custom device of the free figure (the total where free is unknown), with the matched entry's
 * bandwidth so speed estimates still work. Only Apple Silicon becomes MemoryKind::Unified (engines such as
 * MLX key on it, and the estimator applies macOS's working-set rule to it); an AMD APU, a GB10 or an Intel
 * iGPU becomes a device of its allocatable figure. A Mac keeps its iogpu.wired_limit_mb, else the catalog's.
 */
[[nodiscard]] std::vector<DeviceSpec> deviceSpecs(const Detection &detection, const std::vector<Hardware> &catalog, CapacityBasis basis);

/** Whether deviceSpecs uses the catalog entry itself for this device (else a custom device). */
[[nodiscard]] bool catalogEntryStandsFor(const DetectedDevice &device, const std::vector<Hardware> &catalog, CapacityBasis basis);
/** The capacity deviceSpecs gives a custom device for it. */
[[nodiscard]] Bytes detectedCapacity(const DetectedDevice &device, CapacityBasis basis);
/** MemoryKind::Unified for Apple Silicon only (see deviceSpecs). */
[[nodiscard]] MemoryKind detectedKind(const DetectedDevice &device);
/** The matched catalog entry, or null. */
[[nodiscard]] const Hardware *detectedEntry(const DetectedDevice &device, const std::vector<Hardware> &catalog);

} // namespace headroom::probe
