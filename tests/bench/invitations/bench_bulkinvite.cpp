// Bulk invite of 100,000 CSV rows (validated, policy-checked, guests, tokens, outbox, audit
// committed) on SQLite (target ≤ 10 s) and PostgreSQL (target ≤ 30 s). Needs a keychain: run under
// tests/support/keychainsession.sh (scripts/run-benchmarks.sh does).
#include "core/invitations/bulkinvite.h"
#include "core/secrets/keychainsecretstore.h"
#include "directoryfixture.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

#include <sys/resource.h>

using namespace atrium::core;

namespace {
QByteArray makeCsv(int rows) {
    QByteArray b("version:v1.0\r\nEmail address to invite [inviteeEmail] Required,Redirection url [inviteRedirectURL] "
                 "Required,Send invitation message (true or false) [sendEmail],Customized invitation message "
                 "[customizedMessageBody],Name of invitee [inviteeName]\r\n");
    const char *domains[] = {"contoso.com", "woodgrovebank.com", "tailspintoys.com", "adatum.com", "litware.com",
                             "gmail.com", "northwindtraders.com", "proseware.com"};
    for (int i = 0; i < rows; ++i) {
        b += "guest" + QByteArray::number(i) + "@" + domains[i % 8] + ",https://myapps.fabrikam.example/," +
             (i % 3 == 0 ? "true" : "false") + ",Welcome to the project,Guest " + QByteArray::number(i) + "\r\n";
    }
    return b;
}

// CPU seconds of this process (user + system): on the shared build machine the wall time includes
// waiting for a core, the CPU time does not (PostgreSQL's own work is in its server processes).
double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

QString loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2) : QString();
}

void report(const char *name, double seconds, double target, int rows, int ok) {
    std::printf("BENCH %s: %.2f s for %d rows, %d invited (target <= %.0f s) %s\n", name, seconds, rows, ok, target,
                seconds <= target && ok == rows ? "PASS" : "MISS");
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const QByteArray csv = makeCsv(rows);
    atrium::test::DirectoryFixture fx;
    QString error;
    const bool pg = fx.start(&error);
    auto secrets = std::make_shared<KeychainSecretStore>(QStringLiteral("bench"));
    const bool sqliteOnly = qEnvironmentVariableIsSet("ATRIUM_BENCH_SQLITE_ONLY");
    for (const QString &engine : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        if (sqliteOnly && engine != QLatin1String("sqlite")) {
            continue;
        }
        if (engine == QLatin1String("postgresql") && !pg) {
            std::printf("BENCH bulk_invite_postgresql: not run (%s)\n", qPrintable(error));
            continue;
        }
        auto ctx = fx.freshDirectory(engine);
        if (!ctx.ok()) {
            std::printf("BENCH bulk_invite_%s: setup failed: %s\n", qPrintable(engine), qPrintable(ctx.error().message));
            return 1;
        }
        InvitationService service(*ctx, secrets);
        BulkInviteRunner runner(service);
        QBuffer buf;
        buf.setData(csv);
        buf.open(QIODevice::ReadOnly);
        BulkOptions options;
        options.batchSize = 2000;
        // ATRIUM_BENCH_SINGLE_ROW=1 measures the row-by-row path (one savepoint and statement per row
        // and table) for comparison.
        options.multiRow = !qEnvironmentVariableIsSet("ATRIUM_BENCH_SINGLE_ROW");
        QElapsedTimer t;
        const double cpu0 = cpuSeconds();
        t.start();
        auto r = runner.run(&buf, QStringLiteral("bench.csv"), options);
        const double s = t.nsecsElapsed() / 1e9;
        const double cpu = cpuSeconds() - cpu0;
        if (!r.ok()) {
            std::printf("BENCH bulk_invite_%s: failed: %s\n", qPrintable(engine), qPrintable(r.error().message));
            return 1;
        }
        report(engine == QLatin1String("sqlite") ? "bulk_invite_100k_sqlite" : "bulk_invite_100k_postgresql", s,
               engine == QLatin1String("sqlite") ? 10 : 30, rows, r->succeeded);
        std::printf("  (info) %s path, bench process CPU time %.2f s, load average at the end %s\n",
                    options.multiRow ? "multi-row" : "single-row", cpu, qPrintable(loadAverage()));
        std::fflush(stdout);
    }
    return 0;
}
