// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/probe/nvidia_smi_csv.h"

#include "headroom/probe/probe_text.h"

#include <array>

namespace headroom::probe {

namespace {

enum Column { Name, Total, Used, Free, ColumnCount };

constexpr std::string_view kWhere = "nvidia-smi";

/** "memory.total [MiB]" -> Total; "name" / "gpu_name" -> Name. */
std::optional<Column> columnNamed(std::string_view header)
{
    header = trimmed(header);
    if (const auto bracket = header.find(" ["); bracket != std::string_view::npos)
        header = header.substr(0, bracket);
    if (header == "name" || header == "gpu_name")
        return Name;
    if (header == "memory.total")
        return Total;
    if (header == "memory.used")
        return Used;
    if (header == "memory.free")
        return Free;
    return std::nullopt;
}

enum class Figure { Value, NotReported, Bad };

/** "24564" or "24564 MiB" -> bytes; "[N/A]" / "[Not Supported]" -> not reported. */
Figure mebibytes(std::string_view field, std::optional<Bytes> &out)
{
    field = trimmed(field);
    if (field.starts_with('[') && field.ends_with(']'))
        return Figure::NotReported;
    if (field.ends_with(" MiB"))
        field.remove_suffix(4);
    const auto mib = parseUnsigned(field);
    if (!mib)
        return Figure::Bad;
    out = checkedMul(*mib, MiB);
    return out ? Figure::Value : Figure::Bad;
}

} // namespace

SmiReading parseNvidiaSmiCsv(std::string_view text)
{
    SmiReading r;
    // Default order: the query Headroom runs.
    std::array<int, ColumnCount> at{0, 1, 2, 3};
    std::size_t expectedFields = ColumnCount;
    bool first = true;
    for (const auto rawLine : splitLines(text)) {
        const auto line = trimmed(rawLine);
        if (line.empty())
            continue;
        const auto fields = splitOn(line, ',');
        if (first && line.find("memory.") != std::string_view::npos) {
            at = {-1, -1, -1, -1};
            for (std::size_t i = 0; i < fields.size(); ++i)
                if (const auto c = columnNamed(fields[i]))
                    at[*c] = static_cast<int>(i);
            expectedFields = fields.size();
            first = false;
            if (at[Total] < 0) {
                r.notes.push_back({ProbeIssue::NvidiaSmiMalformed, std::string(kWhere), excerpt(line)});
                return r;
            }
            continue;
        }
        first = false;
        if (fields.size() != expectedFields) {
            r.notes.push_back({ProbeIssue::NvidiaSmiMalformed, std::string(kWhere), excerpt(line)});
            continue;
        }
        SmiGpu gpu;
        if (at[Name] >= 0)
            gpu.name = std::string(trimmed(fields[static_cast<std::size_t>(at[Name])]));
        bool bad = false;
        bool notReported = false;
        for (const Column c : {Total, Used, Free}) {
            if (at[c] < 0)
                continue;
            auto &slot = c == Total ? gpu.total : c == Used ? gpu.used : gpu.free;
            switch (mebibytes(fields[static_cast<std::size_t>(at[c])], slot)) {
            case Figure::Value: break;
            case Figure::NotReported: notReported = true; break;
            case Figure::Bad: bad = true; break;
            }
        }
        if (bad || (gpu.total && gpu.free && *gpu.free > *gpu.total)) {
            r.notes.push_back({ProbeIssue::NvidiaSmiMalformed, std::string(kWhere), excerpt(line)});
            continue;
        }
        if (notReported && !gpu.total)
            r.notes.push_back({ProbeIssue::NvidiaMemoryNotReported, std::string(kWhere), excerpt(line)});
        r.gpus.push_back(std::move(gpu));
    }
    return r;
}

} // namespace headroom::probe
