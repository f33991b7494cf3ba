// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibration_replay.h"

#include <headroom/estimator.h>

#include <algorithm>
#include <cmath>

namespace headroom::validation {
namespace {

std::optional<std::uint32_t> number(const std::string &s)
{
    if (s.empty())
        return std::nullopt;
    return static_cast<std::uint32_t>(std::stoul(s));
}

DeviceChoice deviceChoice(const std::string &gpu)
{
    // "custom:<GiB>" in the table is a card of that capacity (the CLI's spelling).
    if (gpu.rfind("custom:", 0) == 0)
        return CustomDevice{static_cast<Bytes>(std::stod(gpu.substr(7)) * static_cast<double>(GiB)), MemoryKind::Discrete, 0.0};
    return gpu;
}

Component componentOf(Target::What w)
{
    switch (w) {
    case Target::What::Weights: return Component::Weights;
    case Target::What::Kv: return Component::Kv;
    case Target::What::Compute: return Component::Compute;
    case Target::What::Resident: return Component::Resident;
    case Target::What::Total:
    case Target::What::Buffers:
    case Target::What::Allocated: return Component::Total;
    }
    return Component::Total;
}

/** `checkpointVision`: the engine loads the vision tower with the checkpoint, so its weight figure includes it (vLLM's
 * "weights memory" is everything the checkpoint loaded; llama.cpp's model buffers leave the mmproj file out). */
Bytes figure(const DeviceUsage &d, Target::What w, bool checkpointVision)
{
    switch (w) {
    case Target::What::Weights: return d.weights + (checkpointVision ? d.projector : 0);
    case Target::What::Kv: return d.kvCache;
    case Target::What::Compute: return d.compute;
    case Target::What::Resident: return d.weights + d.kvCache + d.projector;
    case Target::What::Total: return d.total();
    case Target::What::Buffers:
    case Target::What::Allocated: return d.weights + d.kvCache + d.compute + d.projector;
    }
    return 0;
}

} // namespace

const char *setupName(Setup s)
{
    switch (s) {
    case Setup::FullOffload: return "full offload";
    case Setup::PartialOffload: return "partial offload";
    case Setup::MultiGpu: return "multi-GPU";
    case Setup::UnifiedMemory: return "unified memory";
    case Setup::CpuOnly: return "CPU only";
    }
    return "";
}

bool engineRuns(const EngineProfile &engine, Setup s)
{
    const auto &t = engine.traits;
    const auto has = [&](MemoryKind k) { return std::find(t.deviceKinds.begin(), t.deviceKinds.end(), k) != t.deviceKinds.end(); };
    switch (s) {
    case Setup::FullOffload:
    case Setup::MultiGpu: return has(MemoryKind::Discrete);
    case Setup::PartialOffload:
    case Setup::CpuOnly: return t.offloadsToHost;
    case Setup::UnifiedMemory: return has(MemoryKind::Unified);
    }
    return false;
}

const char *componentName(Component c)
{
    switch (c) {
    case Component::Weights: return "weights";
    case Component::Kv: return "KV cache";
    case Component::Compute: return "compute buffer";
    case Component::Resident: return "weights + KV (held after generation)";
    case Component::Total: return "total";
    }
    return "";
}

RequestInputs inputsFor(const Row &r)
{
    RequestInputs in;
    in.model = r["model"];
    in.quant = r["quant"];
    in.engine = r["engine"];
    in.engineVersion = r["engine_version"];
    in.ctx = number(r["ctx"]);
    in.parallel = number(r["parallel"]);
    in.ubatch = number(r["ubatch"]);
    in.kvType = r["kv_type"];
    const auto &fa = r["flash_attn"];
    in.flashAttn = fa == "on" ? FlashAttn::On : fa == "off" ? FlashAttn::Off : FlashAttn::Auto;
    if (const std::string &gpu = r["gpu"]; !gpu.empty()) {
        std::size_t from = 0;
        for (std::size_t plus = gpu.find('+'); plus != std::string::npos; plus = gpu.find('+', from)) {
            in.gpus.push_back(deviceChoice(gpu.substr(from, plus - from)));
            from = plus + 1;
        }
        in.gpus.push_back(deviceChoice(gpu.substr(from)));
        if (in.gpus.size() == 1)
            in.gpuCount = number(r["gpus"]);
    }
    if (const auto ngl = number(r["gpu_layers"]))
        in.gpuLayers = static_cast<int>(*ngl);
    // --n-cpu-moe N, or "all" for --cpu-moe (or -ot exps=CPU): the routed experts of those blocks in system RAM.
    if (const auto &moe = r["n_cpu_moe"]; moe == "all")
        in.expertsOnHost = kAllExpertLayers;
    else if (const auto n = number(moe))
        in.expertsOnHost = *n;
    if (const auto ram = number(r["ram"]))
        in.hostRam = *ram * GiB;
    return in;
}

Bytes pick(const Placement &p, const Target &t, bool checkpointVision, bool &ok)
{
    ok = true;
    switch (t.where) {
    case Target::Where::Host: return figure(p.host, t.what, checkpointVision);
    case Target::Where::AllDevices: {
        Bytes sum = 0;
        for (const auto &d : p.devices)
            sum += figure(d, t.what, checkpointVision);
        return sum;
    }
    case Target::Where::Device:
        if (t.device < p.devices.size())
            return figure(p.devices[t.device], t.what, checkpointVision);
        if (t.device == 0 && p.devices.empty()) // CPU only: the host holds everything
            return figure(p.host, t.what, checkpointVision);
        break;
    }
    ok = false;
    return 0;
}

Setup setupOf(const Placement &p)
{
    if (p.devices.empty())
        return Setup::CpuOnly;
    if (p.devices.size() > 1)
        return Setup::MultiGpu;
    if (p.gpuLayers < p.totalLayers)
        return Setup::PartialOffload;
    return Setup::FullOffload;
}

std::vector<Replay> replay(const Catalog &catalog, const Table &table)
{
    std::vector<Replay> out;
    out.reserve(table.rows.size());
    for (const auto &r : table.rows) {
        Replay rp;
        rp.row = &r;
        auto resolved = resolveRequest(catalog, inputsFor(r));
        if (auto *e = std::get_if<ResolveError>(&resolved)) {
            rp.failure = "cannot resolve " + e->field + "=" + e->value;
            out.push_back(std::move(rp));
            continue;
        }
        const auto &req = std::get<ResolvedRequest>(resolved).request;
        const auto placement = estimate(req);
        const auto target = *parseTarget(r["target"]); // readTable rejected rows without one
        bool ok = false;
        const auto &vision = req.engine->traits.vision;
        const Bytes predicted = pick(placement, target, vision && vision->weights == VisionWeights::Checkpoint, ok);
        if (!ok) {
            rp.failure = "target " + r["target"] + ": the estimate has " + std::to_string(placement.devices.size()) + " devices";
            out.push_back(std::move(rp));
            continue;
        }
        rp.arch = req.model->arch;
        rp.engine = req.engine;
        rp.setup = setupOf(placement);
        // A Mac, or a GPU that shares system RAM under a driver limit (Strix Halo's GTT, DGX Spark): unified memory.
        if (rp.setup != Setup::CpuOnly && std::any_of(req.devices.begin(), req.devices.end(), [](const DeviceSpec &d) {
                return d.kind == MemoryKind::Unified || d.wiredLimit.has_value();
            }))
            rp.setup = Setup::UnifiedMemory;
        rp.component = componentOf(target.what);
        rp.measured = std::stod(r["measured_bytes"]);
        rp.estimated = static_cast<double>(predicted);
        out.push_back(std::move(rp));
    }
    return out;
}

void Stats::add(double e)
{
    ++rows;
    sumAbs += std::abs(e);
    maxAbs = std::max(maxAbs, std::abs(e));
    sum += e;
}

} // namespace headroom::validation
