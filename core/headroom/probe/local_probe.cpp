// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/probe/local_probe.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#define HEADROOM_PROBE_POSIX 1
#include <dlfcn.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
extern char **environ;
#endif

namespace headroom::probe {

namespace {
constexpr std::size_t kMaxRead = 1 << 20; // sysfs files and command outputs are small; a huge one is not ours
} // namespace

std::optional<std::string> LocalProbe::readFile(const std::string &path) const
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::string text;
    char buf[4096];
    while (text.size() < kMaxRead && in.read(buf, sizeof buf).gcount() > 0)
        text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (in.bad())
        return std::nullopt;
    return text;
}

std::vector<std::string> LocalProbe::listDirectory(const std::string &path) const
{
    std::vector<std::string> names;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<CommandResult> LocalProbe::run(const std::vector<std::string> &argv) const
{
#ifdef HEADROOM_PROBE_POSIX
    if (argv.empty())
        return std::nullopt;
    int out[2];
    if (pipe(out) != 0)
        return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, out[1]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<char *> args;
    for (const auto &a : argv)
        args.push_back(const_cast<char *>(a.c_str())); // posix_spawn's signature; it does not write them
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (spawned != 0) {
        close(out[0]);
        return std::nullopt;
    }
    CommandResult result;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    bool timedOut = false;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timedOut = true;
            break;
        }
        pollfd p{out[0], POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(left.count())) <= 0)
            continue;
        char buf[4096];
        const ssize_t n = read(out[0], buf, sizeof buf);
        if (n <= 0)
            break;
        if (result.out.size() < kMaxRead)
            result.out.append(buf, static_cast<std::size_t>(n));
    }
    close(out[0]);
    if (timedOut)
        kill(pid, SIGKILL);
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
        return std::nullopt;
    // posix_spawnp reports a missing program as exit 127 from the child on some systems.
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && result.out.empty())
        return std::nullopt;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
#else
    (void)argv;
    return std::nullopt;
#endif
}

NvmlReading LocalProbe::nvml() const
{
    NvmlReading reading;
#ifdef HEADROOM_PROBE_POSIX
    // Declarations as in nvml.h (NVML API reference); nvmlDevice_t is an opaque pointer.
    using Device = void *;
    struct Memory {
        unsigned long long total, free, used;
    };
    using InitFn = int (*)();
    using CountFn = int (*)(unsigned int *);
    using HandleFn = int (*)(unsigned int, Device *);
    using NameFn = int (*)(Device, char *, unsigned int);
    using MemoryFn = int (*)(Device, Memory *);

    void *lib = dlopen("libnvidia-ml.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return reading;
    auto sym = [lib](const char *name) { return dlsym(lib, name); };
    const auto init = reinterpret_cast<InitFn>(sym("nvmlInit_v2"));
    const auto shutdown = reinterpret_cast<InitFn>(sym("nvmlShutdown"));
    const auto count = reinterpret_cast<CountFn>(sym("nvmlDeviceGetCount_v2"));
    const auto handle = reinterpret_cast<HandleFn>(sym("nvmlDeviceGetHandleByIndex_v2"));
    const auto name = reinterpret_cast<NameFn>(sym("nvmlDeviceGetName"));
    const auto memory = reinterpret_cast<MemoryFn>(sym("nvmlDeviceGetMemoryInfo"));
    reading.status = NvmlReading::Status::Failed;
    if (!init || !count || !handle || !name || !memory) {
        reading.errorCode = -1; // a library without the v2 entry points
        dlclose(lib);
        return reading;
    }
    if (const int rc = init(); rc != 0) {
        reading.errorCode = rc;
        dlclose(lib);
        return reading;
    }
    unsigned int n = 0;
    if (const int rc = count(&n); rc != 0) {
        reading.errorCode = rc;
    } else {
        reading.status = NvmlReading::Status::Ok;
        for (unsigned int i = 0; i < n && i < 64; ++i) {
            Device dev = nullptr;
            if (handle(i, &dev) != 0)
                continue;
            NvmlGpu gpu;
            char buf[96] = {}; // NVML_DEVICE_NAME_V2_BUFFER_SIZE
            if (name(dev, buf, sizeof buf) == 0)
                gpu.name = std::string(buf, strnlen(buf, sizeof buf));
            Memory m{};
            // DGX Spark's GB10 reports no memory here (rossumai/nvgpu PR #37): memory stays empty.
            if (memory(dev, &m) == 0)
                gpu.memory = NvmlGpu::Memory{m.total, m.free, m.used};
            reading.gpus.push_back(std::move(gpu));
        }
    }
    if (shutdown)
        shutdown();
    dlclose(lib);
#endif
    return reading;
}

} // namespace headroom::probe
