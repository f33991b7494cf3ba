// SPDX-License-Identifier: GPL-3.0-or-later
// A drag of the context slider: recompute (resolve + estimate + fixes) + item model update + chart
// repaint, as the window does it. Target: < 16 ms per step (one frame at 60 Hz).
#include "catalog_resources.h"
#include "chart_panel.h"
#include "evaluation.h"
#include "main_window.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QChartView>
#include <QSpinBox>

namespace {

using namespace headroom;
using namespace headroom::gui;

const Catalog &catalog()
{
    static const Catalog c = std::get<Catalog>(loadEmbeddedCatalog());
    return c;
}

GuiInputs scenario(const char *model, const char *gpu)
{
    GuiInputs in;
    in.model = QString::fromLatin1(model);
    in.gpu = QString::fromLatin1(gpu);
    return in;
}

void dragContext(benchmark::State &state, const GuiInputs &inputs)
{
    MainWindow w(catalog(), nullptr);
    w.setInputs(inputs);
    w.resize(1280, 800);
    w.show();
    QApplication::processEvents();
    auto *spin = w.findChild<QSpinBox *>(QStringLiteral("ctxSpin"));
    QWidget *viewport = w.chartPanel()->chartView()->viewport();
    const int steps[] = {4096, 6144, 8192, 12288, 16384, 24576, 32768, 24576, 16384, 12288, 8192, 6144};
    std::size_t i = 0;
    for (auto _ : state) {
        spin->setValue(steps[i++ % std::size(steps)]); // recompute + EstimateModel update (signals)
        QApplication::processEvents();                 // the chart's queued scene updates
        viewport->repaint();                           // synchronous paint of the bars
    }
}

void BM_GuiContextDrag_Fits(benchmark::State &state)
{
    dragContext(state, scenario("qwen3-8b", "rtx-4090"));
}
void BM_GuiContextDrag_PartialOffload(benchmark::State &state)
{
    dragContext(state, scenario("deepseek-r1:32b", "rtx-4090d"));
}
void BM_GuiContextDrag_TwoGpus(benchmark::State &state)
{
    GuiInputs in = scenario("llama3.3:70b", "rtx-3090");
    in.gpuCount = 2;
    dragContext(state, in);
}

/** The engine part alone, for reference. */
void BM_EvaluateOnly_PartialOffload(benchmark::State &state)
{
    GuiInputs in = scenario("deepseek-r1:32b", "rtx-4090d");
    std::uint32_t ctx = 4096;
    for (auto _ : state) {
        in.ctx = ctx;
        ctx = ctx >= 32768 ? 4096 : ctx * 2;
        benchmark::DoNotOptimize(evaluate(catalog(), in.toRequestInputs(), nullptr));
    }
}

BENCHMARK(BM_GuiContextDrag_Fits)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GuiContextDrag_PartialOffload)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GuiContextDrag_TwoGpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EvaluateOnly_PartialOffload)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
