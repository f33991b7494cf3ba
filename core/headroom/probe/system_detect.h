// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/hardware.h"
#include "headroom/probe/detection.h"
#include "headroom/probe/system_probe.h"

#include <vector>

namespace headroom::probe {

/**
 * Finds this machine's GPUs and memory through `probe`:
 * - system RAM from /proc/meminfo (MemTotal, MemAvailable);
 * - NVIDIA through NVML, falling back to nvidia-smi when NVML is not there or fails; a GPU that reports no
 *   memory of its own ("[N/A]": DGX Spark's GB10) is a unified one sized from system RAM;
 * - AMD and Intel through /sys/class/drm (see readDrmCards), and rocm-smi when sysfs shows no AMD card;
 * - Apple Silicon through sysctl, asked only where there is no /proc/meminfo.
 * Each device is matched to `catalog` (may be empty). Never throws on what the machine reports: what it cannot
 * read or understand becomes a note.
 */
[[nodiscard]] Detection detectSystem(const SystemProbe &probe, const std::vector<Hardware> &catalog);

/** The nvidia-smi command line detection runs (also what a FakeProbe records it under). */
[[nodiscard]] const std::vector<std::string> &nvidiaSmiQuery();
[[nodiscard]] const std::vector<std::string> &rocmSmiQuery();

} // namespace headroom::probe
