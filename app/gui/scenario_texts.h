// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/preset.h>

#include <QCoreApplication>
#include <QString>

namespace headroom::gui {

/** Words (translated) for the scenario presets of presets.json, keyed by id: the catalog holds only numbers. */
class ScenarioTexts
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioTexts)
public:
    /** "Small team (8 users, 8K)"; the id itself for a preset this build has no words for. */
    [[nodiscard]] static QString name(const QString &id);
    /** One sentence on who the scenario is for (the combo's tooltip); empty for an unknown id. */
    [[nodiscard]] static QString description(const QString &id);
    /**
     * What choosing it set, as the line under the combo says it: the engine (`engineName`) when it names one, the
     * sequences and their context, flash attention and KV type when it sets them. When
     * the model reads fewer tokens than the preset asks, `ctx` is what the field holds and the line says so.
     */
    [[nodiscard]] static QString applied(const Preset &preset, const QString &engineName, quint32 ctx);
};

} // namespace headroom::gui
