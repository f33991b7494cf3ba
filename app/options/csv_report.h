// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "estimate_report.h"

#include <string>

namespace headroom::options {

/**
 * The breakdown as CSV (RFC 4180, CRLF line ends, a header row): one row per device and one for the host,
 * integer bytes in the --json field names (docs/cli.md), so a spreadsheet and a script read the same figures.
 */
[[nodiscard]] std::string csvReport(const EstimateReport &report);

} // namespace headroom::options
