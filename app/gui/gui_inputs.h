// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/request_resolver.h>

#include <QString>

#include <optional>

namespace headroom::gui {

/** What the inputs panel holds: the window's state, in the GUI's own terms (persisted by Settings). */
struct GuiInputs {
    QString scenario;                           ///< presets.json id whose settings the fields hold; empty = Custom
    QString model = QStringLiteral("qwen3-8b"); ///< catalog id, HF repo id or Ollama tag
    QString quant;                              ///< empty = implied by the tag, else the engine's default
    QString engine;                             ///< empty = automatic
    QString engineVersion;                      ///< empty = latest known
    std::optional<quint32> ctx = 8192;          ///< empty = the engine's default (by version, VRAM or fitted)
    quint32 parallel = 0;                       ///< 0 = the engine's default
    QString kvType = QStringLiteral("f16");
    FlashAttn flashAttn = FlashAttn::Auto;
    std::optional<bool> vision;               ///< the vision projector; empty = the engine's default (not persisted)
    QString gpu = QStringLiteral("rtx-4090"); ///< catalog id, "custom", "this" / "this-free" (This computer), "no-gpu"
    int gpuCount = 1;
    double customGiB = 24.0;
    QString gpu2; ///< second, different card; empty = none
    int gpu2Count = 1;
    double ramGiB = 0.0; ///< 0 = unknown
    /** This computer's devices (gpu "this" / "this-free"), as detected; filled by the inputs panel, not persisted. */
    std::vector<DeviceChoice> thisDevices;

    bool operator==(const GuiInputs &) const = default;

    /** The request as the resolver wants it; every number then comes from the engine. */
    [[nodiscard]] RequestInputs toRequestInputs() const;
    /** The same inputs on other hardware (compare view). */
    [[nodiscard]] RequestInputs toRequestInputs(const std::vector<DeviceChoice> &gpus) const;

    /**
     * Takes over `request` as the window shows it (command line, a fix): the model, engine and KV settings,
     * context, RAM and up to two kinds of card (the first may be custom). Options the window has no
     * control for (batch, ubatch, GPU layers, spread) are dropped. An error is one English line.
     */
    [[nodiscard]] std::optional<QString> takeRequest(const RequestInputs &request);
};

/** Whether a hardware key is "This computer" ("this", or "this-free" for the memory free now). */
[[nodiscard]] bool isThisComputer(const QString &gpuKey);

/** The hardware key of "No GPU (CPU only)": the user's own machine run on its CPU, every layer in the RAM box's RAM. */
inline constexpr const char *kNoGpuKey = "no-gpu";

} // namespace headroom::gui
