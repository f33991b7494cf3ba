// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/probe/probe_text.h"

#include <limits>

namespace headroom::probe {

namespace {
bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
} // namespace

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> splitOn(std::string_view s, char sep)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

std::vector<std::string_view> splitLines(std::string_view s)
{
    std::vector<std::string_view> lines = splitOn(s, '\n');
    if (!lines.empty() && lines.back().empty())
        lines.pop_back();
    for (auto &l : lines)
        if (!l.empty() && l.back() == '\r')
            l.remove_suffix(1);
    return lines;
}

std::optional<std::uint64_t> parseUnsigned(std::string_view s)
{
    s = trimmed(s);
    if (s.empty() || s.size() > 20)
        return std::nullopt;
    std::uint64_t v = 0;
    for (const char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (v > (std::numeric_limits<std::uint64_t>::max() - digit) / 10)
            return std::nullopt;
        v = v * 10 + digit;
    }
    return v;
}

std::optional<std::uint32_t> parseHex(std::string_view s)
{
    s = trimmed(s);
    if (s.starts_with("0x") || s.starts_with("0X"))
        s.remove_prefix(2);
    if (s.empty() || s.size() > 8)
        return std::nullopt;
    std::uint32_t v = 0;
    for (const char c : s) {
        std::uint32_t d = 0;
        if (c >= '0' && c <= '9')
            d = static_cast<std::uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            d = static_cast<std::uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            d = static_cast<std::uint32_t>(c - 'A' + 10);
        else
            return std::nullopt;
        v = v * 16 + d;
    }
    return v;
}

std::string excerpt(std::string_view s)
{
    s = trimmed(s);
    return std::string(s.substr(0, 80));
}

std::string commandLine(const std::vector<std::string> &argv)
{
    std::string s;
    for (const auto &a : argv)
        s += (s.empty() ? "" : " ") + a;
    return s;
}

} // namespace headroom::probe
