// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli_options.h"

#include <headroom/catalog.h>
#include <headroom/request_resolver.h>

#include <string>

namespace headroom::cli {

/** One-line English messages for the CLI's stderr; core only hands over codes. */
[[nodiscard]] std::string describe(const UsageError &e);
[[nodiscard]] std::string describe(const ResolveError &e);
[[nodiscard]] std::string describe(const CatalogError &e);

} // namespace headroom::cli
