// Bulk invite of 100,000 CSV rows (validated, policy-checked, guests, tokens, outbox, audit
// committed) on SQLite (target ≤ 10 s) and PostgreSQL (target ≤ 30 s). Needs a keychain: run under
// tests/support/keychainsession.sh (scripts/run-benchmarks.sh does).
#include "core/invitations/bulkinvite.h"
#include "core/secrets/keychainsecretstore.h"
#include "directoryfixture.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

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
        QElapsedTimer t;
        t.start();
        auto r = runner.run(&buf, QStringLiteral("bench.csv"), options);
        const double s = t.nsecsElapsed() / 1e9;
        if (!r.ok()) {
            std::printf("BENCH bulk_invite_%s: failed: %s\n", qPrintable(engine), qPrintable(r.error().message));
            return 1;
        }
        report(engine == QLatin1String("sqlite") ? "bulk_invite_100k_sqlite" : "bulk_invite_100k_postgresql", s,
               engine == QLatin1String("sqlite") ? 10 : 30, rows, r->succeeded);
    }
    return 0;
}
