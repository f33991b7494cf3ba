// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/plan.h>

#include <QCoreApplication>
#include <QString>

namespace headroom::gui {

/** Words (translated) for the "What to buy" rows: hardware, prices in the currency their source gives, speeds. */
class PlanTexts
{
    Q_DECLARE_TR_FUNCTIONS(PlanTexts)
public:
    /** "USD", "CNY": the codes, never translated (a price is shown in the currency its source gives). */
    [[nodiscard]] static QString currencyCode(Currency c);
    /** "$1,599", "¥12,999": whole units, with the locale's digit grouping. */
    [[nodiscard]] static QString money(double amount, Currency c);
    /** "GeForce RTX 4090", "2 × GeForce RTX 4090", "GeForce RTX 4090 + GeForce RTX 3090",
     *  "4 × Apple M4 Pro 64GB over RPC", "2 machines × (4 × GeForce RTX 4090) over RPC". */
    [[nodiscard]] static QString hardware(const PlanOption &o);
    /** "Fits", "Partial offload, 20/37 layers" ... */
    [[nodiscard]] static QString verdict(const PlanOption &o);
    /** "60 tok/s"; "—" where it does not run; "no bandwidth figure" where the catalog has none. */
    [[nodiscard]] static QString speed(const PlanOption &o);
    /** Prompt processing: "1,234 tok/s", or why it is unknown (no compute figure, layers in system RAM). */
    [[nodiscard]] static QString prefill(const PlanOption &o);
    /** The launch price, or "no CNY price" where the catalog has none in that currency. */
    [[nodiscard]] static QString price(const PlanOption &o, Currency c);
    /** Launch price per usable GB, or why there is none. */
    [[nodiscard]] static QString pricePerUsableGb(const PlanOption &o, Currency c);
    /** Launch price per decoded token/s, or why there is none ("no bandwidth figure", "—" where it does not run). */
    [[nodiscard]] static QString pricePerTokensPerSecond(const PlanOption &o, Currency c);
    /** Where each part's price comes from (the catalog entry's source), one line per kind of device. */
    [[nodiscard]] static QString priceSource(const PlanOption &o, Currency c);
    /** Rich text for a row's tooltip: hardware, verdict, memory, speed, price and its source, what a double-click does. */
    [[nodiscard]] static QString details(const PlanOption &o, Currency c);
    /** The sort key's name for the combo box: "Price", "Price per usable GB" ... */
    [[nodiscard]] static QString sortName(PlanSort s);
    /** Whether a double-click can put the option into the Estimate inputs: one box, at most two kinds of card. */
    [[nodiscard]] static bool appliesToEstimate(const PlanOption &o);
};

} // namespace headroom::gui
