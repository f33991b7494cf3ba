// SPDX-License-Identifier: GPL-3.0-or-later
// Split GGUF models (llama.cpp tools/gguf-split): `<prefix>-NNNNN-of-MMMMM.gguf`, each file a complete
// GGUF header; the first carries the metadata and split.count / split.tensors.count, each carries split.no.
#include "headroom/io/gguf_split.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <set>
#include <string_view>

namespace headroom::io {
namespace {

struct SplitName {
    std::string prefix; ///< path up to "-00001-of-00003.gguf"
    std::uint32_t index = 0;
    std::uint32_t count = 0;
};

std::optional<std::uint32_t> fiveDigits(std::string_view s)
{
    if (s.size() != 5 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    std::uint32_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::optional<SplitName> splitName(const std::string &path)
{
    // <prefix>-NNNNN-of-MMMMM.gguf
    constexpr std::string_view tail = ".gguf";
    if (path.size() < 15 + tail.size() || path.compare(path.size() - tail.size(), tail.size(), tail) != 0)
        return std::nullopt;
    const std::string_view stem(path.data(), path.size() - tail.size());
    const std::string_view part = stem.substr(stem.size() - 15); // -00001-of-00003
    if (part[0] != '-' || part.substr(6, 4) != "-of-")
        return std::nullopt;
    const auto index = fiveDigits(part.substr(1, 5));
    const auto count = fiveDigits(part.substr(10, 5));
    if (!index || !count || *index < 1 || *count < 1 || *index > *count)
        return std::nullopt;
    return SplitName{std::string(stem.substr(0, stem.size() - 15)), *index, *count};
}

std::string splitPath(const std::string &prefix, std::uint32_t index, std::uint32_t count)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "-%05u-of-%05u.gguf", index, count);
    return prefix + buf;
}

} // namespace

std::variant<GgufFile, IoError> readGgufModel(const std::filesystem::path &path)
{
    const auto split = splitName(path.string());
    if (!split || split->count == 1)
        return readGgufFile(path);
    if (split->count > 1000)
        return IoError{IoError::Code::BadSplit, path.string(), 0, "split count " + std::to_string(split->count)};
    const std::string firstPath = splitPath(split->prefix, 1, split->count);
    auto first = readGgufFile(firstPath);
    if (auto *e = std::get_if<IoError>(&first)) {
        if (e->code == IoError::Code::CannotOpen)
            e->code = IoError::Code::BadSplit;
        return first;
    }
    auto &merged = std::get<GgufFile>(first);
    if (merged.splitCount != split->count && merged.find("split.count"))
        return IoError{IoError::Code::BadSplit, firstPath, 0,
                       "split.count " + std::to_string(merged.splitCount) + " but file name says " + std::to_string(split->count)};
    merged.splitCount = split->count;
    std::set<std::string> names;
    for (const auto &t : merged.tensors)
        names.insert(t.name);
    for (std::uint32_t i = 2; i <= split->count; ++i) {
        const std::string p = splitPath(split->prefix, i, split->count);
        auto part = readGgufFile(p);
        if (auto *e = std::get_if<IoError>(&part)) {
            if (e->code == IoError::Code::CannotOpen)
                e->code = IoError::Code::BadSplit;
            return *e;
        }
        auto &f = std::get<GgufFile>(part);
        if (const auto *no = f.find("split.no"); no && no->asUnsigned() && *no->asUnsigned() != i - 1)
            return IoError{IoError::Code::BadSplit, p, 0, "split.no " + std::to_string(*no->asUnsigned())};
        for (auto &t : f.tensors) {
            if (!names.insert(t.name).second)
                return IoError{IoError::Code::BadSplit, p, 0, "tensor " + t.name + " in two splits"};
            t.split = i - 1;
            merged.tensors.push_back(std::move(t));
        }
        merged.tensorBytes += f.tensorBytes;
        merged.fileSize += f.fileSize;
    }
    if (const auto *n = merged.find("split.tensors.count"); n && n->asUnsigned() && *n->asUnsigned() != merged.tensors.size())
        return IoError{IoError::Code::BadSplit, firstPath, 0,
                       "split.tensors.count " + std::to_string(*n->asUnsigned()) + " but found " + std::to_string(merged.tensors.size())};
    return merged;
}

} // namespace headroom::io
