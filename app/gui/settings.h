// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui_inputs.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

#include <memory>

namespace headroom::gui {

/** The advisor tab's own choices; the panel checks the ids against the catalog when it applies them. */
struct AdviceChoices {
    QString metric;             ///< metric id; empty = the catalog's default
    int minTokensPerSecond = 0; ///< 0 = any speed
    QString family;             ///< empty = all families
    bool partial = false;
    bool operator==(const AdviceChoices &) const = default;
};

/**
 * The one typed front for QSettings: window geometry and the last inputs. A missing, unknown or
 * malformed stored value reads as the default; nothing here throws or asserts on stored data.
 */
class Settings
{
public:
    enum class Key {
        Geometry,
        SplitterState,
        Model,
        Quant,
        Engine,
        EngineVersion,
        Ctx,
        Parallel,
        KvType,
        FlashAttn,
        Gpu,
        GpuCount,
        CustomGiB,
        Gpu2,
        Gpu2Count,
        RamGiB,
        CompareSlots,
        AdviceMetric,
        AdviceMinTokensPerSecond,
        AdviceFamily,
        AdvicePartial,
        Scenario,
    };

    /** The user's settings (organization/application names from QCoreApplication). */
    Settings();
    /** An INI file at `path`: for tests and portable installs. */
    explicit Settings(const QString &path);
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    [[nodiscard]] static QString keyName(Key key);

    [[nodiscard]] GuiInputs inputs() const;
    void setInputs(const GuiInputs &inputs);

    [[nodiscard]] QByteArray geometry() const;
    void setGeometry(const QByteArray &geometry);
    [[nodiscard]] QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    /** "id" or "id*N" per compare column; empty strings for unused columns. */
    [[nodiscard]] QStringList compareSlots() const;
    void setCompareSlots(const QStringList &slotsList);

    [[nodiscard]] AdviceChoices adviceChoices() const;
    void setAdviceChoices(const AdviceChoices &choices);

    void sync();
    [[nodiscard]] QSettings::Status status() const;

private:
    [[nodiscard]] QString string(Key key, const QString &fallback, qsizetype maxLength = 200) const;
    [[nodiscard]] qlonglong integer(Key key, qlonglong fallback, qlonglong min, qlonglong max) const;
    [[nodiscard]] double real(Key key, double fallback, double min, double max) const;

    std::unique_ptr<QSettings> m_settings;
};

} // namespace headroom::gui
