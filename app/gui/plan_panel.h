// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings.h"

#include <headroom/plan.h>

#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTimer;

namespace headroom::gui {

class PlanTableModel;

/**
 * What to buy: the window's model, quantization, context, parallel count and engine on every hardware option
 * of the catalog the planner ranks (1-8 of a card, mixed pairs and, when asked, several machines over llama.cpp
 * RPC), with a budget, a minimum decode speed and a sort key of its own. A sortable table; a double-click on
 * a one-box option asks to use its hardware in the Estimate tab.
 */
class PlanPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PlanPanel(const Catalog &catalog, QWidget *parent = nullptr);
    ~PlanPanel() override;

    /** The window's request (its hardware does not matter); recomputed shortly after (debounced). */
    void setRequest(const RequestInputs &request);
    /** The budget, currency, speed, machines and sort choices, as saved between sessions. */
    [[nodiscard]] PlanChoices choices() const;
    /** Restores saved choices; an unknown currency or sort key falls back to the default. */
    void setChoices(const PlanChoices &choices);
    /** The planner's options for the current choices. */
    [[nodiscard]] PlanOptions options() const;
    /** Runs the pending plan now (a tab shown, tests, screenshots). */
    void refreshNow();

    /** The last plan, or null before the first (or when the request did not resolve). */
    [[nodiscard]] const Plan *plan() const { return m_plan.get(); }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] PlanTableModel *tableModel() const { return m_model; }
    [[nodiscard]] QLabel *summary() const { return m_summary; }

    /** "price", "price-per-gb" ...: the ids settings store for the sort keys. */
    [[nodiscard]] static QString sortId(PlanSort sort);

signals:
    /** Use this hardware: the option's inputs (one machine) resolve and estimate to its row. */
    void hardwareRequested(const headroom::RequestInputs &inputs);

private:
    void scheduleRefresh();
    void showPlan(std::shared_ptr<const Plan> plan);
    void apply(int row);
    void updateBudgetUnit();

    const Catalog &m_catalog;
    std::optional<RequestInputs> m_request;
    std::shared_ptr<const Plan> m_plan;
    QSpinBox *m_budget = nullptr;
    QComboBox *m_currency = nullptr;
    QSpinBox *m_minSpeed = nullptr;
    QCheckBox *m_machines = nullptr;
    QComboBox *m_sort = nullptr;
    QLabel *m_summary = nullptr;
    PlanTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_table = nullptr;
    QTimer *m_timer = nullptr;
    bool m_pending = false;
};

} // namespace headroom::gui
