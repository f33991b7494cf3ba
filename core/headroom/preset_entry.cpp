// SPDX-License-Identifier: GPL-3.0-or-later
// Reader of presets.json (scenario presets); docs/catalog-schema.md.
#include "headroom/catalog_entries.h"
#include "headroom/estimator.h"
#include "headroom/kv_type.h"

namespace headroom {

Preset readPresetEntry(const EntryReader &r, const std::string &id)
{
    Preset p;
    p.id = id;
    // `engine` is required and may be null: each preset says whether it picks the engine or keeps the user's.
    const auto *engine = r.find("engine");
    if (!engine)
        r.fail(CatalogError::Problem::Missing, "engine", "");
    if (!engine->is_null()) {
        if (!engine->is_string() || engine->get<std::string>().empty())
            r.fail(CatalogError::Problem::WrongType, "engine", engine->dump());
        p.engine = engine->get<std::string>(); // a catalog engine: Catalog::load checks the reference
    }
    p.ctx = r.integer<std::uint32_t>("ctx", true, 0, 1);
    if (p.ctx > kMaxContext)
        r.fail(CatalogError::Problem::BadValue, "ctx", std::to_string(p.ctx));
    p.parallel = r.integer<std::uint32_t>("parallel", true, 0, 1);
    if (p.parallel > kMaxParallel)
        r.fail(CatalogError::Problem::BadValue, "parallel", std::to_string(p.parallel));
    p.kvType = r.str("kv_type", false);
    if (r.has("kv_type") && !kvTypeFromName(p.kvType))
        r.fail(CatalogError::Problem::BadValue, "kv_type", p.kvType);
    if (r.has("flash_attn"))
        p.flashAttn = r.boolean("flash_attn");
    p.why = r.str("why");
    p.source = r.str("source");
    return p;
}

} // namespace headroom
