// SPDX-License-Identifier: GPL-3.0-or-later
// Decode and prompt-processing speed against public measurements (tests/data/speed.csv, llama-bench runs with
// their sources). fit rows tuned the constants in core/headroom/speed.cpp; check rows never were, and their error
// is what docs/accuracy.md and the front ends' "usually within +/- N %" claim. Prints every row and the figures.
#include "test_catalog.h"

#include <headroom/estimator.h>
#include <headroom/request_resolver.h>
#include <headroom/speed.h>

#include <QtTest>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <regex>

using namespace headroom;

namespace {

const std::vector<std::string> kColumns{"role",     "engine", "backend", "hardware", "devices",           "model",  "size_gib",
                                        "params_b", "quant",  "test",    "depth",    "tokens_per_second", "source", "note"};

// The targets on check rows (docs/accuracy.md, "Speed").
constexpr double kDecodeMedianTarget = 0.10;
constexpr double kDecodeWithin25Target = 0.90;
constexpr double kPrefillMedianTarget = 0.20;

struct Measured {
    std::map<std::string, std::string> f;
    std::size_t line = 0;
    const std::string &operator[](const std::string &k) const { return f.at(k); }
};

struct Result {
    const Measured *row = nullptr;
    bool decode = true;
    double estimated = 0.0;
    double error = 0.0; ///< estimated / measured - 1
};

struct Figures {
    std::size_t rows = 0;
    double median = 0.0;
    double p90 = 0.0;
    double within25 = 0.0;
};

Figures figuresOf(const std::vector<Result> &results, const char *role, bool decode)
{
    std::vector<double> errors;
    for (const auto &r : results)
        if (r.decode == decode && (*r.row)["role"] == role)
            errors.push_back(std::abs(r.error));
    Figures f;
    f.rows = errors.size();
    if (errors.empty())
        return f;
    std::sort(errors.begin(), errors.end());
    const std::size_t n = errors.size();
    f.median = n % 2 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
    f.p90 = errors[static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(n))) - 1];
    f.within25 = static_cast<double>(std::count_if(errors.begin(), errors.end(), [](double e) { return e <= 0.25 + 1e-12; })) /
                 static_cast<double>(n);
    return f;
}

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

/** The rows, and for each row left out the reason (counted and printed: nothing is dropped silently). */
struct Run {
    std::vector<Measured> rows;
    std::vector<Result> results;
    std::map<std::string, std::size_t> leftOut;
    std::vector<std::string> problems;
};

const Run &run()
{
    static const Run all = [] {
        Run out;
        const auto raw = test::readCsv(HEADROOM_TEST_DATA_DIR "/speed.csv");
        std::size_t line = 0;
        bool header = false;
        for (const auto &fields : raw) {
            ++line;
            if (fields.empty() || (!fields.front().empty() && fields.front()[0] == '#'))
                continue;
            if (!header) {
                header = true;
                if (fields != kColumns)
                    out.problems.push_back("line " + std::to_string(line) + ": unexpected header");
                continue;
            }
            if (fields.size() != kColumns.size()) {
                out.problems.push_back("line " + std::to_string(line) + ": " + std::to_string(fields.size()) + " fields");
                continue;
            }
            Measured m;
            m.line = line;
            for (std::size_t i = 0; i < kColumns.size(); ++i)
                m.f[kColumns[i]] = fields[i];
            if (m["role"] != "fit" && m["role"] != "check")
                out.problems.push_back("line " + std::to_string(line) + ": role '" + m["role"] + "'");
            if (!test::shippedCatalog().findHardware(m["hardware"]))
                out.problems.push_back("line " + std::to_string(line) + ": unknown hardware '" + m["hardware"] + "'");
            if (m["source"].empty())
                out.problems.push_back("line " + std::to_string(line) + ": no source");
            out.rows.push_back(std::move(m));
        }
        static const std::regex test("(tg|pp)([0-9]+)");
        for (const auto &m : out.rows) {
            std::smatch t;
            const std::string &note = m["note"];
            const char *why = m["engine"] != "llama.cpp"              ? "another engine (MLX, vLLM, ik_llama.cpp)"
                              : m["model"].empty()                    ? "no catalog model"
                              : !std::regex_match(m["test"], t, test) ? "not a llama-bench tgN/ppN (end-to-end timing)"
                              : m["backend"] == "cpu"                 ? "CPU backend on a GPU machine"
                              : note.find("OFFLOAD") != std::string::npos || note.rfind("PARTIAL", 0) == 0 ? "partial or expert offload"
                              : note.rfind("UVM", 0) == 0 ? "unified-memory oversubscription"
                                                          : nullptr;
            if (why) {
                ++out.leftOut[why];
                continue;
            }
            RequestInputs in;
            in.model = m["model"];
            in.quant = upper(m["quant"]);
            in.engine = "llama.cpp";
            in.gpus = {DeviceChoice(m["hardware"])};
            in.gpuCount = static_cast<std::uint32_t>(std::stoul(m["devices"]));
            in.ctx = std::max<std::uint32_t>(
                512, static_cast<std::uint32_t>(std::stoul(m["depth"].empty() ? "0" : m["depth"]) + std::stoul(t[2].str())));
            in.parallel = 1;
            in.hostRam = 512 * GiB;
            auto resolved = resolveRequest(test::shippedCatalog(), in);
            if (auto *e = std::get_if<ResolveError>(&resolved)) {
                out.problems.push_back("line " + std::to_string(m.line) + ": " + e->field + " '" + e->value + "' does not resolve");
                continue;
            }
            const Placement p = estimate(std::get<ResolvedRequest>(resolved).request);
            if (!fitsOnGpus(p.verdict)) {
                ++out.leftOut["does not fit the devices in Headroom's estimate"];
                continue;
            }
            Result r;
            r.row = &m;
            r.decode = t[1] == "tg";
            r.estimated = r.decode ? p.decodeTokensPerSecond : p.prefillTokensPerSecond;
            if (r.estimated <= 0) {
                ++out.leftOut[r.decode ? "no bandwidth figure" : "no FP16 figure for the device (prompt processing)"];
                continue;
            }
            r.error = r.estimated / std::stod(m["tokens_per_second"]) - 1.0;
            out.results.push_back(r);
        }
        return out;
    }();
    return all;
}

} // namespace

class TestSpeedCalibration : public QObject
{
    Q_OBJECT

private slots:
    void tableIsWellFormed()
    {
        for (const auto &p : run().problems)
            qWarning("speed.csv %s", p.c_str());
        QVERIFY2(run().problems.empty(), "speed.csv has malformed rows (see warnings above)");
        QVERIFY(run().rows.size() > 300);
        for (const auto &[why, n] : run().leftOut)
            qInfo("left out: %zu rows: %s", n, why.c_str());
    }

    void everyRowPrinted()
    {
        for (const auto &r : run().results)
            qInfo("%-5s %s %-24s x%s %-28s %-7s %-6s depth %-5s measured %8.2f estimated %8.2f error %+6.1f %%", (*r.row)["role"].c_str(),
                  (*r.row)["backend"].c_str(), (*r.row)["hardware"].c_str(), (*r.row)["devices"].c_str(), (*r.row)["model"].c_str(),
                  (*r.row)["quant"].c_str(), (*r.row)["test"].c_str(), (*r.row)["depth"].c_str(), std::stod((*r.row)["tokens_per_second"]),
                  r.estimated, r.error * 100);
    }

    void decodeWithinTargets()
    {
        const Figures check = printFigures("decode", true);
        QVERIFY(check.rows >= 50);
        QVERIFY2(check.median <= kDecodeMedianTarget, "decode median error on check rows above 10 %");
        QVERIFY2(check.within25 >= kDecodeWithin25Target, "fewer than 90 % of check rows within +/-25 %");
        // What the front ends say ("usually within +/- N %") must stay true.
        QVERIFY2(check.p90 <= kDecodeUsualError, "kDecodeUsualError is below the 90th percentile of the check rows' error");
    }

    void prefillWithinTargets()
    {
        const Figures check = printFigures("prefill", false);
        QVERIFY(check.rows >= 30);
        QVERIFY2(check.median <= kPrefillMedianTarget, "prefill median error on check rows above 20 %");
        QVERIFY2(check.median <= kPrefillMedianError, "kPrefillMedianError is below the median of the check rows' error");
    }

private:
    /** Prints the figures of both roles (docs/accuracy.md quotes them) and returns the check rows'. */
    static Figures printFigures(const char *what, bool decode)
    {
        for (const char *role : {"fit", "check"}) {
            const Figures f = figuresOf(run().results, role, decode);
            qInfo("%s %s rows: %zu, median |error| %.1f %%, 90th percentile %.1f %%, within +/-25 %%: %.0f %%", what, role, f.rows,
                  f.median * 100, f.p90 * 100, f.within25 * 100);
        }
        return figuresOf(run().results, "check", decode);
    }
};

QTEST_APPLESS_MAIN(TestSpeedCalibration)
#include "tst_speed_calibration.moc"
