// SPDX-License-Identifier: GPL-3.0-or-later
// The hardware kinds beyond a plain GPU: CPU-only machines (kind "cpu", every layer in system RAM) and GPUs
// that take their memory from system RAM (DGX Spark, Strix Halo: kind "gpu" with the driver's limit).
#include "test_catalog.h"

#include <headroom/catalog.h>
#include <headroom/devices.h>
#include <headroom/request_resolver.h>

#include <QtTest>

using namespace headroom;

namespace {

RequestInputs inputs(const char *model, const char *engine, std::vector<DeviceChoice> gpus)
{
    RequestInputs in;
    in.model = model;
    in.engine = engine;
    in.gpus = std::move(gpus);
    return in;
}

/** The shipped catalog with `find` replaced by `replace` in hardware.json; the load must fail. */
CatalogError brokenHardware(const std::string &find, const std::string &replace)
{
    auto s = test::shippedSources();
    const auto pos = s.hardware.find(find);
    if (pos == std::string::npos)
        qFatal("hardware.json has no '%s'", find.c_str());
    s.hardware.replace(pos, find.size(), replace);
    auto loaded = Catalog::load(s);
    if (!std::holds_alternative<CatalogError>(loaded))
        qFatal("hardware.json with '%s' loaded", replace.c_str());
    return std::get<CatalogError>(loaded);
}

} // namespace

class TestHardwareKinds : public QObject
{
    Q_OBJECT

private slots:
    void everyKindLoads()
    {
        const auto &c = test::shippedCatalog();
        int cpu = 0, unified = 0, gpu = 0;
        for (const auto &h : c.hardware()) {
            (h.kind == MemoryKind::Host ? cpu : h.kind == MemoryKind::Unified ? unified : gpu) += 1;
            QVERIFY2(!h.source.empty(), h.id.c_str());
        }
        QVERIFY(cpu >= 8);
        QVERIFY(unified >= 40);
        QVERIFY(gpu >= 60);
        const Hardware *desk = c.findHardware("cpu-desktop-ddr5-5600-2ch-64gb");
        QVERIFY(desk);
        QCOMPARE(desk->kind, MemoryKind::Host);
        QCOMPARE(desk->memoryChannels, 2U);
        QCOMPARE(desk->memoryMts, 5600U);
        QCOMPARE(desk->bandwidthGBs, 89.6); // 2 channels x 5600 MT/s x 8 bytes
        QCOMPARE(desk->memoryBytes, 64 * GiB);
        const Hardware *epyc = c.findHardware("cpu-server-epyc9004-ddr5-4800-12ch-768gb");
        QVERIFY(epyc);
        QCOMPARE(epyc->bandwidthGBs, 460.8); // Tom's Hardware: 460.8 GB/s per socket
        QCOMPARE(QString::fromStdString(memoryKindName(MemoryKind::Host)), QStringLiteral("cpu"));
    }

    /** A GPU sharing system RAM carries the driver's limit and where it was measured; engines fill only that. */
    void sharedMemoryGpusCarryTheirLimit_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<qint64>("limit");
        QTest::newRow("DGX Spark: CUDA's 121.69 GiB") << "dgx-spark" << qint64(130663642563);
        QTest::newRow("Strix Halo 128 GB, 96 GiB GTT") << "ryzen-ai-max-395-128gb" << qint64(96 * GiB);
        QTest::newRow("Strix Halo 128 GB, Linux default") << "ryzen-ai-max-395-128gb-linux-default" << qint64(63968 * MiB);
    }
    void sharedMemoryGpusCarryTheirLimit()
    {
        QFETCH(QString, id);
        QFETCH(qint64, limit);
        const auto &c = test::shippedCatalog();
        const Hardware *h = c.findHardware(id.toStdString());
        QVERIFY(h);
        QCOMPARE(h->kind, MemoryKind::Discrete);
        QVERIFY(h->gpuLimitBytes);
        QCOMPARE(qint64(*h->gpuLimitBytes), limit);
        QVERIFY(*h->gpuLimitBytes < h->memoryBytes);
        QVERIFY(!h->gpuLimitSource.empty());
        const DeviceSpec d = deviceFromHardware(*h);
        const EngineProfile *engine = c.findEngine("llama.cpp");
        QVERIFY(engine);
        QVERIFY(usableBytes(d, *engine, engine->versions.back()) <= *h->gpuLimitBytes);

        auto resolved = resolveRequest(c, inputs("qwen3-8b", "llama.cpp", {id.toStdString()}));
        QVERIFY(std::holds_alternative<ResolvedRequest>(resolved));
        const Placement p = estimate(std::get<ResolvedRequest>(resolved).request);
        QCOMPARE(p.devices.size(), std::size_t(1));
        QCOMPARE(qint64(p.devices.front().capacity), qint64(h->memoryBytes));
        QVERIFY(qint64(p.devices.front().usable) <= limit);
    }

    void everyLimitHasASource()
    {
        for (const auto &h : test::shippedCatalog().hardware())
            if (h.gpuLimitBytes)
                QVERIFY2(!h.gpuLimitSource.empty(), h.id.c_str());
    }

    /** A CPU-only machine adds no device: every layer, the cache and the buffers are in its RAM. */
    void cpuOnlyEstimateIsAllInRam_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("llama.cpp") << "llama.cpp";
        QTest::newRow("ollama") << "ollama";
    }
    void cpuOnlyEstimateIsAllInRam()
    {
        QFETCH(QString, engine);
        const auto &c = test::shippedCatalog();
        const Hardware *h = c.findHardware("cpu-desktop-ddr5-5600-2ch-64gb");
        auto resolved = resolveRequest(c, inputs("qwen3-8b", qPrintable(engine), {"cpu-desktop-ddr5-5600-2ch-64gb"}));
        QVERIFY(std::holds_alternative<ResolvedRequest>(resolved));
        const auto &r = std::get<ResolvedRequest>(resolved);
        QVERIFY(r.request.devices.empty());
        QCOMPARE(r.request.hostRam.value_or(0), h->memoryBytes);
        QCOMPARE(r.request.hostBandwidthGBs, h->bandwidthGBs);
        QCOMPARE(r.hardware, h);
        const Placement p = estimate(r.request);
        QVERIFY(p.devices.empty()); // zero GPU bytes: there is no GPU
        QCOMPARE(p.gpuLayers, 0U);
        QVERIFY(p.host.weights > 0);
        QVERIFY(p.host.kvCache > 0);
        QCOMPARE(qint64(p.host.capacity), qint64(h->memoryBytes));
        QVERIFY(fitsOnGpus(p.verdict)); // 8B at Q4_K_M in 64 GB: the host holds it
        QCOMPARE(p.host.bandwidthGBs, h->bandwidthGBs);
        QVERIFY(p.decodeTokensPerSecond > 0);
    }

    /** --ram says what is free; it wins over the entry's installed RAM. */
    void statedRamWins()
    {
        auto in = inputs("qwen3-8b", "llama.cpp", {"cpu-desktop-ddr5-5600-2ch-64gb"});
        in.hostRam = 8 * GiB;
        auto resolved = resolveRequest(test::shippedCatalog(), in);
        QVERIFY(std::holds_alternative<ResolvedRequest>(resolved));
        QCOMPARE(std::get<ResolvedRequest>(resolved).request.hostRam.value_or(0), 8 * GiB);
    }

    /** Beside a GPU, a CPU-only entry is the host the GPU offloads to. */
    void cpuEntryBesideAGpuIsTheHost()
    {
        const auto &c = test::shippedCatalog();
        auto resolved = resolveRequest(c, inputs("qwen3-8b", "llama.cpp", {"rtx-4060-8gb", "cpu-desktop-ddr4-3200-2ch-32gb"}));
        QVERIFY(std::holds_alternative<ResolvedRequest>(resolved));
        const auto &r = std::get<ResolvedRequest>(resolved).request;
        QCOMPARE(r.devices.size(), std::size_t(1));
        QCOMPARE(r.hostRam.value_or(0), 32 * GiB);
        QCOMPARE(r.hostBandwidthGBs, 51.2);
    }

    /** vLLM and MLX keep every layer on a GPU: with no GPU they refuse, naming the host. */
    void gpuOnlyEnginesRefuseACpuMachine_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("quant");
        QTest::newRow("vllm") << "vllm"
                              << "hf-bf16";
        QTest::newRow("mlx") << "mlx"
                             << "mlx-4bit";
    }
    void gpuOnlyEnginesRefuseACpuMachine()
    {
        QFETCH(QString, engine);
        QFETCH(QString, quant);
        auto in = inputs("qwen3-8b", qPrintable(engine), {"cpu-server-epyc9005-ddr5-6000-12ch-384gb"});
        in.quant = quant.toStdString();
        auto resolved = resolveRequest(test::shippedCatalog(), in);
        QVERIFY(std::holds_alternative<ResolveError>(resolved));
        const auto &e = std::get<ResolveError>(resolved);
        QCOMPARE(e.code, ResolveError::Code::InvalidRequest);
        QVERIFY(e.problem);
        QCOMPARE(e.problem->code, RequestProblem::Code::EngineCannotLoadDevice);
        QCOMPARE(QString::fromStdString(e.field), QStringLiteral("host"));
    }

    void oneCpuMachineAndNoCount()
    {
        auto in = inputs("qwen3-8b", "llama.cpp", {"cpu-desktop-ddr5-5600-2ch-32gb"});
        in.gpuCount = 2;
        auto resolved = resolveRequest(test::shippedCatalog(), in);
        QVERIFY(std::holds_alternative<ResolveError>(resolved));
        QCOMPARE(std::get<ResolveError>(resolved).code, ResolveError::Code::GpuCountNeedsOneGpu);
        auto two = resolveRequest(test::shippedCatalog(),
                                  inputs("qwen3-8b", "llama.cpp", {"cpu-desktop-ddr5-5600-2ch-32gb", "cpu-desktop-ddr5-5600-2ch-64gb"}));
        QVERIFY(std::holds_alternative<ResolveError>(two));
    }

    void loaderChecksTheNewFields_data()
    {
        QTest::addColumn<QString>("find");
        QTest::addColumn<QString>("replace");
        QTest::addColumn<QString>("field");
        QTest::newRow("bandwidth is not channels x MT/s x 8") << "\"memory_mts\": 3200"
                                                              << "\"memory_mts\": 3300"
                                                              << "bandwidth_gbs";
        QTest::newRow("a cpu machine states its channels") << "\"memory_channels\": 2,"
                                                           << ""
                                                           << "memory_channels";
        QTest::newRow("gpu limit above the memory") << "\"gpu_limit_bytes\": 130663642563"
                                                    << "\"gpu_limit_bytes\": 1306636425630"
                                                    << "gpu_limit_bytes";
        QTest::newRow("gpu limit needs its source") << "\"gpu_limit_source\":"
                                                    << "\"gpu_limit_note\":"
                                                    << "gpu_limit_source";
        QTest::newRow("gpu limit is for kind gpu") << "\"kind\": \"gpu\",\n      \"segment\": \"workstation\",\n      \"market\": "
                                                      "\"global\",\n      \"memory_bytes\": 137438953472"
                                                   << "\"kind\": \"unified\",\n      \"segment\": \"workstation\",\n      \"market\": "
                                                      "\"global\",\n      \"memory_bytes\": 137438953472"
                                                   << "gpu_limit_bytes";
        QTest::newRow("unknown kind") << "\"kind\": \"cpu\""
                                      << "\"kind\": \"npu\""
                                      << "kind";
    }
    void loaderChecksTheNewFields()
    {
        QFETCH(QString, find);
        QFETCH(QString, replace);
        QFETCH(QString, field);
        const CatalogError e = brokenHardware(find.toStdString(), replace.toStdString());
        QCOMPARE(QString::fromStdString(e.file), QStringLiteral("hardware.json"));
        QCOMPARE(QString::fromStdString(e.field), field);
    }
};

QTEST_GUILESS_MAIN(TestHardwareKinds)
#include "tst_hardware_kinds.moc"
