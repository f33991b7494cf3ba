// SPDX-License-Identifier: GPL-3.0-or-later
#include "error_text.h"

namespace headroom::options {
namespace {

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &s : items)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::string didYouMean(const std::vector<std::string> &s)
{
    return s.empty() ? "" : " (did you mean: " + joined(s) + "?)";
}

} // namespace

std::string describe(const UsageError &e)
{
    using C = UsageError::Code;
    switch (e.code) {
    case C::UnknownCommand: return "unknown command '" + e.argument + "' (expected: " + joined(e.choices) + ")";
    case C::UnknownOption: return "unknown option '" + e.argument + "' (see headroom-cli --help)";
    case C::MissingValue: return "option " + e.argument + " needs a value";
    case C::NotANumber: return e.argument + ": '" + e.value + "' is not a number";
    case C::OutOfRange:
        return e.argument + ": '" + e.value + "' is out of range" +
               (e.choices.size() == 2 ? " (" + e.choices[0] + " to " + e.choices[1] + ")" : "");
    case C::BadChoice:
        return e.argument + ": '" + e.value + "' is not valid" + (e.choices.empty() ? "" : " (expected: " + joined(e.choices) + ")");
    case C::MissingModel: // `value`: the command that needs it, when not estimate
        return (e.value.empty() ? std::string("estimate") : e.value) +
               " needs --model (an Ollama tag, Hugging Face repo id or catalog id; see headroom-cli list models)";
    case C::MissingListKind: return "list needs what to list: " + joined(e.choices);
    case C::Conflict:
        return e.argument + " cannot be combined with " + (e.choices.empty() ? e.value : e.choices.front()) +
               (e.value.empty() ? "" : " (" + e.value + ")");
    }
    return "bad arguments";
}

std::string describe(const ResolveError &e)
{
    using C = ResolveError::Code;
    switch (e.code) {
    case C::UnknownModel: return "--model: unknown model '" + e.value + "'" + didYouMean(e.suggestions);
    case C::UnknownQuant: return "--quant: unknown quantization '" + e.value + "'" + didYouMean(e.suggestions);
    case C::UnknownEngine: return "--engine: unknown engine '" + e.value + "'" + didYouMean(e.suggestions);
    case C::UnknownGpu: return "--gpu: unknown GPU or Mac '" + e.value + "'" + didYouMean(e.suggestions) + "; or use custom:<GiB>";
    case C::UnknownKvType: return "--kv-type: unknown KV cache type '" + e.value + "' (expected: " + joined(e.suggestions) + ")";
    case C::BadEngineVersion: return "--engine-version: '" + e.value + "' is not a version (e.g. " + joined(e.suggestions) + ")";
    case C::QuantNotForEngine:
        return "--quant: " + e.value + " is not loaded by this engine (engines that load it: " + joined(e.suggestions) + ")";
    case C::NoLayoutForQuant: return "--quant: Headroom cannot lay out " + e.value + " for this model";
    case C::GpuCountNeedsOneGpu: return "--gpus " + e.value + " needs exactly one --gpu to multiply";
    case C::KvTypeNotForEngine:
        return "--kv-type: '" + e.value + "' is not offered by this engine (expected: " + joined(e.suggestions) + ")";
    case C::InvalidRequest: {
        using P = RequestProblem::Code;
        if (e.problem && e.problem->code == P::ZeroValue)
            return "--" + e.field + " must be at least 1";
        if (e.problem && e.problem->code == P::TooLarge)
            return "--" + e.field + " " + e.value + " is too large (context x parallel may be at most " + std::to_string(kMaxContext) +
                   " tokens)";
        if (e.problem && e.problem->code == P::EngineCannotLoadModel)
            return "--engine-version: this version cannot load the " + e.value +
                   " architecture (first version that does: " + joined(e.suggestions) + ")";
        if (e.problem && e.problem->code == P::EngineCannotLoadDevice && e.field == "host")
            return "--engine: this engine needs a GPU and cannot run every layer from system RAM (choose a --gpu, or llama.cpp, "
                   "ollama or transformers for a CPU-only machine)";
        if (e.problem && e.problem->code == P::EngineCannotLoadDevice)
            return "--gpu: the mlx engine runs on Apple Silicon only (choose an apple-* id)";
        if (e.problem && e.problem->code == P::EngineCannotOffloadExperts)
            return "--n-cpu-moe/--cpu-moe: this engine (or version) cannot keep an MoE's experts in system RAM (llama.cpp can since "
                   "b6089)";
        return "invalid request: " + e.field;
    }
    }
    return "invalid request";
}

std::string describe(const CatalogError &e)
{
    using P = CatalogError::Problem;
    std::string where = e.file;
    if (!e.entry.empty())
        where += ", entry '" + e.entry + "'";
    if (!e.field.empty())
        where += ", field '" + e.field + "'";
    switch (e.problem) {
    case P::Unreadable: return "cannot read catalog file " + e.file;
    case P::Syntax: return "catalog " + where + ": invalid JSON at " + e.detail;
    case P::Missing: return "catalog " + where + ": required field is missing";
    case P::WrongType: return "catalog " + where + ": wrong type (" + e.detail + ")";
    case P::BadValue: return "catalog " + where + ": invalid value " + e.detail;
    case P::DuplicateId: return "catalog " + where + ": duplicate '" + e.detail + "'";
    case P::UnknownReference: return "catalog " + where + ": refers to unknown '" + e.detail + "'";
    case P::UnknownField: return "catalog " + where + ": unknown field (a typo, or behaviour Headroom does not implement)";
    }
    return "catalog error in " + where;
}

} // namespace headroom::options
