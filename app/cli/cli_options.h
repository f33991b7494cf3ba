// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/request_resolver.h>

#include <string>
#include <variant>
#include <vector>

namespace headroom::cli {

enum class Command { Estimate, List, Scan, Help, Version };

struct CliOptions {
    Command command = Command::Help;
    RequestInputs inputs;
    std::string listWhat;      ///< list: models | quants | gpus | engines
    std::vector<std::string> scanPaths;
    bool json = false;
};

/** A command-line mistake: which argument, and what was wrong with it (the app words it). */
struct UsageError {
    enum class Code { UnknownCommand, UnknownOption, MissingValue, NotANumber, OutOfRange, BadChoice, MissingModel, MissingListKind };
    Code code = Code::UnknownOption;
    std::string argument;
    std::string value;
    std::vector<std::string> choices;
};

[[nodiscard]] std::variant<CliOptions, UsageError> parseArguments(const std::vector<std::string> &args);

[[nodiscard]] const char *usageText();

} // namespace headroom::cli
