// SPDX-License-Identifier: GPL-3.0-or-later
// An engine learns architectures over time: engines.json `architectures` says from which version. Before it,
// an estimate is refused with a code naming the first version that loads the model, and the advisor leaves the
// model out instead of recommending something the user's engine cannot open.
#include "test_catalog.h"

#include <headroom/advise.h>
#include <headroom/request_resolver.h>

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace headroom;
using nlohmann::json;

namespace {

/** The shipped catalog with llama.cpp's support for `arch` arriving at `from` (replacing any shipped row). */
CatalogSources withSupport(const std::string &arch, const std::string &from)
{
    CatalogSources s = test::shippedSources();
    json engines = json::parse(s.engines);
    for (auto &e : engines["engines"]) {
        if (e["id"] != "llama.cpp")
            continue;
        json rows = json::array();
        for (const auto &row : e.value("architectures", json::array()))
            if (row["arch"] != arch)
                rows.push_back(row);
        rows.push_back({{"arch", arch}, {"from", from}, {"source", "test"}});
        e["architectures"] = rows;
    }
    s.engines = engines.dump();
    return s;
}

Catalog loaded(const CatalogSources &s)
{
    auto c = Catalog::load(s);
    if (auto *e = std::get_if<CatalogError>(&c))
        qFatal("catalog: %s %s %s %s", e->file.c_str(), e->entry.c_str(), e->field.c_str(), e->detail.c_str());
    return std::get<Catalog>(std::move(c));
}

RequestInputs qwen3At(const std::string &version)
{
    RequestInputs in;
    in.model = "qwen3-8b";
    in.quant = "Q4_K_M";
    in.engine = "llama.cpp";
    in.engineVersion = version;
    in.ctx = 4096;
    in.gpus = {DeviceChoice("rtx-4090")};
    return in;
}

} // namespace

class TestArchitectureSupport : public QObject
{
    Q_OBJECT

private slots:
    void versionsBeforeTheArrivalAreRefused_data();
    void versionsBeforeTheArrivalAreRefused();
    void theAdvisorLeavesUnloadableModelsOut();
    void unknownArchitecturesAndBadVersionsDoNotLoad();
};

void TestArchitectureSupport::versionsBeforeTheArrivalAreRefused_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("loads");
    QTest::newRow("older build") << "b5000" << false;
    QTest::newRow("the arrival build") << "b5135" << true;
    QTest::newRow("newer build") << "b6000" << true;
    QTest::newRow("unset = newest") << "" << true;
}

void TestArchitectureSupport::versionsBeforeTheArrivalAreRefused()
{
    QFETCH(QString, version);
    QFETCH(bool, loads);
    const Catalog catalog = loaded(withSupport("qwen3", "b5135"));
    const auto resolved = resolveRequest(catalog, qwen3At(version.toStdString()));
    if (loads) {
        QVERIFY(std::holds_alternative<ResolvedRequest>(resolved));
        return;
    }
    const auto *error = std::get_if<ResolveError>(&resolved);
    QVERIFY(error);
    QCOMPARE(error->code, ResolveError::Code::InvalidRequest);
    QVERIFY(error->problem && error->problem->code == RequestProblem::Code::EngineCannotLoadModel);
    QCOMPARE(error->value, std::string("qwen3"));
    QCOMPARE(error->suggestions, std::vector<std::string>{"b5135"});
}

void TestArchitectureSupport::theAdvisorLeavesUnloadableModelsOut()
{
    const Catalog catalog = loaded(withSupport("qwen3", "b5135"));
    RequestInputs in = qwen3At("b5000");
    in.model.clear();
    in.quant.clear();
    const auto advice = advise(catalog, in, {});
    QVERIFY(std::holds_alternative<Advice>(advice));
    const auto &a = std::get<Advice>(advice);
    // The shipped rows refuse other architectures at b5000 too (qwen3next, gpt-oss, ...): count them all.
    const auto *llama = catalog.findEngine("llama.cpp");
    std::size_t refused = 0;
    std::size_t qwen3Models = 0;
    for (const auto &m : catalog.models()) {
        refused += llama->loadsArchitecture(m.arch, "b5000") ? 0U : 1U;
        qwen3Models += m.arch == "qwen3" ? 1U : 0U;
    }
    QVERIFY(qwen3Models > 0);
    QVERIFY(refused >= qwen3Models);
    QCOMPARE(a.counts.engineTooOld, refused);
    for (const auto &c : a.candidates)
        QVERIFY2(c.model->arch != "qwen3", c.model->id.c_str());
}

void TestArchitectureSupport::unknownArchitecturesAndBadVersionsDoNotLoad()
{
    for (const auto &[arch, from] : {std::pair{"qwen9", "b5135"}, std::pair{"qwen3", "soon"}}) {
        const auto c = Catalog::load(withSupport(arch, from));
        const auto *e = std::get_if<CatalogError>(&c);
        QVERIFY2(e, arch);
        QCOMPARE(e->file, std::string("engines.json"));
        QVERIFY2(e->entry.rfind("llama.cpp.architectures", 0) == 0, e->entry.c_str());
    }
}

QTEST_APPLESS_MAIN(TestArchitectureSupport)
#include "tst_architecture_support.moc"
