// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <request_options.h>
#include <usage_error.h>

#include <headroom/apply_preset.h>
#include <headroom/request_resolver.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace headroom::cli {

enum class Command { Estimate, Advise, List, Scan, Detect, Context, Help, Version, Quants, Plan };

/** How estimate prints: the text table, or an export (--format md|csv|json; --json is --format json). */
enum class Format { Text, Json, Markdown, Csv };

/** advise's own options (docs/cli.md, "Advise"); the hardware and engine settings are in `inputs`. */
struct AdviseArgs {
    std::string metric; ///< empty = the catalog's default
    std::optional<double> minTokensPerSecond;
    std::string family;
    bool partial = false;
    std::size_t top = 15;
};

/** plan's own options (docs/cli.md, "Plan"); the model and engine settings are in `inputs`. */
struct PlanArgs {
    std::optional<double> budget;
    std::string currency = "USD";
    std::optional<double> minTokensPerSecond;
    std::string sort = "price";
    bool machines = true; ///< --no-machines: one box only
    std::size_t top = 20;
    bool all = false; ///< --all: every option, not the first `top`
};

struct CliOptions {
    Command command = Command::Help;
    RequestInputs inputs;
    AdviseArgs advise;
    PlanArgs plan;
    std::string listWhat;  ///< list: models | quants | gpus | engines | metrics | presets
    std::string preset;    ///< estimate/advise --preset ID: applied to `inputs` once the catalog is loaded
    StatedSettings stated; ///< the preset's settings the command line gave itself (--engine, --ctx ...): they win
    std::vector<std::string> scanPaths;
    bool json = false;
    bool printCommand = false;    ///< estimate --print-command: the engine's launch command too
    bool explain = false;         ///< estimate --explain: the arithmetic of every segment and the assumptions
    Format format = Format::Text; ///< Json whenever `json` is set
};

using options::UsageError;

[[nodiscard]] std::variant<CliOptions, UsageError> parseArguments(const std::vector<std::string> &args);

[[nodiscard]] const char *usageText();

} // namespace headroom::cli
