// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/io/model_loader.h"

#include "headroom/io/gguf_model.h"
#include "headroom/io/gguf_split.h"
#include "headroom/io/hf_model.h"

#include <algorithm>
#include <fstream>

namespace headroom::io {
namespace {

bool hasGgufMagic(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    return in.read(magic, 4) && std::equal(magic, magic + 4, "GGUF");
}

std::variant<FileModel, IoError> fromGguf(const std::filesystem::path &path)
{
    auto file = readGgufModel(path);
    if (auto *e = std::get_if<IoError>(&file))
        return *e;
    auto model = ggufToModel(std::get<GgufFile>(file));
    if (auto *e = std::get_if<IoError>(&model))
        return *e;
    auto &g = std::get<GgufModel>(model);
    FileModel out;
    out.spec = std::move(g.spec);
    out.inventory = std::move(g.inventory);
    out.quant = std::move(g.quant);
    out.format = WeightFormat::Gguf;
    out.path = path.string();
    return out;
}

std::variant<FileModel, IoError> fromHfFolder(const std::filesystem::path &dir)
{
    auto hf = readHfFolder(dir);
    if (auto *e = std::get_if<IoError>(&hf))
        return *e;
    auto &h = std::get<HfModel>(hf);
    FileModel out;
    out.spec = std::move(h.spec);
    out.inventory = std::move(h.inventory);
    out.quant = std::move(h.quant);
    out.format = out.quant.rfind("mlx-", 0) == 0 ? WeightFormat::Mlx : WeightFormat::Safetensors;
    out.path = dir.string();
    return out;
}

} // namespace

bool looksLikePath(const std::string &key)
{
    std::error_code ec;
    if (key.find('/') == std::string::npos && key.find('\\') == std::string::npos && key.find(".gguf") == std::string::npos &&
        key.find(".json") == std::string::npos)
        return false; // "deepseek-r1:7b", "qwen3-8b"
    if (std::filesystem::exists(key, ec))
        return true;
    const auto ends = [&](std::string_view tail) {
        return key.size() >= tail.size() && key.compare(key.size() - tail.size(), tail.size(), tail) == 0;
    };
    return ends(".gguf") || ends("config.json") || ends(".safetensors") || key.rfind("./", 0) == 0 || key.rfind("/", 0) == 0 ||
           key.rfind("~", 0) == 0;
}

std::variant<FileModel, IoError> loadModelPath(const std::filesystem::path &path)
{
    std::error_code ec;
    const std::string name = path.string();
    if (std::filesystem::is_directory(path, ec)) {
        if (std::filesystem::is_regular_file(path / "config.json", ec))
            return fromHfFolder(path);
        std::vector<std::filesystem::path> ggufs;
        for (const auto &entry : std::filesystem::directory_iterator(path, ec))
            if (entry.path().extension() == ".gguf" && entry.is_regular_file(ec))
                ggufs.push_back(entry.path());
        std::sort(ggufs.begin(), ggufs.end());
        if (ggufs.empty())
            return IoError{IoError::Code::UnknownFormat, name, 0, "folder has neither config.json nor .gguf files"};
        return fromGguf(ggufs.front());
    }
    if (!std::filesystem::exists(path, ec))
        return IoError{IoError::Code::CannotOpen, name, 0, "no such file"};
    if (path.filename() == "config.json")
        return fromHfFolder(path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path());
    if (path.extension() == ".gguf" || hasGgufMagic(path))
        return fromGguf(path);
    if (path.extension() == ".safetensors") {
        const auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
        if (std::filesystem::is_regular_file(dir / "config.json", ec))
            return fromHfFolder(dir);
        return IoError{IoError::Code::UnknownFormat, name, 0, "a safetensors file needs the config.json beside it"};
    }
    return IoError{IoError::Code::UnknownFormat, name, 0, "expected a .gguf file, a config.json or a model folder"};
}

} // namespace headroom::io
