// SPDX-License-Identifier: GPL-3.0-or-later
// Scenario presets (presets.json): each one, put into a request by applyPreset, runs the engine settings it
// names; the user's stated settings win; the loader refuses a preset that names what the catalog lacks.
#include "test_catalog.h"

#include <headroom/apply_preset.h>
#include <headroom/estimator.h>

using namespace headroom;

namespace {

struct Run {
    std::string engine;
    Placement placement;
};

Run estimateOf(const RequestInputs &in)
{
    auto resolved = resolveRequest(test::shippedCatalog(), in);
    if (auto *e = std::get_if<ResolveError>(&resolved))
        qFatal("request does not resolve: %s %s", e->field.c_str(), e->value.c_str());
    const auto &rr = std::get<ResolvedRequest>(resolved);
    return {rr.request.engine->id, estimate(rr.request)};
}

/** A 128K-context model on a card that takes every engine the presets name (vLLM loads its BF16 checkpoint). */
RequestInputs base()
{
    RequestInputs in;
    in.model = "llama-3.1-8b-instruct";
    in.gpus = {DeviceChoice("h100-sxm-80gb")};
    return in;
}

CatalogError loadError(const std::string &presets)
{
    auto s = test::shippedSources();
    s.presets = presets;
    const auto loaded = Catalog::load(s);
    const auto *e = std::get_if<CatalogError>(&loaded);
    if (!e)
        qFatal("presets.json loaded: %s", presets.c_str());
    return *e;
}

std::string onePreset(const std::string &fields)
{
    return R"({"schema": 1, "presets": [{"id": "x", )" + fields + R"(, "why": "w", "source": "s"}]})";
}

} // namespace

class TestPresets : public QObject
{
    Q_OBJECT
private slots:
    /** The five scenarios of issue 13, in the order the front ends offer them, with the numbers their names promise. */
    void shippedPresetsAreTheScenarios()
    {
        const auto &presets = test::shippedCatalog().presets();
        QCOMPARE(presets.size(), std::size_t(5));
        const char *ids[] = {"personal-chat", "coding-assistant", "long-documents", "small-team", "api-serving"};
        for (std::size_t i = 0; i < presets.size(); ++i)
            QCOMPARE(QString::fromStdString(presets[i].id), QString::fromLatin1(ids[i]));
        const auto *team = test::shippedCatalog().findPreset("Small-Team");
        QVERIFY(team);
        QCOMPARE(team->engine, std::string("llama.cpp"));
        QCOMPARE(team->ctx, 8192U);
        QCOMPARE(team->parallel, 8U);
        const auto *api = test::shippedCatalog().findPreset("api-serving");
        QCOMPARE(api->engine, std::string("vllm"));
        QCOMPARE(api->parallel, 64U);
        QCOMPARE(test::shippedCatalog().findPreset("long-documents")->ctx, 131072U);
        QVERIFY(test::shippedCatalog().findPreset("personal-chat")->engine.empty());
        QVERIFY(!test::shippedCatalog().findPreset("nope"));
        for (const auto &p : presets)
            QVERIFY2(!p.why.empty() && !p.source.empty(), p.id.c_str());
    }

    /** Each preset, resolved and estimated, runs at its own context, slots, engine and flash attention. */
    void eachPresetRunsTheSettingsItNames()
    {
        for (const auto &p : test::shippedCatalog().presets()) {
            RequestInputs in = base();
            in.engine = "ollama"; // the user's engine: a preset without one keeps it
            const Run run = estimateOf(applyPreset(p, in));
            QCOMPARE(run.placement.ctx, p.ctx);
            QCOMPARE(run.placement.parallel, p.parallel);
            QCOMPARE(run.engine, p.engine.empty() ? std::string("ollama") : p.engine);
            if (p.flashAttn)
                QCOMPARE(run.placement.flashAttn, *p.flashAttn);
            if (!p.kvType.empty())
                QCOMPARE(std::string(kvTypeName(run.placement.kvType)), p.kvType);
            // And it is what the same numbers typed by hand give.
            RequestInputs byHand = base();
            byHand.engine = run.engine;
            byHand.ctx = p.ctx;
            byHand.parallel = p.parallel;
            if (p.flashAttn)
                byHand.flashAttn = *p.flashAttn ? FlashAttn::On : FlashAttn::Off;
            const Run typed = estimateOf(byHand);
            QCOMPARE(typed.placement.devices.front().total(), run.placement.devices.front().total());
        }
        // The slots multiply the cache: small-team holds 8 x 8,192 tokens, 8x personal-chat's 4,096 x 2.
        RequestInputs chat = base();
        chat.engine = "llama.cpp";
        chat.flashAttn = FlashAttn::On;
        const auto *team = test::shippedCatalog().findPreset("small-team");
        const Run teamRun = estimateOf(applyPreset(*team, chat));
        chat.ctx = 16384;
        chat.parallel = 1;
        const Run one = estimateOf(chat);
        QCOMPARE(teamRun.placement.devices.front().kvCache, 4 * one.placement.devices.front().kvCache);
    }

    void statedSettingsWin()
    {
        const auto &team = *test::shippedCatalog().findPreset("small-team");
        RequestInputs in = base();
        in.engine = "ollama";
        in.ctx = 2048;
        in.parallel = 2;
        in.kvType = "q8_0";
        in.flashAttn = FlashAttn::Off;
        const StatedSettings all{true, true, true, true, true};
        const RequestInputs kept = applyPreset(team, in, all);
        QCOMPARE(kept.engine, std::string("ollama"));
        QCOMPARE(kept.ctx, std::optional<std::uint32_t>(2048));
        QCOMPARE(kept.parallel, std::optional<std::uint32_t>(2));
        QCOMPARE(kept.kvType, std::string("q8_0"));
        QCOMPARE(int(kept.flashAttn), int(FlashAttn::Off));
        // Only --ctx stated: the preset sets the rest.
        StatedSettings ctxOnly;
        ctxOnly.ctx = true;
        const RequestInputs mixed = applyPreset(team, in, ctxOnly);
        QCOMPARE(mixed.engine, std::string("llama.cpp"));
        QCOMPARE(mixed.ctx, std::optional<std::uint32_t>(2048));
        QCOMPARE(mixed.parallel, std::optional<std::uint32_t>(8));
        QCOMPARE(mixed.kvType, std::string("q8_0")); // small-team sets no KV type: the user's stays
        const Run run = estimateOf(mixed);
        QCOMPARE(run.placement.ctx, 2048U);
        QCOMPARE(run.placement.parallel, 8U);
        // What the front ends report as kept: only settings the preset sets and the user stated.
        const StatedSettings reported = keptFromUser(team, all);
        QVERIFY(reported.engine && reported.ctx && reported.parallel);
        QVERIFY(!reported.kvType && !reported.flashAttn);
        QVERIFY(!keptFromUser(*test::shippedCatalog().findPreset("personal-chat"), all).engine);
        QVERIFY(keptFromUser(*test::shippedCatalog().findPreset("long-documents"), all).flashAttn);
    }

    /** A version belongs to its engine: replacing Ollama by llama-server drops "0.5.7"; the same engine keeps it. */
    void replacedEngineDropsItsVersion()
    {
        const auto &team = *test::shippedCatalog().findPreset("small-team");
        RequestInputs in = base();
        in.engine = "ollama";
        in.engineVersion = "0.5.7";
        QVERIFY(applyPreset(team, in).engineVersion.empty());
        in.engine = "llama.cpp";
        in.engineVersion = "b4750";
        QCOMPARE(applyPreset(team, in).engineVersion, std::string("b4750"));
        in.engine.clear(); // automatic: the version the user gave is for the engine the preset names
        QCOMPARE(applyPreset(team, in).engineVersion, std::string("b4750"));
    }

    void brokenPresetNamesFileEntryField_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("field");
        using P = CatalogError::Problem;
        QTest::newRow("unknown engine") << QString::fromStdString(onePreset(R"("engine": "llama-cpp", "ctx": 8192, "parallel": 1)"))
                                        << int(P::UnknownReference) << "engine";
        QTest::newRow("engine left out") << QString::fromStdString(onePreset(R"("ctx": 8192, "parallel": 1)")) << int(P::Missing)
                                         << "engine";
        QTest::newRow("engine a number") << QString::fromStdString(onePreset(R"("engine": 3, "ctx": 8192, "parallel": 1)"))
                                         << int(P::WrongType) << "engine";
        QTest::newRow("zero context") << QString::fromStdString(onePreset(R"("engine": null, "ctx": 0, "parallel": 1)")) << int(P::BadValue)
                                      << "ctx";
        QTest::newRow("context as text") << QString::fromStdString(onePreset(R"("engine": null, "ctx": "8K", "parallel": 1)"))
                                         << int(P::WrongType) << "ctx";
        QTest::newRow("no parallel") << QString::fromStdString(onePreset(R"("engine": null, "ctx": 8192)")) << int(P::Missing)
                                     << "parallel";
        QTest::newRow("unknown kv type") << QString::fromStdString(
                                                onePreset(R"("engine": null, "ctx": 8192, "parallel": 1, "kv_type": "q9")"))
                                         << int(P::BadValue) << "kv_type";
        QTest::newRow("kv type the engine lacks")
            << QString::fromStdString(onePreset(R"("engine": "vllm", "ctx": 8192, "parallel": 1, "kv_type": "q8_0")")) << int(P::BadValue)
            << "kv_type";
        QTest::newRow("flash attention as text")
            << QString::fromStdString(onePreset(R"("engine": null, "ctx": 8192, "parallel": 1, "flash_attn": "on")")) << int(P::WrongType)
            << "flash_attn";
        QTest::newRow("unread field") << QString::fromStdString(onePreset(R"("engine": null, "ctx": 8192, "parallel": 1, "users": 8)"))
                                      << int(P::UnknownField) << "users";
    }
    void brokenPresetNamesFileEntryField()
    {
        QFETCH(QString, text);
        QFETCH(int, problem);
        QFETCH(QString, field);
        const CatalogError e = loadError(text.toStdString());
        QCOMPARE(int(e.problem), problem);
        QCOMPARE(QString::fromStdString(e.file), QStringLiteral("presets.json"));
        QCOMPARE(QString::fromStdString(e.entry), QStringLiteral("x"));
        QCOMPARE(QString::fromStdString(e.field), field);
    }

    void duplicateAndEmptyFilesAreRefused()
    {
        const std::string entry = R"({"id": "x", "engine": null, "ctx": 8192, "parallel": 1, "why": "w", "source": "s"})";
        QCOMPARE(int(loadError(R"({"schema": 1, "presets": [)" + entry + "," + entry + "]}").problem),
                 int(CatalogError::Problem::DuplicateId));
        QCOMPARE(int(loadError(R"({"schema": 1, "presets": []})").problem), int(CatalogError::Problem::WrongType));
        // A preset that keeps the engine and sets a KV type and flash attention loads.
        auto s = test::shippedSources();
        s.presets = onePreset(R"("engine": null, "ctx": 8192, "parallel": 2, "kv_type": "q8_0", "flash_attn": true)");
        const auto loaded = Catalog::load(s);
        QVERIFY(std::holds_alternative<Catalog>(loaded));
        const Preset &p = std::get<Catalog>(loaded).presets().front();
        QCOMPARE(p.kvType, std::string("q8_0"));
        QCOMPARE(p.flashAttn, std::optional<bool>(true));
        QVERIFY(p.engine.empty());
    }
};

QTEST_APPLESS_MAIN(TestPresets)
#include "tst_presets.moc"
