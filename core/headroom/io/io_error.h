// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace headroom::io {

/** Why a model file could not be read: what, in which file, at which byte. Data, not prose. */
struct IoError {
    enum class Code {
        CannotOpen,        ///< missing, unreadable, not a regular file
        BadMagic,          ///< not a GGUF file
        BadVersion,        ///< GGUF version other than 2 or 3
        Truncated,         ///< the file ends inside a header field
        TooLarge,          ///< a count or length beyond the file size or a sane cap
        BadValueType,      ///< unknown GGUF metadata value type
        NestedArray,       ///< GGUF array of arrays
        BadTensorInfo,     ///< n_dims out of range, negative or overflowing dimensions
        UnknownTensorType, ///< ggml type id this build does not know
        TensorOutOfBounds, ///< tensor data would lie beyond the end of the file
        BadAlignment,      ///< general.alignment not a power of two, or a misaligned tensor offset
        MissingKey,        ///< a key needed to derive the architecture is absent
        WrongKeyType,      ///< a key holds the wrong kind of value
        BadSplit,          ///< split GGUF: a sibling is missing or disagrees
        BadJson,           ///< config.json / safetensors header is not valid JSON or has the wrong shape
        UnknownFormat,     ///< not a .gguf, config.json, safetensors file or model folder
    };
    Code code = Code::CannotOpen;
    std::string file;
    std::uint64_t offset = 0; ///< byte offset in `file` where the problem was found
    std::string detail;       ///< the key, tensor name or value at fault
};

[[nodiscard]] const char *ioErrorCodeName(IoError::Code code);

/**
 * Thrown by a reader's inner steps and caught at its entry point, which returns the error as a value:
 * a header walk fails at any depth without every step checking a result.
 */
struct IoFailure {
    IoError error;
};

[[noreturn]] void throwIoError(IoError::Code code, const std::string &file, std::uint64_t offset, std::string detail = {});

/** "model.gguf: byte 1234: truncated (tensor blk.0.attn_q.weight)" — one line for a CLI or a log. */
[[nodiscard]] std::string describeIoError(const IoError &e);

} // namespace headroom::io
