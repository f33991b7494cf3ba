// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/catalog.h>

#include <QComboBox>
#include <QString>

namespace headroom::gui {

inline constexpr int KeyRole = Qt::UserRole + 10; ///< catalog id (or "custom" / "") of a combo item

/** Models grouped by family (headers are disabled items), each with parameter count and MoE/dense. */
void fillModelCombo(QComboBox *combo, const Catalog &catalog);
/** GPUs grouped by vendor, then Macs; optionally a leading "none" and a trailing "custom capacity". */
void fillHardwareCombo(QComboBox *combo, const Catalog &catalog, bool withNone, bool withCustom);
/** Puts "This computer" (key "this") and its free-memory variant ("this-free") first in a filled hardware combo. */
void addThisComputerItems(QComboBox *combo);
/** Adds "No GPU (CPU only)" (key kNoGpuKey) after the "This computer" entries: this machine on its CPU and RAM. */
void addNoGpuItem(QComboBox *combo);
/** Selects the item whose KeyRole equals `key` (case-insensitively); false when there is none. */
bool selectKey(QComboBox *combo, const QString &key);
[[nodiscard]] QString currentKey(const QComboBox *combo);
/** A short line about a model: parameters, dense/MoE, layers, trained context. */
[[nodiscard]] QString modelSummary(const ModelSpec &m);

} // namespace headroom::gui
