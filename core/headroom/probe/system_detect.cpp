// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/probe/system_detect.h"

#include "headroom/probe/amd_sysfs.h"
#include "headroom/probe/apple_sysctl.h"
#include "headroom/probe/hardware_match.h"
#include "headroom/probe/meminfo.h"
#include "headroom/probe/nvidia_smi_csv.h"
#include "headroom/probe/probe_text.h"
#include "headroom/probe/rocm_smi_json.h"

#include <algorithm>

namespace headroom::probe {

namespace {

/** A GPU without memory of its own takes the system's (GB10 reports "[N/A]" through nvidia-smi and NVML). */
void sizeFromSystemRam(DetectedDevice &d, const SystemMemory &ram, std::vector<ProbeNote> &notes)
{
    d.unifiedMemory = true;
    if (!ram.total) {
        notes.push_back({ProbeIssue::MemoryUnknown, "nvidia", d.name});
        return;
    }
    d.totalBytes = *ram.total;
    d.totalFigure = MemoryFigure::SystemRam;
    if (ram.available) {
        d.freeBytes = std::min(*ram.available, *ram.total);
        d.freeFigure = FreeFigure::MemAvailable;
    }
}

std::vector<DetectedDevice> nvmlGpus(const NvmlReading &reading, const SystemMemory &ram, std::vector<ProbeNote> &notes)
{
    std::vector<DetectedDevice> out;
    for (std::size_t i = 0; i < reading.gpus.size(); ++i) {
        const auto &g = reading.gpus[i];
        DetectedDevice d;
        d.vendor = DeviceVendor::Nvidia;
        d.source = ProbeSource::Nvml;
        d.name = g.name;
        d.card = std::to_string(i);
        if (g.memory && g.memory->total > 0) {
            d.totalBytes = g.memory->total;
            d.vramBytes = g.memory->total;
            d.totalFigure = MemoryFigure::Vram;
            d.freeBytes = std::min(g.memory->free, g.memory->total);
            d.freeFigure = FreeFigure::DeviceFree;
        } else {
            notes.push_back({ProbeIssue::NvidiaMemoryNotReported, "nvml", g.name});
            sizeFromSystemRam(d, ram, notes);
        }
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<DetectedDevice> smiGpus(const SystemProbe &probe, const SystemMemory &ram, std::vector<ProbeNote> &notes)
{
    const auto result = probe.run(nvidiaSmiQuery());
    if (!result)
        return {}; // not installed: no NVIDIA driver
    if (result->exitCode != 0) {
        // e.g. exit 9 "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver"
        notes.push_back({ProbeIssue::NvidiaSmiFailed, "nvidia-smi", std::to_string(result->exitCode)});
        return {};
    }
    SmiReading reading = parseNvidiaSmiCsv(result->out);
    notes.insert(notes.end(), reading.notes.begin(), reading.notes.end());
    std::vector<DetectedDevice> out;
    for (std::size_t i = 0; i < reading.gpus.size(); ++i) {
        const auto &g = reading.gpus[i];
        DetectedDevice d;
        d.vendor = DeviceVendor::Nvidia;
        d.source = ProbeSource::NvidiaSmi;
        d.name = g.name;
        d.card = std::to_string(i);
        if (g.total && *g.total > 0) {
            d.totalBytes = *g.total;
            d.vramBytes = *g.total;
            d.totalFigure = MemoryFigure::Vram;
            if (g.free) {
                d.freeBytes = *g.free;
                d.freeFigure = FreeFigure::DeviceFree;
            } else if (g.used && *g.used <= *g.total) {
                d.freeBytes = *g.total - *g.used;
                d.freeFigure = FreeFigure::TotalLessUsed;
            }
        } else {
            sizeFromSystemRam(d, ram, notes);
        }
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<DetectedDevice> rocmGpus(const SystemProbe &probe, std::vector<ProbeNote> &notes)
{
    const auto result = probe.run(rocmSmiQuery());
    if (!result)
        return {};
    const std::string where = commandLine(rocmSmiQuery());
    if (result->exitCode != 0) {
        notes.push_back({ProbeIssue::RocmSmiFailed, where, std::to_string(result->exitCode)});
        return {};
    }
    const RocmReading reading = parseRocmSmiJson(result->out);
    if (reading.malformed)
        notes.push_back({ProbeIssue::RocmSmiMalformed, where, excerpt(result->out)});
    std::vector<DetectedDevice> out;
    for (const auto &g : reading.gpus) {
        DetectedDevice d;
        d.vendor = DeviceVendor::Amd;
        d.source = ProbeSource::RocmSmi;
        d.card = g.card;
        d.totalBytes = g.total;
        d.vramBytes = g.total;
        d.totalFigure = MemoryFigure::Vram;
        if (g.used && *g.used <= g.total) {
            d.freeBytes = g.total - *g.used;
            d.freeFigure = FreeFigure::TotalLessUsed;
        }
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace

const std::vector<std::string> &nvidiaSmiQuery()
{
    static const std::vector<std::string> argv = {"nvidia-smi", "--query-gpu=name,memory.total,memory.used,memory.free",
                                                  "--format=csv,noheader,nounits"};
    return argv;
}

const std::vector<std::string> &rocmSmiQuery()
{
    static const std::vector<std::string> argv = {"rocm-smi", "--showmeminfo", "vram", "--json"};
    return argv;
}

Detection detectSystem(const SystemProbe &probe, const std::vector<Hardware> &catalog)
{
    Detection det;
    const auto meminfo = probe.readFile("/proc/meminfo");
    if (meminfo) {
        const MeminfoReading m = parseMeminfo(*meminfo);
        det.systemMemory = m.memory;
        if (m.malformed)
            det.notes.push_back({ProbeIssue::MeminfoMalformed, "/proc/meminfo", excerpt(*meminfo)});
    }

    const NvmlReading nvml = probe.nvml();
    if (nvml.status == NvmlReading::Status::Ok) {
        auto gpus = nvmlGpus(nvml, det.systemMemory, det.notes);
        det.devices.insert(det.devices.end(), gpus.begin(), gpus.end());
    } else {
        if (nvml.status == NvmlReading::Status::Failed)
            det.notes.push_back({ProbeIssue::NvmlFailed, "nvml", std::to_string(nvml.errorCode)});
        auto gpus = smiGpus(probe, det.systemMemory, det.notes);
        det.devices.insert(det.devices.end(), gpus.begin(), gpus.end());
    }

    auto drm = readDrmCards(probe, det.systemMemory, det.notes);
    const bool sysfsAmd = std::any_of(drm.begin(), drm.end(), [](const DetectedDevice &d) { return d.vendor == DeviceVendor::Amd; });
    det.devices.insert(det.devices.end(), drm.begin(), drm.end());
    if (!sysfsAmd && meminfo) {
        auto rocm = rocmGpus(probe, det.notes);
        det.devices.insert(det.devices.end(), rocm.begin(), rocm.end());
    }

    if (!meminfo) {
        if (auto apple = readAppleSilicon(probe, det.cpuName, det.notes)) {
            if (apple->totalBytes > 0)
                det.systemMemory.total = apple->totalBytes;
            det.devices.push_back(std::move(*apple));
        }
    }

    for (auto &d : det.devices)
        if (const Hardware *h = matchHardware(d, catalog))
            d.catalogId = h->id;
    return det;
}

} // namespace headroom::probe
