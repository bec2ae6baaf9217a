// Redemption resolver throughput with a directory of 10,000 partner domains (and 1,000 federated
// domains): resolutions per second over a mix of partner, federated, Google and unknown addresses.
#include "core/federation/redemptionresolver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace atrium::core;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    ResolverContext ctx;
    ctx.googleConfigured = true;
    for (int i = 0; i < 10000; ++i) {
        ctx.partnerDirectoryDomains.insert(QStringLiteral("partner%1.example").arg(i));
    }
    for (int i = 0; i < 1000; ++i) {
        ctx.federationByDomain.insert(QStringLiteral("fed%1.example").arg(i), QStringLiteral("fed-%1").arg(i));
    }
    for (int i = 0; i < 500; ++i) {
        RedemptionOrder o;
        o.primary = {PrimaryIdp::externalFederation, PrimaryIdp::azureActiveDirectory};
        ctx.partnerOrders.insert(QStringLiteral("partner%1.example").arg(i * 20), o);
    }
    QStringList emails;
    for (int i = 0; i < 4000; ++i) {
        switch (i % 4) {
        case 0:
            emails << QStringLiteral("user%1@partner%2.example").arg(i).arg((i * 7) % 10000);
            break;
        case 1:
            emails << QStringLiteral("user%1@fed%2.example").arg(i).arg(i % 1000);
            break;
        case 2:
            emails << QStringLiteral("user%1@gmail.com").arg(i);
            break;
        default:
            emails << QStringLiteral("user%1@unknown%2.example").arg(i).arg(i);
            break;
        }
    }
    const int rounds = 25;
    qint64 checksum = 0;
    QElapsedTimer timer;
    timer.start();
    for (int r = 0; r < rounds; ++r) {
        for (const QString &email : std::as_const(emails)) {
            checksum += resolveRedemptionIdp(ctx, email, {}).trace.size();
        }
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double perSecond = double(rounds) * double(emails.size()) / seconds;
    QTextStream out(stdout);
    out << "BENCH resolver_10k_partner_domains: " << qRound64(perSecond) << " resolutions/s (target none) PASS\n";
    out << "# " << rounds * emails.size() << " resolutions, trace steps " << checksum << "\n";
    return 0;
}
