// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/hardware.h"
#include "headroom/probe/detection.h"

#include <vector>

namespace headroom::probe {

/**
 * The catalog entry this device is, or null: same vendor, the same model words once vendor and brand words,
 * memory sizes and form-factor words are set aside ("NVIDIA GeForce RTX 4090" = "GeForce RTX 4090"), and a
 * reported memory between 88% and 102% of the entry's (drivers reserve some: a Tesla T4 reports 15360 of
 * 16384 MiB). Among several, the one sharing most words; a tie is no match, since guessing would borrow
 * another card's bandwidth.
 */
[[nodiscard]] const Hardware *matchHardware(const DetectedDevice &device, const std::vector<Hardware> &catalog);

} // namespace headroom::probe
