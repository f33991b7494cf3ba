// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/layer_placement.h"

#include "headroom/layout_planner.h"

#include <algorithm>

namespace headroom {

bool anyOverflow(const Placement &p, Bytes margin)
{
    return std::any_of(p.devices.begin(), p.devices.end(),
                       [&](const DeviceUsage &d) { return d.total() > (d.usable > margin ? d.usable - margin : 0); });
}

Layout layout(const EstimateRequest &req, const ResolvedSettings &r)
{
    return LayoutPlanner(req, *r.behaviour).layout(r);
}

} // namespace headroom
