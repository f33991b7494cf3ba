// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/catalog.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <map>
#include <set>
#include <sstream>

namespace headroom {

using nlohmann::json;

namespace {

// Cross-entry checks report through an EntryReader that has no fields of its own.
const json kNoFields = json::object();

/** Thrown inside the loader only; load() turns it into a returned CatalogError. */
struct LoadFailure {
    CatalogError error;
};

class EntryReader
{
public:
    EntryReader(const json &obj, std::string file, std::string entry)
        : m_obj(obj), m_file(std::move(file)), m_entry(std::move(entry))
    {
        if (!m_obj.is_object())
            fail(CatalogError::Problem::WrongType, "", "entry is not an object");
    }

    [[noreturn]] void fail(CatalogError::Problem p, const std::string &field, const std::string &detail) const
    {
        throw LoadFailure{{p, m_file, m_entry, field, detail}};
    }

    const json *find(const std::string &field) const
    {
        const auto it = m_obj.find(field);
        return it == m_obj.end() ? nullptr : &*it;
    }

    std::string str(const std::string &field, bool required = true) const
    {
        const json *v = find(field);
        if (!v) {
            if (required)
                fail(CatalogError::Problem::Missing, field, "");
            return {};
        }
        if (!v->is_string())
            fail(CatalogError::Problem::WrongType, field, v->dump());
        auto s = v->get<std::string>();
        if (required && s.empty())
            fail(CatalogError::Problem::BadValue, field, "\"\"");
        return s;
    }

    template <typename T>
    T integer(const std::string &field, bool required = true, T fallback = 0, T min = 0) const
    {
        const json *v = find(field);
        if (!v) {
            if (required)
                fail(CatalogError::Problem::Missing, field, "");
            return fallback;
        }
        if (!v->is_number_integer())
            fail(CatalogError::Problem::WrongType, field, v->dump());
        const auto raw = v->get<long long>();
        if (raw < static_cast<long long>(min) || static_cast<unsigned long long>(raw) > std::numeric_limits<T>::max())
            fail(CatalogError::Problem::BadValue, field, v->dump());
        return static_cast<T>(raw);
    }

    std::optional<double> number(const std::string &field, bool required = false) const
    {
        const json *v = find(field);
        if (!v) {
            if (required)
                fail(CatalogError::Problem::Missing, field, "");
            return std::nullopt;
        }
        if (!v->is_number())
            fail(CatalogError::Problem::WrongType, field, v->dump());
        const double d = v->get<double>();
        if (d < 0)
            fail(CatalogError::Problem::BadValue, field, v->dump());
        return d;
    }

    bool boolean(const std::string &field, bool fallback = false) const
    {
        const json *v = find(field);
        if (!v)
            return fallback;
        if (!v->is_boolean())
            fail(CatalogError::Problem::WrongType, field, v->dump());
        return v->get<bool>();
    }

    std::vector<std::string> strings(const std::string &field) const
    {
        std::vector<std::string> out;
        const json *v = find(field);
        if (!v)
            return out;
        if (!v->is_array())
            fail(CatalogError::Problem::WrongType, field, v->dump());
        for (const auto &item : *v) {
            if (!item.is_string())
                fail(CatalogError::Problem::WrongType, field, item.dump());
            out.push_back(item.get<std::string>());
        }
        return out;
    }

    /**
     * A string field that must be one of `choices`, returned as its mapped value. An absent optional field
     * gives `fallback`; an absent required one, or any other string, fails naming the field.
     */
    template <typename T>
    T choice(const std::string &field, std::initializer_list<std::pair<const char *, T>> choices, T fallback,
             bool required = false) const
    {
        if (!required && !find(field))
            return fallback;
        const auto s = str(field);
        for (const auto &[name, value] : choices)
            if (s == name)
                return value;
        fail(CatalogError::Problem::BadValue, field, s);
    }

    EntryReader sub(const std::string &field) const
    {
        return EntryReader(*find(field), m_file, m_entry + "." + field);
    }

    const std::string &file() const { return m_file; }
    const std::string &entry() const { return m_entry; }

private:
    const json &m_obj;
    std::string m_file;
    std::string m_entry;
};

const json &parseFile(const std::string &text, const std::string &file, const std::string &arrayKey, json &storage)
{
    try {
        storage = json::parse(text);
    } catch (const json::parse_error &e) {
        throw LoadFailure{{CatalogError::Problem::Syntax, file, "", "", "byte " + std::to_string(e.byte)}};
    }
    if (!storage.is_object())
        throw LoadFailure{{CatalogError::Problem::WrongType, file, "", "", "top level is not an object"}};
    const auto it = storage.find(arrayKey);
    if (it == storage.end())
        throw LoadFailure{{CatalogError::Problem::Missing, file, "", arrayKey, ""}};
    if (!it->is_array() || it->empty())
        throw LoadFailure{{CatalogError::Problem::WrongType, file, "", arrayKey, "expected a non-empty array"}};
    return *it;
}

/** Ids are ASCII letters and digits, then also '.', '_' and '-': [A-Za-z0-9][A-Za-z0-9._-]*. */
bool isValidId(const std::string &id)
{
    const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    if (id.empty() || !alnum(id.front()))
        return false;
    return std::all_of(id.begin(), id.end(), [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::string entryId(const json &entry, std::size_t index, const std::string &file)
{
    // (Built with insert rather than "#" + ...: GCC 12 reports a false -Wrestrict on the latter at -O3.)
    EntryReader r(entry, file, std::to_string(index).insert(0, 1, '#'));
    auto id = r.str("id");
    if (!isValidId(id))
        r.fail(CatalogError::Problem::BadValue, "id", id);
    return id;
}

void checkUnique(std::set<std::string> &seen, const std::string &key, const EntryReader &r, const std::string &field)
{
    if (!seen.insert(toLowerAscii(key)).second)
        r.fail(CatalogError::Problem::DuplicateId, field, key);
}

ModelSpec readModel(const EntryReader &r, const std::string &id)
{
    ModelSpec m;
    m.id = id;
    m.name = r.str("name");
    m.family = r.str("family");
    m.hfRepo = r.str("hf_repo");
    m.aliases = r.strings("aliases");
    m.arch = r.str("arch");
    m.params = r.integer<std::uint64_t>("params", true, 0, 1);
    m.activeParams = r.integer<std::uint64_t>("active_params", false);
    m.layers = r.integer<std::uint32_t>("layers", true, 0, 1);
    m.hidden = r.integer<std::uint32_t>("hidden", true, 0, 1);
    m.heads = r.integer<std::uint32_t>("heads", true, 0, 1);
    m.kvHeads = r.integer<std::uint32_t>("kv_heads", true, 0, 1);
    m.headDim = r.integer<std::uint32_t>("head_dim", true, 0, 1);
    m.valueHeadDim = r.integer<std::uint32_t>("value_head_dim", false);
    m.ffn = r.integer<std::uint32_t>("ffn", true, 0, 1);
    m.vocab = r.integer<std::uint32_t>("vocab", true, 0, 1);
    m.tiedEmbeddings = r.boolean("tied_embeddings");
    if (!r.find("tied_embeddings"))
        r.fail(CatalogError::Problem::Missing, "tied_embeddings", "");
    m.maxContext = r.integer<std::uint32_t>("max_context", true, 0, 1);
    m.qkvBias = r.boolean("qkv_bias");
    m.qkNorm = r.boolean("qk_norm");
    m.fusedQkv = r.boolean("fused_qkv");
    m.fusedGateUp = r.boolean("fused_gate_up");
    m.postNorms = r.boolean("post_norms");
    if (r.find("sliding_window")) {
        const auto s = r.sub("sliding_window");
        m.slidingWindow = SlidingWindow{s.integer<std::uint32_t>("window", true, 0, 1),
                                        s.integer<std::uint32_t>("pattern", true, 0, 1)};
    }
    if (r.find("mla")) {
        const auto s = r.sub("mla");
        m.mla = MlaSpec{s.integer<std::uint32_t>("q_lora_rank", false), s.integer<std::uint32_t>("kv_lora_rank", true, 0, 1),
                        s.integer<std::uint32_t>("qk_rope_head_dim", true, 0, 1),
                        s.integer<std::uint32_t>("qk_nope_head_dim", true, 0, 1),
                        s.integer<std::uint32_t>("v_head_dim", true, 0, 1)};
    }
    if (r.find("moe")) {
        const auto s = r.sub("moe");
        MoeSpec moe;
        moe.experts = s.integer<std::uint32_t>("experts", true, 0, 1);
        moe.expertsUsed = s.integer<std::uint32_t>("experts_used", true, 0, 1);
        moe.expertFfn = s.integer<std::uint32_t>("expert_ffn", true, 0, 1);
        moe.sharedExperts = s.integer<std::uint32_t>("shared_experts", false);
        moe.sharedFfn = s.integer<std::uint32_t>("shared_ffn", false);
        moe.denseLayers = s.integer<std::uint32_t>("dense_layers", false);
        if (moe.expertsUsed > moe.experts)
            s.fail(CatalogError::Problem::BadValue, "experts_used", std::to_string(moe.expertsUsed));
        if (moe.denseLayers > m.layers)
            s.fail(CatalogError::Problem::BadValue, "dense_layers", std::to_string(moe.denseLayers));
        m.moe = moe;
    }
    m.mtpLayers = r.integer<std::uint32_t>("mtp_layers", false);
    if (r.find("quality")) {
        const auto s = r.sub("quality");
        m.quality = QualityScore{*s.number("score", true), s.str("metric"), s.str("source")};
    }
    if (r.find("ollama")) {
        const json &tags = *r.find("ollama");
        if (!tags.is_array())
            r.fail(CatalogError::Problem::WrongType, "ollama", tags.dump());
        for (std::size_t i = 0; i < tags.size(); ++i) {
            EntryReader t(tags[i], r.file(), r.entry() + ".ollama[" + std::to_string(i) + "]");
            m.ollama.push_back({toLowerAscii(t.str("tag")), t.str("quant"), t.integer<std::uint64_t>("file_bytes", false)});
        }
    }
    m.release = r.str("release", false);
    m.license = r.str("license", false);
    m.source = r.str("source");
    m.note = r.str("note", false);
    if (m.heads % m.kvHeads != 0)
        r.fail(CatalogError::Problem::BadValue, "kv_heads", std::to_string(m.kvHeads));
    return m;
}

Hardware readHardware(const EntryReader &r, const std::string &id)
{
    Hardware h;
    h.id = id;
    h.name = r.str("name");
    h.vendor = r.str("vendor");
    h.kind = r.choice("kind", {{"gpu", MemoryKind::Discrete}, {"unified", MemoryKind::Unified}}, MemoryKind::Discrete, true);
    h.segment = r.str("segment");
    h.market = r.str("market");
    h.memoryBytes = r.integer<Bytes>("memory_bytes", true, 0, 1);
    h.memoryType = r.str("memory_type", false);
    h.bandwidthGBs = *r.number("bandwidth_gbs", true);
    if (h.bandwidthGBs <= 0)
        r.fail(CatalogError::Problem::BadValue, "bandwidth_gbs", "0");
    h.fp16Tflops = r.number("fp16_tflops");
    if (r.find("launch_price_usd"))
        h.launchPriceUsd = r.integer<int>("launch_price_usd");
    if (r.find("launch_price_cny"))
        h.launchPriceCny = r.integer<int>("launch_price_cny");
    h.releaseYear = r.integer<int>("release_year", true, 0, 1990);
    h.chip = r.str("chip", false);
    if (r.find("wired_limit_bytes")) {
        h.wiredLimitBytes = r.integer<Bytes>("wired_limit_bytes", true, 0, 1);
        if (*h.wiredLimitBytes > h.memoryBytes)
            r.fail(CatalogError::Problem::BadValue, "wired_limit_bytes", std::to_string(*h.wiredLimitBytes));
    }
    h.source = r.str("source");
    h.note = r.str("note", false);
    return h;
}

Quantization readQuant(const EntryReader &r, const std::string &id)
{
    Quantization q;
    q.id = id;
    q.name = r.str("name");
    q.format = r.choice("format",
                        {{"gguf", WeightFormat::Gguf}, {"safetensors", WeightFormat::Safetensors}, {"mlx", WeightFormat::Mlx}},
                        WeightFormat::Gguf, true);
    q.engines = r.strings("engines");
    if (q.engines.empty())
        r.fail(CatalogError::Problem::Missing, "engines", "");
    q.aliases = r.strings("aliases");
    q.bpw = r.number("bpw", true).value_or(0);
    if (r.find("quality")) {
        const auto s = r.sub("quality");
        q.quality = QuantQuality{s.number("kld"), s.number("ppl_delta"), s.number("relative"), s.str("source")};
    }
    q.source = r.str("source");
    return q;
}

EngineKind engineKindFor(const std::string &id, const EntryReader &r)
{
    if (id == "llama.cpp")
        return EngineKind::LlamaCpp;
    if (id == "ollama")
        return EngineKind::Ollama;
    if (id == "vllm")
        return EngineKind::Vllm;
    if (id == "transformers")
        return EngineKind::Transformers;
    if (id == "mlx")
        return EngineKind::Mlx;
    r.fail(CatalogError::Problem::BadValue, "id", id);
}

void readBehaviourRow(const EntryReader &v, EngineBehaviour &b)
{
    b.from = v.str("from");
    if (!isVersionString(b.from))
        v.fail(CatalogError::Problem::BadValue, "from", b.from);
    b.released = v.str("released", false);
    b.source = v.str("source");
    // Missing keys inherit from the previous row (b holds it).
    b.mlaCache = v.choice("mla_cache", {{"latent", MlaCache::Latent}, {"expanded", MlaCache::Expanded}}, b.mlaCache);
    b.swaCache = v.choice("swa_cache", {{"window", SwaCache::Window}, {"full", SwaCache::Full}}, b.swaCache);
    b.flashAttnDefault = v.choice("flash_attn_default",
                                  {{"on", FlashAttnDefault::On}, {"off", FlashAttnDefault::Off}, {"auto", FlashAttnDefault::Auto}},
                                  b.flashAttnDefault);
    b.defaultCtx = v.integer<std::uint32_t>("default_ctx", false, b.defaultCtx); // 0 = the model's context
    if (v.find("default_parallel")) {
        const auto p = v.integer<std::uint32_t>("default_parallel", true);
        b.parallelAuto = v.boolean("parallel_auto", p == 0);
        b.defaultParallel = p == 0 ? 1 : p;
    } else {
        b.parallelAuto = v.boolean("parallel_auto", b.parallelAuto);
    }
    if (v.find("auto_parallel"))
        b.defaultParallel = v.integer<std::uint32_t>("auto_parallel", true, 1, 1);
    if (v.find("default_ctx_by_vram")) {
        b.defaultCtxByVramGiB.clear();
        const json &table = *v.find("default_ctx_by_vram");
        if (!table.is_array())
            v.fail(CatalogError::Problem::WrongType, "default_ctx_by_vram", table.dump());
        for (const auto &pair : table) {
            if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number() || !pair[1].is_number_integer())
                v.fail(CatalogError::Problem::WrongType, "default_ctx_by_vram", pair.dump());
            b.defaultCtxByVramGiB.emplace_back(pair[0].get<double>(), pair[1].get<std::uint32_t>());
        }
    }
    if (auto util = v.number("gpu_memory_utilization")) {
        if (*util <= 0 || *util > 1)
            v.fail(CatalogError::Problem::BadValue, "gpu_memory_utilization", std::to_string(*util));
        b.gpuMemoryUtilization = *util;
    }
    b.maxNumBatchedTokens = v.integer<std::uint32_t>("max_num_batched_tokens", false, b.maxNumBatchedTokens);
    b.prefillLogitsAll = v.choice("prefill_logits", {{"all", true}, {"last", false}}, b.prefillLogitsAll);
    b.prefillStep = v.integer<std::uint32_t>("prefill_step", false, b.prefillStep);
    b.kvUnified = v.boolean("kv_unified", b.kvUnified);
    b.logitsForAllTokens = v.choice("output_reserve", {{"ubatch", true}, {"sequences", false}}, b.logitsForAllTokens);
}

DeviceBudget readBudget(const EntryReader &r, const std::string &field)
{
    if (!r.find(field))
        return {};
    const auto s = r.sub(field);
    return {s.integer<Bytes>("discrete_mib", true) * MiB, s.integer<Bytes>("unified_mib", true) * MiB, s.str("source")};
}

EngineProfile readEngine(const EntryReader &r, const std::string &id)
{
    EngineProfile e;
    e.id = id;
    e.kind = engineKindFor(id, r);
    e.name = r.str("name");
    e.versionScheme = r.str("version_scheme", false);
    e.source = r.str("source");
    e.runtimeOverhead = readBudget(r, "runtime_overhead");
    e.deviceReserve = readBudget(r, "device_reserve");
    const json *rows = r.find("versions");
    if (!rows || !rows->is_array() || rows->empty())
        r.fail(CatalogError::Problem::Missing, "versions", "");
    EngineBehaviour current;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        EntryReader v((*rows)[i], r.file(), r.entry() + ".versions[" + std::to_string(i) + "]");
        readBehaviourRow(v, current); // missing keys inherit from the previous row
        if (!e.versions.empty() && compareVersions(e.versions.back().from, current.from) >= 0)
            v.fail(CatalogError::Problem::BadValue, "from", current.from);
        e.versions.push_back(current);
    }
    return e;
}

template <typename T, typename ReadFn>
std::vector<T> readAll(const std::string &text, const std::string &file, const std::string &key, ReadFn read)
{
    json doc;
    const json &array = parseFile(text, file, key, doc);
    std::vector<T> out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < array.size(); ++i) {
        const auto id = entryId(array[i], i, file);
        EntryReader r(array[i], file, id);
        checkUnique(ids, id, r, "id");
        out.push_back(read(r, id));
    }
    return out;
}

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && toLowerAscii(a) == toLowerAscii(b);
}

} // namespace

std::string toLowerAscii(std::string_view s)
{
    std::string out(s);
    for (auto &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::variant<Catalog, CatalogError> Catalog::load(const CatalogSources &sources)
{
    try {
        Catalog c;
        c.m_quants = readAll<Quantization>(sources.quantizations, "quantizations.json", "quantizations", readQuant);
        c.m_engines = readAll<EngineProfile>(sources.engines, "engines.json", "engines", readEngine);
        c.m_hardware = readAll<Hardware>(sources.hardware, "hardware.json", "hardware", readHardware);
        c.m_models = readAll<ModelSpec>(sources.models, "models.json", "models", readModel);

        // The same word may name a GGUF type and a safetensors dtype ("BF16" / "bf16"): keys are unique
        // per format, and lookups pick the one the chosen engine loads.
        std::map<WeightFormat, std::set<std::string>> quantKeys;
        for (const auto &q : c.m_quants) {
            EntryReader r(kNoFields, "quantizations.json", q.id);
            for (const auto &e : q.engines)
                if (!c.findEngine(e))
                    r.fail(CatalogError::Problem::UnknownReference, "engines", e);
            checkUnique(quantKeys[q.format], q.id, r, "id");
            for (const auto &key : q.aliases)
                checkUnique(quantKeys[q.format], key, r, "aliases");
        }
        std::set<std::string> modelKeys;
        for (const auto &m : c.m_models) {
            EntryReader r(kNoFields, "models.json", m.id);
            checkUnique(modelKeys, m.id, r, "id");
            checkUnique(modelKeys, m.hfRepo, r, "hf_repo");
            for (const auto &a : m.aliases)
                checkUnique(modelKeys, a, r, "aliases");
            for (const auto &t : m.ollama) {
                checkUnique(modelKeys, t.tag, r, "ollama");
                if (!c.findQuantization(t.quant))
                    r.fail(CatalogError::Problem::UnknownReference, "ollama", t.quant);
            }
        }
        return c;
    } catch (const LoadFailure &f) {
        return f.error;
    }
}

std::variant<Catalog, CatalogError> Catalog::loadDirectory(const std::filesystem::path &dir)
{
    CatalogSources sources;
    const std::pair<const char *, std::string *> files[] = {{"models.json", &sources.models},
                                                            {"quantizations.json", &sources.quantizations},
                                                            {"hardware.json", &sources.hardware},
                                                            {"engines.json", &sources.engines}};
    for (const auto &[name, target] : files) {
        std::ifstream in(dir / name, std::ios::binary);
        if (!in)
            return CatalogError{CatalogError::Problem::Unreadable, (dir / name).string(), "", "", ""};
        std::ostringstream ss;
        ss << in.rdbuf();
        *target = ss.str();
    }
    return load(sources);
}

const ModelSpec *Catalog::findModel(std::string_view id) const
{
    for (const auto &m : m_models)
        if (equalsIgnoreCase(m.id, id))
            return &m;
    return nullptr;
}

std::optional<ModelMatch> Catalog::resolveModel(std::string_view key) const
{
    const auto lower = toLowerAscii(key);
    for (const auto &m : m_models) {
        if (m.id == lower || toLowerAscii(m.hfRepo) == lower)
            return ModelMatch{&m, {}, nullptr};
        for (const auto &a : m.aliases)
            if (toLowerAscii(a) == lower)
                return ModelMatch{&m, {}, nullptr};
        for (const auto &t : m.ollama)
            if (t.tag == lower)
                return ModelMatch{&m, t.quant, &t};
    }
    // An Ollama tag with a quantization suffix we do not list, e.g. "qwen2.5:7b-instruct-q8_0":
    // peel the quant off the end, then drop qualifiers until a known tag remains.
    const auto colon = lower.find(':');
    if (colon == std::string::npos)
        return std::nullopt;
    std::string rest = lower;
    std::string quant;
    const auto quantStart = [&]() -> std::size_t {
        for (std::size_t pos = rest.find('-', colon); pos != std::string::npos; pos = rest.find('-', pos + 1))
            if (const auto *q = findQuantization(rest.substr(pos + 1))) {
                quant = q->id;
                return pos;
            }
        return std::string::npos;
    }();
    if (quantStart == std::string::npos)
        return std::nullopt;
    rest.resize(quantStart);
    while (rest.size() > colon + 1) {
        for (const auto &m : m_models)
            for (const auto &t : m.ollama)
                if (t.tag == rest)
                    return ModelMatch{&m, quant, nullptr};
        const auto dash = rest.rfind('-');
        if (dash == std::string::npos || dash <= colon)
            break;
        rest.resize(dash);
    }
    return std::nullopt;
}

const Quantization *Catalog::findQuantization(std::string_view key, std::string_view engine) const
{
    const Quantization *first = nullptr;
    for (const auto &q : m_quants) {
        bool match = equalsIgnoreCase(q.id, key);
        for (const auto &a : q.aliases)
            match = match || equalsIgnoreCase(a, key);
        if (!match)
            continue;
        if (engine.empty() || std::any_of(q.engines.begin(), q.engines.end(),
                                          [&](const std::string &e) { return equalsIgnoreCase(e, engine); }))
            return &q;
        if (!first)
            first = &q;
    }
    return first;
}

const Hardware *Catalog::findHardware(std::string_view id) const
{
    for (const auto &h : m_hardware)
        if (equalsIgnoreCase(h.id, id))
            return &h;
    return nullptr;
}

const EngineProfile *Catalog::findEngine(std::string_view id) const
{
    for (const auto &e : m_engines)
        if (equalsIgnoreCase(e.id, id))
            return &e;
    return nullptr;
}

std::vector<std::string> Catalog::suggest(CatalogKind kind, std::string_view key, std::size_t count) const
{
    std::vector<std::string> keys;
    switch (kind) {
    case CatalogKind::Model:
        for (const auto &m : m_models) {
            keys.push_back(m.id);
            keys.push_back(m.hfRepo);
            for (const auto &t : m.ollama)
                keys.push_back(t.tag);
        }
        break;
    case CatalogKind::Quantization:
        for (const auto &q : m_quants)
            keys.push_back(q.id);
        break;
    case CatalogKind::Hardware:
        for (const auto &h : m_hardware)
            keys.push_back(h.id);
        break;
    case CatalogKind::Engine:
        for (const auto &e : m_engines)
            keys.push_back(e.id);
        break;
    }
    const auto lower = toLowerAscii(key);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (auto &k : keys) {
        const auto lk = toLowerAscii(k);
        // A key that contains what was typed (or vice versa) is a better guess than edit distance alone says.
        const bool contains = !lower.empty() && (lk.find(lower) != std::string::npos || lower.find(lk) != std::string::npos);
        scored.emplace_back(contains ? 0 : editDistance(lower, lk) + 1, std::move(k));
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (const auto &[score, k] : scored) {
        if (out.size() == count)
            break;
        if (std::find(out.begin(), out.end(), k) == out.end())
            out.push_back(k);
    }
    return out;
}

} // namespace headroom
