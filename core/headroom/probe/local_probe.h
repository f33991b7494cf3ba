// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/probe/system_probe.h"

namespace headroom::probe {

/**
 * The machine Headroom runs on. Commands run without a shell, stdout captured (at most 1 MiB), stderr
 * discarded, killed after 5 seconds so a hung driver cannot hang the app. NVML is loaded with dlopen and
 * unloaded after one reading. Windows has neither: there it reads nothing (Windows' own calls are not done yet).
 */
class LocalProbe : public SystemProbe
{
public:
    [[nodiscard]] std::optional<std::string> readFile(const std::string &path) const override;
    [[nodiscard]] std::vector<std::string> listDirectory(const std::string &path) const override;
    [[nodiscard]] std::optional<CommandResult> run(const std::vector<std::string> &argv) const override;
    [[nodiscard]] NvmlReading nvml() const override;
};

} // namespace headroom::probe
