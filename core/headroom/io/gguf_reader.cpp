// SPDX-License-Identifier: GPL-3.0-or-later
// GGUF header reader. Layout: ggml-org/ggml docs/gguf.md and src/gguf.cpp (gguf_init_from_file_impl).
// Every count and length read from the file is bounded by the bytes left in the file and by a cap
// before anything is allocated; tensor data is never read.
#include "headroom/io/gguf_reader.h"

#include "headroom/ggml_type.h"
#include "headroom/units.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <set>
#include <system_error>

namespace headroom::io {
namespace {

struct Failure {
    IoError error;
};

[[noreturn]] void fail(IoError::Code code, const std::string &file, std::uint64_t offset, std::string detail = {})
{
    throw Failure{IoError{code, file, offset, std::move(detail)}};
}

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
            fail(IoError::Code::Truncated, m_name, m_pos, what);
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
            fail(len > remaining() ? IoError::Code::Truncated : IoError::Code::TooLarge, m_name, at,
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
            fail(len > remaining() ? IoError::Code::Truncated : IoError::Code::TooLarge, m_name, at,
                 std::string(what) + " length " + std::to_string(len));
        skip(len, what);
    }

private:
    void refill(std::uint64_t fieldStart, const char *what)
    {
        if (m_pos >= m_readable)
            fail(IoError::Code::Truncated, m_name, fieldStart, what);
        const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(m_buf.size(), m_readable - m_pos));
        m_bufStart = m_pos;
        m_bufLen = m_fill(m_pos, m_buf.data(), want);
        if (m_bufLen == 0)
            fail(IoError::Code::Truncated, m_name, fieldStart, what);
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
    case GgufValueType::Uint8: case GgufValueType::Int8: case GgufValueType::Bool: return 1;
    case GgufValueType::Uint16: case GgufValueType::Int16: return 2;
    case GgufValueType::Uint32: case GgufValueType::Int32: case GgufValueType::Float32: return 4;
    case GgufValueType::Uint64: case GgufValueType::Int64: case GgufValueType::Float64: return 8;
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
        fail(IoError::Code::NestedArray, r.name(), typeAt, key);
    if (!validValueType(rawType))
        fail(IoError::Code::BadValueType, r.name(), typeAt, key + ": array type " + std::to_string(rawType));
    v.arrayType = static_cast<GgufValueType>(rawType);
    const std::uint64_t countAt = r.pos();
    v.arrayCount = r.get<std::uint64_t>("array count");
    const std::uint64_t minSize = minElementSize(v.arrayType);
    if (v.arrayCount > (1ULL << 24) || v.arrayCount > r.remaining() / minSize)
        fail(IoError::Code::TooLarge, r.name(), countAt, key + ": array count " + std::to_string(v.arrayCount));
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
            fail(IoError::Code::BadMagic, r.name(), 0, std::string(magic, 4));
        f.version = r.get<std::uint32_t>("version");
        if (f.version != 2 && f.version != 3)
            fail(IoError::Code::BadVersion, r.name(), 4, std::to_string(f.version));
        const auto nTensors = r.get<std::uint64_t>("tensor count");
        const auto nKv = r.get<std::uint64_t>("metadata count");
        // A tensor info takes at least 32 bytes (name length, n_dims, one dim, type, offset); a KV at least 13.
        if (nTensors > kMaxGgufTensors || nTensors > r.remaining() / 32)
            fail(IoError::Code::TooLarge, r.name(), 8, "tensor count " + std::to_string(nTensors));
        if (nKv > kMaxGgufKeys || nKv > r.remaining() / 13)
            fail(IoError::Code::TooLarge, r.name(), 16, "metadata count " + std::to_string(nKv));

        for (std::uint64_t i = 0; i < nKv; ++i) {
            const std::uint64_t kvAt = r.pos();
            std::string key = r.string(65535, "metadata key");
            const std::uint64_t typeAt = r.pos();
            const auto rawType = r.get<std::uint32_t>("value type");
            if (!validValueType(rawType))
                fail(IoError::Code::BadValueType, r.name(), typeAt, key + ": type " + std::to_string(rawType));
            GgufValue value = readValue(r, static_cast<GgufValueType>(rawType), key);
            if (f.metadata.count(key))
                fail(IoError::Code::WrongKeyType, r.name(), kvAt, "duplicate key " + key);
            if (key == "general.alignment") {
                if (value.type != GgufValueType::Uint32 || !isPowerOfTwo(value.u) || value.u > (1U << 24))
                    fail(IoError::Code::BadAlignment, r.name(), typeAt, "general.alignment");
                f.alignment = static_cast<std::uint32_t>(value.u);
            }
            f.metadata.emplace(std::move(key), std::move(value));
        }

        if (nTensors > r.remaining() / 32)
            fail(IoError::Code::TooLarge, r.name(), 8, "tensor count " + std::to_string(nTensors));
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
                fail(IoError::Code::BadTensorInfo, r.name(), dimsAt, t.name + ": n_dims " + std::to_string(t.nDims));
            std::uint64_t elements = 1;
            for (std::uint32_t d = 0; d < t.nDims; ++d) {
                const std::uint64_t neAt = r.pos();
                const auto ne = static_cast<std::int64_t>(r.get<std::uint64_t>("ne"));
                if (ne < 0)
                    fail(IoError::Code::BadTensorInfo, r.name(), neAt, t.name + ": ne " + std::to_string(ne));
                t.ne[d] = static_cast<std::uint64_t>(ne);
                const auto product = checkedMul(elements, t.ne[d]);
                if (!product || *product > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                    fail(IoError::Code::BadTensorInfo, r.name(), neAt, t.name + ": element count overflows");
                elements = *product;
            }
            const std::uint64_t typeAt = r.pos();
            t.type = r.get<std::uint32_t>("tensor type");
            if (!ggmlTypeTraits(t.type))
                fail(IoError::Code::UnknownTensorType, r.name(), typeAt, t.name + ": type " + std::to_string(t.type));
            t.offset = r.get<std::uint64_t>("tensor offset");
            const auto bytes = ggmlTensorBytes(static_cast<GgmlType>(t.type), t.ne[0], t.ne[1] * t.ne[2] * t.ne[3]);
            if (!bytes)
                fail(IoError::Code::BadTensorInfo, r.name(), dimsAt,
                     t.name + ": row of " + std::to_string(t.ne[0]) + " does not fill whole blocks");
            t.bytes = *bytes;
            if (!names.insert(t.name).second)
                fail(IoError::Code::BadTensorInfo, r.name(), at, "duplicate tensor " + t.name);
            infoAt.push_back(at);
            f.tensors.push_back(std::move(t));
        }

        f.dataOffset = padTo(r.pos(), f.alignment);
        if (!f.tensors.empty() && f.dataOffset > fileSize)
            fail(IoError::Code::Truncated, r.name(), r.pos(), "data region starts beyond end of file");
        const std::uint64_t dataSize = fileSize - std::min(fileSize, f.dataOffset);
        for (std::size_t i = 0; i < f.tensors.size(); ++i) {
            const auto &t = f.tensors[i];
            if (t.offset % f.alignment != 0)
                fail(IoError::Code::BadAlignment, r.name(), infoAt[i], t.name + ": offset " + std::to_string(t.offset));
            if (t.offset > dataSize || t.bytes > dataSize - t.offset)
                fail(IoError::Code::TensorOutOfBounds, r.name(), infoAt[i],
                     t.name + ": data at " + std::to_string(f.dataOffset) + "+" + std::to_string(t.offset) + ", " +
                         std::to_string(t.bytes) + " bytes, file " + std::to_string(fileSize) + " bytes");
            f.tensorBytes += t.bytes;
        }
        if (const auto *count = f.find("split.count"); count && count->asUnsigned())
            f.splitCount = static_cast<std::uint32_t>(std::min<std::uint64_t>(*count->asUnsigned(), 100000));
        return f;
    } catch (const Failure &failure) {
        return failure.error;
    }
}

} // namespace

bool GgufValue::isInteger() const
{
    switch (type) {
    case GgufValueType::Uint8: case GgufValueType::Int8: case GgufValueType::Uint16: case GgufValueType::Int16:
    case GgufValueType::Uint32: case GgufValueType::Int32: case GgufValueType::Uint64: case GgufValueType::Int64:
    case GgufValueType::Bool:
        return true;
    default: return false;
    }
}

std::optional<std::uint64_t> GgufValue::asUnsigned() const
{
    switch (type) {
    case GgufValueType::Uint8: case GgufValueType::Uint16: case GgufValueType::Uint32: case GgufValueType::Uint64:
    case GgufValueType::Bool:
        return u;
    case GgufValueType::Int8: case GgufValueType::Int16: case GgufValueType::Int32: case GgufValueType::Int64:
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

std::variant<GgufFile, IoError> parseGguf(std::span<const std::uint8_t> bytes, std::uint64_t fileSize,
                                          const std::string &name)
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
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return IoError{IoError::Code::CannotOpen, name, 0, ec ? ec.message() : "not a regular file"};
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return IoError{IoError::Code::CannotOpen, name, 0, ec.message()};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return IoError{IoError::Code::CannotOpen, name, 0, "cannot open for reading"};
    Reader r(
        [&in](std::uint64_t offset, std::uint8_t *dst, std::size_t n) -> std::size_t {
            in.clear();
            in.seekg(static_cast<std::streamoff>(offset));
            in.read(reinterpret_cast<char *>(dst), static_cast<std::streamsize>(n));
            return static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0));
        },
        size, size, name);
    return parse(r, size);
}

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
                       "split.count " + std::to_string(merged.splitCount) + " but file name says " +
                           std::to_string(split->count)};
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
                       "split.tensors.count " + std::to_string(*n->asUnsigned()) + " but found " +
                           std::to_string(merged.tensors.size())};
    return merged;
}

std::string ggufFileTypeName(std::uint32_t ftype)
{
    ftype &= ~1024U; // LLAMA_FTYPE_GUESSED
    // llama.cpp include/llama.h enum llama_ftype (4-6 and 33-35 were removed).
    switch (ftype) {
    case 0: return "F32";
    case 1: return "F16";
    case 2: return "Q4_0";
    case 3: return "Q4_1";
    case 7: return "Q8_0";
    case 8: return "Q5_0";
    case 9: return "Q5_1";
    case 10: return "Q2_K";
    case 11: return "Q3_K_S";
    case 12: return "Q3_K_M";
    case 13: return "Q3_K_L";
    case 14: return "Q4_K_S";
    case 15: return "Q4_K_M";
    case 16: return "Q5_K_S";
    case 17: return "Q5_K_M";
    case 18: return "Q6_K";
    case 19: return "IQ2_XXS";
    case 20: return "IQ2_XS";
    case 21: return "Q2_K_S";
    case 22: return "IQ3_XS";
    case 23: return "IQ3_XXS";
    case 24: return "IQ1_S";
    case 25: return "IQ4_NL";
    case 26: return "IQ3_S";
    case 27: return "IQ3_M";
    case 28: return "IQ2_S";
    case 29: return "IQ2_M";
    case 30: return "IQ4_XS";
    case 31: return "IQ1_M";
    case 32: return "BF16";
    case 36: return "TQ1_0";
    case 37: return "TQ2_0";
    case 38: return "MXFP4_MOE";
    default: return {};
    }
}

std::uint32_t slidingWindowPatternFor(const std::string &arch)
{
    if (arch == "gemma2" || arch == "gpt-oss")
        return 2;
    if (arch == "gemma3")
        return 6;
    return 0;
}

namespace {

class Meta
{
public:
    Meta(const GgufFile &f, std::string arch) : m_f(f), m_arch(std::move(arch)) {}

    /** `<arch>.<key>` as an unsigned number; arrays give their largest item. */
    std::optional<std::uint32_t> u32(const std::string &key, bool archPrefix = true) const
    {
        const std::string full = archPrefix ? m_arch + "." + key : key;
        const auto *v = m_f.find(full);
        if (!v)
            return std::nullopt;
        std::optional<std::uint64_t> value;
        if (v->type == GgufValueType::Array) {
            if (v->arrayCount == 0 || !v->items.front().isInteger())
                fail(IoError::Code::WrongKeyType, m_f.path, 0, full);
            std::uint64_t best = 0;
            for (const auto &item : v->items) {
                const auto u = item.asUnsigned();
                if (!u)
                    fail(IoError::Code::WrongKeyType, m_f.path, 0, full);
                best = std::max(best, *u);
            }
            value = best;
        } else {
            value = v->asUnsigned();
        }
        if (!value || *value > std::numeric_limits<std::uint32_t>::max())
            fail(IoError::Code::WrongKeyType, m_f.path, 0, full);
        return static_cast<std::uint32_t>(*value);
    }

    std::uint32_t required(const std::string &key) const
    {
        const auto v = u32(key);
        if (!v)
            fail(IoError::Code::MissingKey, m_f.path, 0, m_arch + "." + key);
        if (*v == 0)
            fail(IoError::Code::WrongKeyType, m_f.path, 0, m_arch + "." + key + " = 0");
        return *v;
    }

    std::string str(const std::string &key) const
    {
        const auto *v = m_f.find(key);
        if (!v)
            return {};
        if (v->type != GgufValueType::String)
            fail(IoError::Code::WrongKeyType, m_f.path, 0, key);
        return v->s;
    }

private:
    const GgufFile &m_f;
    std::string m_arch;
};

int layerOf(const std::string &name, std::uint32_t layers)
{
    if (name.find("token_embd") != std::string::npos)
        return -1;
    if (name.rfind("blk.", 0) == 0) {
        std::uint32_t n = 0;
        const char *begin = name.data() + 4;
        const char *end = name.data() + name.size();
        const auto [ptr, ec] = std::from_chars(begin, end, n);
        if (ec == std::errc() && ptr != begin && ptr < end && *ptr == '.')
            return static_cast<int>(std::min(n, layers));
    }
    return static_cast<int>(layers);
}

} // namespace

std::variant<GgufModel, IoError> ggufToModel(const GgufFile &f)
{
    try {
        GgufModel out;
        auto &m = out.spec;
        const auto *archValue = f.find("general.architecture");
        if (!archValue)
            fail(IoError::Code::MissingKey, f.path, 0, "general.architecture");
        if (archValue->type != GgufValueType::String || archValue->s.empty())
            fail(IoError::Code::WrongKeyType, f.path, 0, "general.architecture");
        m.arch = archValue->s;
        const Meta meta(f, m.arch);

        const std::string fileName = std::filesystem::path(f.path).filename().string();
        m.id = fileName;
        m.name = meta.str("general.name");
        if (m.name.empty())
            m.name = fileName;
        m.family = meta.str("general.basename");
        m.source = f.path;

        m.layers = meta.required("block_count");
        if (m.layers > 65536)
            fail(IoError::Code::TooLarge, f.path, 0, m.arch + ".block_count " + std::to_string(m.layers));
        m.hidden = meta.required("embedding_length");
        m.heads = meta.required("attention.head_count");
        m.kvHeads = meta.u32("attention.head_count_kv").value_or(m.heads);
        if (m.kvHeads == 0)
            m.kvHeads = m.heads;
        m.ffn = meta.u32("feed_forward_length").value_or(0);
        m.maxContext = meta.u32("context_length").value_or(4096);
        if (m.maxContext == 0)
            m.maxContext = 4096;

        std::uint32_t keyLength = meta.u32("attention.key_length").value_or(m.hidden / m.heads);
        std::uint32_t valueLength = meta.u32("attention.value_length").value_or(keyLength);
        const std::uint32_t kvLoraRank = meta.u32("attention.kv_lora_rank").value_or(0);
        if (kvLoraRank > 0) {
            // Newer conversions store the absorbed-MLA lengths in key_length/value_length and the
            // per-head ones in *_mla.
            keyLength = meta.u32("attention.key_length_mla").value_or(keyLength);
            valueLength = meta.u32("attention.value_length_mla").value_or(valueLength);
            MlaSpec mla;
            mla.kvLoraRank = kvLoraRank;
            mla.qLoraRank = meta.u32("attention.q_lora_rank").value_or(0);
            mla.qkRopeHeadDim = meta.u32("rope.dimension_count").value_or(0);
            mla.qkNopeHeadDim = keyLength > mla.qkRopeHeadDim ? keyLength - mla.qkRopeHeadDim : 0;
            mla.vHeadDim = valueLength;
            m.mla = mla;
        }
        m.headDim = keyLength;
        m.valueHeadDim = valueLength != keyLength ? valueLength : 0;

        if (const auto window = meta.u32("attention.sliding_window"); window && *window > 0) {
            if (const auto pattern = slidingWindowPatternFor(m.arch))
                m.slidingWindow = SlidingWindow{*window, pattern};
        }

        if (const auto experts = meta.u32("expert_count"); experts && *experts > 0) {
            MoeSpec moe;
            moe.experts = *experts;
            moe.expertsUsed = meta.u32("expert_used_count").value_or(1);
            if (moe.expertsUsed > moe.experts)
                fail(IoError::Code::WrongKeyType, f.path, 0, m.arch + ".expert_used_count > expert_count");
            moe.expertFfn = meta.u32("expert_feed_forward_length").value_or(m.ffn);
            moe.sharedExperts = meta.u32("expert_shared_count").value_or(0);
            moe.sharedFfn = meta.u32("expert_shared_feed_forward_length").value_or(0);
            moe.denseLayers = meta.u32("leading_dense_block_count").value_or(0);
            m.moe = moe;
        }

        // Tensors: the exact inventory.
        auto &inv = out.inventory;
        inv.exact = true;
        inv.layers = m.layers;
        if (m.isMoe()) {
            inv.experts = m.moe->experts;
            inv.expertsUsed = m.moe->expertsUsed;
        }
        std::set<std::string> names;
        std::uint64_t routedElements = 0;
        inv.tensors.reserve(f.tensors.size());
        for (const auto &ti : f.tensors) {
            Tensor t;
            t.name = ti.name;
            t.layer = layerOf(ti.name, m.layers);
            t.ne = {ti.ne[0], ti.ne[1], ti.ne[2] * ti.ne[3]};
            t.storage = std::string(ggmlTypeTraits(ti.type)->name);
            t.bytes = ti.bytes;
            t.routedExpert = ti.name.find("_exps") != std::string::npos;
            if (t.routedExpert)
                routedElements += t.elements();
            names.insert(ti.name);
            inv.tensors.push_back(std::move(t));
        }
        const auto has = [&](const std::string &n) { return names.count(n) > 0; };
        m.tiedEmbeddings = !has("output.weight");
        m.fusedQkv = has("blk.0.attn_qkv.weight");
        m.qkvBias = has("blk.0.attn_q.bias") || has("blk.0.attn_qkv.bias");
        m.qkNorm = has("blk.0.attn_q_norm.weight");
        m.postNorms = has("blk.0.post_attention_norm.weight");
        for (std::uint32_t l = 0; l < m.layers; ++l) {
            const std::string prefix = "blk." + std::to_string(l) + ".";
            if (has(prefix + "ffn_up.weight")) {
                m.fusedGateUp = !has(prefix + "ffn_gate.weight");
                break;
            }
            if (l >= 8)
                break;
        }

        if (const auto *tokens = f.find("tokenizer.ggml.tokens"); tokens && tokens->type == GgufValueType::Array)
            m.vocab = static_cast<std::uint32_t>(std::min<std::uint64_t>(tokens->arrayCount, UINT32_MAX));
        if (m.vocab == 0)
            m.vocab = meta.u32("vocab_size").value_or(0);
        if (m.vocab == 0) {
            for (const auto &t : inv.tensors)
                if (t.name == "token_embd.weight")
                    m.vocab = static_cast<std::uint32_t>(std::min<std::uint64_t>(t.ne[1], UINT32_MAX));
        }

        m.params = inv.parameterCount();
        if (m.isMoe()) {
            const double unused = 1.0 - static_cast<double>(m.moe->expertsUsed) / m.moe->experts;
            m.activeParams = m.params - static_cast<std::uint64_t>(static_cast<double>(routedElements) * unused);
        }

        if (const auto *ft = f.find("general.file_type"); ft && ft->asUnsigned())
            out.quant = ggufFileTypeName(static_cast<std::uint32_t>(std::min<std::uint64_t>(*ft->asUnsigned(), UINT32_MAX)));
        return out;
    } catch (const Failure &failure) {
        return failure.error;
    }
}

} // namespace headroom::io
