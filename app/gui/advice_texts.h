// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advise.h>

#include <QCoreApplication>
#include <QString>

namespace headroom::gui {

/** Words (translated) for the advisor's candidates: cells, the chart's tooltip and where each figure comes from. */
class AdviceTexts
{
    Q_DECLARE_TR_FUNCTIONS(AdviceTexts)
public:
    /** "MMLU-Redux (knowledge)" */
    [[nodiscard]] static QString metricTitle(const Metric &m);
    /** Expected quality with one decimal, as the tables and the chart show it. */
    [[nodiscard]] static QString quality(double value);
    /** "60 tok/s", or "unknown" where the hardware has no bandwidth figure. */
    [[nodiscard]] static QString speed(const Placement &p);
    /** Rich text: expected quality = score x recovery, the metric's evaluation and source, the recovery's evidence. */
    [[nodiscard]] static QString sources(const Candidate &c, const Metric &m);
    /** Rich text: a quantization's measured recovery, what it rests on (or that it is lossless), each study's source. */
    [[nodiscard]] static QString recovery(const Quantization &quant, const Recovery &r);
    /** Rich text for a chart point: model, quantization, memory, expected quality, speed. */
    [[nodiscard]] static QString point(const Candidate &c, const Metric &m);
    /** Where the memory goes: on the GPUs, plus system RAM for a partial offload. */
    [[nodiscard]] static QString memory(const Candidate &c);
};

} // namespace headroom::gui
