// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/catalog_entries.h"

namespace headroom {

using P = CatalogError::Problem;

namespace {

QuantLayout readLayout(const EntryReader &s, WeightFormat format)
{
    QuantLayout l;
    if (format == WeightFormat::Gguf) {
        // A GGUF file type: its base block type and the model its whole-file bpw is measured on.
        const auto type = s.str("ggml_type");
        l.ggmlType = ggmlTypeFromName(type);
        if (!l.ggmlType)
            s.fail(P::BadValue, "ggml_type", type);
        const auto traits = ggmlTypeTraits(*l.ggmlType);
        l.bits = 8.0 * traits.blockBytes / traits.blockSize;
        l.bpwReference = s.str("bpw_reference");
        return l;
    }
    l.bits = s.number("bits", true).value_or(0);
    if (l.bits <= 0)
        s.fail(P::BadValue, "bits", std::to_string(l.bits));
    l.group = s.integer<std::uint32_t>("group", false);
    l.scaleBytes = s.number("scale_bytes", l.group > 0).value_or(0);
    l.zeroBytes = s.number("zero_bytes").value_or(0);
    if (l.group == 0 && (l.scaleBytes > 0 || l.zeroBytes > 0))
        s.fail(P::Missing, "group", "");
    if (s.has("double_quant")) {
        if (l.group == 0)
            s.fail(P::Missing, "group", "");
        readObject(s, "double_quant", [&](const EntryReader &d) {
            l.superGroup = d.integer<std::uint32_t>("group", true, 0, 1);
            l.superScaleBytes = d.number("scale_bytes", true).value_or(0);
            return 0;
        });
    }
    using K = QuantLayout::Keep;
    for (const K k : s.choices<K>(
             "keep_16bit",
             {{"embeddings", K::Embeddings}, {"lm_head", K::LmHead}, {"norms", K::Norms}, {"router", K::Router}, {"dense", K::Dense}}))
        l.keep16 = static_cast<std::uint8_t>(l.keep16 | static_cast<std::uint8_t>(k));
    if (l.group == 0 && l.bits < 16)
        s.fail(P::Missing, "group", ""); // quantized without scales is no layout anyone ships
    return l;
}

} // namespace

Quantization readQuantizationEntry(const EntryReader &r, const std::string &id)
{
    Quantization q;
    q.id = id;
    q.name = r.str("name");
    q.format = r.choice("format", {{"gguf", WeightFormat::Gguf}, {"safetensors", WeightFormat::Safetensors}, {"mlx", WeightFormat::Mlx}},
                        WeightFormat::Gguf, true);
    q.engines = r.strings("engines");
    if (q.engines.empty())
        r.fail(P::Missing, "engines", "");
    q.aliases = r.strings("aliases");
    q.bpw = r.number("bpw", true).value_or(0);
    q.layout = readObject(r, "layout", [&](const EntryReader &s) { return readLayout(s, q.format); });
    if (r.has("nominal_bits")) {
        // The name's width is a whole number of bits that the storage can only add to (scales, the mix), and for a
        // layout of its own it is the layout's element width: "awq-int4" stores 4-bit weights.
        q.nominalBits = r.integer<std::uint32_t>("nominal_bits", true, 0, 1);
        const bool beyondStorage = *q.nominalBits > 32 || *q.nominalBits > q.bpw + 1e-9;
        const bool notTheLayout = q.format != WeightFormat::Gguf && *q.nominalBits != q.layout.bits;
        if (beyondStorage || notTheLayout)
            r.fail(P::BadValue, "nominal_bits", std::to_string(*q.nominalBits));
    }
    q.lossless = r.boolean("lossless");
    if (r.has("quality"))
        q.quality = readObject(r, "quality", [](const EntryReader &s) {
            return QuantQuality{s.number("kld"), s.number("ppl_delta"), s.str("source")};
        });
    q.source = r.str("source");
    return q;
}

} // namespace headroom
