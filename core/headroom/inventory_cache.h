// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/engine_profile.h"
#include "headroom/mix_variant.h"
#include "headroom/model_spec.h"
#include "headroom/quantization.h"
#include "headroom/tensor_inventory.h"

#include <cstddef>
#include <map>
#include <optional>
#include <tuple>

namespace headroom {

/**
 * Tensor inventories of catalog models, built once per model x quantization x engine layout and kept:
 * building one lists and types every tensor (a few hundred microseconds for a large model), which the
 * advisor's sweep would otherwise repeat for every candidate on every input change, while one estimate
 * with the inventory at hand takes microseconds.
 *
 * Keys are the addresses of the catalog's ModelSpec and Quantization entries plus the engine's
 * `mix_variant` (the only engine trait buildInventory reads), so engines that lay a quantization out
 * alike share one inventory. Keep the cache beside the Catalog it was filled from and clear() it when
 * that catalog is replaced or destroyed. Not thread-safe: use one cache per thread, or lock around it.
 */
class InventoryCache
{
public:
    /**
     * buildInventory(model, quant, engine), built on the first call and kept; nullptr when Headroom cannot
     * lay `quant` out. The pointer stays valid until clear() or the cache's destruction.
     */
    [[nodiscard]] const TensorInventory *get(const ModelSpec &model, const Quantization &quant, const EngineProfile &engine);

    /** Number of model x quantization x layout entries held (including those that had no layout). */
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }

    void clear() { m_entries.clear(); }

private:
    using Key = std::tuple<const ModelSpec *, const Quantization *, MixVariant>;
    std::map<Key, std::optional<TensorInventory>> m_entries; // node-based: entries never move
};

} // namespace headroom
