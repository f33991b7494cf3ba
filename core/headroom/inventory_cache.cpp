// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/inventory_cache.h"

#include "headroom/engine_inventory.h"

namespace headroom {

const TensorInventory *InventoryCache::get(const ModelSpec &model, const Quantization &quant, const EngineProfile &engine)
{
    const Key key{&model, &quant, engine.traits.mixVariant};
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        it = m_entries.emplace(key, buildInventory(model, quant, engine)).first;
    return it->second ? &*it->second : nullptr;
}

} // namespace headroom
