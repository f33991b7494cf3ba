// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/context_curve.h>
#include <headroom/request_resolver.h>

#include <QWidget>

#include <memory>
#include <vector>

class QChart;
class QChartView;
class QCheckBox;
class QGraphicsSimpleTextItem;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QCategoryAxis;

namespace headroom::gui {

/**
 * Memory against context length for the window's request (the Estimate tab's inputs): one line per variant
 * (flash attention on / off x KV cache type) from contextCurve(), its KV cache dashed, the devices' usable
 * memory as a horizontal line and the longest context that keeps every layer on the GPU marked on each line.
 * The x axis is log2(tokens), labelled 512, 1K ... 128K (Qt 6.4's log axis cannot label "4K"). Checkboxes show and hide the variants; those
 * the engine cannot run are listed with the reason instead of drawn.
 */
class ContextExplorerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ContextExplorerPanel(QWidget *parent = nullptr);
    ~ContextExplorerPanel() override;

    /** Draws the curve of `request` (shared: the request points into its inventory); null = nothing to draw. */
    void setRequest(std::shared_ptr<const ResolvedRequest> request);

    [[nodiscard]] const ContextCurve &curve() const { return m_curve; }
    [[nodiscard]] QChart *chart() const { return m_chart; }
    [[nodiscard]] QLineSeries *capacityLine() const { return m_capacity; }
    /** The sliding window's tokens as a vertical line (empty when the engine caches no window). */
    [[nodiscard]] QLineSeries *windowLine() const { return m_window; }
    /** A ring on the chosen line at the context the window's inputs ask for. */
    [[nodiscard]] QScatterSeries *askedPoint() const { return m_asked; }
    /** The series of curve().lines[line]: its memory, its KV cache and its longest-context marker (null when not drawn). */
    [[nodiscard]] QLineSeries *totalSeries(std::size_t line) const;
    [[nodiscard]] QLineSeries *kvSeries(std::size_t line) const;
    [[nodiscard]] QLineSeries *markerSeries(std::size_t line) const;
    [[nodiscard]] QCheckBox *checkBox(std::size_t line) const;

    /** The x value of `ctx` on the chart: log2 of the tokens. */
    [[nodiscard]] static double xOf(std::uint32_t ctx);

private:
    struct Drawn {
        std::size_t line = 0;
        QLineSeries *fits = nullptr;  ///< the GPUs' memory while every layer is on them
        QLineSeries *spill = nullptr; ///< GPU + system RAM once layers spill (dotted)
        QLineSeries *kv = nullptr;
        QLineSeries *marker = nullptr;
        QGraphicsSimpleTextItem *label = nullptr;
        QCheckBox *box = nullptr;
        QColor color;
    };

    void rebuild();
    void clearSeries();
    void updateVisibility();
    void rescale();
    void placeLabels();
    void hover(const Drawn &d, const QPointF &point, bool state);
    [[nodiscard]] QColor colorOf(const ContextVariant &v) const;
    [[nodiscard]] QString variantName(const ContextVariant &v) const;
    [[nodiscard]] QString statusText(const ContextLine &l) const;

    std::shared_ptr<const ResolvedRequest> m_request;
    ContextCurve m_curve;
    std::vector<Drawn> m_drawn;
    std::vector<ContextVariant> m_hidden; ///< unticked by the user: stays hidden while the inputs change
    bool m_dark = false;
    QLabel *m_title = nullptr;
    QLabel *m_key = nullptr;
    QLabel *m_notDrawn = nullptr;
    QWidget *m_boxes = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QCategoryAxis *m_x = nullptr; ///< log2(tokens), labelled at the powers of two
    QValueAxis *m_y = nullptr;
    QLineSeries *m_capacity = nullptr;
    QGraphicsSimpleTextItem *m_capacityLabel = nullptr;
    QLineSeries *m_window = nullptr;
    QGraphicsSimpleTextItem *m_windowLabel = nullptr;
    QScatterSeries *m_asked = nullptr;
    QLabel *m_layers = nullptr;
};

} // namespace headroom::gui
