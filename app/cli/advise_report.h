// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advise.h>

#include <ostream>

namespace headroom::cli {

/** `headroom-cli advise` as text: the ranked table (`top` rows), the Pareto front, what runs unranked and why. */
void printAdvice(std::ostream &out, const Advice &advice, std::size_t top);

} // namespace headroom::cli
