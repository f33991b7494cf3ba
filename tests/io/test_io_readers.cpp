// SPDX-License-Identifier: GPL-3.0-or-later
// GGUF / config.json / safetensors readers and the library scan, against files the tests write themselves.
#include <QTemporaryDir>
#include <QTest>

#include "gguf_writer.h"

#include <headroom/catalog.h>
#include <headroom/io/gguf_reader.h>
#include <headroom/io/hf_reader.h>
#include <headroom/io/library_scan.h>
#include <headroom/io/model_loader.h>

#include <cli_app.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace headroom;
using headroom::io::IoError;
using headroom::testing::GgufWriter;

Q_DECLARE_METATYPE(headroom::io::IoError::Code)

namespace {

const Catalog &catalog()
{
    static const Catalog c = [] {
        auto loaded = Catalog::loadDirectory(HEADROOM_TEST_CATALOG_DIR);
        if (!std::holds_alternative<Catalog>(loaded))
            qFatal("catalog failed to load");
        return std::get<Catalog>(std::move(loaded));
    }();
    return c;
}

QByteArray bytes(const std::vector<std::uint8_t> &v)
{
    return QByteArray(reinterpret_cast<const char *>(v.data()), static_cast<qsizetype>(v.size()));
}

std::span<const std::uint8_t> span(const QByteArray &b)
{
    return {reinterpret_cast<const std::uint8_t *>(b.constData()), static_cast<std::size_t>(b.size())};
}

/** Little-endian writer for hand-made corrupt headers. */
struct Raw {
    std::vector<std::uint8_t> b;
    Raw &u(std::uint64_t v, int n)
    {
        for (int i = 0; i < n; ++i)
            b.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
        return *this;
    }
    Raw &s(const std::string &t)
    {
        u(t.size(), 8);
        b.insert(b.end(), t.begin(), t.end());
        return *this;
    }
    Raw &head(std::uint64_t tensors, std::uint64_t kvs, std::uint32_t version = 3)
    {
        b.insert(b.end(), {'G', 'G', 'U', 'F'});
        return u(version, 4).u(tensors, 8).u(kvs, 8);
    }
};

void writeText(const std::filesystem::path &p, const std::string &text)
{
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

/** A safetensors file: header JSON then a sparse data region of `dataBytes`. */
void writeSafetensors(const std::filesystem::path &p, const nlohmann::json &header, std::uint64_t dataBytes)
{
    const std::string h = header.dump();
    Raw r;
    r.u(h.size(), 8);
    r.b.insert(r.b.end(), h.begin(), h.end());
    std::filesystem::create_directories(p.parent_path());
    {
        std::ofstream out(p, std::ios::binary);
        out.write(reinterpret_cast<const char *>(r.b.data()), static_cast<std::streamsize>(r.b.size()));
    }
    std::filesystem::resize_file(p, r.b.size() + dataBytes);
}

std::uint32_t effectiveSharedFfn(const ModelSpec &m)
{
    if (!m.moe)
        return 0;
    return m.moe->sharedFfn ? m.moe->sharedFfn : m.moe->expertFfn * m.moe->sharedExperts;
}

/** The architecture fields a file can carry; catalog-only facts (quality, license...) are not compared. */
void compareSpecs(const ModelSpec &got, const ModelSpec &want)
{
    QCOMPARE(got.arch, want.arch);
    QCOMPARE(got.layers, want.layers);
    QCOMPARE(got.hidden, want.hidden);
    QCOMPARE(got.heads, want.heads);
    QCOMPARE(got.kvHeads, want.kvHeads);
    QCOMPARE(got.headDim, want.headDim);
    QCOMPARE(got.valueDim(), want.valueDim());
    QCOMPARE(got.ffn, want.ffn);
    QCOMPARE(got.vocab, want.vocab);
    QCOMPARE(got.maxContext, want.maxContext);
    QCOMPARE(got.tiedEmbeddings, want.tiedEmbeddings);
    QCOMPARE(got.qkvBias, want.qkvBias);
    QCOMPARE(got.qkNorm, want.qkNorm);
    QCOMPARE(got.fusedQkv, want.fusedQkv);
    QCOMPARE(got.fusedGateUp, want.fusedGateUp);
    QCOMPARE(got.postNorms, want.postNorms);
    QCOMPARE(got.slidingWindow.has_value(), want.slidingWindow.has_value());
    if (want.slidingWindow) {
        QCOMPARE(got.slidingWindow->window, want.slidingWindow->window);
        QCOMPARE(got.slidingWindow->pattern, want.slidingWindow->pattern);
    }
    QCOMPARE(got.isMoe(), want.isMoe());
    if (want.isMoe()) {
        QCOMPARE(got.moe->experts, want.moe->experts);
        QCOMPARE(got.moe->expertsUsed, want.moe->expertsUsed);
        QCOMPARE(got.moe->expertFfn, want.moe->expertFfn);
        QCOMPARE(effectiveSharedFfn(got), effectiveSharedFfn(want));
        QCOMPARE(got.moe->denseLayers, want.moe->denseLayers);
    }
    QCOMPARE(got.mla.has_value(), want.mla.has_value());
    if (want.mla) {
        QCOMPARE(got.mla->qLoraRank, want.mla->qLoraRank);
        QCOMPARE(got.mla->kvLoraRank, want.mla->kvLoraRank);
        QCOMPARE(got.mla->qkRopeHeadDim, want.mla->qkRopeHeadDim);
        QCOMPARE(got.mla->qkNopeHeadDim, want.mla->qkNopeHeadDim);
        QCOMPARE(got.mla->vHeadDim, want.mla->vHeadDim);
    }
}

/** config.json as transformers writes it for the catalog entry (field names per model_type). */
nlohmann::json hfConfigFor(const ModelSpec &m)
{
    using nlohmann::json;
    static const std::map<std::string, std::string> types = {
        {"llama", "llama"},     {"qwen2", "qwen2"},   {"qwen3", "qwen3"}, {"qwen3moe", "qwen3_moe"},
        {"deepseek2", "deepseek_v3"}, {"gemma2", "gemma2"}, {"gemma3", "gemma3_text"}, {"phi3", "phi3"},
        {"chatglm", "chatglm"}, {"minicpm", "minicpm"}, {"gpt-oss", "gpt_oss"}};
    json c;
    c["model_type"] = m.isMoe() && m.arch == "llama" ? "mixtral" : types.at(m.arch);
    c["torch_dtype"] = "bfloat16";
    c["tie_word_embeddings"] = m.tiedEmbeddings;
    if (m.arch == "chatglm") {
        c["num_layers"] = m.layers;
        c["hidden_size"] = m.hidden;
        c["num_attention_heads"] = m.heads;
        c["multi_query_attention"] = true;
        c["multi_query_group_num"] = m.kvHeads;
        c["kv_channels"] = m.headDim;
        c["ffn_hidden_size"] = m.ffn;
        c["padded_vocab_size"] = m.vocab;
        c["seq_length"] = m.maxContext;
        c["add_qkv_bias"] = m.qkvBias;
        return c;
    }
    c["num_hidden_layers"] = m.layers;
    c["hidden_size"] = m.hidden;
    c["num_attention_heads"] = m.heads;
    c["num_key_value_heads"] = m.kvHeads;
    c["head_dim"] = m.headDim;
    c["intermediate_size"] = m.ffn;
    c["vocab_size"] = m.vocab;
    c["max_position_embeddings"] = m.maxContext;
    c["attention_bias"] = m.qkvBias && m.arch != "qwen2";
    if (m.slidingWindow) {
        c["sliding_window"] = m.slidingWindow->window;
        if (m.arch == "gpt-oss") {
            json types_ = json::array();
            for (std::uint32_t l = 0; l < m.layers; ++l)
                types_.push_back(m.slidingWindow->isSliding(l) ? "sliding_attention" : "full_attention");
            c["layer_types"] = types_;
        } else if (m.arch == "gemma3") {
            c["sliding_window_pattern"] = m.slidingWindow->pattern;
        }
    }
    if (m.isMoe()) {
        const auto &e = *m.moe;
        if (m.arch == "deepseek2") {
            c["n_routed_experts"] = e.experts;
            c["n_shared_experts"] = e.sharedExperts;
            c["first_k_dense_replace"] = e.denseLayers;
            c["moe_intermediate_size"] = e.expertFfn;
        } else if (m.arch == "gpt-oss" || m.arch == "llama") {
            c["num_local_experts"] = e.experts;
            c["intermediate_size"] = e.expertFfn;
        } else {
            c["num_experts"] = e.experts;
            c["moe_intermediate_size"] = e.expertFfn;
        }
        c[m.arch == "gpt-oss" ? "experts_per_token" : "num_experts_per_tok"] = e.expertsUsed;
    }
    if (m.mla) {
        c["q_lora_rank"] = m.mla->qLoraRank;
        c["kv_lora_rank"] = m.mla->kvLoraRank;
        c["qk_rope_head_dim"] = m.mla->qkRopeHeadDim;
        c["qk_nope_head_dim"] = m.mla->qkNopeHeadDim;
        c["v_head_dim"] = m.mla->vHeadDim;
        c.erase("head_dim");
    }
    if (m.arch == "gemma3") // multimodal wrapper, as google/gemma-3-4b-it ships it
        return json{{"model_type", "gemma3"}, {"text_config", c}, {"torch_dtype", "bfloat16"}};
    return c;
}

} // namespace

class TestIoReaders : public QObject
{
    Q_OBJECT

private slots:
    void ggufMatchesCatalog_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("quant");
        QTest::addColumn<bool>("tokens");
        QTest::newRow("llama-3.1-8b Q4_K_M (token list)") << "llama-3.1-8b-instruct" << "Q4_K_M" << true;
        QTest::newRow("llama-3.2-1b tied Q8_0") << "llama-3.2-1b-instruct" << "Q8_0" << false;
        QTest::newRow("qwen2.5-7b qkv bias Q5_K_M") << "qwen2.5-7b-instruct" << "Q5_K_M" << false;
        QTest::newRow("qwen3-8b qk norm Q6_K") << "qwen3-8b" << "Q6_K" << false;
        QTest::newRow("qwen3-30b-a3b moe Q4_K_M") << "qwen3-30b-a3b" << "Q4_K_M" << false;
        QTest::newRow("deepseek-v3 mla moe Q2_K") << "deepseek-v3" << "Q2_K" << false;
        QTest::newRow("gemma-3-4b swa Q4_K_M") << "gemma-3-4b-it" << "Q4_K_M" << false;
        QTest::newRow("gemma-2-9b swa Q4_0") << "gemma-2-9b-it" << "Q4_0" << false;
        QTest::newRow("gpt-oss-20b MXFP4") << "gpt-oss-20b" << "MXFP4" << false;
        QTest::newRow("mixtral Q3_K_M") << "mixtral-8x7b-instruct-v0.1" << "Q3_K_M" << false;
        QTest::newRow("phi-4 fused F16") << "phi-4" << "F16" << false;
        QTest::newRow("glm-4-9b fused BF16") << "glm-4-9b-chat" << "BF16" << false;
    }

    void ggufMatchesCatalog()
    {
        QFETCH(QString, model);
        QFETCH(QString, quant);
        QFETCH(bool, tokens);
        const auto *spec = catalog().findModel(model.toStdString());
        QVERIFY(spec);
        const auto *q = catalog().findQuantization(quant.toStdString(), "llama.cpp");
        QVERIFY(q);
        const auto inv = buildInventory(*spec, *q);
        QVERIFY(inv);
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath("model.gguf").toStdString();
        QVERIFY(testing::ggufForSpec(*spec, *inv, q->id, tokens ? spec->vocab : 0).write(path));

        const auto file = io::readGgufFile(path);
        if (const auto *e = std::get_if<IoError>(&file))
            QFAIL(io::describeIoError(*e).c_str());
        const auto &f = std::get<io::GgufFile>(file);
        QCOMPARE(f.tensors.size(), inv->tensors.size());
        QCOMPARE(f.tensorBytes, inv->total());
        const auto derived = io::ggufToModel(f);
        if (const auto *e = std::get_if<IoError>(&derived))
            QFAIL(io::describeIoError(*e).c_str());
        const auto &g = std::get<io::GgufModel>(derived);
        compareSpecs(g.spec, *spec);
        QCOMPARE(g.quant, io::ggufFileTypeName(testing::ftypeFor(q->id)));
        QVERIFY(g.inventory.exact);
        QCOMPARE(g.inventory.total(), inv->total());
        QCOMPARE(g.inventory.experts, inv->experts);
        QCOMPARE(g.inventory.expertsUsed, inv->expertsUsed);
        for (std::size_t i = 0; i < inv->tensors.size(); ++i) {
            const auto &got = g.inventory.tensors[i];
            const auto &want = inv->tensors[i];
            QCOMPARE(got.name, want.name);
            QCOMPARE(got.bytes, want.bytes);
            QCOMPARE(got.storage, want.storage);
            QCOMPARE(got.layer, want.layer);
            QCOMPARE(got.routedExpert, want.routedExpert);
            QCOMPARE(got.elements(), want.elements());
        }
        QCOMPARE(g.inventory.activeBytes(), inv->activeBytes());
        QCOMPARE(g.spec.params, inv->parameterCount());
    }

    void corruptGguf_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<qulonglong>("fileSize"); // 0 = the data's size
        QTest::addColumn<IoError::Code>("code");
        QTest::addColumn<qulonglong>("offset");
        using C = IoError::Code;
        const auto tensorInfo = [](Raw &r, std::uint32_t nDims, std::vector<std::uint64_t> ne, std::uint32_t type,
                                   std::uint64_t offset) {
            r.s("w").u(nDims, 4);
            for (auto d : ne)
                r.u(d, 8);
            r.u(type, 4).u(offset, 8);
        };
        QTest::newRow("empty") << QByteArray() << 0ULL << C::Truncated << 0ULL;
        QTest::newRow("bad magic") << QByteArray("GGML\3\0\0\0") << 0ULL << C::BadMagic << 0ULL;
        QTest::newRow("version 1") << bytes(Raw().head(0, 0, 1).b) << 0ULL << C::BadVersion << 4ULL;
        QTest::newRow("version 4") << bytes(Raw().head(0, 0, 4).b) << 0ULL << C::BadVersion << 4ULL;
        QTest::newRow("truncated counts") << bytes(Raw().head(0, 0).b).left(20) << 0ULL << C::Truncated << 16ULL;
        QTest::newRow("huge tensor count") << bytes(Raw().head(1ULL << 40, 0).b) << 0ULL << C::TooLarge << 8ULL;
        QTest::newRow("huge kv count") << bytes(Raw().head(0, ~0ULL).b) << 0ULL << C::TooLarge << 16ULL;
        QTest::newRow("huge key count") << bytes(Raw().head(0, 1).u(1ULL << 62, 8).b) << 0ULL << C::TooLarge << 16ULL;
        QTest::newRow("huge key length") << bytes(Raw().head(0, 1).u(1ULL << 62, 8).b) << 4096ULL << C::Truncated << 24ULL;
        QTest::newRow("key over 64 KiB") << bytes(Raw().head(0, 1).u(70000, 8).b) << 100000ULL << C::TooLarge << 24ULL;
        QTest::newRow("bad value type") << bytes(Raw().head(0, 1).s("k").u(13, 4).b) << 0ULL << C::BadValueType << 33ULL;
        QTest::newRow("nested array") << bytes(Raw().head(0, 1).s("k").u(9, 4).u(9, 4).u(1, 8).b) << 0ULL
                                      << C::NestedArray << 37ULL;
        QTest::newRow("bad array type") << bytes(Raw().head(0, 1).s("k").u(9, 4).u(77, 4).u(1, 8).b) << 0ULL
                                        << C::BadValueType << 37ULL;
        QTest::newRow("huge array count") << bytes(Raw().head(0, 1).s("k").u(9, 4).u(4, 4).u(1ULL << 40, 8).b) << 0ULL
                                          << C::TooLarge << 41ULL;
        QTest::newRow("huge string value") << bytes(Raw().head(0, 1).s("k").u(8, 4).u(1ULL << 30, 8).b) << (2ULL << 30)
                                           << C::TooLarge << 37ULL;
        QTest::newRow("truncated string") << bytes(Raw().head(0, 1).s("k").u(8, 4).u(100, 8).b) << 0ULL << C::Truncated
                                          << 37ULL;
        QTest::newRow("alignment 3") << bytes(Raw().head(0, 1).s("general.alignment").u(4, 4).u(3, 4).b) << 0ULL
                                     << C::BadAlignment << 49ULL;
        QTest::newRow("alignment wrong type") << bytes(Raw().head(0, 1).s("general.alignment").u(10, 4).u(32, 8).b)
                                              << 0ULL << C::BadAlignment << 49ULL;
        QTest::newRow("duplicate key") << bytes(Raw().head(0, 2).s("k").u(4, 4).u(1, 4).s("k").u(4, 4).u(1, 4).b)
                                       << 0ULL << C::WrongKeyType << 41ULL;
        {
            Raw r;
            r.head(1, 0);
            tensorInfo(r, 5, {32, 1, 1, 1, 1}, 0, 0);
            QTest::newRow("n_dims 5") << bytes(r.b) << 4096ULL << C::BadTensorInfo << 33ULL;
        }
        {
            Raw r;
            r.head(1, 0);
            tensorInfo(r, 2, {32, ~0ULL}, 0, 0);
            QTest::newRow("negative ne") << bytes(r.b) << 4096ULL << C::BadTensorInfo << 45ULL;
        }
        {
            Raw r;
            r.head(1, 0);
            tensorInfo(r, 3, {1ULL << 40, 1ULL << 20, 1ULL << 10}, 0, 0);
            QTest::newRow("element overflow") << bytes(r.b) << 4096ULL << C::BadTensorInfo << 53ULL;
        }
        {
            Raw r;
            r.head(1, 0);
            tensorInfo(r, 1, {32}, 99, 0);
            QTest::newRow("unknown ggml type") << bytes(r.b) << 4096ULL << C::UnknownTensorType << 45ULL;
        }
        {
            Raw r;
            r.head(1, 0);
            tensorInfo(r, 1, {100}, 12, 0); // Q4_K rows are multiples of 256
            QTest::newRow("partial block") << bytes(r.b) << 4096ULL << C::BadTensorInfo << 33ULL;
        }
        {
            Raw r;
            r.head(1, 0);
            tensorInfo(r, 1, {32}, 0, 1ULL << 40);
            QTest::newRow("offset beyond EOF") << bytes(r.b) << 4096ULL << C::TensorOutOfBounds << 24ULL;
        }
        {
            Raw r;
            r.head(1, 0);
            tensorInfo(r, 2, {4096, 4096}, 0, 0); // 64 MiB of F32 in a 4 KiB file
            QTest::newRow("size beyond EOF") << bytes(r.b) << 4096ULL << C::TensorOutOfBounds << 24ULL;
        }
        {
            Raw r;
            r.head(1, 0);
            tensorInfo(r, 1, {32}, 0, 16);
            QTest::newRow("misaligned offset") << bytes(r.b) << 4096ULL << C::BadAlignment << 24ULL;
        }
        {
            Raw r;
            r.head(2, 0);
            tensorInfo(r, 1, {32}, 0, 0);
            tensorInfo(r, 1, {32}, 0, 128);
            QTest::newRow("duplicate tensor") << bytes(r.b) << 4096ULL << C::BadTensorInfo << 57ULL;
        }
        {
            Raw r;
            r.head(1, 0);
            tensorInfo(r, 1, {32}, 0, 0);
            QTest::newRow("data region beyond EOF") << bytes(r.b) << 0ULL << C::Truncated << 57ULL;
        }
    }

    void corruptGguf()
    {
        QFETCH(QByteArray, data);
        QFETCH(qulonglong, fileSize);
        QFETCH(IoError::Code, code);
        QFETCH(qulonglong, offset);
        const auto r = io::parseGguf(span(data), fileSize, "bad.gguf");
        const auto *e = std::get_if<IoError>(&r);
        QVERIFY2(e, "a corrupt header must be rejected");
        QCOMPARE(e->code, code);
        QCOMPARE(e->file, std::string("bad.gguf"));
        QCOMPARE(e->offset, static_cast<std::uint64_t>(offset));
        QVERIFY(!io::describeIoError(*e).empty());
        // Every prefix of a corrupt or valid header must fail cleanly too.
        for (qsizetype n = 0; n < data.size(); ++n)
            QVERIFY(std::holds_alternative<IoError>(io::parseGguf(span(data.left(n)), 0, "prefix.gguf")));
    }

    void ggufMetadataValues()
    {
        GgufWriter w(2);
        w.u32("a.u32", 7);
        w.f32("a.f32", 1.5f);
        w.boolean("a.bool", true);
        w.str("a.str", "hello");
        w.u32Array("a.arr", std::vector<std::uint32_t>(5000, 3)); // more than kMaxKeptArrayItems
        w.stringArray("a.strs", 5000);
        const auto h = w.header();
        const auto r = io::parseGguf(h, h.size(), "meta.gguf");
        QVERIFY(std::holds_alternative<io::GgufFile>(r));
        const auto &f = std::get<io::GgufFile>(r);
        QCOMPARE(f.version, 2U);
        QCOMPARE(f.find("a.u32")->u, 7ULL);
        QCOMPARE(f.find("a.f32")->f, 1.5);
        QCOMPARE(f.find("a.bool")->u, 1ULL);
        QCOMPARE(f.find("a.str")->s, std::string("hello"));
        QCOMPARE(f.find("a.arr")->arrayCount, 5000ULL);
        QCOMPARE(f.find("a.arr")->items.size(), static_cast<std::size_t>(io::kMaxKeptArrayItems));
        QCOMPARE(f.find("a.strs")->arrayCount, 5000ULL);
        // Not a model: no architecture.
        const auto m = io::ggufToModel(f);
        QVERIFY(std::holds_alternative<IoError>(m));
        QCOMPARE(std::get<IoError>(m).code, IoError::Code::MissingKey);
    }

    void ggufFileTypes()
    {
        QCOMPARE(io::ggufFileTypeName(15), std::string("Q4_K_M"));
        QCOMPARE(io::ggufFileTypeName(15 | 1024), std::string("Q4_K_M"));
        QCOMPARE(io::ggufFileTypeName(32), std::string("BF16"));
        QCOMPARE(io::ggufFileTypeName(38), std::string("MXFP4_MOE"));
        QCOMPARE(io::ggufFileTypeName(4), std::string());
        QCOMPARE(io::ggufFileTypeName(999), std::string());
    }

    void splitGguf()
    {
        const auto *spec = catalog().findModel("qwen3-8b");
        const auto *q = catalog().findQuantization("Q4_K_M", "llama.cpp");
        const auto inv = *buildInventory(*spec, *q);
        QTemporaryDir dir;
        const std::filesystem::path base = dir.path().toStdString();
        // Three splits: the first holds the metadata, each holds a third of the tensors.
        const std::size_t n = inv.tensors.size();
        for (std::uint32_t part = 0; part < 3; ++part) {
            TensorInventory slice;
            for (std::size_t i = part * n / 3; i < (part + 1) * n / 3; ++i)
                slice.tensors.push_back(inv.tensors[i]);
            GgufWriter w = part == 0 ? testing::ggufForSpec(*spec, slice, q->id) : GgufWriter();
            if (part != 0) {
                for (const auto &t : slice.tensors)
                    w.tensor(t.name, {t.ne[0], t.ne[1]}, static_cast<std::uint32_t>(*ggmlTypeFromName(t.storage)));
            }
            w.u32("split.no", part);
            w.u32("split.count", 3);
            w.u32("split.tensors.count", static_cast<std::uint32_t>(n));
            char name[64];
            std::snprintf(name, sizeof name, "qwen3-8b-Q4_K_M-%05u-of-00003.gguf", part + 1);
            QVERIFY(w.write(base / name));
        }
        const auto loaded = io::loadModelPath(base / "qwen3-8b-Q4_K_M-00002-of-00003.gguf");
        if (const auto *e = std::get_if<IoError>(&loaded))
            QFAIL(io::describeIoError(*e).c_str());
        const auto &fm = std::get<FileModel>(loaded);
        QCOMPARE(fm.inventory->tensors.size(), n);
        QCOMPARE(fm.inventory->total(), inv.total());
        compareSpecs(fm.spec, *spec);

        std::filesystem::remove(base / "qwen3-8b-Q4_K_M-00003-of-00003.gguf");
        const auto missing = io::readGgufModel(base / "qwen3-8b-Q4_K_M-00001-of-00003.gguf");
        QVERIFY(std::holds_alternative<IoError>(missing));
        QCOMPARE(std::get<IoError>(missing).code, IoError::Code::BadSplit);
    }

    void cliSizesTheFile()
    {
        qputenv("HEADROOM_CATALOG_DIR", HEADROOM_TEST_CATALOG_DIR);
        const auto *spec = catalog().findModel("llama-3.2-1b-instruct");
        const auto *q = catalog().findQuantization("Q4_K_M", "llama.cpp");
        const auto inv = *buildInventory(*spec, *q);
        QTemporaryDir dir;
        const std::string path = dir.filePath("llama.gguf").toStdString();
        QVERIFY(testing::ggufForSpec(*spec, inv, q->id).write(path));
        const auto file = std::get<io::GgufFile>(io::readGgufFile(path));

        std::ostringstream out, err;
        const int rc = cli::run({"estimate", "--model", path, "--gpu", "rtx-4090", "--json"}, "headroom-cli", out, err);
        QVERIFY2(rc == 0, err.str().c_str());
        const auto j = nlohmann::json::parse(out.str());
        QCOMPARE(j["weights_total_bytes"].get<std::uint64_t>(), file.tensorBytes);
        QCOMPARE(j["quant"].get<std::string>(), std::string("Q4_K_M"));
        QCOMPARE(j["weights_exact"].get<bool>(), true);

        // The same model by catalog key sizes the same weights (the file was written from that inventory).
        std::ostringstream out2, err2;
        QCOMPARE(cli::run({"estimate", "--model", "llama-3.2-1b-instruct", "--quant", "Q4_K_M", "--gpu", "rtx-4090",
                           "--json"}, "headroom-cli", out2, err2), 0);
        QCOMPARE(nlohmann::json::parse(out2.str())["weights_total_bytes"].get<std::uint64_t>(), file.tensorBytes);

        // A corrupt file: exit 2, one line naming the file and the byte.
        const std::string bad = dir.filePath("bad.gguf").toStdString();
        std::ofstream(bad, std::ios::binary) << "GGUF\x03";
        std::ostringstream out3, err3;
        QCOMPARE(cli::run({"estimate", "--model", bad, "--gpu", "rtx-4090"}, "headroom-cli", out3, err3), 2);
        const std::string line = err3.str();
        QVERIFY(line.find(bad) != std::string::npos);
        QVERIFY(line.find("byte 4") != std::string::npos);
        QCOMPARE(std::count(line.begin(), line.end(), '\n'), 1L);
    }

    void hfConfigMatchesCatalog_data()
    {
        QTest::addColumn<QString>("model");
        for (const char *id : {"llama-3.1-8b-instruct", "llama-3.2-1b-instruct", "qwen2.5-7b-instruct", "qwen3-8b",
                               "qwen3-30b-a3b", "deepseek-v3", "gemma-2-9b-it", "gemma-3-4b-it", "phi-4",
                               "glm-4-9b-chat", "minicpm4-8b", "gpt-oss-20b", "mixtral-8x7b-instruct-v0.1",
                               "mistral-7b-instruct-v0.3"})
            QTest::newRow(id) << QString(id);
    }

    void hfConfigMatchesCatalog()
    {
        QFETCH(QString, model);
        const auto *spec = catalog().findModel(model.toStdString());
        QVERIFY(spec);
        const auto r = io::parseHfConfig(hfConfigFor(*spec).dump(), "config.json");
        if (const auto *e = std::get_if<IoError>(&r))
            QFAIL(io::describeIoError(*e).c_str());
        const auto &c = std::get<io::HfConfig>(r);
        compareSpecs(c.spec, *spec);
        QCOMPARE(c.quant, std::string("hf-bf16"));
    }

    void hfQuant_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("quant");
        QTest::newRow("bf16") << R"("torch_dtype":"bfloat16")" << "hf-bf16";
        QTest::newRow("fp16") << R"("torch_dtype":"float16")" << "fp16";
        QTest::newRow("dtype key") << R"("dtype":"float16")" << "fp16";
        QTest::newRow("awq") << R"("quantization_config":{"quant_method":"awq","bits":4})" << "awq-int4";
        QTest::newRow("gptq") << R"("quantization_config":{"quant_method":"gptq","bits":4})" << "gptq-int4";
        QTest::newRow("gptq 8bit") << R"("quantization_config":{"quant_method":"gptq","bits":8,"group_size":128})" << "gptq-int8";
        QTest::newRow("gptq per channel") << R"("quantization_config":{"quant_method":"gptq","bits":8,"group_size":-1})" << "gptq-int8";
        QTest::newRow("fp32") << R"("torch_dtype":"float32")" << "hf-f32";
        QTest::newRow("bnb 4bit") << R"("quantization_config":{"quant_method":"bitsandbytes","load_in_4bit":true})" << "bnb-nf4";
        QTest::newRow("fp8") << R"("quantization_config":{"quant_method":"fp8","weight_block_size":[128,128]})" << "fp8";
        QTest::newRow("mlx 4bit") << R"("quantization":{"bits":4,"group_size":64})" << "mlx-4bit";
        QTest::newRow("mlx 8bit") << R"("quantization":{"bits":8,"group_size":64})" << "mlx-8bit";
        // fuzz_hf_config crash-45032fdf (ASan stack-use-after-scope on any valid config: dangling initializer_list).
        QTest::newRow("fuzz crash-45032fdf") << R"("num_key_value_heads":8,"intermediate_size":14336,"quantization":{"bits":4,"group_size":64})" << "mlx-4bit";
    }

    void hfQuant()
    {
        QFETCH(QString, extra);
        QFETCH(QString, quant);
        const std::string text = R"({"model_type":"llama","num_hidden_layers":2,"hidden_size":64,"num_attention_heads":4,"vocab_size":100,)" +
                                 extra.toStdString() + "}";
        const auto r = io::parseHfConfig(text, "config.json");
        QVERIFY(std::holds_alternative<io::HfConfig>(r));
        QCOMPARE(std::get<io::HfConfig>(r).quant, quant.toStdString());
    }

    void hfMoeKeySpellings_data()
    {
        // Config fields of published models as other projects reproduce them (catalog sources of
        // ernie-4.5-21b-a3b and hunyuan-a13b-instruct); params are the catalog's counts for them.
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("arch");
        QTest::addColumn<uint>("experts");
        QTest::addColumn<uint>("used");
        QTest::addColumn<uint>("expertFfn");
        QTest::addColumn<uint>("shared");
        QTest::addColumn<uint>("dense");
        QTest::addColumn<qulonglong>("params");
        // ERNIE 4.5 names its keys moe_num_experts / moe_k / moe_num_shared_experts / moe_layer_start_index.
        QTest::newRow("ERNIE-4.5-21B-A3B")
            << R"({"model_type":"ernie4_5_moe","hidden_size":2560,"intermediate_size":12288,"max_position_embeddings":131072,
                 "num_attention_heads":20,"num_key_value_heads":4,"head_dim":null,"num_hidden_layers":28,"vocab_size":103424,
                 "use_bias":false,"tie_word_embeddings":true,"moe_num_experts":64,"moe_layer_start_index":1,
                 "moe_intermediate_size":1536,"moe_k":6,"moe_layer_interval":1,"moe_num_shared_experts":2})"
            << "ernie4_5-moe" << 64U << 6U << 1536U << 2U << 1U << 21825437888ULL;
        // Hunyuan gives top-k, shared experts and the expert width once per layer.
        const QString eight = "[8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8]";
        const QString one = "[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]";
        const QString width = "[" + QStringList(32, "3072").join(',') + "]";
        QTest::newRow("Hunyuan-A13B")
            << R"({"model_type":"hunyuan_v1_moe","hidden_size":4096,"num_hidden_layers":32,"num_attention_heads":32,
                 "num_key_value_heads":8,"head_dim":128,"intermediate_size":3072,"vocab_size":128167,"num_experts":64,
                 "tie_word_embeddings":true,"moe_intermediate_size":)" +
                   width + R"(,"moe_topk":)" + eight + R"(,"num_shared_expert":)" + one + "}"
            << "hunyuan-moe" << 64U << 8U << 3072U << 1U << 0U << 80393183232ULL;
        // A per-layer list whose entries differ is not one value: the reader falls back as for a missing key.
        QTest::newRow("uneven moe_topk")
            << R"({"model_type":"hunyuan_v1_moe","hidden_size":64,"num_hidden_layers":2,"num_attention_heads":4,
                 "intermediate_size":32,"vocab_size":100,"num_experts":4,"moe_topk":[1,2],"tie_word_embeddings":true})"
            << "hunyuan-moe" << 4U << 1U << 32U << 0U << 0U << 0ULL;
    }

    void hfMoeKeySpellings()
    {
        QFETCH(QString, text);
        QFETCH(QString, arch);
        QFETCH(uint, experts);
        QFETCH(uint, used);
        QFETCH(uint, expertFfn);
        QFETCH(uint, shared);
        QFETCH(uint, dense);
        QFETCH(qulonglong, params);
        const auto r = io::parseHfConfig(text.toStdString(), "config.json");
        QVERIFY(std::holds_alternative<io::HfConfig>(r));
        const ModelSpec &m = std::get<io::HfConfig>(r).spec;
        QCOMPARE(m.arch, arch.toStdString());
        QVERIFY(m.moe.has_value());
        QCOMPARE(m.moe->experts, experts);
        QCOMPARE(m.moe->expertsUsed, used);
        QCOMPARE(m.moe->expertFfn, expertFfn);
        QCOMPARE(m.moe->sharedExperts, shared);
        QCOMPARE(m.moe->denseLayers, dense);
        if (params > 0)
            QCOMPARE(qulonglong{m.params}, params);
    }

    void badJson_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<IoError::Code>("code");
        QTest::addColumn<qulonglong>("offset");
        QTest::newRow("syntax") << R"({"model_type": "llama",)" << IoError::Code::BadJson << 23ULL;
        QTest::newRow("array") << "[1,2]" << IoError::Code::BadJson << 0ULL;
        QTest::newRow("no model_type") << R"({"hidden_size": 4})" << IoError::Code::MissingKey << 0ULL;
        QTest::newRow("no layers") << R"({"model_type":"llama","hidden_size":4,"num_attention_heads":1})"
                                   << IoError::Code::MissingKey << 0ULL;
        // fuzz_hf_config crash-3572cb7f: out_of_range 406 escaped as an exception.
        QTest::newRow("fuzz crash-3572cb7f number overflow") << R"({"model_type":"llama","hidden_size":5e555})"
                                                             << IoError::Code::BadJson << 0ULL;
        QTest::newRow("deep nesting") << QString(100000, '[') << IoError::Code::TooLarge << 0ULL;
        QTest::newRow("negative layers") << R"({"model_type":"llama","num_hidden_layers":-1,"hidden_size":4,"num_attention_heads":1})"
                                         << IoError::Code::MissingKey << 0ULL;
        // A GPTQ/AWQ width without a layout is refused, not sized as 4-bit.
        const QString valid = R"({"model_type":"llama","num_hidden_layers":2,"hidden_size":64,"num_attention_heads":4,"vocab_size":100,)";
        QTest::newRow("gptq 3 bits") << valid + R"("quantization_config":{"quant_method":"gptq","bits":3}})"
                                     << IoError::Code::WrongKeyType << 0ULL;
        QTest::newRow("awq 8 bits") << valid + R"("quantization_config":{"quant_method":"awq","bits":8}})"
                                    << IoError::Code::WrongKeyType << 0ULL;
        QTest::newRow("bits not a number") << valid + R"("quantization_config":{"quant_method":"gptq","bits":"8"}})"
                                           << IoError::Code::WrongKeyType << 0ULL;
        QTest::newRow("group_size 0") << valid + R"("quantization_config":{"quant_method":"gptq","bits":4,"group_size":0}})"
                                      << IoError::Code::WrongKeyType << 0ULL;
    }

    void badJson()
    {
        QFETCH(QString, text);
        QFETCH(IoError::Code, code);
        QFETCH(qulonglong, offset);
        const auto r = io::parseHfConfig(text.toStdString(), "config.json");
        QVERIFY(std::holds_alternative<IoError>(r));
        QCOMPARE(std::get<IoError>(r).code, code);
        QCOMPARE(std::get<IoError>(r).offset, static_cast<std::uint64_t>(offset));
    }

    void safetensorsFolder()
    {
        using nlohmann::json;
        const auto *spec = catalog().findModel("qwen3-30b-a3b");
        QTemporaryDir dir;
        const std::filesystem::path base = dir.path().toStdString();
        writeText(base / "config.json", hfConfigFor(*spec).dump());
        const std::uint64_t h = spec->hidden;
        const std::uint64_t v = spec->vocab;
        // Shard 1: embeddings + an attention weight; shard 2: a routed expert (FP8) and the head (F32).
        json s1 = {{"__metadata__", {{"format", "pt"}}},
                   {"model.embed_tokens.weight", {{"dtype", "BF16"}, {"shape", {v, h}}, {"data_offsets", {0, v * h * 2}}}},
                   {"model.layers.0.self_attn.q_proj.weight",
                    {{"dtype", "BF16"}, {"shape", {4096, h}}, {"data_offsets", {v * h * 2, v * h * 2 + 4096 * h * 2}}}}};
        const std::uint64_t s1Bytes = v * h * 2 + 4096 * h * 2;
        json s2 = {{"model.layers.3.mlp.experts.7.up_proj.weight",
                    {{"dtype", "F8_E4M3"}, {"shape", {768, h}}, {"data_offsets", {0, 768 * h}}}},
                   {"lm_head.weight", {{"dtype", "F32"}, {"shape", {v, h}}, {"data_offsets", {768 * h, 768 * h + v * h * 4}}}}};
        const std::uint64_t s2Bytes = 768 * h + v * h * 4;
        writeSafetensors(base / "model-00001-of-00002.safetensors", s1, s1Bytes);
        writeSafetensors(base / "model-00002-of-00002.safetensors", s2, s2Bytes);
        json index = {{"metadata", {{"total_size", s1Bytes + s2Bytes}}},
                      {"weight_map",
                       {{"model.embed_tokens.weight", "model-00001-of-00002.safetensors"},
                        {"model.layers.0.self_attn.q_proj.weight", "model-00001-of-00002.safetensors"},
                        {"model.layers.3.mlp.experts.7.up_proj.weight", "model-00002-of-00002.safetensors"},
                        {"lm_head.weight", "model-00002-of-00002.safetensors"}}}};
        writeText(base / "model.safetensors.index.json", index.dump());

        const auto r = io::readHfFolder(base);
        if (const auto *e = std::get_if<IoError>(&r))
            QFAIL(io::describeIoError(*e).c_str());
        const auto &m = std::get<io::HfModel>(r);
        compareSpecs(m.spec, *spec);
        QVERIFY(m.weights);
        QCOMPARE(m.weights->dataBytes, s1Bytes + s2Bytes);
        QCOMPARE(m.weights->parameters, v * h * 2 + 4096 * h + 768 * h);
        QCOMPARE(m.weights->bytesPerDtype.at("BF16"), s1Bytes);
        QCOMPARE(m.weights->bytesPerDtype.at("F8_E4M3"), 768 * h);
        QCOMPARE(m.weights->parametersPerDtype.at("F32"), v * h);
        QVERIFY(m.inventory && m.inventory->exact);
        QCOMPARE(m.inventory->total(), s1Bytes + s2Bytes);
        for (const auto &t : m.inventory->tensors) {
            if (t.name == "model.embed_tokens.weight")
                QCOMPARE(t.layer, -1);
            if (t.name == "lm_head.weight")
                QCOMPARE(t.layer, static_cast<int>(spec->layers));
            if (t.name.find("experts") != std::string::npos) {
                QCOMPARE(t.layer, 3);
                QVERIFY(t.routedExpert);
            }
        }

        // The CLI sizes the folder (and config.json) exactly.
        qputenv("HEADROOM_CATALOG_DIR", HEADROOM_TEST_CATALOG_DIR);
        for (const auto &p : {base, base / "config.json"}) {
            std::ostringstream out, err;
            QCOMPARE(cli::run({"estimate", "--model", p.string(), "--gpu", "h100-sxm-80gb", "--json"}, "headroom-cli", out,
                              err), 0);
            QCOMPARE(nlohmann::json::parse(out.str())["weights_total_bytes"].get<std::uint64_t>(), s1Bytes + s2Bytes);
        }

        // A shard name that leaves the folder is refused.
        index["weight_map"]["lm_head.weight"] = "../evil.safetensors";
        writeText(base / "model.safetensors.index.json", index.dump());
        const auto evil = io::readHfFolder(base);
        QVERIFY(std::holds_alternative<IoError>(evil));
        QCOMPARE(std::get<IoError>(evil).code, IoError::Code::BadJson);
    }

    void safetensorsDtypeNamesTheQuant()
    {
        using nlohmann::json;
        // config.json says bfloat16, the weights on disk are F32: the file wins (4 bytes per weight).
        QTemporaryDir dir;
        const std::filesystem::path base = dir.path().toStdString();
        writeText(base / "config.json",
                  R"({"model_type":"llama","num_hidden_layers":2,"hidden_size":64,"num_attention_heads":4,"vocab_size":100,"torch_dtype":"bfloat16"})");
        json h = {{"model.embed_tokens.weight", {{"dtype", "F32"}, {"shape", {100, 64}}, {"data_offsets", {0, 100 * 64 * 4}}}},
                  {"model.norm.weight", {{"dtype", "BF16"}, {"shape", {64}}, {"data_offsets", {100 * 64 * 4, 100 * 64 * 4 + 128}}}}};
        writeSafetensors(base / "model.safetensors", h, 100 * 64 * 4 + 128);
        const auto r = io::readHfFolder(base);
        if (const auto *e = std::get_if<IoError>(&r))
            QFAIL(io::describeIoError(*e).c_str());
        QCOMPARE(std::get<io::HfModel>(r).quant, std::string("hf-f32"));
    }

    void corruptSafetensors_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<IoError::Code>("code");
        const auto file = [](const std::string &header, std::uint64_t declared = 0) {
            Raw r;
            r.u(declared ? declared : header.size(), 8);
            r.b.insert(r.b.end(), header.begin(), header.end());
            return bytes(r.b);
        };
        using C = IoError::Code;
        QTest::newRow("short") << QByteArray("abc") << C::Truncated;
        QTest::newRow("length beyond file") << file("{}", 1000) << C::Truncated;
        QTest::newRow("length over cap") << file("{}", 200ULL << 20) << C::Truncated;
        QTest::newRow("syntax") << file("{\"a\":") << C::BadJson;
        QTest::newRow("not object") << file("[]") << C::BadJson;
        QTest::newRow("missing fields") << file(R"({"w":{"dtype":"F16"}})") << C::BadJson;
        QTest::newRow("unknown dtype") << file(R"({"w":{"dtype":"Q9","shape":[1],"data_offsets":[0,0]}})") << C::BadValueType;
        QTest::newRow("beyond data") << file(R"({"w":{"dtype":"F16","shape":[4],"data_offsets":[0,8]}})") << C::TensorOutOfBounds;
        QTest::newRow("size mismatch") << file(R"({"w":{"dtype":"F16","shape":[4],"data_offsets":[0,0]}})") << C::BadTensorInfo;
        QTest::newRow("overflow") << file(R"({"w":{"dtype":"F16","shape":[4294967296,4294967296,4294967296],"data_offsets":[0,0]}})")
                                  << C::BadTensorInfo;
        QTest::newRow("negative dim") << file(R"({"w":{"dtype":"F16","shape":[-1],"data_offsets":[0,0]}})") << C::BadTensorInfo;
        QTest::newRow("deep") << file(std::string(5000, '[')) << C::TooLarge;
        QTest::newRow("number overflow") << file(R"({"w":{"dtype":"F16","shape":[1e999],"data_offsets":[0,2]}})") << C::BadJson;
        // fuzz_safetensors crash-5ee22eba: nlohmann's out_of_range 406 escaped as an exception.
        QTest::newRow("fuzz crash-5ee22eba") << QByteArray::fromHex(
            "a9000000000000003737373737373737373737373737373737373737373737373737653737376c2e2e2e312e77ffffffffffffffffffff6c2067686c61793072732e302e0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f6d6c702e65787060a8a8a834560000646174615f6f6666732c3a342274f3ffffff08223a5b3522646174615f6f6666732c3a322274f3ffffff08223a5b302c365d7d2c2c365ddc7d2c226c6d5f68656569676874223a7b22647421a90000320000000070732e30b06d6c702e652265") << C::BadJson;
    }

    void corruptSafetensors()
    {
        QFETCH(QByteArray, data);
        QFETCH(IoError::Code, code);
        const auto r = io::parseSafetensorsHeader(span(data), 0, "bad.safetensors");
        QVERIFY(std::holds_alternative<IoError>(r));
        QCOMPARE(std::get<IoError>(r).code, code);
    }

    void libraryScan()
    {
        QTemporaryDir dir;
        const std::filesystem::path home = dir.path().toStdString();
        // Ollama: a manifest naming a model blob.
        const auto ollama = home / ".ollama" / "models";
        const std::string digest(64, 'a');
        writeText(ollama / "manifests" / "registry.ollama.ai" / "library" / "llama3.2" / "3b",
                  R"({"schemaVersion":2,"layers":[{"mediaType":"application/vnd.ollama.image.template","digest":"sha256:)" +
                      std::string(64, 'b') + R"(","size":10},{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:)" +
                      digest + R"(","size":2000}]})");
        writeText(ollama / "manifests" / "registry.ollama.ai" / "library" / "broken" / "latest", "{not json");
        writeText(ollama / "blobs" / ("sha256-" + digest), std::string(2000, 'x'));
        // LM Studio: a single file and a split model (only the first split is listed, with the total size).
        const auto lms = home / ".lmstudio" / "models" / "lmstudio-community" / "Qwen3-8B-GGUF";
        writeText(lms / "Qwen3-8B-Q4_K_M.gguf", std::string(300, 'g'));
        writeText(lms / "big-00001-of-00002.gguf", std::string(100, 'g'));
        writeText(lms / "big-00002-of-00002.gguf", std::string(50, 'g'));
        // Hugging Face cache: refs/main picks the snapshot.
        const auto repo = home / "hf" / "hub" / "models--Qwen--Qwen3-8B";
        const std::string rev(40, 'c');
        writeText(repo / "refs" / "main", rev + "\n");
        writeText(repo / "snapshots" / rev / "config.json", "{}");
        writeText(repo / "snapshots" / rev / "model.safetensors", std::string(700, 's'));
        writeText(repo / "snapshots" / std::string(40, 'd') / "config.json", "{}");

        io::ScanRoots roots;
        roots.home = home;
        roots.hfHome = home / "hf";
        const auto found = io::scanLibraries(roots);
        std::map<std::string, io::FoundModel> byName;
        for (const auto &m : found)
            byName[m.displayName] = m;
        QCOMPARE(found.size(), std::size_t{4});
        QVERIFY(byName.count("llama3.2:3b"));
        QCOMPARE(byName["llama3.2:3b"].sizeBytes, 2000ULL);
        QCOMPARE(byName["llama3.2:3b"].ollamaTag, std::string("llama3.2:3b"));
        QCOMPARE(byName["llama3.2:3b"].library, io::Library::Ollama);
        QCOMPARE(byName["lmstudio-community/Qwen3-8B-GGUF/Qwen3-8B-Q4_K_M.gguf"].sizeBytes, 300ULL);
        QCOMPARE(byName["lmstudio-community/Qwen3-8B-GGUF/big-00001-of-00002.gguf"].sizeBytes, 150ULL);
        QCOMPARE(byName["Qwen/Qwen3-8B"].hfRepo, std::string("Qwen/Qwen3-8B"));
        QCOMPARE(byName["Qwen/Qwen3-8B"].format, WeightFormat::Safetensors);
        QCOMPARE(byName["Qwen/Qwen3-8B"].sizeBytes, 700ULL);

        // OLLAMA_MODELS elsewhere; an empty home finds nothing.
        io::ScanRoots empty;
        empty.home = home / "nobody";
        QVERIFY(io::scanLibraries(empty).empty());
        io::ScanRoots moved;
        moved.home = home / "nobody";
        moved.ollamaModels = ollama;
        QCOMPARE(io::scanLibraries(moved).size(), std::size_t{1});

        // A user-named folder.
        QCOMPARE(io::scanPath(lms).size(), std::size_t{2});
    }
};

QTEST_APPLESS_MAIN(TestIoReaders)
#include "test_io_readers.moc"
