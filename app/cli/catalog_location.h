// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <vector>

namespace headroom::cli {

/**
 * Folders searched for the catalogs, in order: $HEADROOM_CATALOG_DIR, <exe>/../share/headroom/catalog
 * (installed), the configured install dir, then the source tree the binary was built from.
 */
[[nodiscard]] std::vector<std::filesystem::path> catalogSearchPath(const std::filesystem::path &executable);

} // namespace headroom::cli
