// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace headroom {

/** What one launch option states: a value of the request, or the program itself. */
enum class LaunchSetting {
    Program,              ///< the command that starts the engine
    Model,                ///< the weights: a path, a repository or a tag
    Ctx,                  ///< tokens per sequence
    Parallel,             ///< sequences sharing the cache
    Batch,                ///< logical batch
    Ubatch,               ///< tokens per forward pass
    KvType,               ///< KV cache element type (Headroom's names: f16, q8_0, fp8 ...)
    FlashAttn,            ///< auto | on | off
    GpuLayers,            ///< layers offloaded to the GPUs
    GpuSplit,             ///< layers per GPU, comma-separated, in device order
    TensorParallel,       ///< GPUs every layer is split over
    Spread,               ///< on | off: use every GPU instead of the fewest
    GpuMemoryUtilization, ///< share of each GPU the engine may fill
    Vision,               ///< on | off: the vision projector; a flag without values takes the mmproj file (a placeholder)
    NCpuMoe,              ///< the routed experts of the first N blocks in system RAM (llama.cpp --n-cpu-moe N)
    Mmap,                 ///< on | off: memory-map the weights (llama.cpp --no-mmap)
};

/** How the engine's command line is put together; only launch_command.cpp knows the styles. */
enum class LaunchStyle {
    Argv,         ///< one command: program, flags, environment (llama-server, vllm serve, mlx_lm.server)
    Ollama,       ///< `ollama serve` with its environment, a Modelfile and `ollama create`, then `ollama run`
    PythonScript, ///< a small script Headroom writes (the library has no server), run with flags
};

/** Where an option is written. */
enum class LaunchVia { Flag, Env, Modelfile, Positional };

/**
 * One row of an engine's `launch.options` in engines.json: how one setting is spelled from one version
 * on. A later row for the same setting replaces it (from its `from` on).
 */
struct LaunchOption {
    LaunchSetting setting = LaunchSetting::Program;
    std::string from;              ///< first version with this spelling; empty = every version
    std::vector<std::string> argv; ///< Program only: the words that start it
    LaunchVia via = LaunchVia::Flag;
    std::vector<std::string> names; ///< flags (each gets the value: -ctk and -ctv), env variable, Modelfile PARAMETER
    bool isSwitch = false;          ///< the flag alone states the value (bare -fa); it takes no argument
    /** Headroom value -> the engine's spelling; nullopt = left unwritten (the engine's default). Empty = any number. */
    std::vector<std::pair<std::string, std::optional<std::string>>> values;
    bool writePlaced = false; ///< when the request leaves it open, write what Headroom placed (the engine's default differs)
    bool absent = false;      ///< from this version on the engine has no such option
    /// Ctx only: the value is the cache of all the slots, which the engine divides among them (llama-server:
    /// n_ctx_slot = n_ctx / n_parallel), so a request's per-sequence context is written times its slots.
    bool spansSlots = false;
    std::string source;
};

/** An engine's launch knowledge (engines.json `launch`). */
struct LaunchSpec {
    LaunchStyle style = LaunchStyle::Argv;
    std::vector<LaunchOption> options; ///< in file order; rows of one setting oldest first
    std::string source;
};

} // namespace headroom
