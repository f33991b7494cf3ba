// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom::probe {

/** Strips ASCII blanks (space, tab, CR, LF) from both ends. */
[[nodiscard]] std::string_view trimmed(std::string_view s);
/** Lines without their terminators; a trailing newline adds no empty line. */
[[nodiscard]] std::vector<std::string_view> splitLines(std::string_view s);
[[nodiscard]] std::vector<std::string_view> splitOn(std::string_view s, char sep);
/** A decimal unsigned integer, the whole (trimmed) text; empty on anything else or on overflow. */
[[nodiscard]] std::optional<std::uint64_t> parseUnsigned(std::string_view s);
/** A "0x1002"-style hexadecimal number (prefix optional); empty on anything else. */
[[nodiscard]] std::optional<std::uint32_t> parseHex(std::string_view s);
/** argv joined by single spaces ("sysctl -n hw.memsize"): how FakeProbe keys recorded command outputs. */
[[nodiscard]] std::string commandLine(const std::vector<std::string> &argv);
/** At most 80 characters of `s`, for a note's detail. */
[[nodiscard]] std::string excerpt(std::string_view s);

} // namespace headroom::probe
