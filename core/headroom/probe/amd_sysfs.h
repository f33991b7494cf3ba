// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/probe/detection.h"
#include "headroom/probe/system_probe.h"

namespace headroom::probe {

/**
 * AMD and Intel GPUs under /sys/class/drm/card*: VRAM and GTT pools from amdgpu's mem_info_* files, the
 * TTM and amdgpu.gttsize limits, and for a unified-memory APU the figure the GPU can really allocate
 * (the GTT pool, capped by system RAM) rather than the small BIOS carve-out. NVIDIA cards there are skipped:
 * NVML and nvidia-smi report them.
 */
[[nodiscard]] std::vector<DetectedDevice> readDrmCards(const SystemProbe &probe, const SystemMemory &ram, std::vector<ProbeNote> &notes);

/** True for the AMD PCI device ids Headroom knows to be APUs (integrated, sharing system RAM). */
[[nodiscard]] bool isKnownAmdApu(std::uint32_t pciDeviceId);
/** A marketing name for the few AMD device ids the catalog or the APU list needs; empty otherwise. */
[[nodiscard]] std::string amdDeviceName(std::uint32_t pciDeviceId, Bytes vram);

} // namespace headroom::probe
