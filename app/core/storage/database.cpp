#include "core/storage/database.h"

#include "core/base/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlRecord>
#include <QThread>
#include <QUuid>

#include <dlfcn.h>
#include <poll.h>
#include <sys/vfs.h>

#include <thread>

namespace atrium::core {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("atrium::core::Database", s); }

constexpr int kMaxAttempts = 6;

QString engineFolder(Engine e) { return e == Engine::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql"); }

// PostgreSQL reports a lost server as SQLSTATE class 08 or 57P0x, or as a connection error without a
// SQLSTATE. (Qt's SQLite driver labels every failed step a ConnectionError, always with a numeric
// code, so the type alone says nothing there.)
// libpq's own messages for a connection that died under a statement carry no SQLSTATE either, and
// Qt files them as statement errors ("server closed the connection unexpectedly" after a restart).
bool isConnectionLost(const QSqlError &e) {
    const QString code = e.nativeErrorCode();
    if (code.isEmpty()) {
        if (e.type() == QSqlError::ConnectionError) {
            return true;
        }
        const QString text = e.databaseText() + QLatin1Char('\n') + e.driverText();
        for (const char *lost : {"server closed the connection unexpectedly", "no connection to the server",
                                 "terminating connection due to", "could not receive data from server",
                                 "could not send data to server", "connection to server was lost",
                                 "SSL connection has been closed unexpectedly"}) {
            if (text.contains(QLatin1String(lost))) {
                return true;
            }
        }
        return false;
    }
    return code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01") || code == QLatin1String("57P02") ||
           code == QLatin1String("57P03");
}

// This thread's connection name for a database: "atrium-<database>.<generation>-<thread>". The
// generation moves on whenever the thread's connection is dropped (lost server, released), so a
// reconnect never reuses the name of a connection that someone may still hold a query on.
QString threadConnectionName(const QString &databaseId, bool nextGeneration) {
    thread_local QHash<QString, int> generations;
    int &generation = generations[databaseId];
    if (nextGeneration) {
        ++generation;
    }
    return QStringLiteral("atrium-%1.%2-%3")
        .arg(databaseId)
        .arg(generation)
        .arg(reinterpret_cast<quintptr>(QThread::currentThread()), 0, 16);
}

// libpq is loaded by Qt's QPSQL plugin; the two functions the liveness check needs are looked up
// there, so building Atrium needs no libpq headers. (ConnStatusType: CONNECTION_OK is 0.)
struct LibPq {
    int (*status)(const void *) = nullptr;
    int (*socket)(const void *) = nullptr;
};
const LibPq &libPq() {
    static const LibPq pq = [] {
        LibPq l;
        if (void *h = ::dlopen("libpq.so.5", RTLD_LAZY | RTLD_NOLOAD)) {
            l.status = reinterpret_cast<int (*)(const void *)>(::dlsym(h, "PQstatus"));
            l.socket = reinterpret_cast<int (*)(const void *)>(::dlsym(h, "PQsocket"));
        }
        return l;
    }();
    return pq;
}

// Whether an open PostgreSQL connection still reaches its server, without a round trip when it is
// idle and well: a server that restarted or shut down has told the idle connection so (FATAL
// 57P01, then end of file), which makes its socket readable. Only then is it probed with a query.
bool postgresConnectionAlive(QSqlDatabase &db) {
    const QVariant handle = db.driver()->handle();
    // Qt 6.4 names the handle's type after libpq's struct tag ("pg_conn*"), older Qt "PGconn*".
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)) {
        return true;
    }
    const void *conn = *static_cast<void *const *>(handle.constData());
    const LibPq &pq = libPq();
    if (!conn || !pq.status || !pq.socket) {
        return true; // cannot tell; a failing statement reports the lost connection
    }
    if (pq.status(conn) != 0) {
        return false;
    }
    const int fd = pq.socket(conn);
    if (fd < 0) {
        return false;
    }
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) {
        return true; // nothing pending on an idle connection
    }
    QSqlQuery probe(db);
    return probe.exec(QStringLiteral("SELECT 1"));
}

} // namespace

bool isNetworkFileSystemType(qint64 fsType) {
    switch (static_cast<quint32>(fsType)) {
    case 0x6969u:     // NFS
    case 0x517Bu:     // SMB
    case 0xFF534D42u: // CIFS
    case 0xFE534D42u: // SMB2
    case 0x5346414Fu: // AFS
    case 0x73757245u: // Coda
    case 0x564Cu:     // NCP
    case 0x00C36400u: // Ceph
    case 0x01021997u: // 9P (VM and WSL shares)
    case 0x47504653u: // GPFS
    case 0x0BD00BD0u: // Lustre
        return true;
    default:
        return false;
    }
}

Status checkLocalFileSystem(const QString &path) {
    QFileInfo fi(path);
    QString dir = fi.isDir() ? fi.absoluteFilePath() : fi.absolutePath();
    while (!dir.isEmpty() && !QFileInfo::exists(dir)) {
        const QString parent = QFileInfo(dir).absolutePath();
        if (parent == dir) {
            break;
        }
        dir = parent;
    }
    struct statfs st {};
    if (::statfs(QFile::encodeName(dir).constData(), &st) != 0) {
        return {}; // cannot tell; opening will report real problems
    }
    if (isNetworkFileSystemType(static_cast<qint64>(st.f_type))) {
        return Error{ErrorCode::Unsupported,
                     tr("%1 is on a network file system, where SQLite cannot lock safely. For a directory that "
                        "several admins share, use PostgreSQL (File ▸ Connect to PostgreSQL, or --db "
                        "postgresql://user@host:port/dbname).")
                         .arg(QDir::toNativeSeparators(path)),
                     QStringLiteral("f_type=0x%1").arg(static_cast<quint32>(st.f_type), 0, 16),
                     {},
                     false};
    }
    return {};
}

Database::Database(ConnectionInfo info)
    : m_info(std::move(info)), m_id(QUuid::createUuid().toString(QUuid::Id128).left(12)) {}

Database::~Database() {
    QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_connectionNames)) {
        // Only this thread's connection can be closed here; other threads release theirs.
        if (name.endsWith(QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16))) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
}

Result<std::shared_ptr<Database>> Database::open(const ConnectionInfo &info, OpenMode mode) {
    if (info.engine == Engine::Sqlite) {
        if (Status s = checkLocalFileSystem(info.path); !s.ok()) {
            return s.error();
        }
        if (!QFileInfo::exists(info.path)) {
            if (mode == OpenMode::OpenExisting) {
                return Error{ErrorCode::NotFound,
                             tr("There is no directory at %1. Create one with \"atriumctl init\" or File ▸ New "
                                "directory.")
                                 .arg(QDir::toNativeSeparators(info.path)),
                             {},
                             {},
                             false};
            }
            if (!QDir().mkpath(QFileInfo(info.path).absolutePath())) {
                return Error{ErrorCode::Database,
                             tr("Cannot create the folder for %1.").arg(QDir::toNativeSeparators(info.path)),
                             {},
                             {},
                             false};
            }
        }
    }
    std::shared_ptr<Database> db(new Database(info));
    if (auto c = db->connection(); !c.ok()) {
        return c.error();
    }
    if (Status s = db->migrate(mode); !s.ok()) {
        return s.error();
    }
    return db;
}

Result<QSqlDatabase> Database::connection() const {
    const QString name = threadConnectionName(m_id, false);
    if (QSqlDatabase::contains(name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen() && (m_info.engine == Engine::Sqlite || postgresConnectionAlive(db))) {
                return db;
            }
            if (db.isOpen()) {
                qCInfo(lcStorage) << "the connection to" << m_info.displayName() << "was lost; reconnecting";
            }
        }
        // The new connection gets a new name: a statement someone kept prepared on the old one
        // (a statement cache) then never matches it, and is never run on the deleted driver.
        QSqlDatabase::removeDatabase(name);
        QMutexLocker lock(&m_mutex);
        m_connectionNames.removeAll(name);
        lock.unlock();
        return openConnection(threadConnectionName(m_id, true));
    }
    return openConnection(name);
}

void Database::releaseThreadConnection() const {
    const QString name = threadConnectionName(m_id, false);
    threadConnectionName(m_id, true);
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isValid()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    QMutexLocker lock(&m_mutex);
    m_connectionNames.removeAll(name);
}

Result<QSqlDatabase> Database::openConnection(const QString &name) const {
    const bool sqlite = m_info.engine == Engine::Sqlite;
    const QString driver = sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        return Error{ErrorCode::Database,
                     tr("The Qt %1 driver is not installed (Debian package %2).")
                         .arg(m_info.engineName(),
                              sqlite ? QStringLiteral("libqt6sql6-sqlite") : QStringLiteral("libqt6sql6-psql")),
                     {},
                     {},
                     false};
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
    if (sqlite) {
        db.setDatabaseName(m_info.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db.setHostName(m_info.host);
        db.setPort(m_info.port);
        db.setDatabaseName(m_info.database);
        db.setUserName(m_info.user);
        if (!m_info.password.isEmpty()) {
            db.setPassword(m_info.password);
        }
        db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=atrium"));
    }
    if (!db.open()) {
        const QSqlError e = db.lastError();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        Error err = sqlError(e, tr("Opening the directory database %1").arg(m_info.displayName()));
        err.transient = true;
        return err;
    }
    if (sqlite) {
        if (Status s = configureSqlite(db); !s.ok()) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return s.error();
        }
    } else {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
        // Atrium's statements are short keyset pages and single-row writes. JIT compilation only pays
        // off for long analytical queries: when a plan's estimated cost crosses jit_above_cost (a
        // search whose planner picks a bitmap over ~80,000 hits), compiling costs ~60 ms up front.
        q.exec(QStringLiteral("SET jit = off"));
    }
    QMutexLocker lock(&m_mutex);
    if (!m_connectionNames.contains(name)) {
        m_connectionNames << name;
    }
    return db;
}

Status Database::configureSqlite(QSqlDatabase &db) const {
    // WAL for readers beside one writer; FULL sync so a committed invitation survives a power cut;
    // foreign keys are off by default in SQLite.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                               "PRAGMA busy_timeout=10000", "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-65536"}) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(pragma))) {
            return sqlError(q.lastError(), QString::fromLatin1(pragma));
        }
    }
    return {};
}

int Database::schemaVersion() const {
    auto c = connection();
    if (!c.ok()) {
        return -1;
    }
    QSqlQuery q(*c);
    if (q.exec(QStringLiteral("SELECT version FROM schema_info WHERE id = 1")) && q.next()) {
        return q.value(0).toInt();
    }
    return 0;
}

int Database::latestSchemaVersion() {
    static const int version = [] {
        int v = 0;
        const QDir dir(QStringLiteral(":/sql/sqlite"));
        for (const QString &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files)) {
            v = qMax(v, file.section(QLatin1Char('_'), 0, 0).toInt());
        }
        return v;
    }();
    return version;
}

QStringList Database::migrationStatements(const QString &script) {
    QStringList out;
    static const QRegularExpression sep(QStringLiteral("^\\s*--\\s*go\\s*$"), QRegularExpression::MultilineOption);
    for (const QString &part : script.split(sep)) {
        QString stmt = part.trimmed();
        // Drop comment-only chunks.
        QString code;
        for (const QString &line : stmt.split(QLatin1Char('\n'))) {
            if (!line.trimmed().startsWith(QLatin1String("--"))) {
                code += line + QLatin1Char('\n');
            }
        }
        if (!code.trimmed().isEmpty()) {
            out << stmt;
        }
    }
    return out;
}

Status Database::migrate(OpenMode mode) {
    const int latest = latestSchemaVersion();
    auto c = connection();
    if (!c.ok()) {
        return c.error();
    }
    QSqlDatabase db = *c;
    const QStringList tables = db.tables(QSql::Tables);
    const bool hasSchema = tables.contains(QStringLiteral("schema_info"));
    if (!hasSchema && mode == OpenMode::OpenExisting && !tables.isEmpty()) {
        return Error{ErrorCode::Invalid,
                     tr("%1 is not an Atrium directory (it has tables but no Atrium schema).")
                         .arg(m_info.displayName()),
                     {},
                     {},
                     false};
    }
    const int current = hasSchema ? schemaVersion() : 0;
    if (current > latest) {
        return Error{ErrorCode::SchemaTooNew,
                     tr("This directory was written by a newer Atrium (schema version %1; this program knows up to "
                        "%2). Update Atrium to open it; nothing was changed.")
                         .arg(current)
                         .arg(latest),
                     {},
                     {},
                     false};
    }
    if (current == latest) {
        return {};
    }
    const QDir dir(QStringLiteral(":/sql/") + engineFolder(m_info.engine));
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const int version = file.section(QLatin1Char('_'), 0, 0).toInt();
        if (version <= current || version > latest) {
            continue;
        }
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly)) {
            return Error{ErrorCode::Internal, tr("Migration %1 is missing from the program.").arg(file), {}, {},
                         false};
        }
        const QStringList statements = migrationStatements(QString::fromUtf8(f.readAll()));
        const Status s = transaction([&](QSqlDatabase &tx) -> Status {
            if (m_info.engine == Engine::Postgres) {
                // Two programs opening a fresh shared directory at once must not both migrate it.
                QSqlQuery lock(tx);
                lock.exec(QStringLiteral("SELECT pg_advisory_xact_lock(4242001)"));
            }
            // Re-read inside the transaction: another process may have migrated meanwhile.
            if (tx.tables(QSql::Tables).contains(QStringLiteral("schema_info"))) {
                QSqlQuery v(tx);
                if (v.exec(QStringLiteral("SELECT version FROM schema_info WHERE id = 1")) && v.next() &&
                    v.value(0).toInt() >= version) {
                    return {};
                }
            }
            for (const QString &stmt : statements) {
                QSqlQuery q(tx);
                if (!q.exec(stmt)) {
                    return sqlError(q.lastError(), tr("Migration %1").arg(file));
                }
            }
            auto r = exec(tx, QStringLiteral("UPDATE schema_info SET version = ? WHERE id = 1"), {version});
            if (!r.ok()) {
                return r.error();
            }
            return {};
        });
        if (!s.ok()) {
            return s;
        }
        qCInfo(lcStorage) << "migrated" << m_info.displayName() << "to schema version" << version;
    }
    return {};
}

Status Database::runTransaction(const std::function<Status(QSqlDatabase &)> &fn) const {
    Error last;
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        if (attempt > 0) {
            // Exponential backoff with jitter: two writers that failed each other must not retry in
            // step (the long unit of work would lose to the short one every time).
            const int base = 20 * (1 << attempt);
            std::this_thread::sleep_for(std::chrono::milliseconds(base + int(QRandomGenerator::global()->bounded(base))));
        }
        auto c = connection();
        if (!c.ok()) {
            last = c.error();
            continue; // the server may be coming back
        }
        QSqlDatabase db = *c;
        QSqlQuery begin(db);
        const QString beginSql =
            m_info.engine == Engine::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
        if (!begin.exec(beginSql)) {
            last = sqlError(begin.lastError(), tr("Starting a transaction"));
            if (isConnectionLost(begin.lastError())) {
                releaseThreadConnection();
                continue;
            }
            if (isRetryable(begin.lastError())) {
                continue;
            }
            return last;
        }
        Status s = fn(db);
        if (s.ok()) {
            QSqlQuery commit(db);
            if (commit.exec(QStringLiteral("COMMIT"))) {
                return {};
            }
            last = sqlError(commit.lastError(), tr("Committing"));
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            if (isConnectionLost(commit.lastError())) {
                // Whether the commit reached the server is unknown: report it, never retry blindly.
                releaseThreadConnection();
                last.message = tr("The connection to the database was lost while committing; check whether the "
                                  "change was saved before repeating it.");
                return last;
            }
            if (isRetryable(commit.lastError())) {
                continue;
            }
            return last;
        }
        QSqlQuery rollback(db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        if (s.error().code == ErrorCode::Database && s.error().transient) {
            last = s.error();
            if (s.error().detail.contains(QLatin1String("connection"))) {
                releaseThreadConnection();
            }
            continue;
        }
        return s;
    }
    return last;
}

bool Database::isRetryable(const QSqlError &e) {
    const QString code = e.nativeErrorCode();
    // PostgreSQL: serialization failure, deadlock. SQLite: BUSY (5), LOCKED (6) and their extended codes.
    return code == QLatin1String("40001") || code == QLatin1String("40P01") || code == QLatin1String("5") ||
           code == QLatin1String("6") || code == QLatin1String("517") || code == QLatin1String("261") ||
           code == QLatin1String("262") || isConnectionLost(e);
}

Error Database::sqlError(const QSqlError &e, const QString &what) {
    const QString code = e.nativeErrorCode();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    Error err{ErrorCode::Database, {}, QStringLiteral("%1: [%2] %3").arg(what, code, text), {}, false};
    if (code == QLatin1String("23505") || code == QLatin1String("2067") || code == QLatin1String("1555") ||
        text.contains(QLatin1String("UNIQUE constraint failed"))) {
        err.code = ErrorCode::AlreadyExists;
        err.message = tr("%1 failed: the value is already taken.").arg(what);
    } else if (code == QLatin1String("13") || code == QLatin1String("53100") || text.contains(QLatin1String("full"))) {
        err.message = tr("%1 failed: the disk is full. Nothing was saved; free some space and try again.").arg(what);
    } else if (code == QLatin1String("42501")) {
        err.code = ErrorCode::PermissionDenied;
        err.message = tr("%1 was refused by the database: your database login lacks the privilege.").arg(what);
    } else if (text.contains(QLatin1String("append-only"))) {
        err.code = ErrorCode::PermissionDenied;
        err.message = tr("The audit log is append-only: its rows can never be changed or deleted.");
    } else if (isRetryable(e)) {
        err.transient = true;
        err.message = isConnectionLost(e)
                          ? tr("%1 failed: the connection to the database server was lost. Try again when the server "
                               "is back.")
                                .arg(what)
                          : tr("%1 failed: the directory is busy (another admin is writing). Try again.").arg(what);
        if (isConnectionLost(e)) {
            err.detail += QStringLiteral(" (connection)");
        }
    } else {
        err.message = tr("%1 failed: %2").arg(what, text.trimmed());
    }
    return err;
}

Status Database::checkBindable(const QVariantList &values) {
    for (const QVariant &v : values) {
        if (v.typeId() != QMetaType::QString) {
            continue;
        }
        const QString s = v.toString();
        if (s.contains(QChar(0))) {
            return Error::invalid(tr("The text contains a NUL character, which Atrium cannot store; remove it and "
                                     "try again. Nothing was saved."));
        }
        if (!s.isValidUtf16()) {
            return Error::invalid(tr("The text contains broken Unicode (an unpaired surrogate); correct it and try "
                                     "again. Nothing was saved."));
        }
    }
    return {};
}

void Database::bindValues(QSqlQuery &q, const QVariantList &values) {
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &v = values.at(i);
        if (v.typeId() == QMetaType::QString && v.toString().isNull()) {
            q.bindValue(i, QStringLiteral(""));
        } else {
            q.bindValue(i, v);
        }
    }
}

Result<QSqlQuery> Database::exec(QSqlDatabase &db, const QString &sql, const QVariantList &values) {
    if (Status s = checkBindable(values); !s.ok()) {
        return s.error();
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        return sqlError(q.lastError(), QStringLiteral("Preparing a statement"));
    }
    bindValues(q, values);
    if (!q.exec()) {
        return sqlError(q.lastError(), tr("A database statement"));
    }
    return q;
}

Result<QString> Database::integrityCheck() const {
    auto c = connection();
    if (!c.ok()) {
        return c.error();
    }
    if (m_info.engine != Engine::Sqlite) {
        QSqlQuery q(*c);
        if (!q.exec(QStringLiteral("SELECT 1"))) {
            return sqlError(q.lastError(), tr("Checking the database"));
        }
        return QStringLiteral("ok");
    }
    QSqlQuery q(*c);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        return sqlError(q.lastError(), tr("Checking the database"));
    }
    QStringList lines;
    while (q.next()) {
        lines << q.value(0).toString();
    }
    QSqlQuery fk(*c);
    if (fk.exec(QStringLiteral("PRAGMA foreign_key_check")) && fk.next()) {
        lines << QStringLiteral("foreign key violation in %1").arg(fk.value(0).toString());
    }
    return lines.join(QLatin1Char('\n'));
}

Status Database::backupTo(const QString &path) const {
    if (QFileInfo::exists(path)) {
        return Error::invalid(tr("%1 already exists; choose a new file name for the backup.")
                                  .arg(QDir::toNativeSeparators(path)));
    }
    if (m_info.engine == Engine::Sqlite) {
        auto c = connection();
        if (!c.ok()) {
            return c.error();
        }
        QSqlQuery q(*c);
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(path);
        if (!q.exec()) {
            return sqlError(q.lastError(), tr("Backing up the directory"));
        }
        return {};
    }
    QProcess dump;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!m_info.password.isEmpty()) {
        env.insert(QStringLiteral("PGPASSWORD"), m_info.password);
    }
    dump.setProcessEnvironment(env);
    dump.start(QStringLiteral("pg_dump"), {QStringLiteral("--format=custom"), QStringLiteral("--file"), path,
                                           QStringLiteral("--host"), m_info.host, QStringLiteral("--port"),
                                           QString::number(m_info.port), QStringLiteral("--username"), m_info.user,
                                           m_info.database});
    if (!dump.waitForStarted(10000)) {
        return Error{ErrorCode::Unsupported,
                     tr("pg_dump is not installed (Debian package postgresql-client); it makes PostgreSQL backups."),
                     {},
                     {},
                     false};
    }
    dump.waitForFinished(-1);
    if (dump.exitStatus() != QProcess::NormalExit || dump.exitCode() != 0) {
        return Error{ErrorCode::Database, tr("pg_dump failed: %1").arg(QString::fromLocal8Bit(dump.readAllStandardError()).trimmed()), {}, {}, false};
    }
    return {};
}

} // namespace atrium::core
