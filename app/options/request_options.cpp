// SPDX-License-Identifier: GPL-3.0-or-later
#include "request_options.h"

#include <algorithm>
#include <charconv>
#include <iterator>

namespace headroom::options {
namespace {

using E = UsageError::Code;

template <typename T>
std::variant<T, UsageError> parseNumber(std::string_view option, const std::string &text, T min, T max)
{
    long long value = 0;
    const auto *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec == std::errc::invalid_argument || ptr != end)
        return UsageError{E::NotANumber, std::string(option), text, {}};
    if (ec == std::errc::result_out_of_range || value < static_cast<long long>(min) || value > static_cast<long long>(max))
        return UsageError{E::OutOfRange, std::string(option), text, {std::to_string(min), std::to_string(max)}};
    return static_cast<T>(value);
}

/** A positive number of GiB up to 1 PiB ("24", "24.5"); nullopt when it is not one. */
std::optional<double> positiveGiB(std::string_view text)
{
    double value = 0;
    const auto *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || !(value > 0) || value > 1024.0 * 1024.0)
        return std::nullopt;
    return value;
}

Bytes gibToBytes(double gib)
{
    return static_cast<Bytes>(gib * static_cast<double>(GiB));
}

constexpr std::string_view kFlags[] = {"--spread", "--vision", "--no-vision", "--cpu-moe", "--no-mmap"};
constexpr std::string_view kValued[] = {"--model", "--quant",  "--engine",   "--engine-version", "--ctx",        "--parallel",
                                        "--batch", "--ubatch", "--kv-type",  "--flash-attn",     "--gpu-layers", "--gpu",
                                        "--gpus",  "--ram",    "--n-cpu-moe"};

} // namespace

std::optional<Arity> requestOptionArity(std::string_view name)
{
    if (std::find(std::begin(kFlags), std::end(kFlags), name) != std::end(kFlags))
        return Arity::Flag;
    if (std::find(std::begin(kValued), std::end(kValued), name) != std::end(kValued))
        return Arity::Value;
    return std::nullopt;
}

std::variant<DeviceChoice, UsageError> parseDeviceChoice(const std::string &text)
{
    constexpr std::string_view prefix = "custom:";
    if (text.rfind(prefix, 0) != 0)
        return DeviceChoice(text);
    const auto gib = positiveGiB(std::string_view(text).substr(prefix.size()));
    if (!gib)
        return UsageError{E::BadChoice, "--gpu", text, {"custom:<GiB>"}};
    return DeviceChoice(CustomDevice{gibToBytes(*gib), MemoryKind::Discrete, 0.0});
}

std::optional<UsageError> applyRequestOption(std::string_view name, const std::string &text, RequestInputs &in)
{
    auto number = [&](std::optional<std::uint32_t> &target, std::uint32_t max) -> std::optional<UsageError> {
        auto n = parseNumber<std::uint32_t>(name, text, 1, max);
        if (auto *e = std::get_if<UsageError>(&n))
            return *e;
        target = std::get<std::uint32_t>(n);
        return std::nullopt;
    };
    if (name == "--spread")
        in.spread = true;
    else if (name == "--vision" || name == "--no-vision")
        in.vision = name == "--vision";
    else if (name == "--cpu-moe")
        in.expertsOnHost = kAllExpertLayers;
    else if (name == "--no-mmap")
        in.mmap = false;
    else if (name == "--n-cpu-moe") {
        auto n = parseNumber<std::uint32_t>(name, text, 0, 100000);
        if (auto *e = std::get_if<UsageError>(&n))
            return *e;
        in.expertsOnHost = std::get<std::uint32_t>(n);
    } else if (name == "--model")
        in.model = text;
    else if (name == "--quant")
        in.quant = text;
    else if (name == "--engine")
        in.engine = text;
    else if (name == "--engine-version")
        in.engineVersion = text;
    else if (name == "--ctx")
        return number(in.ctx, kMaxContext);
    else if (name == "--parallel")
        return number(in.parallel, kMaxParallel);
    else if (name == "--batch")
        return number(in.batch, 1U << 20);
    else if (name == "--ubatch")
        return number(in.ubatch, 1U << 20);
    else if (name == "--gpus")
        return number(in.gpuCount, 64);
    else if (name == "--kv-type")
        in.kvType = text;
    else if (name == "--gpu") {
        auto d = parseDeviceChoice(text);
        if (auto *e = std::get_if<UsageError>(&d))
            return *e;
        in.gpus.push_back(std::get<DeviceChoice>(std::move(d)));
    } else if (name == "--flash-attn") {
        if (text == "on")
            in.flashAttn = FlashAttn::On;
        else if (text == "off")
            in.flashAttn = FlashAttn::Off;
        else if (text == "auto")
            in.flashAttn = FlashAttn::Auto;
        else
            return UsageError{E::BadChoice, std::string(name), text, {"on", "off", "auto"}};
    } else if (name == "--gpu-layers") {
        auto n = parseNumber<int>(name, text, 0, 100000);
        if (auto *e = std::get_if<UsageError>(&n))
            return *e;
        in.gpuLayers = std::get<int>(n);
    } else if (name == "--ram") {
        const auto gib = positiveGiB(text);
        if (!gib) {
            double any = 0;
            const auto *end = text.data() + text.size();
            const auto [ptr, ec] = std::from_chars(text.data(), end, any);
            if (text.empty() || ec != std::errc() || ptr != end)
                return UsageError{E::NotANumber, std::string(name), text, {}};
            return UsageError{E::OutOfRange, std::string(name), text, {"0", "1048576"}};
        }
        in.hostRam = gibToBytes(*gib);
    } else {
        return UsageError{E::UnknownOption, std::string(name), {}, {}};
    }
    return std::nullopt;
}

} // namespace headroom::options
