// SPDX-License-Identifier: GPL-3.0-or-later
#include "context_explorer_panel.h"

#include "chart_scale.h"

#include "texts.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCursor>
#include <QGraphicsSimpleTextItem>
#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPixmap>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace headroom::gui {
namespace {

/** "512", "4K", "128K", "1M": how people name context lengths. */
QString shortTokens(std::uint64_t ctx)
{
    if (ctx >= (1U << 20) && ctx % (1U << 20) == 0)
        return QStringLiteral("%1M").arg(ctx >> 20);
    if (ctx >= 1024 && ctx % 1024 == 0)
        return QStringLiteral("%1K").arg(ctx >> 10);
    return QString::number(ctx);
}

/** What a point shows on the chart: the GPUs' memory while every layer is there, everything once layers spill. */
bool pointFits(const ContextPoint &p)
{
    return fitsOnGpus(p.verdict); // without a GPU: fits in system RAM
}

double shownGiB(const ContextCurve &c, const ContextPoint &p)
{
    return toGiB(pointFits(p) ? (c.cpuOnly ? p.hostTotal : p.gpuTotal) : p.total());
}

} // namespace

ContextExplorerPanel::ContextExplorerPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("contextExplorerPanel"));
    m_dark = palette().color(QPalette::Window).lightness() < 128;
    const QColor text = palette().color(QPalette::WindowText);
    const QColor capacity(0xD5, 0x5E, 0x00); // vermillion, as the memory bars' usable line

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("contextTitle"));
    m_title->setWordWrap(true);
    m_boxes = new QWidget;
    m_boxes->setObjectName(QStringLiteral("contextVariants"));
    new QGridLayout(m_boxes);
    m_boxes->layout()->setContentsMargins(0, 0, 0, 0);

    m_chart = new QChart;
    m_chart->setTheme(m_dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setBackgroundVisible(false);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(4, 4, 18, 4)); // room for the last context label ("128K") at the right edge
    m_chart->legend()->setVisible(false);       // the checkboxes are the legend: one colour per variant

    m_x = new QCategoryAxis;
    m_x->setTitleText(tr("Context per sequence (tokens, log scale)"));
    m_x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_y = new QValueAxis;
    m_y->setTitleText(tr("Memory (GiB)"));
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    for (QValueAxis *axis : {static_cast<QValueAxis *>(m_x), m_y}) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setLabelsFont(font());
        QColor grid = text;
        grid.setAlpha(40);
        axis->setGridLineColor(grid);
    }
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);

    m_capacity = new QLineSeries;
    m_capacity->setObjectName(QStringLiteral("contextCapacity"));
    QPen capacityPen(capacity);
    capacityPen.setWidthF(2.0);
    capacityPen.setStyle(Qt::DashLine);
    m_capacity->setPen(capacityPen);
    m_chart->addSeries(m_capacity);
    m_capacity->attachAxis(m_x);
    m_capacity->attachAxis(m_y);
    m_capacityLabel = new QGraphicsSimpleTextItem(m_chart);
    m_capacityLabel->setBrush(m_dark ? capacity.lighter(130) : capacity);
    m_capacityLabel->setFont(font());
    m_capacityLabel->setZValue(10);
    QColor faint = text;
    faint.setAlpha(110);
    m_window = new QLineSeries;
    QPen windowPen(faint);
    windowPen.setWidthF(1.5);
    windowPen.setStyle(Qt::DotLine);
    m_window->setPen(windowPen);
    m_chart->addSeries(m_window);
    m_window->attachAxis(m_x);
    m_window->attachAxis(m_y);
    m_windowLabel = new QGraphicsSimpleTextItem(m_chart);
    m_windowLabel->setBrush(text);
    m_windowLabel->setFont(font());
    m_windowLabel->setZValue(10);
    connect(m_chart, &QChart::plotAreaChanged, this, &ContextExplorerPanel::placeLabels);

    m_asked = new QScatterSeries;
    m_asked->setObjectName(QStringLiteral("contextAsked"));
    m_asked->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_asked->setMarkerSize(13);
    m_asked->setColor(Qt::transparent);
    QPen ring(text);
    ring.setWidthF(2.0);
    m_asked->setPen(ring);
    m_chart->addSeries(m_asked);
    m_asked->attachAxis(m_x);
    m_asked->attachAxis(m_y);

    m_view = new QChartView(m_chart);
    m_view->setObjectName(QStringLiteral("contextChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(240);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setStyleSheet(QStringLiteral("background: transparent"));

    m_key = new QLabel;
    m_key->setObjectName(QStringLiteral("contextKey"));
    m_key->setWordWrap(true);
    m_layers = new QLabel;
    m_layers->setObjectName(QStringLiteral("contextLayers"));
    m_layers->setWordWrap(true);
    m_notDrawn = new QLabel;
    m_notDrawn->setObjectName(QStringLiteral("contextNotDrawn"));
    m_notDrawn->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_boxes);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_layers);
    layout->addWidget(m_key);
    layout->addWidget(m_notDrawn);
}

ContextExplorerPanel::~ContextExplorerPanel() = default;

double ContextExplorerPanel::xOf(std::uint32_t ctx)
{
    return std::log2(static_cast<double>(std::max<std::uint32_t>(ctx, 1)));
}

QLineSeries *ContextExplorerPanel::totalSeries(std::size_t line) const
{
    for (const auto &d : m_drawn)
        if (d.line == line)
            return d.fits;
    return nullptr;
}

QLineSeries *ContextExplorerPanel::kvSeries(std::size_t line) const
{
    for (const auto &d : m_drawn)
        if (d.line == line)
            return d.kv;
    return nullptr;
}

QLineSeries *ContextExplorerPanel::markerSeries(std::size_t line) const
{
    for (const auto &d : m_drawn)
        if (d.line == line)
            return d.marker;
    return nullptr;
}

QCheckBox *ContextExplorerPanel::checkBox(std::size_t line) const
{
    const auto boxes = m_boxes->findChildren<QCheckBox *>();
    for (QCheckBox *b : boxes)
        if (b->property("line").toULongLong() == line)
            return b;
    return nullptr;
}

QColor ContextExplorerPanel::colorOf(const ContextVariant &v) const
{
    // Okabe–Ito, as the memory bars; vermillion stays the capacity's. Flash attention off gets its own hue.
    if (!v.flashAttn)
        return v.kvType == KvType::F16 ? QColor(0xCC, 0x79, 0xA7) : QColor(0x99, 0x99, 0x99);
    switch (v.kvType) {
    case KvType::F16: return m_dark ? QColor(0x56, 0xB4, 0xE9) : QColor(0x00, 0x72, 0xB2);
    case KvType::Q8_0: return QColor(0xE6, 0x9F, 0x00);
    case KvType::Q4_0: return QColor(0x00, 0x9E, 0x73);
    default: return m_dark ? QColor(0xF0, 0xE4, 0x42) : QColor(0x56, 0xB4, 0xE9);
    }
}

QString ContextExplorerPanel::variantName(const ContextVariant &v) const
{
    const QString kv = QString::fromLatin1(kvTypeName(v.kvType));
    return v.flashAttn ? tr("Flash attention on, KV %1").arg(kv) : tr("Flash attention off, KV %1").arg(kv);
}

QString ContextExplorerPanel::statusText(const ContextLine &l) const
{
    const QString engine = m_request ? QString::fromStdString(m_request->request.engine->name) : QString();
    const QString same = l.sameAs ? variantName(m_curve.lines[*l.sameAs].variant) : QString();
    switch (l.status) {
    case VariantStatus::Runs: break;
    case VariantStatus::KvTypeNotOffered:
        return tr("%1 has no %2 KV cache.").arg(engine, QString::fromLatin1(kvTypeName(l.variant.kvType)));
    case VariantStatus::KvQuantNeedsFlashAttn:
        return tr("%1: without flash attention %2 keeps an f16 KV cache, the same memory as \u201c%3\u201d.")
            .arg(variantName(l.variant), engine, same);
    case VariantStatus::FlashAttnNoEffect:
        return tr("%1: %2 needs the same memory with and without flash attention, as \u201c%3\u201d.")
            .arg(variantName(l.variant), engine, same);
    }
    return {};
}

void ContextExplorerPanel::setRequest(std::shared_ptr<const ResolvedRequest> request)
{
    m_request = std::move(request);
    // Four points per doubling: the lines look like curves on the log axis; still every point is an estimate.
    m_curve = m_request ? contextCurve(m_request->request, ContextCurveOptions{512, 4}) : ContextCurve{};
    rebuild();
}

void ContextExplorerPanel::clearSeries()
{
    for (auto &d : m_drawn) {
        for (QLineSeries *s : {d.fits, d.spill, d.kv, d.marker}) {
            m_chart->removeSeries(s);
            delete s;
        }
        delete d.label;
    }
    m_drawn.clear();
    auto *grid = static_cast<QGridLayout *>(m_boxes->layout());
    while (QLayoutItem *item = grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void ContextExplorerPanel::rebuild()
{
    clearSeries();
    if (!m_request) {
        m_title->setText(tr("Nothing to draw: the Estimate tab says what is wrong with the inputs."));
        m_notDrawn->clear();
        m_layers->clear();
        m_key->clear();
        m_capacity->clear();
        m_asked->clear();
        rescale();
        return;
    }
    const auto &r = m_request->request;
    const QString where = m_curve.cpuOnly ? tr("system RAM") : QString::fromStdString(r.devices.front().name);
    m_title->setText(tr("<b>%1</b> %2 on %3: memory against context length on %4 (%5 usable), trained for up to %6 tokens")
                         .arg(QString::fromStdString(r.model->name).toHtmlEscaped(),
                              m_request->quant ? QString::fromStdString(m_request->quant->name).toHtmlEscaped() : QString(),
                              QString::fromStdString(r.engine->name).toHtmlEscaped(),
                              r.devices.size() > 1 ? tr("%n GPU(s)", nullptr, static_cast<int>(r.devices.size())) : where.toHtmlEscaped(),
                              m_curve.usable ? Texts::gib(toGiB(m_curve.usable)) : tr("unknown"), Texts::tokens(m_curve.modelMaxContext)));

    m_key->setText(m_curve.cpuOnly ? tr("Solid: memory in system RAM while it fits there; dotted: beyond what fits; dashed: the KV cache "
                                        "alone. A vertical line marks the longest context that fits in system RAM; the ring, the context "
                                        "set on the left.")
                                   : tr("Solid: memory on the GPU while every layer fits there; dotted: GPU and system RAM together once "
                                        "layers move to system RAM; dashed: the KV cache alone. A vertical line marks the longest context "
                                        "that keeps every layer on the GPU; the ring, the context set on the left."));
    // Why the curve rises as it does: which blocks' caches grow with the context.
    if (m_curve.window > 0)
        m_layers->setText(tr("The KV cache grows with the context in %1 of %2 layers: the other layers attend to a sliding window of "
                             "%3 tokens, so beyond it the curve flattens.")
                              .arg(m_curve.growingLayers)
                              .arg(m_curve.layers)
                              .arg(Texts::tokens(m_curve.window)));
    else if (m_curve.growingLayers < m_curve.layers)
        m_layers->setText(tr("The KV cache grows with the context in %1 of %2 layers; the others keep a fixed state, whatever the "
                             "context.")
                              .arg(m_curve.growingLayers)
                              .arg(m_curve.layers));
    else
        m_layers->setText(tr("The KV cache grows with the context in all %1 layers.").arg(m_curve.layers));

    // One column per KV type, one row per flash-attention setting: the grid of variants.
    auto *grid = static_cast<QGridLayout *>(m_boxes->layout());
    std::vector<KvType> kvColumns;
    for (const auto &l : m_curve.lines)
        if (std::find(kvColumns.begin(), kvColumns.end(), l.variant.kvType) == kvColumns.end())
            kvColumns.push_back(l.variant.kvType);
    grid->addWidget(new QLabel(tr("Flash attention on")), 0, 0);
    grid->addWidget(new QLabel(tr("Flash attention off")), 1, 0);
    QStringList notDrawn;
    for (std::size_t i = 0; i < m_curve.lines.size(); ++i) {
        const ContextLine &l = m_curve.lines[i];
        const int column = static_cast<int>(std::find(kvColumns.begin(), kvColumns.end(), l.variant.kvType) - kvColumns.begin()) + 1;
        const QString kv = QString::fromLatin1(kvTypeName(l.variant.kvType));
        auto *box = new QCheckBox(l.chosen ? tr("KV %1 (current)").arg(kv) : tr("KV %1").arg(kv));
        box->setProperty("line", QVariant::fromValue(static_cast<qulonglong>(i)));
        grid->addWidget(box, l.variant.flashAttn ? 0 : 1, column);
        if (l.status != VariantStatus::Runs) {
            box->setEnabled(false);
            box->setToolTip(statusText(l));
            notDrawn << statusText(l);
            continue;
        }
        box->setChecked(std::find(m_hidden.begin(), m_hidden.end(), l.variant) == m_hidden.end());
        QPixmap swatch(12, 12);
        swatch.fill(colorOf(l.variant));
        box->setIcon(QIcon(swatch));
        Drawn d;
        d.line = i;
        d.box = box;
        d.color = colorOf(l.variant);
        d.fits = new QLineSeries;
        d.spill = new QLineSeries;
        d.kv = new QLineSeries;
        d.marker = new QLineSeries;
        QPen solid(d.color);
        solid.setWidthF(l.chosen ? 3.5 : 2.5);
        d.fits->setPen(solid);
        QPen dotted(d.color);
        dotted.setWidthF(2.0);
        dotted.setStyle(Qt::DotLine);
        d.spill->setPen(dotted);
        QPen dashed(d.color);
        dashed.setWidthF(1.5);
        dashed.setStyle(Qt::DashLine);
        d.kv->setPen(dashed);
        QPen marker(d.color);
        marker.setWidthF(1.2);
        marker.setStyle(Qt::DashDotLine);
        d.marker->setPen(marker);
        QList<QPointF> fits, spill, kvPoints;
        for (const auto &p : l.points) {
            const QPointF at(xOf(p.ctx), shownGiB(m_curve, p));
            // The dotted part starts where the solid one ends, so the line reads as one.
            if (pointFits(p) && spill.isEmpty())
                fits.append(at);
            else {
                if (spill.isEmpty() && !fits.isEmpty())
                    spill.append(fits.back());
                spill.append(at);
            }
            kvPoints.append(QPointF(xOf(p.ctx), toGiB(p.kvCache)));
        }
        d.fits->replace(fits);
        d.spill->replace(spill);
        d.kv->replace(kvPoints);
        d.fits->setName(variantName(l.variant));
        d.label = new QGraphicsSimpleTextItem(m_chart);
        d.label->setBrush(m_dark ? d.color.lighter(120) : d.color.darker(115));
        QFont f = font();
        f.setBold(l.chosen);
        d.label->setFont(f);
        d.label->setZValue(10);
        d.label->setText(l.maxContext > 0 ? Texts::tokens(l.maxContext)
                                          : (m_curve.cpuOnly ? tr("does not fit in system RAM") : tr("no context fits on the GPU")));
        m_drawn.push_back(d);
    }
    // Drawn in this order, the last on top: markers, KV caches (the first variant's over a later one of the same KV type:
    // flash attention does not change the cache), then the memory lines.
    const auto add = [this](QLineSeries *s) {
        m_chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    };
    for (const Drawn &d : m_drawn)
        add(d.marker);
    for (auto d = m_drawn.rbegin(); d != m_drawn.rend(); ++d)
        add(d->kv);
    for (const Drawn &d : m_drawn) {
        add(d.spill);
        add(d.fits);
    }
    // The ring goes on last so that it draws over the lines.
    m_chart->removeSeries(m_asked);
    m_chart->addSeries(m_asked);
    m_asked->attachAxis(m_x);
    m_asked->attachAxis(m_y);
    m_asked->clear();
    if (const ContextLine *chosen = m_curve.chosen(); chosen) {
        const ContextLine &drawnLine = chosen->sameAs ? m_curve.lines[*chosen->sameAs] : *chosen;
        for (const auto &p : drawnLine.points)
            if (p.ctx == m_curve.requestCtx)
                m_asked->append(xOf(p.ctx), shownGiB(m_curve, p));
    }
    for (const Drawn &d : m_drawn) {
        connect(d.box, &QCheckBox::toggled, this, [this, variant = m_curve.lines[d.line].variant](bool on) {
            const auto at = std::find(m_hidden.begin(), m_hidden.end(), variant);
            if (!on && at == m_hidden.end())
                m_hidden.push_back(variant);
            else if (on && at != m_hidden.end())
                m_hidden.erase(at);
            updateVisibility();
        });
        for (QLineSeries *s : {d.fits, d.spill})
            connect(s, &QLineSeries::hovered, this, [this, line = d.line](const QPointF &p, bool state) {
                for (const Drawn &x : m_drawn)
                    if (x.line == line)
                        hover(x, p, state);
            });
    }
    notDrawn.removeDuplicates(); // "vLLM has no q8_0 KV cache" once, not once per flash-attention setting
    m_notDrawn->setText(notDrawn.isEmpty() ? QString() : tr("Not drawn: %1").arg(QLatin1Char('\n') + notDrawn.join(QLatin1Char('\n'))));
    m_notDrawn->setVisible(!notDrawn.isEmpty());
    updateVisibility();
}

void ContextExplorerPanel::updateVisibility()
{
    for (const Drawn &d : m_drawn) {
        const bool on = d.box->isChecked();
        for (QLineSeries *s : {d.fits, d.spill, d.kv, d.marker})
            s->setVisible(on);
    }
    rescale();
}

void ContextExplorerPanel::rescale()
{
    const std::uint32_t lo = m_curve.contexts.empty() ? 512 : m_curve.contexts.front();
    const std::uint32_t hi = std::max(m_curve.modelMaxContext, lo * 2);
    for (const QString &label : m_x->categoriesLabels())
        m_x->remove(label);
    m_x->setStartValue(xOf(lo));
    for (std::uint64_t ctx = lo; ctx <= hi; ctx *= 2)
        m_x->append(shortTokens(ctx), xOf(static_cast<std::uint32_t>(ctx)));
    m_x->setRange(xOf(lo), xOf(hi));

    // The y range follows what is visible: up to half again the capacity, or the lines' start when nothing fits.
    double lowest = 0.0, highest = 0.0;
    bool any = false;
    for (const Drawn &d : m_drawn) {
        if (!d.box->isChecked())
            continue;
        for (const auto &p : m_curve.lines[d.line].points) {
            const double v = shownGiB(m_curve, p);
            lowest = any ? std::min(lowest, v) : v;
            highest = std::max(highest, v);
            any = true;
        }
    }
    const double capacity = toGiB(m_curve.usable);
    const double top = std::max({1.0, capacity * 1.05, std::min(highest, std::max(capacity * 1.5, lowest * 1.3))});
    const double step = niceStep(top);
    const double yMax = std::ceil(top * 1.02 / step) * step;
    m_y->setRange(0, yMax);
    m_y->setTickCount(static_cast<int>(std::lround(yMax / step)) + 1);
    if (capacity > 0)
        m_capacity->replace(QList<QPointF>{{xOf(lo), capacity}, {xOf(hi), capacity}});
    else
        m_capacity->clear();
    m_capacityLabel->setText(capacity > 0 ? tr("%1 usable").arg(Texts::gib(capacity)) : QString());
    if (m_curve.window > 0 && m_curve.window > lo && m_curve.window < hi)
        m_window->replace(QList<QPointF>{{xOf(m_curve.window), 0.0}, {xOf(m_curve.window), yMax}});
    else
        m_window->clear();
    m_windowLabel->setText(m_window->count() > 0 ? tr("sliding window") : QString());
    for (const Drawn &d : m_drawn) {
        const auto maxContext = m_curve.lines[d.line].maxContext;
        if (maxContext > 0)
            d.marker->replace(QList<QPointF>{{xOf(maxContext), 0.0}, {xOf(maxContext), yMax}});
        else
            d.marker->clear();
    }
    placeLabels();
}

void ContextExplorerPanel::placeLabels()
{
    const QRectF plot = m_chart->plotArea();
    if (m_capacity->count() > 0) {
        const QPointF left = m_chart->mapToPosition(m_capacity->at(0), m_capacity);
        const QRectF box = m_capacityLabel->boundingRect();
        // Above the line at the left, where the lines start low (weights only): the corner is empty.
        m_capacityLabel->setPos(plot.left() + 6, left.y() - box.height() - 2);
        m_capacityLabel->show();
    } else {
        m_capacityLabel->hide();
    }
    if (m_window->count() > 0) {
        const QPointF foot = m_chart->mapToPosition(m_window->at(0), m_window);
        const QRectF box = m_windowLabel->boundingRect();
        // Low in the plot, beside the line: the curves start above the weights.
        m_windowLabel->setPos(foot.x() + 4, plot.bottom() - (plot.height() * 0.5) - box.height());
        m_windowLabel->show();
    } else {
        m_windowLabel->hide();
    }
    // The markers' labels at the top of the plot, one row each, so that close markers do not overwrite each other.
    int row = 0;
    for (const Drawn &d : m_drawn) {
        const bool shown = d.box->isChecked();
        d.label->setVisible(shown);
        if (!shown)
            continue;
        const QRectF box = d.label->boundingRect();
        double x = plot.left() + 6;
        if (d.marker->count() > 0) {
            const double at = m_chart->mapToPosition(d.marker->at(0), d.marker).x();
            x = at + 4 + box.width() <= plot.right() ? at + 4 : at - 4 - box.width();
        }
        d.label->setPos(x, plot.top() + 2 + row * (box.height() + 1));
        ++row;
    }
}

void ContextExplorerPanel::hover(const Drawn &d, const QPointF &point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const ContextLine &l = m_curve.lines[d.line];
    if (l.points.empty())
        return;
    const auto nearest = std::min_element(l.points.begin(), l.points.end(), [&](const ContextPoint &a, const ContextPoint &b) {
        return std::abs(xOf(a.ctx) - point.x()) < std::abs(xOf(b.ctx) - point.x());
    });
    const ContextPoint &p = *nearest;
    const QString text = tr("%1\n%2 tokens: %3 in all (GPU %4, system RAM %5)\nweights %6, KV cache %7, compute %8\n%9")
                             .arg(variantName(l.variant), Texts::tokens(p.ctx), Texts::gib(toGiB(p.total())), Texts::gib(toGiB(p.gpuTotal)),
                                  Texts::gib(toGiB(p.hostTotal)), Texts::gib(toGiB(p.weights)), Texts::gib(toGiB(p.kvCache)),
                                  Texts::gib(toGiB(p.compute)), Texts::verdict(p.verdict));
    QToolTip::showText(QCursor::pos(), text, m_view);
}

} // namespace headroom::gui
