// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/units.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace headroom::probe {

enum class DeviceVendor { Nvidia, Amd, Intel, Apple };

/** "nvidia", "amd", "intel", "apple": hardware.json's `vendor` and `detect --json`'s. */
[[nodiscard]] const char *vendorName(DeviceVendor v);

/** Where a device's figures came from. */
enum class ProbeSource { Nvml, NvidiaSmi, Sysfs, RocmSmi, Sysctl };

/** Which figure `totalBytes` is: the one the GPU can really allocate, named so the user can check it. */
enum class MemoryFigure {
    Vram,             ///< dedicated VRAM, or an APU's BIOS carve-out (mem_info_vram_total, NVML, nvidia-smi)
    GttTotal,         ///< amdgpu's GTT pool (mem_info_gtt_total): system RAM the GPU may map
    TtmPagesLimit,    ///< /sys/module/ttm/parameters/pages_limit x 4 KiB pages
    GttSizeParameter, ///< /sys/module/amdgpu/parameters/gttsize (MiB)
    SystemRam,        ///< MemTotal of /proc/meminfo: a unified GPU that reports no pool of its own
    PhysicalMemory,   ///< Apple: hw.memsize (the GPU's working-set limit is wiredLimitBytes or macOS's rule)
};

/** Where `freeBytes` came from. */
enum class FreeFigure {
    None,          ///< not reported
    DeviceFree,    ///< the driver's free figure (NVML, nvidia-smi memory.free)
    TotalLessUsed, ///< total less mem_info_*_used / rocm-smi's used
    MemAvailable,  ///< MemAvailable of /proc/meminfo (unified memory shares it with every program)
};

/** Something detection could not read or did not understand: codes and raw data, never sentences. */
enum class ProbeIssue {
    NvmlFailed,              ///< libnvidia-ml loaded but a call failed (detail: NVML return code)
    NvidiaSmiFailed,         ///< nvidia-smi ran and exited non-zero (detail: exit code)
    NvidiaSmiMalformed,      ///< a line of nvidia-smi output was not name, total, used, free
    NvidiaMemoryNotReported, ///< a GPU reported "[N/A]" memory; sized from system RAM when known
    SysfsMalformed,          ///< a sysfs file held something other than a byte count
    RocmSmiFailed,
    RocmSmiMalformed,
    MeminfoMalformed,
    SysctlMalformed,
    MemoryUnknown, ///< a device was found but no memory figure for it (detail: card)
};

struct ProbeNote {
    ProbeIssue issue = ProbeIssue::MemoryUnknown;
    std::string where;  ///< file path or command
    std::string detail; ///< offending text, truncated (data, not prose)
};

/** One device found on this machine. */
struct DetectedDevice {
    DeviceVendor vendor = DeviceVendor::Nvidia;
    std::string name; ///< as the driver reports it; may be empty (AMD sysfs has none)
    ProbeSource source = ProbeSource::Nvml;
    bool unifiedMemory = false; ///< shares system RAM: Apple, AMD APUs, GB10, Intel iGPUs
    Bytes totalBytes = 0;       ///< what the GPU can allocate; 0 = unknown (see notes)
    MemoryFigure totalFigure = MemoryFigure::Vram;
    std::optional<Bytes> freeBytes; ///< allocatable now (other programs' use counts against it)
    FreeFigure freeFigure = FreeFigure::None;
    std::optional<Bytes> vramBytes;       ///< dedicated VRAM or BIOS carve-out, as reported
    std::optional<Bytes> gttBytes;        ///< amdgpu GTT pool, as reported
    std::optional<Bytes> wiredLimitBytes; ///< Apple: iogpu.wired_limit_mb when set (0 = macOS default)
    std::optional<std::uint32_t> pciDeviceId;
    std::string card;      ///< sysfs card ("card1") or GPU index ("0")
    std::string catalogId; ///< matching hardware.json entry; empty = none
};

struct SystemMemory {
    std::optional<Bytes> total;     ///< MemTotal, or hw.memsize on a Mac
    std::optional<Bytes> available; ///< MemAvailable
};

/** Everything found: data for the front ends, which word it. */
struct Detection {
    std::vector<DetectedDevice> devices;
    SystemMemory systemMemory;
    std::string cpuName; ///< machdep.cpu.brand_string on a Mac; empty elsewhere
    std::vector<ProbeNote> notes;
};

} // namespace headroom::probe
