// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

#include <vector>

namespace headroom::gui {

/**
 * Paints bit and byte layouts as rows of coloured boxes, each as wide as its share of the row (a sign bit, an
 * exponent, a block's scale bytes, a file's Q6_K weights), with a legend under each row and, for formats of a few
 * bits, their values on a number line. It draws what it is given: the panel computes nothing here either, it
 * hands over core's figures already worded.
 */
class BitLayoutView : public QWidget
{
    Q_OBJECT
public:
    struct Segment {
        QString label;     ///< inside the box when it fits ("sign", "E8M0"); the legend always says it
        double width = 0;  ///< bits, bytes or weights: any unit, the row is scaled to fit
        QColor colour;     ///< an Okabe–Ito colour, readable on light and dark
        int divisions = 1; ///< thin lines inside the box: one per bit
        QString legend;    ///< the legend entry; empty = the same colour's entry already says it
    };
    struct Row {
        QString title;
        std::vector<Segment> segments;
        std::vector<double> numberLine; ///< values to tick on a line under the boxes (few-bit formats); empty = none
    };

    explicit BitLayoutView(QWidget *parent = nullptr);

    void setRows(std::vector<Row> rows);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows; }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override { return {360, 80}; }
    [[nodiscard]] bool hasHeightForWidth() const override { return true; }
    [[nodiscard]] int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    /** Paints (when `painter` is set) or measures the rows at `width`; returns the height used. */
    int layoutRows(QPainter *painter, int width) const;

    std::vector<Row> m_rows;
};

} // namespace headroom::gui
