// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <variant>

namespace headroom::gui {

/** A card or machine the user entered (a custom capacity, a box they are pricing). */
struct SavedDevice {
    QString name;
    qint64 capacityBytes = 0;
    bool unified = false;      ///< unified memory (an APU, a Mac) rather than a discrete card
    double bandwidthGBs = 0.0; ///< 0 = unknown
    double price = 0.0;        ///< what the user is paying, in their currency; 0 = not given
    int count = 1;

    bool operator==(const SavedDevice &) const = default;
};

/** A set of Compare tab columns: "id" or "id*N" per column, empty for an unused one. */
struct SavedComparison {
    QString name;
    QStringList slotKeys;

    bool operator==(const SavedComparison &) const = default;
};

/**
 * The user's own data, kept as JSON in the app data folder (UserDataStore). The file names its format and
 * version; a reader never guesses at a newer version's meaning.
 */
struct UserData {
    static constexpr int kVersion = 1;
    /** The comparison the Compare tab shows and saves on quit. */
    static inline const QString kCurrentComparison = QStringLiteral("current");
    /** The card behind the "Custom capacity" field. */
    static inline const QString kCustomCard = QStringLiteral("custom");

    QList<SavedDevice> devices;
    QList<SavedComparison> comparisons;

    bool operator==(const UserData &) const = default;

    enum class Problem { Syntax, NotUserData, NewerVersion, BadEntry };
    struct ReadError {
        Problem problem = Problem::Syntax;
        int version = 0; ///< NewerVersion: the file's
        QString detail;  ///< English: what was wrong, for the log
    };

    [[nodiscard]] QByteArray toJson() const;
    /** Strict: anything unexpected is an error, so a file this version does not understand is never rewritten. */
    [[nodiscard]] static std::variant<UserData, ReadError> fromJson(const QByteArray &json);

    [[nodiscard]] const SavedComparison *comparison(const QString &name) const;
    [[nodiscard]] const SavedDevice *device(const QString &name) const;
    /** Replaces (or appends) the entry of that name; the others stay as they were. */
    void setComparison(const SavedComparison &c);
    void setDevice(const SavedDevice &d);
};

} // namespace headroom::gui
