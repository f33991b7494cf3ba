// SPDX-License-Identifier: GPL-3.0-or-later
// Checks the estimator against public measurements (tests/data/calibration.csv, copied from
// shared/calibration/measurements.csv with each row's source). Prints the error per engine and fails
// when an engine's mean absolute error, or any single row, exceeds the bounds documented in
// docs/accuracy.md.
#include "test_catalog.h"

#include <headroom/estimator.h>
#include <headroom/request_resolver.h>

#include <QtTest>

#include <cmath>
#include <map>

using namespace headroom;

namespace {

struct Bound {
    double meanAbs;
    double maxAbs;
};

// docs/accuracy.md explains each bound; tighten them as the model improves, never loosen silently.
const std::map<std::string, Bound> kBounds{
    {"llama.cpp", {0.04, 0.12}}, {"ollama", {0.02, 0.05}}, {"vllm", {0.20, 0.55}},
    {"transformers", {0.06, 0.35}}, {"mlx", {0.05, 0.10}},
};

std::optional<std::uint32_t> number(const std::string &s)
{
    if (s.empty())
        return std::nullopt;
    return static_cast<std::uint32_t>(std::stoul(s));
}

Bytes pick(const Placement &p, const std::string &target)
{
    const auto sumDevices = [&](auto member) {
        Bytes s = 0;
        for (const auto &d : p.devices)
            s += member(d);
        return s;
    };
    const DeviceUsage &d0 = p.devices.empty() ? p.host : p.devices.front();
    if (target == "device0.weights") return d0.weights;
    if (target == "device0.kv") return d0.kvCache;
    if (target == "device0.compute") return d0.compute;
    if (target == "device0.total") return d0.total();
    if (target == "host.weights") return p.host.weights;
    if (target == "host.kv") return p.host.kvCache;
    if (target == "host.compute") return p.host.compute;
    // Allocator peaks (torch.cuda.max_memory_allocated, mx.get_peak_memory) exclude the runtime context.
    if (target == "devices.allocated")
        return sumDevices([](const DeviceUsage &u) { return u.weights + u.kvCache + u.compute; });
    qFatal("unknown calibration target %s", target.c_str());
}

} // namespace

class TestCalibration : public QObject
{
    Q_OBJECT

private slots:
    void errorPerEngineWithinBounds()
    {
        const auto rows = test::readCsv(HEADROOM_TEST_DATA_DIR "/calibration.csv");
        QVERIFY(rows.size() > 100);
        const auto &header = rows.front();
        auto col = [&](const char *name) {
            const auto it = std::find(header.begin(), header.end(), name);
            if (it == header.end())
                qFatal("calibration.csv lacks column %s", name);
            return static_cast<std::size_t>(it - header.begin());
        };
        std::map<std::string, std::vector<double>> errors;
        std::vector<std::string> failures;
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const auto &r = rows[i];
            if (r.size() != header.size())
                continue;
            RequestInputs in;
            in.model = r[col("model")];
            in.quant = r[col("quant")];
            in.engine = r[col("engine")];
            in.engineVersion = r[col("engine_version")];
            in.ctx = number(r[col("ctx")]);
            in.parallel = number(r[col("parallel")]);
            in.ubatch = number(r[col("ubatch")]);
            in.kvType = r[col("kv_type")];
            const auto fa = r[col("flash_attn")];
            in.flashAttn = fa == "on" ? FlashAttn::On : fa == "off" ? FlashAttn::Off : FlashAttn::Auto;
            if (!r[col("gpu")].empty()) {
                in.gpus.push_back(r[col("gpu")]);
                in.gpuCount = number(r[col("gpus")]);
            }
            if (const auto ngl = number(r[col("gpu_layers")]))
                in.gpuLayers = static_cast<int>(*ngl);
            if (const auto ram = number(r[col("ram")]))
                in.hostRam = *ram * GiB;
            auto resolved = resolveRequest(test::shippedCatalog(), in);
            if (auto *e = std::get_if<ResolveError>(&resolved)) {
                failures.push_back("row " + r[col("id")] + ": cannot resolve " + e->field + "=" + e->value);
                continue;
            }
            const auto placement = estimate(std::get<ResolvedRequest>(resolved).request);
            const double predicted = static_cast<double>(pick(placement, r[col("target")]));
            const double measured = std::stod(r[col("measured_bytes")]);
            const double err = (predicted - measured) / measured;
            const auto &engine = in.engine;
            errors[engine].push_back(err);
            if (std::abs(err) > kBounds.at(engine).maxAbs)
                failures.push_back("row " + r[col("id")] + " (" + in.model + " " + r[col("target")] + "): " +
                                   std::to_string(err * 100) + " %");
        }
        qInfo("%-13s %5s %9s %9s %9s", "engine", "rows", "mean|e|", "max|e|", "bias");
        for (const auto &[engine, errs] : errors) {
            double sumAbs = 0, maxAbs = 0, sum = 0;
            for (double e : errs) {
                sumAbs += std::abs(e);
                maxAbs = std::max(maxAbs, std::abs(e));
                sum += e;
            }
            const double mean = sumAbs / static_cast<double>(errs.size());
            qInfo("%-13s %5zu %8.1f%% %8.1f%% %+8.1f%%", engine.c_str(), errs.size(), mean * 100, maxAbs * 100,
                  sum / static_cast<double>(errs.size()) * 100);
            if (mean > kBounds.at(engine).meanAbs)
                failures.push_back(engine + ": mean |error| " + std::to_string(mean * 100) + " % above bound");
        }
        for (const auto &f : failures)
            qWarning("%s", f.c_str());
        QVERIFY2(failures.empty(), "calibration bounds exceeded (see warnings above)");
        QCOMPARE(errors.size(), kBounds.size());
    }
};

QTEST_APPLESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
