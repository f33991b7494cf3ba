// SPDX-License-Identifier: GPL-3.0-or-later
#include "quant_texts.h"

#include "advice_texts.h"
#include "texts.h"

#include <recovery_text.h>

#include <algorithm>
#include <cmath>

namespace headroom::gui {
namespace {

QString gib(Bytes b)
{
    return Texts::gib(static_cast<double>(b) / static_cast<double>(GiB));
}

QString dash()
{
    return QStringLiteral("\u2014");
}

} // namespace

std::optional<double> QuantTexts::recoveryPercent(const QuantRow &row)
{
    const auto *r = std::get_if<Recovery>(&row.recovery);
    if (!r)
        return std::nullopt;
    return r->factor * 100.0;
}

QString QuantTexts::recovery(const QuantRow &row)
{
    const auto *r = std::get_if<Recovery>(&row.recovery);
    if (!r)
        return tr("not measured");
    if (r->lossless)
        return tr("100 % (lossless)");
    const QString percent = tr("%1 %").arg(Texts::number(r->factor * 100.0, 1));
    return r->boundFrom ? tr("\u2265 %1").arg(percent) : percent;
}

QString QuantTexts::measuredOn(const QuantRow &row)
{
    if (const auto *gap = std::get_if<QualityGap>(&row.recovery))
        return *gap == QualityGap::MeasuredOnLarger ? tr("only on larger models, which lose less") : tr("no study measured it");
    const auto &r = std::get<Recovery>(row.recovery);
    if (r.lossless)
        return tr("the released precision");
    const QString on = tr("%1, %2").arg(QString::fromStdString(options::recoveryBenchmarks(r)),
                                        Texts::paramsText(static_cast<std::uint64_t>(std::llround(r.evaluatedParamsB * 1e9))));
    return r.boundFrom ? tr("%1 (bound from %2)").arg(on, QString::fromStdString(r.boundFrom->id)) : on;
}

QString QuantTexts::verdict(const Placement &p)
{
    if (p.verdict == Verdict::PartialOffload && !p.devices.empty())
        return tr("%1, %2/%3 layers").arg(Texts::verdict(p.verdict)).arg(p.gpuLayers).arg(p.totalLayers);
    return Texts::verdict(p.verdict);
}

QString QuantTexts::headroom(const Placement &p)
{
    if (p.verdict == Verdict::PartialOffload)
        return dash(); // what a GPU keeps free beside layers in system RAM says little; the verdict says how many moved
    const long long h = p.headroomBytes();
    if (h < 0)
        return tr("short by %1").arg(gib(static_cast<Bytes>(-h)));
    return gib(static_cast<Bytes>(h));
}

QString QuantTexts::speed(const Placement &p)
{
    if (p.verdict == Verdict::DoesNotFit)
        return dash();
    return AdviceTexts::speed(p);
}

QString QuantTexts::maxContext(const Placement &p)
{
    return p.maxContext > 0 ? Texts::tokens(p.maxContext) : dash();
}

QString QuantTexts::details(const QuantRow &row)
{
    const Placement &p = row.placement;
    const auto html = [](const QString &s) { return s.toHtmlEscaped(); };
    QString text = QStringLiteral("<b>%1</b>").arg(html(QString::fromStdString(row.quant->name)));
    text += QStringLiteral("<br/>") +
            tr("Weights: %1 (%2 bits per weight for this model)").arg(gib(row.weights), Texts::number(row.bitsPerWeight, 2));
    text += QStringLiteral("<br/>") + tr("Quality recovery: %1").arg(html(recovery(row)));
    const Bytes onGpus = devicesTotal(p);
    text += QStringLiteral("<br/>") +
            tr("%1: %2").arg(html(verdict(p)), p.devices.empty() ? tr("%1 of system RAM").arg(gib(p.host.total()))
                                               : p.host.total() > 0 && p.verdict == Verdict::PartialOffload
                                                   ? tr("%1 on the GPU + %2 of system RAM").arg(gib(onGpus), gib(p.host.total()))
                                                   : tr("%1 on the GPU").arg(gib(onGpus)));
    text += QStringLiteral("<br/>") + tr("Decode: %1").arg(html(speed(p)));
    // CPU only: the context lives in system RAM, and "on the GPU" would name a device the machine does not have.
    text += QStringLiteral("<br/>") +
            (p.maxContext > 0 ? (p.devices.empty() ? tr("Longest context in system RAM: %1 tokens") : tr("Longest context: %1 tokens"))
                                    .arg(Texts::tokens(p.maxContext))
                              : (p.devices.empty() ? tr("Longest context: none fits in system RAM")
                                                   : tr("Longest context: none keeps every layer on the GPU")));
    if (const auto *r = std::get_if<Recovery>(&row.recovery))
        text += QStringLiteral("<p>") + AdviceTexts::recovery(*row.quant, *r) + QStringLiteral("</p>");
    else if (std::get<QualityGap>(row.recovery) == QualityGap::MeasuredOnLarger)
        text += QStringLiteral("<p>") +
                tr("Studies measured %1 only on larger models, which lose less: their figure is not applied to a smaller one.")
                    .arg(html(QString::fromStdString(row.quant->id))) +
                QStringLiteral("</p>");
    else
        text += QStringLiteral("<p>") +
                tr("No published study measured the quality recovery of %1.").arg(html(QString::fromStdString(row.quant->id))) +
                QStringLiteral("</p>");
    return text;
}

} // namespace headroom::gui
