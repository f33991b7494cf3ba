// SPDX-License-Identifier: GPL-3.0-or-later
// Checks the estimator against public measurements (tests/data/calibration.csv: rows of a public
// calibration set, each with its source). Each row has a role: "fit" when a constant in the code or the
// catalog was tuned to it, "check" when nothing was. The error on check rows is the accuracy Headroom
// claims (docs/accuracy.md); fit rows only show that the fit still holds. A malformed row fails the test
// with its line number instead of being skipped.
#include "test_catalog.h"

#include <headroom/estimator.h>
#include <headroom/request_resolver.h>

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

using namespace headroom;

namespace {

struct Bound {
    double meanAbs;
    double maxAbs;
};

// Bounds on check rows: the accuracy docs/accuracy.md reports, rounded up from the last run. Tighten
// them as the model improves; never loosen them without saying why in the commit and in the docs.
const std::map<std::string, Bound> kCheckBounds{
    {"llama.cpp", {0.17, 0.74}}, {"ollama", {0.01, 0.01}}, {"vllm", {0.03, 0.03}},
    {"transformers", {0.08, 0.23}}, {"mlx", {0.06, 0.09}},
};

// Bounds on fit rows: a constant tuned to these rows drifting away from them is a regression.
const std::map<std::string, Bound> kFitBounds{
    {"llama.cpp", {0.04, 0.12}}, {"ollama", {0.02, 0.05}}, {"vllm", {0.20, 0.55}},
    {"transformers", {0.06, 0.35}}, {"mlx", {0.05, 0.10}},
};

const std::vector<std::string> kColumns{
    "id",  "role", "engine", "engine_version", "model",  "quant",          "ctx",  "parallel",     "ubatch", "flash_attn",
    "kv_type", "gpu", "gpus", "gpu_layers",     "ram",    "target",         "measured_bytes", "kind", "source_group", "source",
};
const std::set<std::string> kNumeric{"id", "ctx", "parallel", "ubatch", "gpus", "gpu_layers", "ram", "measured_bytes"};
const std::set<std::string> kRequired{"id", "role", "engine", "model", "quant", "target", "measured_bytes", "kind",
                                      "source_group", "source"};
const std::set<std::string> kTargets{"device0.weights", "device0.kv",     "device0.compute", "device0.total",
                                     "device1.kv",      "device1.compute", "host.weights",   "host.kv",
                                     "host.compute",    "devices.allocated"};

struct Row {
    std::size_t line = 0;
    std::map<std::string, std::string> field;
    [[nodiscard]] const std::string &operator[](const std::string &name) const { return field.at(name); }
};

struct Table {
    std::vector<Row> rows;
    std::vector<std::string> problems; ///< "line N: what is wrong"
};

bool isNumber(const std::string &s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/** Reads and validates the table; every problem names its line so a bad row is never skipped silently. */
Table readTable(const std::string &path)
{
    Table t;
    const auto raw = test::readCsv(path);
    if (raw.empty()) {
        t.problems.push_back("line 1: empty file");
        return t;
    }
    if (raw.front() != kColumns) {
        std::string got;
        for (const auto &c : raw.front())
            got += (got.empty() ? "" : ",") + c;
        t.problems.push_back("line 1: header is '" + got + "'");
        return t;
    }
    std::set<std::string> ids;
    std::size_t line = 1;
    for (std::size_t i = 1; i < raw.size(); ++i) {
        line += 1;
        const auto &r = raw[i];
        const auto where = "line " + std::to_string(line) + ": ";
        std::size_t newlines = 0;
        for (const auto &f : r)
            newlines += static_cast<std::size_t>(std::count(f.begin(), f.end(), '\n'));
        if (newlines) {
            t.problems.push_back(where + "a quoted field spans lines");
            line += newlines;
            continue;
        }
        if (r.size() != kColumns.size()) {
            t.problems.push_back(where + std::to_string(r.size()) + " fields, the header has " +
                                 std::to_string(kColumns.size()));
            continue;
        }
        Row row;
        row.line = line;
        for (std::size_t c = 0; c < kColumns.size(); ++c)
            row.field[kColumns[c]] = r[c];
        std::size_t before = t.problems.size();
        for (const auto &name : kRequired)
            if (row[name].empty())
                t.problems.push_back(where + "missing " + name);
        for (const auto &name : kNumeric)
            if (!row[name].empty() && !isNumber(row[name]))
                t.problems.push_back(where + name + " '" + row[name] + "' is not a whole number");
        if (!row["role"].empty() && row["role"] != "fit" && row["role"] != "check")
            t.problems.push_back(where + "role '" + row["role"] + "' is neither fit nor check");
        if (!row["engine"].empty() && !kCheckBounds.count(row["engine"]))
            t.problems.push_back(where + "engine '" + row["engine"] + "' has no bound");
        if (!row["target"].empty() && !kTargets.count(row["target"]))
            t.problems.push_back(where + "unknown target '" + row["target"] + "'");
        const auto &fa = row["flash_attn"];
        if (!fa.empty() && fa != "on" && fa != "off")
            t.problems.push_back(where + "flash_attn '" + fa + "' is neither on nor off");
        if (!row["id"].empty() && !ids.insert(row["id"]).second)
            t.problems.push_back(where + "id " + row["id"] + " repeats an earlier row");
        if (isNumber(row["measured_bytes"]) && std::stoull(row["measured_bytes"]) == 0)
            t.problems.push_back(where + "measured_bytes is 0");
        if (t.problems.size() == before)
            t.rows.push_back(std::move(row));
    }
    return t;
}

std::optional<std::uint32_t> number(const std::string &s)
{
    if (s.empty())
        return std::nullopt;
    return static_cast<std::uint32_t>(std::stoul(s));
}

Bytes pick(const Placement &p, const std::string &target)
{
    const auto device = [&](std::size_t i) -> const DeviceUsage & {
        if (i < p.devices.size())
            return p.devices[i];
        if (i == 0)
            return p.host; // CPU-only: the host holds everything
        qFatal("calibration target %s: the placement has %zu devices", target.c_str(), p.devices.size());
    };
    if (target == "device0.weights") return device(0).weights;
    if (target == "device0.kv") return device(0).kvCache;
    if (target == "device0.compute") return device(0).compute;
    if (target == "device0.total") return device(0).total();
    if (target == "device1.kv") return device(1).kvCache;
    if (target == "device1.compute") return device(1).compute;
    if (target == "host.weights") return p.host.weights;
    if (target == "host.kv") return p.host.kvCache;
    if (target == "host.compute") return p.host.compute;
    // Allocator peaks (torch.cuda.max_memory_allocated, mx.get_peak_memory) exclude the runtime context.
    Bytes s = 0;
    for (const auto &d : p.devices)
        s += d.weights + d.kvCache + d.compute;
    return s;
}

RequestInputs inputsFor(const Row &r)
{
    RequestInputs in;
    in.model = r["model"];
    in.quant = r["quant"];
    in.engine = r["engine"];
    in.engineVersion = r["engine_version"];
    in.ctx = number(r["ctx"]);
    in.parallel = number(r["parallel"]);
    in.ubatch = number(r["ubatch"]);
    in.kvType = r["kv_type"];
    const auto &fa = r["flash_attn"];
    in.flashAttn = fa == "on" ? FlashAttn::On : fa == "off" ? FlashAttn::Off : FlashAttn::Auto;
    if (!r["gpu"].empty()) {
        // "custom:<GiB>" in the table is a card of that capacity (the CLI's spelling).
        if (const std::string &gpu = r["gpu"]; gpu.rfind("custom:", 0) == 0)
            in.gpus.push_back(CustomDevice{static_cast<Bytes>(std::stod(gpu.substr(7)) * static_cast<double>(GiB)), MemoryKind::Discrete, 0.0});
        else
            in.gpus.push_back(gpu);
        in.gpuCount = number(r["gpus"]);
    }
    if (const auto ngl = number(r["gpu_layers"]))
        in.gpuLayers = static_cast<int>(*ngl);
    if (const auto ram = number(r["ram"]))
        in.hostRam = *ram * GiB;
    return in;
}

struct Stats {
    std::size_t rows = 0;
    double sumAbs = 0, maxAbs = 0, sum = 0;
    [[nodiscard]] double meanAbs() const { return rows ? sumAbs / static_cast<double>(rows) : 0; }
    [[nodiscard]] double bias() const { return rows ? sum / static_cast<double>(rows) : 0; }
    void add(double e)
    {
        ++rows;
        sumAbs += std::abs(e);
        maxAbs = std::max(maxAbs, std::abs(e));
        sum += e;
    }
};

const char *kHeader = "id,role,engine,engine_version,model,quant,ctx,parallel,ubatch,flash_attn,kv_type,gpu,gpus,"
                      "gpu_layers,ram,target,measured_bytes,kind,source_group,source\n";

} // namespace

class TestCalibration : public QObject
{
    Q_OBJECT

private slots:
    void malformedRowIsNamedByLine_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("problem");
        const QByteArray good = "1,check,llama.cpp,b5500,qwen3-8b,Q4_K_M,8192,1,,on,f16,rtx-4090,1,,,device0.kv,"
                                "1207959552,exact allocation (log),g,https://example.org/log";
        QTest::newRow("column count") << QByteArray("2,check,llama.cpp,b5500,qwen3-8b") << "line 3: 5 fields";
        QTest::newRow("unknown role") << QByteArray(good).replace("1,check", "2,tuned") << "line 3: role 'tuned'";
        QTest::newRow("no role") << QByteArray(good).replace("1,check", "2,") << "line 3: missing role";
        QTest::newRow("non-numeric figure") << QByteArray(good).replace("1207959552", "1.2e9").replace("1,check", "2,check")
                                            << "line 3: measured_bytes '1.2e9' is not a whole number";
        QTest::newRow("non-numeric ctx") << QByteArray(good).replace(",8192,", ",8k,").replace("1,check", "2,check")
                                         << "line 3: ctx '8k'";
        QTest::newRow("missing source") << QByteArray(good).replace(",https://example.org/log", ",").replace("1,check", "2,check")
                                        << "line 3: missing source";
        QTest::newRow("unknown target") << QByteArray(good).replace("device0.kv", "device0.kvcache").replace("1,check", "2,check")
                                        << "line 3: unknown target";
        QTest::newRow("repeated id") << good << "line 3: id 1 repeats";
    }

    void malformedRowIsNamedByLine()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("calibration.csv");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kHeader);
        f.write("1,check,llama.cpp,b5500,qwen3-8b,Q4_K_M,8192,1,,on,f16,rtx-4090,1,,,device0.kv,1207959552,"
                "exact allocation (log),g,https://example.org/log\n");
        f.write(row + "\n");
        f.close();
        const auto table = readTable(path.toStdString());
        QCOMPARE(table.rows.size(), std::size_t{1});
        QCOMPARE(table.problems.size(), std::size_t{1});
        QVERIFY2(QString::fromStdString(table.problems.front()).startsWith(problem), table.problems.front().c_str());
    }

    void shippedTableIsWellFormed()
    {
        const auto table = readTable(HEADROOM_TEST_DATA_DIR "/calibration.csv");
        for (const auto &p : table.problems)
            qWarning("calibration.csv %s", p.c_str());
        QVERIFY2(table.problems.empty(), "calibration.csv has malformed rows (see warnings above)");
        QVERIFY(table.rows.size() > 100);
    }

    void errorPerEngineWithinBounds()
    {
        const auto table = readTable(HEADROOM_TEST_DATA_DIR "/calibration.csv");
        QVERIFY(table.problems.empty());
        const bool perRow = std::getenv("HEADROOM_CALIBRATION_ROWS") != nullptr;
        std::map<std::string, std::map<std::string, Stats>> stats; // role -> engine -> stats
        std::vector<std::string> failures;
        for (const auto &r : table.rows) {
            const auto in = inputsFor(r);
            auto resolved = resolveRequest(test::shippedCatalog(), in);
            if (auto *e = std::get_if<ResolveError>(&resolved)) {
                failures.push_back("line " + std::to_string(r.line) + " (id " + r["id"] + "): cannot resolve " +
                                   e->field + "=" + e->value);
                continue;
            }
            const auto placement = estimate(std::get<ResolvedRequest>(resolved).request);
            const double predicted = static_cast<double>(pick(placement, r["target"]));
            const double measured = std::stod(r["measured_bytes"]);
            const double err = (predicted - measured) / measured;
            const auto &role = r["role"];
            stats[role][in.engine].add(err);
            if (perRow)
                qInfo("%5s %-5s %-12s %-28s %-10s %-17s %+7.1f%%", r["id"].c_str(), role.c_str(), in.engine.c_str(),
                      in.model.c_str(), in.quant.c_str(), r["target"].c_str(), err * 100);
            const auto &bounds = role == "check" ? kCheckBounds : kFitBounds;
            if (std::abs(err) > bounds.at(in.engine).maxAbs)
                failures.push_back(role + " row " + r["id"] + " (" + in.model + " " + r["target"] +
                                   "): " + std::to_string(err * 100) + " %");
        }
        qInfo("%-6s %-13s %5s %9s %9s %9s", "role", "engine", "rows", "mean|e|", "max|e|", "bias");
        for (const char *role : {"check", "fit"}) {
            const auto &bounds = std::string(role) == "check" ? kCheckBounds : kFitBounds;
            for (const auto &[engine, bound] : bounds) {
                const auto it = stats[role].find(engine);
                if (it == stats[role].end()) {
                    qInfo("%-6s %-13s %5d %9s %9s %9s", role, engine.c_str(), 0, "-", "-", "-");
                    failures.push_back(engine + " has no " + role + " rows");
                    continue;
                }
                const auto &s = it->second;
                qInfo("%-6s %-13s %5zu %8.1f%% %8.1f%% %+8.1f%%", role, engine.c_str(), s.rows, s.meanAbs() * 100,
                      s.maxAbs * 100, s.bias() * 100);
                if (s.meanAbs() > bound.meanAbs)
                    failures.push_back(std::string(role) + " " + engine + ": mean |error| " +
                                       std::to_string(s.meanAbs() * 100) + " % above bound");
            }
        }
        for (const auto &f : failures)
            qWarning("%s", f.c_str());
        QVERIFY2(failures.empty(), "calibration bounds exceeded (see warnings above)");
    }
};

QTEST_APPLESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
