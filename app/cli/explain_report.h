// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/explanation.h>
#include <headroom/request_resolver.h>

#include <ostream>

namespace headroom::cli {

/** `estimate --explain`: each device's and the host's segments with their arithmetic, then the assumptions. */
void printExplanation(std::ostream &out, const ResolvedRequest &rr, const Placement &p, const Explanation &e);

} // namespace headroom::cli
