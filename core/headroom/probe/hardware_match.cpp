// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/probe/hardware_match.h"

#include <algorithm>
#include <set>
#include <string>

namespace headroom::probe {

namespace {

using Words = std::set<std::string>;

Words words(const std::string &name)
{
    Words out;
    std::string w;
    auto flush = [&] {
        if (!w.empty())
            out.insert(w);
        w.clear();
    };
    for (const char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            w += c;
        else if (c >= 'A' && c <= 'Z')
            w += static_cast<char>(c - 'A' + 'a');
        else
            flush();
    }
    flush();
    return out;
}

/** "24gb", "141gb": a size in the name, which the memory figure checks instead. */
bool sizeWord(const std::string &w)
{
    return w.size() > 2 && w.ends_with("gb") && std::all_of(w.begin(), w.end() - 2, [](char c) { return c >= '0' && c <= '9'; });
}

/** Words that name the vendor, the brand or the package, not the model. */
bool setAside(const std::string &w)
{
    static const Words kWords = {"nvidia", "amd",  "apple", "intel", "geforce", "radeon", "graphics", "gpu", "sxm", "sxm2", "sxm4",
                                 "sxm5",   "pcie", "hbm2",  "hbm2e", "hbm3",    "hbm3e",  "nvl",      "per", "hgx", "dgx",  "edition"};
    return sizeWord(w) || kWords.contains(w);
}

Words modelWords(const Words &all)
{
    Words out;
    for (const auto &w : all)
        if (!setAside(w))
            out.insert(w);
    return out;
}

std::size_t shared(const Words &a, const Words &b)
{
    return static_cast<std::size_t>(std::count_if(a.begin(), a.end(), [&](const std::string &w) { return b.contains(w); }));
}

} // namespace

const Hardware *matchHardware(const DetectedDevice &device, const std::vector<Hardware> &catalog)
{
    if (device.name.empty() || device.totalBytes == 0)
        return nullptr;
    // Unified pools other than Apple's (GTT, system RAM) say nothing about the model's marketed memory.
    const Bytes memory = device.vendor == DeviceVendor::Apple || !device.unifiedMemory ? device.totalBytes : device.vramBytes.value_or(0);
    const Words all = words(device.name);
    const Words model = modelWords(all);
    if (model.empty())
        return nullptr;
    const Hardware *best = nullptr;
    std::size_t bestScore = 0;
    bool tie = false;
    for (const auto &h : catalog) {
        if (h.vendor != vendorName(device.vendor) || h.memoryBytes == 0 || h.kind == MemoryKind::Host) // a CPU entry is no GPU
            continue;
        const Words hAll = words(h.name);
        if (modelWords(hAll) != model)
            continue;
        const double ratio = static_cast<double>(memory) / static_cast<double>(h.memoryBytes);
        if (ratio < 0.88 || ratio > 1.02)
            continue;
        const std::size_t score = shared(all, hAll);
        if (score > bestScore) {
            best = &h;
            bestScore = score;
            tie = false;
        } else if (score == bestScore) {
            tie = true;
        }
    }
    return tie ? nullptr : best;
}

const char *vendorName(DeviceVendor v)
{
    switch (v) {
    case DeviceVendor::Nvidia: return "nvidia";
    case DeviceVendor::Amd: return "amd";
    case DeviceVendor::Intel: return "intel";
    case DeviceVendor::Apple: return "apple";
    }
    return "";
}

} // namespace headroom::probe
