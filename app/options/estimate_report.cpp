// SPDX-License-Identifier: GPL-3.0-or-later
#include "estimate_report.h"

namespace headroom::options {

std::vector<Fix> fixesFor(const Catalog &catalog, const RequestInputs &inputs, const ResolvedRequest &resolved, const Placement &placement)
{
    // Fixes only make sense for GPUs that do not hold it all (the window and the CLI's Markdown both ask here).
    if (!resolved.quant || resolved.request.devices.empty())
        return {};
    if (placement.verdict != Verdict::PartialOffload && placement.verdict != Verdict::DoesNotFit)
        return {};
    return suggestFixes(catalog, inputs, resolved);
}

} // namespace headroom::options
