# SPDX-License-Identifier: GPL-3.0-or-later
# "This computer": probing the machine (behind SystemProbe) and turning what it reports into devices.
set(HEADROOM_PROBE_SOURCES
    headroom/probe/amd_sysfs.cpp
    headroom/probe/apple_sysctl.cpp
    headroom/probe/detected_device_choices.cpp
    headroom/probe/detected_devices.cpp
    headroom/probe/fake_probe.cpp
    headroom/probe/hardware_match.cpp
    headroom/probe/local_probe.cpp
    headroom/probe/meminfo.cpp
    headroom/probe/nvidia_smi_csv.cpp
    headroom/probe/probe_text.cpp
    headroom/probe/rocm_smi_json.cpp
    headroom/probe/system_detect.cpp
)
