// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings.h"

#include <headroom/advise.h>

#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QTableView;
class QTableWidget;
class QTimer;

namespace headroom {
class InventoryCache;
}

namespace headroom::gui {

class AdviceChart;
class AdviceTableModel;

/**
 * Best accuracy per GB: every catalog model x quantization that runs on the window's hardware, engine,
 * context and parallel count (advise()), as a chart of expected quality against memory with its Pareto
 * front, a table ranked by expected quality (each model's best that fits) and the models that run but
 * cannot be ranked, with why. Clicking a point or a row asks to use that candidate.
 */
class AdvicePanel : public QWidget
{
    Q_OBJECT
public:
    explicit AdvicePanel(const Catalog &catalog, QWidget *parent = nullptr);
    ~AdvicePanel() override;

    /** The window's request (its model and quantization do not matter); recomputed shortly after (debounced). */
    void setRequest(const RequestInputs &request);
    /** The window's current model and quantization, ringed in the chart and selected in the table. */
    void setCurrent(const QString &modelId, const QString &quantId);
    /** The metric, speed, family and partial-offload choices, as saved between sessions. */
    [[nodiscard]] AdviceChoices choices() const;
    /** Restores saved choices; a metric or family the catalog no longer has falls back to the default. */
    void setChoices(const AdviceChoices &choices);
    /** Runs the pending sweep now (a tab shown, tests, screenshots). */
    void refreshNow();

    /** The last sweep, or null before the first (or when the request did not resolve). */
    [[nodiscard]] const Advice *advice() const { return m_advice.get(); }
    [[nodiscard]] AdviceChart *chart() const { return m_chart; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] AdviceTableModel *tableModel() const { return m_model; }
    [[nodiscard]] QTableWidget *unrankedTable() const { return m_unranked; }
    /** The candidate of a row of unrankedTable(), or null. */
    [[nodiscard]] const Candidate *unrankedCandidate(int row) const;

signals:
    /** Use this candidate: its inputs resolve and estimate to its placement. */
    void applyRequested(const headroom::RequestInputs &inputs);

private:
    void scheduleRefresh();
    void apply(std::size_t candidate);
    void showAdvice();
    void showCurrent();
    [[nodiscard]] AdviseOptions options() const;

    const Catalog &m_catalog;
    std::unique_ptr<InventoryCache> m_inventories; ///< kept between sweeps: the inventories do not change with the inputs
    std::optional<RequestInputs> m_request;
    std::shared_ptr<const Advice> m_advice;
    std::optional<QString> m_error;
    QString m_currentModel, m_currentQuant;
    QComboBox *m_metric = nullptr;
    QSpinBox *m_minSpeed = nullptr;
    QComboBox *m_family = nullptr;
    QCheckBox *m_partial = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_summary = nullptr;
    AdviceChart *m_chart = nullptr;
    AdviceTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_unrankedTitle = nullptr;
    QTableWidget *m_unranked = nullptr;
    QTimer *m_timer = nullptr;
    bool m_pending = false;
};

} // namespace headroom::gui
