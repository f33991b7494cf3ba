// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/catalog_entry_reader.h"

#include <array>

namespace headroom {

using nlohmann::json;

namespace {
// Free text a person reads; no code interprets it, so it needs no reader.
constexpr std::array<const char *, 3> kFreeText{"source", "note", "released"};
} // namespace

EntryReader::EntryReader(const json &obj, std::string file, std::string entry)
    : m_obj(obj), m_file(std::move(file)), m_entry(std::move(entry))
{
    if (!m_obj.is_object())
        fail(CatalogError::Problem::WrongType, "", "entry is not an object");
}

void EntryReader::fail(CatalogError::Problem p, const std::string &field, const std::string &detail) const
{
    throw LoadFailure{{p, m_file, m_entry, field, detail}};
}

const json *EntryReader::find(const std::string &field) const
{
    const auto it = m_obj.find(field);
    if (it == m_obj.end())
        return nullptr;
    m_read.insert(field);
    return &*it;
}

std::string EntryReader::str(const std::string &field, bool required) const
{
    const json *v = find(field);
    if (!v) {
        if (required)
            fail(CatalogError::Problem::Missing, field, "");
        return {};
    }
    if (!v->is_string())
        fail(CatalogError::Problem::WrongType, field, v->dump());
    auto s = v->get<std::string>();
    if (required && s.empty())
        fail(CatalogError::Problem::BadValue, field, "\"\"");
    return s;
}

std::optional<double> EntryReader::number(const std::string &field, bool required) const
{
    const json *v = find(field);
    if (!v) {
        if (required)
            fail(CatalogError::Problem::Missing, field, "");
        return std::nullopt;
    }
    if (!v->is_number())
        fail(CatalogError::Problem::WrongType, field, v->dump());
    const double d = v->get<double>();
    if (d < 0)
        fail(CatalogError::Problem::BadValue, field, v->dump());
    return d;
}

bool EntryReader::boolean(const std::string &field, bool fallback) const
{
    const json *v = find(field);
    if (!v)
        return fallback;
    if (!v->is_boolean())
        fail(CatalogError::Problem::WrongType, field, v->dump());
    return v->get<bool>();
}

std::vector<std::string> EntryReader::strings(const std::string &field) const
{
    std::vector<std::string> out;
    const json *v = find(field);
    if (!v)
        return out;
    if (!v->is_array())
        fail(CatalogError::Problem::WrongType, field, v->dump());
    for (const auto &item : *v) {
        if (!item.is_string())
            fail(CatalogError::Problem::WrongType, field, item.dump());
        out.push_back(item.get<std::string>());
    }
    return out;
}

EntryReader EntryReader::sub(const std::string &field) const
{
    const json *v = find(field);
    if (!v)
        fail(CatalogError::Problem::Missing, field, "");
    if (!v->is_object())
        fail(CatalogError::Problem::WrongType, field, v->dump());
    return EntryReader(*v, m_file, m_entry + "." + field);
}

std::size_t EntryReader::arraySize(const std::string &field) const
{
    const json *v = find(field);
    if (!v)
        return 0;
    if (!v->is_array())
        fail(CatalogError::Problem::WrongType, field, v->dump());
    return v->size();
}

EntryReader EntryReader::element(const std::string &field, std::size_t index) const
{
    const json &item = (*find(field))[index];
    return EntryReader(item, m_file, m_entry + "." + field + "[" + std::to_string(index) + "]");
}

void EntryReader::rejectUnread() const
{
    for (const auto &item : m_obj.items()) {
        const auto &key = item.key();
        if (m_read.count(key))
            continue;
        bool freeText = false;
        for (const char *k : kFreeText)
            freeText = freeText || key == k;
        if (!freeText)
            fail(CatalogError::Problem::UnknownField, key, "");
    }
}

} // namespace headroom
