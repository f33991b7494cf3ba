// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan_texts.h"

#include "quant_texts.h"
#include "texts.h"

#include <QStringList>

namespace headroom::gui {
namespace {

QString dash()
{
    return QStringLiteral("\u2014");
}

QString html(const QString &s)
{
    return s.toHtmlEscaped();
}

/** One box's devices: "GeForce RTX 4090", "2 × GeForce RTX 4090", "GeForce RTX 4090 + GeForce RTX 3090". */
QString box(const PlanOption &o)
{
    QStringList parts;
    for (const PlanPart &p : o.parts) {
        const QString name = p.hardware ? QString::fromStdString(p.hardware->name) : QString();
        parts << (p.count > 1 ? PlanTexts::tr("%1 \u00d7 %2").arg(p.count).arg(name) : name);
    }
    return parts.join(QStringLiteral(" + "));
}

bool runs(const PlanOption &o)
{
    return o.placement.verdict != Verdict::DoesNotFit;
}

} // namespace

QString PlanTexts::currencyCode(Currency c)
{
    return QString::fromLatin1(currencyName(c));
}

QString PlanTexts::money(double amount, Currency c)
{
    // Whole units: launch prices are list prices, and a cent of a price per GB says nothing.
    const QString n = Texts::number(amount, 0);
    return c == Currency::Cny ? tr("\u00a5%1").arg(n) : tr("$%1").arg(n);
}

QString PlanTexts::hardware(const PlanOption &o)
{
    if (o.machines <= 1)
        return box(o);
    const bool single = o.parts.size() == 1 && o.parts.front().count <= 1;
    return single ? tr("%1 \u00d7 %2 over RPC").arg(o.machines).arg(box(o))
                  : tr("%1 machines \u00d7 (%2) over RPC").arg(o.machines).arg(box(o));
}

QString PlanTexts::verdict(const PlanOption &o)
{
    return QuantTexts::verdict(o.placement);
}

QString PlanTexts::speed(const PlanOption &o)
{
    if (!runs(o))
        return dash();
    if (o.placement.decodeTokensPerSecond <= 0)
        return tr("no bandwidth figure");
    return tr("%1 tok/s").arg(Texts::number(o.placement.decodeTokensPerSecond, o.placement.decodeTokensPerSecond < 10 ? 1 : 0));
}

QString PlanTexts::prefill(const PlanOption &o)
{
    if (!runs(o))
        return dash();
    const double tps = o.placement.prefillTokensPerSecond;
    if (tps <= 0)
        return o.placement.gpuLayers < o.placement.totalLayers ? tr("layers in RAM") : tr("no compute figure");
    return tr("%1 tok/s").arg(Texts::number(tps, tps < 10 ? 1 : 0));
}

QString PlanTexts::price(const PlanOption &o, Currency c)
{
    if (!o.price)
        return tr("no %1 price").arg(currencyCode(c));
    return money(*o.price, c);
}

// Without a price the Launch price cell says so; the two cells derived from it stay quiet.
QString PlanTexts::pricePerUsableGb(const PlanOption &o, Currency c)
{
    if (!o.pricePerUsableGb)
        return dash();
    return money(*o.pricePerUsableGb, c);
}

QString PlanTexts::pricePerTokensPerSecond(const PlanOption &o, Currency c)
{
    if (!runs(o) || !o.price)
        return dash();
    if (o.placement.decodeTokensPerSecond <= 0 || !o.pricePerTokensPerSecond)
        return tr("no bandwidth figure");
    return money(*o.pricePerTokensPerSecond, c);
}

QString PlanTexts::priceSource(const PlanOption &o, Currency c)
{
    QStringList lines;
    for (const PlanPart &p : o.parts) {
        if (!p.hardware)
            continue;
        const Hardware &h = *p.hardware;
        const auto launch = launchPrice(h, c);
        const QString name = QString::fromStdString(h.name);
        if (!launch)
            lines << tr("%1: no %2 launch price in the catalog").arg(name, currencyCode(c));
        else
            lines << tr("%1: %2 at launch (%3)").arg(name, money(*launch, c), QString::fromStdString(h.source));
    }
    return lines.join(QLatin1Char('\n'));
}

QString PlanTexts::details(const PlanOption &o, Currency c)
{
    const Placement &p = o.placement;
    QString text = QStringLiteral("<b>%1</b>").arg(html(hardware(o)));
    text += QStringLiteral("<br/>") + tr("%1, %2 usable").arg(html(verdict(o)), Texts::gib(toGiB(o.usable)));
    text += QStringLiteral("<br/>") + tr("Headroom: %1").arg(html(QuantTexts::headroom(p)));
    text += QStringLiteral("<br/>") + html(o.placement.decodeTokensPerSecond > 0 ? Texts::decodeSpeed(o.placement) : speed(o));
    if (const QString prefill = Texts::prefillSpeed(o.placement); !prefill.isEmpty())
        text += QStringLiteral("<br/>") + html(prefill);
    if (o.machines > 1)
        text += QStringLiteral("<br/>") + tr("Each machine holds its own layers and their KV cache, a compute buffer and the runtime; "
                                             "the network between them limits the speed.");
    text += QStringLiteral("<br/>") + tr("Launch price: %1 (the price the source gives, not converted)").arg(html(price(o, c)));
    for (const QString &line : priceSource(o, c).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        text += QStringLiteral("<br/>") + html(line);
    text += QStringLiteral("<br/><i>") +
            (appliesToEstimate(o) ? tr("Double-click to use this hardware in the Estimate tab")
                                  : tr("Several machines: the Estimate tab holds one machine, so a double-click does not apply it")) +
            QStringLiteral("</i>");
    return text;
}

QString PlanTexts::sortName(PlanSort s)
{
    switch (s) {
    case PlanSort::Price: return tr("Price");
    case PlanSort::PricePerUsableGb: return tr("Price per usable GB");
    case PlanSort::PricePerTokensPerSecond: return tr("Price per token/s");
    case PlanSort::Speed: return tr("Decode speed");
    case PlanSort::Headroom: return tr("Headroom");
    }
    return {};
}

bool PlanTexts::appliesToEstimate(const PlanOption &o)
{
    if (o.machines > 1 || o.parts.empty() || o.parts.size() > 2)
        return false;
    for (const PlanPart &p : o.parts)
        if (!p.hardware || p.count < 1 || p.count > 8)
            return false;
    return true;
}

} // namespace headroom::gui
