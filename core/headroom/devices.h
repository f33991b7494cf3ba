// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/engine_profile.h"
#include "headroom/hardware.h"
#include "headroom/request.h"

namespace headroom {

[[nodiscard]] DeviceSpec deviceFromHardware(const Hardware &h);

/** The speed class of a catalog device: Apple unified, an APU sharing system RAM, HBM (memory_type says so) or GDDR. */
[[nodiscard]] SpeedClass speedClassOf(const Hardware &h);

/** A device of a capacity the user typed ("my card has 11 GB"). */
[[nodiscard]] DeviceSpec customDevice(Bytes capacity, double bandwidthGBs, MemoryKind kind);

/**
 * GPU working-set limit of an Apple Silicon Mac: the measured value when the catalog has one, else
 * macOS's default recommendedMaxWorkingSetSize rule (about 2/3 of RAM up to 36 GB, 3/4 above;
 * measured in AlexsJones/llmfit PR #754 and exo-explore/exo PR #1672; the rule as GPUStack issue #1375 and
 * https://www.thinkdifferent.blog/blog/the-macbook-pro-setting-that-doubles-your-ai-performance/ state it).
 */
[[nodiscard]] Bytes appleWorkingSetLimit(const DeviceSpec &d);

/** Where appleWorkingSetLimit's default rule comes from (a Mac without a measured limit). */
inline constexpr const char *kAppleWorkingSetRuleSource =
    "macOS recommendedMaxWorkingSetSize default: about 2/3 of RAM up to 36 GB, 3/4 above (measured in AlexsJones/llmfit PR #754 and "
    "exo-explore/exo PR #1672; GPUStack issue #1375)";

/** Bytes the engine can fill on this device: capacity less the engine's reserve or its own utilisation cap. */
[[nodiscard]] Bytes usableBytes(const DeviceSpec &d, const EngineProfile &engine, const EngineBehaviour &b);

} // namespace headroom
