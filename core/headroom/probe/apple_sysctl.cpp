// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/probe/apple_sysctl.h"

#include "headroom/probe/probe_text.h"

namespace headroom::probe {

namespace {
std::optional<std::string> sysctlValue(const SystemProbe &probe, const std::string &key)
{
    const auto r = probe.run({"sysctl", "-n", key});
    if (!r || r->exitCode != 0)
        return std::nullopt;
    return std::string(trimmed(r->out));
}
} // namespace

std::optional<DetectedDevice> readAppleSilicon(const SystemProbe &probe, std::string &cpuName, std::vector<ProbeNote> &notes)
{
    const auto brand = sysctlValue(probe, "machdep.cpu.brand_string");
    if (!brand || !brand->starts_with("Apple "))
        return std::nullopt;
    cpuName = *brand;
    DetectedDevice d;
    d.vendor = DeviceVendor::Apple;
    d.source = ProbeSource::Sysctl;
    d.name = *brand;
    d.unifiedMemory = true;
    d.totalFigure = MemoryFigure::PhysicalMemory;
    const auto memsize = sysctlValue(probe, "hw.memsize");
    const auto bytes = memsize ? parseUnsigned(*memsize) : std::nullopt;
    if (!bytes || *bytes == 0) {
        notes.push_back({ProbeIssue::SysctlMalformed, "sysctl -n hw.memsize", excerpt(memsize.value_or(""))});
        notes.push_back({ProbeIssue::MemoryUnknown, "sysctl", d.name});
        return d;
    }
    d.totalBytes = *bytes;
    // Missing on macOS before Sonoma (the key was debug.iogpu.wired_limit): the default rule applies then.
    if (const auto wired = sysctlValue(probe, "iogpu.wired_limit_mb")) {
        const auto mib = parseUnsigned(*wired);
        if (!mib)
            notes.push_back({ProbeIssue::SysctlMalformed, "sysctl -n iogpu.wired_limit_mb", excerpt(*wired)});
        else if (*mib > 0)
            d.wiredLimitBytes = checkedMul(*mib, MiB);
    }
    return d;
}

} // namespace headroom::probe
