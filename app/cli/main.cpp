// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_app.h"

#include <exception>
#include <iostream>

int main(int argc, char **argv)
{
    try {
        std::vector<std::string> args(argv + 1, argv + argc);
        return headroom::cli::run(args, argc > 0 ? std::filesystem::path(argv[0]) : std::filesystem::path(),
                                  std::cout, std::cerr);
    } catch (const std::exception &e) {
        std::cerr << "headroom-cli: internal error: " << e.what() << "\n";
        return 1;
    }
}
