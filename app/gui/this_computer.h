// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/catalog.h>
#include <headroom/device_choice.h>
#include <headroom/probe/detected_devices.h>
#include <headroom/probe/system_probe.h>

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QThread;

namespace headroom::gui {

/**
 * "This computer" in the window: detection of this machine's GPUs and RAM, run once and off the UI thread
 * (it may run nvidia-smi or rocm-smi, each allowed 5 s), through a SystemProbe that the app sets to a
 * LocalProbe and tests to a FakeProbe. Without a probe nothing is read and nothing is found.
 */
class ThisComputer : public QObject
{
    Q_OBJECT
public:
    enum class State { NotStarted, Detecting, Done };

    explicit ThisComputer(const Catalog &catalog, QObject *parent = nullptr);
    ~ThisComputer() override;

    /** Where detection reads from. A detection asked for before a probe was set starts now. */
    void setProbe(std::shared_ptr<const probe::SystemProbe> probe);
    /** Starts detection unless it has run or is running; detected() follows on the UI thread. */
    void detect();
    /** Blocks until a running detection is done (screenshots and tests; the window never calls it). */
    void waitForDetection();

    [[nodiscard]] State state() const { return m_state; }
    /** What was found; empty until state() is Done. */
    [[nodiscard]] const probe::Detection &detection() const { return m_detection; }
    /** The request's devices for "This computer" (probe::deviceChoices); empty before detection or without a GPU. */
    [[nodiscard]] std::vector<DeviceChoice> devices(probe::CapacityBasis basis) const;

    /** One line per device and one for system RAM: the figures and which figure each is (translated). */
    [[nodiscard]] QStringList summaryLines() const;
    /** Details for a tooltip: where each figure was read, the catalog entry matched, the probe's notes as codes. */
    [[nodiscard]] QString details() const;

signals:
    void detected();

private:
    void finish();

    const Catalog &m_catalog;
    std::shared_ptr<const probe::SystemProbe> m_probe;
    State m_state = State::NotStarted;
    bool m_wanted = false;
    probe::Detection m_detection;
    std::shared_ptr<probe::Detection> m_result; ///< written by the worker thread, read after it finished
    QThread *m_thread = nullptr;
};

} // namespace headroom::gui
