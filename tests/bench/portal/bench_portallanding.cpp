// BENCH portal landing: requests per second and p99 latency of GET /redeem/<token> (token looked
// up, policy checked, page rendered) on loopback, measured by wrk while another thread keeps
// working on the same SQLite directory as the console would (list guests, change a setting).
//
// The portal serves from --threads threads (default: the number of cores), as atrium-portal does:
// PortalThreads, one SO_REUSEPORT listening socket, server and RedemptionService per thread, shared
// rate limiters. --threads 1 is the single-threaded server (the figures before issue 7's change).
//
// Usage: bench_portallanding [--seconds N] [--connections N] [--guests N] [--threads N]

#include "core/redemption/redemptionservice.h"
#include "core/services/userservice.h"
#include "portalserver.h"
#include "portalthreads.h"
#include "redemptionfixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <cstdio>

using namespace atrium::core;
using namespace atrium::test;

namespace {
void bench(const char *name, double value, const char *unit, const char *op, double target) {
    const bool pass = QByteArray(op) == ">=" ? value >= target : value <= target;
    std::printf("BENCH %s: %.1f %s (target %s %.0f %s) %s\n", name, value, unit, op, target, unit,
                pass ? "PASS" : "MISS");
    std::fflush(stdout);
}

double toMs(const QString &v) {
    static const QRegularExpression re(QStringLiteral("([0-9.]+)(us|ms|s)"));
    const auto m = re.match(v);
    const double n = m.captured(1).toDouble();
    return m.captured(2) == QLatin1String("us") ? n / 1000 : m.captured(2) == QLatin1String("s") ? n * 1000 : n;
}
} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    int seconds = 10;
    int connections = 32;
    int guests = 2000;
    int threads = std::max(1, QThread::idealThreadCount());
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--seconds")) {
            seconds = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--connections")) {
            connections = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--guests")) {
            guests = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--threads")) {
            threads = std::max(1, args[i + 1].toInt());
        }
    }
    const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
    if (wrk.isEmpty()) {
        std::fprintf(stderr, "wrk not found: apt-get install wrk\n");
        return 2;
    }
    DirectoryFixture fx; // SQLite only: PostgreSQL is not started
    auto ctx = fx.freshDirectory(QStringLiteral("sqlite"));
    if (!ctx.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(ctx.error().message));
        return 1;
    }
    auto *tcp = new QTcpServer();
    tcp->listen(QHostAddress::LocalHost, 0);
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(tcp->serverPort());
    (void)setSetting(*ctx, QStringLiteral("portalBaseUrl"), base);
    auto secrets = std::make_shared<MemorySecretStore>();
    InvitationService invitations(*ctx, secrets);
    QString token;
    for (int i = 0; i < guests; ++i) {
        GuestInvite inv;
        inv.email = QStringLiteral("guest%1@contoso.com").arg(i);
        inv.redirectUrl = QStringLiteral("https://apps.fabrikam.example/");
        auto r = invitations.invite(inv);
        if (!r.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
            return 1;
        }
        if (i == guests / 2) {
            token = tokenFromUrl(r->redeemUrl);
        }
    }
    const QByteArray key = *TokenKey::load(*secrets, DirectoryService::read(ctx->db())->tenantId);
    auto service = std::make_shared<RedemptionService>(ctx->database(), fx.clock(), key);
    atrium::portal::PortalOptions po;
    po.baseUrl = base;
    po.getPerMinute = 0; // one client address makes all the load
    atrium::portal::PortalServer server(service, po);
    atrium::portal::PortalThreads pool;
    if (threads == 1) {
        server.bind(tcp);
    } else {
        const quint16 port = tcp->serverPort();
        delete tcp; // the threads' SO_REUSEPORT sockets take the port over
        auto started = pool.start(
            QHostAddress::LocalHost, port, threads,
            [&](int) {
                auto own = std::make_shared<RedemptionService>(ctx->database(), fx.clock(), key);
                auto s = std::make_unique<atrium::portal::PortalServer>(own, po);
                s->shareRateLimits(server);
                return s;
            },
            ctx->database());
        if (!started.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(started.error().message));
            return 1;
        }
    }
    std::printf("portal serving from %d thread(s)\n", threads);

    // The console at work on the same directory meanwhile.
    std::atomic<bool> stop{false};
    std::atomic<qint64> consoleOps{0};
    std::atomic<qint64> consoleWorstUs{0};
    QThread *console = QThread::create([&] {
        auto as = *ctx;
        UserService users(as);
        while (!stop) {
            QElapsedTimer t;
            t.start();
            UserQuery q;
            q.limit = 100;
            (void)users.list(q);
            (void)setSetting(as, QStringLiteral("inactiveGuestDays"), QString::number(60 + consoleOps % 30));
            consoleWorstUs = std::max<qint64>(consoleWorstUs, t.nsecsElapsed() / 1000);
            ++consoleOps;
            QThread::msleep(20);
        }
        ctx->db().releaseThreadConnection();
    });
    console->start();

    QProcess load;
    load.setProcessChannelMode(QProcess::MergedChannels);
    load.start(wrk,
               {QStringLiteral("-t2"), QStringLiteral("-c%1").arg(connections), QStringLiteral("-d%1s").arg(seconds),
                QStringLiteral("--latency"), base + QStringLiteral("/redeem/") + token});
    QObject::connect(&load, &QProcess::finished, &app, &QCoreApplication::quit);
    app.exec();
    pool.stop();
    stop = true;
    console->wait();
    delete console;
    const QString out = QString::fromLocal8Bit(load.readAll());
    std::fprintf(stderr, "%s\n", qPrintable(out));
    const double rps =
        QRegularExpression(QStringLiteral("Requests/sec:\\s*([0-9.]+)")).match(out).captured(1).toDouble();
    const double p99 = toMs(QRegularExpression(QStringLiteral("99%\\s+(\\S+)")).match(out).captured(1));
    const bool errors = out.contains(QStringLiteral("Non-2xx")) || out.contains(QStringLiteral("Socket errors"));
    bench("portal landing throughput", rps, "req/s", ">=", 10000);
    bench("portal landing p99 latency", p99, "ms", "<=", 10);
    bench("console operation worst latency during load", consoleWorstUs / 1000.0, "ms", "<=", 250);
    std::printf("console operations during load: %lld; wrk errors: %s\n", (long long)consoleOps.load(),
                errors ? "yes (see stderr)" : "none");
    return 0;
}
