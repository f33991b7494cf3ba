// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/io/io_error.h>
#include <headroom/request_resolver.h>

#include <QString>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <variant>

namespace headroom::gui {

/**
 * Model files the user opened (GGUF, config.json, model folders), each read once: the header parse takes
 * milliseconds, which a context-slider drag should not pay on every step. A file that changes on disk
 * (size or modification time) is read again.
 */
class ModelFiles
{
public:
    using Result = std::variant<std::shared_ptr<const FileModel>, io::IoError>;

    [[nodiscard]] const Result &load(const std::string &path);

    /** Whether a model key names something on disk rather than a catalog entry. */
    [[nodiscard]] static bool isPath(const QString &key);

    /** How to name a model path to a person: the file name, or the folder for a folder or its config.json. */
    [[nodiscard]] static QString displayName(const QString &path);

private:
    struct Entry {
        std::filesystem::file_time_type modified;
        std::uintmax_t size = 0;
        Result result;
    };
    std::map<std::string, Entry> m_entries;
};

} // namespace headroom::gui
