// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <request_options.h>
#include <usage_error.h>

#include <headroom/request_resolver.h>

#include <string>
#include <variant>
#include <vector>

namespace headroom::cli {

enum class Command { Estimate, List, Scan, Detect, Help, Version };

/** How estimate prints: the text table, or an export (--format md|csv|json; --json is --format json). */
enum class Format { Text, Json, Markdown, Csv };

struct CliOptions {
    Command command = Command::Help;
    RequestInputs inputs;
    std::string listWhat; ///< list: models | quants | gpus | engines
    std::vector<std::string> scanPaths;
    bool json = false;
    Format format = Format::Text; ///< Json whenever `json` is set
};

using options::UsageError;

[[nodiscard]] std::variant<CliOptions, UsageError> parseArguments(const std::vector<std::string> &args);

[[nodiscard]] const char *usageText();

} // namespace headroom::cli
