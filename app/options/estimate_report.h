// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advisor.h>
#include <headroom/catalog.h>
#include <headroom/placement.h>
#include <headroom/request_resolver.h>

#include <vector>

namespace headroom::options {

/**
 * One result as the exporters see it: what was asked, what it resolved to, the engine's placement and the
 * fixes the advisor priced. The CLI and the GUI fill it from the same resolve + estimate, so an export from
 * either front end says the same thing. Borrowed: everything must outlive the report.
 */
struct EstimateReport {
    const RequestInputs *inputs = nullptr; ///< as given: an empty ctx means the engine chose the context
    const ResolvedRequest *resolved = nullptr;
    const Placement *placement = nullptr;
    const std::vector<Fix> *fixes = nullptr; ///< may be null: no fixes

    /** The engine chose the context (none was asked for; llama.cpp may also have fitted it, see CtxFitted). */
    [[nodiscard]] bool contextChosenByEngine() const { return !inputs || !inputs->ctx.has_value(); }
};

/**
 * The fixes worth showing for a placement: the advisor's, when the request does not fit entirely on its
 * GPUs (the window's banner and the CLI's Markdown use the same rule).
 */
[[nodiscard]] std::vector<Fix> fixesFor(const Catalog &catalog, const RequestInputs &inputs, const ResolvedRequest &resolved,
                                        const Placement &placement);

} // namespace headroom::options
