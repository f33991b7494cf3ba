// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibration_table.h"

#include "csv.h"

#include <algorithm>
#include <set>

namespace headroom::validation {
namespace {

const std::set<std::string> kNumeric{"id", "ctx", "parallel", "ubatch", "gpus", "gpu_layers", "ram", "measured_bytes"};
const std::set<std::string> kRequired{"id",     "role",           "engine", "model",        "quant",
                                      "target", "measured_bytes", "kind",   "source_group", "source"};

bool isNumber(const std::string &s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<Target::What> whatOf(const std::string &s)
{
    using W = Target::What;
    static const std::map<std::string, W> names{{"weights", W::Weights},  {"kv", W::Kv},           {"compute", W::Compute},
                                                {"total", W::Total},      {"buffers", W::Buffers}, {"allocated", W::Allocated},
                                                {"resident", W::Resident}};
    const auto it = names.find(s);
    return it == names.end() ? std::nullopt : std::optional(it->second);
}

} // namespace

std::optional<Target> parseTarget(const std::string &name)
{
    const auto dot = name.find('.');
    if (dot == std::string::npos)
        return std::nullopt;
    const std::string where = name.substr(0, dot);
    const auto what = whatOf(name.substr(dot + 1));
    if (!what)
        return std::nullopt;
    Target t;
    t.what = *what;
    const bool allDevices = *what == Target::What::Total || *what == Target::What::Allocated || *what == Target::What::Resident;
    if (where == "host" && !allDevices) {
        t.where = Target::Where::Host;
    } else if (where == "devices" && allDevices) {
        t.where = Target::Where::AllDevices;
    } else if (where.rfind("device", 0) == 0 && where.size() > 6 && isNumber(where.substr(6)) && *what != Target::What::Allocated &&
               *what != Target::What::Resident) {
        t.where = Target::Where::Device;
        t.device = std::stoul(where.substr(6));
    } else {
        return std::nullopt;
    }
    return t;
}

const std::vector<std::string> &calibrationColumns()
{
    static const std::vector<std::string> columns{
        "id",        "role",   "engine",     "engine_version", "model", "quant",        "ctx",
        "parallel",  "ubatch", "flash_attn", "kv_type",        "gpu",   "gpus",         "gpu_layers",
        "n_cpu_moe", "ram",    "target",     "measured_bytes", "kind",  "source_group", "source",
    };
    return columns;
}

Table readTable(const std::string &path)
{
    const auto &columns = calibrationColumns();
    Table t;
    const auto raw = readCsv(path);
    if (raw.empty()) {
        t.problems.push_back("line 1: empty file");
        return t;
    }
    if (raw.front() != columns) {
        std::string got;
        for (const auto &c : raw.front())
            got += (got.empty() ? "" : ",") + c;
        t.problems.push_back("line 1: header is '" + got + "'");
        return t;
    }
    std::set<std::string> ids;
    std::size_t line = 1;
    for (std::size_t i = 1; i < raw.size(); ++i) {
        line += 1;
        const auto &r = raw[i];
        const auto where = "line " + std::to_string(line) + ": ";
        std::size_t newlines = 0;
        for (const auto &f : r)
            newlines += static_cast<std::size_t>(std::count(f.begin(), f.end(), '\n'));
        if (newlines) {
            t.problems.push_back(where + "a quoted field spans lines");
            line += newlines;
            continue;
        }
        if (r.size() != columns.size()) {
            t.problems.push_back(where + std::to_string(r.size()) + " fields, the header has " + std::to_string(columns.size()));
            continue;
        }
        Row row;
        row.line = line;
        for (std::size_t c = 0; c < columns.size(); ++c)
            row.field[columns[c]] = r[c];
        const std::size_t before = t.problems.size();
        for (const auto &name : kRequired)
            if (row[name].empty())
                t.problems.push_back(where + "missing " + name);
        for (const auto &name : kNumeric)
            if (!row[name].empty() && !isNumber(row[name]))
                t.problems.push_back(where + name + " '" + row[name] + "' is not a whole number");
        if (!row["role"].empty() && row["role"] != "fit" && row["role"] != "check")
            t.problems.push_back(where + "role '" + row["role"] + "' is neither fit nor check");
        if (!row["target"].empty() && !parseTarget(row["target"]))
            t.problems.push_back(where + "unknown target '" + row["target"] + "'");
        if (const auto &moe = row["n_cpu_moe"]; !moe.empty() && moe != "all" && !isNumber(moe))
            t.problems.push_back(where + "n_cpu_moe '" + moe + "' is neither a whole number nor all");
        const auto &fa = row["flash_attn"];
        if (!fa.empty() && fa != "on" && fa != "off")
            t.problems.push_back(where + "flash_attn '" + fa + "' is neither on nor off");
        if (!row["id"].empty() && !ids.insert(row["id"]).second)
            t.problems.push_back(where + "id " + row["id"] + " repeats an earlier row");
        if (isNumber(row["measured_bytes"]) && std::stoull(row["measured_bytes"]) == 0)
            t.problems.push_back(where + "measured_bytes is 0");
        if (t.problems.size() == before)
            t.rows.push_back(std::move(row));
    }
    return t;
}

} // namespace headroom::validation
