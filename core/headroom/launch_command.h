// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/launch_spec.h"
#include "headroom/placement.h"
#include "headroom/request_resolver.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace headroom {

/** One word of a command; a placeholder is a name the user replaces (a GGUF path Headroom cannot know). */
struct LaunchArg {
    std::string text;
    bool placeholder = false;

    bool operator==(const LaunchArg &) const = default;
};

/** Why a step is there: front ends word it ("keep this running", "write this file"). */
enum class LaunchStepKind {
    WriteFile, ///< write `fileText` to `fileName`
    Setup,     ///< run once before the engine (sysctl, ollama create)
    Server,    ///< the engine itself; keeps running
    Client,    ///< talks to the running server (ollama run)
};

struct LaunchStep {
    LaunchStepKind kind = LaunchStepKind::Server;
    std::vector<std::pair<std::string, std::string>> env; ///< NAME=value set for this command only
    std::vector<LaunchArg> argv;                          ///< program and arguments; empty for WriteFile
    std::string fileName;                                 ///< WriteFile only
    std::string fileText;                                 ///< WriteFile only
};

/** A setting of the request that the command does not state, and why. */
struct LaunchGap {
    enum class Reason {
        NotInVersion,    ///< this engine version has no option for it: its own default applies
        ValueNotOffered, ///< the option exists but cannot take this value
    };
    LaunchSetting setting = LaunchSetting::Ctx;
    Reason reason = Reason::NotInVersion;
    std::string value; ///< what the request asked for
};

/** A ready command for one request: steps in order, and what it could not state. */
struct LaunchCommand {
    bool available = false; ///< false: the engine (or this version) has no launch knowledge in engines.json
    std::string engineId;
    std::string version; ///< the engine version the flags were chosen for
    std::vector<LaunchStep> steps;
    std::vector<LaunchGap> gaps;
    std::optional<std::uint64_t> wiredLimitMiB; ///< the Mac GPU limit the sysctl step sets, if there is one
};

/** What a command states, read back: the request fields it determines (empty = left to the engine). */
struct LaunchSettings {
    std::string model;
    std::optional<std::uint32_t> ctx;
    std::optional<std::uint32_t> parallel;
    std::optional<std::uint32_t> batch;
    std::optional<std::uint32_t> ubatch;
    std::optional<std::string> kvType;
    std::optional<FlashAttn> flashAttn;
    std::optional<int> gpuLayers;
    std::vector<std::uint32_t> gpuSplit; ///< layers per GPU
    std::optional<std::uint32_t> tensorParallel;
    std::optional<bool> spread;
    std::optional<double> gpuMemoryUtilization;
    std::optional<std::uint64_t> wiredLimitMiB;
    std::optional<bool> vision; ///< the projector is loaded (true) or kept out (false); empty = the engine's default
    std::optional<bool> mmap;   ///< false: --no-mmap; empty = the engine's default (mapped)
};

/**
 * The command that starts `rr`'s engine, at the requested version, the way the estimate `placement` assumed.
 * Flags come from the engine's `launch` rows in engines.json in force at that version. On an Apple Mac whose
 * request does not fit under its GPU wired limit but would under a higher one, a `sysctl iogpu.wired_limit_mb`
 * step comes first and the placed values follow the estimate at that limit.
 */
[[nodiscard]] LaunchCommand buildLaunchCommand(const ResolvedRequest &rr, const RequestInputs &inputs, const Placement &placement);

/** Reads a command built for `engine` at `version` back into the settings it states. */
[[nodiscard]] LaunchSettings parseLaunchCommand(const LaunchCommand &command, const EngineProfile &engine, const std::string &version);

/** `inputs` with the request fields `s` determines replaced by its values. */
[[nodiscard]] RequestInputs applyLaunchSettings(RequestInputs inputs, const LaunchSettings &s);

/** The settings' names as the catalog spells them ("ctx", "kv_type" ...). */
[[nodiscard]] const char *launchSettingName(LaunchSetting s);

/** The launch row of `engine` in force at `version` for `setting`; null when there is none (or it is absent). */
[[nodiscard]] const LaunchOption *launchOptionFor(const EngineProfile &engine, LaunchSetting setting, const std::string &version);

} // namespace headroom
