#pragma once

// PgServer: a private PostgreSQL cluster for one test process, on loopback.
//
// `PgServer pg; QString err; QVERIFY2(pg.start(&err), qPrintable(err));` runs initdb (trust auth,
// UTF8, C locale, no fsync) into a fresh directory under /tmp and starts `postgres` listening on
// 127.0.0.1:port() (a free port, reserved with a lock file so parallel ctest -j runs never
// collide) and on a unix socket in that directory. Connect with QSqlDatabase "QPSQL", host()
// "127.0.0.1", port(), user superuser() ("atrium_test"), empty password, database "postgres" or
// one made with createDatabase(name, &err, owner) (a missing owner role is created with LOGIN).
// url(db, user) gives "postgresql://user@127.0.0.1:port/db", the form atriumctl and
// ConnectionInfo::parse take. runSql(sql, &err, db) runs a script as superuser through psql with
// ON_ERROR_STOP. restart() does a fast shutdown and starts again on the same port (reconnect
// tests); stop() does a fast shutdown. Every failing call returns false with a readable reason
// (including the tail of the server log), so the test fails loudly instead of skipping.
// The destructor shuts the server down (immediate mode) and deletes the directory.
// As root (CI), initdb and postgres run as `nobody`. postgres is a direct child of the test process
// with a parent-death signal, so even a crashed or killed test leaves no server behind; call
// start()/restart() from the thread that lives as long as the server (normally the main thread).
// Binaries: /usr/lib/postgresql/15/bin, else the highest version under /usr/lib/postgresql.

#include <QString>

#include <memory>

class QLockFile;
class QProcess;

namespace atrium::test {

class PgServer final {
public:
    PgServer();
    ~PgServer();
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;

    bool start(QString *error);
    bool restart(QString *error);
    void stop();
    bool isRunning() const;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString superuser() const { return QStringLiteral("atrium_test"); }
    QString socketDirectory() const; // for QPSQL host= or psql -h over the unix socket
    QString dataDirectory() const;
    qint64 pid() const;              // the postmaster's process id, 0 when not running

    bool createDatabase(const QString &name, QString *error, const QString &owner = {});
    bool runSql(const QString &sql, QString *error, const QString &database = QStringLiteral("postgres"));
    // Like runSql, returning psql's unaligned, tuples-only output (fields separated by '|').
    bool querySql(const QString &sql, QString *output, QString *error,
                  const QString &database = QStringLiteral("postgres"));
    QString url(const QString &database, const QString &user = {}) const;

    QString logTail(int lines = 30) const;

private:
    bool prepareDirectory(QString *error);
    bool initCluster(QString *error);
    bool reservePort(QString *error);
    bool launch(QString *error);
    bool waitReady(QString *error);
    void shutdown(int signal, int waitMs);
    void cleanup();

    QString m_binDir;
    QString m_baseDir;
    int m_port = 0;
    qint64 m_pid = 0; // kept: QProcess forgets the pid once the process has exited
    bool m_initialized = false;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QLockFile> m_portLock;
};

} // namespace atrium::test
