// Guest directory at a million guests (issue 3). Seeds /tmp/atrium-bench-guests-<N>.sqlite once
// (reused while it holds N guests) and times the database part of what the guest pane does:
// first page, search keystrokes, deep keyset pages, every filter and every sort.
//   bench_guestdirectory [N=1000000] [--db FILE]
#include "core/guests/guestdirectory.h"
#include "core/guests/guestseeder.h"
#include "core/services/directoryservice.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>

using namespace atrium::core;

namespace {
QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}

void bench(const QString &name, double value, const QString &unit, double target) {
    out() << "BENCH " << name << ": " << QString::number(value, 'f', 2) << ' ' << unit << " (target <= "
          << QString::number(target, 'g', 6) << ' ' << unit << ") " << (value <= target ? "PASS" : "MISS") << Qt::endl;
}

// Median of a few runs (the first run warms the page cache, as the pane's first query would not be).
template <typename F> double medianMs(F &&fn, int runs = 7) {
    QList<double> t;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        fn();
        t << timer.nsecsElapsed() / 1e6;
    }
    std::sort(t.begin(), t.end());
    return t.at(t.size() / 2);
}

double pageMs(QSqlDatabase &db, Engine e, const GuestQuery &q, const std::optional<GuestCursor> &cursor = {},
              int *rows = nullptr) {
    return medianMs([&] {
        auto p = GuestDirectory::fetchPage(db, e, q, cursor, 100);
        if (!p.ok()) {
            qFatal("fetchPage: %s %s", qPrintable(p.error().message), qPrintable(p.error().detail));
        }
        if (rows) {
            *rows = static_cast<int>(p->rows.size());
        }
    });
}

double countMs(QSqlDatabase &db, Engine e, const GuestQuery &q, QString *label) {
    return medianMs([&] {
        auto c = GuestDirectory::count(db, e, q);
        if (!c.ok()) {
            qFatal("count: %s", qPrintable(c.error().detail));
        }
        *label = c->text();
    });
}

GuestCursor cursorAt(QSqlDatabase &db, const GuestQuery &q, qint64 offset) {
    // Setup only (never in the product): OFFSET to find the row at a depth.
    GuestQuery probe = q;
    QSqlQuery s(db);
    s.prepare(QStringLiteral("SELECT display_name, id FROM users WHERE user_type = 'Guest' AND deleted_at IS NULL "
                             "ORDER BY display_name, id LIMIT 1 OFFSET ?"));
    s.addBindValue(offset);
    if (!s.exec() || !s.next()) {
        qFatal("cursorAt failed");
    }
    return {s.value(0), s.value(1).toString()};
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int n = 1000000;
    QString path;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--db") && i + 1 < args.size()) {
            path = args.at(++i);
        } else {
            n = args.at(i).toInt();
        }
    }
    if (path.isEmpty()) {
        path = QStringLiteral("/tmp/atrium-bench-guests-%1.sqlite").arg(n);
    }
    SystemClock clock;
    ConnectionInfo info;
    info.engine = Engine::Sqlite;
    info.path = path;

    QElapsedTimer open;
    open.start();
    auto database = Database::open(info, Database::OpenMode::CreateIfMissing);
    if (!database.ok()) {
        qFatal("open: %s", qPrintable(database.error().message));
    }
    Database &dbo = **database;
    auto conn = dbo.connection();
    QSqlDatabase db = *conn;
    qint64 have = 0;
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT count(*) FROM users WHERE user_type = 'Guest'"));
        q.next();
        have = q.value(0).toLongLong();
    }
    if (have < n) {
        out() << "seeding " << (n - have) << " guests into " << path << Qt::endl;
        if (have == 0) {
            (void)DirectoryService::create(dbo, clock, {QStringLiteral("Fabrikam"), QStringLiteral("fabrikam.example"),
                                                         QStringLiteral("Bench Admin"), QStringLiteral("bench"), {}});
        }
        QElapsedTimer seed;
        seed.start();
        SeedOptions options;
        options.progress = [](int done, int total) {
            if (done % 200000 == 0 || done == total) {
                out() << "  " << done << "/" << total << Qt::endl;
            }
        };
        auto seeded = seedGuests(dbo, clock, static_cast<int>(n - have), options);
        if (!seeded.ok()) {
            qFatal("seed: %s %s", qPrintable(seeded.error().message), qPrintable(seeded.error().detail));
        }
        bench(QStringLiteral("guests.seed_%1").arg(n - have), seed.elapsed() / 1000.0, QStringLiteral("s"), 60);
        // Reopen so the timings below start from a fresh connection, as the console would.
        db = QSqlDatabase();
        dbo.releaseThreadConnection();
        db = *dbo.connection();
        open.restart();
    }
    const Engine e = Engine::Sqlite;
    GuestQuery base;
    base.asOfMs = clock.nowMs();
    {
        // Open → first page, cold connection and cold statement cache (file pages may be cached).
        dbo.releaseThreadConnection();
        QElapsedTimer t;
        t.start();
        QSqlDatabase fresh = *dbo.connection();
        auto p = GuestDirectory::fetchPage(fresh, e, base, std::nullopt, 100);
        auto c = GuestDirectory::count(fresh, e, base);
        bench(QStringLiteral("guests.open_first_page_and_count_db"), t.nsecsElapsed() / 1e6, QStringLiteral("ms"), 300);
        db = fresh;
    }
    bench(QStringLiteral("guests.first_page"), pageMs(db, e, base), QStringLiteral("ms"), 5);
    QString label;
    bench(QStringLiteral("guests.count_all"), countMs(db, e, base, &label), QStringLiteral("ms"), 20);
    out() << "  label: " << label << Qt::endl;

    // Search keystrokes: page + count together are the database part of a keystroke (target 20 ms).
    for (const char *term : {"m", "me", "meg", "megan", "z", "zy", "zyg", "zygmu", "megan bo", "contoso", "kaplan.z",
                             "adele.vance.1", "qqq", "megan.bowen.", "megan.bowen.2k@"}) {
        GuestQuery q = base;
        q.search = QString::fromUtf8(term);
        int rows = 0;
        const double page = pageMs(db, e, q, std::nullopt, &rows);
        const QString plan = GuestDirectory::lastPlan();
        const double count = countMs(db, e, q, &label);
        bench(QStringLiteral("guests.search[%1].page+count").arg(q.search), page + count, QStringLiteral("ms"), 20);
        out() << "  plan " << plan << ", page " << QString::number(page, 'f', 2) << " ms (" << rows << " rows), count "
              << QString::number(count, 'f', 2) << " ms: " << label << Qt::endl;
    }

    // Deep pages by keyset: the middle and the end cost what the first page costs.
    qint64 total = 0;
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT count(*) FROM users WHERE user_type = 'Guest' AND deleted_at IS NULL"));
        q.next();
        total = q.value(0).toLongLong();
    }
    bench(QStringLiteral("guests.page_at_50pct"), pageMs(db, e, base, cursorAt(db, base, total / 2)), QStringLiteral("ms"), 5);
    bench(QStringLiteral("guests.page_at_end"), pageMs(db, e, base, cursorAt(db, base, total - 60)), QStringLiteral("ms"), 5);
    {
        GuestQuery q = base;
        q.search = QStringLiteral("m");
        auto first = GuestDirectory::fetchPage(db, e, q, std::nullopt, 100);
        bench(QStringLiteral("guests.search[m].second_page"), pageMs(db, e, q, first->next), QStringLiteral("ms"), 5);
    }

    // Filters (first page and count).
    struct F {
        const char *name;
        std::function<void(GuestQuery &)> set;
    };
    const QList<F> filters{
        {"state=PendingAcceptance", [](GuestQuery &q) { q.state = ExternalUserState::PendingAcceptance; }},
        {"state=Accepted", [](GuestQuery &q) { q.state = ExternalUserState::Accepted; }},
        {"creationType=SelfServiceSignUp", [](GuestQuery &q) { q.creationType = CreationType::SelfServiceSignUp; }},
        {"pending>30d", [](GuestQuery &q) { q.pendingOlderThanDays = 30; }},
        {"noSignIn90d", [](GuestQuery &q) { q.noSignInDays = 90; }},
        {"domain=common", [&](GuestQuery &q) {
             QSqlQuery s(db);
             s.exec(QStringLiteral("SELECT mail_domain FROM users WHERE user_type = 'Guest' GROUP BY mail_domain "
                                   "ORDER BY count(*) DESC LIMIT 1"));
             s.next();
             q.domain = s.value(0).toString();
         }},
        {"domain=rare", [&](GuestQuery &q) {
             QSqlQuery s(db);
             s.exec(QStringLiteral("SELECT mail_domain FROM users WHERE user_type = 'Guest' GROUP BY mail_domain "
                                   "ORDER BY count(*) ASC LIMIT 1"));
             s.next();
             q.domain = s.value(0).toString();
         }},
        {"pending+selfService+noSignIn90d", [](GuestQuery &q) {
             q.state = ExternalUserState::PendingAcceptance;
             q.creationType = CreationType::SelfServiceSignUp;
             q.noSignInDays = 90;
         }},
    };
    for (const F &f : filters) {
        GuestQuery q = base;
        f.set(q);
        const double page = pageMs(db, e, q);
        const QString plan = GuestDirectory::lastPlan();
        const double count = countMs(db, e, q, &label);
        bench(QStringLiteral("guests.filter[%1].page").arg(QString::fromUtf8(f.name)), page, QStringLiteral("ms"), 5);
        bench(QStringLiteral("guests.filter[%1].count").arg(QString::fromUtf8(f.name)), count, QStringLiteral("ms"), 20);
        out() << "  plan " << plan << ": " << label << Qt::endl;
    }

    // Every sort, both orders: first page and a page from the middle of that order.
    for (int c = 0; c < kGuestColumnCount; ++c) {
        for (const Qt::SortOrder o : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            GuestQuery q = base;
            q.sortColumn = static_cast<GuestColumn>(c);
            q.order = o;
            bench(QStringLiteral("guests.sort[%1 %2].first_page")
                      .arg(guestColumnKey(q.sortColumn), o == Qt::AscendingOrder ? QStringLiteral("asc") : QStringLiteral("desc")),
                  pageMs(db, e, q), QStringLiteral("ms"), 5);
        }
    }
    // Sorted and searched together (the walk plan tests each row of the sort index).
    {
        GuestQuery q = base;
        q.search = QStringLiteral("me");
        q.sortColumn = GuestColumn::LastSignIn;
        q.order = Qt::DescendingOrder;
        bench(QStringLiteral("guests.search[me]+sort[lastSignIn desc].page"), pageMs(db, e, q), QStringLiteral("ms"), 20);
    }
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM")) {
                out() << "  bench process peak RSS " << QString::fromLatin1(line.mid(6).trimmed()) << Qt::endl;
            }
        }
    }
    return 0;
}
