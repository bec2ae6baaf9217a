#pragma once

#include "core/base/result.h"
#include "core/storage/connectioninfo.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>
#include <memory>

namespace atrium::core {

// The directory database: one schema on SQLite and PostgreSQL.
//
// Qt Sql connections belong to the thread that opened them, so Database hands every thread its own
// named connection (opened lazily with the same settings), as qBittorrent's resume-data storage
// does. All writes go through transaction(): one transaction per unit of work, rollback on any
// failure, retried on serialization failures and deadlocks.
class Database final {
    Q_DISABLE_COPY_MOVE(Database)
public:
    // The newest schema this program knows: the highest numbered migration compiled in.
    static int latestSchemaVersion();
    // The statements of a migration file (":/sql/<engine>/NNN_name.sql"): a line holding only
    // "-- go" separates them (triggers and functions hold semicolons of their own); comment-only
    // parts are dropped.
    static QStringList migrationStatements(const QString &script);

    enum class OpenMode { OpenExisting, CreateIfMissing };

    // Opens (and for CreateIfMissing, creates) the database and brings its schema up to date.
    // Refuses a schema newer than this program and a SQLite file on a network file system.
    static Result<std::shared_ptr<Database>> open(const ConnectionInfo &info, OpenMode mode);
    ~Database();

    Engine engine() const { return m_info.engine; }
    const ConnectionInfo &info() const { return m_info; }

    // This thread's connection (opened on first use).
    Result<QSqlDatabase> connection() const;
    // Closes this thread's connection; worker threads call it before they end.
    void releaseThreadConnection() const;

    int schemaVersion() const;

    // Runs fn inside one transaction; commits when fn succeeds, rolls back otherwise. Retries the
    // whole unit a few times when the engine reports a serialization failure, deadlock or busy.
    template <typename T> Result<T> transaction(const std::function<Result<T>(QSqlDatabase &)> &fn) const {
        std::optional<Result<T>> out;
        const Status s = runTransaction([&](QSqlDatabase &db) -> Status {
            out.emplace(fn(db));
            if (!out->ok()) {
                return out->error();
            }
            return {};
        });
        if (!s.ok()) {
            return s.error();
        }
        return std::move(*out);
    }
    Status transaction(const std::function<Status(QSqlDatabase &)> &fn) const { return runTransaction(fn); }

    // Maps a failed query to an Error (unique violations -> AlreadyExists, disk full, busy, ...).
    static Error sqlError(const QSqlError &e, const QString &what);
    static bool isRetryable(const QSqlError &e);
    // Text that no column may hold: a NUL character (PostgreSQL cannot store it, and Qt's driver
    // would cut the value there) or broken UTF-16 (an unpaired surrogate would be stored mangled).
    // Every bound value passes this check, so no service can write such text by accident.
    static Status checkBindable(const QVariantList &values);
    // Binds values positionally. A null QString binds as empty text; SQL NULL is an invalid QVariant().
    static void bindValues(QSqlQuery &q, const QVariantList &values);

    // Helpers for the common statement shapes; every value is bound, never spliced into SQL.
    static Result<QSqlQuery> exec(QSqlDatabase &db, const QString &sql, const QVariantList &values = {});

    // Checks SQLite's integrity (PRAGMA integrity_check) — the reliability tests use it.
    Result<QString> integrityCheck() const;

    // A consistent copy of the directory (SQLite: VACUUM INTO; PostgreSQL: refused with advice).
    Status backupTo(const QString &path) const;

private:
    explicit Database(ConnectionInfo info);
    Result<QSqlDatabase> openConnection(const QString &name) const;
    Status configureSqlite(QSqlDatabase &db) const;
    Status migrate(OpenMode mode);
    Status runTransaction(const std::function<Status(QSqlDatabase &)> &fn) const;

    ConnectionInfo m_info;
    QString m_id; // unique per instance, part of every connection name
    mutable QMutex m_mutex;
    mutable QStringList m_connectionNames;
};

// True when the file system type (statfs f_type) is a network one (NFS, SMB/CIFS, sshfs/FUSE,
// AFS, Ceph, ...): SQLite's locking is not reliable there.
bool isNetworkFileSystemType(qint64 fsType);
// Checks the folder that holds (or will hold) a SQLite directory.
Status checkLocalFileSystem(const QString &path);

} // namespace atrium::core
