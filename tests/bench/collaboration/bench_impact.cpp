// Impact preview speed (issue 4): the preview of a settings change over 1,000,000 guests on SQLite
// in <= 500 ms. Seeds a directory with plain INSERTs in big transactions, then times the previews.
//
// Usage: bench_impact [GUESTS] (default 1,000,000). The directory is kept in a temporary folder.
#include "core/base/clock.h"
#include "core/collaboration/impactpreview.h"
#include "core/services/directoryservice.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace atrium::core;

namespace {
constexpr int kDomains = 2000;

QString domainName(int i) { return QStringLiteral("partner%1.example").arg(i, 4, 10, QLatin1Char('0')); }

void line(QTextStream &out, const QString &name, double value, const char *unit, double target) {
    out << "BENCH " << name << ": " << QString::number(value, 'f', 1) << ' ' << unit << " (target <= "
        << QString::number(target, 'f', 0) << ' ' << unit << ") " << (value <= target ? "PASS" : "MISS") << Qt::endl;
}

bool seed(Database &db, int guests, QTextStream &out) {
    QElapsedTimer t;
    t.start();
    constexpr int kBatch = 50000;
    for (int start = 0; start < guests; start += kBatch) {
        const Status s = db.transaction([&](QSqlDatabase &c) -> Status {
            QSqlQuery user(c);
            user.prepare(QStringLiteral(
                "INSERT INTO users (id, display_name, user_principal_name, upn_lower, mail, mail_lower, mail_domain, "
                "user_type, external_user_state, creation_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'Guest', ?, "
                "'Invitation', ?)"));
            QSqlQuery identity(c);
            identity.prepare(QStringLiteral("INSERT INTO user_identities (user_id, sign_in_type, issuer, "
                                            "issuer_assigned_id) VALUES (?, ?, ?, ?)"));
            for (int i = start; i < std::min(guests, start + kBatch); ++i) {
                // Spread over the domains unevenly (a few big partners, a long tail), 30 % pending,
                // half of the accepted ones redeemed with a passcode.
                const int d = (i % 10 < 5) ? (i % 20) : (i * 7919) % kDomains;
                const QString domain = domainName(d);
                const QString mail = QStringLiteral("user%1@").arg(i) + domain;
                const QString upn = QStringLiteral("user%1_").arg(i) + domain + QStringLiteral("#EXT#@fabrikam.example");
                const QString id = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
                const bool pending = (i % 10) < 3;
                user.addBindValue(id);
                user.addBindValue(QStringLiteral("User %1").arg(i));
                user.addBindValue(upn);
                user.addBindValue(upn.toLower());
                user.addBindValue(mail);
                user.addBindValue(mail);
                user.addBindValue(domain);
                user.addBindValue(pending ? QStringLiteral("PendingAcceptance") : QStringLiteral("Accepted"));
                user.addBindValue(qint64(1700000000000) + i);
                if (!user.exec()) {
                    return Database::sqlError(user.lastError(), QStringLiteral("seed user"));
                }
                const bool passcode = !pending && (i % 2 == 0);
                identity.addBindValue(id);
                identity.addBindValue(pending ? QStringLiteral("userPrincipalName") : QStringLiteral("emailAddress"));
                identity.addBindValue(pending ? QStringLiteral("fabrikam.example")
                                              : passcode ? QStringLiteral("mail") : QStringLiteral("google.com"));
                identity.addBindValue(mail);
                if (!identity.exec()) {
                    return Database::sqlError(identity.lastError(), QStringLiteral("seed identity"));
                }
            }
            return {};
        });
        if (!s.ok()) {
            out << "seeding failed: " << s.error().message << ' ' << s.error().detail << Qt::endl;
            return false;
        }
    }
    auto c = db.connection();
    QSqlQuery(*c).exec(QStringLiteral("ANALYZE"));
    out << "seeded " << guests << " guests in " << t.elapsed() << " ms" << Qt::endl;
    return true;
}

double medianMs(QSqlDatabase &c, const CollaborationSettings &before, const CollaborationSettings &after,
                ImpactPreview *last) {
    std::vector<double> runs;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        auto p = ImpactCalculator::compute(c, before, after);
        runs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (p.ok() && last) {
            *last = *p;
        }
    }
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int guests = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000000;
    QTemporaryDir dir;
    ConnectionInfo info;
    info.engine = Engine::Sqlite;
    info.path = dir.filePath(QStringLiteral("bench.atrium"));
    auto db = Database::open(info, Database::OpenMode::CreateIfMissing);
    if (!db.ok()) {
        out << "cannot open: " << db.error().message << Qt::endl;
        return 1;
    }
    NewDirectory spec;
    spec.displayName = QStringLiteral("Fabrikam");
    spec.initialDomain = QStringLiteral("fabrikam.example");
    spec.creatorDisplayName = QStringLiteral("Ada Admin");
    spec.osAccount = QStringLiteral("ada");
    const SystemClock clock;
    if (auto op = DirectoryService::create(**db, clock, spec); !op.ok()) {
        out << "cannot create: " << op.error().message << Qt::endl;
        return 1;
    }
    if (!seed(**db, guests, out)) {
        return 1;
    }
    auto c = (*db)->connection();

    // A deny list as long as the 25,000-character policy allows: 1,000 partner domains.
    CollaborationSettings deny;
    deny.restriction = CollaborationRestriction::denyListed;
    for (int i = 0; i < 1000; ++i) {
        deny.domains.append(domainName(i * 2));
    }
    out << "deny list: " << deny.domains.size() << " domains, policy " << deny.policySize() << " characters"
        << Qt::endl;
    CollaborationSettings allow = deny;
    allow.restriction = CollaborationRestriction::allowOnlyListed;
    CollaborationSettings otpOff;
    otpOff.emailOtpEnabled = false;
    CollaborationSettings admins;
    admins.allowInvitesFrom = AllowInvitesFrom::adminsAndGuestInviters;
    CollaborationSettings all = allow;
    all.emailOtpEnabled = false;
    all.allowInvitesFrom = AllowInvitesFrom::adminsAndGuestInviters;
    const CollaborationSettings defaults;

    ImpactPreview p;
    const QString n = QString::number(guests / 1000) + QLatin1Char('k');
    line(out, QStringLiteral("impact_deny_list_%1_guests").arg(n), medianMs(*c, defaults, deny, &p), "ms", 500);
    out << "  pending failures: " << p.pendingRedemptionFailures.count << " in " << p.newlyBlockedDomains.size()
        << " domains" << Qt::endl;
    line(out, QStringLiteral("impact_allow_list_%1_guests").arg(n), medianMs(*c, defaults, allow, &p), "ms", 500);
    out << "  pending failures: " << p.pendingRedemptionFailures.count << Qt::endl;
    line(out, QStringLiteral("impact_passcodes_off_%1_guests").arg(n), medianMs(*c, defaults, otpOff, &p), "ms", 500);
    out << "  passcode guests: " << p.passcodeGuestsLocked.count << Qt::endl;
    line(out, QStringLiteral("impact_invite_tightened_%1_guests").arg(n), medianMs(*c, defaults, admins, &p), "ms",
         500);
    out << "  inviters losing the right: " << p.invitersLosingRight.count << Qt::endl;
    line(out, QStringLiteral("impact_all_three_%1_guests").arg(n), medianMs(*c, defaults, all, &p), "ms", 500);
    return 0;
}
