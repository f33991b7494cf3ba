// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/io/hf_config.h"
#include "headroom/io/io_error.h"
#include "headroom/io/safetensors_header.h"
#include "headroom/model_spec.h"
#include "headroom/tensor_inventory.h"

#include <filesystem>
#include <optional>
#include <string>
#include <variant>

namespace headroom::io {

/** Exact inventory from safetensors tensors: layer from `.layers.N.`, routed experts from `.experts.`. */
[[nodiscard]] TensorInventory safetensorsInventory(const SafetensorsHeader &header, const ModelSpec &spec);

/** A config.json + safetensors folder: the spec and, where safetensors are present, the exact inventory. */
struct HfModel {
    ModelSpec spec;
    std::string quant; ///< from config.json; for an unquantized checkpoint, from the dtype most weights are stored in
    std::optional<SafetensorsHeader> weights;
    std::optional<TensorInventory> inventory;
};

[[nodiscard]] std::variant<HfModel, IoError> readHfFolder(const std::filesystem::path &dir);

} // namespace headroom::io
