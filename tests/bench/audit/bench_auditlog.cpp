// bench_auditlog: the audit log view with 10,000,000 rows, on SQLite or on PostgreSQL. Seeds with
// INSERT ... SELECT from a counter in big transactions (the append-only triggers allow INSERT) with
// the audit_log indexes (and on SQLite the search trigger) dropped, then builds them once — on
// SQLite also the search index (FTS5 'rebuild') and the search's term list; times the first page and
// the first page of every filter the pane offers, the search; and on SQLite the cost of
// AuditLog::append with and without the search index, on a fresh directory and on the seeded log.
// Usage: bench_auditlog [ROWS] [DB_PATH | postgresql://user@host:port/db (seeded once, kept)]
//   ATRIUM_BENCH_AUDIT_ENGINE=postgresql  a private PostgreSQL cluster (tests/support/pgserver.h: initdb
//                                         as nobody under /tmp, fsync off, default shared_buffers);
//                                         seeded on every run, DB_PATH unused
//   ATRIUM_BENCH_AUDIT_COLD=1 (root)      every query cold: OS page cache dropped before it (and on
//                                         PostgreSQL the server restarted, emptying shared buffers)
//   ATRIUM_BENCH_AUDIT_RESTART='cmd'      with COLD=1 and a server of your own: the shell command that
//                                         restarts it (e.g. pg_ctl -m fast restart), run before each query
#include "core/audit/auditquery.h"
#include "core/base/clock.h"
#include "core/services/audit.h"
#include "core/services/operator.h"
#include "core/storage/database.h"
#include "directoryfixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdlib>
#include <functional>
#include <unistd.h>

using namespace atrium::core;

namespace {
void line(QTextStream &out, const QString &name, double value, const char *unit, double target) {
    out << "BENCH " << name << ": " << QString::number(value, 'f', 2) << ' ' << unit << " (target <= "
        << QString::number(target, 'f', 0) << ' ' << unit << ") " << (value <= target ? "PASS" : "MISS") << '\n';
    out.flush();
}

const QStringList kActivities{QStringLiteral("Invite external user"), QStringLiteral("Redeem external user invite"),
                              QStringLiteral("Update user"), QStringLiteral("Add member to role"),
                              QStringLiteral("Delete external user"), QStringLiteral("Update directory setting"),
                              QStringLiteral("Batch invites processed"), QStringLiteral("Add member to group")};
const QStringList kCategories{QStringLiteral("UserManagement"), QStringLiteral("Invitations"),
                              QStringLiteral("RoleManagement"), QStringLiteral("GroupManagement")};
const qint64 kBase = 1735689600000; // 2025-01-01; one row every ~3 s for 10M rows ≈ one year

// The rows: 500 actors, 8 activities, 4 categories, 200,000 targets, 1 in 97 denied, a correlation id
// per 50 rows. `counter` is a CTE or function yielding i over [first, last); the same text on both engines.
QString seedInsert(const QString &counter) {
    return QStringLiteral("INSERT INTO audit_log (at_ms, actor_id, actor_name, activity, category, target_type, "
                          "target_id, target_name, result, reason, correlation_id) "
                          "SELECT ? + i * 3000, 'u' || (i % 500), 'admin' || (i % 500) || '@fabrikam.example', "
                          "(SELECT name FROM bench_activity WHERE k = i % 8), "
                          "(SELECT name FROM bench_category WHERE k = i % 4), 'user', 't' || (i % 200000), "
                          "'Guest ' || (i % 200000), CASE WHEN i % 97 = 0 THEN 'denied' ELSE 'success' END, '', "
                          "'job' || (i / 50) FROM ") +
           counter;
}

bool fillLookups(QSqlDatabase &c) {
    QSqlQuery q(c);
    if (!q.exec(QStringLiteral("CREATE TEMP TABLE bench_activity (k INTEGER PRIMARY KEY, name TEXT)")) ||
        !q.exec(QStringLiteral("CREATE TEMP TABLE bench_category (k INTEGER PRIMARY KEY, name TEXT)"))) {
        return false;
    }
    for (int i = 0; i < kActivities.size(); ++i) {
        if (!Database::exec(c, QStringLiteral("INSERT INTO bench_activity VALUES (?, ?)"), {i, kActivities.at(i)}).ok()) {
            return false;
        }
    }
    for (int i = 0; i < kCategories.size(); ++i) {
        if (!Database::exec(c, QStringLiteral("INSERT INTO bench_category VALUES (?, ?)"), {i, kCategories.at(i)}).ok()) {
            return false;
        }
    }
    return true;
}

qint64 countRows(QSqlDatabase &c) {
    QSqlQuery q(c);
    q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

// Loads rows [have, rows) in transactions of a million.
bool load(Database &db, qint64 have, qint64 rows, const QString &insert, QTextStream &out) {
    const qint64 batch = 1'000'000;
    for (qint64 start = have; start < rows; start += batch) {
        const Status s = db.transaction([&](QSqlDatabase &tx) -> Status {
            auto r = Database::exec(tx, insert, {kBase, start, qMin(rows, start + batch)});
            return r.ok() ? Status() : Status(r.error());
        });
        if (!s.ok()) {
            out << "seed failed: " << s.error().detail << '\n';
            return false;
        }
    }
    return true;
}

// Runs each statement; on the first failure says which step failed and why.
bool execAll(QSqlQuery &q, const QStringList &statements, const char *what, QTextStream &out) {
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            out << what << " failed: " << q.lastError().text() << '\n';
            return false;
        }
    }
    return true;
}

bool seedSqlite(Database &db, QSqlDatabase &c, qint64 rows, QTextStream &out) {
    const qint64 have = countRows(c);
    if (have >= rows) {
        return true;
    }
    QElapsedTimer seed;
    seed.start();
    QSqlQuery q(c);
    // The indexes and the search trigger on audit_log, dropped for the load and built once after.
    QStringList rebuild;
    q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'audit_log' AND sql IS NOT NULL "
                          "AND (type = 'index' OR (type = 'trigger' AND name = 'audit_fts_insert'))"));
    QStringList drops;
    while (q.next()) {
        drops << (q.value(0).toString() == QLatin1String("index") ? QStringLiteral("DROP INDEX ")
                                                                 : QStringLiteral("DROP TRIGGER ")) +
                     q.value(1).toString();
        rebuild << q.value(2).toString();
    }
    if (!execAll(q, drops, "drop", out)) {
        return false;
    }
    if (!fillLookups(c) ||
        !load(db, have, rows,
              seedInsert(QStringLiteral("(WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
                                        "SELECT i FROM n)")),
              out)) {
        return false;
    }
    const qint64 loadS = seed.elapsed() / 1000;
    QElapsedTimer build;
    build.start();
    if (!execAll(q, rebuild, "rebuild", out)) {
        return false;
    }
    const qint64 indexS = build.elapsed() / 1000;
    build.start();
    if (!q.exec(QStringLiteral("INSERT INTO audit_fts (audit_fts) VALUES ('rebuild')"))) {
        out << "fts rebuild failed: " << q.lastError().text() << '\n';
        return false;
    }
    // The search's term list (migration 013), refilled from the rebuilt index as 013 fills it.
    if (!q.exec(QStringLiteral("CREATE VIRTUAL TABLE temp.bench_fts_rows USING fts5vocab(main, audit_fts, 'row')")) ||
        !q.exec(QStringLiteral("INSERT OR IGNORE INTO audit_terms (term) SELECT term FROM temp.bench_fts_rows")) ||
        !q.exec(QStringLiteral("DROP TABLE temp.bench_fts_rows"))) {
        out << "term list refill failed: " << q.lastError().text() << '\n';
        return false;
    }
    out << "seeded " << rows << " rows in " << seed.elapsed() / 1000 << " s (load " << loadS << " s, "
        << rebuild.size() << " indexes and trigger " << indexS << " s, search index and term list "
        << build.elapsed() / 1000 << " s)\n";
    out.flush();
    return true;
}

bool seedPostgres(Database &db, QSqlDatabase &c, qint64 rows, QTextStream &out) {
    QElapsedTimer seed;
    seed.start();
    QSqlQuery q(c);
    // Every index but the primary key (the search's GIN index included), dropped for the load.
    QStringList rebuild;
    QStringList drops;
    q.exec(QStringLiteral("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'audit_log' "
                          "AND indexname <> 'audit_log_pkey'"));
    while (q.next()) {
        drops << QStringLiteral("DROP INDEX ") + q.value(0).toString();
        rebuild << q.value(1).toString();
    }
    if (!execAll(q, drops, "drop", out)) {
        return false;
    }
    if (!fillLookups(c) ||
        !load(db, countRows(c), rows, seedInsert(QStringLiteral("generate_series(?::bigint, ?::bigint - 1) AS n(i)")),
              out)) {
        return false;
    }
    const qint64 loadS = seed.elapsed() / 1000;
    QElapsedTimer build;
    build.start();
    q.exec(QStringLiteral("SET maintenance_work_mem = '1GB'"));
    if (!execAll(q, rebuild, "rebuild", out)) {
        return false;
    }
    const qint64 indexS = build.elapsed() / 1000;
    build.start();
    if (!q.exec(QStringLiteral("VACUUM ANALYZE audit_log"))) {
        out << "vacuum failed: " << q.lastError().text() << '\n';
        return false;
    }
    out << "seeded " << rows << " rows in " << seed.elapsed() / 1000 << " s (load " << loadS << " s, "
        << rebuild.size() << " indexes " << indexS << " s, vacuum analyze " << build.elapsed() / 1000 << " s)\n";
    out.flush();
    return true;
}

void dropPageCache(QTextStream &out) {
    ::sync();
    QFile drop(QStringLiteral("/proc/sys/vm/drop_caches"));
    if (!drop.open(QIODevice::WriteOnly | QIODevice::Unbuffered) || drop.write("1") != 1) {
        out << "cannot drop the page cache (ATRIUM_BENCH_AUDIT_COLD needs root): " << drop.errorString() << '\n';
        std::exit(1);
    }
}

// Times the first page of the pane and of every filter and search. `connection` is called before
// each timed query (after `beforeQuery`, which empties the caches in a cold run) and is not timed.
void timeQueries(QTextStream &out, const QString &engine, qint64 rows, const std::function<void()> &beforeQuery,
                 const std::function<QSqlDatabase()> &connection) {
    const QString prefix = engine == QLatin1String("sqlite") ? QStringLiteral("audit ")
                                                             : QStringLiteral("audit (%1) ").arg(engine);
    const auto timePage = [&](const QString &name, const AuditFilter &f, double target) {
        beforeQuery();
        QSqlDatabase c = connection();
        QElapsedTimer t;
        t.start();
        auto page = AuditQuery::fetch(c, f, {}, 200);
        const double ms = t.nsecsElapsed() / 1e6;
        if (!page.ok()) {
            out << "query failed: " << page.error().detail << '\n';
            return;
        }
        line(out, prefix + name + QStringLiteral(" (%1 rows)").arg(page->rows.size()), ms, "ms", target);
    };
    const qint64 last = kBase + (rows - 1) * 3000;
    timePage(QStringLiteral("first page"), {}, 300);
    AuditFilter f;
    f.activity = kActivities.at(3);
    timePage(QStringLiteral("filter activity"), f, 100);
    f = {};
    f.category = kCategories.at(2);
    timePage(QStringLiteral("filter category"), f, 100);
    f = {};
    f.actor = QStringLiteral("admin42@fabrikam.example");
    timePage(QStringLiteral("filter actor"), f, 100);
    f = {};
    f.target = QStringLiteral("Guest 777");
    timePage(QStringLiteral("filter target"), f, 100);
    f = {};
    f.result = QStringLiteral("denied");
    timePage(QStringLiteral("filter result"), f, 100);
    f = {};
    f.correlationId = QStringLiteral("job%1").arg(rows / 100);
    timePage(QStringLiteral("filter correlation id"), f, 100);
    f = {};
    f.fromMs = kBase + (rows / 2) * 3000; // a day in the middle of the year
    f.toMs = f.fromMs + 24LL * 3600 * 1000;
    timePage(QStringLiteral("filter time range (old day)"), f, 100);
    f = {};
    f.fromMs = last - 30LL * 24 * 3600 * 1000; // the default retention
    f.activity = kActivities.at(0);
    timePage(QStringLiteral("filter retention+activity"), f, 100);
    f = {};
    f.search = QStringLiteral("guest 12345");
    timePage(QStringLiteral("search 'guest 12345' (rare: 550 rows)"), f, 100);
    f.search = QStringLiteral("Guest 777");
    timePage(QStringLiteral("search 'Guest 777' (rare: 50+ rows)"), f, 100);
    f.search = QStringLiteral("external");
    timePage(QStringLiteral("search 'external' (every 4th row)"), f, 100);
    f.search = QStringLiteral("gu");
    timePage(QStringLiteral("search 'gu' (every row)"), f, 100);
    f.search = QStringLiteral("admin42 invite");
    timePage(QStringLiteral("search 'admin42 invite' (11 actors x 3 activities: ~0.8 %)"), f, 100);
    // How the drive limit (hits read before the search walks the rows instead) bounds a search
    // with many hits on SQLite: ATRIUM_BENCH_AUDIT_DRIVES=a,b,c times 'admin42 invite' once per limit.
    for (const QString &limit : qEnvironmentVariable("ATRIUM_BENCH_AUDIT_DRIVES").split(u',', Qt::SkipEmptyParts)) {
        const int saved = AuditQuery::searchDriveLimit();
        AuditQuery::setSearchDriveLimit(limit.toInt());
        timePage(QStringLiteral("search 'admin42 invite', drive limit %1").arg(limit), f, 100);
        AuditQuery::setSearchDriveLimit(saved);
    }
    f.search = QStringLiteral("guest 12345");
    f.activity = kActivities.at(3);
    timePage(QStringLiteral("search 'guest 12345' + activity"), f, 100);
    f = {};
    f.search = QStringLiteral("invite");
    f.fromMs = kBase + (rows / 2) * 3000;
    f.toMs = f.fromMs + 24LL * 3600 * 1000;
    timePage(QStringLiteral("search 'invite' + old day"), f, 100);
}
// Warm figures after a cold pass: every query once untimed first. Right after the cold pass each
// query would still be the first since its own page cache drop (the cold pass empties the caches
// before every query), which once read as a "warm" 350 ms for 'admin42 invite'.
void timeWarm(QTextStream &out, qint64 rows, const std::function<QSqlDatabase()> &connection) {
    QString discarded;
    QTextStream priming(&discarded);
    timeQueries(priming, QStringLiteral("priming"), rows, [] {}, connection);
    timeQueries(out, QStringLiteral("postgresql, warm"), rows, [] {}, connection);
}

// The database's connection, reconnected after a restart; the bench ends if it cannot connect.
QSqlDatabase connectOrExit(const Database &db, QTextStream &out) {
    auto conn = db.connection();
    if (!conn.ok()) {
        out << "cannot connect: " << conn.error().message << '\n';
        std::exit(1);
    }
    return *conn;
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const qint64 rows = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 10'000'000;
    const bool cold = qEnvironmentVariableIntValue("ATRIUM_BENCH_AUDIT_COLD") == 1;
    const QString engine = qEnvironmentVariable("ATRIUM_BENCH_AUDIT_ENGINE", QStringLiteral("sqlite"));
    if (engine == QLatin1String("postgresql")) {
        atrium::test::DirectoryFixture fx;
        QString error;
        if (!fx.start(&error)) {
            out << "cannot start PostgreSQL: " << error << '\n';
            return 1;
        }
        auto db = fx.freshDatabase(engine);
        if (!db.ok()) {
            out << "cannot create the database: " << db.error().message << '\n';
            return 1;
        }
        auto c = (*db)->connection();
        if (!c.ok() || !seedPostgres(**db, *c, rows, out)) {
            return 1;
        }
        timeQueries(
            out, cold ? QStringLiteral("postgresql, cold") : engine, rows,
            [&] {
                if (cold) {
                    if (!fx.pg().restart(&error)) {
                        out << "cannot restart PostgreSQL: " << error << '\n';
                        std::exit(1);
                    }
                    dropPageCache(out);
                }
            },
            [&] { return connectOrExit(**db, out); });
        if (cold) { // the cluster is gone at exit: the warm figures of the same seed, in the same run
            timeWarm(out, rows, [&] { return connectOrExit(**db, out); });
        }
        return 0;
    }

    QTemporaryDir tmp;
    ConnectionInfo info;
    info.path = argc > 2 ? QString::fromLocal8Bit(argv[2]) : tmp.filePath(QStringLiteral("bench.sqlite"));
    if (info.path.startsWith(QLatin1String("postgresql://"))) {
        // A server of your own, kept between runs (seeded once, like a DB_PATH file). Cold is not
        // offered: the bench cannot restart it to empty its shared buffers.
        auto parsed = ConnectionInfo::parse(info.path);
        auto db = parsed.ok() ? Database::open(*parsed, Database::OpenMode::CreateIfMissing)
                              : Result<std::shared_ptr<Database>>(parsed.error());
        const QByteArray restart = qgetenv("ATRIUM_BENCH_AUDIT_RESTART");
        if (!db.ok() || (cold && restart.isEmpty())) {
            out << (db.ok() ? QStringLiteral("ATRIUM_BENCH_AUDIT_COLD on a server of your own needs "
                                             "ATRIUM_BENCH_AUDIT_RESTART, the command that restarts it")
                            : QStringLiteral("cannot open: ") + db.error().message)
                << '\n';
            return 1;
        }
        auto c = (*db)->connection();
        if (!c.ok() || (countRows(*c) < rows && !seedPostgres(**db, *c, rows, out))) {
            return 1;
        }
        const auto connection = [&] { return connectOrExit(**db, out); };
        if (cold) {
            timeQueries(
                out, QStringLiteral("postgresql, cold"), rows,
                [&] {
                    if (std::system(restart.constData()) != 0) {
                        out << "ATRIUM_BENCH_AUDIT_RESTART failed: " << restart << '\n';
                        std::exit(1);
                    }
                    dropPageCache(out);
                },
                connection);
        }
        if (cold) {
            timeWarm(out, rows, connection);
        } else {
            timeQueries(out, QStringLiteral("postgresql"), rows, [] {}, connection);
        }
        return 0;
    }
    auto db = Database::open(info, Database::OpenMode::CreateIfMissing);
    if (!db.ok()) {
        out << "cannot open: " << db.error().message << '\n';
        return 1;
    }
    auto c = (*db)->connection();
    if (!c.ok() || !seedSqlite(**db, *c, rows, out)) {
        return 1;
    }
    // A cold SQLite query: the OS page cache emptied and the connection's own cache cleared — what
    // the operator waits for on a file the machine has not read since it booted or since memory
    // reclaim evicted it.
    timeQueries(
        out, engine, rows,
        [&] {
            if (cold) {
                (void)Database::exec(*c, QStringLiteral("PRAGMA shrink_memory"), {});
                dropPageCache(out);
            }
        },
        [&] { return *c; });

    // The write side: 10,000 AuditLog::append in transactions of 100 (as a bulk job's chunk), with the
    // search index and with its trigger dropped; on a fresh directory (committed) and on this one
    // (rolled back, so the seeded log stays as it is).
    const auto appendCost = [&](QSqlDatabase &conn, bool withSearchIndex, bool keep) -> double {
        QSqlQuery tx(conn);
        SystemClock clock;
        Operator op;
        op.userId = QStringLiteral("u42");
        op.userPrincipalName = QStringLiteral("admin42@fabrikam.example");
        qint64 ns = 0;
        for (int chunk = 0; chunk < 100; ++chunk) {
            tx.exec(QStringLiteral("BEGIN IMMEDIATE"));
            if (!withSearchIndex) {
                tx.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_fts_insert")); // undone by the rollback
            }
            QElapsedTimer t;
            t.start();
            for (int i = chunk * 100; i < chunk * 100 + 100; ++i) {
                AuditEntry e;
                e.activity = kActivities.at(i % kActivities.size());
                e.category = kCategories.at(i % kCategories.size());
                e.targetType = QStringLiteral("user");
                e.targetId = QStringLiteral("t%1").arg(i);
                e.targetName = QStringLiteral("guest%1@contoso.example").arg(i);
                e.result = QStringLiteral("success");
                e.reason = QStringLiteral("Invited by the bulk job");
                if (!AuditLog::append(conn, clock, op, e).ok()) {
                    return -1;
                }
            }
            tx.exec(keep ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
            ns += t.nsecsElapsed();
        }
        return ns / 1e6 / 10000;
    };
    const auto fresh = [&](bool withSearchIndex) -> double {
        QTemporaryDir dir;
        ConnectionInfo small;
        small.path = dir.filePath(QStringLiteral("append.sqlite"));
        auto sdb = Database::open(small, Database::OpenMode::CreateIfMissing);
        if (!sdb.ok()) {
            return -1;
        }
        auto sc = (*sdb)->connection();
        return appendCost(*sc, withSearchIndex, true);
    };
    const auto us = [](double ms) { return QString::number(ms * 1000, 'f', 1); };
    out << "BENCH audit append, fresh directory: " << us(fresh(false)) << " us/row without search index, "
        << us(fresh(true)) << " us/row with (info)\n";
    out.flush();
    const double bigWithout = appendCost(*c, false, false);
    const double bigWith = appendCost(*c, true, false);
    out << "BENCH audit append, seeded log (rolled back): " << us(bigWithout) << " us/row without search index, "
        << us(bigWith) << " us/row with (info)\n";
    return 0;
}
