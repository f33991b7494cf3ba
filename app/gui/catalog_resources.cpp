// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_resources.h"

#include <QFile>

namespace headroom::gui {
namespace {

bool readResource(const char *name, std::string &out)
{
    QFile f(QStringLiteral(":/catalog/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    out = f.readAll().toStdString();
    return true;
}

} // namespace

std::variant<Catalog, CatalogError> loadEmbeddedCatalog()
{
    CatalogSources s;
    for (const auto &file : catalogFiles())
        if (!readResource(file.name, s.*file.text))
            return CatalogError{CatalogError::Problem::Unreadable, file.name, {}, {}, {}};
    return Catalog::load(s);
}

} // namespace headroom::gui
