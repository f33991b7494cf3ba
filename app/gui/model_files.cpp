// SPDX-License-Identifier: GPL-3.0-or-later
#include "model_files.h"

#include <headroom/io/model_loader.h>

#include <QDir>
#include <QFileInfo>

namespace headroom::gui {

const ModelFiles::Result &ModelFiles::load(const std::string &path)
{
    std::error_code ec;
    const std::filesystem::path p(path);
    // A folder's own size and time say nothing about its files; its config.json stands for it.
    const auto stamp = std::filesystem::is_directory(p, ec) ? p / "config.json" : p;
    const auto modified = std::filesystem::last_write_time(stamp, ec);
    const auto size = ec ? 0 : std::filesystem::file_size(stamp, ec);
    if (const auto it = m_entries.find(path); it != m_entries.end() && !ec && it->second.modified == modified && it->second.size == size)
        return it->second.result;

    auto loaded = io::loadModelPath(p);
    Result result = std::holds_alternative<io::IoError>(loaded)
                        ? Result(std::get<io::IoError>(std::move(loaded)))
                        : Result(std::make_shared<const FileModel>(std::get<FileModel>(std::move(loaded))));
    auto &entry = m_entries[path];
    entry = Entry{modified, size, std::move(result)};
    return entry.result;
}

bool ModelFiles::isPath(const QString &key)
{
    return !key.isEmpty() && io::looksLikePath(key.toStdString());
}

QString ModelFiles::displayName(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return QDir(path).dirName();
    if (info.fileName() == QLatin1String("config.json"))
        return info.dir().dirName() + QLatin1String("/config.json");
    return info.fileName();
}

} // namespace headroom::gui
