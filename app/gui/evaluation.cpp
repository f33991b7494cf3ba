// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation.h"

#include "estimate_report.h"

#include "model_files.h"

namespace headroom::gui {

Evaluation evaluate(const Catalog &catalog, RequestInputs inputs, ModelFiles *files, bool withFixes)
{
    Evaluation e;
    if (!inputs.file && files && ModelFiles::isPath(QString::fromStdString(inputs.model))) {
        const auto &loaded = files->load(inputs.model);
        if (const auto *err = std::get_if<io::IoError>(&loaded)) {
            e.fileError = *err;
            return e;
        }
        inputs.file = std::get<std::shared_ptr<const FileModel>>(loaded);
    }
    e.inputs = inputs;
    auto result = resolveRequest(catalog, inputs);
    if (auto *err = std::get_if<ResolveError>(&result)) {
        e.error = std::move(*err);
        return e;
    }
    e.resolved = std::make_shared<ResolvedRequest>(std::move(std::get<ResolvedRequest>(result)));
    e.placement = estimate(e.resolved->request);
    if (withFixes) {
        e.fixes = options::fixesFor(catalog, inputs, *e.resolved, *e.placement);
        e.experts = expertOffloadFor(e.resolved->request, *e.placement);
    }
    return e;
}

} // namespace headroom::gui
