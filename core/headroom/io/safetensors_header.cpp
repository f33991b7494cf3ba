// SPDX-License-Identifier: GPL-3.0-or-later
// safetensors headers (huggingface/safetensors README "Format"): an 8-byte little-endian length, then a
// JSON table of dtype, shape and data_offsets per tensor. Only the header is read; the checks make the
// table agree with itself and with the file size.
#include "headroom/io/safetensors_header.h"

#include "headroom/io/bounded_json.h"
#include "headroom/io/file_access.h"
#include "headroom/units.h"

#include <algorithm>
#include <set>

namespace headroom::io {
namespace {

using nlohmann::json;

/** The header length at the start of a file of `fileSize` (≥ 8) bytes, within the cap and the file. */
std::variant<std::uint64_t, IoError> headerLength(const std::uint8_t *lengthBytes, std::uint64_t fileSize, const std::string &name)
{
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < 8; ++i)
        n |= std::uint64_t{lengthBytes[i]} << (8 * i);
    if (n > kMaxSafetensorsHeader || n > fileSize - 8)
        return IoError{n > fileSize - 8 ? IoError::Code::Truncated : IoError::Code::TooLarge, name, 0,
                       "header length " + std::to_string(n)};
    return n;
}

} // namespace

std::optional<std::uint32_t> safetensorsDtypeSize(std::string_view dtype)
{
    static const std::pair<const char *, std::uint32_t> sizes[] = {
        {"BOOL", 1}, {"U8", 1},   {"I8", 1},  {"F8_E4M3", 1}, {"F8_E5M2", 1}, {"F8_E8M0", 1}, {"I16", 2}, {"U16", 2},
        {"F16", 2},  {"BF16", 2}, {"I32", 4}, {"U32", 4},     {"F32", 4},     {"F64", 8},     {"I64", 8}, {"U64", 8},
    };
    for (const auto &[n, s] : sizes)
        if (dtype == n)
            return s;
    return std::nullopt;
}

std::variant<SafetensorsHeader, IoError> parseSafetensorsHeader(std::span<const std::uint8_t> bytes, std::uint64_t fileSize,
                                                                const std::string &name)
{
    fileSize = std::max<std::uint64_t>(fileSize, bytes.size());
    if (bytes.size() < 8)
        return IoError{IoError::Code::Truncated, name, 0, "header length"};
    const auto length = headerLength(bytes.data(), fileSize, name);
    if (const auto *e = std::get_if<IoError>(&length))
        return *e;
    const std::uint64_t n = std::get<std::uint64_t>(length);
    if (n > bytes.size() - 8)
        return IoError{IoError::Code::Truncated, name, 8, "header length " + std::to_string(n)};
    const std::string_view text(reinterpret_cast<const char *>(bytes.data() + 8), static_cast<std::size_t>(n));
    auto parsed = parseBoundedJson(text, name, 8);
    if (auto *e = std::get_if<IoError>(&parsed))
        return *e;
    const json &h = std::get<json>(parsed);
    if (!h.is_object())
        return IoError{IoError::Code::BadJson, name, 8, "header is not an object"};
    const std::uint64_t dataSize = fileSize - 8 - n;
    SafetensorsHeader out;
    out.tensors.reserve(h.size());
    for (const auto &[key, v] : h.items()) {
        if (key == "__metadata__")
            continue;
        const std::string &tensorName = key; // structured bindings cannot be captured before C++20 in clang 14
        const auto bad = [&](IoError::Code code, const std::string &what) { return IoError{code, name, 8, tensorName + ": " + what}; };
        if (!v.is_object())
            return bad(IoError::Code::BadJson, "not an object");
        const auto dtype = v.find("dtype");
        const auto shape = v.find("shape");
        const auto offsets = v.find("data_offsets");
        if (dtype == v.end() || !dtype->is_string() || shape == v.end() || !shape->is_array() || offsets == v.end() ||
            !offsets->is_array() || offsets->size() != 2 || !(*offsets)[0].is_number_unsigned() || !(*offsets)[1].is_number_unsigned())
            return bad(IoError::Code::BadJson, "needs dtype, shape and data_offsets [begin, end]");
        SafetensorsTensor t;
        t.name = key;
        t.dtype = dtype->get<std::string>();
        const auto size = safetensorsDtypeSize(t.dtype);
        if (!size)
            return bad(IoError::Code::BadValueType, "dtype " + t.dtype);
        if (shape->size() > 8)
            return bad(IoError::Code::BadTensorInfo, "more than 8 dimensions");
        std::uint64_t elements = 1;
        for (const auto &d : *shape) {
            if (!d.is_number_unsigned())
                return bad(IoError::Code::BadTensorInfo, "shape");
            t.shape.push_back(d.get<std::uint64_t>());
            const auto p = checkedMul(elements, t.shape.back());
            if (!p)
                return bad(IoError::Code::BadTensorInfo, "element count overflows");
            elements = *p;
        }
        t.begin = (*offsets)[0].get<std::uint64_t>();
        t.end = (*offsets)[1].get<std::uint64_t>();
        if (t.end < t.begin || t.end > dataSize)
            return bad(IoError::Code::TensorOutOfBounds, "data_offsets [" + std::to_string(t.begin) + ", " + std::to_string(t.end) +
                                                             "], data " + std::to_string(dataSize) + " bytes");
        const auto expected = checkedMul(elements, *size);
        if (!expected || *expected != t.end - t.begin)
            return bad(IoError::Code::BadTensorInfo, "data_offsets do not match shape and dtype");
        out.parameters += elements;
        out.dataBytes += t.end - t.begin;
        out.bytesPerDtype[t.dtype] += t.end - t.begin;
        out.parametersPerDtype[t.dtype] += elements;
        out.tensors.push_back(std::move(t));
    }
    return out;
}

std::variant<SafetensorsHeader, IoError> readSafetensorsFile(const std::filesystem::path &path)
{
    auto opened = openRegularFile(path);
    if (const auto *e = std::get_if<IoError>(&opened))
        return *e;
    auto &[in, size] = std::get<OpenFile>(opened);
    const std::string name = path.string();
    std::uint8_t lengthBytes[8] = {};
    if (!in.read(reinterpret_cast<char *>(lengthBytes), 8))
        return IoError{IoError::Code::Truncated, name, 0, "header length"};
    const auto length = headerLength(lengthBytes, size, name);
    if (const auto *e = std::get_if<IoError>(&length))
        return *e;
    const std::uint64_t n = std::get<std::uint64_t>(length);
    std::vector<std::uint8_t> buf(static_cast<std::size_t>(8 + n));
    std::copy(std::begin(lengthBytes), std::end(lengthBytes), buf.begin());
    if (!in.read(reinterpret_cast<char *>(buf.data() + 8), static_cast<std::streamsize>(n)))
        return IoError{IoError::Code::Truncated, name, 8, "header"};
    return parseSafetensorsHeader(buf, size, name);
}

std::variant<SafetensorsHeader, IoError> readSafetensorsFolder(const std::filesystem::path &dir)
{
    std::vector<std::filesystem::path> shards;
    std::error_code ec;
    const auto index = dir / "model.safetensors.index.json";
    if (std::filesystem::is_regular_file(index, ec)) {
        auto text = readTextFile(index, kMaxConfigJson);
        if (auto *e = std::get_if<IoError>(&text))
            return *e;
        auto parsed = parseBoundedJson(std::get<std::string>(text), index.string(), 0);
        if (auto *e = std::get_if<IoError>(&parsed))
            return *e;
        const json &j = std::get<json>(parsed);
        const auto map = j.is_object() ? j.find("weight_map") : j.end();
        if (!j.is_object() || map == j.end() || !map->is_object())
            return IoError{IoError::Code::BadJson, index.string(), 0, "weight_map"};
        std::set<std::string> files;
        for (const auto &[tensor, file] : map->items()) {
            if (!file.is_string())
                return IoError{IoError::Code::BadJson, index.string(), 0, "weight_map." + tensor};
            const auto f = file.get<std::string>();
            // A shard is a plain file name next to the index: no paths out of the folder.
            if (f.empty() || f.find('/') != std::string::npos || f.find('\\') != std::string::npos || f == "." || f == "..")
                return IoError{IoError::Code::BadJson, index.string(), 0, "shard name " + f};
            files.insert(f);
        }
        if (files.size() > 10000)
            return IoError{IoError::Code::TooLarge, index.string(), 0, std::to_string(files.size()) + " shards"};
        for (const auto &f : files)
            shards.push_back(dir / f);
    } else {
        for (const auto &entry : std::filesystem::directory_iterator(dir, ec)) {
            if (entry.path().extension() == ".safetensors" && entry.is_regular_file(ec))
                shards.push_back(entry.path());
            if (shards.size() > 10000)
                break;
        }
        std::sort(shards.begin(), shards.end());
    }
    SafetensorsHeader merged;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        auto part = readSafetensorsFile(shards[i]);
        if (auto *e = std::get_if<IoError>(&part))
            return *e;
        auto &h = std::get<SafetensorsHeader>(part);
        for (auto &t : h.tensors) {
            t.shard = static_cast<std::uint32_t>(i);
            merged.tensors.push_back(std::move(t));
        }
        merged.parameters += h.parameters;
        merged.dataBytes += h.dataBytes;
        for (const auto &[k, v] : h.bytesPerDtype)
            merged.bytesPerDtype[k] += v;
        for (const auto &[k, v] : h.parametersPerDtype)
            merged.parametersPerDtype[k] += v;
    }
    return merged;
}

} // namespace headroom::io
