// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/io/io_error.h"
#include "headroom/request_resolver.h"

#include <filesystem>
#include <variant>

namespace headroom::io {

/**
 * Reads the model at `path`: a .gguf file (or an Ollama blob, recognised by its magic; split GGUFs are
 * merged), a config.json, or a folder holding config.json (+ safetensors) or .gguf files.
 */
[[nodiscard]] std::variant<FileModel, IoError> loadModelPath(const std::filesystem::path &path);

/** Whether `key` names something on disk rather than a catalog key (exists, or ends in .gguf / config.json). */
[[nodiscard]] bool looksLikePath(const std::string &key);

} // namespace headroom::io
