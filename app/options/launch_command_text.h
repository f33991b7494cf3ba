// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/launch_command.h>

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace headroom::options {

/**
 * A launch command as shell text, one line per step, ready to paste: a file step is a quoted here-document,
 * environment variables prefix their command (`VAR=value cmd`), a server followed by a client step runs in
 * the background (`&`) so both lines paste together. Placeholders print as `<name>`: the user replaces them.
 * Words only the front end knows (headings, gap notes) are not part of it.
 */
[[nodiscard]] std::string launchCommandShell(const LaunchCommand &command);

/** One word quoted for a POSIX shell (as is when it needs no quoting). */
[[nodiscard]] std::string shellQuote(const std::string &word);

/** Whether any word of the command is a placeholder the user must replace. */
[[nodiscard]] bool hasPlaceholder(const LaunchCommand &command);

/** `headroom-cli estimate --json --print-command`'s `launch` object (docs/cli.md). */
[[nodiscard]] nlohmann::json launchCommandJson(const LaunchCommand &command);

} // namespace headroom::options
