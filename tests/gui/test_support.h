// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog_resources.h"

#include <headroom/request_resolver.h>

#include <QtTest>

namespace headroom::gui::test {

/** The embedded catalog, loaded once per test program. */
inline const Catalog &catalog()
{
    static const Catalog c = [] {
        auto loaded = loadEmbeddedCatalog();
        if (!std::holds_alternative<Catalog>(loaded))
            qFatal("embedded catalog does not load");
        return std::move(std::get<Catalog>(loaded));
    }();
    return c;
}

/** The widget named `name` under `w`; a missing one ends the test program, naming it. */
template <typename T>
T *child(QWidget &w, const char *name)
{
    auto *c = w.findChild<T *>(QLatin1String(name));
    if (!c)
        qFatal("no widget %s", name);
    return c;
}

/** The engine's answer for `inputs`, computed independently of the widgets. */
inline Placement engineAnswer(const RequestInputs &inputs)
{
    auto resolved = resolveRequest(catalog(), inputs);
    if (!std::holds_alternative<ResolvedRequest>(resolved))
        qFatal("test inputs do not resolve");
    return estimate(std::get<ResolvedRequest>(resolved).request);
}

} // namespace headroom::gui::test
