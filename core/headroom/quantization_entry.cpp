// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/catalog_entries.h"

namespace headroom {

using P = CatalogError::Problem;

Quantization readQuantizationEntry(const EntryReader &r, const std::string &id)
{
    Quantization q;
    q.id = id;
    q.name = r.str("name");
    q.format = r.choice("format",
                        {{"gguf", WeightFormat::Gguf}, {"safetensors", WeightFormat::Safetensors}, {"mlx", WeightFormat::Mlx}},
                        WeightFormat::Gguf, true);
    q.engines = r.strings("engines");
    if (q.engines.empty())
        r.fail(P::Missing, "engines", "");
    q.aliases = r.strings("aliases");
    q.bpw = r.number("bpw", true).value_or(0);
    if (r.has("quality"))
        q.quality = readObject(r, "quality", [](const EntryReader &s) {
            return QuantQuality{s.number("kld"), s.number("ppl_delta"), s.number("relative"), s.str("source")};
        });
    q.source = r.str("source");
    return q;
}

} // namespace headroom
