// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/catalog_entries.h"

namespace headroom {

using P = CatalogError::Problem;

namespace {

/** A number that may be negative (EntryReader::number refuses those: sizes never are, a format's minimum is). */
std::optional<double> signedNumber(const EntryReader &r, const std::string &field, bool required = false)
{
    const auto *v = r.find(field);
    if (!v) {
        if (required)
            r.fail(P::Missing, field, "");
        return std::nullopt;
    }
    if (!v->is_number())
        r.fail(P::WrongType, field, v->dump());
    return v->get<double>();
}

PublishedRange readPublished(const EntryReader &s, NumberKind kind)
{
    PublishedRange p;
    p.maxFinite = *s.number("max_finite", true);
    // Which figures a kind has: floats a normal and (usually) a subnormal minimum, integers and tables a most
    // negative value, tables their smallest positive entry. A figure a kind cannot have is refused as unread.
    if (kind == NumberKind::Float) {
        p.minNormal = s.number("min_normal", true);
        p.minSubnormal = s.number("min_subnormal");
    } else {
        p.minValue = signedNumber(s, "min_value", true);
        if (kind == NumberKind::Lookup)
            p.minPositive = s.number("min_positive", true);
    }
    p.source = s.str("source");
    return p;
}

BlockScaling readBlock(const EntryReader &s)
{
    BlockScaling b;
    b.size = s.integer<std::uint32_t>("size", true, 0, 1);
    b.scale = s.str("scale");
    b.tensorScale = s.str("tensor_scale", false);
    return b;
}

void readFloatFields(const EntryReader &r, NumberFormat &f)
{
    f.signBits = r.integer<std::uint32_t>("sign_bits");
    f.exponentBits = r.integer<std::uint32_t>("exponent_bits", true, 0, 1);
    f.mantissaBits = r.integer<std::uint32_t>("mantissa_bits");
    if (f.signBits > 1)
        r.fail(P::BadValue, "sign_bits", std::to_string(f.signBits));
    // Up to binary32's widths: the range arithmetic runs in double and 1U << bits.
    if (f.exponentBits > 11)
        r.fail(P::BadValue, "exponent_bits", std::to_string(f.exponentBits));
    if (f.mantissaBits > 52)
        r.fail(P::BadValue, "mantissa_bits", std::to_string(f.mantissaBits));
    f.bias = r.integer<int>("bias");
    f.specials = r.choice("specials", {{"ieee", SpecialValues::Ieee}, {"nan_only", SpecialValues::NanOnly}, {"none", SpecialValues::None}},
                          SpecialValues::Ieee, true);
    f.subnormals = r.boolean("subnormals", true);
}

void readLookupValues(const EntryReader &r, NumberFormat &f)
{
    const auto count = r.arraySize("values");
    if (count != (std::size_t{1} << f.bits))
        r.fail(P::BadValue, "values", std::to_string(count) + " values for " + std::to_string(f.bits) + " bits");
    for (const auto &v : *r.find("values")) {
        if (!v.is_number())
            r.fail(P::WrongType, "values", v.dump());
        f.values.push_back(v.get<double>());
    }
}

} // namespace

NumberFormat readNumberFormatEntry(const EntryReader &r, const std::string &id)
{
    NumberFormat f;
    f.id = id;
    f.name = r.str("name");
    f.kind = r.choice(
        "kind",
        {{"float", NumberKind::Float}, {"integer", NumberKind::Integer}, {"lookup", NumberKind::Lookup}, {"block", NumberKind::Block}},
        NumberKind::Float, true);
    switch (f.kind) {
    case NumberKind::Float: readFloatFields(r, f); break;
    case NumberKind::Integer:
        f.bits = r.integer<std::uint32_t>("bits", true, 0, 2);
        f.isSigned = r.boolean("signed", true);
        break;
    case NumberKind::Lookup:
        f.bits = r.integer<std::uint32_t>("bits", true, 0, 1);
        if (f.bits > 8)
            r.fail(P::BadValue, "bits", std::to_string(f.bits)); // a table of 2^bits values is listed in full
        readLookupValues(r, f);
        break;
    case NumberKind::Block: f.element = r.str("element"); break;
    }
    if (f.kind == NumberKind::Integer && f.bits > 32)
        r.fail(P::BadValue, "bits", std::to_string(f.bits));
    // A block format is its block; a lookup code may name the block its published scheme scales (NF4's 64).
    if (f.kind == NumberKind::Block || (f.kind == NumberKind::Lookup && r.has("block")))
        f.block = readObject(r, "block", readBlock);
    // A block format's range is its element's: it publishes none of its own.
    if (f.kind != NumberKind::Block)
        f.published = readObject(r, "published", [&](const EntryReader &s) { return readPublished(s, f.kind); });
    f.source = r.str("source");
    f.note = r.str("note", false);
    return f;
}

} // namespace headroom
