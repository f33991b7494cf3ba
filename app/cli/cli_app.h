// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace headroom::cli {

/** Runs one headroom-cli invocation; returns the process exit code (0 ok, 2 bad input, 1 internal). */
int run(const std::vector<std::string> &args, const std::filesystem::path &executable, std::ostream &out,
        std::ostream &err);

} // namespace headroom::cli
