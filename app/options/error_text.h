// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "usage_error.h"

#include <headroom/catalog.h>
#include <headroom/request_resolver.h>

#include <string>

namespace headroom::options {

/** One-line English messages for stderr (the CLI's, and the app's before its window opens); core only hands over codes. */
[[nodiscard]] std::string describe(const UsageError &e);
[[nodiscard]] std::string describe(const ResolveError &e);
[[nodiscard]] std::string describe(const CatalogError &e);

} // namespace headroom::options
