#include "core/invitations/demodirectory.h"

#include "core/invitations/invitationservice.h"
#include "core/secrets/secretstore.h"
#include "core/services/audit.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <array>

namespace atrium::core {
namespace {

// The clock as it was some days ago, so that the sample has history ("pending for 3 weeks").
class PastClock final : public Clock {
public:
    PastClock(const Clock &base, double daysAgo) : m_base(base), m_offsetMs(qint64(daysAgo * 86400000.0)) {}
    QDateTime now() const override { return m_base.now().addMSecs(-m_offsetMs); }

private:
    const Clock &m_base;
    qint64 m_offsetMs;
};

struct DemoGuest {
    const char *name;
    const char *email;
    double daysAgo;     // when invited
    const char *issuer; // redeemed through this identity provider; nullptr = still pending
    bool blocked;
    int objectIndex;    // -1: no group/app; otherwise index into groups+apps
};

// clang-format off
const std::array kGuests{
    DemoGuest{"Adele Morgan", "adele.morgan@contoso.com", 120, "ExternalAzureAD", false, 0},
    DemoGuest{"Brian Cho", "brian.cho@contoso.com", 118, "ExternalAzureAD", false, 0},
    DemoGuest{"Carla Jensen", "carla.jensen@contoso.com", 95, "ExternalAzureAD", false, 3},
    DemoGuest{"Dmitri Volkov", "dmitri.volkov@contoso.com", 64, "ExternalAzureAD", false, 3},
    DemoGuest{"Elena Petrova", "elena.petrova@contoso.com", 12, nullptr, false, 3},
    DemoGuest{"Farid Haddad", "farid.haddad@contoso.com", 2, nullptr, false, -1},
    DemoGuest{"Grace Liu", "grace.liu@woodgrovebank.com", 200, "ExternalAzureAD", false, 4},
    DemoGuest{"Hiro Tanaka", "hiro.tanaka@woodgrovebank.com", 180, "ExternalAzureAD", true, 4},
    DemoGuest{"Ines Duarte", "ines.duarte@woodgrovebank.com", 33, "ExternalAzureAD", false, 4},
    DemoGuest{"Jonas Berg", "jonas.berg@woodgrovebank.com", 21, nullptr, false, 4},
    DemoGuest{"Kemal Aydin", "kemal.aydin@tailspintoys.com", 75, "mail", false, 6},
    DemoGuest{"Lena Fischer", "lena.fischer@tailspintoys.com", 70, "mail", false, 6},
    DemoGuest{"Marco Rossi", "marco.rossi@tailspintoys.com", 15, nullptr, false, 6},
    DemoGuest{"Nadia Karim", "nadia.karim@tailspintoys.com", 9, nullptr, false, -1},
    DemoGuest{"Oscar Lindqvist", "oscar.lindqvist@adatum.com", 160, "ExternalAzureAD", false, 1},
    DemoGuest{"Priya Raman", "priya.raman@adatum.com", 150, "ExternalAzureAD", false, 1},
    DemoGuest{"Quentin Laurent", "quentin.laurent@adatum.com", 40, "ExternalAzureAD", false, 5},
    DemoGuest{"Rosa Delgado", "rosa.delgado@adatum.com", 4, nullptr, false, 5},
    DemoGuest{"Samuel Okafor", "samuel.okafor@litware.com", 90, "mail", false, 2},
    DemoGuest{"Tamara Novak", "tamara.novak@litware.com", 88, "mail", false, 2},
    DemoGuest{"Umar Siddiqui", "umar.siddiqui@litware.com", 26, nullptr, false, 2},
    DemoGuest{"Valentina Greco", "valentina.greco@northwindtraders.com", 140, "ExternalAzureAD", false, 1},
    DemoGuest{"William Hart", "william.hart@northwindtraders.com", 130, "ExternalAzureAD", true, 1},
    DemoGuest{"Xenia Popescu", "xenia.popescu@northwindtraders.com", 45, nullptr, false, 1},
    DemoGuest{"Yusuf Demir", "yusuf.demir@gmail.com", 60, "google.com", false, 2},
    DemoGuest{"Zoe Whitfield", "zoe.whitfield@gmail.com", 58, "google.com", false, -1},
    DemoGuest{"Arjun Mehta", "arjun.mehta@gmail.com", 30, "google.com", false, 2},
    DemoGuest{"Bianca Costa", "bianca.costa@googlemail.com", 18, nullptr, false, -1},
    DemoGuest{"Chen Wei", "chen.wei@outlook.com", 110, "MicrosoftAccount", false, 2},
    DemoGuest{"Dana Levi", "dana.levi@outlook.com", 100, "MicrosoftAccount", false, -1},
    DemoGuest{"Emil Nowak", "emil.nowak@hotmail.com", 8, nullptr, false, -1},
    DemoGuest{"Fatima Zahra", "fatima.zahra@fourthcoffee.com", 85, "mail", false, 6},
    DemoGuest{"Gustav Holm", "gustav.holm@fourthcoffee.com", 80, "mail", false, 6},
    DemoGuest{"Hana Sato", "hana.sato@fourthcoffee.com", 11, nullptr, false, 6},
    DemoGuest{"Ivan Horvat", "ivan.horvat@proseware.com", 55, "mail", false, 5},
    DemoGuest{"Julia Martins", "julia.martins@proseware.com", 1, nullptr, false, 5},
    DemoGuest{"Kofi Mensah", "kofi.mensah@wingtiptoys.com", 66, "ExternalAzureAD", false, 3},
    DemoGuest{"Laila Noor", "laila.noor@wingtiptoys.com", 3, nullptr, false, 3},
    DemoGuest{"Mateo Alvarez", "mateo.alvarez@wingtiptoys.com", 50, "ExternalAzureAD", false, 3},
    DemoGuest{"Nora Kelly", "nora.kelly@alpineskihouse.com", 27, "mail", false, -1},
    DemoGuest{"Olu Adeyemi", "olu.adeyemi@alpineskihouse.com", 6, nullptr, false, -1},
    DemoGuest{"Paula Schmidt", "paula.schmidt@bücher.example", 14, nullptr, false, -1},
};
// clang-format on

QString signInTypeFor(const QString &issuer) {
    return issuer == QLatin1String("mail") ? QStringLiteral("emailAddress") : QStringLiteral("federated");
}

} // namespace

Result<DemoSummary> seedDemoDirectory(Database &database, const Clock &clock, SecretStore &secrets) {
    auto org = seedDemoOrganization(database, clock);
    if (!org.ok()) {
        return org.error();
    }
    DemoSummary summary = org->summary;
    // Services hold shared pointers; the caller owns these, so alias without deleting.
    std::shared_ptr<Database> db(std::shared_ptr<Database>{}, &database);
    std::shared_ptr<SecretStore> keychain(std::shared_ptr<SecretStore>{}, &secrets);
    const QStringList objects = org->groupIds + org->applicationIds;
    for (const DemoGuest &g : kGuests) {
        auto past = std::make_shared<PastClock>(clock, g.daysAgo);
        ServiceContext ctx(db, past, org->administrator);
        InvitationService service(ctx, keychain);
        GuestInvite inv;
        inv.email = QString::fromUtf8(g.email);
        inv.displayName = QString::fromUtf8(g.name);
        inv.redirectUrl = QStringLiteral("https://myapps.fabrikam.example/");
        if (g.objectIndex >= 0 && g.objectIndex < objects.size()) {
            (g.objectIndex < org->groupIds.size() ? inv.groupIds : inv.appIds) << objects.at(g.objectIndex);
        }
        auto r = service.invite(inv);
        if (!r.ok()) {
            return r.error();
        }
        ++summary.guests;
        const QString userId = r->invitedUser.id;
        if (g.issuer) {
            // Sample history: the guest redeemed a few days after the invitation.
            const QString issuer = QString::fromLatin1(g.issuer);
            const qint64 redeemed = past->nowMs() + qint64(2) * 86400000;
            const qint64 lastSignIn = qMin(clock.nowMs(), redeemed + qint64(g.daysAgo * 0.6) * 86400000);
            const Status s = database.transaction([&](QSqlDatabase &tx) -> Status {
                for (const auto &[sql, values] : std::initializer_list<std::pair<QString, QVariantList>>{
                         {QStringLiteral("UPDATE users SET external_user_state = 'Accepted', "
                                         "external_user_state_changed_at = ?, last_sign_in_at = ?, account_enabled = ?, "
                                         "row_version = row_version + 1 WHERE id = ?"),
                          {redeemed, lastSignIn, g.blocked ? 0 : 1, userId}},
                         {QStringLiteral("DELETE FROM user_identities WHERE user_id = ?"), {userId}},
                         {QStringLiteral("INSERT INTO user_identities (user_id, sign_in_type, issuer, issuer_assigned_id) "
                                         "VALUES (?, ?, ?, ?)"),
                          {userId, signInTypeFor(issuer), issuer, r->invitedUser.mail}},
                         {QStringLiteral("UPDATE invitations SET status = 'Completed', redeemed_at = ? WHERE user_id = ?"),
                          {redeemed, userId}}}) {
                    auto q = Database::exec(tx, sql, values);
                    if (!q.ok()) {
                        return q.error();
                    }
                }
                AuditEntry e{activity::RedeemInvite, category::UserManagement, QStringLiteral("user")};
                e.targetId = userId;
                e.targetName = r->invitedUser.userPrincipalName;
                e.reason = QStringLiteral("sample directory history");
                e.after = QJsonObject{{QStringLiteral("externalUserState"), QStringLiteral("Accepted")},
                                      {QStringLiteral("issuer"), issuer}};
                auto guest = Operator::load(tx, userId);
                if (!guest.ok()) {
                    return guest.error();
                }
                const PastClock at(clock, g.daysAgo - 2);
                return AuditLog::append(tx, at, *guest, e);
            });
            if (!s.ok()) {
                return s.error();
            }
        }
    }
    return summary;
}

Result<DemoSummary> createDemoSqliteFile(const ConnectionInfo &info, const Clock &clock, SecretStore &secrets) {
    const auto tr = [](const char *text) { return QCoreApplication::translate("atrium::core::DemoDirectory", text); };
    if (info.engine != Engine::Sqlite) {
        return Error{ErrorCode::Internal, QStringLiteral("createDemoSqliteFile is for SQLite files"), {}, {}, false};
    }
    if (QFileInfo::exists(info.path)) {
        return Error{ErrorCode::AlreadyExists,
                     tr("%1 exists already; the sample goes into a new file.").arg(info.path),
                     {},
                     {},
                     false};
    }
    ConnectionInfo part = info;
    part.path = info.path + QStringLiteral(".part");
    const auto removePart = [&part] {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
            QFile::remove(part.path + QLatin1String(suffix));
        }
    };
    removePart(); // what an interrupted load left
    std::optional<Result<DemoSummary>> summary;
    {
        auto db = Database::open(part, Database::OpenMode::CreateIfMissing);
        if (!db.ok()) {
            removePart();
            return db.error();
        }
        summary.emplace(seedDemoDirectory(**db, clock, secrets));
        if (summary->ok()) {
            // Everything into the main file, so that the rename below moves the whole sample.
            auto c = (*db)->connection();
            if (c.ok()) {
                auto q = Database::exec(*c, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), {});
                if (!q.ok()) {
                    summary.emplace(q.error());
                }
            }
        }
        (*db)->releaseThreadConnection();
    }
    if (!summary->ok()) {
        removePart();
        return *summary;
    }
    if (QFileInfo(part.path + QStringLiteral("-wal")).size() > 0 || !QFile::rename(part.path, info.path)) {
        removePart();
        return Error{ErrorCode::Database,
                     tr("The sample directory could not be moved into place at %1.").arg(info.path),
                     {},
                     {},
                     false};
    }
    removePart();
    return *summary;
}

} // namespace atrium::core
