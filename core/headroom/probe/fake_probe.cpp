// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/probe/fake_probe.h"

#include "headroom/probe/probe_text.h"

#include <set>

namespace headroom::probe {

std::optional<std::string> FakeProbe::readFile(const std::string &path) const
{
    const auto it = m_files.find(path);
    if (it == m_files.end())
        return std::nullopt;
    return it->second;
}

std::vector<std::string> FakeProbe::listDirectory(const std::string &path) const
{
    // A directory exists in the fake when some recorded file lies under it.
    const std::string prefix = path.ends_with('/') ? path : path + "/";
    std::set<std::string> names;
    for (const auto &[file, text] : m_files) {
        if (!file.starts_with(prefix))
            continue;
        const std::string rest = file.substr(prefix.size());
        const auto slash = rest.find('/');
        names.insert(slash == std::string::npos ? rest : rest.substr(0, slash));
    }
    return {names.begin(), names.end()};
}

std::optional<CommandResult> FakeProbe::run(const std::vector<std::string> &argv) const
{
    const std::string joined = commandLine(argv);
    m_ran.push_back(joined);
    const auto it = m_commands.find(joined);
    if (it == m_commands.end())
        return std::nullopt;
    return it->second;
}

} // namespace headroom::probe
