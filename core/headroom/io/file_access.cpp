// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/io/file_access.h"

#include <system_error>

namespace headroom::io {

std::variant<OpenFile, IoError> openRegularFile(const std::filesystem::path &path)
{
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return IoError{IoError::Code::CannotOpen, name, 0, ec ? ec.message() : "not a regular file"};
    OpenFile file;
    file.size = static_cast<std::uint64_t>(std::filesystem::file_size(path, ec));
    if (ec)
        return IoError{IoError::Code::CannotOpen, name, 0, ec.message()};
    file.in.open(path, std::ios::binary);
    if (!file.in)
        return IoError{IoError::Code::CannotOpen, name, 0, "cannot open for reading"};
    return file;
}

std::variant<std::string, IoError> readTextFile(const std::filesystem::path &path, std::uint64_t cap)
{
    auto opened = openRegularFile(path);
    if (const auto *e = std::get_if<IoError>(&opened))
        return *e;
    auto &file = std::get<OpenFile>(opened);
    if (file.size > cap)
        return IoError{IoError::Code::TooLarge, path.string(), 0, std::to_string(file.size) + " bytes"};
    std::string text(static_cast<std::size_t>(file.size), '\0');
    if (!file.in.read(text.data(), static_cast<std::streamsize>(file.size)))
        return IoError{IoError::Code::CannotOpen, path.string(), 0, "read failed"};
    return text;
}

} // namespace headroom::io
