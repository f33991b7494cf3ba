// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/probe/rocm_smi_json.h"

#include "headroom/probe/probe_text.h"

#include <nlohmann/json.hpp>

namespace headroom::probe {

namespace {
std::optional<Bytes> figure(const nlohmann::json &card, const char *key)
{
    const auto it = card.find(key);
    if (it == card.end())
        return std::nullopt;
    if (it->is_string())
        return parseUnsigned(it->get<std::string>());
    if (it->is_number_unsigned())
        return it->get<std::uint64_t>();
    return std::nullopt;
}
} // namespace

RocmReading parseRocmSmiJson(std::string_view text)
{
    RocmReading r;
    const auto doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        r.malformed = true;
        return r;
    }
    for (const auto &[key, card] : doc.items()) {
        if (!key.starts_with("card") || !card.is_object())
            continue;
        const auto total = figure(card, "VRAM Total Memory (B)");
        if (!total) {
            r.malformed = true;
            continue;
        }
        r.gpus.push_back({key, *total, figure(card, "VRAM Total Used Memory (B)")});
    }
    if (r.gpus.empty())
        r.malformed = true;
    return r;
}

} // namespace headroom::probe
