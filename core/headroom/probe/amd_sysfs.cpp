// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/probe/amd_sysfs.h"

#include "headroom/probe/probe_text.h"

#include <algorithm>

namespace headroom::probe {

namespace {

constexpr std::uint32_t kAmdVendor = 0x1002;   // PCI-SIG vendor ids: AMD/ATI
constexpr std::uint32_t kIntelVendor = 0x8086; // Intel

/** TTM counts pages; 4 KiB on x86-64, the platforms with these APUs. */
constexpr Bytes kTtmPageBytes = 4 * KiB;

/** Integrated carve-outs are small; a card reporting at most this much VRAM next to a larger GTT is an APU. */
constexpr Bytes kCarveOutCeiling = 2 * GiB;

struct AmdName {
    std::uint32_t deviceId;
    Bytes minVram; ///< 0x744c is shared by the RX 7900 XT/XTX/GRE: the XTX is the 24 GB one
    const char *name;
    bool apu;
};

// Sources: 0x744c with 24560 MiB of VRAM = RX 7900 XTX (LACT `lact cli info`, ilya-zlobintsev/LACT PR #533);
// 0x1586 = Strix Halo, Radeon 8050S/8060S (Andyyyy64/whichllm PR #154; amdgpu_top "DeviceID":5510 in
// magnitudedev/magnitude issue #44); 0x150e = Strix, Radeon 880M/890M (lspci in clbr/radeontop issue #177).
constexpr AmdName kAmdNames[] = {
    {0x744c, 24000 * MiB, "Radeon RX 7900 XTX", false},
    {0x1586, 0, "Radeon 8060S Graphics", true},
    {0x150e, 0, "Radeon 880M / 890M", true},
};

struct PciIds {
    std::uint32_t vendor = 0;
    std::uint32_t device = 0;
    std::string slot; ///< "0000:00:02.0"
};

/** uevent's PCI_ID=1002:744C and PCI_SLOT_NAME; falls back to the vendor and device files. */
PciIds pciIds(const SystemProbe &probe, const std::string &dev)
{
    PciIds ids;
    if (const auto uevent = probe.readFile(dev + "/uevent")) {
        for (const auto line : splitLines(*uevent)) {
            if (line.starts_with("PCI_ID=")) {
                const auto parts = splitOn(line.substr(7), ':');
                if (parts.size() == 2) {
                    ids.vendor = parseHex(parts[0]).value_or(0);
                    ids.device = parseHex(parts[1]).value_or(0);
                }
            } else if (line.starts_with("PCI_SLOT_NAME=")) {
                ids.slot = std::string(trimmed(line.substr(14)));
            }
        }
    }
    if (ids.vendor == 0)
        if (const auto v = probe.readFile(dev + "/vendor"))
            ids.vendor = parseHex(*v).value_or(0);
    if (ids.device == 0)
        if (const auto d = probe.readFile(dev + "/device"))
            ids.device = parseHex(*d).value_or(0);
    return ids;
}

/** A byte count from a sysfs file; a file that exists but holds something else is noted. */
std::optional<Bytes> bytesFile(const SystemProbe &probe, const std::string &path, std::vector<ProbeNote> &notes)
{
    const auto text = probe.readFile(path);
    if (!text)
        return std::nullopt;
    const auto v = parseUnsigned(*text);
    if (!v)
        notes.push_back({ProbeIssue::SysfsMalformed, path, excerpt(*text)});
    return v;
}

/** amdgpu's GTT pool when mem_info_gtt_total is missing: ttm.pages_limit, else amdgpu.gttsize (MiB, -1 = auto). */
std::optional<std::pair<Bytes, MemoryFigure>> gttLimit(const SystemProbe &probe, std::vector<ProbeNote> &notes)
{
    if (const auto pages = bytesFile(probe, "/sys/module/ttm/parameters/pages_limit", notes))
        if (const auto b = checkedMul(*pages, kTtmPageBytes))
            return std::pair{*b, MemoryFigure::TtmPagesLimit};
    if (const auto text = probe.readFile("/sys/module/amdgpu/parameters/gttsize"))
        if (const auto mib = parseUnsigned(*text))
            if (const auto b = checkedMul(*mib, MiB))
                return std::pair{*b, MemoryFigure::GttSizeParameter};
    return std::nullopt;
}

DetectedDevice amdCard(const SystemProbe &probe, const std::string &card, const std::string &dev, const PciIds &ids,
                       const SystemMemory &ram, std::vector<ProbeNote> &notes)
{
    DetectedDevice d;
    d.vendor = DeviceVendor::Amd;
    d.source = ProbeSource::Sysfs;
    d.card = card;
    d.pciDeviceId = ids.device;
    d.vramBytes = bytesFile(probe, dev + "/mem_info_vram_total", notes);
    const auto vramUsed = bytesFile(probe, dev + "/mem_info_vram_used", notes);
    d.gttBytes = bytesFile(probe, dev + "/mem_info_gtt_total", notes);
    const auto gttUsed = bytesFile(probe, dev + "/mem_info_gtt_used", notes);
    d.name = amdDeviceName(ids.device, d.vramBytes.value_or(0));

    std::optional<std::pair<Bytes, MemoryFigure>> gtt;
    if (d.gttBytes)
        gtt = std::pair{*d.gttBytes, MemoryFigure::GttTotal};
    const bool carveOut = d.vramBytes && *d.vramBytes <= kCarveOutCeiling && d.gttBytes && *d.gttBytes > *d.vramBytes;
    d.unifiedMemory = isKnownAmdApu(ids.device) || carveOut;
    if (d.unifiedMemory && !gtt)
        gtt = gttLimit(probe, notes);

    if (!d.unifiedMemory || !gtt) {
        // A discrete card allocates from its own VRAM; its GTT is system RAM reached over PCIe.
        if (!d.vramBytes) {
            notes.push_back({ProbeIssue::MemoryUnknown, dev, card});
            return d;
        }
        d.totalBytes = *d.vramBytes;
        d.totalFigure = MemoryFigure::Vram;
        if (vramUsed && *vramUsed <= d.totalBytes) {
            d.freeBytes = d.totalBytes - *vramUsed;
            d.freeFigure = FreeFigure::TotalLessUsed;
        }
        return d;
    }

    // An APU's GTT pages are system RAM: the pool cannot exceed what the kernel manages.
    Bytes pool = gtt->first;
    if (ram.total)
        pool = std::min(pool, *ram.total);
    const Bytes vram = d.vramBytes.value_or(0);
    if (vram >= pool) {
        // A large BIOS carve-out (96 GB of 128 on a Strix Halo) is the bigger, dedicated pool.
        d.totalBytes = vram;
        d.totalFigure = MemoryFigure::Vram;
        if (vramUsed && *vramUsed <= vram) {
            d.freeBytes = vram - *vramUsed;
            d.freeFigure = FreeFigure::TotalLessUsed;
        }
        return d;
    }
    d.totalBytes = pool;
    d.totalFigure = gtt->second;
    std::optional<Bytes> free;
    FreeFigure figure = FreeFigure::None;
    if (gttUsed && *gttUsed <= pool) {
        free = pool - *gttUsed;
        figure = FreeFigure::TotalLessUsed;
    }
    // What other programs hold in RAM is not in the GTT pool: MemAvailable bounds it too.
    if (ram.available && (!free || *ram.available < *free)) {
        free = std::min(*ram.available, pool);
        figure = FreeFigure::MemAvailable;
    }
    d.freeBytes = free;
    d.freeFigure = figure;
    return d;
}

DetectedDevice intelCard(const SystemProbe &probe, const std::string &card, const std::string &dev, const PciIds &ids,
                         const SystemMemory &ram, std::vector<ProbeNote> &notes)
{
    DetectedDevice d;
    d.vendor = DeviceVendor::Intel;
    d.source = ProbeSource::Sysfs;
    d.card = card;
    d.pciDeviceId = ids.device;
    // Intel's integrated GPU sits at 00:02.0 on the root bus; discrete Arc cards sit behind a PCIe port.
    d.unifiedMemory = ids.slot.ends_with(":00:02.0");
    if (!d.unifiedMemory) {
        // xe exposes a discrete card's VRAM per tile (xe_tile_sysfs.c); i915 does not.
        d.vramBytes = bytesFile(probe, dev + "/tile0/physical_vram_size_bytes", notes);
        if (!d.vramBytes) {
            notes.push_back({ProbeIssue::MemoryUnknown, dev, card});
            return d;
        }
        d.totalBytes = *d.vramBytes;
        d.totalFigure = MemoryFigure::Vram;
        return d;
    }
    if (const auto pages = bytesFile(probe, "/sys/module/ttm/parameters/pages_limit", notes)) {
        d.totalBytes = saturatingMul(*pages, kTtmPageBytes);
        d.totalFigure = MemoryFigure::TtmPagesLimit;
        if (ram.total)
            d.totalBytes = std::min(d.totalBytes, *ram.total);
    } else if (ram.total) {
        d.totalBytes = *ram.total;
        d.totalFigure = MemoryFigure::SystemRam;
    } else {
        notes.push_back({ProbeIssue::MemoryUnknown, dev, card});
        return d;
    }
    if (ram.available) {
        d.freeBytes = std::min(*ram.available, d.totalBytes);
        d.freeFigure = FreeFigure::MemAvailable;
    }
    return d;
}

} // namespace

bool isKnownAmdApu(std::uint32_t pciDeviceId)
{
    return std::any_of(std::begin(kAmdNames), std::end(kAmdNames), [&](const AmdName &n) { return n.apu && n.deviceId == pciDeviceId; });
}

std::string amdDeviceName(std::uint32_t pciDeviceId, Bytes vram)
{
    for (const auto &n : kAmdNames)
        if (n.deviceId == pciDeviceId && vram >= n.minVram)
            return n.name;
    return {};
}

std::vector<DetectedDevice> readDrmCards(const SystemProbe &probe, const SystemMemory &ram, std::vector<ProbeNote> &notes)
{
    std::vector<DetectedDevice> devices;
    for (const auto &card : probe.listDirectory("/sys/class/drm")) {
        // card0, card1 …; connectors (card1-HDMI-A-1) and render nodes are not devices.
        if (!card.starts_with("card") || card.size() == 4 || card.find('-') != std::string::npos)
            continue;
        const std::string dev = "/sys/class/drm/" + card + "/device";
        const PciIds ids = pciIds(probe, dev);
        if (ids.vendor == kAmdVendor)
            devices.push_back(amdCard(probe, card, dev, ids, ram, notes));
        else if (ids.vendor == kIntelVendor)
            devices.push_back(intelCard(probe, card, dev, ids, ram, notes));
    }
    return devices;
}

} // namespace headroom::probe
