// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/apply_preset.h"

namespace headroom {

RequestInputs applyPreset(const Preset &preset, RequestInputs in, const StatedSettings &stated)
{
    if (!preset.engine.empty() && !stated.engine) {
        // A version belongs to its engine: an Ollama version means nothing to llama-server.
        if (!in.engine.empty() && !equalsIgnoreCase(in.engine, preset.engine))
            in.engineVersion.clear();
        in.engine = preset.engine;
    }
    if (!stated.ctx)
        in.ctx = preset.ctx;
    if (!stated.parallel)
        in.parallel = preset.parallel;
    if (!preset.kvType.empty() && !stated.kvType)
        in.kvType = preset.kvType;
    if (preset.flashAttn && !stated.flashAttn)
        in.flashAttn = *preset.flashAttn ? FlashAttn::On : FlashAttn::Off;
    return in;
}

StatedSettings keptFromUser(const Preset &preset, const StatedSettings &stated)
{
    StatedSettings kept;
    kept.engine = stated.engine && !preset.engine.empty();
    kept.ctx = stated.ctx;
    kept.parallel = stated.parallel;
    kept.kvType = stated.kvType && !preset.kvType.empty();
    kept.flashAttn = stated.flashAttn && preset.flashAttn.has_value();
    return kept;
}

} // namespace headroom
