// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/engine_inventory.h"

namespace headroom {

std::optional<TensorInventory> buildInventory(const ModelSpec &spec, const Quantization &quant, const EngineProfile &engine)
{
    return buildInventory(spec, quant, engine.traits.mixVariant);
}

} // namespace headroom
