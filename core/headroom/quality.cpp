// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/quality.h"

#include <cmath>

namespace headroom {
namespace {

/** Studies quote sizes to one decimal (7.6B, 8B): within 25 % is the same size class. */
constexpr double kSameClass = 1.25;

/** The rows of `quant` that may speak for a model of `sizeB`: the largest evaluated size up to it, and its class. */
std::optional<Recovery> ownRows(const Catalog &catalog, const Quantization &quant, double sizeB, bool &measuredAnywhere)
{
    std::vector<RecoveryEvidence> rows;
    for (const auto &study : catalog.recoveryStudies())
        for (const auto &row : study.rows)
            if (row.quant == quant.id) {
                measuredAnywhere = true;
                if (row.paramsB <= sizeB * kSameClass)
                    rows.push_back({&study, &row});
            }
    if (rows.empty())
        return std::nullopt;
    double nearest = 0.0;
    for (const auto &e : rows)
        nearest = std::max(nearest, e.row->paramsB);
    Recovery r;
    r.evaluatedParamsB = nearest;
    double sum = 0.0;
    for (const auto &e : rows)
        if (e.row->paramsB * kSameClass >= nearest) {
            r.evidence.push_back(e);
            sum += e.row->recovery();
        }
    r.measured = sum / static_cast<double>(r.evidence.size());
    r.factor = std::min(1.0, r.measured);
    return r;
}

/**
 * Whether `lesser` is measured to keep less of the model than `q`: a larger KL divergence from the FP16
 * logits on the same model (llama.cpp's perplexity table). The divergence orders them; it is never turned
 * into an accuracy.
 */
bool keepsLess(const Quantization &lesser, const Quantization &q)
{
    return lesser.quality && q.quality && lesser.quality->kld && q.quality->kld && *lesser.quality->kld > *q.quality->kld;
}

} // namespace

std::variant<Recovery, QualityGap> measuredRecovery(const Catalog &catalog, const Quantization &quant, const ModelSpec &model)
{
    // The released precision keeps the model as it is: 16-bit checkpoints, and the format a model itself ships in
    // (gpt-oss's MXFP4 experts, models.json released_as).
    if (quant.lossless || quant.id == model.releasedAs)
        return Recovery{1.0, 1.0, true, 0.0, nullptr, {}};
    // A model of unknown size (params 0) is treated as the smallest: no larger model speaks for it.
    const double sizeB = static_cast<double>(model.params) / 1e9;
    bool measuredAnywhere = false;
    if (auto own = ownRows(catalog, quant, sizeB, measuredAnywhere))
        return std::move(*own);
    std::optional<Recovery> bound;
    for (const auto &lesser : catalog.quantizations())
        if (lesser.format == quant.format && keepsLess(lesser, quant)) {
            bool ignored = false;
            auto r = ownRows(catalog, lesser, sizeB, ignored);
            if (r && (!bound || r->factor > bound->factor)) {
                r->boundFrom = &lesser;
                bound = std::move(r);
            }
        }
    if (bound)
        return std::move(*bound);
    return measuredAnywhere ? QualityGap::MeasuredOnLarger : QualityGap::NotMeasured;
}

std::variant<ExpectedQuality, QualityGap> expectedQuality(const Catalog &catalog, const Metric &metric, const ModelSpec &model,
                                                          const Quantization &quant)
{
    const MetricScore *score = metric.scoreFor(model.id);
    if (!score)
        return QualityGap::NoScore;
    auto recovery = measuredRecovery(catalog, quant, model);
    if (const auto *gap = std::get_if<QualityGap>(&recovery))
        return *gap;
    return ExpectedQuality{score->score * std::get<Recovery>(recovery).factor, score, std::move(std::get<Recovery>(recovery))};
}

} // namespace headroom
