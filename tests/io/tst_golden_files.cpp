// SPDX-License-Identifier: GPL-3.0-or-later
// Readers against real files: tests/golden/config/<case>/config.json are config.json files of published
// models and tests/golden/gguf/<case>/header.gguf are GGUF headers rebuilt from tables published for real
// files by tests/golden/gguf/write_header.mjs (which shares no code or key names with the reader). Each
// folder's expected.json was written by hand from the source (see its SOURCE), not from the reader.
#include <QTest>

#include <headroom/io/gguf_reader.h>
#include <headroom/io/hf_reader.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

using namespace headroom;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kGolden = fs::path(HEADROOM_SOURCE_DIR) / "tests" / "golden";

std::string readAll(const fs::path &p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/** The spec fields expected.json may name, as JSON, so one loop compares them all. */
json specJson(const ModelSpec &m)
{
    json j = {
        {"arch", m.arch}, {"layers", m.layers}, {"hidden", m.hidden}, {"heads", m.heads}, {"kv_heads", m.kvHeads},
        {"head_dim", m.headDim}, {"value_head_dim", m.valueHeadDim}, {"ffn", m.ffn}, {"vocab", m.vocab},
        {"tied_embeddings", m.tiedEmbeddings}, {"max_context", m.maxContext}, {"qkv_bias", m.qkvBias},
        {"qk_norm", m.qkNorm}, {"post_norms", m.postNorms}, {"fused_qkv", m.fusedQkv},
        {"fused_gate_up", m.fusedGateUp}, {"mtp_layers", m.mtpLayers},
    };
    j["sliding_window"] = m.slidingWindow ? json{{"window", m.slidingWindow->window}, {"pattern", m.slidingWindow->pattern}}
                                          : json(nullptr);
    j["moe"] = m.moe ? json{{"experts", m.moe->experts},         {"experts_used", m.moe->expertsUsed},
                            {"expert_ffn", m.moe->expertFfn},    {"shared_experts", m.moe->sharedExperts},
                            {"shared_ffn", m.moe->sharedFfn},    {"dense_layers", m.moe->denseLayers}}
                     : json(nullptr);
    j["mla"] = m.mla ? json{{"q_lora_rank", m.mla->qLoraRank},        {"kv_lora_rank", m.mla->kvLoraRank},
                            {"qk_rope_head_dim", m.mla->qkRopeHeadDim}, {"qk_nope_head_dim", m.mla->qkNopeHeadDim},
                            {"v_head_dim", m.mla->vHeadDim}}
                     : json(nullptr);
    return j;
}

/** Every key of `expected` must be in `actual` with the same value; returns "field: expected X, got Y" lines. */
void compare(const json &expected, const json &actual, const std::string &prefix, std::vector<std::string> &out)
{
    for (const auto &[key, want] : expected.items()) {
        const std::string field = prefix + key;
        if (!actual.contains(key)) {
            out.push_back(field + ": not produced by the reader");
            continue;
        }
        const json &got = actual.at(key);
        if (want.is_object() && got.is_object())
            compare(want, got, field + ".", out);
        else if (want != got)
            out.push_back(field + ": expected " + want.dump() + ", got " + got.dump());
    }
}

void failOn(const std::string &caseName, const std::vector<std::string> &mismatches)
{
    if (mismatches.empty())
        return;
    std::string msg = caseName + ":";
    for (const auto &m : mismatches)
        msg += "\n  " + m;
    QFAIL(msg.c_str());
}

void addRows(const char *kind)
{
    QTest::addColumn<QString>("dir");
    std::map<std::string, fs::path> cases; // sorted, so rows come in a stable order
    for (const auto &entry : fs::directory_iterator(kGolden / kind))
        if (entry.is_directory() && fs::exists(entry.path() / "expected.json"))
            cases.emplace(entry.path().filename().string(), entry.path());
    for (const auto &[name, path] : cases)
        QTest::newRow(name.c_str()) << QString::fromStdString(path.string());
}

} // namespace

class TestGoldenFiles : public QObject
{
    Q_OBJECT

private slots:
    void folders()
    {
        // The issue asks for at least 12 real config.json files and 6 real GGUF headers; a lost folder fails here.
        std::size_t configs = 0;
        for (const auto &e : fs::directory_iterator(kGolden / "config"))
            configs += e.is_directory() && fs::exists(e.path() / "config.json") && fs::exists(e.path() / "SOURCE");
        QVERIFY2(configs >= 12, ("config cases: " + std::to_string(configs)).c_str());
    }

    void config_data() { addRows("config"); }
    void config()
    {
        QFETCH(QString, dir);
        const fs::path d = dir.toStdString();
        const std::string caseName = "config/" + d.filename().string();
        const json expected = json::parse(readAll(d / "expected.json"));
        auto parsed = io::parseHfConfig(readAll(d / "config.json"), "config.json");
        if (const auto *e = std::get_if<io::IoError>(&parsed))
            QFAIL((caseName + ": reader failed: " + io::describeIoError(*e)).c_str());
        const auto &cfg = std::get<io::HfConfig>(parsed);
        std::vector<std::string> mismatches;
        compare(expected.at("spec"), specJson(cfg.spec), "", mismatches);
        if (expected.contains("quant") && expected.at("quant") != cfg.quant)
            mismatches.push_back("quant: expected " + expected.at("quant").dump() + ", got \"" + cfg.quant + "\"");
        failOn(caseName, mismatches);
    }
};

QTEST_APPLESS_MAIN(TestGoldenFiles)
#include "tst_golden_files.moc"
