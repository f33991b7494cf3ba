// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/io/io_error.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace headroom::io {

/** GGUF metadata value types (gguf.h `enum gguf_type`). */
enum class GgufValueType : std::uint32_t {
    Uint8 = 0,
    Int8 = 1,
    Uint16 = 2,
    Int16 = 3,
    Uint32 = 4,
    Int32 = 5,
    Float32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
    Uint64 = 10,
    Int64 = 11,
    Float64 = 12,
};

/** One metadata value. Arrays keep their element type and count; the first kMaxKeptArrayItems items are kept. */
struct GgufValue {
    GgufValueType type = GgufValueType::Uint32;
    std::uint64_t u = 0; ///< unsigned ints and bool
    std::int64_t i = 0;  ///< signed ints
    double f = 0.0;      ///< floats
    std::string s;       ///< strings
    GgufValueType arrayType = GgufValueType::Uint32;
    std::uint64_t arrayCount = 0;
    std::vector<GgufValue> items;

    [[nodiscard]] bool isInteger() const;
    /** Integer value (bool, signed or unsigned ints); nullopt for other types or negative values. */
    [[nodiscard]] std::optional<std::uint64_t> asUnsigned() const;
};

inline constexpr std::uint64_t kMaxKeptArrayItems = 4096;
inline constexpr std::uint64_t kMaxGgufString = 1ULL << 20;
inline constexpr std::uint64_t kMaxGgufKeys = 1ULL << 20;
inline constexpr std::uint64_t kMaxGgufTensors = 1ULL << 20;
inline constexpr std::uint32_t kDefaultGgufAlignment = 32;

struct GgufTensorInfo {
    std::string name;
    std::uint32_t nDims = 0;
    std::array<std::uint64_t, 4> ne{1, 1, 1, 1};
    std::uint32_t type = 0;   ///< ggml type id (checked against ggmlTypeTraits)
    std::uint64_t offset = 0; ///< relative to the data region
    std::uint64_t bytes = 0;  ///< from ggmlTensorBytes
    std::uint32_t split = 0;  ///< which file of a split model holds it
};

/** A parsed GGUF header; tensor data is never read. */
struct GgufFile {
    std::string path;
    std::uint32_t version = 0;
    std::uint64_t fileSize = 0;
    std::map<std::string, GgufValue> metadata;
    std::vector<GgufTensorInfo> tensors;
    std::uint32_t alignment = kDefaultGgufAlignment;
    std::uint64_t dataOffset = 0;  ///< start of the tensor data region in the (first) file
    std::uint64_t tensorBytes = 0; ///< sum of every tensor's bytes (all splits)
    std::uint32_t splitCount = 1;

    [[nodiscard]] const GgufValue *find(const std::string &key) const;
};

/**
 * Parses a GGUF header from a buffer holding (at least) the header; `fileSize` is the size of the
 * whole file (≥ bytes.size()), against which tensor offsets are checked.
 * `name` is used in errors only.
 */
[[nodiscard]] std::variant<GgufFile, IoError> parseGguf(std::span<const std::uint8_t> bytes, std::uint64_t fileSize,
                                                        const std::string &name);

/** Reads one GGUF file's header with buffered reads; the file size comes from the filesystem (sparse files are fine). */
[[nodiscard]] std::variant<GgufFile, IoError> readGgufFile(const std::filesystem::path &path);

} // namespace headroom::io
