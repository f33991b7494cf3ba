// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/hardware.h"
#include "headroom/units.h"

#include <optional>
#include <string>
#include <variant>

namespace headroom {

/** A device the catalog does not list: the user states its memory (and, if known, its bandwidth). */
struct CustomDevice {
    Bytes capacity = 0;
    MemoryKind kind = MemoryKind::Discrete;
    double bandwidthGBs = 0.0; ///< 0 = unknown (no speed estimate from it)

    bool operator==(const CustomDevice &) const = default;
};

/**
 * One device as a person chooses it: a catalog id ("rtx-4090") or a custom capacity. Front ends spell
 * it their own way (the CLI's "custom:<GiB>", the window's capacity box); core only sees this type.
 */
class DeviceChoice
{
public:
    DeviceChoice() = default;
    DeviceChoice(std::string catalogId) : m_choice(std::move(catalogId)) {}   // NOLINT: ids are the common case
    DeviceChoice(const char *catalogId) : m_choice(std::string(catalogId)) {} // NOLINT
    DeviceChoice(CustomDevice custom) : m_choice(custom) {}                   // NOLINT
    /** A detected device: its own name ("Radeon 8060S Graphics") and, on a Mac, a wired limit its user set. */
    DeviceChoice(CustomDevice custom, std::string name, std::optional<Bytes> wiredLimit)
        : m_choice(custom), m_name(std::move(name)), m_wiredLimit(wiredLimit)
    {
    }

    /** The catalog id, or null for a custom device. */
    [[nodiscard]] const std::string *catalogId() const { return std::get_if<std::string>(&m_choice); }
    /** The custom device, or null for a catalog id. */
    [[nodiscard]] const CustomDevice *custom() const { return std::get_if<CustomDevice>(&m_choice); }
    /** A custom device's own name; empty = a generic one. */
    [[nodiscard]] const std::string &name() const { return m_name; }
    /** Apple: a GPU working-set limit the user set (iogpu.wired_limit_mb); empty = the catalog's or macOS's. */
    [[nodiscard]] std::optional<Bytes> wiredLimit() const { return m_wiredLimit; }

    bool operator==(const DeviceChoice &) const = default;

private:
    // The name and wired limit sit beside the variant, not in CustomDevice: GCC 12 reports a false
    // -Wmaybe-uninitialized at -O2 when moving a variant whose alternative holds a std::string or std::optional.
    std::variant<std::string, CustomDevice> m_choice;
    std::string m_name;
    std::optional<Bytes> m_wiredLimit;
};

} // namespace headroom
