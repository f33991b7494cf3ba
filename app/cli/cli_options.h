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

struct CliOptions {
    Command command = Command::Help;
    RequestInputs inputs;
    std::string listWhat;      ///< list: models | quants | gpus | engines
    std::vector<std::string> scanPaths;
    bool json = false;
};

using options::UsageError;

[[nodiscard]] std::variant<CliOptions, UsageError> parseArguments(const std::vector<std::string> &args);

[[nodiscard]] const char *usageText();

} // namespace headroom::cli
