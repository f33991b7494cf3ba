// SPDX-License-Identifier: GPL-3.0-or-later
#include "user_data_store.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace headroom::gui {

UserDataStore::UserDataStore(QString path) : m_path(std::move(path)) {}

QString UserDataStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("user-data.json"));
}

QString UserDataStore::setAsideName(const QString &tag) const
{
    const QString base =
        m_path + QLatin1Char('.') + tag + QLatin1Char('-') + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString name = base;
    for (int n = 2; QFileInfo::exists(name); ++n)
        name = base + QLatin1Char('-') + QString::number(n);
    return name;
}

UserDataStore::Loaded UserDataStore::load()
{
    Loaded out;
    m_blocked = false;
    QFile file(m_path);
    if (!file.exists())
        return out;
    if (!file.open(QIODevice::ReadOnly)) {
        m_blocked = true;
        out.state = State::Blocked;
        out.message = tr("Headroom cannot read your saved hardware and comparisons (%1: %2). They are left as they are "
                         "and nothing will be saved over them.")
                          .arg(m_path, file.errorString());
        return out;
    }
    const QByteArray bytes = file.readAll();
    file.close();
    auto parsed = UserData::fromJson(bytes);
    if (auto *data = std::get_if<UserData>(&parsed)) {
        out.state = State::Loaded;
        out.data = std::move(*data);
        return out;
    }
    const auto &error = std::get<UserData::ReadError>(parsed);
    const bool newer = error.problem == UserData::Problem::NewerVersion;
    const QString aside = setAsideName(newer ? QStringLiteral("v%1").arg(error.version) : QStringLiteral("unreadable"));
    const QString why =
        newer
            ? tr("it was written by a newer version of Headroom (format %1; this one reads %2)").arg(error.version).arg(UserData::kVersion)
            : tr("it is damaged (%1)").arg(error.detail);
    if (!QFile::rename(m_path, aside)) {
        m_blocked = true;
        out.state = State::Blocked;
        out.message = tr("Headroom cannot use your saved hardware and comparisons: %1. It could not move the file "
                         "aside either (%2), so it is left untouched and nothing will be saved over it.")
                          .arg(why, m_path);
        return out;
    }
    out.state = State::SetAside;
    out.setAsidePath = aside;
    out.message = tr("Headroom could not use your saved hardware and comparisons: %1. The file was kept as %2; "
                     "Headroom starts with none saved.")
                      .arg(why, aside);
    return out;
}

std::optional<QString> UserDataStore::save(const UserData &data)
{
    if (m_blocked)
        return tr("Your saved hardware and comparisons were not saved: %1 could not be read or moved aside, and "
                  "Headroom does not write over it.")
            .arg(m_path);
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return tr("Cannot save your hardware and comparisons: cannot create the folder %1.").arg(dir);
    const QByteArray bytes = data.toJson();
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot save your hardware and comparisons to %1: %2. The file there is unchanged.").arg(m_path, file.errorString());
    std::unique_ptr<QIODevice> wrapper = m_writeThrough ? m_writeThrough(file) : nullptr;
    QIODevice &out = wrapper ? *wrapper : static_cast<QIODevice &>(file);
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 n = out.write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            break;
        done += n;
    }
    if (done != bytes.size()) {
        const QString why = out.errorString();
        file.cancelWriting(); // commit() then discards the temporary file; the old one stays
        file.commit();
        return tr("Cannot save your hardware and comparisons to %1: %2. The file there is unchanged.").arg(m_path, why);
    }
    wrapper.reset();
    if (!file.commit())
        return tr("Cannot save your hardware and comparisons to %1: %2. The file there is unchanged.").arg(m_path, file.errorString());
    return std::nullopt;
}

} // namespace headroom::gui
