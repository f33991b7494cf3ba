// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/io/library_scan.h"

#include "headroom/io/file_access.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace headroom::io {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kMaxEntries = 100000; // stop walking a pathological tree
constexpr int kMaxDepth = 6;

std::uint64_t fileSize(const fs::path &p)
{
    std::error_code ec;
    const auto s = fs::file_size(p, ec); // follows symlinks (the HF cache links snapshots to blobs)
    return ec ? 0 : s;
}

bool endsWith(const std::string &s, std::string_view tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/** "x-00002-of-00003.gguf": true for every split but the first. */
bool isLaterSplit(const std::string &name)
{
    const auto at = name.find("-of-");
    if (at == std::string::npos || at < 6 || !endsWith(name, ".gguf"))
        return false;
    return name.compare(at - 6, 6, "-00001") != 0 && name[at - 6] == '-';
}

/** Total size of a GGUF and its split siblings. */
std::uint64_t ggufModelSize(const fs::path &first)
{
    const std::string name = first.filename().string();
    const auto at = name.find("-00001-of-");
    if (at == std::string::npos)
        return fileSize(first);
    std::uint64_t total = 0;
    std::error_code ec;
    const std::string prefix = name.substr(0, at);
    const std::string suffix = name.substr(at + 6); // -of-00003.gguf
    for (const auto &e : fs::directory_iterator(first.parent_path(), ec)) {
        const std::string n = e.path().filename().string();
        if (n.size() == name.size() && n.rfind(prefix + "-", 0) == 0 && endsWith(n, suffix))
            total += fileSize(e.path());
    }
    return total;
}

std::uint64_t safetensorsSize(const fs::path &dir)
{
    std::uint64_t total = 0;
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".safetensors")
            total += fileSize(e.path());
    return total;
}

void walk(const fs::path &root, const fs::path &dir, int depth, std::size_t &visited, Library library, std::vector<FoundModel> &out)
{
    std::error_code ec;
    if (depth > kMaxDepth)
        return;
    if (fs::is_regular_file(dir / "config.json", ec)) {
        FoundModel m;
        m.path = dir;
        m.format = WeightFormat::Safetensors;
        m.sizeBytes = safetensorsSize(dir);
        m.displayName = fs::relative(dir, root, ec).generic_string();
        if (m.displayName.empty() || m.displayName == ".")
            m.displayName = dir.filename().string();
        m.library = library;
        if (m.sizeBytes > 0)
            out.push_back(std::move(m));
    }
    std::vector<fs::path> children;
    for (const auto &e : fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec)) {
        if (++visited > kMaxEntries)
            return;
        children.push_back(e.path());
    }
    std::sort(children.begin(), children.end());
    for (const auto &p : children) {
        const std::string name = p.filename().string();
        if (fs::is_directory(fs::symlink_status(p, ec)))
            walk(root, p, depth + 1, visited, library, out);
        else if (endsWith(name, ".gguf") && !isLaterSplit(name) && fs::is_regular_file(p, ec)) {
            FoundModel m;
            m.path = p;
            m.format = WeightFormat::Gguf;
            m.sizeBytes = ggufModelSize(p);
            m.displayName = fs::relative(p, root, ec).generic_string();
            m.library = library;
            out.push_back(std::move(m));
        }
    }
}

std::optional<std::string> readSmallFile(const fs::path &p, std::uint64_t cap)
{
    auto text = readTextFile(p, cap);
    if (auto *s = std::get_if<std::string>(&text))
        return std::move(*s);
    return std::nullopt;
}

bool isHex(const std::string &s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

} // namespace

const char *libraryName(Library l)
{
    switch (l) {
    case Library::Ollama: return "ollama";
    case Library::LmStudio: return "lmstudio";
    case Library::HuggingFace: return "huggingface";
    case Library::Path: return "path";
    }
    return "path";
}

ScanRoots scanRootsFromEnvironment()
{
    ScanRoots r;
    const auto env = [](const char *name) -> std::optional<fs::path> {
        const char *v = std::getenv(name);
        if (!v || !*v)
            return std::nullopt;
        return fs::path(v);
    };
#ifdef _WIN32
    r.home = env("USERPROFILE").value_or(fs::path());
#else
    r.home = env("HOME").value_or(fs::path());
#endif
    r.ollamaModels = env("OLLAMA_MODELS");
    r.hfHome = env("HF_HOME");
    r.hfHubCache = env("HF_HUB_CACHE");
    return r;
}

std::vector<FoundModel> scanOllama(const fs::path &modelsDir)
{
    std::vector<FoundModel> out;
    std::error_code ec;
    const fs::path manifests = modelsDir / "manifests";
    if (!fs::is_directory(manifests, ec))
        return out;
    std::size_t visited = 0;
    // manifests/<host>/<namespace>/<model>/<tag>
    for (auto it = fs::recursive_directory_iterator(manifests, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator() && !ec; it.increment(ec)) {
        if (++visited > kMaxEntries)
            break;
        if (it.depth() > 4) {
            it.disable_recursion_pending();
            continue;
        }
        if (it.depth() != 3 || !it->is_regular_file(ec))
            continue;
        const fs::path rel = fs::relative(it->path(), manifests, ec);
        std::vector<std::string> parts;
        for (const auto &p : rel)
            parts.push_back(p.string());
        if (parts.size() != 4)
            continue;
        const auto text = readSmallFile(it->path(), 1 << 20);
        if (!text)
            continue;
        const auto j = nlohmann::json::parse(*text, nullptr, false);
        if (!j.is_object() || !j.contains("layers") || !j["layers"].is_array())
            continue;
        for (const auto &layer : j["layers"]) {
            if (!layer.is_object())
                continue;
            const auto media = layer.find("mediaType");
            const auto dig = layer.find("digest");
            if (media == layer.end() || !media->is_string() || *media != "application/vnd.ollama.image.model" || dig == layer.end() ||
                !dig->is_string())
                continue;
            const std::string digest = dig->get<std::string>();
            if (digest.rfind("sha256:", 0) != 0 || !isHex(digest.substr(7)))
                continue;
            const fs::path blob = modelsDir / "blobs" / ("sha256-" + digest.substr(7));
            if (!fs::is_regular_file(blob, ec))
                continue;
            FoundModel m;
            const std::string &host = parts[0];
            const std::string &ns = parts[1];
            std::string name = parts[2] + ":" + parts[3];
            if (host == "registry.ollama.ai")
                m.ollamaTag = ns == "library" ? name : ns + "/" + name;
            else
                m.ollamaTag = host + "/" + ns + "/" + name;
            m.displayName = m.ollamaTag;
            m.path = blob;
            m.format = WeightFormat::Gguf;
            m.sizeBytes = fileSize(blob);
            m.library = Library::Ollama;
            out.push_back(std::move(m));
            break;
        }
    }
    std::sort(out.begin(), out.end(), [](const FoundModel &a, const FoundModel &b) { return a.displayName < b.displayName; });
    return out;
}

std::vector<FoundModel> scanHfCache(const fs::path &hub)
{
    std::vector<FoundModel> out;
    std::error_code ec;
    std::vector<fs::path> repos;
    for (const auto &e : fs::directory_iterator(hub, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("models--", 0) == 0 && e.is_directory(ec))
            repos.push_back(e.path());
        if (repos.size() > kMaxEntries)
            break;
    }
    std::sort(repos.begin(), repos.end());
    for (const auto &repo : repos) {
        // models--org--name → org/name
        std::string id = repo.filename().string().substr(8);
        // (Erase and assign rather than replace(at, 2, "/"): GCC 12 reports a false -Wrestrict on that at -O3.)
        if (const auto at = id.find("--"); at != std::string::npos) {
            id.erase(at + 1, 1);
            id[at] = '/';
        }
        fs::path snapshot;
        if (const auto ref = readSmallFile(repo / "refs" / "main", 256)) {
            std::string rev = *ref;
            while (!rev.empty() && (rev.back() == '\n' || rev.back() == '\r' || rev.back() == ' '))
                rev.pop_back();
            if (isHex(rev) && fs::is_directory(repo / "snapshots" / rev, ec))
                snapshot = repo / "snapshots" / rev;
        }
        if (snapshot.empty()) {
            std::vector<fs::path> snaps;
            for (const auto &e : fs::directory_iterator(repo / "snapshots", ec))
                if (e.is_directory(ec))
                    snaps.push_back(e.path());
            if (snaps.empty())
                continue;
            std::sort(snaps.begin(), snaps.end());
            snapshot = snaps.back();
        }
        std::vector<FoundModel> found;
        std::size_t visited = 0;
        walk(snapshot, snapshot, 0, visited, Library::HuggingFace, found);
        for (auto &m : found) {
            m.hfRepo = id;
            m.displayName = m.format == WeightFormat::Gguf ? id + "/" + m.displayName : id;
            out.push_back(std::move(m));
        }
    }
    return out;
}

std::vector<FoundModel> scanPath(const fs::path &path)
{
    std::vector<FoundModel> out;
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
        FoundModel m;
        m.path = path;
        m.displayName = path.filename().string();
        m.format = path.extension() == ".gguf" ? WeightFormat::Gguf : WeightFormat::Safetensors;
        m.sizeBytes = m.format == WeightFormat::Gguf ? ggufModelSize(path) : fileSize(path);
        m.library = Library::Path;
        out.push_back(std::move(m));
        return out;
    }
    if (!fs::is_directory(path, ec))
        return out;
    std::size_t visited = 0;
    walk(path, path, 0, visited, Library::Path, out);
    return out;
}

std::vector<FoundModel> scanLibraries(const ScanRoots &roots)
{
    std::vector<FoundModel> out;
    const auto append = [&](std::vector<FoundModel> v) {
        for (auto &m : v)
            out.push_back(std::move(m));
    };
    std::error_code ec;
    const fs::path ollama = roots.ollamaModels.value_or(roots.home / ".ollama" / "models");
    if (!ollama.empty())
        append(scanOllama(ollama));
    std::vector<fs::path> lmStudio;
    if (roots.lmStudioModels)
        lmStudio.push_back(*roots.lmStudioModels);
    else if (!roots.home.empty())
        lmStudio = {roots.home / ".lmstudio" / "models", roots.home / ".cache" / "lm-studio" / "models"};
    for (const auto &dir : lmStudio) {
        if (!fs::is_directory(dir, ec))
            continue;
        std::vector<FoundModel> found;
        std::size_t visited = 0;
        walk(dir, dir, 0, visited, Library::LmStudio, found);
        append(std::move(found));
    }
    fs::path hub;
    if (roots.hfHubCache)
        hub = *roots.hfHubCache;
    else if (roots.hfHome)
        hub = *roots.hfHome / "hub";
    else if (!roots.home.empty())
        hub = roots.home / ".cache" / "huggingface" / "hub";
    if (!hub.empty() && fs::is_directory(hub, ec))
        append(scanHfCache(hub));
    return out;
}

} // namespace headroom::io
