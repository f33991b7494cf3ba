// SPDX-License-Identifier: GPL-3.0-or-later
// "This computer": detection from recorded outputs (tests/data/probe/<case>/, each with a SOURCE), through
// FakeProbe only. Nothing here reads the machine the test runs on.
#include "test_catalog.h"

#include <headroom/probe/detected_devices.h>
#include <headroom/probe/detected_device_choices.h>
#include <headroom/probe/fake_probe.h>
#include <headroom/probe/probe_text.h>
#include <headroom/probe/meminfo.h>
#include <headroom/probe/nvidia_smi_csv.h>
#include <headroom/probe/rocm_smi_json.h>
#include <headroom/probe/system_detect.h>

#include <QtTest>

#include <algorithm>
#include <filesystem>

using namespace headroom;
using namespace headroom::probe;

namespace {

/**
 * A case folder as a machine: proc/… and sys/… are files at /proc/… and /sys/…; commands/nvidia-smi.out,
 * commands/rocm-smi.out and commands/sysctl-<key>.out are what those commands printed.
 */
FakeProbe machine(const std::string &name)
{
    namespace fs = std::filesystem;
    const fs::path root = fs::path(HEADROOM_TEST_DATA_DIR) / "probe" / name;
    if (!fs::is_directory(root))
        qFatal("missing probe case %s", name.c_str());
    if (!fs::exists(root / "SOURCE"))
        qFatal("probe case %s has no SOURCE", name.c_str());
    FakeProbe p;
    for (const auto &e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file())
            continue;
        const std::string rel = fs::relative(e.path(), root).generic_string();
        const std::string text = test::readFile(e.path().string());
        if (rel.starts_with("proc/") || rel.starts_with("sys/")) {
            p.setFile("/" + rel, text);
        } else if (rel == "commands/nvidia-smi.out") {
            p.setCommand(commandLine(nvidiaSmiQuery()), {0, text});
        } else if (rel == "commands/rocm-smi.out") {
            p.setCommand(commandLine(rocmSmiQuery()), {0, text});
        } else if (rel.starts_with("commands/sysctl-") && rel.ends_with(".out")) {
            const std::string key = rel.substr(16, rel.size() - 16 - 4);
            p.setCommand("sysctl -n " + key, {0, text});
        } else if (rel != "SOURCE") {
            qFatal("unknown file %s in probe case %s", rel.c_str(), name.c_str());
        }
    }
    return p;
}

Detection detect(const SystemProbe &p) { return detectSystem(p, test::shippedCatalog().hardware()); }

bool hasNote(const Detection &d, ProbeIssue issue)
{
    return std::any_of(d.notes.begin(), d.notes.end(), [&](const ProbeNote &n) { return n.issue == issue; });
}

} // namespace

class TestProbe : public QObject
{
    Q_OBJECT

private slots:
    void nvidiaOneGpu()
    {
        const FakeProbe p = machine("nvidia-rtx3060");
        const Detection d = detect(p);
        QCOMPARE(d.devices.size(), std::size_t(1));
        const auto &g = d.devices[0];
        QCOMPARE(g.vendor, DeviceVendor::Nvidia);
        QCOMPARE(g.source, ProbeSource::NvidiaSmi); // NVML not loaded: the fallback ran
        QCOMPARE(g.name, std::string("NVIDIA GeForce RTX 3060"));
        QCOMPARE(g.totalBytes, 12288 * MiB);
        QCOMPARE(g.totalFigure, MemoryFigure::Vram);
        QCOMPARE(*g.freeBytes, 12287 * MiB);
        QCOMPARE(g.freeFigure, FreeFigure::DeviceFree);
        QCOMPARE(g.catalogId, std::string("rtx-3060-12gb"));
        QVERIFY(!g.unifiedMemory);
        QCOMPARE(*d.systemMemory.total, 16268680 * KiB);
        QCOMPARE(*d.systemMemory.available, 8366284 * KiB);
        QVERIFY(d.notes.empty());
        // Linux (a /proc/meminfo) is never asked Apple's sysctl keys.
        for (const auto &c : p.commandsRun())
            QVERIFY2(!c.starts_with("sysctl"), c.c_str());
    }

    void nvidiaTwoGpus()
    {
        const Detection d = detect(machine("nvidia-rtx4090x2"));
        QCOMPARE(d.devices.size(), std::size_t(2));
        for (const auto &g : d.devices) {
            QCOMPARE(g.totalBytes, 24564 * MiB);
            QCOMPARE(g.catalogId, std::string("rtx-4090")); // 24564 MiB of the catalog's 24 GiB
        }
        QCOMPARE(*d.devices[0].freeBytes, 24057 * MiB);
        QCOMPARE(*d.devices[1].freeBytes, 24105 * MiB);
        QCOMPARE(d.devices[1].card, std::string("1"));

        const auto &catalog = test::shippedCatalog().hardware();
        const auto total = deviceSpecs(d, catalog, CapacityBasis::Total);
        QCOMPARE(total.size(), std::size_t(2));
        QCOMPARE(total[0].id, std::string("rtx-4090"));
        QCOMPARE(total[0].capacity, 24 * GiB); // the catalog entry stands for the card
        const auto free = deviceSpecs(d, catalog, CapacityBasis::Free);
        QCOMPARE(free[0].id, std::string("custom"));
        QCOMPARE(free[0].capacity, 24057 * MiB);
        QCOMPARE(free[1].capacity, 24105 * MiB);
        QCOMPARE(free[0].kind, MemoryKind::Discrete);
        QCOMPARE(free[0].bandwidthGBs, test::shippedCatalog().findHardware("rtx-4090")->bandwidthGBs);
        QCOMPARE(free[1].name, std::string("NVIDIA GeForce RTX 4090"));
    }

    void nvmlIsPreferredOverNvidiaSmi()
    {
        // The same two cards through NVML (figures of RLinf issue #255, see nvidia-rtx4090x2/SOURCE).
        FakeProbe p = machine("nvidia-rtx4090x2");
        NvmlReading r;
        r.status = NvmlReading::Status::Ok;
        r.gpus = {{"NVIDIA GeForce RTX 4090", NvmlGpu::Memory{24564 * MiB, 24057 * MiB, 507 * MiB}},
                  {"NVIDIA GeForce RTX 4090", NvmlGpu::Memory{24564 * MiB, 24105 * MiB, 459 * MiB}}};
        p.setNvml(r);
        const Detection d = detect(p);
        QCOMPARE(d.devices.size(), std::size_t(2));
        QCOMPARE(d.devices[0].source, ProbeSource::Nvml);
        QCOMPARE(d.devices[0].catalogId, std::string("rtx-4090"));
        for (const auto &c : p.commandsRun())
            QVERIFY2(!c.starts_with("nvidia-smi"), c.c_str());
    }

    void nvmlFailureFallsBackToNvidiaSmi()
    {
        FakeProbe p = machine("nvidia-rtx3060");
        NvmlReading r;
        r.status = NvmlReading::Status::Failed;
        r.errorCode = 9; // NVML_ERROR_DRIVER_NOT_LOADED
        p.setNvml(r);
        const Detection d = detect(p);
        QCOMPARE(d.devices.size(), std::size_t(1));
        QCOMPARE(d.devices[0].source, ProbeSource::NvidiaSmi);
        QVERIFY(hasNote(d, ProbeIssue::NvmlFailed));
    }

    void gb10ReportsNoMemory()
    {
        const Detection d = detect(machine("nvidia-gb10"));
        QCOMPARE(d.devices.size(), std::size_t(1));
        QVERIFY(d.devices[0].unifiedMemory);
        QCOMPARE(d.devices[0].totalBytes, Bytes(0)); // no /proc/meminfo in the case: unknown, said so
        QVERIFY(hasNote(d, ProbeIssue::NvidiaMemoryNotReported));
        QVERIFY(hasNote(d, ProbeIssue::MemoryUnknown));
        QVERIFY(deviceSpecs(d, test::shippedCatalog().hardware(), CapacityBasis::Total).empty());

        // With system RAM known, the unified GPU is sized from it (the meminfo of the no-gpu case).
        FakeProbe p = machine("nvidia-gb10");
        p.setFile("/proc/meminfo", *machine("no-gpu").readFile("/proc/meminfo"));
        const Detection withRam = detect(p);
        QCOMPARE(withRam.devices[0].totalBytes, 16268680 * KiB);
        QCOMPARE(withRam.devices[0].totalFigure, MemoryFigure::SystemRam);
        QCOMPARE(*withRam.devices[0].freeBytes, 8366284 * KiB);
        QCOMPARE(withRam.devices[0].freeFigure, FreeFigure::MemAvailable);
        QVERIFY(withRam.devices[0].catalogId.empty());
    }

    void amdDiscrete()
    {
        const Detection d = detect(machine("amd-rx7900xtx"));
        QCOMPARE(d.devices.size(), std::size_t(1));
        const auto &g = d.devices[0];
        QCOMPARE(g.vendor, DeviceVendor::Amd);
        QCOMPARE(g.source, ProbeSource::Sysfs);
        QCOMPARE(*g.pciDeviceId, 0x744cu);
        QCOMPARE(g.totalBytes, Bytes(25753026560));
        QCOMPARE(g.totalFigure, MemoryFigure::Vram);
        QVERIFY(!g.freeBytes); // no mem_info_vram_used recorded
        QCOMPARE(g.freeFigure, FreeFigure::None);
        QCOMPARE(g.catalogId, std::string("rx-7900-xtx"));
        QCOMPARE(g.card, std::string("card0"));
    }

    void amdDiscreteUsesVramNotGtt()
    {
        const Detection d = detect(machine("amd-rx570"));
        QCOMPARE(d.devices.size(), std::size_t(1));
        const auto &g = d.devices[0];
        QVERIFY(!g.unifiedMemory);
        QCOMPARE(g.totalBytes, 4 * GiB);
        QCOMPARE(g.totalFigure, MemoryFigure::Vram);
        QCOMPARE(*g.gttBytes, 4 * GiB);
        QVERIFY(g.catalogId.empty()); // not in hardware.json: a custom device
        const auto specs = deviceSpecs(d, test::shippedCatalog().hardware(), CapacityBasis::Total);
        QCOMPARE(specs.size(), std::size_t(1));
        QCOMPARE(specs[0].id, std::string("custom"));
        QCOMPARE(specs[0].capacity, 4 * GiB);
        QCOMPARE(specs[0].bandwidthGBs, 0.0);
    }

    void amdApuUsesGttNotCarveOut()
    {
        const Detection d = detect(machine("amd-strix-halo"));
        QCOMPARE(d.devices.size(), std::size_t(1));
        const auto &g = d.devices[0];
        QVERIFY(g.unifiedMemory);
        QCOMPARE(g.name, std::string("Radeon 8060S Graphics"));
        QCOMPARE(g.totalBytes, Bytes(103079215104)); // 96 GiB of GTT, as ROCm reports (98304 MiB)
        QCOMPARE(g.totalFigure, MemoryFigure::GttTotal);
        QCOMPARE(*g.vramBytes, 4 * GiB); // the BIOS carve-out, reported but not used
        QVERIFY(g.catalogId.empty());
        // Not Apple: a device of its allocatable figure, not MemoryKind::Unified (which means macOS's rule).
        const auto specs = deviceSpecs(d, test::shippedCatalog().hardware(), CapacityBasis::Total);
        QCOMPARE(specs[0].capacity, Bytes(103079215104));
        QCOMPARE(specs[0].kind, MemoryKind::Discrete);
    }

    void amdApuWithoutGttFileUsesTtmLimit()
    {
        FakeProbe p = machine("amd-strix-halo");
        p.setFile("/sys/class/drm/card1/device/mem_info_gtt_total", "");
        const Detection d = detect(p);
        // An empty file is malformed, noted, and the TTM limit stands in: 25165824 pages x 4 KiB.
        QVERIFY(hasNote(d, ProbeIssue::SysfsMalformed));
        QCOMPARE(d.devices[0].totalBytes, Bytes(25165824) * 4096);
        QCOMPARE(d.devices[0].totalFigure, MemoryFigure::TtmPagesLimit);
    }

    void amdApuPoolCappedBySystemRam()
    {
        // The GTT pool is system RAM: with 16 GB of it (the no-gpu meminfo) the GPU cannot have 96 GiB.
        FakeProbe p = machine("amd-strix-halo");
        p.setFile("/proc/meminfo", *machine("no-gpu").readFile("/proc/meminfo"));
        const Detection d = detect(p);
        QCOMPARE(d.devices[0].totalBytes, 16268680 * KiB);
        QCOMPARE(*d.devices[0].freeBytes, 8366284 * KiB);
        QCOMPARE(d.devices[0].freeFigure, FreeFigure::MemAvailable);
    }

    void mac()
    {
        FakeProbe p = machine("mac-m1max");
        const Detection d = detect(p);
        QCOMPARE(d.devices.size(), std::size_t(1));
        const auto &g = d.devices[0];
        QCOMPARE(g.vendor, DeviceVendor::Apple);
        QCOMPARE(g.source, ProbeSource::Sysctl);
        QCOMPARE(d.cpuName, std::string("Apple M1 Max"));
        QCOMPARE(g.totalBytes, 32 * GiB);
        QCOMPARE(g.totalFigure, MemoryFigure::PhysicalMemory);
        QCOMPARE(*g.wiredLimitBytes, 26000 * MiB);
        QCOMPARE(g.catalogId, std::string("apple-m1-max-32gb"));
        QCOMPARE(*d.systemMemory.total, 32 * GiB);
        const auto &catalog = test::shippedCatalog().hardware();
        // The user's wired limit is not the catalog's measured one: the request gets a full spec with it.
        const auto specs = deviceSpecs(d, catalog, CapacityBasis::Total);
        QCOMPARE(specs[0].kind, MemoryKind::Unified);
        QCOMPARE(*specs[0].wiredLimit, 26000 * MiB);
        QCOMPARE(specs[0].bandwidthGBs, test::shippedCatalog().findHardware("apple-m1-max-32gb")->bandwidthGBs);

        // At macOS's default (0), the catalog entry stands for the machine, measured limit and all.
        p.setCommand("sysctl -n iogpu.wired_limit_mb", {0, "0\n"});
        const Detection byDefault = detect(p);
        QVERIFY(!byDefault.devices[0].wiredLimitBytes);
        const auto byDefaultSpecs = deviceSpecs(byDefault, catalog, CapacityBasis::Total);
        QCOMPARE(byDefaultSpecs[0].id, std::string("apple-m1-max-32gb"));
        QCOMPARE(byDefaultSpecs[0].wiredLimit, test::shippedCatalog().findHardware("apple-m1-max-32gb")->wiredLimitBytes);
    }

    void noGpu()
    {
        const Detection d = detect(machine("no-gpu"));
        QVERIFY(d.devices.empty());
        QVERIFY(d.notes.empty());
        QCOMPARE(*d.systemMemory.total, 16268680 * KiB);
        QVERIFY(deviceSpecs(d, test::shippedCatalog().hardware(), CapacityBasis::Total).empty());
    }

    void emptyMachine()
    {
        const FakeProbe p;
        const Detection d = detect(p);
        QVERIFY(d.devices.empty());
        QVERIFY(!d.systemMemory.total);
    }

    void nvidiaSmiFailing()
    {
        FakeProbe p = machine("no-gpu");
        // Exit 9 is nvidia-smi's "couldn't communicate with the NVIDIA driver".
        p.setCommand(commandLine(nvidiaSmiQuery()), {9, "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n"});
        const Detection d = detect(p);
        QVERIFY(d.devices.empty());
        QVERIFY(hasNote(d, ProbeIssue::NvidiaSmiFailed));
    }

    void nvidiaSmiGarbage_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("gpus");
        QTest::newRow("prose") << QByteArray("No devices were found\n") << 0;
        QTest::newRow("too few fields") << QByteArray("NVIDIA GeForce RTX 4090, 24564\n") << 0;
        QTest::newRow("letters") << QByteArray("NVIDIA GeForce RTX 4090, lots, 1, 2\n") << 0;
        QTest::newRow("negative") << QByteArray("NVIDIA GeForce RTX 4090, -24564, 1, 2\n") << 0;
        QTest::newRow("overflow") << QByteArray("NVIDIA GeForce RTX 4090, 99999999999999999999, 1, 2\n") << 0;
        QTest::newRow("huge but fits u64") << QByteArray("NVIDIA GeForce RTX 4090, 18446744073709551615, 1, 2\n") << 0;
        QTest::newRow("free above total") << QByteArray("NVIDIA GeForce RTX 4090, 100, 1, 200\n") << 0;
        QTest::newRow("binary") << QByteArray("\x01\xff\xfe,\x00,,\n", 8) << 0;
        QTest::newRow("one good one bad") << QByteArray("NVIDIA GeForce RTX 4090, 24564, 507, 24057\ngarbage\n") << 1;
        QTest::newRow("header without memory.total") << QByteArray("memory.used [MiB]\n5 MiB\n") << 0;
    }
    void nvidiaSmiGarbage()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, gpus);
        FakeProbe p = machine("no-gpu");
        p.setCommand(commandLine(nvidiaSmiQuery()), {0, text.toStdString()});
        const Detection d = detect(p);
        QCOMPARE(int(d.devices.size()), gpus);
        QVERIFY(hasNote(d, ProbeIssue::NvidiaSmiMalformed));
    }

    void nvidiaSmiWithUnits()
    {
        // Without noheader,nounits the same figures read the same (format of the 4060 Laptop capture).
        const SmiReading r = parseNvidiaSmiCsv("name, memory.total [MiB], memory.used [MiB], memory.free [MiB]\n"
                                               "NVIDIA GeForce RTX 4060 Laptop GPU, 8188 MiB, 1048 MiB, 6910 MiB\n");
        QCOMPARE(r.gpus.size(), std::size_t(1));
        QCOMPARE(*r.gpus[0].total, 8188 * MiB);
        QCOMPARE(*r.gpus[0].free, 6910 * MiB);
        QVERIFY(r.notes.empty());
        // A laptop 4060 is not the desktop card: no catalog entry.
        DetectedDevice laptop;
        laptop.name = r.gpus[0].name;
        laptop.totalBytes = *r.gpus[0].total;
        const Detection d{{laptop}, {}, {}, {}};
        QCOMPARE(deviceSpecs(d, test::shippedCatalog().hardware(), CapacityBasis::Total)[0].id, std::string("custom"));
    }

    void sysfsGarbage()
    {
        FakeProbe p = machine("amd-rx7900xtx");
        p.setFile("/sys/class/drm/card0/device/mem_info_vram_total", "not a number\n");
        p.setFile("/sys/class/drm/card0/device/mem_info_vram_used", "\xff\xfe");
        p.setFile("/sys/class/drm/card0-DP-1/status", "connected\n"); // a connector, not a card
        const Detection d = detect(p);
        QCOMPARE(d.devices.size(), std::size_t(1));
        QCOMPARE(d.devices[0].totalBytes, Bytes(0));
        QVERIFY(hasNote(d, ProbeIssue::SysfsMalformed));
        QVERIFY(hasNote(d, ProbeIssue::MemoryUnknown));
        QVERIFY(deviceSpecs(d, test::shippedCatalog().hardware(), CapacityBasis::Total).empty());
    }

    void meminfoGarbage()
    {
        QVERIFY(parseMeminfo("").malformed);
        QVERIFY(parseMeminfo("MemTotal: lots kB\n").malformed);
        QVERIFY(parseMeminfo("MemAvailable:  10 kB\n").malformed); // no MemTotal
        QVERIFY(parseMeminfo("MemTotal:  10 MB\n").malformed);     // the kernel prints kB only
        QVERIFY(parseMeminfo("MemTotal:  99999999999999999999 kB\n").malformed);
        const auto ok = parseMeminfo("MemTotal:       1019732 kB\nMemAvailable:     710280 kB\n");
        QVERIFY(!ok.malformed);
        QCOMPARE(*ok.memory.total, 1019732 * KiB);
        FakeProbe p;
        p.setFile("/proc/meminfo", "garbage");
        QVERIFY(hasNote(detect(p), ProbeIssue::MeminfoMalformed));
    }

    void sysctlGarbage()
    {
        FakeProbe p = machine("mac-m1max");
        p.setCommand("sysctl -n hw.memsize", {0, "sixteen\n"});
        p.setCommand("sysctl -n iogpu.wired_limit_mb", {0, "-5\n"});
        const Detection d = detect(p);
        QCOMPARE(d.devices.size(), std::size_t(1));
        QCOMPARE(d.devices[0].totalBytes, Bytes(0));
        QVERIFY(hasNote(d, ProbeIssue::SysctlMalformed));
        QVERIFY(hasNote(d, ProbeIssue::MemoryUnknown));
        // An Intel Mac's brand string is not an Apple chip: nothing to add.
        FakeProbe intel;
        intel.setCommand("sysctl -n machdep.cpu.brand_string", {0, "Intel(R) Core(TM) i5-3210M CPU @ 2.50GHz\n"});
        QVERIFY(detect(intel).devices.empty());
    }

    void rocmSmi()
    {
        // rocm-smi only where sysfs shows no AMD card; its JSON keys as rocm_smi.py prints them.
        FakeProbe p = machine("no-gpu");
        p.setCommand(commandLine(rocmSmiQuery()),
                     {0, R"j({"card0": {"VRAM Total Memory (B)": "25753026560", "VRAM Total Used Memory (B)": "1073741824"}})j"});
        const Detection d = detect(p);
        QCOMPARE(d.devices.size(), std::size_t(1));
        QCOMPARE(d.devices[0].source, ProbeSource::RocmSmi);
        QCOMPARE(*d.devices[0].freeBytes, Bytes(25753026560) - GiB);

        QVERIFY(parseRocmSmiJson("").malformed);
        QVERIFY(parseRocmSmiJson("{\"card0\": {\"VRAM Total Memory (B)\": \"x\"}}").malformed);
        QVERIFY(parseRocmSmiJson("[1,2,3]").malformed);
        QVERIFY(parseRocmSmiJson("{\"card0\": 5}").malformed);
        p.setCommand(commandLine(rocmSmiQuery()), {0, "ERROR: GPU[0] : Unable to get vram"});
        QVERIFY(hasNote(detect(p), ProbeIssue::RocmSmiMalformed));
        p.setCommand(commandLine(rocmSmiQuery()), {2, ""});
        QVERIFY(hasNote(detect(p), ProbeIssue::RocmSmiFailed));

        // With the card in sysfs, rocm-smi is not run.
        const FakeProbe amd = machine("amd-rx7900xtx");
        (void)detect(amd);
        for (const auto &c : amd.commandsRun())
            QVERIFY2(!c.starts_with("rocm-smi"), c.c_str());
    }

    void deviceChoicesForTheRequest()
    {
        const auto &catalog = test::shippedCatalog().hardware();
        const Detection two = detect(machine("nvidia-rtx4090x2"));
        const auto total = deviceChoices(two, catalog, CapacityBasis::Total);
        QCOMPARE(total.size(), std::size_t(2));
        QCOMPARE(*total[0].catalogId(), std::string("rtx-4090"));
        const auto free = deviceChoices(two, catalog, CapacityBasis::Free);
        QVERIFY(free[0].custom());
        QCOMPARE(free[0].custom()->capacity, 24057 * MiB);
        QCOMPARE(free[0].custom()->kind, MemoryKind::Discrete);
        QCOMPARE(free[0].custom()->bandwidthGBs, test::shippedCatalog().findHardware("rtx-4090")->bandwidthGBs);

        const auto apu = deviceChoices(detect(machine("amd-strix-halo")), catalog, CapacityBasis::Total);
        QCOMPARE(apu.size(), std::size_t(1));
        QCOMPARE(apu[0].custom()->capacity, Bytes(103079215104));
        QCOMPARE(apu[0].custom()->kind, MemoryKind::Discrete);
        QVERIFY(!apu[0].name().empty()); // the chart names the APU, not "Custom GPU"

        // A Mac whose user raised iogpu.wired_limit_mb keeps that limit through the request.
        const auto raised = deviceChoices(detect(machine("mac-m1max")), catalog, CapacityBasis::Total);
        QVERIFY(raised[0].custom());
        QCOMPARE(raised[0].wiredLimit(), std::optional<Bytes>(26000 * MiB));
        QCOMPARE(raised[0].custom()->kind, MemoryKind::Unified);

        FakeProbe mac = machine("mac-m1max");
        mac.setCommand("sysctl -n iogpu.wired_limit_mb", {0, "0\n"});
        QCOMPARE(*deviceChoices(detect(mac), catalog, CapacityBasis::Total)[0].catalogId(), std::string("apple-m1-max-32gb"));
        QVERIFY(deviceChoices(detect(machine("nvidia-gb10")), catalog, CapacityBasis::Total).empty());
        QVERIFY(deviceChoices(detect(machine("no-gpu")), catalog, CapacityBasis::Total).empty());
    }

    void catalogMatching_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qulonglong>("mib");
        QTest::addColumn<QString>("id");
        QTest::newRow("4090") << "NVIDIA GeForce RTX 4090" << 24564ULL << "rtx-4090";
        QTest::newRow("4090 D is not 4090") << "NVIDIA GeForce RTX 4090 D" << 24564ULL << "rtx-4090d";
        QTest::newRow("4060 Ti by memory") << "NVIDIA GeForce RTX 4060 Ti" << 16380ULL << "rtx-4060-ti-16gb";
        QTest::newRow("4060 Ti 8") << "NVIDIA GeForce RTX 4060 Ti" << 8188ULL << "rtx-4060-ti-8gb";
        QTest::newRow("T4 reserves ECC") << "Tesla T4" << 15360ULL << "tesla-t4";
        QTest::newRow("A100 SXM4 80") << "NVIDIA A100-SXM4-80GB" << 81920ULL << "a100-80gb";
        QTest::newRow("A100 40") << "NVIDIA A100-SXM4-40GB" << 40960ULL << "a100-40gb";
        QTest::newRow("H100 form factor unknown") << "NVIDIA H100 80GB HBM3" << 81559ULL << "";
        QTest::newRow("3090 with 12 GB is not") << "NVIDIA GeForce RTX 3090" << 12288ULL << "";
        QTest::newRow("unknown card") << "NVIDIA GeForce GTX 1080" << 8192ULL << "";
        QTest::newRow("empty name") << "" << 8192ULL << "";
    }
    void catalogMatching()
    {
        QFETCH(QString, name);
        QFETCH(qulonglong, mib);
        QFETCH(QString, id);
        FakeProbe p;
        p.setFile("/proc/meminfo", "MemTotal: 1000 kB\n");
        NvmlReading r;
        r.status = NvmlReading::Status::Ok;
        r.gpus = {{name.toStdString(), NvmlGpu::Memory{mib * MiB, mib * MiB, 0}}};
        p.setNvml(r);
        QCOMPARE(QString::fromStdString(detect(p).devices.at(0).catalogId), id);
    }
};

QTEST_APPLESS_MAIN(TestProbe)
#include "tst_probe.moc"
