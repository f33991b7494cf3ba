// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace headroom {

/**
 * A scenario (presets.json): the engine settings one use case needs ("8 people on llama-server, 8K each"),
 * so that a newcomer gets a realistic estimate without knowing what num_ctx or -np is. Its name is words,
 * which the front ends hold (translated), keyed by `id`; applyPreset() puts it into a request.
 */
struct Preset {
    std::string id;
    std::string engine;            ///< engine id; empty = keep the user's engine
    std::uint32_t ctx = 0;         ///< context per sequence
    std::uint32_t parallel = 1;    ///< sequences served at once, each with its own context
    std::string kvType;            ///< KV cache type name ("q8_0"); empty = keep the user's
    std::optional<bool> flashAttn; ///< flash attention on or off; empty = keep the user's
    std::string why;               ///< why these values (a note for people reading the catalog)
    std::string source;            ///< the engine options the values map to, with their documentation
};

} // namespace headroom
