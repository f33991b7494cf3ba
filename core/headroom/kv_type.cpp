// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/kv_type.h"

#include "headroom/catalog.h"

#include <algorithm>
#include <array>

namespace headroom {

namespace {
constexpr std::array<std::pair<KvType, const char *>, 6> kKvNames{{{KvType::F16, "f16"},
                                                                   {KvType::BF16, "bf16"},
                                                                   {KvType::F32, "f32"},
                                                                   {KvType::Q8_0, "q8_0"},
                                                                   {KvType::Q4_0, "q4_0"},
                                                                   {KvType::Fp8, "fp8"}}};
}

const char *kvTypeName(KvType t)
{
    for (const auto &[type, name] : kKvNames)
        if (type == t)
            return name;
    return "f16";
}

bool isBlockQuantized(KvType t)
{
    return t == KvType::Q8_0 || t == KvType::Q4_0;
}

std::optional<KvType> kvTypeFromName(const std::string &name)
{
    const std::string lower = toLowerAscii(name);
    for (const auto &[type, n] : kKvNames)
        if (lower == n)
            return type;
    return std::nullopt;
}

} // namespace headroom
