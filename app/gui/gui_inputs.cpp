// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui_inputs.h"

#include <this_computer_request.h>

#include <algorithm>
#include <cmath>

namespace headroom::gui {

bool isThisComputer(const QString &gpuKey)
{
    return options::thisComputerBasis(DeviceChoice(gpuKey.toStdString())).has_value();
}

RequestInputs GuiInputs::toRequestInputs(const std::vector<DeviceChoice> &gpus) const
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
    in.vision = vision;
    in.gpus = gpus;
    if (ramGiB > 0)
        in.hostRam = static_cast<Bytes>(std::llround(ramGiB * static_cast<double>(GiB)));
    return in;
}

RequestInputs GuiInputs::toRequestInputs() const
{
    std::vector<DeviceChoice> gpus;
    const auto count = static_cast<std::size_t>(std::max(1, gpuCount));
    if (isThisComputer(gpu))
        gpus = thisDevices; // as detected: the count does not apply
    else if (gpu == QLatin1String("custom"))
        // Rounded, not truncated: takeRequest stores capacity / GiB, and this gives the same bytes back.
        gpus.assign(count, CustomDevice{static_cast<Bytes>(std::llround(customGiB * static_cast<double>(GiB))), MemoryKind::Discrete, 0.0});
    else if (!gpu.isEmpty() && gpu != QLatin1String(kNoGpuKey)) // no GPU: no device, the host holds everything
        gpus.assign(count, gpu.toStdString());
    if (!gpu2.isEmpty() && gpu2 != gpu)
        gpus.insert(gpus.end(), static_cast<std::size_t>(std::max(1, gpu2Count)), gpu2.toStdString());
    return toRequestInputs(gpus);
}

std::optional<QString> GuiInputs::takeRequest(const RequestInputs &in)
{
    if (!in.model.empty())
        model = QString::fromStdString(in.model);
    quant = QString::fromStdString(in.quant);
    engine = QString::fromStdString(in.engine);
    engineVersion = QString::fromStdString(in.engineVersion);
    ctx = in.ctx;
    parallel = in.parallel.value_or(0);
    kvType = QString::fromStdString(in.kvType);
    flashAttn = in.flashAttn;
    vision = in.vision;
    ramGiB = in.hostRam ? toGiB(*in.hostRam) : 0.0;
    if (in.gpus.empty())
        return std::nullopt;
    const DeviceChoice &first = in.gpus.front();
    if (const CustomDevice *c = first.custom()) {
        gpu = QStringLiteral("custom");
        customGiB = toGiB(c->capacity);
    } else {
        gpu = QString::fromStdString(*first.catalogId());
    }
    gpuCount = 0;
    gpu2.clear();
    gpu2Count = 1;
    const DeviceChoice *second = nullptr;
    int secondCount = 0;
    for (const DeviceChoice &d : in.gpus) {
        if (d == first) {
            ++gpuCount;
        } else if (!second || d == *second) {
            if (!d.catalogId())
                return QStringLiteral("--gpu: the window takes a custom capacity only as the first card");
            second = &d;
            ++secondCount;
        } else {
            return QStringLiteral("--gpu: the window takes at most two different cards");
        }
    }
    if (second) {
        gpu2 = QString::fromStdString(*second->catalogId());
        gpu2Count = secondCount;
    }
    if (in.gpuCount)
        gpuCount = static_cast<int>(*in.gpuCount);
    if (gpuCount > 8 || gpu2Count > 8)
        return QStringLiteral("--gpus: the window takes 1 to 8 cards of a kind");
    return std::nullopt;
}

} // namespace headroom::gui
