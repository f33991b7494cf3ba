// SPDX-License-Identifier: GPL-3.0-or-later
#include "recovery_text.h"

#include <algorithm>
#include <vector>

namespace headroom::options {

std::string recoveryBenchmarks(const Recovery &r)
{
    std::vector<std::string> names;
    for (const auto &e : r.evidence) {
        std::string name = e.study->benchmark.substr(0, e.study->benchmark.find(" ("));
        if (std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(std::move(name));
    }
    std::string out;
    for (const auto &n : names)
        out += (out.empty() ? "" : " + ") + n;
    return out;
}

} // namespace headroom::options
