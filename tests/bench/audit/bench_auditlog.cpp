// bench_auditlog: the audit log view with 10,000,000 rows on SQLite. Seeds with plain INSERTs in
// big transactions (the append-only triggers allow INSERT), then times the first page and the first
// page of every filter the pane offers. Usage: bench_auditlog [ROWS] [DB_PATH]
#include "core/audit/auditquery.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

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
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const qint64 rows = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 10'000'000;
    QTemporaryDir tmp;
    ConnectionInfo info;
    info.path = argc > 2 ? QString::fromLocal8Bit(argv[2]) : tmp.filePath(QStringLiteral("bench.sqlite"));
    auto db = Database::open(info, Database::OpenMode::CreateIfMissing);
    if (!db.ok()) {
        out << "cannot open: " << db.error().message << '\n';
        return 1;
    }
    auto c = (*db)->connection();
    const qint64 base = 1735689600000; // 2025-01-01; one row every ~3 s for 10M rows ≈ one year
    qint64 have = 0;
    {
        QSqlQuery q(*c);
        q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        have = q.next() ? q.value(0).toLongLong() : 0;
    }
    if (have < rows) {
        QElapsedTimer seed;
        seed.start();
        const qint64 batch = 200'000;
        for (qint64 start = have; start < rows; start += batch) {
            const Status s = (*db)->transaction([&](QSqlDatabase &tx) -> Status {
                QSqlQuery q(tx);
                q.prepare(QStringLiteral("INSERT INTO audit_log (at_ms, actor_id, actor_name, activity, category, "
                                         "target_type, target_id, target_name, result, reason, correlation_id) "
                                         "VALUES (?, ?, ?, ?, ?, 'user', ?, ?, ?, '', ?)"));
                for (qint64 i = start; i < qMin(rows, start + batch); ++i) {
                    q.bindValue(0, base + i * 3000);
                    q.bindValue(1, QStringLiteral("u%1").arg(i % 500));
                    q.bindValue(2, QStringLiteral("admin%1@fabrikam.example").arg(i % 500));
                    q.bindValue(3, kActivities.at(int(i % kActivities.size())));
                    q.bindValue(4, kCategories.at(int(i % kCategories.size())));
                    q.bindValue(5, QStringLiteral("t%1").arg(i % 200000));
                    q.bindValue(6, QStringLiteral("Guest %1").arg(i % 200000));
                    q.bindValue(7, i % 97 == 0 ? QStringLiteral("denied") : QStringLiteral("success"));
                    q.bindValue(8, QStringLiteral("job%1").arg(i / 50));
                    if (!q.exec()) {
                        return Database::sqlError(q.lastError(), QStringLiteral("seed"));
                    }
                }
                return {};
            });
            if (!s.ok()) {
                out << "seed failed: " << s.error().detail << '\n';
                return 1;
            }
        }
        out << "seeded " << rows << " rows in " << seed.elapsed() / 1000 << " s\n";
        out.flush();
    }
    const auto timePage = [&](const QString &name, const AuditFilter &f, double target) {
        // First run warms the page cache the way a second look at the pane would; time the cold-ish
        // first run and report it (it is the one the operator waits for).
        QElapsedTimer t;
        t.start();
        auto page = AuditQuery::fetch(*c, f, {}, 200);
        const double ms = t.nsecsElapsed() / 1e6;
        if (!page.ok()) {
            out << "query failed: " << page.error().detail << '\n';
            return;
        }
        line(out, name + QStringLiteral(" (%1 rows)").arg(page->rows.size()), ms, "ms", target);
    };
    const qint64 last = base + (rows - 1) * 3000;
    timePage(QStringLiteral("audit first page"), {}, 300);
    AuditFilter f;
    f.activity = kActivities.at(3);
    timePage(QStringLiteral("audit filter activity"), f, 100);
    f = {};
    f.category = kCategories.at(2);
    timePage(QStringLiteral("audit filter category"), f, 100);
    f = {};
    f.actor = QStringLiteral("admin42@fabrikam.example");
    timePage(QStringLiteral("audit filter actor"), f, 100);
    f = {};
    f.target = QStringLiteral("Guest 777");
    timePage(QStringLiteral("audit filter target"), f, 100);
    f = {};
    f.result = QStringLiteral("denied");
    timePage(QStringLiteral("audit filter result"), f, 100);
    f = {};
    f.correlationId = QStringLiteral("job%1").arg(rows / 100);
    timePage(QStringLiteral("audit filter correlation id"), f, 100);
    f = {};
    f.fromMs = base + (rows / 2) * 3000; // a day in the middle of the year
    f.toMs = f.fromMs + 24LL * 3600 * 1000;
    timePage(QStringLiteral("audit filter time range (old day)"), f, 100);
    f = {};
    f.fromMs = last - 30LL * 24 * 3600 * 1000; // the default retention
    f.activity = kActivities.at(0);
    timePage(QStringLiteral("audit filter retention+activity"), f, 100);
    f = {};
    f.search = QStringLiteral("guest 12345");
    timePage(QStringLiteral("audit search (substring, not indexed)"), f, 100);
    return 0;
}
