// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advisor.h>
#include <headroom/placement.h>

#include <string>

namespace headroom::options {

/** English words for the codes a Placement carries (the CLI's; the GUI has its translated ones in Texts). */
[[nodiscard]] std::string describe(Verdict v);
[[nodiscard]] std::string describe(Notice n);
/** "Use Q3_K_M", "Shorten the context to 16384 tokens", "Use a q8_0 KV cache", "Use 2 GPUs". */
[[nodiscard]] std::string describe(const Fix &f);

} // namespace headroom::options
