// SPDX-License-Identifier: GPL-3.0-or-later
// Writes GGUF headers for tests, fuzz seeds and benchmarks: metadata + tensor infos, data region left sparse.
#pragma once

#include <headroom/ggml_type.h>
#include <headroom/model_spec.h>
#include <headroom/tensor_inventory.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace headroom::testing {

class GgufWriter
{
public:
    explicit GgufWriter(std::uint32_t version = 3) : m_version(version) {}

    void u32(const std::string &key, std::uint32_t v) { kv(key, 4); put(v, 4); }
    void f32(const std::string &key, float v)
    {
        kv(key, 6);
        std::uint32_t bits = 0;
        static_assert(sizeof bits == sizeof v);
        std::memcpy(&bits, &v, sizeof v);
        put(bits, 4);
    }
    void boolean(const std::string &key, bool v) { kv(key, 7); put(v ? 1 : 0, 1); }
    void str(const std::string &key, const std::string &v) { kv(key, 8); string(v); }
    void u32Array(const std::string &key, const std::vector<std::uint32_t> &v)
    {
        kv(key, 9);
        put(4, 4);
        put(v.size(), 8);
        for (auto x : v)
            put(x, 4);
    }
    void stringArray(const std::string &key, std::uint64_t count)
    {
        kv(key, 9);
        put(8, 4);
        put(count, 8);
        for (std::uint64_t i = 0; i < count; ++i)
            string("t");
    }
    void tensor(const std::string &name, const std::vector<std::uint64_t> &ne, std::uint32_t type)
    {
        std::uint64_t rows = 1;
        for (std::size_t i = 1; i < ne.size(); ++i)
            rows *= ne[i];
        const auto bytes = ggmlTensorBytes(static_cast<GgmlType>(type), ne[0], rows).value_or(0);
        Info t{name, ne, type, m_dataSize};
        m_infos.push_back(t);
        m_dataSize += (bytes + m_alignment - 1) / m_alignment * m_alignment;
    }

    [[nodiscard]] std::vector<std::uint8_t> header() const
    {
        std::vector<std::uint8_t> out;
        auto put8 = [&](std::uint64_t v, int n) {
            for (int i = 0; i < n; ++i)
                out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
        };
        out.reserve(24 + m_kv.size() + m_infos.size() * 64);
        for (const char c : {'G', 'G', 'U', 'F'})
            out.push_back(static_cast<std::uint8_t>(c));
        put8(m_version, 4);
        put8(m_infos.size(), 8);
        put8(m_kvCount, 8);
        out.insert(out.end(), m_kv.begin(), m_kv.end());
        for (const auto &t : m_infos) {
            put8(t.name.size(), 8);
            out.insert(out.end(), t.name.begin(), t.name.end());
            put8(t.ne.size(), 4);
            for (auto d : t.ne)
                put8(d, 8);
            put8(t.type, 4);
            put8(t.offset, 8);
        }
        while (out.size() % m_alignment)
            out.push_back(0);
        return out;
    }
    [[nodiscard]] std::uint64_t dataSize() const { return m_dataSize; }

    /** Writes the header and extends the file to header + data with resize_file (sparse where supported). */
    bool write(const std::filesystem::path &path, std::uint64_t extra = 0) const
    {
        const auto h = header();
        {
            std::ofstream out(path, std::ios::binary | std::ios::trunc);
            out.write(reinterpret_cast<const char *>(h.data()), static_cast<std::streamsize>(h.size()));
            if (!out)
                return false;
        }
        std::error_code ec;
        std::filesystem::resize_file(path, h.size() + m_dataSize + extra, ec);
        return !ec;
    }

private:
    struct Info {
        std::string name;
        std::vector<std::uint64_t> ne;
        std::uint32_t type;
        std::uint64_t offset;
    };
    void put(std::uint64_t v, int n)
    {
        for (int i = 0; i < n; ++i)
            m_kv.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    void string(const std::string &s)
    {
        put(s.size(), 8);
        m_kv.insert(m_kv.end(), s.begin(), s.end());
    }
    void kv(const std::string &key, std::uint32_t type)
    {
        ++m_kvCount;
        string(key);
        put(type, 4);
    }

    std::uint32_t m_version;
    std::uint64_t m_kvCount = 0;
    std::vector<std::uint8_t> m_kv;
    std::vector<Info> m_infos;
    std::uint64_t m_dataSize = 0;
    std::uint64_t m_alignment = 32;
};

/** llama_ftype number for a catalog GGUF quant id (the inverse of io::ggufFileTypeName for the catalog's ids). */
inline std::uint32_t ftypeFor(const std::string &quant)
{
    static const std::pair<const char *, std::uint32_t> map[] = {
        {"F32", 0}, {"F16", 1}, {"Q4_0", 2}, {"Q8_0", 7}, {"Q2_K", 10}, {"Q3_K_M", 12}, {"Q4_K_S", 14},
        {"Q4_K_M", 15}, {"Q5_K_S", 16}, {"Q5_K_M", 17}, {"Q6_K", 18}, {"IQ2_XXS", 19}, {"IQ1_S", 24},
        {"IQ4_XS", 30}, {"BF16", 32}, {"MXFP4", 38},
    };
    for (const auto &[n, v] : map)
        if (quant == n)
            return v;
    return 1024;
}

/** A GGUF header as llama.cpp's converter writes it for `spec`, with `inv`'s tensors and types. */
inline GgufWriter ggufForSpec(const ModelSpec &m, const TensorInventory &inv, const std::string &quant,
                              std::uint64_t vocabTokens = 0)
{
    GgufWriter w;
    const std::string a = m.arch + ".";
    w.str("general.architecture", m.arch);
    w.str("general.name", m.name);
    w.u32("general.file_type", ftypeFor(quant));
    w.u32(a + "block_count", m.layers);
    w.u32(a + "context_length", m.maxContext);
    w.u32(a + "embedding_length", m.hidden);
    w.u32(a + "feed_forward_length", m.ffn);
    w.u32(a + "attention.head_count", m.heads);
    // Per-layer KV head counts, as OpenELM-style converters write them.
    w.u32Array(a + "attention.head_count_kv", std::vector<std::uint32_t>(m.layers, m.kvHeads));
    w.f32(a + "attention.layer_norm_rms_epsilon", 1e-6f);
    w.boolean("general.test_flag", true);
    if (m.mla) {
        w.u32(a + "attention.key_length", m.mla->kvLoraRank + m.mla->qkRopeHeadDim);
        w.u32(a + "attention.value_length", m.mla->kvLoraRank);
        w.u32(a + "attention.key_length_mla", m.headDim);
        w.u32(a + "attention.value_length_mla", m.valueDim());
        w.u32(a + "attention.kv_lora_rank", m.mla->kvLoraRank);
        if (m.mla->qLoraRank)
            w.u32(a + "attention.q_lora_rank", m.mla->qLoraRank);
        w.u32(a + "rope.dimension_count", m.mla->qkRopeHeadDim);
    } else {
        w.u32(a + "attention.key_length", m.headDim);
        w.u32(a + "attention.value_length", m.valueDim());
    }
    if (m.slidingWindow)
        w.u32(a + "attention.sliding_window", m.slidingWindow->window);
    if (m.moe) {
        w.u32(a + "expert_count", m.moe->experts);
        w.u32(a + "expert_used_count", m.moe->expertsUsed);
        w.u32(a + "expert_feed_forward_length", m.moe->expertFfn);
        if (m.moe->sharedExperts)
            w.u32(a + "expert_shared_count", m.moe->sharedExperts);
        if (m.moe->sharedFfn)
            w.u32(a + "expert_shared_feed_forward_length", m.moe->sharedFfn);
        if (m.moe->denseLayers)
            w.u32(a + "leading_dense_block_count", m.moe->denseLayers);
    }
    if (vocabTokens)
        w.stringArray("tokenizer.ggml.tokens", vocabTokens);
    else
        w.u32(a + "vocab_size", m.vocab);
    for (const auto &t : inv.tensors) {
        const auto type = ggmlTypeFromName(t.storage);
        std::vector<std::uint64_t> ne{t.ne[0]};
        if (t.ne[1] > 1 || t.ne[2] > 1)
            ne.push_back(t.ne[1]);
        if (t.ne[2] > 1)
            ne.push_back(t.ne[2]);
        w.tensor(t.name, ne, type ? static_cast<std::uint32_t>(*type) : 0);
    }
    return w;
}

} // namespace headroom::testing
