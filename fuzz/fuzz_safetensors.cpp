// SPDX-License-Identifier: GPL-3.0-or-later
#include <headroom/io/hf_reader.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom::io;
    const std::span<const std::uint8_t> bytes(data, size);
    for (const std::uint64_t fileSize : {std::uint64_t{size}, std::uint64_t{size} + (std::uint64_t{1} << 36)}) {
        const auto parsed = parseSafetensorsHeader(bytes, fileSize, "fuzz.safetensors");
        if (const auto *h = std::get_if<SafetensorsHeader>(&parsed)) {
            headroom::ModelSpec spec;
            spec.layers = 4;
            (void)safetensorsInventory(*h, spec).total();
        }
    }
    return 0;
}
