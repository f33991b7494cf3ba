// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advisor.h>
#include <headroom/request_resolver.h>

#include <memory>
#include <optional>
#include <vector>

namespace headroom::gui {

/** One recompute: the resolved request, the engine's placement and its fixes (or why it could not run). */
struct Evaluation {
    std::shared_ptr<ResolvedRequest> resolved; ///< shared: the request points into its inventory
    std::optional<Placement> placement;
    std::vector<Fix> fixes;
    std::optional<ResolveError> error;

    [[nodiscard]] bool ok() const { return placement.has_value(); }
};

/** resolveRequest + estimate (+ suggestFixes when it does not fit entirely on the GPUs). */
[[nodiscard]] Evaluation evaluate(const Catalog &catalog, const RequestInputs &inputs, bool withFixes = true);

} // namespace headroom::gui
