// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/io/bounded_json.h"

#include <algorithm>

namespace headroom::io {
namespace {

/** Deepest [ / { nesting outside strings; parsing is refused beyond kMaxJsonDepth (deep nesting costs stack). */
int jsonDepth(std::string_view text)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{')
            deepest = std::max(deepest, ++depth);
        else if (c == ']' || c == '}')
            --depth;
    }
    return deepest;
}

} // namespace

std::variant<nlohmann::json, IoError> parseBoundedJson(std::string_view text, const std::string &name, std::uint64_t base)
{
    if (jsonDepth(text) > kMaxJsonDepth)
        return IoError{IoError::Code::TooLarge, name, base, "JSON nested deeper than " + std::to_string(kMaxJsonDepth)};
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error &e) {
        return IoError{IoError::Code::BadJson, name, base + (e.byte > 0 ? e.byte - 1 : 0), e.what()};
    } catch (const nlohmann::json::exception &e) {
        // e.g. out_of_range 406: a number too large for a double (found by fuzz_safetensors)
        return IoError{IoError::Code::BadJson, name, base, e.what()};
    }
}

} // namespace headroom::io
