// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/catalog_entries.h"

#include "headroom/architecture.h"
#include "headroom/compute_buffer.h"

#include <algorithm>

namespace headroom {
namespace {

using P = CatalogError::Problem;

const std::initializer_list<std::pair<const char *, WeightFormat>> kFormats{
    {"gguf", WeightFormat::Gguf}, {"safetensors", WeightFormat::Safetensors}, {"mlx", WeightFormat::Mlx}};

KvCells readKvCells(const EntryReader &s)
{
    KvCells c;
    c.padding = s.integer<std::uint32_t>("padding", true, 1, 1);
    c.paddingPerSequence = s.boolean("padding_per_sequence");
    c.windowPadding = s.integer<std::uint32_t>("window_padding", true, 1, 1);
    c.windowPaddingPerSequence = s.boolean("window_padding_per_sequence");
    c.windowExtraUbatch = s.boolean("window_extra_ubatch");
    c.windowExtraCells = s.integer<std::uint32_t>("window_extra_cells", false);
    return c;
}

EngineTraits readTraits(const EntryReader &s)
{
    EngineTraits t;
    t.computeFamily = s.str("compute_family");
    if (!isComputeFamily(t.computeFamily))
        s.fail(P::BadValue, "compute_family", t.computeFamily);
    t.formats = s.choices("formats", kFormats);
    if (t.formats.empty())
        s.fail(P::Missing, "formats", "");
    t.kvTypes = s.choices<KvType>("kv_types", {{"f16", KvType::F16},
                                               {"bf16", KvType::BF16},
                                               {"f32", KvType::F32},
                                               {"q8_0", KvType::Q8_0},
                                               {"q4_0", KvType::Q4_0},
                                               {"fp8", KvType::Fp8}});
    if (t.kvTypes.empty())
        s.fail(P::Missing, "kv_types", "");
    t.kvQuantNeedsFlashAttn = s.boolean("kv_quant_needs_flash_attn");
    if (s.has("recurrent_state"))
        t.recurrentState = readObject(s, "recurrent_state", [](const EntryReader &r) {
            return r.choice<KvType>("type", {{"f32", KvType::F32}, {"f16", KvType::F16}, {"bf16", KvType::BF16}}, KvType::F16, true);
        });
    t.kvCells = readObject(s, "kv_cells", readKvCells);
    t.offloadsToHost = s.boolean("offloads_to_host");
    t.embeddingsOnHost = s.boolean("embeddings_on_host");
    t.devicePolicy = s.choice(
        "device_policy", {{"all", DevicePolicy::All}, {"fewest", DevicePolicy::Fewest}, {"tensor_parallel", DevicePolicy::TensorParallel}},
        DevicePolicy::All, true);
    t.deviceKinds = s.choices<MemoryKind>("device_kinds", {{"gpu", MemoryKind::Discrete}, {"unified", MemoryKind::Unified}});
    if (t.deviceKinds.empty())
        s.fail(P::Missing, "device_kinds", "");
    t.kvPool = s.boolean("kv_pool");
    t.defaultUbatch = s.integer<std::uint32_t>("default_ubatch", false);
    t.batchOption = s.choice(
        "batch_option",
        {{"clamps_ubatch", BatchOption::ClampsUbatch}, {"batched_tokens", BatchOption::BatchedTokens}, {"ignored", BatchOption::Ignored}},
        BatchOption::Ignored, true);
    t.conversationCtx = s.integer<std::uint32_t>("conversation_ctx", false);
    t.defaultFor = s.strings("default_for");
    for (const auto &what : t.defaultFor)
        if (what != "gguf" && what != "safetensors" && what != "mlx" && what != "ollama")
            s.fail(P::BadValue, "default_for", what);
    t.defaultQuant = s.str("default_quant");
    t.mixVariant = s.choice("mix_variant", {{"llama-quantize", MixVariant::LlamaCpp}, {"ollama-mxfp4-bf16", MixVariant::OllamaMxfp4Bf16}},
                            MixVariant::LlamaCpp, true);
    if (s.has("fit"))
        t.fit = readObject(s, "fit", [](const EntryReader &f) {
            return FitPolicy{f.integer<Bytes>("margin_mib", true) * MiB, f.integer<std::uint32_t>("min_ctx", true, 0, 1)};
        });
    if (s.has("pipeline_parallel"))
        t.pipelineCopies = readObject(s, "pipeline_parallel", [](const EntryReader &pp) {
            (void)pp.str("source");
            return pp.integer<std::uint32_t>("copies", true, 1, 1);
        });
    if (s.has("vision"))
        t.vision = readObject(s, "vision", [](const EntryReader &v) {
            VisionTraits vt;
            vt.byDefault = v.boolean("default");
            vt.weights = v.choice("weights", {{"mmproj", VisionWeights::Mmproj}, {"checkpoint", VisionWeights::Checkpoint}},
                                  VisionWeights::Mmproj, true);
            vt.clipGraph = v.boolean("clip_graph");
            return vt;
        });
    if (s.has("expert_offload"))
        t.expertOffload = readObject(s, "expert_offload", [](const EntryReader &x) {
            ExpertOffloadSupport e;
            e.from = x.str("from");
            if (!isVersionString(e.from))
                x.fail(P::BadValue, "from", e.from);
            e.perLayer = x.boolean("per_layer", true);
            e.source = x.str("source");
            return e;
        });
    t.source = s.str("source", false);
    return t;
}

/**
 * The candidate peaks of one of Ollama's own-engine graphs: an array of row counts, at least one when `required`
 * (an absent `flash_attn` is a version that refuses flash attention for the architecture).
 */
std::vector<GraphPeakRows> readPeaks(const EntryReader &g, const char *key, bool required)
{
    std::vector<GraphPeakRows> peaks;
    for (std::size_t i = 0, n = g.arraySize(key); i < n; ++i) {
        const EntryReader r = g.element(key, i);
        GraphPeakRows rows;
        rows.hidden = r.integer<std::uint32_t>("hidden", false, 0);
        rows.attention = r.integer<std::uint32_t>("attention", false, 0);
        rows.qkv = r.integer<std::uint32_t>("qkv", false, 0);
        rows.experts = r.integer<std::uint32_t>("experts", false, 0);
        rows.scores = r.integer<std::uint32_t>("scores", false, 0);
        r.rejectUnread();
        peaks.push_back(rows);
    }
    if (peaks.empty() && (required || g.has(key)))
        g.fail(P::Missing, key, "");
    return peaks;
}

void readBehaviourRow(const EntryReader &v, EngineBehaviour &b)
{
    b.from = v.str("from");
    if (!isVersionString(b.from))
        v.fail(P::BadValue, "from", b.from);
    b.released = v.str("released", false);
    b.source = v.str("source");
    // Missing keys inherit from the previous row (b holds it).
    b.mlaCache = v.choice("mla_cache", {{"latent", MlaCache::Latent}, {"latent_kv", MlaCache::LatentKv}, {"expanded", MlaCache::Expanded}},
                          b.mlaCache);
    b.indexerCache =
        v.choice("indexer_cache", {{"key_type", IndexerCache::KeyType}, {"fp8_scaled", IndexerCache::Fp8Scaled}}, b.indexerCache);
    b.swaCache = v.choice("swa_cache", {{"window", SwaCache::Window}, {"full", SwaCache::Full}}, b.swaCache);
    b.flashAttnDefault =
        v.choice("flash_attn_default", {{"on", FlashAttnDefault::On}, {"off", FlashAttnDefault::Off}, {"auto", FlashAttnDefault::Auto}},
                 b.flashAttnDefault);
    if (v.has("flash_attn_archs"))
        b.flashAttnArchs = v.strings("flash_attn_archs");
    if (v.has("swa_memory")) {
        b.swaMemory.clear();
        for (std::size_t i = 0, n = v.arraySize("swa_memory"); i < n; ++i) {
            const EntryReader s = v.element("swa_memory", i);
            b.swaMemory.emplace_back(s.str("arch"), s.integer<std::uint32_t>("tokens", true, 0, 1));
            s.rejectUnread();
        }
    }
    b.defaultCtx = v.integer<std::uint32_t>("default_ctx", false, b.defaultCtx); // 0 = the model's context
    if (v.has("default_parallel")) {
        const auto p = v.integer<std::uint32_t>("default_parallel", true);
        b.parallelAuto = v.boolean("parallel_auto", p == 0);
        b.defaultParallel = p == 0 ? 1 : p;
    } else {
        b.parallelAuto = v.boolean("parallel_auto", b.parallelAuto);
    }
    if (v.has("default_ctx_by_vram")) {
        b.defaultCtxByVramGiB.clear();
        const auto &table = *v.find("default_ctx_by_vram");
        if (!table.is_array())
            v.fail(P::WrongType, "default_ctx_by_vram", table.dump());
        for (const auto &pair : table) {
            if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number() || !pair[1].is_number_integer())
                v.fail(P::WrongType, "default_ctx_by_vram", pair.dump());
            b.defaultCtxByVramGiB.emplace_back(pair[0].get<double>(), pair[1].get<std::uint32_t>());
        }
    }
    b.fitDefault = v.choice("fit_default", {{"on", true}, {"off", false}}, b.fitDefault);
    if (auto util = v.number("gpu_memory_utilization")) {
        if (*util <= 0 || *util > 1)
            v.fail(P::BadValue, "gpu_memory_utilization", std::to_string(*util));
        b.gpuMemoryUtilization = *util;
    }
    b.maxNumBatchedTokens = v.integer<std::uint32_t>("max_num_batched_tokens", false, b.maxNumBatchedTokens);
    b.longContextBatchedTokens = v.integer<std::uint32_t>("long_context_batched_tokens", false, b.longContextBatchedTokens);
    if (v.has("large_gpu_batch"))
        b.largeGpuBatch = readObject(v, "large_gpu_batch", [](const EntryReader &s) {
            return LargeGpuBatch{s.integer<Bytes>("min_gib", true, 0, 1) * GiB, s.integer<std::uint32_t>("tokens", true, 0, 1),
                                 s.integer<std::uint32_t>("sequences", false, 0), s.strings("except_names")};
        });
    b.prefillLogitsAll = v.choice("prefill_logits", {{"all", true}, {"last", false}}, b.prefillLogitsAll);
    b.prefillStep = v.integer<std::uint32_t>("prefill_step", false, b.prefillStep);
    b.profileSamplerBytes = v.integer<std::uint32_t>("profile_sampler_bytes", false, b.profileSamplerBytes);
    b.profileSamplerAlways = v.choice("profile_sampler", {{"always", true}, {"whole_sequence", false}}, b.profileSamplerAlways);
    b.ctxCheckpoints = v.integer<std::uint32_t>("ctx_checkpoints", false, b.ctxCheckpoints);
    b.kvUnified = v.boolean("kv_unified", b.kvUnified);
    b.logitsForAllTokens = v.choice("output_reserve", {{"ubatch", true}, {"sequences", false}}, b.logitsForAllTokens);
    b.faMaskF16 = v.choice("fa_mask", {{"f16", true}, {"f32", false}}, b.faMaskF16);
    b.ffnLiveSet = v.choice("ffn_scratch", {{"live_set", true}, {"fitted", false}}, b.ffnLiveSet);
    b.hostEmbdRows = v.integer<std::uint32_t>("host_embd_rows", false, b.hostEmbdRows);
    b.outputOffloadedFirst = v.choice("partial_output", {{"first", true}, {"last", false}}, b.outputOffloadedFirst);
    b.metalFileSpan = v.choice("metal_weights", {{"file_span", true}, {"tensors", false}}, b.metalFileSpan);
    if (v.has("own_engine_graphs")) {
        b.ownEngineGraphs.clear();
        for (std::size_t i = 0, n = v.arraySize("own_engine_graphs"); i < n; ++i) {
            const EntryReader g = v.element("own_engine_graphs", i);
            OwnEngineGraph graph{g.str("arch"), readPeaks(g, "flash_attn", false), readPeaks(g, "no_flash_attn", true), g.str("source")};
            g.rejectUnread();
            b.ownEngineGraphs.push_back(std::move(graph));
        }
    }
    // Which row set each key, so an explanation cites the row a default comes from, not only the row in force.
    for (const char *key : {"mla_cache",
                            "indexer_cache",
                            "swa_cache",
                            "flash_attn_default",
                            "flash_attn_archs",
                            "default_ctx",
                            "default_parallel",
                            "parallel_auto",
                            "default_ctx_by_vram",
                            "fit_default",
                            "gpu_memory_utilization",
                            "max_num_batched_tokens",
                            "long_context_batched_tokens",
                            "large_gpu_batch",
                            "prefill_logits",
                            "prefill_step",
                            "profile_sampler_bytes",
                            "profile_sampler",
                            "ctx_checkpoints",
                            "kv_unified",
                            "output_reserve",
                            "fa_mask",
                            "ffn_scratch",
                            "host_embd_rows",
                            "swa_memory",
                            "partial_output",
                            "metal_weights",
                            "own_engine_graphs"}) {
        if (!v.has(key))
            continue;
        auto it = std::find_if(b.keyRows.begin(), b.keyRows.end(), [&](const auto &kr) { return kr.first == key; });
        if (it == b.keyRows.end())
            b.keyRows.emplace_back(key, b.from);
        else
            it->second = b.from;
    }
}

LaunchOption readLaunchOption(const EntryReader &o)
{
    LaunchOption opt;
    opt.setting = o.choice("setting",
                           {{"program", LaunchSetting::Program},
                            {"model", LaunchSetting::Model},
                            {"ctx", LaunchSetting::Ctx},
                            {"parallel", LaunchSetting::Parallel},
                            {"batch", LaunchSetting::Batch},
                            {"ubatch", LaunchSetting::Ubatch},
                            {"kv_type", LaunchSetting::KvType},
                            {"flash_attn", LaunchSetting::FlashAttn},
                            {"gpu_layers", LaunchSetting::GpuLayers},
                            {"gpu_split", LaunchSetting::GpuSplit},
                            {"tensor_parallel", LaunchSetting::TensorParallel},
                            {"spread", LaunchSetting::Spread},
                            {"gpu_memory_utilization", LaunchSetting::GpuMemoryUtilization},
                            {"vision", LaunchSetting::Vision},
                            {"n_cpu_moe", LaunchSetting::NCpuMoe},
                            {"mmap", LaunchSetting::Mmap}},
                           LaunchSetting::Program, true);
    opt.from = o.str("from", false);
    if (!opt.from.empty() && !isVersionString(opt.from))
        o.fail(P::BadValue, "from", opt.from);
    opt.source = o.str("source");
    opt.absent = o.boolean("absent");
    if (opt.absent)
        return opt;
    if (opt.setting == LaunchSetting::Program) {
        opt.argv = o.strings("argv");
        if (opt.argv.empty())
            o.fail(P::Missing, "argv", "");
        return opt;
    }
    // Exactly one place to write it.
    int places = 0;
    if (o.has("flag")) {
        opt.names = {o.str("flag")};
        ++places;
    }
    if (o.has("flags")) {
        opt.names = o.strings("flags");
        ++places;
    }
    if (o.has("env")) {
        opt.via = LaunchVia::Env;
        opt.names = {o.str("env")};
        ++places;
    }
    if (o.has("modelfile")) {
        opt.via = LaunchVia::Modelfile;
        opt.names = {o.str("modelfile")};
        ++places;
    }
    if (o.boolean("positional")) {
        opt.via = LaunchVia::Positional;
        ++places;
    }
    if (places != 1 || (opt.via != LaunchVia::Positional && (opt.names.empty() || opt.names.front().empty())))
        o.fail(P::Missing, "flag", "one of flag, flags, env, modelfile, positional");
    opt.isSwitch = o.boolean("switch");
    opt.spansSlots = o.boolean("spans_slots");
    if (opt.spansSlots && opt.setting != LaunchSetting::Ctx)
        o.fail(P::BadValue, "spans_slots", "only the context can span the slots");
    if (opt.isSwitch && opt.via != LaunchVia::Flag)
        o.fail(P::BadValue, "switch", "only a flag can be a switch");
    opt.writePlaced = o.choice("when_unset", {{"omit", false}, {"placed", true}}, false);
    if (const nlohmann::json *values = o.find("values")) {
        if (!values->is_object() || values->empty())
            o.fail(P::WrongType, "values", values->dump());
        for (const auto &[key, spelling] : values->items()) {
            if (spelling.is_null())
                opt.values.emplace_back(key, std::nullopt);
            else if (spelling.is_string())
                opt.values.emplace_back(key, spelling.get<std::string>());
            else
                o.fail(P::WrongType, "values", spelling.dump());
        }
    }
    return opt;
}

LaunchSpec readLaunch(const EntryReader &l)
{
    LaunchSpec spec;
    spec.style =
        l.choice("style", {{"argv", LaunchStyle::Argv}, {"ollama", LaunchStyle::Ollama}, {"python-script", LaunchStyle::PythonScript}},
                 LaunchStyle::Argv, true);
    spec.source = l.str("source");
    const std::size_t rows = l.arraySize("options");
    for (std::size_t i = 0; i < rows; ++i) {
        const EntryReader o = l.element("options", i);
        LaunchOption opt = readLaunchOption(o);
        o.rejectUnread();
        // Rows of one setting are oldest first, so "the last row not newer than the version" is the one in force.
        for (const auto &earlier : spec.options)
            if (earlier.setting == opt.setting && compareVersions(earlier.from, opt.from) >= 0)
                o.fail(P::BadValue, "from", opt.from);
        spec.options.push_back(std::move(opt));
    }
    bool hasProgram = false;
    for (const auto &o : spec.options)
        hasProgram = hasProgram || o.setting == LaunchSetting::Program;
    if (!hasProgram)
        l.fail(P::Missing, "options", "a program row");
    return spec;
}

DeviceBudget readBudget(const EntryReader &s)
{
    DeviceBudget b;
    b.discrete = s.integer<Bytes>("discrete_mib", true) * MiB;
    b.unified = s.integer<Bytes>("unified_mib", true) * MiB;
    b.source = s.str("source");
    b.tensorParallel = s.integer<Bytes>("tensor_parallel_mib", false) * MiB;
    if (b.tensorParallel > 0)
        b.tensorParallelSource = s.str("tensor_parallel_source");
    return b;
}

} // namespace

EngineProfile readEngineEntry(const EntryReader &r, const std::string &id)
{
    EngineProfile e;
    e.id = id;
    e.name = r.str("name");
    e.versionScheme = r.str("version_scheme", false);
    e.source = r.str("source");
    e.traits = readObject(r, "traits", readTraits);
    if (r.has("runtime_overhead"))
        e.runtimeOverhead = readObject(r, "runtime_overhead", readBudget);
    if (r.has("device_reserve"))
        e.deviceReserve = readObject(r, "device_reserve", readBudget);
    if (r.has("launch"))
        e.launch = readObject(r, "launch", readLaunch);
    const std::size_t archRows = r.arraySize("architectures");
    for (std::size_t i = 0; i < archRows; ++i) {
        const EntryReader a = r.element("architectures", i);
        ArchitectureSupport support{a.str("arch"), a.str("from"), a.str("source")};
        a.rejectUnread();
        if (!isKnownArchitecture(support.arch))
            a.fail(P::UnknownReference, "arch", support.arch);
        if (!isVersionString(support.from))
            a.fail(P::BadValue, "from", support.from);
        if (e.supportFor(support.arch))
            a.fail(P::DuplicateId, "arch", support.arch);
        e.architectures.push_back(std::move(support));
    }
    const std::size_t rows = r.arraySize("versions");
    if (rows == 0)
        r.fail(P::Missing, "versions", "");
    EngineBehaviour current;
    for (std::size_t i = 0; i < rows; ++i) {
        const EntryReader v = r.element("versions", i);
        readBehaviourRow(v, current); // missing keys inherit from the previous row
        v.rejectUnread();
        if (!e.versions.empty() && compareVersions(e.versions.back().from, current.from) >= 0)
            v.fail(P::BadValue, "from", current.from);
        if (current.fitDefault && e.traits.fit.minCtx == 0)
            v.fail(P::Missing, "fit_default", "the engine's traits have no fit policy");
        e.versions.push_back(current);
    }
    return e;
}

} // namespace headroom
