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
    const std::pair<const char *, std::string *> files[] = {
        {"models.json", &s.models}, {"quantizations.json", &s.quantizations}, {"hardware.json", &s.hardware}, {"engines.json", &s.engines}};
    for (const auto &[name, target] : files)
        if (!readResource(name, *target))
            return CatalogError{CatalogError::Problem::Unreadable, name, {}, {}, {}};
    return Catalog::load(s);
}

} // namespace headroom::gui
