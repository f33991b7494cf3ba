// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "estimate_report.h"
#include "report_labels.h"

#include <string>

namespace headroom::options {

/**
 * The result as Markdown: a heading, the verdict line, the per-device table (GiB, two decimals, as the
 * CLI's table), the fixes with what each gives, the assumptions (engine and the version row applied, the
 * context and who chose it, KV type, flash attention) and the notices. `headroom-cli estimate --format md`
 * and the window's Copy as Markdown / Export both print this.
 */
[[nodiscard]] std::string markdownReport(const EstimateReport &report, const ReportLabels &labels = {});

/** "%.2f" of bytes in GiB: the figure every table cell shows (tests read the cells back with it). */
[[nodiscard]] std::string gibCell(Bytes bytes);

} // namespace headroom::options
