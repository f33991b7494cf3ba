// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/io/io_error.h"
#include "headroom/model_spec.h"
#include "headroom/tensor_inventory.h"

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
inline constexpr std::uint64_t kMaxConfigJson = 16ULL * 1024 * 1024;
inline constexpr int kMaxJsonDepth = 64;

/** A Hugging Face config.json read into the engine's terms. */
struct HfConfig {
    ModelSpec spec;
    std::string quant; ///< awq-int4, gptq-int4, bnb-nf4, fp8, mlx-4bit, hf-bf16, fp16 ... (our ids)
};

/** Parses config.json text (text_config is used for multimodal wrappers such as Gemma 3). */
[[nodiscard]] std::variant<HfConfig, IoError> parseHfConfig(std::string_view json, const std::string &name);

struct SafetensorsTensor {
    std::string name;
    std::string dtype;
    std::vector<std::uint64_t> shape;
    std::uint64_t begin = 0; ///< relative to the data region
    std::uint64_t end = 0;
    std::uint32_t shard = 0;
};

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
[[nodiscard]] std::variant<SafetensorsHeader, IoError> parseSafetensorsHeader(std::span<const std::uint8_t> bytes,
                                                                              std::uint64_t fileSize,
                                                                              const std::string &name);
[[nodiscard]] std::variant<SafetensorsHeader, IoError> readSafetensorsFile(const std::filesystem::path &path);

/** Reads `model.safetensors.index.json` + shards, or every *.safetensors file in `dir`; nullopt-like empty header if none. */
[[nodiscard]] std::variant<SafetensorsHeader, IoError> readSafetensorsFolder(const std::filesystem::path &dir);

/** Exact inventory from safetensors tensors: layer from `.layers.N.`, routed experts from `.experts.`. */
[[nodiscard]] TensorInventory safetensorsInventory(const SafetensorsHeader &header, const ModelSpec &spec);

/** A config.json + safetensors folder: the spec and, where safetensors are present, the exact inventory. */
struct HfModel {
    ModelSpec spec;
    std::string quant;
    std::optional<SafetensorsHeader> weights;
    std::optional<TensorInventory> inventory;
};

[[nodiscard]] std::variant<HfModel, IoError> readHfFolder(const std::filesystem::path &dir);

/** Reads a whole small text file (config.json, index.json) bounded by `cap` bytes. */
[[nodiscard]] std::variant<std::string, IoError> readTextFile(const std::filesystem::path &path, std::uint64_t cap);

} // namespace headroom::io
