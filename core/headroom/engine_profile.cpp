// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/engine_profile.h"

#include <algorithm>
#include <cctype>

namespace headroom {
namespace {

std::vector<unsigned long long> numericFields(const std::string &v)
{
    std::vector<unsigned long long> out;
    unsigned long long current = 0;
    bool inNumber = false;
    for (char c : v) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            if (current < 1'000'000'000ULL)
                current = current * 10 + static_cast<unsigned long long>(c - '0');
            inNumber = true;
        } else if (inNumber) {
            out.push_back(current);
            current = 0;
            inNumber = false;
        }
    }
    if (inNumber)
        out.push_back(current);
    return out;
}

} // namespace

int compareVersions(const std::string &a, const std::string &b)
{
    const auto fa = numericFields(a);
    const auto fb = numericFields(b);
    for (std::size_t i = 0; i < std::max(fa.size(), fb.size()); ++i) {
        const auto x = i < fa.size() ? fa[i] : 0;
        const auto y = i < fb.size() ? fb[i] : 0;
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

bool isVersionString(const std::string &version)
{
    return !numericFields(version).empty();
}

bool EngineBehaviour::flashAttnByDefault(const std::string &arch) const
{
    switch (flashAttnDefault) {
    case FlashAttnDefault::On: return true;
    case FlashAttnDefault::Off: return false;
    case FlashAttnDefault::Auto:
        return flashAttnArchs.empty() || std::find(flashAttnArchs.begin(), flashAttnArchs.end(), arch) != flashAttnArchs.end();
    }
    return false;
}

bool EngineTraits::loads(WeightFormat f) const
{
    return std::find(formats.begin(), formats.end(), f) != formats.end();
}

bool EngineTraits::offers(KvType t) const
{
    return std::find(kvTypes.begin(), kvTypes.end(), t) != kvTypes.end();
}

bool EngineTraits::runsOn(MemoryKind k) const
{
    return std::find(deviceKinds.begin(), deviceKinds.end(), k) != deviceKinds.end();
}

bool EngineTraits::isDefaultFor(const std::string &what) const
{
    return std::find(defaultFor.begin(), defaultFor.end(), what) != defaultFor.end();
}

const std::string &EngineBehaviour::rowOf(const std::string &key) const
{
    static const std::string none;
    for (const auto &[k, row] : keyRows)
        if (k == key)
            return row;
    return none;
}

const EngineBehaviour *EngineProfile::row(const std::string &from) const
{
    for (const auto &v : versions)
        if (v.from == from)
            return &v;
    return nullptr;
}

const std::string &EngineProfile::sourceOf(const EngineBehaviour &b, const std::string &key) const
{
    const auto *r = row(b.rowOf(key));
    return r ? r->source : b.source;
}

const EngineBehaviour &EngineProfile::behaviourFor(const std::string &version) const
{
    if (version.empty())
        return versions.back();
    const EngineBehaviour *match = &versions.front();
    for (const auto &row : versions)
        if (compareVersions(row.from, version) <= 0)
            match = &row;
    return *match;
}

const ArchitectureSupport *EngineProfile::supportFor(const std::string &arch) const
{
    for (const auto &a : architectures)
        if (a.arch == arch)
            return &a;
    return nullptr;
}

bool EngineProfile::loadsArchitecture(const std::string &arch, const std::string &version) const
{
    const auto *support = supportFor(arch);
    return !support || version.empty() || compareVersions(version, support->from) >= 0;
}

bool EngineProfile::offloadsExperts(const std::string &version) const
{
    const auto &x = traits.expertOffload;
    return x && (version.empty() || compareVersions(version, x->from) >= 0);
}

std::optional<std::uint32_t> fitFloorContext(const EngineProfile &engine, const std::string &version)
{
    if (engine.behaviourFor(version).fitDefault && engine.traits.fit.minCtx > 0)
        return engine.traits.fit.minCtx;
    return std::nullopt;
}

} // namespace headroom
