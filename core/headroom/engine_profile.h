// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/hardware.h"
#include "headroom/kv_type.h"
#include "headroom/launch_spec.h"
#include "headroom/mix_variant.h"
#include "headroom/quantization.h"
#include "headroom/units.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace headroom {

/**
 * How an engine caches DeepSeek MLA per token and layer: the latent (kv_lora_rank + rope dims) as K with V a view
 * of it (Latent: vLLM; llama.cpp since PR #19067), the latent as K and its first kv_lora_rank elements again as V
 * (LatentKv: llama.cpp PR #12801 until #19067), or decompressed per-head K and V (Expanded).
 */
enum class MlaCache { Latent, LatentKv, Expanded };
/**
 * How an engine caches the DSA lightning indexer's key per token and layer: index_head_dim elements of the K cache
 * type (llama.cpp's second llama_kv_cache, transformers' DynamicIndexedLayer), or fp8 with one fp32 scale per 128
 * (vLLM's DeepseekV32IndexerCache: 128 + 4 bytes).
 */
enum class IndexerCache { KeyType, Fp8Scaled };
enum class SwaCache { Window, Full };
enum class FlashAttnDefault { Off, On, Auto };

/** Which of the given devices the engine spreads a model over. */
enum class DevicePolicy {
    All,            ///< layer split over every device (llama.cpp, accelerate's device_map)
    Fewest,         ///< the fewest devices that hold the whole model (Ollama's scheduler)
    TensorParallel, ///< every device holds 1/N of every layer (vLLM -tp N)
};

/** What the engine does with the logical batch option (-b, --max-num-batched-tokens). */
enum class BatchOption { ClampsUbatch, BatchedTokens, Ignored };

/** How the engine rounds its KV cache up, in cells (one cell = one token of one sequence). */
struct KvCells {
    std::uint32_t padding = 1;       ///< the cache of full-attention layers is a multiple of this
    bool paddingPerSequence = false; ///< pad each sequence's cells (true) or the whole cache (false)
    std::uint32_t windowPadding = 1; ///< same for sliding-window layers
    bool windowPaddingPerSequence = true;
    bool windowExtraUbatch = false;     ///< a window layer also keeps one ubatch of cells (llama.cpp)
    std::uint32_t windowExtraCells = 0; ///< ... or this many cells per sequence (vLLM: one block)
};

/** llama.cpp's --fit: unset arguments are fitted to the free memory, keeping a margin on each device. */
struct FitPolicy {
    Bytes margin = 0;         ///< memory kept free on each device (--fit-target)
    std::uint32_t minCtx = 0; ///< the context is not fitted below this (--fit-ctx)
};

/** vLLM's larger default batch on big GPUs. */
struct LargeGpuBatch {
    Bytes minMemory = 0;                  ///< the first GPU has at least this much memory
    std::uint32_t tokens = 0;             ///< then this many batched tokens
    std::uint32_t sequences = 0;          ///< and this max_num_seqs (0: the row's default_parallel)
    std::vector<std::string> exceptNames; ///< unless its name contains one of these (case-insensitive)
};

/**
 * Rows per forward-pass token (F32) alive at one candidate peak of a graph that Ollama's own engine reserves; each
 * count multiplies a width the model gives (engines.json `own_engine_graphs`).
 */
struct GraphPeakRows {
    std::uint32_t hidden = 0;    ///< n_embd: the residual stream, a norm, a freed embedding copy
    std::uint32_t attention = 0; ///< n_head x head_dim: the attention's output slot
    std::uint32_t qkv = 0;       ///< (n_head + 2 n_head_kv) x head_dim: the fused QKV projection
    std::uint32_t experts = 0;   ///< the widest MLP activation (the selected experts together)
    std::uint32_t scores = 0;    ///< n_head x the largest cache's cells: the F32 KQ matrix (no flash attention)
};

/**
 * An architecture that Ollama runs on its own Go engine (ollamarunner) rather than its llama.cpp runner, with the
 * peaks of the graph that engine reserves for it. The masks, positions and output rows every such graph holds are
 * the engine's, not the architecture's: the strategy adds them.
 */
struct OwnEngineGraph {
    std::string arch;
    std::vector<GraphPeakRows> flashAttn; ///< candidates with flash attention (the largest counts)
    std::vector<GraphPeakRows> plain;     ///< candidates without it
    std::string source;
};

/** How one version range of an engine allocates; every field is resolved (no "inherit"). */
struct EngineBehaviour {
    std::string from;
    std::string released;
    MlaCache mlaCache = MlaCache::Expanded;
    IndexerCache indexerCache = IndexerCache::KeyType;
    SwaCache swaCache = SwaCache::Full;
    FlashAttnDefault flashAttnDefault = FlashAttnDefault::Off;
    std::vector<std::string> flashAttnArchs; ///< Auto: on only for these architectures; empty = every one
    std::uint32_t defaultCtx = 4096;         ///< 0 = the model's trained context
    std::uint32_t defaultParallel = 1;
    bool parallelAuto = false; ///< default_parallel is tried, falling back to 1 when it does not fit
    bool kvUnified = false;    ///< the default slots share one cache of the context's size (llama-server since PR #16736)
    std::vector<std::pair<double, std::uint32_t>> defaultCtxByVramGiB; ///< (max GiB, ctx) ascending
    bool fitDefault = false; ///< unset context and layers are fitted to memory (engine's FitPolicy)
    double gpuMemoryUtilization = 1.0;
    std::uint32_t maxNumBatchedTokens = 0;
    /// vLLM V0: the chunked-prefill budget it turns on for contexts over 32K tokens (0 = never on: max_model_len)
    std::uint32_t longContextBatchedTokens = 0;
    std::optional<LargeGpuBatch> largeGpuBatch;
    bool prefillLogitsAll = false;
    std::uint32_t prefillStep = 0;
    /// vLLM's profile run samples its dummy batch with top-k and top-p: the bytes held per (sequence x vocabulary)
    /// entry while it sorts; 0 = the profile run's sampler is not modelled (one F32 logits row per sequence)
    std::uint32_t profileSamplerBytes = 0;
    /// vLLM V1's profile_run samples after every dummy batch; false (V0): only when the batch holds a whole sequence
    /// (a chunked-prefill profile shows no sampler)
    bool profileSamplerAlways = false;
    /// llama-server --ctx-checkpoints: copies of each slot's recurrent state, kept in host RAM
    std::uint32_t ctxCheckpoints = 0;
    bool logitsForAllTokens = true; ///< llama.cpp reserves logits for every ubatch token (false: one per sequence)
    /// llama.cpp builds the flash-attention mask in F16 on the host and the GPU (PR #23764); false: F32, cast on the GPU
    bool faMaskF16 = false;
    /// llama.cpp's graph inputs stay in the GPU's compute buffer through the FFN, beside the three ub x n_ff tensors of
    /// ggml_swiglu_split (not an in-place op); false: the fitted two-row FFN scratch of the older load logs
    bool ffnLiveSet = false;
    /// llama.cpp: rows of ub x n_embd the host's compute buffer holds for the token embeddings (the input and, since
    /// PR #18898, the GET_ROWS result beside it)
    std::uint32_t hostEmbdRows = 1;
    /// A partial offload of N units (-ngl N) puts the output layer and N-1 blocks on the GPUs (true), or N blocks and
    /// leaves the output layer on the host until every block is offloaded (false).
    bool outputOffloadedFirst = false;
    /// llama.cpp with mmap on Apple Silicon (Metal wraps the file, caps.buffer_from_host_ptr): a device's weights buffer is
    /// the file range from its first tensor to its last, the host's tensors in between included (MappedSpan); false: the
    /// device holds its own tensors alone
    bool metalFileSpan = false;
    /// Ollama: the architectures its own Go engine runs, with the peaks of the graph it reserves for each
    std::vector<OwnEngineGraph> ownEngineGraphs;
    std::string source;
    /// Where each setting came from: (engines.json key, the `from` of the row that last set it), oldest key first.
    /// A key not listed is the built-in default of EngineBehaviour.
    std::vector<std::pair<std::string, std::string>> keyRows;

    /** The `from` of the row that set `key` (an engines.json versions key); empty when no row did. */
    [[nodiscard]] const std::string &rowOf(const std::string &key) const;

    /** The graph Ollama's own engine reserves for `arch`; null when the llama.cpp runner (or another engine) runs it. */
    [[nodiscard]] const OwnEngineGraph *ownEngineGraph(const std::string &arch) const
    {
        const auto it =
            std::find_if(ownEngineGraphs.begin(), ownEngineGraphs.end(), [&](const OwnEngineGraph &g) { return g.arch == arch; });
        return it == ownEngineGraphs.end() ? nullptr : &*it;
    }
    /** Whether flash attention is on for `arch` when the user leaves it to the engine. */
    [[nodiscard]] bool flashAttnByDefault(const std::string &arch) const;
    /// Architectures whose sliding-window layers keep more than the window (Ollama's gptoss: kvcache.NewSWAMemCache
    /// with 4096): (architecture, tokens kept per sequence)
    std::vector<std::pair<std::string, std::uint32_t>> swaMemory;
    /** The tokens a sliding-window layer keeps per sequence for `arch`: the engine's memory for it, else `window`. */
    [[nodiscard]] std::uint32_t swaKeptTokens(const std::string &arch, std::uint32_t window) const
    {
        for (const auto &[a, tokens] : swaMemory)
            if (a == arch)
                return std::max(window, tokens);
        return window;
    }
};

/** Where an engine takes a model's vision encoder weights from. */
enum class VisionWeights {
    Mmproj,     ///< a separate mmproj GGUF (llama.cpp --mmproj; Ollama's projector), sized as published
    Checkpoint, ///< the vision tower inside the checkpoint, at 16 bit (vLLM, transformers)
};

/** How an engine loads a multimodal model's vision encoder (engines.json traits.vision); absent = never. */
struct VisionTraits {
    bool byDefault = false; ///< loaded unless the request turns it off (false: only when asked, llama-server --mmproj)
    VisionWeights weights = VisionWeights::Mmproj;
    bool clipGraph = false; ///< reserves a compute buffer for one image of the largest size at load (llama.cpp's clip warmup)
};

/**
 * Whether an engine can keep an MoE's routed experts in system RAM while the rest of each layer stays on its GPU
 * (llama.cpp --cpu-moe / --n-cpu-moe; engines.json traits.expert_offload). Absent = it cannot (Ollama, vLLM).
 */
struct ExpertOffloadSupport {
    std::string from;     ///< first version that can
    bool perLayer = true; ///< the first N blocks (--n-cpu-moe N); false = all or none (a switch)
    std::string source;
};

/**
 * What an engine is, as opposed to how a version of it behaves: the formats it loads, how it places a
 * model on devices and caches KV. Read from engines.json; the code asks these questions instead of
 * asking which engine it is.
 */
struct EngineTraits {
    std::string computeFamily;          ///< compute-buffer strategy (compute_buffer.cpp): llama.cpp, vllm, transformers, mlx
    std::vector<WeightFormat> formats;  ///< weight formats it loads
    std::vector<KvType> kvTypes;        ///< KV cache element types it offers (first = default)
    bool kvQuantNeedsFlashAttn = false; ///< a quantized KV cache falls back to F16 without flash attention
    /// Element type of hybrid models' recurrent state (llama.cpp: F32).
    KvType recurrentState = KvType::F16;
    KvCells kvCells;
    bool offloadsToHost = false;   ///< layers that do not fit run from system RAM
    bool embeddingsOnHost = false; ///< token embeddings stay in system RAM (a row lookup)
    DevicePolicy devicePolicy = DevicePolicy::All;
    std::vector<MemoryKind> deviceKinds; ///< kinds of device it runs on
    bool kvPool = false;                 ///< KV is a pool that must hold one full sequence to start (vLLM)
    std::uint32_t defaultUbatch = 0;     ///< tokens per forward pass when unset (llama.cpp n_ubatch)
    BatchOption batchOption = BatchOption::Ignored;
    std::uint32_t conversationCtx = 0;   ///< the cache grows with the conversation; default_ctx 0 sizes one of this many tokens
    std::vector<std::string> defaultFor; ///< what it is the default engine for: "gguf", "safetensors", "mlx", "ollama"
    std::string defaultQuant;            ///< quantization when none is named
    MixVariant mixVariant = MixVariant::LlamaCpp;
    FitPolicy fit;
    /// llama.cpp's pipeline parallelism: with every layer on two or more GPUs, the scheduler keeps this many copies of
    /// each split's inputs, so that consecutive micro-batches overlap (1 = none).
    std::uint32_t pipelineCopies = 1;
    std::optional<VisionTraits> vision;
    std::optional<ExpertOffloadSupport> expertOffload;
    std::string source; ///< traits.source: where these traits come from

    [[nodiscard]] bool loads(WeightFormat f) const;
    [[nodiscard]] bool offers(KvType t) const;
    [[nodiscard]] bool runsOn(MemoryKind k) const;
    [[nodiscard]] bool isDefaultFor(const std::string &what) const;
};

/** Memory an engine's runtime takes or keeps free on each device, by memory kind, with where the figure comes from. */
struct DeviceBudget {
    Bytes discrete = 0;
    Bytes unified = 0;
    std::string source;
    /// more on each rank of a tensor-parallel run of two or more devices (vLLM: NCCL's and the all-reduce's buffers)
    Bytes tensorParallel = 0;
    std::string tensorParallelSource;

    [[nodiscard]] Bytes forKind(bool unifiedMemory) const { return unifiedMemory ? unified : discrete; }
    /** What each rank adds when `ranks` devices split the model (tensor parallelism needs two or more). */
    [[nodiscard]] Bytes tensorParallelShare(std::size_t ranks) const { return ranks >= 2 ? tensorParallel : 0; }
};

/** An architecture an engine learned after its oldest catalog row: earlier versions refuse to load it. */
struct ArchitectureSupport {
    std::string arch; ///< llama.cpp's name (ModelSpec::arch)
    std::string from; ///< first version that loads it
    std::string source;
};

struct EngineProfile {
    std::string id;
    std::string name;
    std::string versionScheme;
    EngineTraits traits;
    std::vector<EngineBehaviour> versions;          ///< oldest first
    DeviceBudget runtimeOverhead;                   ///< driver/framework context allocated on each device used
    DeviceBudget deviceReserve;                     ///< memory the engine refuses to fill on each device
    std::optional<LaunchSpec> launch;               ///< how to start it (launch_command.cpp); empty = Headroom cannot write its command
    std::vector<ArchitectureSupport> architectures; ///< where support arrived later; unlisted ones load in every row
    std::string source;

    /** Behaviour in force for `version`; empty or newer-than-known means the latest known row. */
    [[nodiscard]] const EngineBehaviour &behaviourFor(const std::string &version) const;
    [[nodiscard]] const std::string &latestVersion() const { return versions.back().from; }
    /** The row saying when `arch` arrived; nullptr when every version loads it. */
    [[nodiscard]] const ArchitectureSupport *supportFor(const std::string &arch) const;
    /** Whether `version` loads `arch`; an empty version is the newest, which loads everything listed. */
    [[nodiscard]] bool loadsArchitecture(const std::string &arch, const std::string &version) const;
    /** Whether `version` can keep an MoE's experts in system RAM (traits.expertOffload); empty = the newest. */
    [[nodiscard]] bool offloadsExperts(const std::string &version) const;
    /** The versions row whose `from` is `from`; nullptr when none is. */
    [[nodiscard]] const EngineBehaviour *row(const std::string &from) const;
    /** The source of the row that set `key` for behaviour `b` (b's own source when no row names the key). */
    [[nodiscard]] const std::string &sourceOf(const EngineBehaviour &b, const std::string &key) const;
};

/**
 * The context a sweep over many models or devices compares at when none is given: an engine that fits an
 * unset context to the free memory (llama.cpp --fit) would fill every device whatever is loaded, and the
 * comparison would say nothing, so it is the smallest context the engine fits to (--fit-ctx). Empty when
 * `version` of the engine does not fit the context: its own default then stands.
 */
[[nodiscard]] std::optional<std::uint32_t> fitFloorContext(const EngineProfile &engine, const std::string &version);

/** Compares engine version strings by their numeric fields: "b4750" < "b5097", "0.6.6" < "0.6.10". */
[[nodiscard]] int compareVersions(const std::string &a, const std::string &b);

/** True when `version` has at least one digit (so it can be ordered). */
[[nodiscard]] bool isVersionString(const std::string &version);

} // namespace headroom
