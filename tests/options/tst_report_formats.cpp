// SPDX-License-Identifier: GPL-3.0-or-later
// The exporters on real estimates: every figure they print is the Placement's, CSV parses with one column per
// header field, and --format json is --json byte for byte (and estimateJson is what the CLI prints).
#include "test_catalog.h"

#include <csv_report.h>
#include <estimate_json.h>
#include <markdown_report.h>
#include <request_options.h>
#include <result_text.h>

#include <headroom/estimator.h>

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QtTest>

#include <memory>

using namespace headroom;

namespace {

struct Estimated {
    RequestInputs inputs;
    std::unique_ptr<ResolvedRequest> resolved;
    Placement placement;
    std::vector<Fix> fixes;
    [[nodiscard]] options::EstimateReport report() const { return {&inputs, resolved.get(), &placement, &fixes}; }
};

/** The CLI's arguments (after "estimate") read by the same option code, then resolved and estimated here. */
Estimated estimateFor(const QStringList &args)
{
    Estimated e;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const std::string name = args[i].toStdString();
        const auto arity = options::requestOptionArity(name);
        if (!arity)
            qFatal("not a request option: %s", name.c_str());
        const std::string value = *arity == options::Arity::Value ? args[++i].toStdString() : std::string();
        if (options::applyRequestOption(name, value, e.inputs))
            qFatal("bad test option %s", name.c_str());
    }
    auto resolved = resolveRequest(test::shippedCatalog(), e.inputs);
    if (!std::holds_alternative<ResolvedRequest>(resolved))
        qFatal("test request does not resolve");
    e.resolved = std::make_unique<ResolvedRequest>(std::move(std::get<ResolvedRequest>(resolved)));
    e.placement = estimate(e.resolved->request);
    e.fixes = options::fixesFor(test::shippedCatalog(), e.inputs, *e.resolved, e.placement);
    return e;
}

QByteArray cli(const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HEADROOM_CATALOG_DIR"), QStringLiteral(HEADROOM_CATALOG_DIR));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HEADROOM_CLI_PATH), args);
    if (!p.waitForFinished(60000))
        qFatal("headroom-cli did not finish");
    if (exitCode)
        *exitCode = p.exitCode();
    return p.readAllStandardOutput();
}

QStringList lines(const std::string &text) { return QString::fromStdString(text).split(QLatin1Char('\n')); }

/** The cells of a Markdown table row, unescaped enough for the tests' names. */
QStringList cells(const QString &row)
{
    QStringList out;
    QString cell;
    for (qsizetype i = 1; i < row.size(); ++i) {
        if (row[i] == QLatin1Char('\\') && i + 1 < row.size()) {
            cell += row[++i];
        } else if (row[i] == QLatin1Char('|')) {
            out << cell.trimmed();
            cell.clear();
        } else {
            cell += row[i];
        }
    }
    return out;
}

/** RFC 4180 rows of a string (quoted fields, doubled quotes, CRLF). */
std::vector<QStringList> csvRows(const std::string &text)
{
    std::vector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    const QString s = QString::fromStdString(text);
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < s.size() && s[i + 1] == QLatin1Char('"'))
                field += s[++i];
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                field += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < s.size() && s[i + 1] == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows.push_back(row);
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows.push_back(row << field); // a last row without CRLF: the test then fails on the line end
    return rows;
}

QString gib(Bytes b) { return QString::fromStdString(options::gibCell(b)); }

} // namespace

class TestReportFormats : public QObject
{
    Q_OBJECT

private slots:
    void cases_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("expectFixes");
        QTest::newRow("Qwen2.5-32B Q4_K_M, RTX 4090, llama.cpp, 8192") << QStringList{"--model", "qwen2.5-32b-instruct", "--quant", "Q4_K_M", "--engine", "llama.cpp", "--gpu", "rtx-4090", "--ctx", "8192"} << false;
        QTest::newRow("the same, context left to llama.cpp") << QStringList{"--model", "qwen2.5-32b-instruct", "--quant", "Q4_K_M", "--engine", "llama.cpp", "--gpu", "rtx-4090"} << false;
        QTest::newRow("Q8_0 does not fit: fixes") << QStringList{"--model", "qwen2.5-32b-instruct", "--quant", "Q8_0", "--engine", "llama.cpp", "--gpu", "rtx-4090", "--ctx", "32768", "--ram", "64"} << true;
        QTest::newRow("mixed cards, Ollama tag, old version") << QStringList{"--model", "qwen2.5:32b", "--engine-version", "0.5.7", "--gpu", "rtx-3090", "--gpu", "rtx-3060-12gb"} << false;
        QTest::newRow("custom card, vLLM") << QStringList{"--model", "Qwen/Qwen2.5-7B-Instruct", "--engine", "vllm", "--gpu", "custom:48"} << false;
    }

    /** Every cell of the table is the Placement's figure; the assumptions say what the engine applied. */
    void cases()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, expectFixes);
        const Estimated e = estimateFor(args);
        const Placement &p = e.placement;
        const std::string md = options::markdownReport(e.report());
        const QStringList text = lines(md);
        const QString verdict = QString::fromStdString(options::describe(p.verdict));

        QVERIFY(text.front().startsWith(QStringLiteral("# Headroom estimate — ")));
        QVERIFY2(text.contains(QStringLiteral("**Verdict:** ") + verdict + QStringLiteral(" · **") +
                               (p.headroomBytes() >= 0 ? QStringLiteral("Headroom:** ") + gib(static_cast<Bytes>(p.headroomBytes()))
                                                       : QStringLiteral("Over by:** ") + gib(static_cast<Bytes>(-p.headroomBytes()))) +
                               QStringLiteral(" GiB · **Layers on GPU:** %1/%2").arg(p.gpuLayers).arg(p.totalLayers)),
                 md.c_str());

        const qsizetype header = text.indexOf(QStringLiteral("| Device | Weights (GiB) | KV cache (GiB) | Compute (GiB) | Overhead (GiB) | Total (GiB) | Usable (GiB) | Layers |"));
        QVERIFY2(header > 0, md.c_str());
        std::vector<DeviceUsage> rows = p.devices;
        rows.push_back(p.host);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const DeviceUsage &d = rows[i];
            const QStringList c = cells(text[header + 2 + static_cast<qsizetype>(i)]);
            QCOMPARE(c.size(), 8);
            QCOMPARE(c[0], i < p.devices.size() ? QString::fromStdString(d.name) : QStringLiteral("Host RAM"));
            QCOMPARE(c[1], gib(d.weights));
            QCOMPARE(c[2], gib(d.kvCache));
            QCOMPARE(c[3], gib(d.compute));
            QCOMPARE(c[4], gib(d.overhead));
            QCOMPARE(c[5], gib(d.total()));
            QCOMPARE(c[6], d.usable ? gib(d.usable) : QStringLiteral("unknown"));
            QCOMPARE(c[7], QString::number(d.layers));
        }
        QVERIFY(!text[header + 2 + static_cast<qsizetype>(rows.size())].startsWith(QLatin1Char('|')));

        QVERIFY(text.contains(QStringLiteral("- **Parallel sequences:** %1").arg(p.parallel)));
        QVERIFY2(text.contains(QStringLiteral("- **Context:** %1 tokens per sequence · %2")
                                   .arg(p.ctx)
                                   .arg(e.inputs.ctx ? QStringLiteral("as requested") : QStringLiteral("chosen by the engine"))),
                 md.c_str());
        QVERIFY(text.contains(QStringLiteral("- **KV cache type:** `%1`").arg(QLatin1String(kvTypeName(p.kvType)))));
        QVERIFY(text.contains(QStringLiteral("- **Flash attention:** ") + (p.flashAttn ? QStringLiteral("on") : QStringLiteral("off"))));
        QVERIFY(text.contains(QStringLiteral("- **Engine:** %1 · behaviour from version `%2`")
                                  .arg(QString::fromStdString(e.resolved->request.engine->name), QString::fromStdString(p.engineVersion))) ||
                !e.inputs.engineVersion.empty());
        QVERIFY(text.contains(QStringLiteral("- **Longest context on the GPUs:** %1 tokens per sequence").arg(p.maxContext)));

        QCOMPARE(!e.fixes.empty(), expectFixes);
        QCOMPARE(text.contains(QStringLiteral("## Fixes")), expectFixes);
        for (const Fix &f : e.fixes)
            QVERIFY2(md.find("- " + options::describe(f) + ": " + options::describe(f.result.verdict)) != std::string::npos, md.c_str());
        QCOMPARE(text.contains(QStringLiteral("## Notices")), !p.notices.empty());
        for (const Notice n : p.notices)
            QVERIFY(md.find(options::describe(n)) != std::string::npos);

        // CSV: a header and one row per device plus the host, each with the header's column count, bytes exact.
        const auto csv = csvRows(options::csvReport(e.report()));
        QCOMPARE(csv.size(), rows.size() + 1);
        const QStringList head = csv.front();
        QCOMPARE(head.size(), 11);
        QCOMPARE(head, QString::fromLatin1("role,id,name,capacity_bytes,usable_bytes,weights_bytes,kv_cache_bytes,compute_bytes,overhead_bytes,total_bytes,layers").split(QLatin1Char(',')));
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const QStringList &r = csv[i + 1];
            const DeviceUsage &d = rows[i];
            QCOMPARE(r.size(), head.size());
            QCOMPARE(r[0], i < p.devices.size() ? QStringLiteral("device") : QStringLiteral("host"));
            QCOMPARE(r[1], QString::fromStdString(d.id));
            QCOMPARE(r[2], QString::fromStdString(d.name));
            QCOMPARE(r[3].toULongLong(), d.capacity);
            QCOMPARE(r[4].toULongLong(), d.usable);
            QCOMPARE(r[5].toULongLong(), d.weights);
            QCOMPARE(r[6].toULongLong(), d.kvCache);
            QCOMPARE(r[7].toULongLong(), d.compute);
            QCOMPARE(r[8].toULongLong(), d.overhead);
            QCOMPARE(r[9].toULongLong(), d.total());
            QCOMPARE(r[10].toUInt(), d.layers);
        }

        // JSON: --format json is --json byte for byte, and both are estimateJson of this same estimate.
        const QStringList cliArgs = QStringList{"estimate"} + args;
        int code = -1;
        const QByteArray json = cli(cliArgs + QStringList{"--json"}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(cli(cliArgs + QStringList{"--format", "json"}), json);
        QCOMPARE(cli(cliArgs + QStringList{"--format=json"}), json);
        QCOMPARE(nlohmann::json::parse(json.toStdString()), options::estimateJson(e.report()));
        // And the CLI's md and csv are these formatters' output for the same request.
        QCOMPARE(cli(cliArgs + QStringList{"--format", "md"}).toStdString(), md);
        QCOMPARE(cli(cliArgs + QStringList{"--format", "csv"}).toStdString(), options::csvReport(e.report()));
    }

    /** A name with Markdown and CSV metacharacters stays one cell / one field. */
    void namesAreEscaped()
    {
        Estimated e = estimateFor({"--model", "qwen2.5-32b-instruct", "--quant", "Q4_K_M", "--engine", "llama.cpp", "--gpu", "custom:24"});
        const std::string odd = "My | box, \"the *big* one\"\nline_2";
        e.placement.devices.front().name = odd;
        const QStringList text = lines(options::markdownReport(e.report()));
        const qsizetype header = text.indexOf(QRegularExpression(QStringLiteral("^\\| Device \\|.*")));
        QVERIFY(header > 0);
        const QStringList c = cells(text[header + 2]);
        QCOMPARE(c.size(), 8);
        QCOMPARE(c[0], QStringLiteral("My | box, \"the *big* one\" line_2"));
        const auto csv = csvRows(options::csvReport(e.report()));
        QCOMPARE(csv.size(), std::size_t(3));
        QCOMPARE(csv[1].size(), 11);
        QCOMPARE(csv[1][2], QString::fromStdString(odd));
    }

    /** Labels handed in replace every heading and word; the layout and numbers stay. */
    void labelsAreTheCallers()
    {
        const Estimated e = estimateFor({"--model", "qwen2.5-32b-instruct", "--quant", "Q8_0", "--engine", "llama.cpp", "--gpu", "rtx-4090", "--ctx", "32768", "--ram", "64"});
        options::ReportLabels l;
        l.title = "估算";
        l.fixes = "解决办法";
        l.hostRam = "系统内存";
        l.verdictText = [](Verdict) { return std::string("VERDICT"); };
        l.fixText = [](const Fix &) { return std::string("FIX"); };
        const std::string md = options::markdownReport(e.report(), l);
        QVERIFY(md.rfind("# 估算 — ", 0) == 0);
        QVERIFY(md.find("## 解决办法") != std::string::npos);
        QVERIFY(md.find("| 系统内存 | ") != std::string::npos);
        QVERIFY(md.find("**Verdict:** VERDICT") != std::string::npos);
        QVERIFY(md.find("- FIX: VERDICT") != std::string::npos);
        QVERIFY(md.find("Fits") == std::string::npos);
    }

    void badFormatIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown format") << QStringList{"estimate", "--model", "qwen3-8b", "--gpu", "rtx-4090", "--format", "xml"};
        QTest::newRow("missing value") << QStringList{"estimate", "--model", "qwen3-8b", "--gpu", "rtx-4090", "--format"};
        QTest::newRow("md of a list") << QStringList{"list", "gpus", "--format", "md"};
    }
    void badFormatIsAUsageError()
    {
        QFETCH(QStringList, args);
        int code = -1;
        QVERIFY(cli(args, &code).isEmpty());
        QCOMPARE(code, 2);
    }

    void listFormatJsonIsJson()
    {
        QCOMPARE(cli({"list", "engines", "--format", "json"}), cli({"list", "engines", "--json"}));
    }
};

QTEST_APPLESS_MAIN(TestReportFormats)
#include "tst_report_formats.moc"
