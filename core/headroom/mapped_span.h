// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/tensor_inventory.h"
#include "headroom/units.h"

#include <cstdint>
#include <vector>

namespace headroom {

/**
 * llama.cpp with mmap on a backend that wraps host memory (Metal: caps.buffer_from_host_ptr) does not copy a device's
 * tensors into a buffer of their own: it wraps the file range from the first of them to the last, one buffer per file
 * (src/llama-model.cpp load_tensors, llama_model_loader::get_mapping_range). What the host keeps between those tensors
 * is inside the device's buffer as well and counts against Metal's working set: at full offload the token embeddings
 * of an untied model (gpt-oss-20b: Metal_Mapped 11536.18 MiB = ROCm0's 10949.38 + the CPU's 586.82), and every block
 * left on the host when a partial offload starts with the output layer (ggml-org/llama.cpp#24510).
 *
 * The file order is the header's for an inventory read from a file, else llama-quantize's: its weights_map sorts the
 * tensors that are not in a block by name, then the blocks by number (weight_name_comparer), so the output layer and
 * the token embeddings come before blk.0. Files written straight by convert_hf_to_gguf.py (F16, BF16, Q8_0, gpt-oss's
 * MXFP4) order the blocks as strings; at full offload the range is the whole file either way.
 */
class MappedSpan
{
public:
    MappedSpan() = default;
    /** `expertHostLayers`: the blocks whose routed experts stay on the host (--n-cpu-moe), which the device never holds. */
    MappedSpan(const TensorInventory &inv, bool tiedEmbeddings, std::uint32_t expertHostLayers);

    /**
     * The bytes of tensors the device does not hold inside the range of those it does: it holds blocks
     * [firstBlock, n) and, when `output`, the output layer (with tied embeddings, their copy).
     */
    [[nodiscard]] Bytes extra(std::uint32_t firstBlock, bool output) const;
    /** The tensors extra() counts, in file order. */
    [[nodiscard]] std::vector<const Tensor *> inside(std::uint32_t firstBlock, bool output) const;

private:
    struct Range {
        std::size_t first = 0;
        std::size_t last = 0; ///< one past the last position
        bool any = false;
        /** Widens this range to cover `o` as well. */
        void add(const Range &o);
    };
    [[nodiscard]] Range held(std::uint32_t firstBlock, bool output) const;
    [[nodiscard]] bool holds(std::size_t position, std::uint32_t firstBlock, bool output) const;

    std::vector<const Tensor *> m_order; ///< the inventory's tensors in file order
    std::vector<int> m_unit;             ///< per position: the offload unit holding it (n = output layer), -1 = none
    std::vector<Bytes> m_before;         ///< m_before[p] = bytes of positions 0..p-1
    std::vector<Range> m_blocksFrom;     ///< per block b (size n + 1): the positions of what blocks b..n-1 hold
    Range m_output;                      ///< the positions of the output layer's tensors
    std::vector<Bytes> m_blockBytesFrom; ///< per block b: bytes blocks b..n-1 hold
    Bytes m_outputBytes = 0;
    std::uint32_t m_layers = 0;
};

} // namespace headroom
