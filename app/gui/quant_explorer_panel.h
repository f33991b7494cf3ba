// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/quant_explorer.h>

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace headroom {
class InventoryCache;
}

namespace headroom::gui {

class QuantChart;
class QuantTableModel;

/**
 * Quantizations: the window's model at every quantization its engine loads, on the window's hardware and
 * settings (exploreQuantizations), as a chart of measured quality recovery against size and a sortable
 * table. Each row is the estimate the Estimate tab shows for that quantization; clicking a point or a row
 * asks to use it.
 */
class QuantExplorerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit QuantExplorerPanel(const Catalog &catalog, QWidget *parent = nullptr);
    ~QuantExplorerPanel() override;

    /** The window's request as the estimate resolved it (a model file already read); recomputed shortly after. */
    void setRequest(const RequestInputs &request);
    /** Runs the pending exploration now (a tab shown, tests, screenshots). */
    void refreshNow();

    /** The last exploration, or null (before the first, or when the request did not resolve). */
    [[nodiscard]] const QuantExploration *exploration() const { return m_exploration.get(); }
    [[nodiscard]] QuantChart *chart() const { return m_chart; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QuantTableModel *tableModel() const { return m_model; }
    [[nodiscard]] QLabel *summary() const { return m_summary; }

signals:
    /** Use this quantization: these inputs resolve and estimate to the row shown. */
    void applyRequested(const headroom::RequestInputs &inputs);

private:
    void showExploration(std::shared_ptr<const QuantExploration> exploration);
    void apply(std::size_t row);

    const Catalog &m_catalog;
    std::unique_ptr<InventoryCache> m_inventories; ///< kept between refreshes: inventories do not change with the inputs
    std::optional<RequestInputs> m_request;
    std::shared_ptr<const QuantExploration> m_exploration;
    QLabel *m_summary = nullptr;
    QuantChart *m_chart = nullptr;
    QuantTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_table = nullptr;
    QTimer *m_timer = nullptr;
    bool m_pending = false;
};

} // namespace headroom::gui
