// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_options.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace headroom::cli {

const char *usageText()
{
    return "Usage:\n"
           "  headroom-cli estimate --model M [--quant Q] [--engine E] [--engine-version V] [--ctx N]\n"
           "               [--parallel N] [--batch N] [--ubatch N] [--kv-type T] [--flash-attn on|off]\n"
           "               [--gpu-layers N] [--n-cpu-moe N | --cpu-moe] [--gpu ID]... [--gpus N] [--spread] [--ram GIB] [--json]\n"
           "               [--no-mmap] [--format md|csv|json] [--print-command] [--preset ID] [--explain]\n"
           "  headroom-cli advise [--gpu ID]... [--gpus N] [--ram GIB] [--engine E] [--engine-version V] [--ctx N]\n"
           "               [--parallel N] [--kv-type T] [--metric M] [--min-tokens-per-second N] [--family F]\n"
           "               [--partial] [--top N] [--json] [--print-command] [--preset ID]\n"
           "  headroom-cli plan --model M [--quant Q] [--engine E] [--ctx N] [--parallel N] [--kv-type T]\n"
           "               [--budget N --currency USD|CNY] [--min-tokens-per-second N] [--sort KEY] [--no-machines]\n"
           "               [--top N | --all] [--ram GIB] [--json]\n"
           "  headroom-cli quants --model M [--engine E] [--engine-version V] [--ctx N] [--parallel N]\n"
           "               [--kv-type T] [--flash-attn on|off] [--gpu ID]... [--gpus N] [--ram GIB] [--json] [--preset ID]\n"
           "  headroom-cli context --model M [the estimate options] [--json]\n"
           "  headroom-cli list models|quants|gpus|engines|metrics|presets [--json]\n"
           "  headroom-cli scan [PATH]... [--gpu ID]... [--ram GIB] [--json]\n"
           "  headroom-cli detect [--json]\n"
           "  headroom-cli --help | --version\n"
           "\n"
           "  --model      catalog id, Hugging Face repo id or Ollama tag (e.g. deepseek-r1:7b), or a path:\n"
           "               a .gguf file, a config.json or a model folder (sized exactly as the file is)\n"
           "  advise       every catalog model x quantization that runs on the hardware, ranked by expected\n"
           "               quality (the model's benchmark score x the quantization's measured recovery), and the\n"
           "               Pareto front of quality vs memory; --metric picks the benchmark (list metrics),\n"
           "               --partial also counts partial offload, --min-tokens-per-second drops slower ones\n"
           "  plan         what to buy: the catalog's hardware ranked for --model (1-8 of a card, mixed pairs,\n"
           "               each Mac or APU box, 2-8 of them or of 8-GPU servers over llama.cpp RPC): fit, headroom,\n"
           "               decode and prefill speed, launch price (USD or CNY as its source gives it, never converted),\n"
           "               price per usable GB and per token/s; --sort price|price-per-gb|price-per-tps|speed|headroom\n"
           "  quants       every quantization the engine loads for --model, each estimated as estimate would:\n"
           "               size, bits per weight, measured quality recovery (or not measured), verdict, speed\n"
           "  scan         lists models in Ollama, LM Studio and the Hugging Face cache (or under PATHs);\n"
           "               with --gpu/--ram it says whether each fits\n"
           "  detect       this computer's GPUs: total and free memory (and which figure each is), the catalog\n"
           "               entry matched, system RAM; read from local files, NVML, nvidia-smi, rocm-smi, sysctl\n"
           "  context      memory against context length (512 tokens to the model's maximum) with flash attention\n"
           "               on and off and KV f16, q8_0, q4_0, and the longest context that fits each way\n"
           "  --quant      quantization (Q4_K_M, Q8_0, bf16, awq-int4, mlx-4bit ...); overrides the tag's\n"
           "  --engine     ollama | llama.cpp | vllm | transformers | mlx\n"
           "  --ctx        context tokens per sequence; --parallel sequences share the cache\n"
           "  --kv-type    f16 | q8_0 | q4_0 (llama.cpp/Ollama) | fp8 (vLLM)\n"
           "  --gpu        catalog GPU or Mac id (headroom-cli list gpus), or custom:<GiB>; repeat for mixed cards\n"
           "               this: this computer's GPUs (all their memory) and its RAM unless --ram is given;\n"
           "               this-free: what is free on them now (other programs' use counts)\n"
           "  --gpus N     N of the given card;  --spread: use every GPU (OLLAMA_SCHED_SPREAD)\n"
           "  --ram GIB    host RAM available for offloaded layers (needed for CPU-only estimates)\n"
           "  --no-mmap    llama.cpp reads the weights instead of mapping the file: on a Mac the GPU then holds its\n"
           "               own layers alone (mapped, the file's range from its first tensor to its last)\n"
           "  --format     md: the estimate as Markdown (table, verdict, fixes, assumptions); csv: the breakdown;\n"
           "               json: the same as --json\n"
           "  --print-command  also the command that starts the engine this way (env, flags, Modelfile; with\n"
           "               --json a \"launch\" object)\n"
           "  --preset ID  a scenario (headroom-cli list presets): sets the engine, context and parallel slots\n"
           "               it names; --engine, --ctx, --parallel, --kv-type, --flash-attn given as well win\n"
           "  --explain    also why each number is what it is: every segment's arithmetic on every device and\n"
           "               the host, and the assumptions with their sources (with --json an \"explain\" object)\n"
           "\n"
           "Exit codes: 0 success, 2 bad arguments or data (one line on stderr), 1 internal error.\n";
}

namespace {

/** A number option's value, within [lo, hi] (and whole when `integer`). */
std::variant<double, UsageError> parseNumber(const std::string &arg, const std::string &text, double lo, double hi, bool integer)
{
    using E = UsageError::Code;
    char *end = nullptr;
    const double n = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size())
        return UsageError{E::NotANumber, arg, text, {}};
    if (integer && n != static_cast<double>(static_cast<long long>(n)))
        return UsageError{E::NotANumber, arg, text, {}};
    if (!(n >= lo) || n > hi) {
        char bounds[2][32];
        std::snprintf(bounds[0], sizeof bounds[0], "%.0f", lo);
        std::snprintf(bounds[1], sizeof bounds[1], "%.0f", hi);
        return UsageError{E::OutOfRange, arg, text, {bounds[0], bounds[1]}};
    }
    return n;
}

/** advise's own options; false when `arg` is not one of them (it may still be a request option). */
template <typename TakesValue>
std::variant<bool, UsageError> parseAdviseOption(const std::string &arg, bool hasInlineValue, TakesValue takesValue, AdviseArgs &a)
{
    using E = UsageError::Code;
    if (arg == "--partial") {
        if (hasInlineValue)
            return UsageError{E::BadChoice, arg, {}, {}};
        a.partial = true;
        return true;
    }
    if (arg != "--metric" && arg != "--family" && arg != "--min-tokens-per-second" && arg != "--top")
        return false;
    auto v = takesValue();
    if (auto *e = std::get_if<UsageError>(&v))
        return *e;
    const std::string text = std::get<std::string>(v);
    if (arg == "--metric") {
        a.metric = text;
    } else if (arg == "--family") {
        a.family = text;
    } else {
        const bool top = arg == "--top";
        auto n = parseNumber(arg, text, top ? 1.0 : 0.0, 100000, top);
        if (auto *e = std::get_if<UsageError>(&n))
            return *e;
        if (top)
            a.top = static_cast<std::size_t>(std::get<double>(n));
        else
            a.minTokensPerSecond = std::get<double>(n);
    }
    return true;
}

/** plan's own options; false when `arg` is not one of them. */
template <typename TakesValue>
std::variant<bool, UsageError> parsePlanOption(const std::string &arg, bool hasInlineValue, TakesValue takesValue, PlanArgs &a)
{
    using E = UsageError::Code;
    if (arg == "--no-machines" || arg == "--all") {
        if (hasInlineValue)
            return UsageError{E::BadChoice, arg, {}, {}};
        (arg == "--all" ? a.all : a.machines) = arg == "--all";
        return true;
    }
    if (arg != "--budget" && arg != "--currency" && arg != "--sort" && arg != "--min-tokens-per-second" && arg != "--top")
        return false;
    auto v = takesValue();
    if (auto *e = std::get_if<UsageError>(&v))
        return *e;
    const std::string text = std::get<std::string>(v);
    if (arg == "--currency" || arg == "--sort") {
        const std::vector<std::string> choices =
            arg == "--currency" ? std::vector<std::string>{"USD", "CNY"}
                                : std::vector<std::string>{"price", "price-per-gb", "price-per-tps", "speed", "headroom"};
        const auto known = std::find_if(choices.begin(), choices.end(), [&](const std::string &c) { return equalsIgnoreCase(c, text); });
        if (known == choices.end())
            return UsageError{E::BadChoice, arg, text, choices};
        (arg == "--currency" ? a.currency : a.sort) = *known;
        return true;
    }
    const bool top = arg == "--top";
    auto n = parseNumber(arg, text, top ? 1.0 : 0.0, arg == "--budget" ? 1e9 : 100000, top);
    if (auto *e = std::get_if<UsageError>(&n))
        return *e;
    const double value = std::get<double>(n);
    if (top)
        a.top = static_cast<std::size_t>(value);
    else if (arg == "--budget")
        a.budget = value;
    else
        a.minTokensPerSecond = value;
    return true;
}

} // namespace

std::variant<CliOptions, UsageError> parseArguments(const std::vector<std::string> &args)
{
    using E = UsageError::Code;
    CliOptions o;
    if (args.empty())
        return o;
    const std::string &command = args[0];
    if (command == "--help" || command == "-h" || command == "help")
        return o;
    if (command == "--version") {
        o.command = Command::Version;
        return o;
    }
    if (command == "estimate")
        o.command = Command::Estimate;
    else if (command == "advise")
        o.command = Command::Advise;
    else if (command == "list")
        o.command = Command::List;
    else if (command == "scan")
        o.command = Command::Scan;
    else if (command == "detect")
        o.command = Command::Detect;
    else if (command == "context")
        o.command = Command::Context;
    else if (command == "quants")
        o.command = Command::Quants;
    else if (command == "plan")
        o.command = Command::Plan;
    else
        return UsageError{E::UnknownCommand, command, {}, {"estimate", "advise", "plan", "quants", "context", "list", "scan", "detect"}};

    for (std::size_t i = 1; i < args.size(); ++i) {
        std::string arg = args[i];
        std::string value;
        bool hasInlineValue = false;
        if (arg.rfind("--", 0) == 0) {
            if (const auto eq = arg.find('='); eq != std::string::npos) {
                value = arg.substr(eq + 1);
                arg.resize(eq);
                hasInlineValue = true;
            }
        } else {
            if (o.command == Command::List && o.listWhat.empty()) {
                o.listWhat = arg;
                continue;
            }
            if (o.command == Command::Scan) {
                o.scanPaths.push_back(arg);
                continue;
            }
            return UsageError{E::UnknownOption, arg, {}, {}};
        }
        const auto takesValue = [&]() -> std::variant<std::string, UsageError> {
            if (hasInlineValue)
                return value;
            if (i + 1 >= args.size())
                return UsageError{E::MissingValue, arg, {}, {}};
            return args[++i];
        };
        if (arg == "--print-command" && (o.command == Command::Estimate || o.command == Command::Advise)) {
            if (hasInlineValue)
                return UsageError{E::BadChoice, arg, value, {}};
            o.printCommand = true;
            continue;
        }
        if (arg == "--preset" && (o.command == Command::Estimate || o.command == Command::Advise || o.command == Command::Quants ||
                                  o.command == Command::Plan || o.command == Command::Context)) {
            auto v = takesValue();
            if (auto *e = std::get_if<UsageError>(&v))
                return *e;
            o.preset = std::get<std::string>(v);
            continue;
        }
        if (arg == "--explain" && o.command == Command::Estimate) {
            if (hasInlineValue)
                return UsageError{E::BadChoice, arg, value, {}};
            o.explain = true;
            continue;
        }
        if (arg == "--json") {
            if (hasInlineValue)
                return UsageError{E::BadChoice, arg, value, {}};
            o.json = true;
            o.format = Format::Json;
            continue;
        }
        if (arg == "--format") {
            auto v = takesValue();
            if (auto *e = std::get_if<UsageError>(&v))
                return *e;
            const std::string f = std::get<std::string>(v);
            // md and csv export one estimate; list and scan print lists, whose only other form is JSON.
            const std::vector<std::string> formats =
                o.command == Command::Estimate ? std::vector<std::string>{"md", "csv", "json"} : std::vector<std::string>{"json"};
            if (std::find(formats.begin(), formats.end(), f) == formats.end())
                return UsageError{E::BadChoice, arg, f, formats};
            o.format = f == "md" ? Format::Markdown : f == "csv" ? Format::Csv : Format::Json;
            o.json = o.format == Format::Json;
            continue;
        }
        if (arg == "--help" || arg == "-h") {
            o.command = Command::Help;
            return o;
        }
        if (o.command == Command::Plan) {
            auto handled = parsePlanOption(arg, hasInlineValue, takesValue, o.plan);
            if (auto *e = std::get_if<UsageError>(&handled))
                return *e;
            if (std::get<bool>(handled))
                continue;
            // plan chooses the hardware itself: naming it here would be ignored, so it is refused.
            if (arg == "--gpu" || arg == "--gpus" || arg == "--spread" || arg == "--gpu-layers")
                return UsageError{E::Conflict, arg, "plan ranks the catalog's hardware itself; see estimate", {"plan"}};
        }
        if (o.command == Command::Advise) {
            auto handled = parseAdviseOption(arg, hasInlineValue, takesValue, o.advise);
            if (auto *e = std::get_if<UsageError>(&handled))
                return *e;
            if (std::get<bool>(handled))
                continue;
        }
        const auto arity = options::requestOptionArity(arg);
        if (!arity || o.command == Command::Detect)
            return UsageError{E::UnknownOption, arg, {}, {}};
        if (*arity == options::Arity::Flag && hasInlineValue)
            return UsageError{E::BadChoice, arg, value, {}};
        std::string text;
        if (*arity == options::Arity::Value) {
            auto v = takesValue();
            if (auto *e = std::get_if<UsageError>(&v))
                return *e;
            text = std::get<std::string>(v);
        }
        if (auto error = options::applyRequestOption(arg, text, o.inputs))
            return *error;
        // What a preset would set, the command line said itself: the flag wins over the preset.
        o.stated.engine = o.stated.engine || arg == "--engine";
        o.stated.ctx = o.stated.ctx || arg == "--ctx";
        o.stated.parallel = o.stated.parallel || arg == "--parallel";
        o.stated.kvType = o.stated.kvType || arg == "--kv-type";
        o.stated.flashAttn = o.stated.flashAttn || arg == "--flash-attn";
    }
    // The exports have a fixed layout (docs/cli.md); the explanation is text or JSON.
    if (o.explain && (o.format == Format::Markdown || o.format == Format::Csv))
        return UsageError{E::Conflict,
                          "--explain",
                          "it explains the text report or --json",
                          {o.format == Format::Markdown ? "--format md" : "--format csv"}};
    if ((o.command == Command::Estimate || o.command == Command::Context) && o.inputs.model.empty())
        return UsageError{E::MissingModel, "--model", {}, {}};
    if (o.command == Command::Quants && o.inputs.model.empty())
        return UsageError{E::MissingModel, "--model", "quants", {}};
    if (o.command == Command::Plan && o.inputs.model.empty())
        return UsageError{E::MissingModel, "--model", "plan", {}};
    if (o.command == Command::List) {
        static const std::vector<std::string> kinds{"models", "quants", "gpus", "engines", "metrics", "presets"};
        if (o.listWhat.empty())
            return UsageError{E::MissingListKind, "list", {}, kinds};
        if (std::find(kinds.begin(), kinds.end(), o.listWhat) == kinds.end())
            return UsageError{E::BadChoice, "list", o.listWhat, kinds};
    }
    return o;
}

} // namespace headroom::cli
