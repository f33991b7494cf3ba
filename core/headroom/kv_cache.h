// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/engine_profile.h"
#include "headroom/kv_type.h"
#include "headroom/model_spec.h"
#include "headroom/units.h"

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
};

[[nodiscard]] KvGeometry kvGeometry(const ModelSpec &m, const EngineProfile &engine, const EngineBehaviour &b, KvType keyType,
                                    KvType valueType, std::uint32_t ctxPerSeq, std::uint32_t parallel, std::uint32_t ubatch);

/** KV bytes one cell (one token of one sequence) takes in one layer: key row plus value row, as ggml sizes rows. */
[[nodiscard]] Bytes kvCellBytes(const ModelSpec &m, const KvGeometry &g);

/** KV bytes held by each layer (index = block). */
[[nodiscard]] std::vector<Bytes> kvLayerBytes(const ModelSpec &m, const KvGeometry &g);

/** Bytes one token adds across all layers, ignoring windows (the "f16 bytes/token" of the reference tables). */
[[nodiscard]] Bytes kvBytesPerToken(const ModelSpec &m, const KvGeometry &g);

} // namespace headroom
