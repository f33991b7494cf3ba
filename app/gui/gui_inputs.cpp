// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui_inputs.h"

#include <cmath>

namespace headroom::gui {

RequestInputs GuiInputs::toRequestInputs(const std::vector<std::string> &gpus) const
{
    RequestInputs in;
    in.model = model.trimmed().toStdString();
    in.quant = quant.toStdString();
    in.engine = engine.toStdString();
    in.engineVersion = engineVersion.toStdString();
    in.ctx = ctx;
    if (parallel > 0)
        in.parallel = parallel;
    in.kvType = kvType.toStdString();
    in.flashAttn = flashAttn;
    in.gpus = gpus;
    if (ramGiB > 0)
        in.hostRam = static_cast<Bytes>(std::llround(ramGiB * static_cast<double>(GiB)));
    return in;
}

RequestInputs GuiInputs::toRequestInputs() const
{
    std::vector<std::string> gpus;
    if (gpu == QLatin1String("custom")) {
        const std::string spec = "custom:" + QString::number(customGiB, 'f', 2).toStdString();
        gpus.assign(static_cast<std::size_t>(std::max(1, gpuCount)), spec);
    } else if (!gpu.isEmpty()) {
        gpus.assign(static_cast<std::size_t>(std::max(1, gpuCount)), gpu.toStdString());
    }
    if (!gpu2.isEmpty() && gpu2 != gpu)
        gpus.insert(gpus.end(), static_cast<std::size_t>(std::max(1, gpu2Count)), gpu2.toStdString());
    return toRequestInputs(gpus);
}

} // namespace headroom::gui
