// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/probe/fake_probe.h>
#include <headroom/probe/probe_text.h>
#include <headroom/probe/system_detect.h>

#include <QtGlobal>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace headroom::test {

/**
 * A recorded machine of tests/data/probe/ (`caseDir`, each with a SOURCE) as a FakeProbe, read the way
 * tst_probe reads it: proc/… and sys/… are files at /proc/… and /sys/…; commands/nvidia-smi.out,
 * commands/rocm-smi.out and commands/sysctl-<key>.out are what those commands printed. Front-end tests use it
 * so that nothing they run reads the machine the tests run on.
 */
inline probe::FakeProbe recordedMachine(const std::filesystem::path &caseDir)
{
    namespace fs = std::filesystem;
    if (!fs::is_directory(caseDir) || !fs::exists(caseDir / "SOURCE"))
        qFatal("not a probe case with a SOURCE: %s", caseDir.string().c_str());
    probe::FakeProbe p;
    for (const auto &e : fs::recursive_directory_iterator(caseDir)) {
        if (!e.is_regular_file())
            continue;
        const std::string rel = fs::relative(e.path(), caseDir).generic_string();
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (rel.starts_with("proc/") || rel.starts_with("sys/")) {
            p.setFile("/" + rel, text.str());
        } else if (rel == "commands/nvidia-smi.out") {
            p.setCommand(probe::commandLine(probe::nvidiaSmiQuery()), {0, text.str()});
        } else if (rel == "commands/rocm-smi.out") {
            p.setCommand(probe::commandLine(probe::rocmSmiQuery()), {0, text.str()});
        } else if (rel.starts_with("commands/sysctl-") && rel.ends_with(".out")) {
            p.setCommand("sysctl -n " + rel.substr(16, rel.size() - 16 - 4), {0, text.str()});
        } else if (rel != "SOURCE") {
            qFatal("unknown file %s in probe case %s", rel.c_str(), caseDir.string().c_str());
        }
    }
    return p;
}

} // namespace headroom::test
