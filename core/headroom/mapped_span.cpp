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
    for (std::size_t p = 0; p < m_order.size(); ++p) {
        const Tensor &t = *m_order[p];
        m_before[p + 1] = m_before[p] + t.bytes;
        const bool keptOnHost = expertHostLayers > 0 && expertOnHost(t, expertHostLayers); // a tensor buffer override
        // The tied output copy is a TENSOR_DUPLICATED of token_embd: the output layer holds that tensor's own range.
        const int unit = keptOnHost ? -1 : t.layer < 0 ? (tiedEmbeddings ? n : -1) : std::min(t.layer, n);
        m_unit.push_back(unit);
        if (unit == n) {
            m_output.add({p, p + 1, true});
            m_outputBytes += t.bytes;
        } else if (unit >= 0) {
            block[static_cast<std::size_t>(unit)].add({p, p + 1, true});
            blockBytes[static_cast<std::size_t>(unit)] += t.bytes;
        }
    }
    for (std::size_t b = inv.layers; b-- > 0;) {
        m_blocksFrom[b] = m_blocksFrom[b + 1];
        m_blocksFrom[b].add(block[b]);
        m_blockBytesFrom[b] = m_blockBytesFrom[b + 1] + blockBytes[b];
    }
}

void MappedSpan::Range::add(const Range &o)
{
    if (!o.any)
        return;
    first = any ? std::min(first, o.first) : o.first;
    last = any ? std::max(last, o.last) : o.last;
    any = true;
}

MappedSpan::Range MappedSpan::held(std::uint32_t firstBlock, bool output) const
{
    if (m_blocksFrom.empty())
        return {};
    Range r = m_blocksFrom[std::min<std::size_t>(firstBlock, m_layers)];
    if (output)
        r.add(m_output);
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
