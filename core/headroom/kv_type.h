// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

namespace headroom {

/** Element type of a KV cache. */
enum class KvType { F16, BF16, F32, Q8_0, Q4_0, Fp8 };

[[nodiscard]] const char *kvTypeName(KvType t);
[[nodiscard]] std::optional<KvType> kvTypeFromName(const std::string &name);
/** Block-quantized types (q8_0, q4_0): llama.cpp needs flash attention to store V this way. */
[[nodiscard]] bool isBlockQuantized(KvType t);

} // namespace headroom
