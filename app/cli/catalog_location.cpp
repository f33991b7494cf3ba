// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_location.h"

#include <cstdlib>

namespace headroom::cli {

std::vector<std::filesystem::path> catalogSearchPath(const std::filesystem::path &executable)
{
    std::vector<std::filesystem::path> out;
    if (const char *env = std::getenv("HEADROOM_CATALOG_DIR"); env && *env)
        out.emplace_back(env);
    if (!executable.empty())
        out.push_back(executable.parent_path().parent_path() / "share" / "headroom" / "catalog");
    out.emplace_back(HEADROOM_CATALOG_INSTALL_DIR);
    out.emplace_back(HEADROOM_CATALOG_BUILD_DIR);
    return out;
}

} // namespace headroom::cli
