// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation.h"

namespace headroom::gui {

Evaluation evaluate(const Catalog &catalog, const RequestInputs &inputs, bool withFixes)
{
    Evaluation e;
    auto result = resolveRequest(catalog, inputs);
    if (auto *err = std::get_if<ResolveError>(&result)) {
        e.error = std::move(*err);
        return e;
    }
    e.resolved = std::make_shared<ResolvedRequest>(std::move(std::get<ResolvedRequest>(result)));
    e.placement = estimate(e.resolved->request);
    if (withFixes && e.resolved->quant && !e.resolved->request.devices.empty() &&
        (e.placement->verdict == Verdict::PartialOffload || e.placement->verdict == Verdict::DoesNotFit))
        e.fixes = suggestFixes(catalog, e.resolved->request, *e.resolved->quant);
    return e;
}

} // namespace headroom::gui
