// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/probe/meminfo.h"

#include "headroom/probe/probe_text.h"

namespace headroom::probe {

namespace {
/** "16268680 kB" -> bytes; the kernel always prints kB (KiB) for these two keys. */
std::optional<Bytes> kilobytes(std::string_view value)
{
    value = trimmed(value);
    if (!value.ends_with(" kB"))
        return std::nullopt;
    const auto kb = parseUnsigned(value.substr(0, value.size() - 3));
    if (!kb)
        return std::nullopt;
    return checkedMul(*kb, KiB);
}
} // namespace

MeminfoReading parseMeminfo(std::string_view text)
{
    MeminfoReading r;
    for (const auto line : splitLines(text)) {
        const auto colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        const auto key = line.substr(0, colon);
        if (key != "MemTotal" && key != "MemAvailable")
            continue;
        const auto bytes = kilobytes(line.substr(colon + 1));
        if (!bytes) {
            r.malformed = true;
            continue;
        }
        (key == "MemTotal" ? r.memory.total : r.memory.available) = *bytes;
    }
    if (!r.memory.total)
        r.malformed = true;
    return r;
}

} // namespace headroom::probe
