// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/catalog.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace headroom {

/** Thrown inside the loader only; Catalog::load() turns it into a returned CatalogError. */
struct LoadFailure {
    CatalogError error;
};

/**
 * Typed, strict access to one JSON object of a catalog file. Every key an entry has must be read (or be
 * one of the free-text keys `source`, `note`, `released`): rejectUnread() fails naming the first key
 * nothing read, so a typo or a declared behaviour that no code implements cannot load quietly.
 */
class EntryReader
{
public:
    EntryReader(const nlohmann::json &obj, std::string file, std::string entry);

    [[noreturn]] void fail(CatalogError::Problem p, const std::string &field, const std::string &detail) const;

    /** The value of `field`, or nullptr; marks the key as read. */
    const nlohmann::json *find(const std::string &field) const;
    [[nodiscard]] bool has(const std::string &field) const { return find(field) != nullptr; }

    std::string str(const std::string &field, bool required = true) const;
    std::optional<double> number(const std::string &field, bool required = false) const;
    bool boolean(const std::string &field, bool fallback = false) const;
    std::vector<std::string> strings(const std::string &field) const;

    template <typename T>
    T integer(const std::string &field, bool required = true, T fallback = 0, T min = 0) const
    {
        const nlohmann::json *v = find(field);
        if (!v) {
            if (required)
                fail(CatalogError::Problem::Missing, field, "");
            return fallback;
        }
        if (!v->is_number_integer())
            fail(CatalogError::Problem::WrongType, field, v->dump());
        const auto raw = v->get<long long>();
        if (raw < static_cast<long long>(min) || static_cast<unsigned long long>(raw) > std::numeric_limits<T>::max())
            fail(CatalogError::Problem::BadValue, field, v->dump());
        return static_cast<T>(raw);
    }

    /**
     * A string field that must be one of `choices`, returned as its mapped value. An absent optional field
     * gives `fallback`; an absent required one, or any other string, fails naming the field.
     */
    template <typename T>
    T choice(const std::string &field, std::initializer_list<std::pair<const char *, T>> choices, T fallback, bool required = false) const
    {
        if (!required && !has(field))
            return fallback;
        const auto s = str(field);
        for (const auto &[name, value] : choices)
            if (s == name)
                return value;
        fail(CatalogError::Problem::BadValue, field, s);
    }

    /** A list of strings each of which must be one of `choices`. */
    template <typename T>
    std::vector<T> choices(const std::string &field, std::initializer_list<std::pair<const char *, T>> options) const
    {
        std::vector<T> out;
        for (const auto &s : strings(field)) {
            bool known = false;
            for (const auto &[name, value] : options)
                if (s == name) {
                    out.push_back(value);
                    known = true;
                }
            if (!known)
                fail(CatalogError::Problem::BadValue, field, s);
        }
        return out;
    }

    /** Reader of the object at `field` (which must be present), named "<entry>.<field>". */
    EntryReader sub(const std::string &field) const;
    /** Reader of element `index` of the array at `field`, named "<entry>.<field>[index]". */
    EntryReader element(const std::string &field, std::size_t index) const;
    /** Elements in the array at `field`; 0 when absent; fails when it is not an array. */
    std::size_t arraySize(const std::string &field) const;

    /** Fails on the first key of this object that was never read (free-text keys aside). */
    void rejectUnread() const;

    const std::string &file() const { return m_file; }
    const std::string &entry() const { return m_entry; }

private:
    const nlohmann::json &m_obj;
    std::string m_file;
    std::string m_entry;
    mutable std::set<std::string> m_read;
};

/** Runs `read` on the sub-object at `field`, then rejects any key of it that `read` left unread. */
template <typename Fn>
auto readObject(const EntryReader &parent, const std::string &field, Fn read)
{
    const EntryReader s = parent.sub(field);
    auto value = read(s);
    s.rejectUnread();
    return value;
}

} // namespace headroom
