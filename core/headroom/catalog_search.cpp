// SPDX-License-Identifier: GPL-3.0-or-later
// Name resolution: what a person typed (catalog id, Hugging Face repo, alias, Ollama tag, a near miss) to a
// catalog entry. Loading and validation live in catalog.cpp.
#include "headroom/catalog.h"

#include <algorithm>

namespace headroom {
namespace {

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

} // namespace

std::optional<ModelMatch> Catalog::resolveModel(std::string_view key) const
{
    const auto lower = toLowerAscii(key);
    for (const auto &m : m_models) {
        if (m.id == lower || toLowerAscii(m.hfRepo) == lower)
            return ModelMatch{&m, {}, nullptr};
        for (const auto &a : m.aliases)
            if (toLowerAscii(a) == lower)
                return ModelMatch{&m, {}, nullptr};
        for (const auto &t : m.ollama)
            if (t.tag == lower)
                return ModelMatch{&m, t.quant, &t};
    }
    // An Ollama tag with a quantization suffix we do not list, e.g. "qwen2.5:7b-instruct-q8_0":
    // peel the quant off the end, then drop qualifiers until a known tag remains.
    const auto colon = lower.find(':');
    if (colon == std::string::npos)
        return std::nullopt;
    std::string rest = lower;
    std::string quant;
    const auto quantStart = [&]() -> std::size_t {
        for (std::size_t pos = rest.find('-', colon); pos != std::string::npos; pos = rest.find('-', pos + 1))
            if (const auto *q = findQuantization(rest.substr(pos + 1))) {
                quant = q->id;
                return pos;
            }
        return std::string::npos;
    }();
    if (quantStart == std::string::npos)
        return std::nullopt;
    rest.resize(quantStart);
    while (rest.size() > colon + 1) {
        for (const auto &m : m_models)
            for (const auto &t : m.ollama)
                if (t.tag == rest)
                    return ModelMatch{&m, quant, nullptr};
        const auto dash = rest.rfind('-');
        if (dash == std::string::npos || dash <= colon)
            break;
        rest.resize(dash);
    }
    return std::nullopt;
}

std::vector<std::string> Catalog::suggest(CatalogKind kind, std::string_view key, std::size_t count) const
{
    std::vector<std::string> keys;
    switch (kind) {
    case CatalogKind::Model:
        for (const auto &m : m_models) {
            keys.push_back(m.id);
            keys.push_back(m.hfRepo);
            for (const auto &t : m.ollama)
                keys.push_back(t.tag);
        }
        break;
    case CatalogKind::Quantization:
        for (const auto &q : m_quants)
            keys.push_back(q.id);
        break;
    case CatalogKind::Hardware:
        for (const auto &h : m_hardware)
            keys.push_back(h.id);
        break;
    case CatalogKind::Engine:
        for (const auto &e : m_engines)
            keys.push_back(e.id);
        break;
    case CatalogKind::Metric:
        for (const auto &m : m_metrics)
            keys.push_back(m.id);
        break;
    }
    const auto lower = toLowerAscii(key);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (auto &k : keys) {
        const auto lk = toLowerAscii(k);
        // A key that contains what was typed (or vice versa) is a better guess than edit distance alone says.
        const bool contains = !lower.empty() && (lk.find(lower) != std::string::npos || lower.find(lk) != std::string::npos);
        scored.emplace_back(contains ? 0 : editDistance(lower, lk) + 1, std::move(k));
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (const auto &[score, k] : scored) {
        if (out.size() == count)
            break;
        if (std::find(out.begin(), out.end(), k) == out.end())
            out.push_back(k);
    }
    return out;
}

} // namespace headroom
