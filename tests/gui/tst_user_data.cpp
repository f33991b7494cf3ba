// SPDX-License-Identifier: GPL-3.0-or-later
// The user data file: nothing the user kept is lost to a truncated file, a newer version's file, a read-only
// folder or a full disk (a write through an injected device that fails as ENOSPC does).
#include "user_data_store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace headroom::gui;

namespace {

UserData sample()
{
    UserData d;
    d.devices.append({QStringLiteral("custom"), 51539607552LL, false, 0.0, 0.0, 1});
    d.devices.append({QStringLiteral("Strix Halo box I am pricing"), 137438953472LL, true, 256.0, 1999.0, 1});
    d.comparisons.append({UserData::kCurrentComparison, {QStringLiteral("rtx-4090"), QStringLiteral("rtx-3090*2"), QString(), QString()}});
    return d;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

/** Forwards `room` bytes to the file, then fails as a full disk does. */
class FullDisk : public QIODevice
{
public:
    FullDisk(QIODevice &target, qint64 room) : m_target(target), m_room(room) { open(QIODevice::WriteOnly); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 len) override
    {
        if (m_room <= 0) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        const qint64 n = m_target.write(data, std::min(len, m_room));
        m_room -= n;
        return n;
    }

private:
    QIODevice &m_target;
    qint64 m_room;
};

/** A folder this process cannot write (false as root, who writes anywhere: the test then skips). */
bool makeReadOnly(const QString &dir)
{
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadUser | QFile::ExeUser);
    QFile probe(QDir(dir).filePath(QStringLiteral(".probe")));
    if (probe.open(QIODevice::WriteOnly)) {
        probe.remove();
        return false;
    }
    return true;
}

void makeWritable(const QString &dir)
{
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

QStringList others(const QString &dir)
{
    QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    names.removeAll(QStringLiteral("user-data.json"));
    return names;
}

} // namespace

class TestUserData : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        QTemporaryDir dir;
        UserDataStore store(dir.filePath(QStringLiteral("sub/user-data.json")));
        QCOMPARE(store.load().state, UserDataStore::State::Missing);
        QVERIFY(!store.save(sample()));
        const auto loaded = store.load();
        QCOMPARE(loaded.state, UserDataStore::State::Loaded);
        QVERIFY(loaded.data == sample());
        QVERIFY(loaded.message.isEmpty());
    }

    /** A file Headroom cannot use is renamed aside with its bytes intact; a save then starts a new file. */
    void unusableFileIsSetAside_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("mentions");
        const QByteArray good = sample().toJson();
        QTest::newRow("truncated") << good.left(good.size() / 2) << "unreadable" << "damaged";
        QTest::newRow("empty") << QByteArray() << "unreadable" << "damaged";
        QTest::newRow("newer version") << QByteArray(good).replace("\"version\": 1", "\"version\": 7") << "v7" << "newer version";
        QTest::newRow("not ours") << QByteArray("{\"hello\": 1}") << "unreadable" << "damaged";
        QTest::newRow("bad entry") << QByteArray(good).replace("\"count\": 1", "\"count\": \"one\"") << "unreadable" << "devices[0]";
        QTest::newRow("binary junk") << QByteArray("\x00\xff\xfe{[", 5) << "unreadable" << "damaged";
    }
    void unusableFileIsSetAside()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, tag);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("user-data.json"));
        write(path, bytes);
        UserDataStore store(path);
        const auto loaded = store.load();
        QCOMPARE(loaded.state, UserDataStore::State::SetAside);
        QVERIFY(loaded.data == UserData());
        QVERIFY2(loaded.message.contains(mentions), qPrintable(loaded.message));
        QVERIFY2(loaded.message.contains(loaded.setAsidePath), qPrintable(loaded.message));
        QVERIFY(QFileInfo(loaded.setAsidePath).fileName().startsWith(QStringLiteral("user-data.json.") + tag + QLatin1Char('-')));
        QCOMPARE(readAll(loaded.setAsidePath), bytes);
        QVERIFY(!QFile::exists(path));
        // Saving now writes a new file and leaves the one set aside alone.
        QVERIFY(!store.save(sample()));
        QCOMPARE(readAll(loaded.setAsidePath), bytes);
        QVERIFY(store.load().data == sample());
        // A second bad file the same second gets its own name.
        write(path, bytes);
        const auto again = UserDataStore(path).load();
        QCOMPARE(again.state, UserDataStore::State::SetAside);
        QVERIFY(again.setAsidePath != loaded.setAsidePath);
        QCOMPARE(readAll(loaded.setAsidePath), bytes);
    }

    /** A write that fails part way (full disk) leaves the previous file byte for byte, and no temporary file. */
    void fullDiskKeepsThePreviousFile_data()
    {
        QTest::addColumn<qint64>("room");
        QTest::newRow("nothing written") << qint64(0);
        QTest::newRow("10 bytes") << qint64(10);
        QTest::newRow("all but one byte") << qint64(sample().toJson().size() + 40 - 1);
    }
    void fullDiskKeepsThePreviousFile()
    {
        QFETCH(qint64, room);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("user-data.json"));
        UserDataStore store(path);
        QVERIFY(!store.save(sample()));
        const QByteArray before = readAll(path);
        UserData bigger = sample();
        bigger.devices.append({QStringLiteral("one more card, 40 bytes of name......"), 1, false, 0.0, 0.0, 1});
        store.setWriteThrough([room](QIODevice &file) { return std::make_unique<FullDisk>(file, room); });
        const auto error = store.save(bigger);
        QVERIFY(error);
        QVERIFY2(error->contains(QStringLiteral("No space left on device")), qPrintable(*error));
        QCOMPARE(readAll(path), before);
        QCOMPARE(others(dir.path()), QStringList());
        store.setWriteThrough({});
        QVERIFY(store.load().data == sample());
    }

    void readOnlyFolderKeepsThePreviousFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("user-data.json"));
        UserDataStore store(path);
        QVERIFY(!store.save(sample()));
        const QByteArray before = readAll(path);
        if (!makeReadOnly(dir.path())) {
            makeWritable(dir.path());
            QSKIP("this process writes into read-only folders (root)");
        }
        UserData changed = sample();
        changed.comparisons.clear();
        const auto error = store.save(changed);
        makeWritable(dir.path());
        QVERIFY(error);
        QCOMPARE(readAll(path), before);
        QCOMPARE(others(dir.path()), QStringList());
    }

    /** A damaged file in a read-only folder can be neither moved aside nor replaced: saving is refused. */
    void readOnlyFolderWithADamagedFileBlocksSaving()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("user-data.json"));
        const QByteArray damaged = sample().toJson().left(30);
        write(path, damaged);
        if (!makeReadOnly(dir.path())) {
            makeWritable(dir.path());
            QSKIP("this process writes into read-only folders (root)");
        }
        UserDataStore store(path);
        const auto loaded = store.load();
        makeWritable(dir.path());
        QCOMPARE(loaded.state, UserDataStore::State::Blocked);
        QVERIFY(!loaded.message.isEmpty());
        // Even once the folder is writable again, this session does not write over the file it could not read.
        QVERIFY(store.save(sample()));
        QCOMPARE(readAll(path), damaged);
    }

    void unreadableFileBlocksSaving()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("user-data.json"));
        write(path, sample().toJson());
        QFile::setPermissions(path, QFileDevice::Permissions());
        QFile probe(path);
        if (probe.open(QIODevice::ReadOnly)) {
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
            QSKIP("this process reads files without read permission (root)");
        }
        UserDataStore store(path);
        QCOMPARE(store.load().state, UserDataStore::State::Blocked);
        QVERIFY(store.save(UserData()));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(readAll(path), sample().toJson());
    }
};

QTEST_GUILESS_MAIN(TestUserData)
#include "tst_user_data.moc"
