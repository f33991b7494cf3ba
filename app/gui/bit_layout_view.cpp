// SPDX-License-Identifier: GPL-3.0-or-later
#include "bit_layout_view.h"

#include <QFontMetrics>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace headroom::gui {
namespace {

constexpr int kMargin = 8;
constexpr int kBoxHeight = 30;
constexpr int kGap = 6;
constexpr int kSwatch = 12;

/** Black or white, whichever reads on `fill` (Okabe–Ito yellow and sky blue want black, blue wants white). */
QColor textOn(const QColor &fill)
{
    const double luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return luminance > 0.45 ? Qt::black : Qt::white;
}

} // namespace

BitLayoutView::BitLayoutView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("bitLayoutView"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void BitLayoutView::setRows(std::vector<Row> rows)
{
    m_rows = std::move(rows);
    updateGeometry();
    update();
}

QSize BitLayoutView::sizeHint() const
{
    return {720, heightForWidth(720)};
}

int BitLayoutView::heightForWidth(int width) const
{
    return layoutRows(nullptr, width);
}

void BitLayoutView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    layoutRows(&painter, width());
}

int BitLayoutView::layoutRows(QPainter *p, int width) const
{
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fmBold(bold);
    const QColor ink = palette().color(QPalette::WindowText);
    const QColor edge = palette().color(QPalette::Window);
    const int inner = std::max(40, width - 2 * kMargin);
    int y = kMargin;
    for (const Row &row : m_rows) {
        if (!row.title.isEmpty()) {
            if (p) {
                p->setFont(bold);
                p->setPen(ink);
                // At the baseline, unclipped: a fallback font (Chinese) may sit lower than the primary one's metrics.
                p->drawText(QPointF(kMargin, y + fmBold.ascent()), row.title);
            }
            y += fmBold.height() + 6;
        }
        double total = 0;
        for (const auto &s : row.segments)
            total += s.width;
        if (total > 0) {
            double x = kMargin;
            for (const auto &s : row.segments) {
                const double w = s.width / total * inner;
                const QRectF box(x, y, w, kBoxHeight);
                if (p) {
                    p->setPen(QPen(edge, 1));
                    p->setBrush(s.colour);
                    p->drawRect(box);
                    // One thin line per bit, where there is room to see them.
                    if (s.divisions > 1 && w / s.divisions >= 4) {
                        QColor line = textOn(s.colour);
                        line.setAlphaF(0.35f);
                        p->setPen(QPen(line, 1));
                        for (int d = 1; d < s.divisions; ++d) {
                            const double dx = box.left() + w * d / s.divisions;
                            p->drawLine(QPointF(dx, box.top() + 4), QPointF(dx, box.bottom() - 4));
                        }
                    }
                    if (!s.label.isEmpty() && fm.horizontalAdvance(s.label) + 6 <= w) {
                        p->setPen(textOn(s.colour));
                        p->setFont(font());
                        p->drawText(box, Qt::AlignCenter, s.label);
                    }
                }
                x += w;
            }
            y += kBoxHeight + kGap;
        }
        if (!row.numberLine.empty()) {
            const double lo = row.numberLine.front(), hi = row.numberLine.back();
            const auto at = [&](double v) { return kMargin + (hi > lo ? (v - lo) / (hi - lo) : 0.5) * inner; };
            const int axis = y + 8;
            if (p) {
                p->setPen(QPen(ink, 1));
                p->drawLine(QPointF(kMargin, axis), QPointF(kMargin + inner, axis));
                for (double v : row.numberLine)
                    p->drawLine(QPointF(at(v), axis - 6), QPointF(at(v), axis + 6));
                // Labels where they do not collide: the ends, zero, then the rest left to right.
                std::vector<std::pair<double, double>> taken; // pixel spans already labelled
                auto label = [&](double v) {
                    const QString text = QLocale().toString(v, 'g', 3);
                    const double w = fm.horizontalAdvance(text);
                    const double left = std::clamp(at(v) - w / 2, double(kMargin), kMargin + inner - w);
                    for (const auto &[a, b] : taken)
                        if (left < b + 4 && left + w > a - 4)
                            return;
                    taken.emplace_back(left, left + w);
                    p->drawText(QPointF(left, axis + 8 + fm.ascent()), text);
                };
                p->setFont(font());
                label(lo);
                label(hi);
                if (lo < 0 && hi > 0)
                    label(0);
                for (double v : row.numberLine)
                    label(v);
            }
            y += 16 + fm.height() + kGap;
        }
        // The legend: a swatch and the words for each entry, flowing onto as many lines as it needs.
        int lx = kMargin;
        bool any = false;
        for (const auto &s : row.segments) {
            if (s.legend.isEmpty())
                continue;
            const int w = kSwatch + 4 + fm.horizontalAdvance(s.legend) + 14;
            if (lx + w > kMargin + inner && lx > kMargin) {
                lx = kMargin;
                y += fm.height() + 2;
            }
            if (p) {
                p->setPen(QPen(ink, 0.5));
                p->setBrush(s.colour);
                p->drawRect(QRectF(lx, y + (fm.height() - kSwatch) / 2.0, kSwatch, kSwatch));
                p->setPen(ink);
                p->drawText(QPointF(lx + kSwatch + 4, y + fm.ascent()), s.legend);
            }
            lx += w;
            any = true;
        }
        if (any)
            y += fm.height();
        y += 2 * kGap;
    }
    return y + kMargin;
}

} // namespace headroom::gui
