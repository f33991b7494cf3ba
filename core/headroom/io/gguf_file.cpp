// SPDX-License-Identifier: GPL-3.0-or-later
// GGUF container: the key/value table and the tensor infos. Layout: ggml-org/ggml docs/gguf.md and
// src/gguf.cpp (gguf_init_from_file_impl). Every count and length read from the file is bounded by the
// bytes left in the file and by a cap before anything is allocated; tensor data is never read.
#include "headroom/io/gguf_file.h"

#include "headroom/ggml_type.h"
#include "headroom/io/file_access.h"
#include "headroom/units.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <set>

namespace headroom::io {
namespace {

/** Buffered little-endian reader over a byte source of known size. */
class Reader
{
public:
    using Fill = std::function<std::size_t(std::uint64_t offset, std::uint8_t *dst, std::size_t n)>;

    Reader(Fill fill, std::uint64_t readable, std::uint64_t fileSize, std::string name)
        : m_fill(std::move(fill)), m_readable(readable), m_fileSize(fileSize), m_name(std::move(name))
    {
    }

    [[nodiscard]] std::uint64_t pos() const { return m_pos; }
    [[nodiscard]] std::uint64_t remaining() const { return m_fileSize > m_pos ? m_fileSize - m_pos : 0; }
    [[nodiscard]] const std::string &name() const { return m_name; }

    void read(void *dst, std::size_t n, const char *what)
    {
        auto *out = static_cast<std::uint8_t *>(dst);
        const std::uint64_t start = m_pos;
        while (n > 0) {
            if (m_pos < m_bufStart || m_pos >= m_bufStart + m_bufLen)
                refill(start, what);
            const auto at = static_cast<std::size_t>(m_pos - m_bufStart);
            const std::size_t take = std::min(n, m_bufLen - at);
            std::memcpy(out, m_buf.data() + at, take);
            out += take;
            n -= take;
            m_pos += take;
        }
    }

    void skip(std::uint64_t n, const char *what)
    {
        if (n > m_readable - std::min(m_pos, m_readable))
            throwIoError(IoError::Code::Truncated, m_name, m_pos, what);
        m_pos += n;
    }

    template <typename T>
    T get(const char *what)
    {
        std::uint8_t raw[sizeof(T)];
        read(raw, sizeof(T), what);
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < sizeof(T); ++i)
            v |= std::uint64_t{raw[i]} << (8 * i);
        if constexpr (std::is_same_v<T, float>) {
            const auto bits = static_cast<std::uint32_t>(v);
            float f = 0;
            std::memcpy(&f, &bits, sizeof f);
            return f;
        } else if constexpr (std::is_same_v<T, double>) {
            double d = 0;
            std::memcpy(&d, &v, sizeof d);
            return d;
        } else {
            return static_cast<T>(v);
        }
    }

    std::string string(std::uint64_t cap, const char *what)
    {
        const std::uint64_t at = m_pos;
        const auto len = get<std::uint64_t>(what);
        if (len > cap || len > remaining())
            throwIoError(len > remaining() ? IoError::Code::Truncated : IoError::Code::TooLarge, m_name, at,
                         std::string(what) + " length " + std::to_string(len));
        std::string s(static_cast<std::size_t>(len), '\0');
        read(s.data(), s.size(), what);
        return s;
    }

    void skipString(std::uint64_t cap, const char *what)
    {
        const std::uint64_t at = m_pos;
        const auto len = get<std::uint64_t>(what);
        if (len > cap || len > remaining())
            throwIoError(len > remaining() ? IoError::Code::Truncated : IoError::Code::TooLarge, m_name, at,
                         std::string(what) + " length " + std::to_string(len));
        skip(len, what);
    }

private:
    void refill(std::uint64_t fieldStart, const char *what)
    {
        if (m_pos >= m_readable)
            throwIoError(IoError::Code::Truncated, m_name, fieldStart, what);
        const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(m_buf.size(), m_readable - m_pos));
        m_bufStart = m_pos;
        m_bufLen = m_fill(m_pos, m_buf.data(), want);
        if (m_bufLen == 0)
            throwIoError(IoError::Code::Truncated, m_name, fieldStart, what);
    }

    Fill m_fill;
    std::uint64_t m_readable;
    std::uint64_t m_fileSize;
    std::string m_name;
    std::uint64_t m_pos = 0;
    std::vector<std::uint8_t> m_buf = std::vector<std::uint8_t>(64 * 1024);
    std::uint64_t m_bufStart = 0;
    std::size_t m_bufLen = 0;
};

/** Bytes one element of `t` takes at least (strings: their 8-byte length); 0 for invalid types. */
std::uint64_t minElementSize(GgufValueType t)
{
    switch (t) {
    case GgufValueType::Uint8:
    case GgufValueType::Int8:
    case GgufValueType::Bool: return 1;
    case GgufValueType::Uint16:
    case GgufValueType::Int16: return 2;
    case GgufValueType::Uint32:
    case GgufValueType::Int32:
    case GgufValueType::Float32: return 4;
    case GgufValueType::Uint64:
    case GgufValueType::Int64:
    case GgufValueType::Float64: return 8;
    case GgufValueType::String: return 8;
    case GgufValueType::Array: return 12;
    }
    return 0;
}

bool validValueType(std::uint32_t raw)
{
    return raw <= static_cast<std::uint32_t>(GgufValueType::Float64);
}

GgufValue readScalar(Reader &r, GgufValueType type)
{
    GgufValue v;
    v.type = type;
    switch (type) {
    case GgufValueType::Uint8: v.u = r.get<std::uint8_t>("uint8"); break;
    case GgufValueType::Bool: v.u = r.get<std::uint8_t>("bool") != 0 ? 1 : 0; break;
    case GgufValueType::Int8: v.i = static_cast<std::int8_t>(r.get<std::uint8_t>("int8")); break;
    case GgufValueType::Uint16: v.u = r.get<std::uint16_t>("uint16"); break;
    case GgufValueType::Int16: v.i = static_cast<std::int16_t>(r.get<std::uint16_t>("int16")); break;
    case GgufValueType::Uint32: v.u = r.get<std::uint32_t>("uint32"); break;
    case GgufValueType::Int32: v.i = static_cast<std::int32_t>(r.get<std::uint32_t>("int32")); break;
    case GgufValueType::Uint64: v.u = r.get<std::uint64_t>("uint64"); break;
    case GgufValueType::Int64: v.i = static_cast<std::int64_t>(r.get<std::uint64_t>("int64")); break;
    case GgufValueType::Float32: v.f = static_cast<double>(r.get<float>("float32")); break;
    case GgufValueType::Float64: v.f = r.get<double>("float64"); break;
    case GgufValueType::String: v.s = r.string(kMaxGgufString, "string value"); break;
    case GgufValueType::Array: break; // handled by the caller
    }
    return v;
}

GgufValue readValue(Reader &r, GgufValueType type, const std::string &key)
{
    if (type != GgufValueType::Array)
        return readScalar(r, type);
    GgufValue v;
    v.type = GgufValueType::Array;
    const std::uint64_t typeAt = r.pos();
    const auto rawType = r.get<std::uint32_t>("array type");
    if (rawType == static_cast<std::uint32_t>(GgufValueType::Array))
        throwIoError(IoError::Code::NestedArray, r.name(), typeAt, key);
    if (!validValueType(rawType))
        throwIoError(IoError::Code::BadValueType, r.name(), typeAt, key + ": array type " + std::to_string(rawType));
    v.arrayType = static_cast<GgufValueType>(rawType);
    const std::uint64_t countAt = r.pos();
    v.arrayCount = r.get<std::uint64_t>("array count");
    const std::uint64_t minSize = minElementSize(v.arrayType);
    if (v.arrayCount > (1ULL << 24) || v.arrayCount > r.remaining() / minSize)
        throwIoError(IoError::Code::TooLarge, r.name(), countAt, key + ": array count " + std::to_string(v.arrayCount));
    const std::uint64_t kept = std::min(v.arrayCount, kMaxKeptArrayItems);
    v.items.reserve(static_cast<std::size_t>(kept));
    for (std::uint64_t i = 0; i < kept; ++i)
        v.items.push_back(readScalar(r, v.arrayType));
    const std::uint64_t rest = v.arrayCount - kept;
    if (rest == 0)
        return v;
    if (v.arrayType == GgufValueType::String) {
        for (std::uint64_t i = 0; i < rest; ++i)
            r.skipString(kMaxGgufString, "array string");
    } else {
        r.skip(rest * minSize, "array data");
    }
    return v;
}

bool isPowerOfTwo(std::uint64_t v)
{
    return v != 0 && (v & (v - 1)) == 0;
}

std::variant<GgufFile, IoError> parse(Reader &r, std::uint64_t fileSize)
{
    try {
        GgufFile f;
        f.path = r.name();
        f.fileSize = fileSize;
        char magic[4];
        r.read(magic, 4, "magic");
        if (std::memcmp(magic, "GGUF", 4) != 0)
            throwIoError(IoError::Code::BadMagic, r.name(), 0, std::string(magic, 4));
        f.version = r.get<std::uint32_t>("version");
        if (f.version != 2 && f.version != 3)
            throwIoError(IoError::Code::BadVersion, r.name(), 4, std::to_string(f.version));
        const auto nTensors = r.get<std::uint64_t>("tensor count");
        const auto nKv = r.get<std::uint64_t>("metadata count");
        // A tensor info takes at least 32 bytes (name length, n_dims, one dim, type, offset); a KV at least 13.
        if (nTensors > kMaxGgufTensors || nTensors > r.remaining() / 32)
            throwIoError(IoError::Code::TooLarge, r.name(), 8, "tensor count " + std::to_string(nTensors));
        if (nKv > kMaxGgufKeys || nKv > r.remaining() / 13)
            throwIoError(IoError::Code::TooLarge, r.name(), 16, "metadata count " + std::to_string(nKv));

        for (std::uint64_t i = 0; i < nKv; ++i) {
            const std::uint64_t kvAt = r.pos();
            std::string key = r.string(65535, "metadata key");
            const std::uint64_t typeAt = r.pos();
            const auto rawType = r.get<std::uint32_t>("value type");
            if (!validValueType(rawType))
                throwIoError(IoError::Code::BadValueType, r.name(), typeAt, key + ": type " + std::to_string(rawType));
            GgufValue value = readValue(r, static_cast<GgufValueType>(rawType), key);
            if (f.metadata.count(key))
                throwIoError(IoError::Code::WrongKeyType, r.name(), kvAt, "duplicate key " + key);
            if (key == "general.alignment") {
                if (value.type != GgufValueType::Uint32 || !isPowerOfTwo(value.u) || value.u > (1U << 24))
                    throwIoError(IoError::Code::BadAlignment, r.name(), typeAt, "general.alignment");
                f.alignment = static_cast<std::uint32_t>(value.u);
            }
            f.metadata.emplace(std::move(key), std::move(value));
        }

        if (nTensors > r.remaining() / 32)
            throwIoError(IoError::Code::TooLarge, r.name(), 8, "tensor count " + std::to_string(nTensors));
        std::set<std::string> names;
        std::vector<std::uint64_t> infoAt;
        f.tensors.reserve(static_cast<std::size_t>(nTensors));
        for (std::uint64_t i = 0; i < nTensors; ++i) {
            const std::uint64_t at = r.pos();
            GgufTensorInfo t;
            t.name = r.string(1024, "tensor name");
            const std::uint64_t dimsAt = r.pos();
            t.nDims = r.get<std::uint32_t>("n_dims");
            if (t.nDims < 1 || t.nDims > 4)
                throwIoError(IoError::Code::BadTensorInfo, r.name(), dimsAt, t.name + ": n_dims " + std::to_string(t.nDims));
            std::uint64_t elements = 1;
            for (std::uint32_t d = 0; d < t.nDims; ++d) {
                const std::uint64_t neAt = r.pos();
                const auto ne = static_cast<std::int64_t>(r.get<std::uint64_t>("ne"));
                if (ne < 0)
                    throwIoError(IoError::Code::BadTensorInfo, r.name(), neAt, t.name + ": ne " + std::to_string(ne));
                t.ne[d] = static_cast<std::uint64_t>(ne);
                const auto product = checkedMul(elements, t.ne[d]);
                if (!product || *product > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                    throwIoError(IoError::Code::BadTensorInfo, r.name(), neAt, t.name + ": element count overflows");
                elements = *product;
            }
            const std::uint64_t typeAt = r.pos();
            t.type = r.get<std::uint32_t>("tensor type");
            if (!ggmlTypeTraits(t.type))
                throwIoError(IoError::Code::UnknownTensorType, r.name(), typeAt, t.name + ": type " + std::to_string(t.type));
            t.offset = r.get<std::uint64_t>("tensor offset");
            const auto bytes = ggmlTensorBytes(static_cast<GgmlType>(t.type), t.ne[0], t.ne[1] * t.ne[2] * t.ne[3]);
            if (!bytes)
                throwIoError(IoError::Code::BadTensorInfo, r.name(), dimsAt,
                             t.name + ": row of " + std::to_string(t.ne[0]) + " does not fill whole blocks");
            t.bytes = *bytes;
            if (!names.insert(t.name).second)
                throwIoError(IoError::Code::BadTensorInfo, r.name(), at, "duplicate tensor " + t.name);
            infoAt.push_back(at);
            f.tensors.push_back(std::move(t));
        }

        f.dataOffset = padTo(r.pos(), f.alignment);
        if (!f.tensors.empty() && f.dataOffset > fileSize)
            throwIoError(IoError::Code::Truncated, r.name(), r.pos(), "data region starts beyond end of file");
        const std::uint64_t dataSize = fileSize - std::min(fileSize, f.dataOffset);
        for (std::size_t i = 0; i < f.tensors.size(); ++i) {
            const auto &t = f.tensors[i];
            if (t.offset % f.alignment != 0)
                throwIoError(IoError::Code::BadAlignment, r.name(), infoAt[i], t.name + ": offset " + std::to_string(t.offset));
            if (t.offset > dataSize || t.bytes > dataSize - t.offset)
                throwIoError(IoError::Code::TensorOutOfBounds, r.name(), infoAt[i],
                             t.name + ": data at " + std::to_string(f.dataOffset) + "+" + std::to_string(t.offset) + ", " +
                                 std::to_string(t.bytes) + " bytes, file " + std::to_string(fileSize) + " bytes");
            f.tensorBytes += t.bytes;
        }
        if (const auto *count = f.find("split.count"); count && count->asUnsigned())
            f.splitCount = static_cast<std::uint32_t>(std::min<std::uint64_t>(*count->asUnsigned(), 100000));
        return f;
    } catch (const IoFailure &failure) {
        return failure.error;
    }
}

} // namespace

bool GgufValue::isInteger() const
{
    switch (type) {
    case GgufValueType::Uint8:
    case GgufValueType::Int8:
    case GgufValueType::Uint16:
    case GgufValueType::Int16:
    case GgufValueType::Uint32:
    case GgufValueType::Int32:
    case GgufValueType::Uint64:
    case GgufValueType::Int64:
    case GgufValueType::Bool: return true;
    default: return false;
    }
}

std::optional<std::uint64_t> GgufValue::asUnsigned() const
{
    switch (type) {
    case GgufValueType::Uint8:
    case GgufValueType::Uint16:
    case GgufValueType::Uint32:
    case GgufValueType::Uint64:
    case GgufValueType::Bool: return u;
    case GgufValueType::Int8:
    case GgufValueType::Int16:
    case GgufValueType::Int32:
    case GgufValueType::Int64:
        if (i < 0)
            return std::nullopt;
        return static_cast<std::uint64_t>(i);
    default: return std::nullopt;
    }
}

const GgufValue *GgufFile::find(const std::string &key) const
{
    const auto it = metadata.find(key);
    return it == metadata.end() ? nullptr : &it->second;
}

std::variant<GgufFile, IoError> parseGguf(std::span<const std::uint8_t> bytes, std::uint64_t fileSize, const std::string &name)
{
    fileSize = std::max<std::uint64_t>(fileSize, bytes.size());
    Reader r(
        [bytes](std::uint64_t offset, std::uint8_t *dst, std::size_t n) -> std::size_t {
            if (offset >= bytes.size())
                return 0;
            const std::size_t take = std::min<std::size_t>(n, bytes.size() - static_cast<std::size_t>(offset));
            std::memcpy(dst, bytes.data() + offset, take);
            return take;
        },
        bytes.size(), fileSize, name);
    return parse(r, fileSize);
}

std::variant<GgufFile, IoError> readGgufFile(const std::filesystem::path &path)
{
    auto opened = openRegularFile(path);
    if (const auto *e = std::get_if<IoError>(&opened))
        return *e;
    OpenFile &file = std::get<OpenFile>(opened);
    Reader r(
        [&file](std::uint64_t offset, std::uint8_t *dst, std::size_t n) -> std::size_t {
            file.in.clear();
            file.in.seekg(static_cast<std::streamoff>(offset));
            file.in.read(reinterpret_cast<char *>(dst), static_cast<std::streamsize>(n));
            return static_cast<std::size_t>(std::max<std::streamsize>(file.in.gcount(), 0));
        },
        file.size, file.size, path.string());
    return parse(r, file.size);
}

} // namespace headroom::io
