// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/io/io_error.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace headroom::io {

inline constexpr std::uint64_t kMaxConfigJson = 16ULL * 1024 * 1024; ///< config.json, index.json
inline constexpr int kMaxJsonDepth = 64;

/**
 * Parses JSON read from a model file. Nesting deeper than kMaxJsonDepth is refused before parsing
 * (deep nesting costs stack), and every parser exception comes back as a BadJson error at
 * `base` + the parser's byte offset (`base` = where the text starts in `name`).
 */
[[nodiscard]] std::variant<nlohmann::json, IoError> parseBoundedJson(std::string_view text, const std::string &name, std::uint64_t base);

} // namespace headroom::io
