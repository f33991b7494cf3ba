// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/apply_preset.h>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace headroom::options {

/** A preset's English name ("Small team"), keyed by id; the id itself for a preset this build has no name for. */
[[nodiscard]] std::string presetName(std::string_view id);

/**
 * "Small team - llama.cpp (llama-server), 8 slots x 8,192 tokens": the preset and what the estimate ran with
 * (`engineName`, `parallel`, `ctx` as resolved), then the settings the user's own flags kept ("your --ctx kept").
 */
[[nodiscard]] std::string presetSummary(const Preset &preset, const StatedSettings &kept, const std::string &engineName,
                                        std::uint32_t parallel, std::uint32_t ctx);

/** The `preset` object of `estimate --json` and `advise --json` (docs/cli.md). */
[[nodiscard]] nlohmann::json presetJson(const Preset &preset, const StatedSettings &kept);

} // namespace headroom::options
