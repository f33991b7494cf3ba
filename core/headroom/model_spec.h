// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

/** Sliding-window attention: layer i is global iff (i + 1) % pattern == 0 (HF `sliding_window_pattern`). */
struct SlidingWindow {
    std::uint32_t window = 0;
    std::uint32_t pattern = 0;

    [[nodiscard]] bool isSliding(std::uint32_t layer) const { return window > 0 && pattern > 0 && (layer + 1) % pattern != 0; }
};

/** DeepSeek V2/V3 multi-head latent attention. */
struct MlaSpec {
    std::uint32_t qLoraRank = 0;
    std::uint32_t kvLoraRank = 0;
    std::uint32_t qkRopeHeadDim = 0;
    std::uint32_t qkNopeHeadDim = 0;
    std::uint32_t vHeadDim = 0;
};

/**
 * DeepSeek Sparse Attention's lightning indexer (DeepSeek-V3.2): per layer a few query heads score every
 * earlier token against one key of `headDim` that the engine caches next to the MLA latent (config.json
 * index_n_heads / index_head_dim / index_topk).
 */
struct IndexerSpec {
    std::uint32_t heads = 0;
    std::uint32_t headDim = 0;
    std::uint32_t topk = 0; ///< tokens each query attends to
};

struct MoeSpec {
    std::uint32_t experts = 0;
    std::uint32_t expertsUsed = 0;
    std::uint32_t expertFfn = 0;
    std::uint32_t sharedExperts = 0;
    std::uint32_t sharedFfn = 0;     ///< 0 = expertFfn × sharedExperts
    std::uint32_t denseLayers = 0;   ///< leading layers with a dense MLP of `ffn`
    std::optional<bool> routingBias; ///< exp_probs_b (noaux_tc score correction) present; empty = the architecture's rule
};

/**
 * What a block mixes tokens with. llama.cpp keeps KV cells only for attention blocks and a fixed state per
 * sequence for recurrent ones (src/llama-hparams.cpp is_recurrent(il); llama-memory-hybrid.cpp filters the
 * layers of each cache by it); Nemotron-H also has blocks with neither (an MLP alone).
 */
enum class BlockKind : std::uint8_t {
    Attention, ///< self-attention with a KV cache
    Recurrent, ///< a state-space, linear-attention or short-convolution mixer: fixed state per sequence
    None,      ///< no token mixer (a feed-forward-only block)
};

/**
 * The recurrent mixer of a hybrid model, in llama.cpp's GGUF terms (`<arch>.ssm.*`,
 * `<arch>.shortconv.l_cache`). Gated DeltaNet reuses the ssm keys: conv_kernel, inner_size = value heads x
 * value head dim, state_size = key head dim, group_count = key heads, time_step_rank = value heads
 * (convert_hf_to_gguf.py Qwen3NextModel).
 */
struct RecurrentSpec {
    enum class Kind : std::uint8_t {
        Mamba2,        ///< Granite 4.0-H, Nemotron-H: ssm_in / ssm_conv1d / ssm_a / ssm_d / ssm_dt / ssm_norm / ssm_out
        GatedDeltaNet, ///< Qwen3-Next: ssm_in (q, k, v, z), ssm_beta_alpha, ssm_conv1d, ssm_dt, ssm_a, ssm_norm, ssm_out
        ShortConv,     ///< LFM2: shortconv.in_proj / conv / out_proj
    };
    Kind kind = Kind::Mamba2;
    std::uint32_t convKernel = 0; ///< d_conv (ShortConv: L_cache)
    std::uint32_t innerSize = 0;  ///< d_inner (0 for ShortConv)
    std::uint32_t stateSize = 0;  ///< d_state (0 for ShortConv)
    std::uint32_t groups = 0;     ///< n_group
    std::uint32_t heads = 0;      ///< dt_rank: Mamba-2 heads, DeltaNet value heads
};

struct OllamaTag {
    std::string tag;
    std::string quant;
    std::uint64_t fileBytes = 0; ///< 0 = not known exactly
};

/**
 * A GGUF file as its publisher lists it: for files whose per-tensor mix no llama-quantize rule describes
 * (Unsloth's dynamic UD-* quants) the published size is the figure to go by; the file's own header, read by
 * io::ggufToModel, gives every tensor's type and bytes.
 */
struct PublishedGguf {
    std::string quant;       ///< the label in the file name ("UD-Q4_K_XL")
    std::string repo;        ///< Hugging Face repository
    std::string file;        ///< file name (the first shard of a split file)
    std::uint64_t bytes = 0; ///< whole file, all shards, exact
};

/**
 * One published safetensors checkpoint of a model in another precision (Qwen/Qwen3-4B-FP8) and what it stores
 * differently from the model's own config: a tied model's FP8 checkpoint can carry its own bf16 lm_head.
 */
struct PublishedCheckpoint {
    std::string quant;                  ///< the catalog quantization it is stored as ("fp8")
    std::string repo;                   ///< Hugging Face repository
    std::optional<bool> tiedEmbeddings; ///< what loading it ties, when it differs from the model's config
};

/** One published mmproj file of a model's vision encoder: its tensor type and its size. */
struct MmprojFile {
    std::string dtype;       ///< "F16", "BF16", "Q8_0" as the file name says
    std::uint64_t bytes = 0; ///< the projector's weights as the publisher's listing or a load log gives them
};

/** A vision (or audio) encoder and its projector: what an engine loads to read images. */
struct VisionSpec {
    std::string encoder;      ///< vision_config model_type, e.g. "siglip_vision_model"
    std::uint64_t params = 0; ///< encoder + projector parameters (what a checkpoint engine holds at 16 bit)
    std::uint32_t layers = 0;
    std::uint32_t hidden = 0;
    std::uint32_t ffn = 0;
    std::uint32_t heads = 0;
    std::uint32_t patch = 0;
    std::uint32_t imageSize = 0;      ///< the largest image side the encoder is run on (pixels)
    std::uint32_t tokensPerImage = 0; ///< LM tokens one image of that size takes in the context
    std::vector<MmprojFile> mmproj;   ///< first = the one sized by default

    /** Patches of one image at imageSize: the encoder's sequence length. */
    [[nodiscard]] std::uint64_t patches() const
    {
        const std::uint64_t side = patch ? imageSize / patch : 0;
        return side * side;
    }
};

/** Architecture facts of one model, as a catalog entry or as read from a file header. */
struct ModelSpec {
    std::string id;
    std::string name;
    std::string family;
    std::string hfRepo;
    std::vector<std::string> aliases;
    std::vector<OllamaTag> ollama;
    std::vector<PublishedGguf> ggufFiles;         ///< published files (models.json gguf_files)
    std::vector<PublishedCheckpoint> checkpoints; ///< published checkpoints in other precisions (models.json checkpoints)
    /// The quantization the model's own repository ships, where it is not 16 bit (models.json released_as: gpt-oss's
    /// MXFP4 experts): what a safetensors engine loads when no quantization is asked for. Empty = BF16.
    std::string releasedAs;
    std::string arch;
    std::uint64_t params = 0;
    std::uint64_t activeParams = 0; ///< MoE only; 0 = dense
    std::uint32_t layers = 0;
    std::uint32_t hidden = 0;
    std::uint32_t heads = 0;
    std::uint32_t kvHeads = 0;
    std::uint32_t headDim = 0;
    std::uint32_t valueHeadDim = 0; ///< 0 = headDim
    std::uint32_t ffn = 0;
    std::uint32_t vocab = 0;
    bool tiedEmbeddings = false;
    /** Whether the model stored as `quant` (a quantization id) ties its output to the embeddings: a published checkpoint's own answer, else
     * the config's. */
    [[nodiscard]] bool tiedEmbeddingsFor(std::string_view quant) const
    {
        for (const auto &c : checkpoints)
            if (c.quant == quant && c.tiedEmbeddings)
                return *c.tiedEmbeddings;
        return tiedEmbeddings;
    }
    std::uint32_t maxContext = 0;
    bool qkvBias = false;
    bool qkNorm = false;
    bool fusedQkv = false;
    bool fusedGateUp = false;
    bool postNorms = false;
    std::optional<SlidingWindow> slidingWindow;
    std::optional<MlaSpec> mla;
    std::optional<IndexerSpec> indexer; ///< DSA lightning indexer (V3.2); empty = dense attention
    std::optional<MoeSpec> moe;
    std::optional<RecurrentSpec> recurrent;
    std::vector<BlockKind> blocks;           ///< per block; empty = every block is attention (uniform models)
    std::vector<std::uint32_t> layerKvHeads; ///< per block KV heads where they vary; empty = kvHeads everywhere
    std::uint32_t mtpLayers = 0;
    std::optional<VisionSpec> vision; ///< the model reads images (mmproj / vision tower); empty = text only
    std::string release;
    std::string license;
    std::string source;
    std::string note;

    [[nodiscard]] std::uint32_t valueDim() const { return valueHeadDim ? valueHeadDim : headDim; }
    [[nodiscard]] bool isMoe() const { return moe.has_value() && moe->experts > 1; }
    [[nodiscard]] bool isMoeLayer(std::uint32_t layer) const { return isMoe() && layer >= moe->denseLayers; }
    [[nodiscard]] BlockKind blockKind(std::uint32_t layer) const { return layer < blocks.size() ? blocks[layer] : BlockKind::Attention; }
    [[nodiscard]] bool hasKv(std::uint32_t layer) const { return blockKind(layer) == BlockKind::Attention; }
    [[nodiscard]] bool isRecurrent(std::uint32_t layer) const { return recurrent && blockKind(layer) == BlockKind::Recurrent; }
    /** KV heads of an attention block (0 for a block without attention). */
    [[nodiscard]] std::uint32_t kvHeadsAt(std::uint32_t layer) const
    {
        if (!hasKv(layer))
            return 0;
        return layer < layerKvHeads.size() && layerKvHeads[layer] > 0 ? layerKvHeads[layer] : kvHeads;
    }
    /** Blocks differ in kind or KV shape: the per-layer paths apply (uniform models keep the fast ones). */
    [[nodiscard]] bool perLayerShapes() const { return !blocks.empty() || !layerKvHeads.empty(); }
};

} // namespace headroom
