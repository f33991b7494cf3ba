// SPDX-License-Identifier: GPL-3.0-or-later
#include "preset_text.h"

#include <nlohmann/json.hpp>

#include <utility>
#include <vector>

namespace headroom::options {
namespace {

/** 8192 -> "8,192": the report's counts read as numbers, not as digits. */
std::string grouped(std::uint32_t n)
{
    std::string digits = std::to_string(n);
    for (auto i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), 1, ',');
    return digits;
}

/** The options (as the CLI spells them) whose value the user's flag kept instead of the preset's. */
std::vector<std::string> keptOptions(const StatedSettings &kept)
{
    std::vector<std::string> out;
    const std::pair<bool, const char *> all[] = {{kept.engine, "--engine"},
                                                 {kept.ctx, "--ctx"},
                                                 {kept.parallel, "--parallel"},
                                                 {kept.kvType, "--kv-type"},
                                                 {kept.flashAttn, "--flash-attn"}};
    for (const auto &[on, name] : all)
        if (on)
            out.emplace_back(name);
    return out;
}

} // namespace

std::string presetName(std::string_view id)
{
    static const std::pair<std::string_view, const char *> names[] = {
        {"personal-chat", "Personal chat"}, {"coding-assistant", "Coding assistant"}, {"long-documents", "Long documents"},
        {"small-team", "Small team"},       {"api-serving", "API serving"},
    };
    for (const auto &[key, name] : names)
        if (key == id)
            return name;
    return std::string(id);
}

std::string presetSummary(const Preset &preset, const StatedSettings &kept, const std::string &engineName, std::uint32_t parallel,
                          std::uint32_t ctx)
{
    std::string s = presetName(preset.id) + " - " + engineName + ", " + grouped(parallel) + (parallel == 1 ? " slot" : " slots") + " x " +
                    grouped(ctx) + " tokens";
    if (preset.flashAttn)
        s += std::string(", flash attention ") + (*preset.flashAttn ? "on" : "off");
    if (!preset.kvType.empty())
        s += ", KV " + preset.kvType;
    const auto options = keptOptions(kept);
    for (std::size_t i = 0; i < options.size(); ++i)
        s += (i == 0 ? " (your " : ", ") + options[i];
    if (!options.empty())
        s += " kept)";
    return s;
}

nlohmann::json presetJson(const Preset &preset, const StatedSettings &kept)
{
    nlohmann::json j{{"id", preset.id},
                     {"engine", preset.engine.empty() ? nlohmann::json(nullptr) : nlohmann::json(preset.engine)},
                     {"ctx", preset.ctx},
                     {"parallel", preset.parallel}};
    if (!preset.kvType.empty())
        j["kv_type"] = preset.kvType;
    if (preset.flashAttn)
        j["flash_attn"] = *preset.flashAttn;
    nlohmann::json keptNames = nlohmann::json::array();
    for (const auto &option : keptOptions(kept))
        keptNames.push_back(option.substr(2)); // "ctx", "kv-type": the flags the user gave
    j["kept_from_user"] = keptNames;
    return j;
}

} // namespace headroom::options
