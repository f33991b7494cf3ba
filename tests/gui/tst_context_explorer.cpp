// SPDX-License-Identifier: GPL-3.0-or-later
// The Context length tab: it draws what the estimate says at each context and variant (the lines' points are
// estimates made here independently of the widget), the usable memory as a horizontal line, the longest context
// as a vertical one, the window of a sliding-window model, and it follows the window's inputs.
#include "context_explorer_panel.h"
#include "main_window.h"
#include "test_support.h"

#include <headroom/context_curve.h>

#include <QChart>
#include <QCheckBox>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>

#include <cmath>

using namespace headroom;
using namespace headroom::gui;

namespace {

std::shared_ptr<const ResolvedRequest> resolvedFor(const char *model, const char *engine, std::uint32_t ctx)
{
    RequestInputs in;
    in.model = model;
    in.engine = engine;
    in.gpus = {"rtx-4090"};
    in.ctx = ctx;
    auto r = resolveRequest(test::catalog(), in);
    if (!std::holds_alternative<ResolvedRequest>(r))
        qFatal("test inputs do not resolve");
    return std::make_shared<const ResolvedRequest>(std::move(std::get<ResolvedRequest>(r)));
}

double gib(Bytes b)
{
    return static_cast<double>(b) / static_cast<double>(GiB);
}

} // namespace

class TestContextExplorer : public QObject
{
    Q_OBJECT

private slots:
    void drawsTheEstimates()
    {
        ContextExplorerPanel panel;
        panel.resize(900, 600);
        const auto rr = resolvedFor("qwen3-8b", "llama.cpp", 8192);
        panel.setRequest(rr);
        const Placement asked = estimate(rr->request);
        const ContextCurve &c = panel.curve();
        QCOMPARE(c.lines.size(), std::size_t{6});
        std::size_t drawn = 0;
        for (std::size_t i = 0; i < c.lines.size(); ++i) {
            const ContextLine &l = c.lines[i];
            QCheckBox *box = panel.checkBox(i);
            QVERIFY(box);
            if (l.status != VariantStatus::Runs) {
                // Not drawn, and the box says why.
                QVERIFY(!panel.totalSeries(i));
                QVERIFY(!box->isEnabled());
                QVERIFY(box->toolTip().contains(QStringLiteral("f16 KV cache")));
                continue;
            }
            ++drawn;
            QLineSeries *total = panel.totalSeries(i);
            QVERIFY(total && total->isVisible());
            QVERIFY(total->count() >= 8);
            // Every drawn point is the estimate at its context: on the GPU while every layer fits there.
            for (const QPointF &p : total->points()) {
                const auto ctx = static_cast<std::uint32_t>(std::lround(std::exp2(p.x())));
                const Placement e = estimate(requestAt(rr->request, l.variant, ctx));
                QVERIFY(fitsOnGpus(e.verdict));
                QCOMPARE(p.y(), gib(e.devices.front().total()));
            }
            QLineSeries *kv = panel.kvSeries(i);
            QVERIFY(kv);
            const QPointF last = kv->points().back();
            const Placement atLast =
                estimate(requestAt(rr->request, l.variant, static_cast<std::uint32_t>(std::lround(std::exp2(last.x())))));
            QCOMPARE(last.y(), gib(atLast.devices.front().kvCache + atLast.host.kvCache));
            // The marker sits at the estimate's longest context.
            QLineSeries *marker = panel.markerSeries(i);
            QVERIFY(marker && marker->count() == 2);
            QCOMPARE(marker->at(0).x(), ContextExplorerPanel::xOf(estimate(requestAt(rr->request, l.variant, 8192)).maxContext));
            if (l.chosen)
                QCOMPARE(marker->at(0).x(), ContextExplorerPanel::xOf(asked.maxContext));
        }
        QCOMPARE(drawn, std::size_t{4}); // flash attention on x f16, q8_0, q4_0 and off x f16
        // The capacity line is the device's usable memory, across the whole plot.
        QLineSeries *capacity = panel.capacityLine();
        QCOMPARE(capacity->count(), 2);
        QCOMPARE(capacity->at(0).y(), gib(asked.devices.front().usable));
        QCOMPARE(capacity->at(1).y(), capacity->at(0).y());
        QCOMPARE(capacity->at(0).x(), ContextExplorerPanel::xOf(512));
        // The ring marks the context asked for.
        QCOMPARE(panel.askedPoint()->count(), 1);
        QCOMPARE(panel.askedPoint()->at(0).x(), ContextExplorerPanel::xOf(8192));
        // qwen3-8b has no window.
        QCOMPARE(panel.windowLine()->count(), 0);

        // A checkbox hides its variant.
        QCheckBox *q4 = nullptr;
        std::size_t q4Line = 0;
        for (std::size_t i = 0; i < c.lines.size(); ++i)
            if (c.lines[i].variant == ContextVariant{true, KvType::Q4_0}) {
                q4 = panel.checkBox(i);
                q4Line = i;
            }
        QVERIFY(q4 && q4->isEnabled() && q4->isChecked());
        q4->setChecked(false);
        QVERIFY(!panel.totalSeries(q4Line)->isVisible());
        QVERIFY(!panel.kvSeries(q4Line)->isVisible());
        QVERIFY(!panel.markerSeries(q4Line)->isVisible());
        // ... and keeps it hidden when the inputs change (the curve is redrawn on every change).
        panel.setRequest(resolvedFor("qwen3-8b", "llama.cpp", 16384));
        QVERIFY(!panel.checkBox(q4Line)->isChecked());
        QVERIFY(!panel.totalSeries(q4Line)->isVisible());
        QVERIFY(panel.totalSeries(0)->isVisible());
    }

    void slidingWindowIsMarked()
    {
        ContextExplorerPanel panel;
        panel.setRequest(resolvedFor("gemma-3-27b-it", "ollama", 8192));
        QCOMPARE(panel.windowLine()->count(), 2);
        QCOMPARE(panel.windowLine()->at(0).x(), ContextExplorerPanel::xOf(1024));
        const auto *layers = panel.findChild<QLabel *>(QStringLiteral("contextLayers"));
        QVERIFY(layers);
        QVERIFY2(layers->text().contains(QStringLiteral("10 of 62 layers")), qPrintable(layers->text()));
        // The f16 line runs out of the 4090 before the model's 128K: a point beyond its marker spills (dotted).
        const ContextCurve &c = panel.curve();
        for (std::size_t i = 0; i < c.lines.size(); ++i)
            if (c.lines[i].variant == ContextVariant{true, KvType::F16}) {
                QVERIFY(c.lines[i].maxContext > 0 && c.lines[i].maxContext < 131072);
                QVERIFY(panel.totalSeries(i)->points().back().x() <= ContextExplorerPanel::xOf(c.lines[i].maxContext));
            }
    }

    void followsTheWindowInputs()
    {
        MainWindow w(test::catalog(), nullptr);
        GuiInputs in;
        in.model = QStringLiteral("qwen3-8b");
        in.engine = QStringLiteral("llama.cpp");
        in.ctx = 16384;
        w.setInputs(in);
        w.showContext();
        ContextExplorerPanel *panel = w.contextPanel();
        QCOMPARE(panel->curve().requestCtx, 16384U);
        QCOMPARE(panel->curve().modelMaxContext, 40960U);
        // A change on the left redraws the visible tab.
        in.model = QStringLiteral("gemma-3-27b-it");
        w.setInputs(in);
        QCOMPARE(panel->curve().modelMaxContext, 131072U);
        QVERIFY(panel->chart()->series().size() > 4);
        // Inputs that cannot be estimated (MLX on an NVIDIA card) leave nothing drawn.
        in.engine = QStringLiteral("mlx");
        w.setInputs(in);
        QVERIFY(!w.evaluation().ok());
        QVERIFY(panel->curve().lines.empty());
        QCOMPARE(panel->capacityLine()->count(), 0);
    }
};

QTEST_MAIN(TestContextExplorer)
#include "tst_context_explorer.moc"
