// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advisor.h>
#include <headroom/catalog.h>
#include <headroom/io/io_error.h>
#include <headroom/quality.h>
#include <headroom/request_resolver.h>

#include <QCoreApplication>
#include <QString>

namespace headroom::gui {

/** Words (translated) for the engine's codes: verdicts, notices, fixes and errors. Core hands over codes only. */
class Texts
{
    Q_DECLARE_TR_FUNCTIONS(Texts)
public:
    [[nodiscard]] static QString verdict(Verdict v);
    [[nodiscard]] static QString notice(Notice n);
    [[nodiscard]] static QString fix(const Fix &f);
    [[nodiscard]] static QString resolveError(const ResolveError &e);
    [[nodiscard]] static QString catalogError(const CatalogError &e);
    /** "model.gguf: byte 1234: the file ends early (tensor blk.0.attn_q.weight)" */
    [[nodiscard]] static QString ioError(const io::IoError &e);
    /** A number in the UI language's locale (QLocale's default, set with the translator): "1,234.5" in
     *  English and Chinese, "1.234,5" in German. QString::arg(double) would always write the C locale's form. */
    [[nodiscard]] static QString number(double value, int decimals);
    [[nodiscard]] static QString gib(double gib);
    /** A token count with the locale's digit grouping ("131,072"); the unit is the caller's sentence's. */
    [[nodiscard]] static QString tokens(std::uint32_t n);
    /**
     * "decode ≈ 27 tokens/s (usually within ±25 %)": the range only where it was measured (every layer on the
     * GPUs); "" when the speed is unknown.
     */
    [[nodiscard]] static QString decodeSpeed(const Placement &p);
    /** "prompt ≈ 2,500 tokens/s (half of measured runs within ±20 %; a 8,192-token prompt: first token after ≈ 3.3 s)"; "" when unknown. */
    [[nodiscard]] static QString prefillSpeed(const Placement &p);
    [[nodiscard]] static QString paramsText(std::uint64_t params);
    /** What a metric measures: "knowledge", "reasoning" ... (lower case, for running text). */
    [[nodiscard]] static QString skill(Skill s);
    /** Why a model that runs is not ranked: "no score in MMLU-Redux", "recovery measured only on larger models" ... */
    [[nodiscard]] static QString qualityGap(QualityGap g, const QString &metricName);
};

} // namespace headroom::gui
