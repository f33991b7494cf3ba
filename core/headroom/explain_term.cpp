// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/explain_term.h"

#include <algorithm>

namespace headroom {

bool ExplainTerm::isProduct() const
{
    return std::any_of(factors.begin(), factors.end(), [](const ExplainFactor &f) { return f.use == FactorUse::Multiply; });
}

Bytes ExplainTerm::factorValue() const
{
    // Every multiplier first, then every divisor: the order the sizing code rounds in (one floor at the end).
    Bytes value = 1;
    for (const auto &f : factors)
        if (f.use == FactorUse::Multiply)
            value = saturatingMul(value, f.value);
    for (const auto &f : factors)
        if (f.use == FactorUse::Divide && f.value > 0)
            value /= f.value;
    return value;
}

ExplainTerm productTerm(TermKind kind, std::vector<ExplainFactor> factors)
{
    ExplainTerm t;
    t.kind = kind;
    t.factors = std::move(factors);
    t.bytes = t.factorValue();
    return t;
}

ExplainTerm sumTerm(TermKind kind, std::vector<ExplainTerm> parts)
{
    ExplainTerm t;
    t.kind = kind;
    for (const auto &p : parts)
        t.bytes += p.bytes;
    t.parts = std::move(parts);
    return t;
}

ExplainTerm givenTerm(TermKind kind, Bytes bytes)
{
    ExplainTerm t;
    t.kind = kind;
    t.bytes = bytes;
    return t;
}

Bytes markLargest(std::vector<ExplainTerm> &candidates)
{
    const auto best = std::max_element(candidates.begin(), candidates.end(),
                                       [](const ExplainTerm &a, const ExplainTerm &b) { return a.bytes < b.bytes; });
    for (auto it = candidates.begin(); it != candidates.end(); ++it)
        it->counted = it == best;
    return best == candidates.end() ? 0 : best->bytes;
}

} // namespace headroom
