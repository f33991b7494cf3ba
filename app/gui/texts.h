// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advisor.h>
#include <headroom/catalog.h>
#include <headroom/io/io_error.h>
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
    [[nodiscard]] static QString gib(double gib);
    [[nodiscard]] static QString tokens(std::uint32_t n);
    [[nodiscard]] static QString paramsText(std::uint64_t params);
};

} // namespace headroom::gui
