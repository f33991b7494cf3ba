// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/model_spec.h"
#include "headroom/tensor_inventory.h"

#include <string>
#include <vector>

namespace headroom {

/**
 * Sets `storage` and `bytes` of every tensor as llama-quantize would for GGUF file type `fileType`
 * ("Q4_K_M", "Q8_0", "F16", "MXFP4" ...). False for a file type these rules do not cover.
 */
[[nodiscard]] bool assignGgufTypes(const ModelSpec &spec, const std::string &fileType, MixVariant variant, std::vector<Tensor> &tensors);

} // namespace headroom
