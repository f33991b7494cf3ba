// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/device_choice.h"
#include "headroom/probe/detected_devices.h"

namespace headroom::probe {

/**
 * The request's device choices for this machine ("--gpu this", the picker's "This computer"): the same devices
 * as deviceSpecs, as catalog ids where the entry stands for the device, else custom devices of the detected
 * capacity, name and (on a Mac with a user-set iogpu.wired_limit_mb) wired limit, with the matched entry's
 * bandwidth.
 */
[[nodiscard]] std::vector<DeviceChoice> deviceChoices(const Detection &detection, const std::vector<Hardware> &catalog,
                                                      CapacityBasis basis);

} // namespace headroom::probe
