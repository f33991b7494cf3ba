// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/explanation.h>

#include <nlohmann/json_fwd.hpp>

namespace headroom::options {

/** `headroom-cli estimate --json --explain`'s `explain` object (docs/cli.md, "Explain"): codes and integers only. */
[[nodiscard]] nlohmann::json explanationJson(const Explanation &e);

} // namespace headroom::options
