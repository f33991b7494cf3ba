// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/io/io_error.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <variant>

namespace headroom::io {

/** A regular file opened for binary reads, with its size from the filesystem (sparse files report their full size). */
struct OpenFile {
    std::ifstream in;
    std::uint64_t size = 0;
};

/** Opens `path` if it is a regular file; CannotOpen (with the system's reason where there is one) otherwise. */
[[nodiscard]] std::variant<OpenFile, IoError> openRegularFile(const std::filesystem::path &path);

/** Reads a whole small text file (config.json, index.json) bounded by `cap` bytes. */
[[nodiscard]] std::variant<std::string, IoError> readTextFile(const std::filesystem::path &path, std::uint64_t cap);

} // namespace headroom::io
