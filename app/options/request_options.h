// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "usage_error.h"

#include <headroom/request_resolver.h>

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace headroom::options {

/** Whether a request option stands alone (--spread) or reads a value (--ctx 8192, --ctx=8192). */
enum class Arity { Flag, Value };

/** The request options of docs/cli.md (--model, --quant ... --ram, --spread); nullopt when `name` is not one. */
[[nodiscard]] std::optional<Arity> requestOptionArity(std::string_view name);

/** Applies one request option to `inputs`; `value` is ignored for a flag. */
[[nodiscard]] std::optional<UsageError> applyRequestOption(std::string_view name, const std::string &value, RequestInputs &inputs);

/** "--gpu" text: a catalog id as given, or "custom:<GiB>" (24, 24.5) as a discrete card of that capacity. */
[[nodiscard]] std::variant<DeviceChoice, UsageError> parseDeviceChoice(const std::string &text);

} // namespace headroom::options
