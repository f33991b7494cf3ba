// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/engine_profile.h"
#include "headroom/tensor_inventory.h"

#include <optional>

namespace headroom {

/**
 * The tensors of `spec` stored as `quant`, laid out the way `engine` lays that quantization out (its
 * `mix_variant`: Ollama's own gpt-oss conversion keeps non-expert tensors in BF16). Every caller that
 * sizes a catalog model for an engine (the resolver, the advisor) goes through here.
 */
[[nodiscard]] std::optional<TensorInventory> buildInventory(const ModelSpec &spec, const Quantization &quant, const EngineProfile &engine);

} // namespace headroom
