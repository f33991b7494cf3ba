// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/catalog.h>
#include <headroom/placement.h>
#include <headroom/request_resolver.h>

#include <ostream>

namespace headroom::cli {

/** The human-readable table printed without --json. */
void printReport(std::ostream &out, const ResolvedRequest &request, const Placement &p);

void printList(std::ostream &out, const Catalog &catalog, const std::string &what, bool json);

} // namespace headroom::cli
