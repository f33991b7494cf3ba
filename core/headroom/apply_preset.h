// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/preset.h"
#include "headroom/request_resolver.h"

namespace headroom {

/** Which of the settings a preset sets the user stated themselves (a command-line flag, a field): theirs win. */
struct StatedSettings {
    bool engine = false;
    bool ctx = false;
    bool parallel = false;
    bool kvType = false;
    bool flashAttn = false;

    bool operator==(const StatedSettings &) const = default;
};

/**
 * `in` with the preset's engine (when it names one), context, parallel slots, KV type and flash attention
 * (when it sets them), except the settings `stated` marks, which keep the user's value.
 */
[[nodiscard]] RequestInputs applyPreset(const Preset &preset, RequestInputs in, const StatedSettings &stated = {});

/** The settings the preset sets that `stated` kept at the user's value: what the front end says it did not set. */
[[nodiscard]] StatedSettings keptFromUser(const Preset &preset, const StatedSettings &stated);

} // namespace headroom
