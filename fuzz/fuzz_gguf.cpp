// SPDX-License-Identifier: GPL-3.0-or-later
#include <headroom/io/gguf_reader.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom::io;
    const std::span<const std::uint8_t> bytes(data, size);
    // As a whole file, and as the header of a much larger (sparse) file.
    for (const std::uint64_t fileSize : {std::uint64_t{size}, std::uint64_t{size} + (std::uint64_t{1} << 36)}) {
        const auto parsed = parseGguf(bytes, fileSize, "fuzz.gguf");
        if (const auto *f = std::get_if<GgufFile>(&parsed)) {
            const auto model = ggufToModel(*f);
            if (const auto *m = std::get_if<GgufModel>(&model)) {
                (void)m->inventory.total();
                (void)m->inventory.activeBytes();
                (void)m->inventory.layerBytes(0);
            }
        } else {
            (void)describeIoError(std::get<IoError>(parsed));
        }
    }
    return 0;
}
