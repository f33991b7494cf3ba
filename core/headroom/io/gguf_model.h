// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/io/gguf_file.h"
#include "headroom/model_spec.h"
#include "headroom/tensor_inventory.h"

#include <cstdint>
#include <string>
#include <variant>

namespace headroom::io {

/** The file's `general.file_type` (llama_ftype) as a quantization id ("Q4_K_M"); empty when absent or unknown. */
[[nodiscard]] std::string ggufFileTypeName(std::uint32_t llamaFtype);

/** What the sizing engine needs from a GGUF: the architecture, the exact tensors and the file type. */
struct GgufModel {
    ModelSpec spec;
    TensorInventory inventory; ///< exact = true
    std::string quant;         ///< from general.file_type, or empty
};

/** Derives the model from a parsed header: `<arch>.*` keys for the shape, the tensor list for the flags. */
[[nodiscard]] std::variant<GgufModel, IoError> ggufToModel(const GgufFile &file);

} // namespace headroom::io
