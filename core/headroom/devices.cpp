// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/devices.h"

namespace headroom {

DeviceSpec deviceFromHardware(const Hardware &h)
{
    DeviceSpec d;
    d.id = h.id;
    d.name = h.name;
    d.kind = h.kind;
    d.capacity = h.memoryBytes;
    d.wiredLimit = h.kind == MemoryKind::Discrete ? h.gpuLimitBytes : h.wiredLimitBytes;
    if (d.wiredLimit)
        d.limitSource = h.kind == MemoryKind::Discrete ? h.gpuLimitSource : h.source;
    d.bandwidthGBs = h.bandwidthGBs;
    d.fp16Tflops = h.fp16Tflops.value_or(0.0);
    d.speedClass = speedClassOf(h);
    return d;
}

SpeedClass speedClassOf(const Hardware &h)
{
    if (h.kind == MemoryKind::Unified)
        return SpeedClass::AppleUnified;
    if (h.kind == MemoryKind::Host)
        return SpeedClass::HostRam;
    if (h.gpuLimitBytes)
        return SpeedClass::SharedApu;
    const bool hbm = h.memoryType.find("HBM") != std::string::npos || h.memoryType.find("hbm") != std::string::npos;
    return hbm ? SpeedClass::Hbm : SpeedClass::Gddr;
}

DeviceSpec customDevice(Bytes capacity, double bandwidthGBs, MemoryKind kind)
{
    DeviceSpec d;
    d.id = "custom";
    d.name = kind == MemoryKind::Unified ? "Custom unified memory" : "Custom GPU";
    d.kind = kind;
    d.capacity = capacity;
    d.bandwidthGBs = bandwidthGBs;
    d.speedClass = kind == MemoryKind::Unified ? SpeedClass::AppleUnified : SpeedClass::Gddr;
    return d;
}

Bytes appleWorkingSetLimit(const DeviceSpec &d)
{
    if (d.wiredLimit)
        return *d.wiredLimit;
    return d.capacity <= 36 * GiB ? d.capacity / 3 * 2 : d.capacity / 4 * 3;
}

Bytes usableBytes(const DeviceSpec &d, const EngineProfile &engine, const EngineBehaviour &b)
{
    const bool unified = d.kind == MemoryKind::Unified;
    // A GPU that shares system RAM fills only what its driver gives it (DGX Spark's CUDA total, Strix Halo's GTT).
    Bytes usable = unified ? appleWorkingSetLimit(d) : d.wiredLimit.value_or(d.capacity);
    if (b.gpuMemoryUtilization < 1.0)
        usable = static_cast<Bytes>(static_cast<double>(usable) * b.gpuMemoryUtilization);
    const Bytes reserve = engine.deviceReserve.forKind(unified);
    return usable > reserve ? usable - reserve : 0;
}

} // namespace headroom
