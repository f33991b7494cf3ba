// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/io/gguf_file.h"

#include <filesystem>
#include <variant>

namespace headroom::io {

/**
 * Like readGgufFile, but for a split model (`-00001-of-00003.gguf`, llama.cpp's gguf-split naming)
 * reads every sibling and merges their tensors into one GgufFile; any other path is read as one file.
 */
[[nodiscard]] std::variant<GgufFile, IoError> readGgufModel(const std::filesystem::path &path);

} // namespace headroom::io
