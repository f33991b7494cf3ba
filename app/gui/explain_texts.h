// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/explanation.h>

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace headroom::gui {

/**
 * Words (translated) for the explanation's codes: terms, factors, assumptions and the inputs that change them.
 * The one place the window words them; the details pane and the chart's tooltips both ask here.
 */
class ExplainTexts
{
    Q_DECLARE_TR_FUNCTIONS(ExplainTexts)
public:
    /** A size with a unit that keeps it readable: "96 bytes", "12.0 KiB", "448 MiB", "4.52 GiB". */
    [[nodiscard]] static QString size(Bytes bytes);
    /** The exact count: "469,762,048 bytes". */
    [[nodiscard]] static QString exactBytes(Bytes bytes);
    [[nodiscard]] static QString role(TensorRole r);
    /** What a term is: "Attention: 112 tensors in Q4_K", "Full-attention layers (q8_0)", "FFN scratch". */
    [[nodiscard]] static QString term(const ExplainTerm &t);
    /** One factor: "28 layers", "4 KV heads", "(K+V)", "2 bytes", "8,192 tokens". */
    [[nodiscard]] static QString factor(const ExplainFactor &f);
    /**
     * How a term's bytes come about, without its result: "28 layers × 4 KV heads × 128 dims × (K+V) × 2 bytes ×
     * 8,192 tokens" for a product, "256 MiB + 4.0 MiB" for a sum of a few parts, empty for a figure as given.
     */
    [[nodiscard]] static QString arithmetic(const ExplainTerm &t);
    /** "Change with: Context length"; empty for an assumption no input changes. */
    [[nodiscard]] static QString changeWith(InputCode input);
    [[nodiscard]] static QString input(InputCode input);
    /** The assumption as a sentence; `deviceName` names Placement::devices[i] for a per-device one. */
    [[nodiscard]] static QString assumption(const Assumption &a, const std::function<QString(int)> &deviceName);
    /** "Layers 0–17 and the output layer" for the offload units a device holds (`units` = Placement::totalLayers). */
    [[nodiscard]] static QString units(const std::vector<UnitRun> &runs, std::uint32_t units);
    /** Rich text for a chart tooltip: each counted term with its arithmetic, then the candidates not counted. */
    [[nodiscard]] static QString summary(const SegmentExplanation &s);
};

} // namespace headroom::gui
