// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/quantization.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace headroom::io {

/** Where to look. Core reads no environment itself: the app fills this (scanRootsFromEnvironment) and tests use temp dirs. */
struct ScanRoots {
    std::filesystem::path home;                          ///< $HOME, or %USERPROFILE% on Windows
    std::optional<std::filesystem::path> ollamaModels;   ///< $OLLAMA_MODELS; default <home>/.ollama/models
    std::optional<std::filesystem::path> hfHome;         ///< $HF_HOME; default <home>/.cache/huggingface (hub below it)
    std::optional<std::filesystem::path> hfHubCache;     ///< $HF_HUB_CACHE; overrides <hfHome>/hub
    std::optional<std::filesystem::path> lmStudioModels; ///< overrides the LM Studio defaults
};

/** Fills ScanRoots from HOME / USERPROFILE, OLLAMA_MODELS, HF_HOME, HF_HUB_CACHE. The only environment access. */
[[nodiscard]] ScanRoots scanRootsFromEnvironment();

/** Where a model on disk was found. */
enum class Library { Ollama, LmStudio, HuggingFace, Path };

/** "ollama", "lmstudio", "huggingface", "path": the CLI's `scan --json` names (docs/cli.md). */
[[nodiscard]] const char *libraryName(Library l);

struct FoundModel {
    std::string displayName;                  ///< "llama3.2:3b", "Qwen/Qwen3-8B", "lmstudio-community/.../x.gguf"
    std::filesystem::path path;               ///< the .gguf (first split) or blob, or the model folder
    WeightFormat format = WeightFormat::Gguf; ///< GGUF, or a safetensors folder
    std::uint64_t sizeBytes = 0;              ///< on disk, all splits / shards
    std::string ollamaTag;                    ///< for Ollama models
    std::string hfRepo;                       ///< for the Hugging Face cache
    Library library = Library::Path;
};

/** Models in the Ollama store, LM Studio's folders and the Hugging Face cache under `roots`. */
[[nodiscard]] std::vector<FoundModel> scanLibraries(const ScanRoots &roots);

/** Models in a folder the user names: .gguf files (first split only) and config.json folders, a few levels deep. */
[[nodiscard]] std::vector<FoundModel> scanPath(const std::filesystem::path &path);

[[nodiscard]] std::vector<FoundModel> scanOllama(const std::filesystem::path &modelsDir);
[[nodiscard]] std::vector<FoundModel> scanHfCache(const std::filesystem::path &hubDir);

} // namespace headroom::io
