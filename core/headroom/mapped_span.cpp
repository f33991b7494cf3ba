// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/mapped_span.h"

#include "headroom/request.h"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace headroom {
namespace {

/** llama_model_loader's weight_name_comparer key: the block number of "blk.N.", -1 for every other tensor. */
int blockOfName(std::string_view name)
{
    constexpr std::string_view prefix = "blk.";
    if (name.substr(0, prefix.size()) != prefix)
        return -1;
    int block = -1;
    const char *begin = name.data() + prefix.size();
    const auto [end, ec] = std::from_chars(begin, name.data() + name.size(), block);
    return ec == std::errc() && end < name.data() + name.size() && *end == '.' ? block : -1;
}

} // namespace

MappedSpan::MappedSpan(const TensorInventory &inv, bool tiedEmbeddings, std::uint32_t expertHostLayers) : m_layers(inv.layers)
{
    const auto n = static_cast<int>(inv.layers);
    for (const auto &t : inv.tensors)
        m_order.push_back(&t);
    if (!inv.exact) // a derived inventory stands for a llama-quantize file
        std::stable_sort(m_order.begin(), m_order.end(), [](const Tensor *a, const Tensor *b) {
            const int la = blockOfName(a->name);
            const int lb = blockOfName(b->name);
            return la != lb ? la < lb : a->name < b->name;
        });
    m_before.assign(m_order.size() + 1, 0);
    m_blocksFrom.assign(inv.layers + 1, Range{});
    m_blockBytesFrom.assign(inv.layers + 1, 0);
    std::vector<Range> block(inv.layers);
    std::vector<Bytes> blockBytes(inv.layers, 0);
    const auto widen = [](Range &r, std::size_t p) {
        r.first = r.any ? std::min(r.first, p) : p;
        r.last = r.any ? std::max(r.last, p + 1) : p + 1;
        r.any = true;
    };
    for (std::size_t p = 0; p < m_order.size(); ++p) {
        const Tensor &t = *m_order[p];
        m_before[p + 1] = m_before[p] + t.bytes;
        int unit = -1;
        if (expertHostLayers > 0 && expertOnHost(t, expertHostLayers))
            unit = -1; // a tensor buffer override keeps it in the CPU's buffer
        else if (t.layer < 0)
            unit = tiedEmbeddings ? n : -1; // the tied output copy is a TENSOR_DUPLICATED of this tensor
        else
            unit = std::min(t.layer, n);
        m_unit.push_back(unit);
        if (unit == n) {
            widen(m_output, p);
            m_outputBytes += t.bytes;
        } else if (unit >= 0) {
            widen(block[static_cast<std::size_t>(unit)], p);
            blockBytes[static_cast<std::size_t>(unit)] += t.bytes;
        }
    }
    for (std::size_t b = inv.layers; b-- > 0;) {
        Range r = m_blocksFrom[b + 1];
        if (block[b].any) {
            if (r.any) {
                r.first = std::min(r.first, block[b].first);
                r.last = std::max(r.last, block[b].last);
            } else {
                r = block[b];
            }
        }
        m_blocksFrom[b] = r;
        m_blockBytesFrom[b] = m_blockBytesFrom[b + 1] + blockBytes[b];
    }
}

MappedSpan::Range MappedSpan::held(std::uint32_t firstBlock, bool output) const
{
    if (m_blocksFrom.empty())
        return {};
    Range r = m_blocksFrom[std::min<std::size_t>(firstBlock, m_layers)];
    if (output && m_output.any) {
        r.first = r.any ? std::min(r.first, m_output.first) : m_output.first;
        r.last = r.any ? std::max(r.last, m_output.last) : m_output.last;
        r.any = true;
    }
    return r;
}

bool MappedSpan::holds(std::size_t position, std::uint32_t firstBlock, bool output) const
{
    const int unit = m_unit[position];
    if (unit < 0)
        return false;
    if (static_cast<std::uint32_t>(unit) == m_layers)
        return output;
    return static_cast<std::uint32_t>(unit) >= firstBlock;
}

Bytes MappedSpan::extra(std::uint32_t firstBlock, bool output) const
{
    const Range r = held(firstBlock, output);
    if (!r.any)
        return 0;
    const Bytes heldBytes = m_blockBytesFrom[std::min<std::size_t>(firstBlock, m_layers)] + (output ? m_outputBytes : 0);
    return m_before[r.last] - m_before[r.first] - heldBytes;
}

std::vector<const Tensor *> MappedSpan::inside(std::uint32_t firstBlock, bool output) const
{
    std::vector<const Tensor *> out;
    const Range r = held(firstBlock, output);
    if (!r.any)
        return out;
    for (std::size_t p = r.first; p < r.last; ++p)
        if (!holds(p, firstBlock, output))
            out.push_back(m_order[p]);
    return out;
}

} // namespace headroom
