// SPDX-License-Identifier: GPL-3.0-or-later
#include "launch_command_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace headroom::options {
namespace {

const char *stepKindName(LaunchStepKind k)
{
    switch (k) {
    case LaunchStepKind::WriteFile: return "write_file";
    case LaunchStepKind::Setup: return "setup";
    case LaunchStepKind::Server: return "server";
    case LaunchStepKind::Client: return "client";
    }
    return "";
}

const char *gapReasonName(LaunchGap::Reason r)
{
    switch (r) {
    case LaunchGap::Reason::NotInVersion: return "not_in_version";
    case LaunchGap::Reason::ValueNotOffered: return "value_not_offered";
    }
    return "";
}

std::string word(const LaunchArg &a)
{
    return a.placeholder ? "<" + a.text + ">" : shellQuote(a.text);
}

} // namespace

std::string shellQuote(const std::string &w)
{
    const bool plain = !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("_-./:=,@%+").find(c) != std::string_view::npos;
    });
    if (plain)
        return w;
    std::string out = "'";
    for (char c : w)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

bool hasPlaceholder(const LaunchCommand &command)
{
    for (const auto &s : command.steps) {
        if (std::any_of(s.argv.begin(), s.argv.end(), [](const LaunchArg &a) { return a.placeholder; }))
            return true;
        if (s.kind == LaunchStepKind::WriteFile && s.fileText.find("FROM <") != std::string::npos)
            return true;
    }
    return false;
}

std::string launchCommandShell(const LaunchCommand &command)
{
    std::string out;
    for (std::size_t i = 0; i < command.steps.size(); ++i) {
        const LaunchStep &s = command.steps[i];
        if (s.kind == LaunchStepKind::WriteFile) {
            // A quoted delimiter: the shell copies the text as is ($ and ` stay literal).
            out += "cat > " + shellQuote(s.fileName) + " <<'EOF'\n" + s.fileText + (s.fileText.ends_with('\n') ? "" : "\n") + "EOF\n";
            continue;
        }
        std::string line;
        for (const auto &[name, value] : s.env)
            line += name + "=" + shellQuote(value) + " ";
        for (const auto &a : s.argv)
            line += word(a) + " ";
        if (!line.empty())
            line.pop_back();
        const bool clientFollows = i + 1 < command.steps.size() && command.steps[i + 1].kind == LaunchStepKind::Client;
        if (s.kind == LaunchStepKind::Server && clientFollows)
            line += " &";
        out += line + "\n";
    }
    return out;
}

nlohmann::json launchCommandJson(const LaunchCommand &command)
{
    nlohmann::json j{{"available", command.available}, {"engine", command.engineId}, {"engine_version", command.version}};
    nlohmann::json steps = nlohmann::json::array();
    for (const auto &s : command.steps) {
        nlohmann::json step{{"kind", stepKindName(s.kind)}};
        if (s.kind == LaunchStepKind::WriteFile) {
            step["file"] = {{"name", s.fileName}, {"text", s.fileText}};
        } else {
            nlohmann::json env = nlohmann::json::array();
            for (const auto &[name, value] : s.env)
                env.push_back({{"name", name}, {"value", value}});
            nlohmann::json argv = nlohmann::json::array();
            nlohmann::json placeholders = nlohmann::json::array();
            for (std::size_t k = 0; k < s.argv.size(); ++k) {
                argv.push_back(s.argv[k].text);
                if (s.argv[k].placeholder)
                    placeholders.push_back(k);
            }
            step["env"] = env;
            step["argv"] = argv;
            step["placeholders"] = placeholders;
        }
        steps.push_back(std::move(step));
    }
    j["steps"] = steps;
    nlohmann::json gaps = nlohmann::json::array();
    for (const auto &g : command.gaps)
        gaps.push_back({{"setting", launchSettingName(g.setting)}, {"reason", gapReasonName(g.reason)}, {"value", g.value}});
    j["not_stated"] = gaps;
    if (command.wiredLimitMiB)
        j["wired_limit_mb"] = *command.wiredLimitMiB;
    j["text"] = launchCommandShell(command);
    return j;
}

} // namespace headroom::options
