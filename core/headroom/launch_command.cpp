// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/launch_command.h"

#include "headroom/devices.h"
#include "headroom/estimator.h"
#include "headroom/kv_type.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

namespace headroom {
namespace {

constexpr const char *kModelfile = "Modelfile";
constexpr const char *kScriptName = "headroom_transformers.py";
constexpr const char *kWiredLimitKey = "iogpu.wired_limit_mb=";

// Transformers is a library: this script loads the model the way Headroom sizes it (accelerate's
// device_map="auto" over the GPUs then RAM, the checkpoint's dtype) and takes the request's values as flags,
// so they stay in argv where the parser reads them back.
constexpr const char *kTransformersScript = R"(# Written by Headroom: loads the model as the estimate assumes.
import argparse
from transformers import AutoModelForCausalLM, AutoTokenizer

parser = argparse.ArgumentParser()
parser.add_argument("--model", required=True)
parser.add_argument("--max-length", type=int, default=None)
parser.add_argument("--batch-size", type=int, default=1)
parser.add_argument("--attn-implementation", default=None)
parser.add_argument("prompt", nargs="?", default="Hello")
args = parser.parse_args()

tokenizer = AutoTokenizer.from_pretrained(args.model)
model = AutoModelForCausalLM.from_pretrained(
    args.model, device_map="auto", torch_dtype="auto", attn_implementation=args.attn_implementation)
inputs = tokenizer([args.prompt] * args.batch_size, return_tensors="pt").to(model.device)
output = model.generate(**inputs, max_length=args.max_length)
print(tokenizer.decode(output[0], skip_special_tokens=True))
)";

std::string versionFor(const EngineProfile &engine, const std::string &requested)
{
    return requested.empty() ? engine.latestVersion() : requested;
}

const char *flashName(FlashAttn f)
{
    switch (f) {
    case FlashAttn::On: return "on";
    case FlashAttn::Off: return "off";
    case FlashAttn::Auto: break;
    }
    return "auto";
}

std::string baseName(const std::string &path)
{
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/** `req` with every unified device's GPU limit at `mib` (capped at its memory). */
EstimateRequest withWiredLimit(EstimateRequest req, std::uint64_t mib)
{
    for (auto &d : req.devices)
        if (d.kind == MemoryKind::Unified)
            d.wiredLimit = std::min<Bytes>(mib * MiB, d.capacity);
    return req;
}

/**
 * The smallest iogpu.wired_limit_mb that makes the request fit, when it does not fit under the Mac's present
 * limit (appleWorkingSetLimit) but does with the limit at the whole memory. Verdicts only get better as the
 * limit grows, so a bisection over MiB finds it.
 */
std::optional<std::uint64_t> wiredLimitThatFits(const EstimateRequest &req, const Placement &p)
{
    if (fitsOnGpus(p.verdict))
        return std::nullopt;
    std::uint64_t lo = 0;
    std::uint64_t hi = 0;
    for (const auto &d : req.devices) {
        if (d.kind != MemoryKind::Unified)
            continue;
        lo = std::max<std::uint64_t>(lo, appleWorkingSetLimit(d) / MiB);
        hi = std::max<std::uint64_t>(hi, d.capacity / MiB);
    }
    if (hi <= lo || !fitsOnGpus(estimateVerdictOnly(withWiredLimit(req, hi)).verdict))
        return std::nullopt;
    while (hi - lo > 1) {
        const std::uint64_t mid = lo + (hi - lo) / 2;
        if (fitsOnGpus(estimateVerdictOnly(withWiredLimit(req, mid)).verdict))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/** What the user runs: a file's path, the catalog's Ollama tag or Hugging Face repo, else a name to replace. */
struct ModelRef {
    LaunchArg arg;
    bool ollamaTag = false;
};

ModelRef modelRef(const ResolvedRequest &rr, const RequestInputs &in, LaunchStyle style)
{
    if (in.file && !in.file->path.empty())
        return {{in.file->path, false}, false};
    const ModelSpec &m = *rr.request.model;
    const Quantization &q = *rr.quant;
    if (style == LaunchStyle::Ollama)
        for (const auto &t : m.ollama)
            if (t.quant == q.id)
                return {{t.tag, false}, true};
    const std::string stem = baseName(m.hfRepo.empty() ? m.name : m.hfRepo);
    if (q.format == WeightFormat::Gguf)
        return {{stem + "-" + q.id + ".gguf", true}, false};
    if ((q.layout.unquantized() || q.id == m.releasedAs) && !m.hfRepo.empty())
        return {{m.hfRepo, false}, false}; // the model's own repository (gpt-oss ships its MXFP4 experts there)
    // A quantized checkpoint (AWQ, GPTQ, FP8, MLX ...) is its own repository, which the catalog does not name.
    return {{stem + "-" + q.id, true}, false};
}

std::string formatNumber(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

/** Collects what the options write, then each style arranges it into steps. */
class Writer
{
public:
    Writer(const EngineProfile &engine, std::string version, LaunchCommand &out)
        : m_engine(engine), m_version(std::move(version)), m_out(out)
    {
    }

    /**
     * States `value` for `setting`. `value` empty = the request left it open (only a `when_unset: placed`
     * row writes `placed` then); `isDefault` = the request's own default, which needs no option.
     */
    void state(LaunchSetting setting, const std::optional<std::string> &value, bool isDefault,
               const std::optional<std::string> &placed = {})
    {
        const LaunchOption *o = launchOptionFor(m_engine, setting, m_version);
        std::optional<std::string> v = value;
        if (!v) {
            if (!o || !o->writePlaced || !placed)
                return;
            v = placed;
        }
        if (!o) {
            if (!isDefault)
                m_out.gaps.push_back({setting, LaunchGap::Reason::NotInVersion, *v});
            return;
        }
        std::string spelled = *v;
        if (!o->values.empty()) {
            const auto it = std::find_if(o->values.begin(), o->values.end(), [&](const auto &kv) { return kv.first == *v; });
            if (it == o->values.end()) {
                if (!isDefault)
                    m_out.gaps.push_back({setting, LaunchGap::Reason::ValueNotOffered, *v});
                return;
            }
            if (!it->second) {
                // Left unwritten: it reads back as the first value left unwritten; if that is another value,
                // this version has no way to say this one.
                const auto first = std::find_if(o->values.begin(), o->values.end(), [](const auto &kv) { return !kv.second; });
                if (first->first != *v)
                    m_out.gaps.push_back({setting, LaunchGap::Reason::NotInVersion, *v});
                return;
            }
            spelled = *it->second;
        }
        write(*o, {spelled, false});
    }

    void stateModel(const LaunchArg &model)
    {
        if (const LaunchOption *o = launchOptionFor(m_engine, LaunchSetting::Model, m_version))
            write(*o, model);
    }

    /**
     * States whether the vision projector is loaded. A row without values takes the projector file itself
     * (llama-server --mmproj FILE): "on" writes the flag with `file` as a placeholder, "off" writes nothing.
     */
    void stateVision(bool included, bool isDefault, const LaunchArg &file)
    {
        const LaunchOption *o = launchOptionFor(m_engine, LaunchSetting::Vision, m_version);
        if (o && o->values.empty()) {
            if (included)
                write(*o, file);
            return;
        }
        state(LaunchSetting::Vision, std::string(included ? "on" : "off"), isDefault);
    }

    std::vector<LaunchArg> flags;
    std::optional<LaunchArg> positional;
    std::vector<std::pair<std::string, std::string>> env;
    std::vector<std::pair<std::string, std::string>> modelfile;

private:
    void write(const LaunchOption &o, const LaunchArg &value)
    {
        switch (o.via) {
        case LaunchVia::Flag:
            for (const auto &name : o.names) {
                flags.push_back({name, false});
                if (!o.isSwitch)
                    flags.push_back(value);
            }
            break;
        case LaunchVia::Env: env.emplace_back(o.names.front(), value.text); break;
        case LaunchVia::Modelfile: modelfile.emplace_back(o.names.front(), value.text); break;
        case LaunchVia::Positional: positional = value; break;
        }
    }

    const EngineProfile &m_engine;
    std::string m_version;
    LaunchCommand &m_out;
};

std::vector<LaunchArg> words(const std::vector<std::string> &argv)
{
    std::vector<LaunchArg> out;
    for (const auto &w : argv)
        out.push_back({w, false});
    return out;
}

/** The name `ollama create` gives the model with Headroom's parameters: the tag's name with "-headroom" on its tag. */
std::string ollamaCreatedName(const ModelRef &ref, const ModelSpec &model)
{
    if (!ref.ollamaTag)
        return model.id + ":headroom";
    const auto colon = ref.arg.text.find(':');
    return colon == std::string::npos ? ref.arg.text + ":headroom" : ref.arg.text + "-headroom";
}

void arrange(const LaunchSpec &spec, const LaunchOption &program, const ModelRef &ref, const ModelSpec &model, Writer &w,
             LaunchCommand &out)
{
    const std::vector<LaunchArg> prog = words(program.argv);
    switch (spec.style) {
    case LaunchStyle::Argv:
    case LaunchStyle::PythonScript: {
        if (spec.style == LaunchStyle::PythonScript)
            out.steps.push_back({LaunchStepKind::WriteFile, {}, {}, kScriptName, kTransformersScript});
        LaunchStep server{LaunchStepKind::Server, w.env, prog, {}, {}};
        if (w.positional)
            server.argv.push_back(*w.positional);
        server.argv.insert(server.argv.end(), w.flags.begin(), w.flags.end());
        out.steps.push_back(std::move(server));
        break;
    }
    case LaunchStyle::Ollama: {
        // Model parameters need a Modelfile (and so does a GGUF file that is not an Ollama tag).
        const bool modelfile = !w.modelfile.empty() || !ref.ollamaTag;
        std::string runName = ref.arg.text;
        if (modelfile) {
            std::string text = "FROM " + (ref.arg.placeholder ? "<" + ref.arg.text + ">" : ref.arg.text) + "\n";
            for (const auto &[name, value] : w.modelfile)
                text += "PARAMETER " + name + " " + value + "\n";
            out.steps.push_back({LaunchStepKind::WriteFile, {}, {}, kModelfile, text});
            runName = ollamaCreatedName(ref, model);
            auto create = prog;
            create.insert(create.end(), {{"create", false}, {runName, false}, {"-f", false}, {kModelfile, false}});
            out.steps.push_back({LaunchStepKind::Setup, {}, create, {}, {}});
        }
        // Server settings are the environment of `ollama serve`: it has to be (re)started with them.
        if (!w.env.empty()) {
            auto serve = prog;
            serve.push_back({"serve", false});
            out.steps.push_back({LaunchStepKind::Server, w.env, serve, {}, {}});
        }
        auto run = prog;
        run.push_back({"run", false});
        run.push_back({runName, false});
        out.steps.push_back({LaunchStepKind::Client, {}, run, {}, {}});
        break;
    }
    }
}

std::optional<std::uint32_t> toU32(const std::string &s)
{
    std::uint32_t v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || ptr != s.data() + s.size())
        return std::nullopt;
    return v;
}

/** The engine's spelling back to Headroom's value; an absent option reads as its first value left unwritten. */
std::optional<std::string> unspell(const LaunchOption &o, const std::optional<std::string> &spelled)
{
    if (o.values.empty())
        return spelled;
    for (const auto &[value, spelling] : o.values)
        if (spelled ? spelling == spelled : !spelling)
            return value;
    return std::nullopt;
}

} // namespace

const char *launchSettingName(LaunchSetting s)
{
    switch (s) {
    case LaunchSetting::Program: return "program";
    case LaunchSetting::Model: return "model";
    case LaunchSetting::Ctx: return "ctx";
    case LaunchSetting::Parallel: return "parallel";
    case LaunchSetting::Batch: return "batch";
    case LaunchSetting::Ubatch: return "ubatch";
    case LaunchSetting::KvType: return "kv_type";
    case LaunchSetting::FlashAttn: return "flash_attn";
    case LaunchSetting::GpuLayers: return "gpu_layers";
    case LaunchSetting::GpuSplit: return "gpu_split";
    case LaunchSetting::TensorParallel: return "tensor_parallel";
    case LaunchSetting::Spread: return "spread";
    case LaunchSetting::GpuMemoryUtilization: return "gpu_memory_utilization";
    case LaunchSetting::Vision: return "vision";
    case LaunchSetting::NCpuMoe: return "n_cpu_moe";
    case LaunchSetting::Mmap: return "mmap";
    }
    return "";
}

const LaunchOption *launchOptionFor(const EngineProfile &engine, LaunchSetting setting, const std::string &version)
{
    if (!engine.launch)
        return nullptr;
    const LaunchOption *match = nullptr;
    for (const auto &o : engine.launch->options)
        if (o.setting == setting && compareVersions(o.from, version) <= 0)
            match = &o;
    return match && !match->absent ? match : nullptr;
}

LaunchCommand buildLaunchCommand(const ResolvedRequest &rr, const RequestInputs &inputs, const Placement &placement)
{
    const EstimateRequest &req = rr.request;
    const EngineProfile &engine = *req.engine;
    LaunchCommand out;
    out.engineId = engine.id;
    out.version = versionFor(engine, req.engineVersion);
    const LaunchOption *program = launchOptionFor(engine, LaunchSetting::Program, out.version);
    if (!engine.launch || !program)
        return out;
    out.available = true;

    // A Mac that fits only with a higher GPU limit: raise it first, and place the layers as they land then.
    Placement placed = placement;
    out.wiredLimitMiB = wiredLimitThatFits(req, placement);
    if (out.wiredLimitMiB) {
        placed = estimate(withWiredLimit(req, *out.wiredLimitMiB));
        out.steps.push_back({LaunchStepKind::Setup,
                             {},
                             {{"sudo", false}, {"sysctl", false}, {kWiredLimitKey + std::to_string(*out.wiredLimitMiB), false}},
                             {},
                             {}});
    }

    const auto number = [](const auto &v) { return v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt; };
    Writer w(engine, out.version, out);
    const ModelRef ref = modelRef(rr, inputs, engine.launch->style);
    w.stateModel(ref.arg);
    // Headroom's context is per sequence; an engine that divides its option among the slots gets it times the slots.
    const LaunchOption *ctxOption = launchOptionFor(engine, LaunchSetting::Ctx, out.version);
    const std::uint64_t slots = ctxOption && ctxOption->spansSlots && req.parallel ? *req.parallel : 1;
    w.state(LaunchSetting::Ctx, req.ctx ? std::optional<std::string>(std::to_string(slots * *req.ctx)) : std::nullopt, false);
    w.state(LaunchSetting::Parallel, number(req.parallel), false);
    w.state(LaunchSetting::Batch, number(req.batch), false);
    w.state(LaunchSetting::Ubatch, number(req.ubatch), false);
    w.state(LaunchSetting::KvType, std::string(kvTypeName(req.kvType)), req.kvType == KvType::F16);
    w.state(LaunchSetting::FlashAttn, std::string(flashName(req.flashAttn)), req.flashAttn == FlashAttn::Auto);
    w.state(LaunchSetting::GpuLayers, number(req.gpuLayers), false, std::to_string(placed.gpuLayers));
    w.state(LaunchSetting::Spread, std::string(req.spread ? "on" : "off"), !req.spread);
    const std::uint32_t expertLayers = expertHostLayers(req);
    w.state(LaunchSetting::NCpuMoe, expertLayers ? std::optional<std::string>(std::to_string(expertLayers)) : std::nullopt,
            expertLayers == 0);
    w.state(LaunchSetting::Mmap, std::string(req.mmap ? "on" : "off"), req.mmap);
    if (placed.devices.size() > 1) {
        std::string split;
        for (const auto &d : placed.devices)
            split += (split.empty() ? "" : ",") + std::to_string(d.layers);
        // Headroom's split (layers per device) rather than the engine's own by free memory: the one estimated.
        if (launchOptionFor(engine, LaunchSetting::GpuSplit, out.version))
            w.state(LaunchSetting::GpuSplit, split, false);
        if (launchOptionFor(engine, LaunchSetting::TensorParallel, out.version))
            w.state(LaunchSetting::TensorParallel, std::to_string(placed.devices.size()), false);
    }
    w.state(LaunchSetting::GpuMemoryUtilization, std::nullopt, true, formatNumber(engine.behaviourFor(out.version).gpuMemoryUtilization));
    if (placed.vision.available && engine.traits.vision) {
        // The projector file is named like the model's placeholder; the user points it at the mmproj they downloaded.
        const std::string stem = baseName(req.model->hfRepo.empty() ? req.model->name : req.model->hfRepo);
        w.stateVision(placed.vision.included, placed.vision.included == engine.traits.vision->byDefault,
                      {"mmproj-" + stem + "-" + placed.vision.dtype + ".gguf", true});
    }
    arrange(*engine.launch, *program, ref, *req.model, w, out);
    return out;
}

LaunchSettings parseLaunchCommand(const LaunchCommand &command, const EngineProfile &engine, const std::string &version)
{
    LaunchSettings s;
    if (!engine.launch)
        return s;
    std::map<std::string, std::string> env;
    std::map<std::string, std::string> params;
    std::optional<std::string> from;
    const LaunchStep *server = nullptr;
    const LaunchStep *client = nullptr;
    for (const auto &step : command.steps) {
        for (const auto &[name, value] : step.env)
            env[name] = value;
        if (step.kind == LaunchStepKind::WriteFile && step.fileName == kModelfile) {
            std::size_t pos = 0;
            while (pos < step.fileText.size()) {
                const auto end = std::min(step.fileText.find('\n', pos), step.fileText.size());
                const std::string line = step.fileText.substr(pos, end - pos);
                pos = end + 1;
                if (line.rfind("FROM ", 0) == 0)
                    from = line.substr(5);
                else if (line.rfind("PARAMETER ", 0) == 0) {
                    const auto space = line.find(' ', 10);
                    if (space != std::string::npos)
                        params[line.substr(10, space - 10)] = line.substr(space + 1);
                }
            }
        }
        if (step.kind == LaunchStepKind::Setup)
            for (const auto &a : step.argv)
                if (a.text.rfind(kWiredLimitKey, 0) == 0)
                    if (const auto mib = toU32(a.text.substr(std::string(kWiredLimitKey).size())))
                        s.wiredLimitMiB = *mib;
        if (step.kind == LaunchStepKind::Server)
            server = &step;
        if (step.kind == LaunchStepKind::Client)
            client = &step;
    }
    const LaunchOption *program = launchOptionFor(engine, LaunchSetting::Program, version);
    const auto readOption = [&](LaunchSetting setting) -> std::optional<std::string> {
        const LaunchOption *o = launchOptionFor(engine, setting, version);
        if (!o)
            return std::nullopt;
        std::optional<std::string> spelled;
        switch (o->via) {
        case LaunchVia::Flag:
            if (server) {
                const auto &argv = server->argv;
                for (std::size_t i = 0; i < argv.size(); ++i)
                    if (argv[i].text == o->names.front() && !argv[i].placeholder) {
                        spelled = o->isSwitch ? std::string() : i + 1 < argv.size() ? argv[i + 1].text : std::string();
                        break;
                    }
            }
            break;
        case LaunchVia::Env:
            if (const auto it = env.find(o->names.front()); it != env.end())
                spelled = it->second;
            break;
        case LaunchVia::Modelfile:
            if (const auto it = params.find(o->names.front()); it != params.end())
                spelled = it->second;
            break;
        case LaunchVia::Positional:
            if (engine.launch->style == LaunchStyle::Ollama)
                spelled = from ? *from : client && client->argv.size() > 2 ? std::optional(client->argv[2].text) : std::nullopt;
            else if (server && program && server->argv.size() > program->argv.size())
                spelled = server->argv[program->argv.size()].text;
            break;
        }
        return unspell(*o, spelled);
    };

    if (const auto m = readOption(LaunchSetting::Model))
        s.model = *m;
    const auto u32 = [&](LaunchSetting setting) {
        const auto v = readOption(setting);
        return v ? toU32(*v) : std::nullopt;
    };
    s.ctx = u32(LaunchSetting::Ctx);
    s.parallel = u32(LaunchSetting::Parallel);
    if (const LaunchOption *ctxOption = launchOptionFor(engine, LaunchSetting::Ctx, version);
        ctxOption && ctxOption->spansSlots && s.ctx && s.parallel && *s.parallel > 0)
        s.ctx = *s.ctx / *s.parallel; // back to the context of one sequence
    s.batch = u32(LaunchSetting::Batch);
    s.ubatch = u32(LaunchSetting::Ubatch);
    s.tensorParallel = u32(LaunchSetting::TensorParallel);
    if (const auto l = u32(LaunchSetting::GpuLayers))
        s.gpuLayers = static_cast<int>(*l);
    s.kvType = readOption(LaunchSetting::KvType);
    if (const auto f = readOption(LaunchSetting::FlashAttn))
        s.flashAttn = *f == "on" ? FlashAttn::On : *f == "off" ? FlashAttn::Off : FlashAttn::Auto;
    if (const auto sp = readOption(LaunchSetting::Spread))
        s.spread = *sp == "on";
    if (const auto m = readOption(LaunchSetting::Mmap))
        s.mmap = *m == "on";
    if (const auto split = readOption(LaunchSetting::GpuSplit)) {
        std::size_t pos = 0;
        while (pos <= split->size()) {
            const auto comma = std::min(split->find(',', pos), split->size());
            if (const auto v = toU32(split->substr(pos, comma - pos)))
                s.gpuSplit.push_back(*v);
            pos = comma + 1;
        }
    }
    if (const LaunchOption *o = launchOptionFor(engine, LaunchSetting::Vision, version)) {
        // A file-taking flag (--mmproj FILE) states "on" by its presence; a valued row reads back its value.
        const auto v = readOption(LaunchSetting::Vision);
        if (o->values.empty())
            s.vision = v ? std::optional<bool>(true) : std::nullopt;
        else if (v)
            s.vision = *v == "on";
    }
    if (const auto util = readOption(LaunchSetting::GpuMemoryUtilization)) {
        double v = 0;
        const auto [ptr, ec] = std::from_chars(util->data(), util->data() + util->size(), v);
        if (ec == std::errc() && ptr == util->data() + util->size())
            s.gpuMemoryUtilization = v;
    }
    return s;
}

RequestInputs applyLaunchSettings(RequestInputs inputs, const LaunchSettings &s)
{
    inputs.ctx = s.ctx;
    inputs.parallel = s.parallel;
    inputs.batch = s.batch;
    inputs.ubatch = s.ubatch;
    inputs.gpuLayers = s.gpuLayers;
    inputs.kvType = s.kvType.value_or("f16");
    inputs.flashAttn = s.flashAttn.value_or(FlashAttn::Auto);
    inputs.spread = s.spread.value_or(false);
    inputs.vision = s.vision;
    inputs.mmap = s.mmap.value_or(true);
    return inputs;
}

} // namespace headroom
