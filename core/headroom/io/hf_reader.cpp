// SPDX-License-Identifier: GPL-3.0-or-later
// Hugging Face config.json and safetensors headers (huggingface/safetensors README "Format").
#include "headroom/io/hf_reader.h"

#include "headroom/units.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <limits>
#include <set>

namespace headroom::io {
namespace {

using nlohmann::json;

/** Deepest [ / { nesting outside strings; parsing is refused beyond kMaxJsonDepth (deep nesting costs stack). */
int jsonDepth(std::string_view text)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{')
            deepest = std::max(deepest, ++depth);
        else if (c == ']' || c == '}')
            --depth;
    }
    return deepest;
}

std::variant<json, IoError> parseJson(std::string_view text, const std::string &name, std::uint64_t base)
{
    if (jsonDepth(text) > kMaxJsonDepth)
        return IoError{IoError::Code::TooLarge, name, base, "JSON nested deeper than " + std::to_string(kMaxJsonDepth)};
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error &e) {
        return IoError{IoError::Code::BadJson, name, base + (e.byte > 0 ? e.byte - 1 : 0), e.what()};
    } catch (const json::exception &e) {
        // e.g. out_of_range 406: a number too large for a double (found by fuzz_safetensors)
        return IoError{IoError::Code::BadJson, name, base, e.what()};
    }
}

/** First of `keys` present in `obj` (or `fallback`) as a non-negative integer that fits 32 bits. */
std::optional<std::uint32_t> u32(const json &obj, const json *fallback, std::initializer_list<const char *> keys)
{
    for (const json *o : {&obj, fallback}) {
        if (!o || !o->is_object())
            continue;
        for (const char *k : keys) {
            const auto it = o->find(k);
            if (it == o->end() || it->is_null())
                continue;
            if (it->is_number_unsigned() && it->get<std::uint64_t>() <= std::numeric_limits<std::uint32_t>::max())
                return static_cast<std::uint32_t>(it->get<std::uint64_t>());
            if (it->is_number_integer() && it->get<std::int64_t>() >= 0 &&
                it->get<std::int64_t>() <= std::numeric_limits<std::uint32_t>::max())
                return static_cast<std::uint32_t>(it->get<std::int64_t>());
            if (it->is_number_float()) {
                const double d = it->get<double>();
                if (d >= 0 && d <= std::numeric_limits<std::uint32_t>::max() && d == static_cast<double>(static_cast<std::uint32_t>(d)))
                    return static_cast<std::uint32_t>(d);
            }
        }
    }
    return std::nullopt;
}

std::string str(const json &obj, const json *fallback, const char *key)
{
    for (const json *o : {&obj, fallback}) {
        if (!o || !o->is_object())
            continue;
        const auto it = o->find(key);
        if (it != o->end() && it->is_string())
            return it->get<std::string>();
    }
    return {};
}

std::optional<bool> boolean(const json &obj, const json *fallback, const char *key)
{
    for (const json *o : {&obj, fallback}) {
        if (!o || !o->is_object())
            continue;
        const auto it = o->find(key);
        if (it != o->end() && it->is_boolean())
            return it->get<bool>();
    }
    return std::nullopt;
}

std::string archFor(const std::string &modelType)
{
    static const std::pair<const char *, const char *> map[] = {
        {"llama", "llama"},       {"mistral", "llama"},          {"mixtral", "llama"},
        {"qwen2", "qwen2"},       {"qwen3", "qwen3"},            {"qwen3_moe", "qwen3moe"},
        {"qwen2_moe", "qwen2moe"}, {"deepseek_v3", "deepseek2"}, {"deepseek_v2", "deepseek2"},
        {"gemma2", "gemma2"},     {"gemma3", "gemma3"},          {"gemma3_text", "gemma3"},
        {"phi3", "phi3"},         {"chatglm", "chatglm"},        {"glm", "chatglm"},
        {"minicpm", "minicpm"},   {"gpt_oss", "gpt-oss"},
    };
    for (const auto &[hf, ours] : map)
        if (modelType == hf)
            return ours;
    return modelType;
}

std::string quantFor(const json &cfg, const json *text)
{
    if (const auto it = cfg.find("quantization"); it != cfg.end() && it->is_object()) {
        if (const auto bits = u32(*it, nullptr, {"bits"}))
            return "mlx-" + std::to_string(*bits) + "bit";
    }
    if (const auto it = cfg.find("quantization_config"); it != cfg.end() && it->is_object()) {
        const std::string method = str(*it, nullptr, "quant_method");
        if (method == "awq")
            return "awq-int4";
        if (method == "gptq")
            return "gptq-int4";
        if (method == "bitsandbytes") {
            if (boolean(*it, nullptr, "load_in_4bit").value_or(false))
                return "bnb-nf4";
            return "bnb-int8";
        }
        if (method == "fp8")
            return "fp8";
        if (!method.empty())
            return method;
    }
    std::string dtype = str(cfg, text, "torch_dtype");
    if (dtype.empty())
        dtype = str(cfg, text, "dtype");
    if (dtype == "float16")
        return "fp16";
    if (dtype == "float32")
        return "fp32";
    return "hf-bf16";
}

} // namespace

std::variant<HfConfig, IoError> parseHfConfig(std::string_view text, const std::string &name)
{
    auto parsed = parseJson(text, name, 0);
    if (auto *e = std::get_if<IoError>(&parsed))
        return *e;
    const json &cfg = std::get<json>(parsed);
    if (!cfg.is_object())
        return IoError{IoError::Code::BadJson, name, 0, "config.json is not an object"};
    // Multimodal wrappers (Gemma 3, Mistral 3) keep the language model in text_config.
    const json *top = &cfg;
    const json *textCfg = nullptr;
    if (const auto it = cfg.find("text_config"); it != cfg.end() && it->is_object())
        textCfg = &*it;
    const json &c = textCfg ? *textCfg : cfg;
    const json *fb = textCfg ? top : nullptr;

    HfConfig out;
    auto &m = out.spec;
    std::string modelType = str(cfg, nullptr, "model_type");
    if (textCfg && !str(c, nullptr, "model_type").empty() && modelType.empty())
        modelType = str(c, nullptr, "model_type");
    if (modelType.empty())
        return IoError{IoError::Code::MissingKey, name, 0, "model_type"};
    m.arch = archFor(modelType);
    m.id = name;
    m.name = str(cfg, nullptr, "_name_or_path");
    if (m.name.empty())
        m.name = name;
    m.source = name;

    const auto need = [&](std::initializer_list<const char *> keys) -> std::variant<std::uint32_t, IoError> {
        const auto v = u32(c, fb, keys);
        if (!v || *v == 0)
            return IoError{IoError::Code::MissingKey, name, 0, *keys.begin()};
        return *v;
    };
    // (Separate calls: a loop over pairs of initializer_lists left their arrays dangling; found by fuzz_hf_config.)
    const auto layers = need({"num_hidden_layers", "n_layer", "num_layers"});
    if (auto *e = std::get_if<IoError>(&layers))
        return *e;
    const auto hidden = need({"hidden_size", "n_embd", "d_model"});
    if (auto *e = std::get_if<IoError>(&hidden))
        return *e;
    const auto heads = need({"num_attention_heads", "n_head"});
    if (auto *e = std::get_if<IoError>(&heads))
        return *e;
    m.layers = std::get<std::uint32_t>(layers);
    m.hidden = std::get<std::uint32_t>(hidden);
    m.heads = std::get<std::uint32_t>(heads);
    if (m.layers > 65536)
        return IoError{IoError::Code::TooLarge, name, 0, "num_hidden_layers " + std::to_string(m.layers)};
    const bool multiQuery = boolean(c, fb, "multi_query_attention").value_or(false);
    m.kvHeads = u32(c, fb, {"num_key_value_heads", "n_head_kv"}).value_or(0);
    if (m.kvHeads == 0 && multiQuery)
        m.kvHeads = u32(c, fb, {"multi_query_group_num"}).value_or(0);
    if (m.kvHeads == 0)
        m.kvHeads = m.heads;
    m.headDim = u32(c, fb, {"head_dim", "kv_channels"}).value_or(m.hidden / m.heads);
    m.ffn = u32(c, fb, {"intermediate_size", "ffn_hidden_size", "n_inner"}).value_or(4 * m.hidden);
    m.vocab = u32(c, fb, {"vocab_size", "padded_vocab_size"}).value_or(0);
    if (const auto padded = u32(c, fb, {"padded_vocab_size"}))
        m.vocab = *padded; // ChatGLM's embedding is padded
    m.maxContext = u32(c, fb, {"max_position_embeddings", "seq_length", "n_positions", "max_seq_len"}).value_or(4096);
    if (m.maxContext == 0)
        m.maxContext = 4096;

    const bool gemma = m.arch == "gemma2" || m.arch == "gemma3";
    m.tiedEmbeddings = boolean(c, fb, "tie_word_embeddings").value_or(gemma);
    m.qkvBias = m.arch == "qwen2" || m.arch == "qwen2moe" || boolean(c, fb, "attention_bias").value_or(false) ||
                boolean(c, fb, "add_qkv_bias").value_or(false);
    m.qkNorm = m.arch == "qwen3" || m.arch == "qwen3moe" || m.arch == "gemma3";
    m.postNorms = gemma;
    m.fusedQkv = m.arch == "phi3" || m.arch == "chatglm";
    m.fusedGateUp = m.fusedQkv;

    // Sliding window: an explicit layer_types list, or the architecture's fixed pattern.
    const auto window = u32(c, fb, {"sliding_window"});
    std::uint32_t pattern = 0;
    if (const auto it = c.find("layer_types"); it != c.end() && it->is_array() && !it->empty()) {
        for (std::size_t i = 0; i < it->size(); ++i) {
            const auto &t = (*it)[i];
            if (t.is_string() && t.get<std::string>() == "full_attention") {
                pattern = static_cast<std::uint32_t>(i + 1);
                break;
            }
        }
    } else if (const auto p = u32(c, fb, {"sliding_window_pattern"})) {
        pattern = *p;
    } else if (m.arch == "gemma2" || m.arch == "gpt-oss") {
        pattern = 2;
    } else if (m.arch == "gemma3") {
        pattern = 6;
    }
    if (window && *window > 0 && pattern > 1)
        m.slidingWindow = SlidingWindow{*window, pattern};

    // Mixture of experts.
    const auto experts = u32(c, fb, {"num_experts", "n_routed_experts", "num_local_experts"});
    if (experts && *experts > 1) {
        MoeSpec moe;
        moe.experts = *experts;
        moe.expertsUsed = u32(c, fb, {"num_experts_per_tok", "experts_per_token", "num_experts_per_token"}).value_or(1);
        moe.expertsUsed = std::min(moe.expertsUsed, moe.experts);
        moe.expertFfn = u32(c, fb, {"moe_intermediate_size"}).value_or(m.ffn);
        moe.sharedExperts = u32(c, fb, {"n_shared_experts", "num_shared_experts"}).value_or(0);
        moe.sharedFfn = u32(c, fb, {"shared_expert_intermediate_size"}).value_or(0);
        if (moe.sharedFfn > 0 && moe.sharedExperts == 0)
            moe.sharedExperts = 1;
        moe.denseLayers = std::min(u32(c, fb, {"first_k_dense_replace"}).value_or(0), m.layers);
        m.moe = moe;
    }

    // DeepSeek multi-head latent attention.
    if (const auto kvLora = u32(c, fb, {"kv_lora_rank"}); kvLora && *kvLora > 0) {
        MlaSpec mla;
        mla.kvLoraRank = *kvLora;
        mla.qLoraRank = u32(c, fb, {"q_lora_rank"}).value_or(0);
        mla.qkRopeHeadDim = u32(c, fb, {"qk_rope_head_dim"}).value_or(0);
        mla.qkNopeHeadDim = u32(c, fb, {"qk_nope_head_dim"}).value_or(0);
        mla.vHeadDim = u32(c, fb, {"v_head_dim"}).value_or(mla.qkNopeHeadDim);
        m.mla = mla;
        m.headDim = mla.qkNopeHeadDim + mla.qkRopeHeadDim;
        m.valueHeadDim = mla.vHeadDim != m.headDim ? mla.vHeadDim : 0;
    }
    m.mtpLayers = u32(c, fb, {"num_nextn_predict_layers"}).value_or(0);
    if (m.headDim == 0 || m.vocab == 0)
        return IoError{IoError::Code::MissingKey, name, 0, m.vocab == 0 ? "vocab_size" : "head_dim"};

    // Parameter count from the shapes the engine lays out (exact when safetensors are read too).
    for (const auto &t : architectureTensors(m)) {
        m.params += t.elements();
        if (t.routedExpert && m.isMoe())
            m.activeParams += t.elements() / m.moe->experts * m.moe->expertsUsed;
        else if (m.isMoe())
            m.activeParams += t.elements();
    }
    out.quant = quantFor(cfg, textCfg);
    return out;
}

std::optional<std::uint32_t> safetensorsDtypeSize(std::string_view dtype)
{
    static const std::pair<const char *, std::uint32_t> sizes[] = {
        {"BOOL", 1}, {"U8", 1},  {"I8", 1},  {"F8_E4M3", 1}, {"F8_E5M2", 1}, {"F8_E8M0", 1}, {"I16", 2}, {"U16", 2},
        {"F16", 2},  {"BF16", 2}, {"I32", 4}, {"U32", 4},    {"F32", 4},     {"F64", 8},     {"I64", 8}, {"U64", 8},
    };
    for (const auto &[n, s] : sizes)
        if (dtype == n)
            return s;
    return std::nullopt;
}

std::variant<SafetensorsHeader, IoError> parseSafetensorsHeader(std::span<const std::uint8_t> bytes,
                                                                std::uint64_t fileSize, const std::string &name)
{
    fileSize = std::max<std::uint64_t>(fileSize, bytes.size());
    if (bytes.size() < 8)
        return IoError{IoError::Code::Truncated, name, 0, "header length"};
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < 8; ++i)
        n |= std::uint64_t{bytes[i]} << (8 * i);
    if (n > kMaxSafetensorsHeader || n > fileSize - 8)
        return IoError{n > fileSize - 8 ? IoError::Code::Truncated : IoError::Code::TooLarge, name, 0,
                       "header length " + std::to_string(n)};
    if (n > bytes.size() - 8)
        return IoError{IoError::Code::Truncated, name, 8, "header length " + std::to_string(n)};
    const std::string_view text(reinterpret_cast<const char *>(bytes.data() + 8), static_cast<std::size_t>(n));
    auto parsed = parseJson(text, name, 8);
    if (auto *e = std::get_if<IoError>(&parsed))
        return *e;
    const json &h = std::get<json>(parsed);
    if (!h.is_object())
        return IoError{IoError::Code::BadJson, name, 8, "header is not an object"};
    const std::uint64_t dataSize = fileSize - 8 - n;
    SafetensorsHeader out;
    out.tensors.reserve(h.size());
    for (const auto &[key, v] : h.items()) {
        if (key == "__metadata__")
            continue;
        const std::string &tensorName = key; // structured bindings cannot be captured before C++20 in clang 14
        const auto bad = [&](IoError::Code code, const std::string &what) {
            return IoError{code, name, 8, tensorName + ": " + what};
        };
        if (!v.is_object())
            return bad(IoError::Code::BadJson, "not an object");
        const auto dtype = v.find("dtype");
        const auto shape = v.find("shape");
        const auto offsets = v.find("data_offsets");
        if (dtype == v.end() || !dtype->is_string() || shape == v.end() || !shape->is_array() || offsets == v.end() ||
            !offsets->is_array() || offsets->size() != 2 || !(*offsets)[0].is_number_unsigned() ||
            !(*offsets)[1].is_number_unsigned())
            return bad(IoError::Code::BadJson, "needs dtype, shape and data_offsets [begin, end]");
        SafetensorsTensor t;
        t.name = key;
        t.dtype = dtype->get<std::string>();
        const auto size = safetensorsDtypeSize(t.dtype);
        if (!size)
            return bad(IoError::Code::BadValueType, "dtype " + t.dtype);
        if (shape->size() > 8)
            return bad(IoError::Code::BadTensorInfo, "more than 8 dimensions");
        std::uint64_t elements = 1;
        for (const auto &d : *shape) {
            if (!d.is_number_unsigned())
                return bad(IoError::Code::BadTensorInfo, "shape");
            t.shape.push_back(d.get<std::uint64_t>());
            const auto p = checkedMul(elements, t.shape.back());
            if (!p)
                return bad(IoError::Code::BadTensorInfo, "element count overflows");
            elements = *p;
        }
        t.begin = (*offsets)[0].get<std::uint64_t>();
        t.end = (*offsets)[1].get<std::uint64_t>();
        if (t.end < t.begin || t.end > dataSize)
            return bad(IoError::Code::TensorOutOfBounds,
                       "data_offsets [" + std::to_string(t.begin) + ", " + std::to_string(t.end) + "], data " +
                           std::to_string(dataSize) + " bytes");
        const auto expected = checkedMul(elements, *size);
        if (!expected || *expected != t.end - t.begin)
            return bad(IoError::Code::BadTensorInfo, "data_offsets do not match shape and dtype");
        out.parameters += elements;
        out.dataBytes += t.end - t.begin;
        out.bytesPerDtype[t.dtype] += t.end - t.begin;
        out.parametersPerDtype[t.dtype] += elements;
        out.tensors.push_back(std::move(t));
    }
    return out;
}

std::variant<std::string, IoError> readTextFile(const std::filesystem::path &path, std::uint64_t cap)
{
    std::error_code ec;
    const std::string name = path.string();
    if (!std::filesystem::is_regular_file(path, ec))
        return IoError{IoError::Code::CannotOpen, name, 0, "not a regular file"};
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return IoError{IoError::Code::CannotOpen, name, 0, ec.message()};
    if (size > cap)
        return IoError{IoError::Code::TooLarge, name, 0, std::to_string(size) + " bytes"};
    std::ifstream in(path, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(size)))
        return IoError{IoError::Code::CannotOpen, name, 0, "read failed"};
    return text;
}

std::variant<SafetensorsHeader, IoError> readSafetensorsFile(const std::filesystem::path &path)
{
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return IoError{IoError::Code::CannotOpen, name, 0, "not a regular file"};
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return IoError{IoError::Code::CannotOpen, name, 0, ec.message()};
    std::ifstream in(path, std::ios::binary);
    std::uint8_t lengthBytes[8] = {};
    if (!in.read(reinterpret_cast<char *>(lengthBytes), 8))
        return IoError{IoError::Code::Truncated, name, 0, "header length"};
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < 8; ++i)
        n |= std::uint64_t{lengthBytes[i]} << (8 * i);
    if (n > kMaxSafetensorsHeader || n > size - 8)
        return IoError{n > size - 8 ? IoError::Code::Truncated : IoError::Code::TooLarge, name, 0,
                       "header length " + std::to_string(n)};
    std::vector<std::uint8_t> buf(static_cast<std::size_t>(8 + n));
    std::copy(std::begin(lengthBytes), std::end(lengthBytes), buf.begin());
    if (!in.read(reinterpret_cast<char *>(buf.data() + 8), static_cast<std::streamsize>(n)))
        return IoError{IoError::Code::Truncated, name, 8, "header"};
    return parseSafetensorsHeader(buf, size, name);
}

std::variant<SafetensorsHeader, IoError> readSafetensorsFolder(const std::filesystem::path &dir)
{
    std::vector<std::filesystem::path> shards;
    std::error_code ec;
    const auto index = dir / "model.safetensors.index.json";
    if (std::filesystem::is_regular_file(index, ec)) {
        auto text = readTextFile(index, kMaxConfigJson);
        if (auto *e = std::get_if<IoError>(&text))
            return *e;
        auto parsed = parseJson(std::get<std::string>(text), index.string(), 0);
        if (auto *e = std::get_if<IoError>(&parsed))
            return *e;
        const json &j = std::get<json>(parsed);
        const auto map = j.is_object() ? j.find("weight_map") : j.end();
        if (!j.is_object() || map == j.end() || !map->is_object())
            return IoError{IoError::Code::BadJson, index.string(), 0, "weight_map"};
        std::set<std::string> files;
        for (const auto &[tensor, file] : map->items()) {
            if (!file.is_string())
                return IoError{IoError::Code::BadJson, index.string(), 0, "weight_map." + tensor};
            const auto f = file.get<std::string>();
            // A shard is a plain file name next to the index: no paths out of the folder.
            if (f.empty() || f.find('/') != std::string::npos || f.find('\\') != std::string::npos || f == "." || f == "..")
                return IoError{IoError::Code::BadJson, index.string(), 0, "shard name " + f};
            files.insert(f);
        }
        if (files.size() > 10000)
            return IoError{IoError::Code::TooLarge, index.string(), 0, std::to_string(files.size()) + " shards"};
        for (const auto &f : files)
            shards.push_back(dir / f);
    } else {
        for (const auto &entry : std::filesystem::directory_iterator(dir, ec)) {
            if (entry.path().extension() == ".safetensors" && entry.is_regular_file(ec))
                shards.push_back(entry.path());
            if (shards.size() > 10000)
                break;
        }
        std::sort(shards.begin(), shards.end());
    }
    SafetensorsHeader merged;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        auto part = readSafetensorsFile(shards[i]);
        if (auto *e = std::get_if<IoError>(&part))
            return *e;
        auto &h = std::get<SafetensorsHeader>(part);
        for (auto &t : h.tensors) {
            t.shard = static_cast<std::uint32_t>(i);
            merged.tensors.push_back(std::move(t));
        }
        merged.parameters += h.parameters;
        merged.dataBytes += h.dataBytes;
        for (const auto &[k, v] : h.bytesPerDtype)
            merged.bytesPerDtype[k] += v;
        for (const auto &[k, v] : h.parametersPerDtype)
            merged.parametersPerDtype[k] += v;
    }
    return merged;
}

namespace {

int hfLayerOf(const std::string &name, std::uint32_t layers)
{
    if (name.find("embed_tokens") != std::string::npos || name.find("wte.") != std::string::npos ||
        name.find("word_embeddings") != std::string::npos)
        return -1;
    for (const char *marker : {".layers.", ".h.", ".blocks.", "layers."}) {
        const auto at = name.find(marker);
        if (at == std::string::npos || (marker[0] == 'l' && at != 0))
            continue;
        const char *begin = name.data() + at + std::char_traits<char>::length(marker);
        const char *end = name.data() + name.size();
        std::uint32_t n = 0;
        const auto [ptr, ec] = std::from_chars(begin, end, n);
        if (ec == std::errc() && ptr != begin)
            return static_cast<int>(std::min(n, layers));
    }
    return static_cast<int>(layers);
}

} // namespace

TensorInventory safetensorsInventory(const SafetensorsHeader &header, const ModelSpec &spec)
{
    TensorInventory inv;
    inv.exact = true;
    inv.layers = spec.layers;
    if (spec.isMoe()) {
        inv.experts = spec.moe->experts;
        inv.expertsUsed = spec.moe->expertsUsed;
    }
    inv.tensors.reserve(header.tensors.size());
    for (const auto &st : header.tensors) {
        Tensor t;
        t.name = st.name;
        t.layer = hfLayerOf(st.name, spec.layers);
        const std::size_t n = st.shape.size();
        t.ne = {n >= 1 ? st.shape[n - 1] : 1, n >= 2 ? st.shape[n - 2] : 1, 1};
        for (std::size_t i = 0; i + 2 < n; ++i)
            t.ne[2] = saturatingMul(t.ne[2], st.shape[i]);
        t.storage = st.dtype;
        t.bytes = st.end - st.begin;
        t.routedExpert = st.name.find(".experts.") != std::string::npos;
        inv.tensors.push_back(std::move(t));
    }
    return inv;
}

std::variant<HfModel, IoError> readHfFolder(const std::filesystem::path &dir)
{
    const auto configPath = dir / "config.json";
    auto text = readTextFile(configPath, kMaxConfigJson);
    if (auto *e = std::get_if<IoError>(&text))
        return *e;
    auto cfg = parseHfConfig(std::get<std::string>(text), configPath.string());
    if (auto *e = std::get_if<IoError>(&cfg))
        return *e;
    HfModel out;
    out.spec = std::move(std::get<HfConfig>(cfg).spec);
    out.quant = std::get<HfConfig>(cfg).quant;
    out.spec.id = dir.filename().string();
    if (out.spec.id.empty())
        out.spec.id = dir.parent_path().filename().string();
    auto weights = readSafetensorsFolder(dir);
    if (auto *e = std::get_if<IoError>(&weights))
        return *e;
    auto &w = std::get<SafetensorsHeader>(weights);
    if (!w.tensors.empty()) {
        out.inventory = safetensorsInventory(w, out.spec);
        out.spec.params = w.parameters;
        if (out.spec.isMoe()) {
            std::uint64_t routed = 0;
            for (const auto &t : out.inventory->tensors)
                if (t.routedExpert)
                    routed += t.elements();
            const double unused = 1.0 - static_cast<double>(out.spec.moe->expertsUsed) / out.spec.moe->experts;
            out.spec.activeParams = w.parameters - static_cast<std::uint64_t>(static_cast<double>(routed) * unused);
        }
        out.weights = std::move(w);
    }
    return out;
}

} // namespace headroom::io
