// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_options.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace headroom::cli {
namespace {

template <typename T>
std::variant<T, UsageError> parseNumber(const std::string &option, const std::string &text, T min, T max)
{
    long long value = 0;
    const auto *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec == std::errc::invalid_argument || ptr != end)
        return UsageError{UsageError::Code::NotANumber, option, text, {}};
    if (ec == std::errc::result_out_of_range || value < static_cast<long long>(min) || value > static_cast<long long>(max))
        return UsageError{UsageError::Code::OutOfRange, option, text, {std::to_string(min), std::to_string(max)}};
    return static_cast<T>(value);
}

std::variant<double, UsageError> parseGiB(const std::string &option, const std::string &text)
{
    double value = 0;
    const auto *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end)
        return UsageError{UsageError::Code::NotANumber, option, text, {}};
    if (!(value > 0) || value > 1024.0 * 1024.0)
        return UsageError{UsageError::Code::OutOfRange, option, text, {"0", "1048576"}};
    return value;
}

} // namespace

const char *usageText()
{
    return "Usage:\n"
           "  headroom-cli estimate --model M [--quant Q] [--engine E] [--engine-version V] [--ctx N]\n"
           "               [--parallel N] [--batch N] [--ubatch N] [--kv-type T] [--flash-attn on|off]\n"
           "               [--gpu-layers N] [--gpu ID]... [--gpus N] [--spread] [--ram GIB] [--json]\n"
           "  headroom-cli list models|quants|gpus|engines [--json]\n"
           "  headroom-cli scan [PATH]... [--gpu ID]... [--ram GIB] [--json]\n"
           "  headroom-cli --help | --version\n"
           "\n"
           "  --model      catalog id, Hugging Face repo id or Ollama tag (e.g. deepseek-r1:7b), or a path:\n"
           "               a .gguf file, a config.json or a model folder (sized exactly as the file is)\n"
           "  scan         lists models in Ollama, LM Studio and the Hugging Face cache (or under PATHs);\n"
           "               with --gpu/--ram it says whether each fits\n"
           "  --quant      quantization (Q4_K_M, Q8_0, bf16, awq-int4, mlx-4bit ...); overrides the tag's\n"
           "  --engine     ollama | llama.cpp | vllm | transformers | mlx\n"
           "  --ctx        context tokens per sequence; --parallel sequences share the cache\n"
           "  --kv-type    f16 | q8_0 | q4_0 (llama.cpp/Ollama) | fp8 (vLLM)\n"
           "  --gpu        catalog GPU or Mac id (headroom-cli list gpus), or custom:<GiB>; repeat for mixed cards\n"
           "  --gpus N     N of the given card;  --spread: use every GPU (OLLAMA_SCHED_SPREAD)\n"
           "  --ram GIB    host RAM available for offloaded layers (needed for CPU-only estimates)\n"
           "\n"
           "Exit codes: 0 success, 2 bad arguments or data (one line on stderr), 1 internal error.\n";
}

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
    else if (command == "list")
        o.command = Command::List;
    else if (command == "scan")
        o.command = Command::Scan;
    else
        return UsageError{E::UnknownCommand, command, {}, {"estimate", "list", "scan"}};

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
        auto flag = [&](bool &target) -> std::optional<UsageError> {
            if (hasInlineValue)
                return UsageError{E::BadChoice, arg, value, {}};
            target = true;
            return std::nullopt;
        };
        std::optional<UsageError> error;
        if (arg == "--json") {
            error = flag(o.json);
        } else if (arg == "--spread") {
            error = flag(o.inputs.spread);
        } else if (arg == "--help" || arg == "-h") {
            o.command = Command::Help;
            return o;
        } else {
            static const char *const valued[] = {"--model", "--quant", "--engine", "--engine-version", "--ctx",
                                                 "--parallel", "--batch", "--ubatch", "--kv-type", "--flash-attn",
                                                 "--gpu-layers", "--gpu", "--gpus", "--ram"};
            if (std::find_if(std::begin(valued), std::end(valued), [&](const char *v) { return arg == v; }) ==
                std::end(valued))
                return UsageError{E::UnknownOption, arg, {}, {}};
            auto v = takesValue();
            if (auto *e = std::get_if<UsageError>(&v))
                return *e;
            const std::string text = std::get<std::string>(v);
            auto number = [&](std::optional<std::uint32_t> &target, std::uint32_t max) -> std::optional<UsageError> {
                auto n = parseNumber<std::uint32_t>(arg, text, 1, max);
                if (auto *e = std::get_if<UsageError>(&n))
                    return *e;
                target = std::get<std::uint32_t>(n);
                return std::nullopt;
            };
            if (arg == "--model")
                o.inputs.model = text;
            else if (arg == "--quant")
                o.inputs.quant = text;
            else if (arg == "--engine")
                o.inputs.engine = text;
            else if (arg == "--engine-version")
                o.inputs.engineVersion = text;
            else if (arg == "--ctx")
                error = number(o.inputs.ctx, kMaxContext);
            else if (arg == "--parallel")
                error = number(o.inputs.parallel, kMaxParallel);
            else if (arg == "--batch")
                error = number(o.inputs.batch, 1U << 20);
            else if (arg == "--ubatch")
                error = number(o.inputs.ubatch, 1U << 20);
            else if (arg == "--gpus")
                error = number(o.inputs.gpuCount, 64);
            else if (arg == "--kv-type")
                o.inputs.kvType = text;
            else if (arg == "--gpu")
                o.inputs.gpus.push_back(text);
            else if (arg == "--flash-attn") {
                if (text == "on")
                    o.inputs.flashAttn = FlashAttn::On;
                else if (text == "off")
                    o.inputs.flashAttn = FlashAttn::Off;
                else if (text == "auto")
                    o.inputs.flashAttn = FlashAttn::Auto;
                else
                    return UsageError{E::BadChoice, arg, text, {"on", "off", "auto"}};
            } else if (arg == "--gpu-layers") {
                auto n = parseNumber<int>(arg, text, 0, 100000);
                if (auto *e = std::get_if<UsageError>(&n))
                    return *e;
                o.inputs.gpuLayers = std::get<int>(n);
            } else if (arg == "--ram") {
                auto g = parseGiB(arg, text);
                if (auto *e = std::get_if<UsageError>(&g))
                    return *e;
                o.inputs.hostRam = static_cast<Bytes>(std::get<double>(g) * static_cast<double>(GiB));
            }
        }
        if (error)
            return *error;
    }
    if (o.command == Command::Estimate && o.inputs.model.empty())
        return UsageError{E::MissingModel, "--model", {}, {}};
    if (o.command == Command::List) {
        static const std::vector<std::string> kinds{"models", "quants", "gpus", "engines"};
        if (o.listWhat.empty())
            return UsageError{E::MissingListKind, "list", {}, kinds};
        if (std::find(kinds.begin(), kinds.end(), o.listWhat) == kinds.end())
            return UsageError{E::BadChoice, "list", o.listWhat, kinds};
    }
    return o;
}

} // namespace headroom::cli
