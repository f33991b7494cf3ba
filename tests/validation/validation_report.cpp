// SPDX-License-Identifier: GPL-3.0-or-later
// Writes docs/validation.md: every measured row of tests/data/calibration.csv against Headroom's estimate, by engine
// and architecture family, with the check-row figures against the targets at the top.
//
//   validation_report CATALOG_DIR CALIBRATION_CSV OUT.md          write the report
//   validation_report --check CATALOG_DIR CALIBRATION_CSV OUT.md  exit 1 when OUT.md is not what would be written
//
// `cmake --build --preset ci --target validation` runs the first; ctest runs the second, so the committed report
// never drifts from the code and the data.
#include "calibration_replay.h"
#include "validation_markdown.h"

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

using namespace headroom;

int main(int argc, char **argv)
{
    const bool check = argc == 5 && std::string(argv[1]) == "--check";
    if (argc != (check ? 5 : 4)) {
        std::cerr << "usage: validation_report [--check] CATALOG_DIR CALIBRATION_CSV OUT.md\n";
        return 2;
    }
    const std::string catalogDir = argv[check ? 2 : 1];
    const std::string csv = argv[check ? 3 : 2];
    const std::string out = argv[check ? 4 : 3];

    auto loaded = Catalog::loadDirectory(catalogDir);
    if (auto *e = std::get_if<CatalogError>(&loaded)) {
        std::cerr << "validation_report: the catalog in " << catalogDir << " does not load: " << e->file << " / " << e->entry << " / "
                  << e->field << ": " << e->detail << "\n";
        return 2;
    }
    const auto table = validation::readTable(csv);
    for (const auto &p : table.problems)
        std::cerr << csv << ": " << p << "\n";
    if (!table.problems.empty())
        return 2;
    const auto &catalog = std::get<Catalog>(loaded);
    const auto replays = validation::replay(catalog, table);
    const std::string text = validation::markdown(replays);

    if (check) {
        std::ifstream in(out, std::ios::binary);
        std::ostringstream current;
        current << in.rdbuf();
        if (current.str() == text)
            return 0;
        std::cerr << out << " is out of date: run `cmake --build --preset ci --target validation` and commit it\n";
        return 1;
    }
    std::ofstream f(out, std::ios::binary | std::ios::trunc);
    f << text;
    if (!f) {
        std::cerr << "validation_report: cannot write " << out << "\n";
        return 2;
    }
    return 0;
}
