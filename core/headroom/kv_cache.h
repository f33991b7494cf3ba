// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/engine_profile.h"
#include "headroom/explain_term.h"
#include "headroom/kv_type.h"
#include "headroom/model_spec.h"
#include "headroom/units.h"

#include <array>
#include <vector>

namespace headroom {

/** Shape of the KV cache a run allocates: cells per layer kind and element types, as the engine sizes them. */
struct KvGeometry {
    Bytes fullCells = 0;   ///< cells in a layer that attends to the whole context (all sequences)
    Bytes windowCells = 0; ///< cells in a sliding-window layer
    KvType keyType = KvType::F16;
    KvType valueType = KvType::F16;
    bool mlaLatent = false;                       ///< DeepSeek MLA stored as one 512+64 latent per token (no V)
    bool mlaLatentValue = false;                  ///< ... with its 512 latent elements stored again as V (llama.cpp before PR #19067)
    IndexerCache indexer = IndexerCache::KeyType; ///< how a DSA model's indexer keys are stored (ModelSpec::indexer)
    /// Hybrid models: the state all sequences keep in one recurrent block (independent of the context).
    Bytes statePerLayer = 0;
    KvType stateType = KvType::F16;   ///< element type of that state (engines.json traits.recurrent_state)
    std::uint32_t stateSequences = 1; ///< sequences keeping a state each
};

/** How a KV element type is stored: `elements` per block of `bytes` (plain types: blocks of one). */
struct KvTypeBlock {
    std::uint32_t elements = 1;
    std::uint32_t bytes = 2;
};

[[nodiscard]] KvTypeBlock kvTypeBlock(KvType t);

/** Bytes of `elements` cache entries of one token (ggml row size: quantized types come in whole blocks). */
[[nodiscard]] Bytes kvRowBytes(KvType t, std::uint64_t elements);

/** What one row of a KV cell holds. */
enum class KvRowKind : std::uint8_t {
    Key,            ///< kvHeads x headDim
    Value,          ///< kvHeads x valueDim
    MlaLatent,      ///< kv_lora_rank + qk_rope_head_dim
    MlaLatentValue, ///< kv_lora_rank again, as V
    MlaKey,         ///< decompressed: heads x (nope + rope)
    MlaValue,       ///< decompressed: heads x v_head_dim
    Indexer,        ///< DSA indexer key: index_head_dim
};

/**
 * One row of a KV cell: `heads` x `dims` elements (heads 0: `dims` elements in all) stored as `type`. No default
 * member values: kvCellBytes builds these on every context step, and KvCellRows fills only the rows it counts.
 */
struct KvRow {
    KvRowKind kind;
    std::uint32_t heads;
    std::uint64_t dims;
    KvType type;
    bool fp8Scaled; ///< fp8 with an fp32 scale per 128 elements (vLLM's indexer cache)
    Bytes bytes;

    [[nodiscard]] std::uint64_t elements() const { return heads ? std::uint64_t{heads} * dims : dims; }
};

/** The rows of one KV cell of an attention block with `kvHeads` KV heads; kvCellBytes is their sum. */
struct KvCellRows {
    std::array<KvRow, 3> rows; ///< the first `count` are set
    std::size_t count = 0;

    [[nodiscard]] Bytes bytes() const;
};

[[nodiscard]] KvCellRows kvCellRows(const ModelSpec &m, const KvGeometry &g, std::uint32_t kvHeads);

/** Elements of the state one sequence keeps in one recurrent block, as llama.cpp sizes them (llama-hparams.cpp). */
struct RecurrentState {
    std::uint64_t conv = 0; ///< n_embd_r(): the last d_conv - 1 inputs of the convolution (llama.cpp's R)
    std::uint64_t ssm = 0;  ///< n_embd_s(): the SSM / delta-rule matrix (llama.cpp's S); 0 for short convolutions
};

[[nodiscard]] RecurrentState recurrentState(const ModelSpec &m);

/** Bytes one sequence's state takes in one recurrent block, stored as `type`. */
[[nodiscard]] Bytes recurrentStateBytes(const ModelSpec &m, KvType type);

/** Recurrent blocks of `m` (0 for a model without a recurrent state). */
[[nodiscard]] std::uint32_t recurrentLayerCount(const ModelSpec &m);

/**
 * Bytes of one llama-server context checkpoint of one sequence of a hybrid model: the recurrent memory of
 * that sequence as llama_state_seq_get_data_ext writes it with the checkpoint flag (the attention KV is
 * skipped, llama-memory-hybrid.cpp state_write), headers included.
 */
[[nodiscard]] Bytes recurrentCheckpointBytes(const ModelSpec &m, KvType type);

[[nodiscard]] KvGeometry kvGeometry(const ModelSpec &m, const EngineProfile &engine, const EngineBehaviour &b, KvType keyType,
                                    KvType valueType, std::uint32_t ctxPerSeq, std::uint32_t parallel, std::uint32_t ubatch);

/** KV bytes one cell (one token of one sequence) takes in one layer: key row plus value row, as ggml sizes rows. */
[[nodiscard]] Bytes kvCellBytes(const ModelSpec &m, const KvGeometry &g);

/** The same for block `layer`: its own KV heads, 0 for a block without attention. */
[[nodiscard]] Bytes kvCellBytes(const ModelSpec &m, const KvGeometry &g, std::uint32_t layer);

/** KV bytes held by each layer (index = block); a recurrent block holds its state instead. */
[[nodiscard]] std::vector<Bytes> kvLayerBytes(const ModelSpec &m, const KvGeometry &g);

/**
 * The arithmetic of kvLayerBytes summed over blocks [from, to): one term per group of like blocks (full
 * attention, sliding window, other KV heads, recurrent state) and per row kind (K+V, MLA latent, indexer).
 * The terms' bytes add up to that sum exactly.
 */
[[nodiscard]] std::vector<ExplainTerm> kvTerms(const ModelSpec &m, const KvGeometry &g, std::uint32_t from, std::uint32_t to);

/** llama-server's context checkpoints in host RAM: `checkpoints` x `sequences` x recurrentCheckpointBytes. */
[[nodiscard]] ExplainTerm checkpointTerm(const ModelSpec &m, KvType type, std::uint32_t checkpoints, std::uint32_t sequences);

/** Bytes one token adds across all attention layers, ignoring windows (the "f16 bytes/token" of the reference tables). */
[[nodiscard]] Bytes kvBytesPerToken(const ModelSpec &m, const KvGeometry &g);

} // namespace headroom
