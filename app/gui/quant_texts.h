// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/quant_explorer.h>

#include <QCoreApplication>
#include <QString>

namespace headroom::gui {

/** Words (translated) for the quantization explorer's rows: the table's cells and the chart's tooltip. */
class QuantTexts
{
    Q_DECLARE_TR_FUNCTIONS(QuantTexts)
public:
    /** The recovery the chart plots, in percent: the applied factor (at most 100 %); empty for a gap. */
    [[nodiscard]] static std::optional<double> recoveryPercent(const QuantRow &row);
    /** "99.6 %", "≥ 99.6 %" (a lower bound), "100 % (lossless)", "not measured". */
    [[nodiscard]] static QString recovery(const QuantRow &row);
    /** The benchmarks and size the figure rests on, or why there is none. */
    [[nodiscard]] static QString measuredOn(const QuantRow &row);
    /** "Fits", "Partial offload, 20/37 layers" ... */
    [[nodiscard]] static QString verdict(const Placement &p);
    /** Headroom on the fullest GPU, "short by …" when over, "—" for a partial offload. */
    [[nodiscard]] static QString headroom(const Placement &p);
    /** "60 tok/s"; "—" where it does not run; "unknown" without a bandwidth figure. */
    [[nodiscard]] static QString speed(const Placement &p);
    /** "40,960" (tokens), "—" when not even the shortest context keeps every layer on the GPUs. */
    [[nodiscard]] static QString maxContext(const Placement &p);
    /** Rich text for a chart point or a row: size, bits, recovery and its evidence, verdict, memory, speed. */
    [[nodiscard]] static QString details(const QuantRow &row);
};

} // namespace headroom::gui
