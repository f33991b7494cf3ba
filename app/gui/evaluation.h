// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advisor.h>
#include <headroom/io/io_error.h>
#include <headroom/offload_choice.h>
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
    std::optional<io::IoError> fileError;   ///< the model is a file that could not be read
    RequestInputs inputs{};                 ///< as evaluated (a model file read): what the exports report
    std::optional<ExpertOffload> experts{}; ///< layers spill to RAM: the MoE's experts alone instead (with the fixes)

    [[nodiscard]] bool ok() const { return placement.has_value(); }
};

class ModelFiles;

/**
 * resolveRequest + estimate (+ suggestFixes when it does not fit entirely on the GPUs). When the model key
 * is a path (and `inputs.file` is not set yet), the file is read through `files` (once per file); without `files`
 * a path is an unknown model.
 */
[[nodiscard]] Evaluation evaluate(const Catalog &catalog, RequestInputs inputs, ModelFiles *files, bool withFixes = true);

} // namespace headroom::gui
