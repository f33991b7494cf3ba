// SPDX-License-Identifier: GPL-3.0-or-later
#include "this_computer.h"

#include "texts.h"

#include <headroom/probe/detected_device_choices.h>
#include <headroom/probe/system_detect.h>

#include <QThread>

namespace headroom::gui {
namespace {

using namespace headroom::probe;

/** Which figure a total is, in the words the driver and kernel use, so a user can look it up. */
QString figureName(MemoryFigure f)
{
    switch (f) {
    case MemoryFigure::Vram: return ThisComputer::tr("VRAM");
    case MemoryFigure::GttTotal: return ThisComputer::tr("GTT (shared system RAM)");
    case MemoryFigure::TtmPagesLimit: return ThisComputer::tr("TTM limit (shared system RAM)");
    case MemoryFigure::GttSizeParameter: return ThisComputer::tr("amdgpu.gttsize (shared system RAM)");
    case MemoryFigure::SystemRam: return ThisComputer::tr("unified memory (system RAM)");
    case MemoryFigure::PhysicalMemory: return ThisComputer::tr("unified memory");
    }
    return {};
}

QString sourceName(ProbeSource s)
{
    switch (s) {
    case ProbeSource::Nvml: return QStringLiteral("NVML");
    case ProbeSource::NvidiaSmi: return QStringLiteral("nvidia-smi");
    case ProbeSource::Sysfs: return QStringLiteral("sysfs");
    case ProbeSource::RocmSmi: return QStringLiteral("rocm-smi");
    case ProbeSource::Sysctl: return QStringLiteral("sysctl");
    }
    return {};
}

QString deviceName(const DetectedDevice &d)
{
    if (!d.name.empty())
        return QString::fromStdString(d.name);
    switch (d.vendor) {
    case DeviceVendor::Nvidia: return ThisComputer::tr("NVIDIA GPU");
    case DeviceVendor::Amd: return ThisComputer::tr("AMD GPU");
    case DeviceVendor::Intel: return ThisComputer::tr("Intel GPU");
    case DeviceVendor::Apple: return ThisComputer::tr("Apple GPU");
    }
    return {};
}

QString gib(Bytes b)
{
    return Texts::gib(toGiB(b));
}

} // namespace

ThisComputer::ThisComputer(const Catalog &catalog, QObject *parent) : QObject(parent), m_catalog(catalog) {}

ThisComputer::~ThisComputer()
{
    // The worker only reads the probe and writes m_result (both shared): waiting is all it needs.
    if (m_thread)
        m_thread->wait();
}

void ThisComputer::setProbe(std::shared_ptr<const SystemProbe> probe)
{
    m_probe = std::move(probe);
    if (m_wanted)
        detect();
}

void ThisComputer::detect()
{
    m_wanted = true;
    if (m_state != State::NotStarted || !m_probe)
        return;
    m_state = State::Detecting;
    m_result = std::make_shared<Detection>();
    // Copies only: the thread must not touch anything the window may change or destroy meanwhile.
    m_thread = QThread::create(
        [probe = m_probe, hardware = m_catalog.hardware(), result = m_result] { *result = detectSystem(*probe, hardware); });
    m_thread->setObjectName(QStringLiteral("thisComputerDetection"));
    connect(m_thread, &QThread::finished, this, &ThisComputer::finish, Qt::QueuedConnection);
    m_thread->start(QThread::LowPriority);
}

void ThisComputer::waitForDetection()
{
    if (m_state != State::Detecting)
        return;
    m_thread->wait();
    finish();
}

void ThisComputer::finish()
{
    if (m_state != State::Detecting)
        return; // waitForDetection already took the result; this is the queued call arriving late
    m_detection = std::move(*m_result);
    m_result.reset();
    m_thread->deleteLater();
    m_thread = nullptr;
    m_state = State::Done;
    emit detected();
}

std::vector<DeviceChoice> ThisComputer::devices(CapacityBasis basis) const
{
    return m_state == State::Done ? deviceChoices(m_detection, m_catalog.hardware(), basis) : std::vector<DeviceChoice>{};
}

QStringList ThisComputer::summaryLines() const
{
    if (m_state == State::Detecting)
        return {tr("Detecting this computer\u2026")};
    QStringList lines;
    if (m_detection.devices.empty())
        lines << tr("No GPU detected: the estimate runs on the CPU and system RAM.");
    for (const auto &d : m_detection.devices) {
        if (d.totalBytes == 0) {
            lines << tr("%1: memory not reported, left out").arg(deviceName(d));
            continue;
        }
        QString line = tr("%1: %2 %3").arg(deviceName(d), gib(d.totalBytes), figureName(d.totalFigure));
        if (d.freeBytes)
            line += tr(", %1 free").arg(gib(*d.freeBytes));
        lines << line;
    }
    const auto &mem = m_detection.systemMemory;
    if (mem.total && mem.available)
        lines << tr("System RAM: %1, %2 available").arg(gib(*mem.total), gib(*mem.available));
    else if (mem.total)
        lines << tr("System RAM: %1").arg(gib(*mem.total));
    return lines;
}

QString ThisComputer::details() const
{
    if (m_state != State::Done)
        return {};
    QStringList lines;
    for (const auto &d : m_detection.devices) {
        QString line = tr("%1: read with %2").arg(deviceName(d), sourceName(d.source));
        if (d.unifiedMemory && d.vramBytes && d.totalFigure != MemoryFigure::Vram)
            line += tr("; the %1 VRAM carve-out is not what it can use").arg(gib(*d.vramBytes));
        if (d.wiredLimitBytes)
            line += tr("; GPU wired limit (iogpu.wired_limit_mb) %1").arg(gib(*d.wiredLimitBytes));
        if (const Hardware *h = detectedEntry(d, m_catalog.hardware()))
            line += catalogEntryStandsFor(d, m_catalog.hardware(), CapacityBasis::Total)
                        ? tr("; catalog entry: %1").arg(QString::fromStdString(h->name))
                        : tr("; sized as a custom device with the bandwidth of %1").arg(QString::fromStdString(h->name));
        else
            line += tr("; not in the catalog: a custom device (no speed estimate)");
        lines << line;
    }
    if (!m_detection.notes.empty()) {
        QStringList codes;
        for (const auto &n : m_detection.notes)
            codes << QString::fromStdString(n.where);
        lines << tr("%n figure(s) could not be read (%1); headroom-cli detect shows the details.", nullptr,
                    static_cast<int>(m_detection.notes.size()))
                     .arg(codes.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace headroom::gui
