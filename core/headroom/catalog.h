// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/engine_profile.h"
#include "headroom/hardware.h"
#include "headroom/model_spec.h"
#include "headroom/number_format.h"
#include "headroom/preset.h"
#include "headroom/quality_data.h"
#include "headroom/quantization.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace headroom {

/** Where and why a catalog failed to load; the app turns this into a sentence. */
struct CatalogError {
    enum class Problem { Unreadable, Syntax, Missing, WrongType, BadValue, DuplicateId, UnknownReference, UnknownField };
    Problem problem = Problem::Syntax;
    std::string file;   ///< e.g. "models.json"
    std::string entry;  ///< entry id or index ("#3") when the id itself is bad
    std::string field;  ///< offending field, or empty
    std::string detail; ///< raw parser message / offending value (data, not prose)
};

/** The raw JSON text of the catalog files; the GUI reads them from Qt resources, the CLI from disk. */
struct CatalogSources {
    std::string models;
    std::string quantizations;
    std::string hardware;
    std::string engines;
    std::string scores;   ///< quality metrics, one evaluation source each
    std::string recovery; ///< measured accuracy of quantized models
    std::string presets;  ///< scenario presets: engine, context and parallel slots per use case
    /** Bit layouts of the number formats weights are stored in: teaching, nothing is sized from them. */
    std::string numberFormats;
};

/** One catalog file: its name and where its text goes. Every reader of the catalog walks this one list. */
struct CatalogFile {
    const char *name;
    std::string CatalogSources::*text;
};

[[nodiscard]] const std::vector<CatalogFile> &catalogFiles();

/** Result of resolving what a user typed as a model: catalog id, HF repo id, alias or Ollama tag. */
struct ModelMatch {
    const ModelSpec *model = nullptr;
    std::string impliedQuant; ///< from an Ollama tag; empty when the key implies none
    const OllamaTag *tag = nullptr;
};

enum class CatalogKind { Model, Quantization, Hardware, Engine, Metric };

class Catalog
{
public:
    [[nodiscard]] static std::variant<Catalog, CatalogError> load(const CatalogSources &sources);
    [[nodiscard]] static std::variant<Catalog, CatalogError> loadDirectory(const std::filesystem::path &dir);

    [[nodiscard]] const std::vector<ModelSpec> &models() const { return m_models; }
    [[nodiscard]] const std::vector<Quantization> &quantizations() const { return m_quants; }
    [[nodiscard]] const std::vector<Hardware> &hardware() const { return m_hardware; }
    [[nodiscard]] const std::vector<EngineProfile> &engines() const { return m_engines; }
    [[nodiscard]] const std::vector<Metric> &metrics() const { return m_metrics; }
    [[nodiscard]] const std::vector<RecoveryStudy> &recoveryStudies() const { return m_studies; }
    /** The scenario presets, in the order presets.json lists them (the order the front ends offer them). */
    [[nodiscard]] const std::vector<Preset> &presets() const { return m_presets; }
    [[nodiscard]] const std::vector<NumberFormat> &numberFormats() const { return m_formats; }
    /** The metric scores.json names the default: the one that covers the most catalog models. */
    [[nodiscard]] const Metric &defaultMetric() const { return m_metrics[m_defaultMetric]; }

    [[nodiscard]] std::optional<ModelMatch> resolveModel(std::string_view key) const;
    [[nodiscard]] const ModelSpec *findModel(std::string_view id) const;
    /** Quantization named `key` (id or alias); where a name is shared across formats, the one `engine` loads. */
    [[nodiscard]] const Quantization *findQuantization(std::string_view key, std::string_view engine = {}) const;
    [[nodiscard]] const Hardware *findHardware(std::string_view id) const;
    [[nodiscard]] const EngineProfile *findEngine(std::string_view id) const;
    [[nodiscard]] const Metric *findMetric(std::string_view id) const;
    [[nodiscard]] const Preset *findPreset(std::string_view id) const;
    [[nodiscard]] const NumberFormat *findNumberFormat(std::string_view id) const;
    /** The model families (ModelSpec::family), each once, sorted: what the advisor's family filter offers. */
    [[nodiscard]] std::vector<std::string> families() const;
    /** The engine whose traits name it the default for `what` ("gguf", "safetensors", "mlx", "ollama"). */
    [[nodiscard]] const EngineProfile *defaultEngineFor(std::string_view what) const;

    /** Up to `count` valid keys closest to `key` (edit distance), for "did you mean". */
    [[nodiscard]] std::vector<std::string> suggest(CatalogKind kind, std::string_view key, std::size_t count = 3) const;

private:
    std::vector<ModelSpec> m_models;
    std::vector<Quantization> m_quants;
    std::vector<Hardware> m_hardware;
    std::vector<EngineProfile> m_engines;
    std::vector<Metric> m_metrics;
    std::vector<RecoveryStudy> m_studies;
    std::vector<Preset> m_presets;
    std::vector<NumberFormat> m_formats;
    std::size_t m_defaultMetric = 0;
};

/** Lower-cases ASCII; catalog keys are matched case-insensitively. */
[[nodiscard]] std::string toLowerAscii(std::string_view s);

/** `a` and `b` equal but for ASCII case, without building lower-case copies (lookups run in the advisor's sweep). */
[[nodiscard]] bool equalsIgnoreCase(std::string_view a, std::string_view b);

} // namespace headroom
