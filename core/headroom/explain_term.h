// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/tensor_role.h"
#include "headroom/units.h"

#include <cstdint>
#include <string>
#include <vector>

namespace headroom {

/**
 * What one term of an explained bar segment is. Codes only: the CLI and the GUI word them. The pieces that
 * size memory (compute_buffer.cpp, kv_cache.cpp, the layout planner, vision_projector.cpp) report their terms
 * in these codes, so the explanation is the sizing rule itself, not a second copy of it.
 */
enum class TermKind {
    // weights
    WeightGroup,    ///< tensors of one role (`role`) stored as one type (`type`): `count` tensors
    OutputWeight,   ///< output.weight, the LM head (`label` = tensor name)
    TokenEmbedding, ///< token_embd.weight, the lookup table, where the engine keeps it
    TiedOutput,     ///< tied embeddings: the embedding matrix loaded again as the output layer (llama.cpp)
    MappedFromHost, ///< a Mac's GPU: the host's tensors inside the file range Metal maps (parts: groups by role and type)
    // KV cache (per layer group; quantized KV is told by `type` and the Blocks / BlockBytes factors)
    KvAttention,        ///< full-attention layers with the model's KV heads
    KvSlidingWindow,    ///< sliding-window layers: cells = the window (factor Window), not the context
    KvLayerHeads,       ///< attention layers whose KV heads differ from the model's (per-layer heads)
    KvMlaLatent,        ///< DeepSeek MLA: the compressed latent (kv_lora_rank + rope dims) per token, no V
    KvMlaLatentValue,   ///< ... its kv_lora_rank elements stored again as V (engine mla_cache latent_kv)
    KvMlaExpanded,      ///< MLA decompressed to per-head K and V (engine mla_cache expanded)
    KvIndexer,          ///< DeepSeek Sparse Attention's lightning-indexer keys
    RecurrentState,     ///< hybrid models: the fixed state of recurrent blocks (factor Conv or Ssm rows)
    ContextCheckpoints, ///< llama-server's copies of each slot's recurrent state, in host RAM
    // compute buffers: candidates (the largest counts) and parts
    AttentionScratch, ///< llama.cpp: the attention of one ubatch against the whole cache
    FfnScratch,       ///< llama.cpp: the MLP of one ubatch
    OutputLogits,     ///< the output layer's F32 logits (llama.cpp: rows x vocab, plus one hidden row per token)
    HostBuffers,      ///< llama.cpp's host buffers: gathered embeddings and the attention mask
    PipelineCopies,   ///< llama.cpp pipeline parallelism: further copies of a split's inputs (every layer on 2+ GPUs)
    ProfilePass,      ///< vLLM's profile run: one dummy batch of max_num_batched_tokens through the layers
    SamplerPass,      ///< vLLM's profile run: its top-k / top-p sampling of every sequence's logits
    PrefillPass,      ///< transformers / mlx-lm: one prefill pass (activations, and logits where they are kept)
    GraphPeak,        ///< Ollama's own engine: what is alive at one peak of the graph it reserves
    WeightCopy,       ///< llama.cpp op offload: the first GPU's copy of a weight kept in RAM, above its scratch
    // parts of a compute candidate
    KqMatrix,        ///< F32 n_kv x n_ubatch x n_head attention scores (no flash attention)
    AttentionMask,   ///< the mask: n_kv x n_ubatch (F32, or F16 with flash attention)
    HiddenRows,      ///< hidden-state rows kept live per token
    AttentionRows,   ///< attention activations per token: the QKV projection, or the attention's output (heads x dims)
    KvDequantized,   ///< flash attention's F16 copy of one layer's quantized K and V
    FfnActivations,  ///< MLP activations per token
    Activations,     ///< activations of a profile or prefill pass per token
    Logits,          ///< logits rows
    EmbeddingGather, ///< host: the token embeddings gathered for one ubatch
    // overhead and projector
    RuntimeOverhead,  ///< the engine runtime's context on each device (engines.json runtime_overhead)
    ProjectorWeights, ///< the vision encoder + projector weights (mmproj or the checkpoint's tower)
    ProjectorCompute, ///< the encoder's compute buffer for one image at its largest size
    ProjectorImage,   ///< host: the raw F32 image (llama.cpp's clip)
    // tensor parallel
    RankShareRounding, ///< N ranks hold floor(total / N): what rounding the shares of each term down leaves over
};

/** The kind of a factor: the front ends print "28 layers", "4 KV heads", "(K+V)", "2 bytes" from these. */
enum class Factor {
    Layers,        ///< layers of the group
    KvHeads,       ///< KV heads per layer
    HeadDim,       ///< elements per head
    Elements,      ///< elements of a row (heads x dims, or latent dims)
    KAndV,         ///< 2: a key row and a value row
    KeyRow,        ///< 1: the key row alone (K and V differ in width)
    ValueRow,      ///< 1: the value row alone
    ElementBytes,  ///< bytes per element (f16: 2)
    Blocks,        ///< blocks per row of a block-quantized type
    BlockElements, ///< elements per block (q8_0: 32)
    BlockBytes,    ///< bytes per block (q8_0: 34)
    RowBytes,      ///< bytes of a row as a whole
    Cells,         ///< KV cells (tokens x sequences, padded as the engine pads)
    Tokens,        ///< tokens per sequence (the context) or tokens in the forward pass
    Sequences,     ///< parallel sequences (slots)
    Window,        ///< a sliding-window layer's window (tokens)
    Padding,       ///< cells the engine pads the cache to a multiple of
    LatentDims,    ///< MLA: kv_lora_rank
    RopeDims,      ///< MLA: qk_rope_head_dim
    Heads,         ///< attention (query) heads
    Hidden,        ///< hidden size
    FfnWidth,      ///< widest MLP activation per token
    Vocab,         ///< vocabulary size
    Rows,          ///< rows (logit rows, hidden rows)
    Checkpoints,   ///< checkpoints kept per slot
    StateBytes,    ///< bytes of one sequence's recurrent state in one block
    HeaderBytes,   ///< bytes of a checkpoint's headers
    ConvRows,      ///< recurrent state: the convolution's last d_conv - 1 inputs (llama.cpp's R)
    SsmState,      ///< recurrent state: the SSM / delta-rule matrix (llama.cpp's S)
    Ranks,         ///< tensor-parallel ranks (a divisor: each rank holds 1/N)
    Patches,       ///< vision: patches of one image
    ImageSide,     ///< vision: pixels per image side
    Channels,      ///< vision: colour channels
    Mebibytes,     ///< a figure the catalog states in MiB
    WholeBytes,    ///< the whole figure a tensor-parallel rank holds a share of
    Scale,         ///< a fitted multiplier's numerator (with a Divide Scale: 3 / 2 = x1.5)
    Replicas,      ///< tensor parallel: ranks that each hold the whole term (MLA's one latent head is not split)
    Copies,        ///< llama.cpp pipeline parallelism: copies held beyond the first
};

/** How a factor enters its term: multiplied, divided by (floor), or shown beside it without entering. */
enum class FactorUse : std::uint8_t { Multiply, Divide, Detail };

struct ExplainFactor {
    Factor code = Factor::Layers;
    std::uint64_t value = 0;
    FactorUse use = FactorUse::Multiply;
};

/**
 * One term of a segment. Its bytes are either the product of its Multiply factors divided (floor) by its
 * Divide factors (isProduct()), or the sum of its parts; a term with neither is a figure as given (a tensor
 * group's bytes). `counted` false: a compute candidate that lost to a larger one, listed for comparison and
 * not in the segment's sum.
 */
struct ExplainTerm {
    TermKind kind = TermKind::WeightGroup;
    Bytes bytes = 0;
    bool counted = true;
    std::vector<ExplainFactor> factors;
    std::vector<ExplainTerm> parts; ///< terms whose bytes add up to this one's
    TensorRole role = TensorRole::Other;
    std::string type;        ///< ggml storage type ("Q6_K"), KV type ("q8_0"), mmproj dtype; empty when none
    std::string label;       ///< a tensor's name for a single tensor; empty otherwise
    std::uint32_t count = 0; ///< tensors in a weight group
    std::string source;      ///< where a catalog figure comes from (runtime overhead); empty otherwise

    /** True when the bytes are the factors' product (and quotient). */
    [[nodiscard]] bool isProduct() const;
    /** The factors' product and quotient, as the term's bytes must equal when isProduct(). */
    [[nodiscard]] Bytes factorValue() const;
};

[[nodiscard]] inline ExplainFactor times(Factor code, std::uint64_t value)
{
    return {code, value, FactorUse::Multiply};
}
[[nodiscard]] inline ExplainFactor dividedBy(Factor code, std::uint64_t value)
{
    return {code, value, FactorUse::Divide};
}
[[nodiscard]] inline ExplainFactor detail(Factor code, std::uint64_t value)
{
    return {code, value, FactorUse::Detail};
}

/**
 * A compute-segment term that is one of the candidates (the largest counts), not a buffer added beside them
 * (llama.cpp's host input buffers, pipeline parallelism's copies, a weight copied from RAM).
 */
[[nodiscard]] inline bool isComputeCandidate(TermKind k)
{
    return k != TermKind::HostBuffers && k != TermKind::PipelineCopies && k != TermKind::WeightCopy;
}

/** A term whose bytes are its factors' product (and quotient). */
[[nodiscard]] ExplainTerm productTerm(TermKind kind, std::vector<ExplainFactor> factors);
/** A term whose bytes are its parts' sum. */
[[nodiscard]] ExplainTerm sumTerm(TermKind kind, std::vector<ExplainTerm> parts);
/** A term of bytes as given (a tensor group, a catalog figure). */
[[nodiscard]] ExplainTerm givenTerm(TermKind kind, Bytes bytes);

/**
 * Candidates of which the largest is counted: marks the first largest counted and the others not.
 * Returns the largest's bytes (0 for none).
 */
Bytes markLargest(std::vector<ExplainTerm> &candidates);

} // namespace headroom
