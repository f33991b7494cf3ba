// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "user_data.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace headroom::gui {

/**
 * The user data file (UserData as JSON in QStandardPaths::AppDataLocation). Written atomically through
 * QSaveFile, so a failed write (a full disk, a read-only folder) leaves the previous file whole. Read
 * defensively: a file that is corrupt or from a newer version is renamed aside with a timestamp and the user
 * is told where it went; a file that can neither be read nor set aside blocks saving, so nothing the user
 * kept is ever silently overwritten.
 */
class UserDataStore
{
    Q_DECLARE_TR_FUNCTIONS(UserDataStore)
public:
    enum class State { Missing, Loaded, SetAside, Blocked };

    struct Loaded {
        State state = State::Missing;
        UserData data;        ///< what was read; empty unless Loaded
        QString setAsidePath; ///< SetAside: where the old file is now
        QString message;      ///< for the user (translated); empty when there is nothing to say
    };

    /** Wraps the file being written (tests: a device that fails like a full disk). */
    using WriteThrough = std::function<std::unique_ptr<QIODevice>(QIODevice &file)>;

    explicit UserDataStore(QString path = defaultPath());

    /** AppDataLocation/user-data.json. */
    [[nodiscard]] static QString defaultPath();
    [[nodiscard]] QString path() const { return m_path; }

    Loaded load();
    /** Writes `data`; an error is a translated line and the file on disk is as it was. */
    [[nodiscard]] std::optional<QString> save(const UserData &data);
    void setWriteThrough(WriteThrough w) { m_writeThrough = std::move(w); }

private:
    [[nodiscard]] QString setAsideName(const QString &tag) const;

    QString m_path;
    bool m_blocked = false;
    WriteThrough m_writeThrough;
};

} // namespace headroom::gui
