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
    double bandwidthGBs = 0.0;       ///< 0 = unknown (no speed estimate from it)
    std::string name;                ///< what the device calls itself ("Radeon 8060S Graphics"); empty = a generic name
    std::optional<Bytes> wiredLimit; ///< Apple: a GPU working-set limit the user set (iogpu.wired_limit_mb)

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

    /** The catalog id, or null for a custom device. */
    [[nodiscard]] const std::string *catalogId() const { return std::get_if<std::string>(&m_choice); }
    /** The custom device, or null for a catalog id. */
    [[nodiscard]] const CustomDevice *custom() const { return std::get_if<CustomDevice>(&m_choice); }

    bool operator==(const DeviceChoice &) const = default;

private:
    std::variant<std::string, CustomDevice> m_choice;
};

} // namespace headroom
