// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/io/io_error.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace headroom::io {

inline constexpr std::uint64_t kMaxSafetensorsHeader = 100ULL * 1024 * 1024;

struct SafetensorsTensor {
    std::string name;
    std::string dtype;
    std::vector<std::uint64_t> shape;
    std::uint64_t begin = 0; ///< relative to the data region
    std::uint64_t end = 0;
    std::uint32_t shard = 0;
};

/** The tensor table of one safetensors file, or of every shard of a folder merged. */
struct SafetensorsHeader {
    std::vector<SafetensorsTensor> tensors;
    std::uint64_t parameters = 0;
    std::uint64_t dataBytes = 0; ///< sum of every tensor's bytes
    std::map<std::string, std::uint64_t> bytesPerDtype;
    std::map<std::string, std::uint64_t> parametersPerDtype;
};

/** Bytes per element of a safetensors dtype ("BF16" → 2); nullopt when unknown. */
[[nodiscard]] std::optional<std::uint32_t> safetensorsDtypeSize(std::string_view dtype);

/** Parses a safetensors header: 8-byte little-endian length, then that many bytes of JSON. */
[[nodiscard]] std::variant<SafetensorsHeader, IoError> parseSafetensorsHeader(std::span<const std::uint8_t> bytes, std::uint64_t fileSize,
                                                                              const std::string &name);
[[nodiscard]] std::variant<SafetensorsHeader, IoError> readSafetensorsFile(const std::filesystem::path &path);

/** Reads `model.safetensors.index.json` + shards, or every *.safetensors file in `dir`; an empty header if none. */
[[nodiscard]] std::variant<SafetensorsHeader, IoError> readSafetensorsFolder(const std::filesystem::path &dir);

} // namespace headroom::io
