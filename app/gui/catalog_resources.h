// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/catalog.h>

#include <variant>

namespace headroom::gui {

/** The four catalog files embedded in the app (:/catalog/...), parsed by the engine. */
[[nodiscard]] std::variant<Catalog, CatalogError> loadEmbeddedCatalog();

} // namespace headroom::gui
