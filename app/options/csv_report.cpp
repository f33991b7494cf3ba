// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_report.h"

#include <sstream>

namespace headroom::options {
namespace {

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
std::string field(const std::string &s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

void row(std::ostringstream &out, const char *role, const DeviceUsage &d)
{
    out << role << ',' << field(d.id) << ',' << field(d.name) << ',' << d.capacity << ',' << d.usable << ',' << d.weights << ','
        << d.kvCache << ',' << d.compute << ',' << d.overhead << ',' << d.total() << ',' << d.layers << "\r\n";
}

} // namespace

std::string csvReport(const EstimateReport &report)
{
    std::ostringstream out;
    out << "role,id,name,capacity_bytes,usable_bytes,weights_bytes,kv_cache_bytes,compute_bytes,overhead_bytes,"
           "total_bytes,layers\r\n";
    for (const auto &d : report.placement->devices)
        row(out, "device", d);
    row(out, "host", report.placement->host);
    return out.str();
}

} // namespace headroom::options
