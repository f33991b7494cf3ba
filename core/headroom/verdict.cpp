// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/verdict.h"

#include <algorithm>
#include <optional>

namespace headroom {
namespace {

/** Host memory available for offloaded layers: what the user said, or on a Mac what the GPU leaves over. */
std::optional<Bytes> hostCapacity(const EstimateRequest &req, const Placement &p)
{
    if (req.hostRam)
        return req.hostRam;
    if (!req.devices.empty() &&
        std::all_of(req.devices.begin(), req.devices.end(), [](const DeviceSpec &d) { return d.kind == MemoryKind::Unified; })) {
        Bytes free = 0;
        for (const auto &d : p.devices) // the host's tensors a mapped range spans are its own pages
            free += d.capacity > d.ownTotal() ? d.capacity - d.ownTotal() : 0;
        return free;
    }
    return std::nullopt;
}

bool headroomBelow10Percent(const DeviceUsage &d)
{
    return d.usable - std::min(d.usable, d.total()) < d.usable / 10;
}

} // namespace

void decideVerdict(const EstimateRequest &req, Placement &p)
{
    const auto hostCap = hostCapacity(req, p);
    p.host.capacity = p.host.usable = hostCap.value_or(0);
    const bool hostFits = !hostCap || p.host.total() <= *hostCap;
    if (p.devices.empty()) {
        p.verdict = !hostFits ? Verdict::DoesNotFit : headroomBelow10Percent(p.host) ? Verdict::Tight : Verdict::Fits;
        return;
    }
    if (anyOverflow(p) || !hostFits) {
        p.verdict = Verdict::DoesNotFit;
        return;
    }
    if (p.gpuLayers < p.totalLayers) {
        p.verdict = p.gpuLayers == 0 && !req.gpuLayers ? Verdict::DoesNotFit : Verdict::PartialOffload;
        if (!hostCap)
            p.notices.push_back(Notice::HostRamUnknown);
        return;
    }
    const bool tight = std::any_of(p.devices.begin(), p.devices.end(), headroomBelow10Percent);
    p.verdict = tight ? Verdict::Tight : Verdict::Fits;
}

bool fullyFits(const EstimateRequest &req, const ResolvedSettings &r)
{
    auto l = layout(req, r);
    decideVerdict(req, l.placement);
    return fitsOnGpus(l.placement.verdict);
}

} // namespace headroom
