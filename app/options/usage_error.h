// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace headroom::options {

/** A command-line mistake: which argument, and what was wrong with it (the front end words it). */
struct UsageError {
    enum class Code {
        UnknownCommand,
        UnknownOption,
        MissingValue,
        NotANumber,
        OutOfRange,
        BadChoice,
        MissingModel,
        MissingListKind,
        Conflict
    };
    Code code = Code::UnknownOption;
    std::string argument;
    std::string value;
    std::vector<std::string> choices; ///< Conflict: the option `argument` cannot be combined with (choices[0])
};

} // namespace headroom::options
