// SPDX-License-Identifier: GPL-3.0-or-later
#include "advice_texts.h"

#include "texts.h"

#include <QLocale>

#include <algorithm>
#include <vector>

namespace headroom::gui {
namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

/** A study's figure as the study printed it (0.6295 or 65.3): significant digits, not a fixed number of decimals. */
QString asPrinted(double v)
{
    return QLocale().toString(v, 'g', 6);
}

} // namespace

QString AdviceTexts::metricTitle(const Metric &m)
{
    return tr("%1 (%2)").arg(QString::fromStdString(m.name), Texts::skill(m.skill));
}

QString AdviceTexts::quality(double value)
{
    return Texts::number(value, 1);
}

QString AdviceTexts::speed(const Placement &p)
{
    return p.decodeTokensPerSecond > 0 ? tr("%1 tok/s").arg(Texts::number(p.decodeTokensPerSecond, 0)) : tr("unknown");
}

QString AdviceTexts::memory(const Candidate &c)
{
    if (!c.partial || c.placement.devices.empty())
        return Texts::gib(toGiB(c.memory));
    const Bytes onGpus = devicesTotal(c.placement);
    return tr("%1 on the GPU + %2 of system RAM (%3 of %4 layers on the GPU)")
        .arg(Texts::gib(toGiB(onGpus)), Texts::gib(toGiB(c.placement.host.total())))
        .arg(c.placement.gpuLayers)
        .arg(c.placement.totalLayers);
}

QString AdviceTexts::point(const Candidate &c, const Metric &m)
{
    QString text = tr("<b>%1</b> at %2").arg(q(c.model->name), q(c.quant->id));
    text += QStringLiteral("<br/>") + tr("Memory: %1").arg(memory(c));
    if (c.quality)
        text += QStringLiteral("<br/>") + tr("Expected quality: <b>%1</b> = %2 score %3 \u00d7 recovery %4")
                                              .arg(quality(c.quality->value), q(m.name), Texts::number(c.quality->score->score, 1),
                                                   Texts::number(c.quality->recovery.factor, 3));
    text += QStringLiteral("<br/>") + tr("Decode: %1").arg(speed(c.placement));
    text += QStringLiteral("<br/><i>") + tr("Click to use it") + QStringLiteral("</i>");
    // One line per fact: a short tooltip wrapped mid-formula reads badly.
    return QStringLiteral("<div style=\"white-space:nowrap\">") + text + QStringLiteral("</div>");
}

QString AdviceTexts::recovery(const Quantization &quant, const Recovery &r)
{
    QString text;
    if (r.lossless) {
        text = tr("<b>Recovery of %1</b>: lossless, the precision the model was released in (1 by definition)").arg(q(quant.id));
    } else {
        text = tr("<b>Recovery of %1</b>: %2 (quantized score / BF16 score, same benchmark and study)")
                   .arg(q(quant.id), Texts::number(r.factor, 3));
        if (r.boundFrom)
            text += QStringLiteral("<br/>") + tr("lower bound from %1: no study measured %2, which keeps at least what %1 (the same "
                                                 "format, fewer bits per weight) keeps")
                                                  .arg(q(r.boundFrom->id), q(quant.id));
        if (r.measured > r.factor)
            text += QStringLiteral("<br/>") +
                    tr("measured mean %1: above 1 is benchmark noise, not a gain, so it counts as 1").arg(Texts::number(r.measured, 3));
        text += QStringLiteral("<br/>") + tr("measured on models of %1 parameters (the largest evaluated size up to this model's)")
                                              .arg(tr("%1B").arg(Texts::number(r.evaluatedParamsB, 1)));
        std::vector<const RecoveryStudy *> studies; // in the order of the evidence
        for (const auto &e : r.evidence) {
            text += QStringLiteral("<br/>\u2022 ") + tr("%1: %2 (%3), %4 \u2192 %5 (%6)")
                                                         .arg(q(e.study->id), q(e.row->evaluated),
                                                              tr("%1B").arg(Texts::number(e.row->paramsB, 1)), asPrinted(e.row->baseline),
                                                              asPrinted(e.row->score), q(e.row->quant));
            if (std::find(studies.begin(), studies.end(), e.study) == studies.end())
                studies.push_back(e.study);
        }
        for (const RecoveryStudy *s : studies)
            text += QStringLiteral("<br/>") + tr("%1: %2; source: %3").arg(q(s->id), q(s->benchmark), q(s->source));
    }
    return text;
}

QString AdviceTexts::sources(const Candidate &c, const Metric &m)
{
    if (!c.quality)
        return {};
    const ExpectedQuality &eq = *c.quality;
    const Recovery &r = eq.recovery;
    QString text = QStringLiteral("<p>") +
                   tr("<b>Expected quality %1</b> = score %2 \u00d7 recovery %3")
                       .arg(quality(eq.value), Texts::number(eq.score->score, 1), Texts::number(r.factor, 3)) +
                   QStringLiteral("</p>");

    QString score = tr("<b>Score</b>: %1 for %2 in %3").arg(Texts::number(eq.score->score, 1), q(eq.score->evaluated), q(m.name));
    if (!eq.score->note.empty())
        score += QStringLiteral(" (%1)").arg(q(eq.score->note));
    score += QStringLiteral("<br/>") + tr("Evaluation: %1").arg(q(m.evaluation));
    score += QStringLiteral("<br/>") + tr("Source: %1").arg(q(m.source));
    text += QStringLiteral("<p>") + score + QStringLiteral("</p>");

    text += QStringLiteral("<p>") + recovery(*c.quant, r) + QStringLiteral("</p>");
    return text;
}

} // namespace headroom::gui
