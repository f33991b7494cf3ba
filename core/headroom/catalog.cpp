// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/catalog.h"

#include "headroom/catalog_entries.h"
#include "headroom/kv_type.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace headroom {

using nlohmann::json;

namespace {

// Cross-entry checks report through an EntryReader that has no fields of its own.
const json kNoFields = json::object();

/** The schema version this build reads; a file written for another one is refused rather than misread. */
constexpr int kSchema = 1;

/** No top-level keys besides `schema` and the entries' array. */
void noTopFields(const EntryReader &) {}

template <typename TopFn = void (*)(const EntryReader &)>
const json &parseFile(const std::string &text, const std::string &file, const std::string &arrayKey, json &storage,
                      TopFn readTop = noTopFields)
{
    try {
        storage = json::parse(text);
    } catch (const json::parse_error &e) {
        throw LoadFailure{{CatalogError::Problem::Syntax, file, "", "", "byte " + std::to_string(e.byte)}};
    }
    if (!storage.is_object())
        throw LoadFailure{{CatalogError::Problem::WrongType, file, "", "", "top level is not an object"}};
    const EntryReader top(storage, file, "");
    if (top.integer<int>("schema", true) != kSchema)
        top.fail(CatalogError::Problem::BadValue, "schema", storage["schema"].dump());
    if (top.arraySize(arrayKey) == 0)
        top.fail(CatalogError::Problem::WrongType, arrayKey, "expected a non-empty array");
    readTop(top);
    top.rejectUnread();
    return storage[arrayKey];
}

std::string entryId(const json &entry, std::size_t index, const std::string &file)
{
    // (Built with insert rather than "#" + ...: GCC 12 reports a false -Wrestrict on the latter at -O3.)
    EntryReader r(entry, file, std::to_string(index).insert(0, 1, '#'));
    auto id = r.str("id");
    if (!isValidCatalogId(id))
        r.fail(CatalogError::Problem::BadValue, "id", id);
    return id;
}

void checkUnique(std::set<std::string> &seen, const std::string &key, const EntryReader &r, const std::string &field)
{
    if (!seen.insert(toLowerAscii(key)).second)
        r.fail(CatalogError::Problem::DuplicateId, field, key);
}

template <typename T, typename ReadFn, typename TopFn = void (*)(const EntryReader &)>
std::vector<T> readAll(const std::string &text, const std::string &file, const std::string &key, ReadFn read, TopFn readTop = noTopFields)
{
    json doc;
    const json &array = parseFile(text, file, key, doc, readTop);
    std::vector<T> out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < array.size(); ++i) {
        const auto id = entryId(array[i], i, file);
        EntryReader r(array[i], file, id);
        checkUnique(ids, id, r, "id");
        r.find("id");
        out.push_back(read(r, id));
        r.rejectUnread();
    }
    return out;
}

/** Scores must name catalog models (or ones scores.json declares as not yet in the catalog), once per metric. */
void checkScores(const Catalog &c, const std::vector<Metric> &metrics, const std::set<std::string> &pending)
{
    for (const auto &metric : metrics) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < metric.scores.size(); ++i) {
            const auto &s = metric.scores[i];
            EntryReader r(kNoFields, "scores.json", metric.id + ".scores[" + std::to_string(i) + "]");
            if (!c.findModel(s.model) && !pending.count(toLowerAscii(s.model)))
                r.fail(CatalogError::Problem::UnknownReference, "model", s.model);
            checkUnique(seen, s.model, r, "model");
        }
    }
}

void checkRecovery(const Catalog &c, const std::vector<RecoveryStudy> &studies)
{
    for (const auto &study : studies)
        for (std::size_t i = 0; i < study.rows.size(); ++i) {
            const auto &row = study.rows[i];
            if (!c.findQuantization(row.quant))
                EntryReader(kNoFields, "recovery.json", study.id + ".rows[" + std::to_string(i) + "]")
                    .fail(CatalogError::Problem::UnknownReference, "quant", row.quant);
        }
}

/** A preset names a catalog engine (or none), and a KV type that engine offers. */
void checkPresets(const Catalog &c, const std::vector<Preset> &presets)
{
    for (const auto &p : presets) {
        if (p.engine.empty())
            continue;
        const EntryReader r(kNoFields, "presets.json", p.id);
        const auto *engine = c.findEngine(p.engine);
        if (!engine)
            r.fail(CatalogError::Problem::UnknownReference, "engine", p.engine);
        if (!p.kvType.empty() && !engine->traits.offers(*kvTypeFromName(p.kvType)))
            r.fail(CatalogError::Problem::BadValue, "kv_type", p.kvType);
    }
}

/** A block names formats of this file as its element and scales, and they are plain formats, not blocks. */
void checkNumberFormats(const Catalog &c)
{
    for (const auto &f : c.numberFormats()) {
        const EntryReader r(kNoFields, "number_formats.json", f.id);
        const auto plain = [&](const std::string &id, const char *field) {
            const auto *other = c.findNumberFormat(id);
            if (!other)
                r.fail(CatalogError::Problem::UnknownReference, field, id);
            if (other->kind == NumberKind::Block)
                r.fail(CatalogError::Problem::BadValue, field, id);
        };
        if (f.kind == NumberKind::Block)
            plain(f.element, "element");
        if (f.block) {
            plain(f.block->scale, "block.scale");
            if (!f.block->tensorScale.empty())
                plain(f.block->tensorScale, "block.tensor_scale");
        }
    }
}

} // namespace

const std::vector<CatalogFile> &catalogFiles()
{
    static const std::vector<CatalogFile> files = {
        {"models.json", &CatalogSources::models},     {"quantizations.json", &CatalogSources::quantizations},
        {"hardware.json", &CatalogSources::hardware}, {"engines.json", &CatalogSources::engines},
        {"scores.json", &CatalogSources::scores},     {"recovery.json", &CatalogSources::recovery},
        {"presets.json", &CatalogSources::presets},   {"number_formats.json", &CatalogSources::numberFormats},
    };
    return files;
}

bool isValidCatalogId(const std::string &id)
{
    const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    if (id.empty() || !alnum(id.front()))
        return false;
    return std::all_of(id.begin(), id.end(), [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

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
        c.m_quants = readAll<Quantization>(sources.quantizations, "quantizations.json", "quantizations", readQuantizationEntry);
        c.m_engines = readAll<EngineProfile>(sources.engines, "engines.json", "engines", readEngineEntry);
        c.m_hardware = readAll<Hardware>(sources.hardware, "hardware.json", "hardware", readHardwareEntry);
        c.m_models = readAll<ModelSpec>(sources.models, "models.json", "models", readModelEntry);
        std::string defaultMetric;
        std::set<std::string> pendingModels;
        c.m_metrics = readAll<Metric>(sources.scores, "scores.json", "metrics", readMetricEntry, [&](const EntryReader &top) {
            defaultMetric = top.str("default_metric");
            for (const auto &id : top.strings("pending_models"))
                pendingModels.insert(toLowerAscii(id));
        });
        c.m_studies = readAll<RecoveryStudy>(sources.recovery, "recovery.json", "studies", readRecoveryStudy);
        c.m_formats = readAll<NumberFormat>(sources.numberFormats, "number_formats.json", "formats", readNumberFormatEntry);
        checkNumberFormats(c);
        const auto *metric = c.findMetric(defaultMetric);
        if (!metric)
            EntryReader(kNoFields, "scores.json", "").fail(CatalogError::Problem::UnknownReference, "default_metric", defaultMetric);
        c.m_defaultMetric = static_cast<std::size_t>(metric - c.m_metrics.data());
        checkScores(c, c.m_metrics, pendingModels);
        checkRecovery(c, c.m_studies);
        c.m_presets = readAll<Preset>(sources.presets, "presets.json", "presets", readPresetEntry);
        checkPresets(c, c.m_presets);

        // The same word may name a GGUF type and a safetensors dtype ("BF16" / "bf16"): keys are unique
        // per format, and lookups pick the one the chosen engine loads.
        std::map<WeightFormat, std::set<std::string>> quantKeys;
        for (const auto &q : c.m_quants) {
            EntryReader r(kNoFields, "quantizations.json", q.id);
            for (const auto &id : q.engines) {
                const auto *e = c.findEngine(id);
                if (!e)
                    r.fail(CatalogError::Problem::UnknownReference, "engines", id);
                if (!e->traits.loads(q.format))
                    r.fail(CatalogError::Problem::BadValue, "engines", id);
            }
            checkUnique(quantKeys[q.format], q.id, r, "id");
            for (const auto &key : q.aliases)
                checkUnique(quantKeys[q.format], key, r, "aliases");
        }
        for (const auto &e : c.m_engines) {
            EntryReader r(kNoFields, "engines.json", e.id);
            const auto *q = c.findQuantization(e.traits.defaultQuant, e.id);
            if (!q || !q->loadedBy(e.id))
                r.fail(CatalogError::Problem::UnknownReference, "traits.default_quant", e.traits.defaultQuant);
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
            if (!m.releasedAs.empty() && !c.findQuantization(m.releasedAs))
                r.fail(CatalogError::Problem::UnknownReference, "released_as", m.releasedAs);
        }
        return c;
    } catch (const LoadFailure &f) {
        return f.error;
    }
}

std::variant<Catalog, CatalogError> Catalog::loadDirectory(const std::filesystem::path &dir)
{
    CatalogSources sources;
    for (const auto &file : catalogFiles()) {
        std::ifstream in(dir / file.name, std::ios::binary);
        if (!in)
            return CatalogError{CatalogError::Problem::Unreadable, (dir / file.name).string(), "", "", ""};
        std::ostringstream ss;
        ss << in.rdbuf();
        sources.*file.text = ss.str();
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

const Quantization *Catalog::findQuantization(std::string_view key, std::string_view engine) const
{
    const Quantization *first = nullptr;
    for (const auto &q : m_quants) {
        bool match = equalsIgnoreCase(q.id, key);
        for (const auto &a : q.aliases)
            match = match || equalsIgnoreCase(a, key);
        if (!match)
            continue;
        if (engine.empty() ||
            std::any_of(q.engines.begin(), q.engines.end(), [&](const std::string &e) { return equalsIgnoreCase(e, engine); }))
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

std::vector<std::string> Catalog::families() const
{
    std::set<std::string> unique;
    for (const auto &m : m_models)
        unique.insert(m.family);
    return {unique.begin(), unique.end()};
}

const Metric *Catalog::findMetric(std::string_view id) const
{
    for (const auto &m : m_metrics)
        if (equalsIgnoreCase(m.id, id))
            return &m;
    return nullptr;
}

const Preset *Catalog::findPreset(std::string_view id) const
{
    for (const auto &p : m_presets)
        if (equalsIgnoreCase(p.id, id))
            return &p;
    return nullptr;
}

const NumberFormat *Catalog::findNumberFormat(std::string_view id) const
{
    for (const auto &f : m_formats)
        if (equalsIgnoreCase(f.id, id))
            return &f;
    return nullptr;
}

const EngineProfile *Catalog::findEngine(std::string_view id) const
{
    for (const auto &e : m_engines)
        if (equalsIgnoreCase(e.id, id))
            return &e;
    return nullptr;
}

const EngineProfile *Catalog::defaultEngineFor(std::string_view what) const
{
    for (const auto &e : m_engines)
        if (e.traits.isDefaultFor(std::string(what)))
            return &e;
    return nullptr;
}

} // namespace headroom
