// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/tensor_inventory.h"

#include <string>
#include <vector>

namespace headroom {

/** The weights an inventory stores in one type ("Q4_K", "Q6_K", "F32"), and their bytes. */
struct StorageShare {
    std::string storage;
    std::uint64_t weights = 0;
    Bytes bytes = 0;

    [[nodiscard]] double bitsPerWeight() const { return weights ? 8.0 * static_cast<double>(bytes) / static_cast<double>(weights) : 0.0; }
};

/**
 * An inventory's weights grouped by storage type, most weights first: why a file type's bits per weight is not its
 * name's (Q4_K_M keeps attn_v, ffn_down and the output in Q6_K, norms in F32).
 */
[[nodiscard]] std::vector<StorageShare> storageMix(const TensorInventory &inventory);

} // namespace headroom
