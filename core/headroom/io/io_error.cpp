// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/io/io_error.h"

#include <utility>

namespace headroom::io {

void throwIoError(IoError::Code code, const std::string &file, std::uint64_t offset, std::string detail)
{
    throw IoFailure{IoError{code, file, offset, std::move(detail)}};
}

const char *ioErrorCodeName(IoError::Code code)
{
    using C = IoError::Code;
    switch (code) {
    case C::CannotOpen: return "cannot open";
    case C::BadMagic: return "not a GGUF file (bad magic)";
    case C::BadVersion: return "unsupported GGUF version";
    case C::Truncated: return "truncated";
    case C::TooLarge: return "count or length too large";
    case C::BadValueType: return "unknown metadata value type";
    case C::NestedArray: return "nested metadata array";
    case C::BadTensorInfo: return "bad tensor info";
    case C::UnknownTensorType: return "unknown tensor type";
    case C::TensorOutOfBounds: return "tensor data beyond end of file";
    case C::BadAlignment: return "bad alignment";
    case C::MissingKey: return "missing key";
    case C::WrongKeyType: return "bad value";
    case C::BadSplit: return "incomplete split model";
    case C::BadJson: return "invalid JSON";
    case C::UnknownFormat: return "not a model file";
    }
    return "unreadable";
}

std::string describeIoError(const IoError &e)
{
    std::string out = e.file + ": byte " + std::to_string(e.offset) + ": " + ioErrorCodeName(e.code);
    if (!e.detail.empty())
        out += " (" + e.detail + ")";
    return out;
}

} // namespace headroom::io
