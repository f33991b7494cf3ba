// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/storage_mix.h"

#include <algorithm>

namespace headroom {

std::vector<StorageShare> storageMix(const TensorInventory &inventory)
{
    std::vector<StorageShare> mix;
    for (const auto &t : inventory.tensors) {
        auto it = std::find_if(mix.begin(), mix.end(), [&](const StorageShare &s) { return s.storage == t.storage; });
        if (it == mix.end())
            it = mix.insert(mix.end(), StorageShare{t.storage, 0, 0});
        it->weights += t.elements();
        it->bytes = saturatingAdd(it->bytes, t.bytes);
    }
    std::stable_sort(mix.begin(), mix.end(), [](const StorageShare &a, const StorageShare &b) { return a.weights > b.weights; });
    return mix;
}

} // namespace headroom
