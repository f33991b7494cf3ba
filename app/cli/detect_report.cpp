// SPDX-License-Identifier: GPL-3.0-or-later
#include "detect_report.h"

#include <headroom/probe/detected_devices.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

namespace headroom::cli {
namespace {

using namespace headroom::probe;

const char *vendorWord(DeviceVendor v)
{
    switch (v) {
    case DeviceVendor::Nvidia: return "NVIDIA";
    case DeviceVendor::Amd: return "AMD";
    case DeviceVendor::Intel: return "Intel";
    case DeviceVendor::Apple: return "Apple";
    }
    return "";
}

const char *sourceCode(ProbeSource s)
{
    switch (s) {
    case ProbeSource::Nvml: return "nvml";
    case ProbeSource::NvidiaSmi: return "nvidia-smi";
    case ProbeSource::Sysfs: return "sysfs";
    case ProbeSource::RocmSmi: return "rocm-smi";
    case ProbeSource::Sysctl: return "sysctl";
    }
    return "";
}

const char *totalCode(MemoryFigure f)
{
    switch (f) {
    case MemoryFigure::Vram: return "vram";
    case MemoryFigure::GttTotal: return "gtt_total";
    case MemoryFigure::TtmPagesLimit: return "ttm_pages_limit";
    case MemoryFigure::GttSizeParameter: return "gttsize_parameter";
    case MemoryFigure::SystemRam: return "system_ram";
    case MemoryFigure::PhysicalMemory: return "physical_memory";
    }
    return "";
}

/** Which figure, in the words the kernel and driver use for it, so a user can find it on their machine. */
const char *totalWords(MemoryFigure f)
{
    switch (f) {
    case MemoryFigure::Vram: return "VRAM";
    case MemoryFigure::GttTotal: return "GTT (mem_info_gtt_total)";
    case MemoryFigure::TtmPagesLimit: return "TTM limit (ttm.pages_limit)";
    case MemoryFigure::GttSizeParameter: return "GTT size (amdgpu.gttsize)";
    case MemoryFigure::SystemRam: return "system RAM (MemTotal)";
    case MemoryFigure::PhysicalMemory: return "system RAM (hw.memsize)";
    }
    return "";
}

const char *freeCode(FreeFigure f)
{
    switch (f) {
    case FreeFigure::None: return "none";
    case FreeFigure::DeviceFree: return "device_free";
    case FreeFigure::TotalLessUsed: return "total_less_used";
    case FreeFigure::MemAvailable: return "mem_available";
    }
    return "";
}

const char *freeWords(FreeFigure f)
{
    switch (f) {
    case FreeFigure::None: return "not reported";
    case FreeFigure::DeviceFree: return "driver's free figure";
    case FreeFigure::TotalLessUsed: return "total less used";
    case FreeFigure::MemAvailable: return "MemAvailable";
    }
    return "";
}

const char *issueCode(ProbeIssue i)
{
    switch (i) {
    case ProbeIssue::NvmlFailed: return "nvml_failed";
    case ProbeIssue::NvidiaSmiFailed: return "nvidia_smi_failed";
    case ProbeIssue::NvidiaSmiMalformed: return "nvidia_smi_malformed";
    case ProbeIssue::NvidiaMemoryNotReported: return "nvidia_memory_not_reported";
    case ProbeIssue::SysfsMalformed: return "sysfs_malformed";
    case ProbeIssue::RocmSmiFailed: return "rocm_smi_failed";
    case ProbeIssue::RocmSmiMalformed: return "rocm_smi_malformed";
    case ProbeIssue::MeminfoMalformed: return "meminfo_malformed";
    case ProbeIssue::SysctlMalformed: return "sysctl_malformed";
    case ProbeIssue::MemoryUnknown: return "memory_unknown";
    }
    return "";
}

const char *issueWords(ProbeIssue i)
{
    switch (i) {
    case ProbeIssue::NvmlFailed: return "NVML failed (return code)";
    case ProbeIssue::NvidiaSmiFailed: return "nvidia-smi failed (exit code)";
    case ProbeIssue::NvidiaSmiMalformed: return "unexpected nvidia-smi output";
    case ProbeIssue::NvidiaMemoryNotReported: return "the GPU reports no memory of its own (unified memory)";
    case ProbeIssue::SysfsMalformed: return "unexpected sysfs value";
    case ProbeIssue::RocmSmiFailed: return "rocm-smi failed (exit code)";
    case ProbeIssue::RocmSmiMalformed: return "unexpected rocm-smi output";
    case ProbeIssue::MeminfoMalformed: return "unexpected /proc/meminfo";
    case ProbeIssue::SysctlMalformed: return "unexpected sysctl value";
    case ProbeIssue::MemoryUnknown: return "no memory figure for a device (left out of --gpu this)";
    }
    return "";
}

std::string gib(Bytes b)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f GiB", toGiB(b));
    return buf;
}

nlohmann::json optionalBytes(const std::optional<Bytes> &b)
{
    return b ? nlohmann::json(*b) : nlohmann::json(nullptr);
}

} // namespace

nlohmann::json detectionToJson(const Detection &detection, const std::vector<Hardware> &catalog)
{
    nlohmann::json devices = nlohmann::json::array();
    for (const auto &d : detection.devices) {
        nlohmann::json j{{"vendor", vendorName(d.vendor)},
                         {"name", d.name},
                         {"source", sourceCode(d.source)},
                         {"unified_memory", d.unifiedMemory},
                         {"total_bytes", d.totalBytes},
                         {"total_figure", totalCode(d.totalFigure)},
                         {"free_bytes", optionalBytes(d.freeBytes)},
                         {"free_figure", freeCode(d.freeFigure)},
                         {"vram_bytes", optionalBytes(d.vramBytes)},
                         {"gtt_bytes", optionalBytes(d.gttBytes)},
                         {"card", d.card},
                         {"catalog_id", d.catalogId.empty() ? std::string("custom") : d.catalogId},
                         {"catalog_entry_used", catalogEntryStandsFor(d, catalog, CapacityBasis::Total)}};
        if (d.wiredLimitBytes)
            j["wired_limit_bytes"] = *d.wiredLimitBytes;
        if (d.pciDeviceId) {
            char id[16];
            std::snprintf(id, sizeof id, "0x%04x", static_cast<unsigned>(*d.pciDeviceId));
            j["pci_device_id"] = id;
        }
        devices.push_back(std::move(j));
    }
    nlohmann::json notes = nlohmann::json::array();
    for (const auto &n : detection.notes)
        notes.push_back({{"code", issueCode(n.issue)}, {"where", n.where}, {"detail", n.detail}});
    return {{"devices", std::move(devices)},
            {"system_memory",
             {{"total_bytes", optionalBytes(detection.systemMemory.total)},
              {"available_bytes", optionalBytes(detection.systemMemory.available)}}},
            {"cpu_name", detection.cpuName},
            {"notes", std::move(notes)}};
}

void printDetection(std::ostream &out, const Detection &detection, const std::vector<Hardware> &catalog)
{
    if (!detection.cpuName.empty())
        out << "CPU: " << detection.cpuName << "\n";
    if (detection.devices.empty())
        out << "no GPU detected\n";
    for (std::size_t i = 0; i < detection.devices.size(); ++i) {
        const auto &d = detection.devices[i];
        out << "GPU " << i << ": " << vendorWord(d.vendor) << "  " << (d.name.empty() ? std::string("(no name)") : d.name) << "  ["
            << sourceCode(d.source) << (d.card.empty() ? "" : ", " + d.card) << "]\n";
        out << "  total: " << (d.totalBytes ? gib(d.totalBytes) : std::string("unknown")) << "  (" << totalWords(d.totalFigure) << ")\n";
        out << "  free:  " << (d.freeBytes ? gib(*d.freeBytes) : std::string("unknown")) << "  (" << freeWords(d.freeFigure) << ")\n";
        if (d.unifiedMemory && d.vramBytes && d.totalFigure != MemoryFigure::Vram)
            out << "  BIOS carve-out (VRAM): " << gib(*d.vramBytes) << ", not the figure used\n";
        if (d.wiredLimitBytes)
            out << "  GPU wired limit (iogpu.wired_limit_mb): " << gib(*d.wiredLimitBytes) << "\n";
        out << "  catalog: ";
        if (d.catalogId.empty())
            out << "custom (no catalog entry matches)\n";
        else if (catalogEntryStandsFor(d, catalog, CapacityBasis::Total))
            out << d.catalogId << "\n";
        else
            out << "custom, with the bandwidth of " << d.catalogId << "\n";
    }
    const auto &mem = detection.systemMemory;
    out << "System RAM: total " << (mem.total ? gib(*mem.total) : std::string("unknown")) << ", available "
        << (mem.available ? gib(*mem.available) : std::string("unknown")) << "\n";
    for (const auto &n : detection.notes) {
        out << "note: " << issueCode(n.issue) << ": " << issueWords(n.issue);
        if (!n.where.empty())
            out << "; " << n.where;
        if (!n.detail.empty())
            out << ": " << n.detail;
        out << "\n";
    }
}

} // namespace headroom::cli
