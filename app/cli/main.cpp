// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_app.h"

#include <headroom/probe/local_probe.h>

#include <exception>
#include <iostream>

int main(int argc, char **argv)
{
    try {
        std::vector<std::string> args(argv + 1, argv + argc);
        const headroom::probe::LocalProbe machine;
        return headroom::cli::run(args, argc > 0 ? std::filesystem::path(argv[0]) : std::filesystem::path(), std::cout, std::cerr, machine);
    } catch (const std::exception &e) {
        std::cerr << "headroom-cli: internal error: " << e.what() << "\n";
        return 1;
    }
}
