#pragma once

#include "core/base/result.h"

#include <QString>

namespace atrium::core {

enum class Engine { Sqlite, Postgres };

// Where the directory database is: "sqlite:PATH" or "postgresql://user@host:port/dbname".
// A password is never part of the URL: it comes from the keychain (or libpq's own PGPASSWORD /
// ~/.pgpass when the operator prefers those).
struct ConnectionInfo {
    Engine engine = Engine::Sqlite;
    QString path; // SQLite file
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password; // filled from the keychain at open time; never persisted or printed

    static Result<ConnectionInfo> parse(const QString &url);
    QString toUrl() const;        // without password
    QString displayName() const;  // for the status bar
    QString engineName() const;   // "SQLite" / "PostgreSQL"
};

// The console's and atriumctl's default directory: a SQLite file under the user's data directory.
QString defaultDirectoryPath();

} // namespace atrium::core
