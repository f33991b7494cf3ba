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

/** The largest budget the "What to buy" tab takes (in USD or CNY): a bound on what is stored, not a price. */
inline constexpr int kMaxPlanBudget = 100'000'000;

/** The "What to buy" tab's own choices; the panel maps the ids to the planner's and falls back on an unknown one. */
struct PlanChoices {
    int budget = 0;                           ///< 0 = any budget
    QString currency = QStringLiteral("USD"); ///< "USD" or "CNY": the currency of the budget and of the prices shown
    int minTokensPerSecond = 0;               ///< 0 = any speed
    bool machines = true;                     ///< also several machines joined by llama.cpp RPC
    QString sort;                             ///< sort key id; empty = the planner's default
    bool operator==(const PlanChoices &) const = default;
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
        PlanBudget,
        PlanCurrency,
        PlanMinTokensPerSecond,
        PlanMachines,
        PlanSort,
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

    [[nodiscard]] PlanChoices planChoices() const;
    void setPlanChoices(const PlanChoices &choices);

    void sync();
    [[nodiscard]] QSettings::Status status() const;

private:
    [[nodiscard]] QString string(Key key, const QString &fallback, qsizetype maxLength = 200) const;
    [[nodiscard]] qlonglong integer(Key key, qlonglong fallback, qlonglong min, qlonglong max) const;
    [[nodiscard]] double real(Key key, double fallback, double min, double max) const;

    std::unique_ptr<QSettings> m_settings;
};

} // namespace headroom::gui
