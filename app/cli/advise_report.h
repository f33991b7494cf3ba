// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advise.h>

#include <ostream>

namespace headroom::cli {

/**
 * `headroom-cli advise` as text: the ranked table (`top` rows), the Pareto front, what runs unranked and why
 * (and, for models without a score, which of the catalog's metrics score them).
 */
void printAdvice(std::ostream &out, const Advice &advice, const Catalog &catalog, std::size_t top);

} // namespace headroom::cli
