// SPDX-License-Identifier: GPL-3.0-or-later
#include <headroom/io/hf_reader.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const auto parsed = headroom::io::parseHfConfig(text, "config.json");
    if (const auto *c = std::get_if<headroom::io::HfConfig>(&parsed))
        (void)headroom::architectureTensors(c->spec).size();
    return 0;
}
