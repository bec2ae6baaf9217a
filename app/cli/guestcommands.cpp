// atriumctl guests [filters] [--sort COL] [--desc] [--limit N] [--json] / export guests --csv FILE
// [filters] / bench-seed --guests N. Listing and export read through GuestDirectory (database-side
// filter, sort and keyset paging), so they stay fast on a million guests.
#include "guestcommands.h"

#include "core/base/domainname.h"
#include "core/guests/guestdirectory.h"
#include "core/guests/guestseeder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <unistd.h>

namespace atrium::cli {
using namespace atrium::core;
namespace {

void addFilterOptions(QCommandLineParser &p) {
    p.addOption({QStringLiteral("state"), tr("PendingAcceptance or Accepted."), tr("STATE")});
    p.addOption({QStringLiteral("domain"), tr("Only guests whose mail is in this domain."), tr("DOMAIN")});
    p.addOption({QStringLiteral("search"), tr("Prefix words of name, email or domain; \"a@b\" is an email prefix."),
                 tr("TEXT")});
    p.addOption({QStringLiteral("creation-type"), tr("Invitation or SelfServiceSignUp."), tr("TYPE")});
    p.addOption({QStringLiteral("pending-days"), tr("Pending acceptance for more than N days."), tr("N")});
    p.addOption({QStringLiteral("inactive-days"), tr("No sign-in for N days (from creation if never)."), tr("N")});
    p.addOption({QStringLiteral("sort"), tr("Column: displayName, mail, userPrincipalName, externalUserState, "
                                            "creationType, userType, invitedBy, invitedOn, "
                                            "externalUserStateChangeDateTime, lastSignIn, sponsors, signInBlocked."),
                 tr("COL")});
    p.addOption({QStringLiteral("desc"), tr("Sort in descending order.")});
}

Result<int> dayOption(QCommandLineParser &p, const QString &name) {
    if (!p.isSet(name)) {
        return 0;
    }
    bool ok = false;
    const int n = p.value(name).toInt(&ok);
    if (!ok || n < 1 || n > 36500) {
        return Error::invalid(tr("--%1 takes a number of days from 1 to 36500.").arg(name), name);
    }
    return n;
}

Result<GuestQuery> queryFrom(QCommandLineParser &p, const Clock &clock) {
    GuestQuery q;
    q.asOfMs = clock.nowMs();
    q.search = p.value(QStringLiteral("search"));
    if (p.isSet(QStringLiteral("state"))) {
        q.state = externalUserStateFromString(p.value(QStringLiteral("state")));
        if (!q.state) {
            return Error::invalid(tr("--state is PendingAcceptance or Accepted."), QStringLiteral("state"));
        }
    }
    if (p.isSet(QStringLiteral("creation-type"))) {
        q.creationType = creationTypeFromString(p.value(QStringLiteral("creation-type")));
        if (!q.creationType) {
            return Error::invalid(tr("--creation-type is Invitation or SelfServiceSignUp."),
                                  QStringLiteral("creation-type"));
        }
    }
    if (p.isSet(QStringLiteral("domain"))) {
        auto d = normalizeDomain(p.value(QStringLiteral("domain")));
        if (!d.ok()) {
            return d.error();
        }
        q.domain = *d;
    }
    auto pending = dayOption(p, QStringLiteral("pending-days"));
    if (!pending.ok()) {
        return pending.error();
    }
    q.pendingOlderThanDays = *pending;
    auto inactive = dayOption(p, QStringLiteral("inactive-days"));
    if (!inactive.ok()) {
        return inactive.error();
    }
    q.noSignInDays = *inactive;
    if (p.isSet(QStringLiteral("sort"))) {
        const auto c = guestColumnFromKey(p.value(QStringLiteral("sort")));
        if (!c) {
            return Error::invalid(tr("Unknown --sort column %1; see atriumctl guests --help.")
                                      .arg(p.value(QStringLiteral("sort"))),
                                  QStringLiteral("sort"));
        }
        q.sortColumn = *c;
    }
    q.order = p.isSet(QStringLiteral("desc")) ? Qt::DescendingOrder : Qt::AscendingOrder;
    return q;
}

Status requireRead(Env &env, const QString &what) {
    return env.ctx->require(Permission::ReadDirectory, {what, category::UserManagement});
}

int cmdGuests(QCommandLineParser &p, const QString &dbUrl) {
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    auto q = queryFrom(p, *env->clock);
    if (!q.ok()) {
        return fail(q.error());
    }
    int limit = 100;
    if (p.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = p.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1) {
            return usage(tr("--limit takes a positive number."));
        }
    }
    if (Status s = requireRead(*env, QStringLiteral("List guests")); !s.ok()) {
        return fail(s.error());
    }
    auto c = env->db->connection();
    if (!c.ok()) {
        return fail(c.error());
    }
    // Pages of at most 1000 rows: a large --limit never holds one huge statement open.
    QList<GuestRow> rows;
    std::optional<GuestCursor> cursor;
    while (rows.size() < limit) {
        auto page = GuestDirectory::fetchPage(*c, env->db->engine(), *q, cursor,
                                              std::min(1000, limit - static_cast<int>(rows.size())));
        if (!page.ok()) {
            return fail(page.error());
        }
        rows += page->rows;
        if (!page->next) {
            break;
        }
        cursor = page->next;
    }
    auto count = GuestDirectory::count(*c, env->db->engine(), *q);
    if (!count.ok()) {
        return fail(count.error());
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const GuestRow &r : rows) {
            array.append(r.toJson());
        }
        printJson(QJsonObject{{QStringLiteral("guests"), array},
                              {QStringLiteral("count"), count->count},
                              {QStringLiteral("countCapped"), count->capped}});
        return 0;
    }
    for (const GuestRow &r : rows) {
        out() << r.displayName << '\t' << r.mail << '\t' << r.text(GuestColumn::State) << '\t'
              << r.text(GuestColumn::LastSignIn) << '\t' << r.id << '\n';
    }
    out() << count->text() << Qt::endl;
    return 0;
}

int cmdExport(QCommandLineParser &p, const QString &dbUrl) {
    const QStringList args = p.positionalArguments();
    if (args != QStringList{QStringLiteral("guests")} || !p.isSet(QStringLiteral("csv"))) {
        return usage(tr("export needs: export guests --csv FILE [filters]"));
    }
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    auto q = queryFrom(p, *env->clock);
    if (!q.ok()) {
        return fail(q.error());
    }
    if (Status s = requireRead(*env, QStringLiteral("Export guests")); !s.ok()) {
        return fail(s.error());
    }
    auto c = env->db->connection();
    if (!c.ok()) {
        return fail(c.error());
    }
    // Written to a temporary file and renamed at the end: a failed export leaves no half file.
    QSaveFile file(p.value(QStringLiteral("csv")));
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(Error::invalid(tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()),
                                   QStringLiteral("csv")));
    }
    const bool showProgress = !p.isSet(QStringLiteral("json")) && isatty(fileno(stderr));
    auto written = GuestDirectory::exportCsv(*c, env->db->engine(), *q, &file, [&](qint64 rows) {
        if (showProgress && rows % 50000 == 0) {
            err() << "\r" << tr("%1 guests").arg(rows) << Qt::flush;
        }
        return true;
    });
    if (showProgress) {
        err() << "\r" << Qt::flush;
    }
    if (!written.ok()) {
        file.cancelWriting();
        return fail(written.error());
    }
    if (!file.commit()) {
        return fail(Error{ErrorCode::Internal, tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()),
                          {}, {}, false});
    }
    if (p.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("file"), file.fileName()}, {QStringLiteral("rows"), *written}});
    } else {
        out() << tr("%1 guests written to %2").arg(*written).arg(file.fileName()) << Qt::endl;
    }
    return 0;
}

int cmdBenchSeed(QCommandLineParser &p, const QString &dbUrl) {
    bool ok = false;
    const int n = p.value(QStringLiteral("guests")).toInt(&ok);
    if (!ok || n < 1 || n > 10000000) {
        return usage(tr("bench-seed needs --guests N (1 to 10,000,000)."));
    }
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    // Writing guests without invitations is a directory-wide change: the same permission as
    // deleting or editing guests.
    if (Status s = env->ctx->require(Permission::ManageGuests, {QStringLiteral("Seed benchmark guests"),
                                                                category::UserManagement});
        !s.ok()) {
        return fail(s.error());
    }
    SeedOptions options;
    if (!p.isSet(QStringLiteral("json")) && isatty(fileno(stderr))) {
        options.progress = [](int done, int total) {
            err() << "\r" << tr("%1 of %2 guests").arg(done).arg(total) << Qt::flush;
        };
    }
    auto seeded = seedGuests(*env->db, *env->clock, n, options);
    if (options.progress) {
        err() << "\n" << Qt::flush;
    }
    if (!seeded.ok()) {
        return fail(seeded.error());
    }
    if (p.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("guests"), *seeded}});
    } else {
        out() << tr("%1 benchmark guests added (they have no invitations).").arg(*seeded) << Qt::endl;
    }
    return 0;
}

} // namespace

void registerGuestCommands(CommandMap &c) {
    c[QStringLiteral("guests")] = {
        tr("List guests, filtered and sorted in the database."),
        QStringLiteral("guests [--state S] [--domain D] [--search Q] [--creation-type T] [--pending-days N] "
                       "[--inactive-days N] [--sort COL] [--desc] [--limit N] [--json]"),
        [](QCommandLineParser &p) {
            addFilterOptions(p);
            p.addOption({QStringLiteral("limit"), tr("At most N guests (default 100)."), tr("N")});
            p.addOption(jsonOption());
        },
        cmdGuests};
    c[QStringLiteral("export")] = {
        tr("Export the guests a filter shows to CSV (RFC 4180, formula-safe)."),
        QStringLiteral("export guests --csv FILE [--state S] [--domain D] [--search Q] [--creation-type T] "
                       "[--pending-days N] [--inactive-days N] [--sort COL] [--desc] [--json]"),
        [](QCommandLineParser &p) {
            addFilterOptions(p);
            p.addOption({QStringLiteral("csv"), tr("The CSV file to write."), tr("FILE")});
            p.addOption(jsonOption());
            p.addPositionalArgument(QStringLiteral("what"), tr("What to export: guests."));
        },
        cmdExport};
    c[QStringLiteral("bench-seed")] = {
        tr("Fill the directory with N realistic guests for benchmarks (no invitations)."),
        QStringLiteral("bench-seed --guests N [--json]"),
        [](QCommandLineParser &p) {
            p.addOption({QStringLiteral("guests"), tr("How many guests to add."), tr("N")});
            p.addOption(jsonOption());
        },
        cmdBenchSeed};
}

} // namespace atrium::cli
