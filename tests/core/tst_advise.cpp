// SPDX-License-Identifier: GPL-3.0-or-later
// The advisor on the shipped catalog: what it ranks runs, every figure has its sources, a model without a
// score is never ranked, more memory never lowers the best quality found, and each candidate re-estimated
// alone (its inputs resolved as a front end applying it would) gives the numbers the advisor showed.
#include "test_catalog.h"

#include <headroom/advise.h>
#include <headroom/inventory_cache.h>
#include <headroom/placement_json.h>

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>
#include <set>

using namespace headroom;

namespace {

const Catalog &catalog()
{
    return test::shippedCatalog();
}

RequestInputs on(std::vector<DeviceChoice> gpus, std::string engine, std::optional<std::uint32_t> ctx = 8192)
{
    RequestInputs in;
    in.gpus = std::move(gpus);
    in.engine = std::move(engine);
    in.ctx = ctx;
    in.hostRam = 64 * GiB;
    return in;
}

Advice adviseOrFail(const RequestInputs &in, const AdviseOptions &o = {})
{
    static InventoryCache cache; // as the window keeps one: inventories do not depend on the hardware
    auto a = advise(catalog(), in, o, &cache);
    if (auto *e = std::get_if<ResolveError>(&a))
        qFatal("advise failed: %s %s", e->field.c_str(), e->value.c_str());
    return std::get<Advice>(std::move(a));
}

double best(const Advice &a)
{
    return a.perModel.empty() ? 0.0 : a.candidates[a.perModel.front()].quality->value;
}

const Quantization &quant(const char *id, const char *engine)
{
    return *catalog().findQuantization(id, engine);
}

} // namespace

Q_DECLARE_METATYPE(headroom::RequestInputs)

class TestAdvise : public QObject
{
    Q_OBJECT

private slots:
    void scenarios_data()
    {
        QTest::addColumn<RequestInputs>("inputs");
        QTest::newRow("RTX 4090 D, llama.cpp") << on({"rtx-4090d"}, "llama.cpp");
        QTest::newRow("16 GB Mac, MLX") << on({"apple-m4-16gb"}, "mlx");
        QTest::newRow("16 GB Mac, Ollama, engine context") << on({"apple-m4-16gb"}, "ollama", std::nullopt);
        QTest::newRow("2 x RTX 3090, vLLM") << on({"rtx-3090", "rtx-3090"}, "vllm");
        QTest::newRow("8 GiB card, transformers") << on({CustomDevice{8 * GiB, MemoryKind::Discrete, 0.0}}, "transformers", 4096);
        RequestInputs cpu = on({}, "llama.cpp", 4096);
        cpu.hostRam = 32 * GiB;
        QTest::newRow("CPU only, 32 GiB RAM") << cpu;
    }

    /** Nothing that does not fit is ranked, drawn or listed; each fits every device it uses. */
    void scenarios()
    {
        QFETCH(RequestInputs, inputs);
        const Advice a = adviseOrFail(inputs);
        QVERIFY(a.capacity > 0);
        QVERIFY2(!a.perModel.empty(), "some scored model runs on every scenario's hardware");
        for (const auto &c : a.candidates) {
            if (!inputs.gpus.empty()) {
                QVERIFY2(fitsOnGpus(c.placement.verdict), c.model->id.c_str());
                for (const auto &d : c.placement.devices)
                    QVERIFY(d.total() <= d.usable);
            }
            QVERIFY(!c.partial);
            QVERIFY(c.memory > 0);
        }
    }

    /** Ranked rows are scored, one per model, by expected quality; unranked rows have no figure and say why. */
    void rankingUsesOnlyScoredModels()
    {
        const Advice a = adviseOrFail(on({"rtx-4090d"}, "llama.cpp"));
        std::set<const ModelSpec *> seen;
        double previous = 1e9;
        for (const auto i : a.perModel) {
            const auto &c = a.candidates[i];
            QVERIFY(c.quality);
            QVERIFY(a.metric->scoreFor(c.model->id));
            QVERIFY(seen.insert(c.model).second);
            QVERIFY(c.quality->value <= previous + 1e-9);
            previous = c.quality->value;
        }
        for (const auto i : a.unranked) {
            const auto &c = a.candidates[i];
            QVERIFY(!c.quality);
            QVERIFY(seen.insert(c.model).second);
            if (c.gap == QualityGap::NoScore)
                QVERIFY(!a.metric->scoreFor(c.model->id));
        }
        // The R1 distills, the models the seed questions are about, are ranked in the default metric.
        bool distill = false;
        for (const auto i : a.perModel)
            distill = distill || a.candidates[i].model->id == "deepseek-r1-distill-qwen-14b";
        QVERIFY(distill);
    }

    /** Every quality figure names its sources: the metric's and the recovery's (or says it is lossless). */
    void everyFigureHasSources()
    {
        for (const auto &metric : catalog().metrics()) {
            QVERIFY(!metric.source.empty() && !metric.evaluation.empty());
            AdviseOptions o;
            o.metric = &metric;
            const Advice a = adviseOrFail(on({"h100-sxm-80gb"}, "llama.cpp"), o);
            for (const auto &c : a.candidates) {
                if (!c.quality)
                    continue;
                QVERIFY(!c.quality->score->evaluated.empty());
                const auto &r = c.quality->recovery;
                QVERIFY(r.lossless || !r.evidence.empty());
                for (const auto &e : r.evidence)
                    QVERIFY(!e.study->source.empty());
                QVERIFY(r.factor <= 1.0 && r.factor > 0.0);
                QCOMPARE(c.quality->value, c.quality->score->score * r.factor);
            }
        }
    }

    /** The front: memory and quality both rise along it, and no candidate beats a front point for less memory. */
    void paretoFront()
    {
        const Advice a = adviseOrFail(on({"rtx-4090"}, "llama.cpp"));
        QVERIFY(a.front.size() >= 3);
        for (std::size_t k = 1; k < a.front.size(); ++k) {
            const auto &lo = a.candidates[a.front[k - 1]];
            const auto &hi = a.candidates[a.front[k]];
            QVERIFY(lo.memory <= hi.memory);
            QVERIFY(lo.quality->value < hi.quality->value);
        }
        for (const auto i : a.front)
            for (const auto &c : a.candidates)
                if (c.quality && c.memory <= a.candidates[i].memory)
                    QVERIFY(c.quality->value <= a.candidates[i].quality->value + 1e-9);
        // The best ranked candidate is the front's last point.
        QCOMPARE(a.candidates[a.front.back()].quality->value, best(a));
    }

    /** More memory never lowers the best quality found (same engine, context and everything else). */
    void moreMemoryNeverLowersTheBest()
    {
        for (const char *engine : {"llama.cpp", "vllm"}) {
            double previous = 0.0;
            for (double gib = 2.0; gib <= 200.0; gib *= 1.3) {
                const Advice a = adviseOrFail(on({CustomDevice{static_cast<Bytes>(gib * static_cast<double>(GiB)), MemoryKind::Discrete, 0.0}}, engine));
                QVERIFY2(best(a) >= previous - 1e-9, qPrintable(QStringLiteral("%1 at %2 GiB").arg(engine).arg(gib)));
                previous = best(a);
            }
            QVERIFY(previous > 0.0);
        }
    }

    /** Applying a suggestion resolves to exactly the placement it was shown with, for every engine. */
    void candidatesReestimateAlone()
    {
        for (const auto &inputs : {on({"rtx-4090d"}, "llama.cpp"), on({"apple-m4-16gb"}, "mlx"), on({"apple-m4-16gb"}, "ollama", std::nullopt),
                                   on({"rtx-3090", "rtx-3090"}, "vllm"), on({"a100-80gb"}, "transformers", 4096)}) {
            const Advice a = adviseOrFail(inputs);
            QVERIFY(!a.candidates.empty());
            // What the front ends show: the ranked table, the front and the unranked list.
            std::set<std::size_t> shown(a.perModel.begin(), a.perModel.end());
            shown.insert(a.front.begin(), a.front.end());
            shown.insert(a.unranked.begin(), a.unranked.end());
            for (const auto i : shown) {
                const Candidate &c = a.candidates[i];
                auto r = resolveRequest(catalog(), c.inputs);
                const auto *rr = std::get_if<ResolvedRequest>(&r);
                QVERIFY(rr);
                QCOMPARE(rr->request.model, c.model);
                QCOMPARE(rr->quant, c.quant);
                QCOMPARE(placementToJson(estimate(rr->request)).dump(), placementToJson(c.placement).dump());
            }
        }
    }

    void filters()
    {
        AdviseOptions fast;
        fast.minTokensPerSecond = 60.0;
        for (const auto &c : adviseOrFail(on({"rtx-4090d"}, "llama.cpp"), fast).candidates)
            QVERIFY(c.placement.decodeTokensPerSecond >= 60.0);
        AdviseOptions family;
        family.family = "qwen3";
        const Advice q = adviseOrFail(on({"rtx-4090d"}, "llama.cpp"), family);
        QVERIFY(!q.candidates.empty());
        for (const auto &c : q.candidates)
            QCOMPARE(toLowerAscii(c.model->family), std::string("qwen3"));
        // Partial offload adds what spills into system RAM, counted there too.
        AdviseOptions partial;
        partial.allowPartialOffload = true;
        const Advice p = adviseOrFail(on({"rtx-4060-8gb"}, "llama.cpp"), partial);
        bool anyPartial = false;
        for (const auto &c : p.candidates)
            if (c.partial) {
                anyPartial = true;
                QCOMPARE(c.placement.verdict, Verdict::PartialOffload);
                QVERIFY(c.memory > c.placement.devices.front().total());
            }
        QVERIFY(anyPartial);
        // A context longer than a model supports leaves the model out, and says how many.
        const Advice longCtx = adviseOrFail(on({"h200"}, "llama.cpp", 131072));
        QVERIFY(longCtx.counts.contextTooLong > 0);
        for (const auto &c : longCtx.candidates)
            QVERIFY(c.model->maxContext >= 131072);
    }

    /** Recovery: measured at the model's size class, never taken from a larger model, bounded from a lesser quantization. */
    void recoveryRules()
    {
        const auto &c = catalog();
        // Qwen2-0.5B-Instruct GPTQ-Int4: MMLU 33.0 of 37.9 (Qwen's quantization benchmark).
        auto r = measuredRecovery(c, quant("gptq-int4", "vllm"), *c.findModel("qwen2.5-0.5b-instruct"));
        QVERIFY(std::holds_alternative<Recovery>(r));
        QCOMPARE(std::get<Recovery>(r).evaluatedParamsB, 0.49);
        QVERIFY(std::abs(std::get<Recovery>(r).factor - 33.0 / 37.9) < 1e-12);
        // At 72B, every row of the 70B class counts (Qwen2-72B and Llama-3.1-70B), averaged.
        r = measuredRecovery(c, quant("gptq-int4", "vllm"), *c.findModel("qwen2.5-72b-instruct"));
        QVERIFY(std::holds_alternative<Recovery>(r));
        const auto &big = std::get<Recovery>(r);
        QVERIFY(big.evidence.size() >= 2);
        double sum = 0.0;
        for (const auto &e : big.evidence) {
            QVERIFY(e.row->paramsB * 1.25 >= big.evaluatedParamsB);
            sum += e.row->recovery();
        }
        QCOMPARE(big.measured, sum / static_cast<double>(big.evidence.size()));
        // Measured only on a 27B model: not applied to a 1.5B one.
        r = measuredRecovery(c, quant("IQ1_S", "llama.cpp"), *c.findModel("qwen2.5-1.5b-instruct"));
        QVERIFY(std::holds_alternative<QualityGap>(r));
        QCOMPARE(std::get<QualityGap>(r), QualityGap::MeasuredOnLarger);
        // Q8_0 measured only at 27B; on a 7B model it keeps at least what a lesser k-quant keeps there.
        r = measuredRecovery(c, quant("Q8_0", "llama.cpp"), *c.findModel("qwen2.5-7b-instruct"));
        QVERIFY(std::holds_alternative<Recovery>(r));
        const auto &bound = std::get<Recovery>(r);
        QVERIFY(bound.boundFrom);
        QVERIFY(*bound.boundFrom->quality->kld > *quant("Q8_0", "llama.cpp").quality->kld);
        QVERIFY(bound.evaluatedParamsB <= 7.62 * 1.25);
        // Measured by nobody, and no KL divergence orders it against one that was.
        r = measuredRecovery(c, quant("MXFP4", "llama.cpp"), *c.findModel("gpt-oss-20b"));
        QVERIFY(std::holds_alternative<QualityGap>(r));
        QCOMPARE(std::get<QualityGap>(r), QualityGap::NotMeasured);
        // The released precision is lossless by definition.
        r = measuredRecovery(c, quant("BF16", "llama.cpp"), *c.findModel("qwen3-8b"));
        QVERIFY(std::holds_alternative<Recovery>(r));
        QVERIFY(std::get<Recovery>(r).lossless);
        QCOMPARE(std::get<Recovery>(r).factor, 1.0);
        // Above 1 is benchmark noise: capped (Gemma-3-27B Q6_K: 71.87 of 71.5).
        r = measuredRecovery(c, quant("Q6_K", "llama.cpp"), *c.findModel("gemma-3-27b-it"));
        QVERIFY(std::holds_alternative<Recovery>(r));
        QVERIFY(std::get<Recovery>(r).measured > 1.0);
        QCOMPARE(std::get<Recovery>(r).factor, 1.0);
    }

    void badRequestIsAnError()
    {
        RequestInputs in = on({"rtx-9999"}, "llama.cpp");
        const auto a = advise(catalog(), in, {});
        QVERIFY(std::holds_alternative<ResolveError>(a));
        QCOMPARE(std::get<ResolveError>(a).code, ResolveError::Code::UnknownGpu);
        in = on({"rtx-4090"}, "llama.cpp", 0);
        QVERIFY(std::holds_alternative<ResolveError>(advise(catalog(), in, {})));
    }
};

QTEST_APPLESS_MAIN(TestAdvise)
#include "tst_advise.moc"
