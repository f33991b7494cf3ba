// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/io/io_error.h"
#include "headroom/model_spec.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace headroom::io {

/** A Hugging Face config.json read into the engine's terms. */
struct HfConfig {
    ModelSpec spec;
    std::string quant; ///< awq-int4, gptq-int4, gptq-int8, bnb-nf4, fp8, mlx-4bit, hf-bf16, fp16, hf-f32 ... (our ids)
    /** GPTQ/AWQ `quantization_config.group_size`: weights per scale; -1 = one per output channel; 0 = not stated. */
    std::int64_t groupSize = 0;
};

/**
 * Parses config.json text (text_config is used for multimodal wrappers such as Gemma 3). The
 * architecture's fixed rules (biases, norms, sliding-window pattern) come from the architecture table.
 */
[[nodiscard]] std::variant<HfConfig, IoError> parseHfConfig(std::string_view json, const std::string &name);

} // namespace headroom::io
