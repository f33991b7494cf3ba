// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/catalog.h>
#include <headroom/request_resolver.h>

#include "csv.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace headroom::test {

/** The shipped catalog, loaded once per test process; a load failure fails loudly. */
inline const Catalog &shippedCatalog()
{
    static const Catalog catalog = [] {
        auto loaded = Catalog::loadDirectory(HEADROOM_CATALOG_DIR);
        if (auto *e = std::get_if<CatalogError>(&loaded))
            qFatal("catalog failed to load: %s / %s / %s: %s", e->file.c_str(), e->entry.c_str(), e->field.c_str(),
                   e->detail.c_str());
        return std::get<Catalog>(std::move(loaded));
    }();
    return catalog;
}

/** A model of the shipped catalog by id; a missing one fails loudly (a test input, not a case under test). */
inline const ModelSpec &shippedModel(const char *id)
{
    const auto *m = shippedCatalog().findModel(id);
    if (!m)
        qFatal("no catalog model %s", id);
    return *m;
}

inline std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/** The raw text of every shipped catalog file, for tests that edit one before loading. */
inline CatalogSources shippedSources()
{
    CatalogSources s;
    for (const auto &file : catalogFiles())
        s.*file.text = readFile(std::string(HEADROOM_CATALOG_DIR) + "/" + file.name);
    return s;
}

/**
 * The shipped catalog's sources with engine `like` copied as `newId` (not the default for anything) and the
 * copy added to quantization `quant`'s engines: "adding an engine of a known family is a data entry".
 */
inline CatalogSources withEngineCopy(const std::string &like, const std::string &newId, const std::string &quant)
{
    using nlohmann::json;
    CatalogSources s = shippedSources();
    json engines = json::parse(s.engines);
    json copy;
    for (const auto &e : engines["engines"])
        if (e["id"] == like)
            copy = e;
    copy["id"] = newId;
    copy["name"] = "copy of " + like;
    copy["traits"]["default_for"] = json::array();
    engines["engines"].push_back(copy);
    s.engines = engines.dump();
    json quants = json::parse(s.quantizations);
    for (auto &q : quants["quantizations"])
        if (q["id"] == quant)
            q["engines"].push_back(newId);
    s.quantizations = quants.dump();
    return s;
}

/** `in` resolved against the shipped catalog; a failure fails loudly (a test input, not a case under test). */
inline ResolvedRequest resolved(const RequestInputs &in)
{
    auto r = resolveRequest(shippedCatalog(), in);
    if (auto *e = std::get_if<ResolveError>(&r))
        qFatal("resolve failed: %s=%s", e->field.c_str(), e->value.c_str());
    return std::move(std::get<ResolvedRequest>(r));
}

/** The test data tables' reader (tests/validation/csv.h, shared with the validation report). */
using validation::readCsv;

} // namespace headroom::test
