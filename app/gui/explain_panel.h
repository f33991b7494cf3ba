// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/explanation.h>
#include <headroom/request_resolver.h>

#include <QSet>
#include <QWidget>

class QLabel;
class QToolButton;
class QTreeView;

namespace headroom::gui {

class EstimateModel;
class ExplainModel;

/**
 * "Why these numbers": a collapsible pane under the chart with every device's segments, their terms and
 * factors, and the assumptions with their sources. Clicking a bar selects its segment here. A rebuild (a slider
 * drag) keeps what the user opened and selected.
 */
class ExplainPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ExplainPanel(QWidget *parent = nullptr);

    [[nodiscard]] ExplainModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *view() const { return m_view; }

    /**
     * The estimate to explain. explain() runs when it is needed (the pane open, a tooltip asked), not on every
     * slider step while nobody looks; `chart` (the same placement's bars) must outlive the pane's use of it.
     */
    void setEstimate(std::shared_ptr<const ResolvedRequest> resolved, const Placement &placement, const EstimateModel *chart);
    /** Shows an explanation made elsewhere (tests). */
    void setExplanation(const Explanation &explanation, const Placement &placement, const EstimateModel &chart);
    void clear();
    /** The explanation of a bar segment (EstimateModel row and column), explained now if stale; null: none. */
    [[nodiscard]] const SegmentExplanation *segment(int chartRow, int column);

    [[nodiscard]] bool isOpen() const;
    void setOpen(bool open);
    /** Opens the pane and selects the segment of a bar (EstimateModel row and column), its terms unfolded. */
    void selectSegment(int chartRow, int column);
    /** The selected segment as (EstimateModel row, column); (-1, -1) when no segment row is selected. */
    [[nodiscard]] std::pair<int, int> selectedSegment() const;

signals:
    void openChanged(bool open);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void restoreState();
    void fitWhatColumn();
    /** Builds the tree from the pending estimate, if there is one. */
    void ensureExplained();

    QToolButton *m_toggle = nullptr;
    QLabel *m_hint = nullptr;
    QTreeView *m_view = nullptr;
    ExplainModel *m_model = nullptr;
    QSet<QString> m_expanded; ///< KeyRole of the rows the user opened
    QString m_current;        ///< KeyRole of the current row
    bool m_built = false;     ///< the tree has been filled once (then a rebuild restores, the first time opens defaults)
    std::shared_ptr<const ResolvedRequest> m_resolved; ///< pending: set by setEstimate, cleared once explained
    Placement m_placement;
    const EstimateModel *m_chart = nullptr;
};

} // namespace headroom::gui
