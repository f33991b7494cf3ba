// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/probe/detected_devices.h>
#include <headroom/request_resolver.h>

#include <optional>
#include <string_view>

namespace headroom::options {

/** The --gpu keys (and the picker's keys) for this machine's devices: all their memory, or what is free now. */
inline constexpr std::string_view kThisComputer = "this";
inline constexpr std::string_view kThisComputerFree = "this-free";

/** Which figure a --gpu key asks for; nullopt when it is not one of the two keys above. */
[[nodiscard]] std::optional<probe::CapacityBasis> thisComputerBasis(const DeviceChoice &choice);
/** Whether any of the request's devices is this machine (detection is only run then). */
[[nodiscard]] bool mentionsThisComputer(const RequestInputs &inputs);

/**
 * System RAM left for offloaded layers on this machine: MemTotal (Total) or MemAvailable (Free), less what a
 * unified-memory GPU that is sized as a device of its own (AMD APU, GB10, Intel iGPU) already takes of the same
 * RAM, so no byte is counted twice. Empty when unknown, and on a Mac: there the estimator gives the host what
 * the GPU's working set leaves, as for a catalog Mac.
 */
[[nodiscard]] std::optional<Bytes> detectedHostRam(const probe::Detection &detection, probe::CapacityBasis basis);

/**
 * Replaces each "this" / "this-free" device of `inputs` by the detected devices (probe::deviceChoices, in
 * detection order; none when no GPU was found) and, when `inputs.hostRam` is unset, sets it to detectedHostRam.
 */
void applyThisComputer(RequestInputs &inputs, const probe::Detection &detection, const std::vector<Hardware> &catalog);

} // namespace headroom::options
