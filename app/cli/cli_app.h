// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/probe/system_probe.h>

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace headroom::cli {

/**
 * Runs one headroom-cli invocation; returns the process exit code (0 ok, 2 bad input, 1 internal). `detect` and
 * `--gpu this` read the machine through `probe` only (main.cpp passes a LocalProbe, tests a FakeProbe).
 */
int run(const std::vector<std::string> &args, const std::filesystem::path &executable, std::ostream &out, std::ostream &err,
        const probe::SystemProbe &probe);
/** The same on this machine (a LocalProbe). */
int run(const std::vector<std::string> &args, const std::filesystem::path &executable, std::ostream &out, std::ostream &err);

} // namespace headroom::cli
