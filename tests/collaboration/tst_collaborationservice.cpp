#include "core/collaboration/collaborationservice.h"
#include "core/policy/policyengine.h"
#include "core/services/directoryservice.h"
#include "directoryfixture.h"

#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <map>

using namespace atrium::core;
using atrium::test::DirectoryFixture;

namespace {
Status exec(const ServiceContext &ctx, const QString &sql, const QVariantList &values = {}) {
    return ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto q = Database::exec(db, sql, values);
        return q.ok() ? Status() : Status(q.error());
    });
}

QVariant scalar(const ServiceContext &ctx, const QString &sql, const QVariantList &values = {}) {
    auto c = ctx.db().connection();
    auto q = Database::exec(*c, sql, values);
    if (!q.ok() || !q->next()) {
        return {};
    }
    return q->value(0);
}

// A hand-made user row: exactly the columns the impact preview reads.
QString addUser(const ServiceContext &ctx, const QString &local, const QString &domain, const QString &type,
                const QString &state, const QString &issuer = {}, bool deleted = false) {
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString mail = local + QLatin1Char('@') + domain;
    const QString upn = type == QLatin1String("Guest")
                            ? QString(local + QLatin1Char('_') + domain + QStringLiteral("#EXT#@fabrikam.example"))
                            : QString(local + QStringLiteral("@fabrikam.example"));
    const Status s = exec(ctx,
                          QStringLiteral("INSERT INTO users (id, display_name, user_principal_name, upn_lower, mail, "
                                         "mail_lower, mail_domain, user_type, external_user_state, created_at, "
                                         "deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"),
                          {id, local, upn, upn.toLower(), mail, mail, domain, type,
                           state.isEmpty() ? QVariant() : QVariant(state), deleted ? QVariant(5) : QVariant()});
    if (!s.ok()) {
        qWarning() << s.error().message << s.error().detail;
        return {};
    }
    if (!issuer.isEmpty()) {
        (void)exec(ctx,
                   QStringLiteral("INSERT INTO user_identities (user_id, sign_in_type, issuer, issuer_assigned_id) "
                                  "VALUES (?, 'emailAddress', ?, ?)"),
                   {id, issuer, mail});
    }
    return id;
}

void grant(const ServiceContext &ctx, const QString &userId, Role role) {
    QVERIFY(exec(ctx, QStringLiteral("INSERT INTO role_assignments (user_id, role, assigned_at) VALUES (?, ?, 1)"),
                 {userId, roleKey(role)})
                .ok());
}

CollaborationSettings withList(CollaborationRestriction mode, const QStringList &domains) {
    CollaborationSettings s;
    s.restriction = mode;
    s.domains = domains;
    return s;
}

QStringList upns(const ImpactCount &c) {
    QStringList out;
    for (const AffectedObject &o : c.firstPage) {
        out << o.userPrincipalName;
    }
    return out;
}
} // namespace

class tst_CollaborationService : public QObject {
    Q_OBJECT
private:
    DirectoryFixture m_fx;
    // One directory per engine for the authorization matrix: each row toggles a field from what is stored.
    std::map<QString, ServiceContext> m_matrixDirs;
    QMap<QString, QMap<Role, QString>> m_roleUsers;

    static void engineData() {
        QTest::addColumn<QString>("engine");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << e;
        }
    }

    // The impact fixture: pending and accepted guests over several domains, members with and without
    // inviter roles. Returns the Global Administrator's context.
    std::optional<ServiceContext> impactDirectory(const QString &engine) {
        auto ctx = m_fx.freshDirectory(engine);
        if (!ctx.ok()) {
            return std::nullopt;
        }
        const QString pending = QStringLiteral("PendingAcceptance");
        const QString accepted = QStringLiteral("Accepted");
        const QString guest = QStringLiteral("Guest");
        for (const char *l : {"a1", "a2", "a3"}) {
            addUser(*ctx, QString::fromLatin1(l), QStringLiteral("contoso.com"), guest, pending);
        }
        addUser(*ctx, QStringLiteral("s1"), QStringLiteral("sub.contoso.com"), guest, pending);
        addUser(*ctx, QStringLiteral("s2"), QStringLiteral("sub.contoso.com"), guest, pending);
        addUser(*ctx, QStringLiteral("p1"), QStringLiteral("partner.example"), guest, pending);
        addUser(*ctx, QStringLiteral("e1"), QStringLiteral("evil-contoso.com"), guest, pending);
        addUser(*ctx, QStringLiteral("gone"), QStringLiteral("contoso.com"), guest, pending, {}, true); // deleted
        addUser(*ctx, QStringLiteral("otp1"), QStringLiteral("contoso.com"), guest, accepted, QStringLiteral("mail"));
        addUser(*ctx, QStringLiteral("otp2"), QStringLiteral("partner.example"), guest, accepted,
                QStringLiteral("mail"));
        addUser(*ctx, QStringLiteral("otp3"), QStringLiteral("partner.example"), guest, pending, {}); // not redeemed
        addUser(*ctx, QStringLiteral("goog"), QStringLiteral("gmail.com"), guest, accepted, QStringLiteral("google.com"));
        const QString inviterGuest =
            addUser(*ctx, QStringLiteral("ginv"), QStringLiteral("partner.example"), guest, accepted);
        grant(*ctx, inviterGuest, Role::GuestInviter);
        addUser(*ctx, QStringLiteral("bob"), {}, QStringLiteral("Member"), {});
        addUser(*ctx, QStringLiteral("dave"), {}, QStringLiteral("Member"), {});
        const QString carol = addUser(*ctx, QStringLiteral("carol"), {}, QStringLiteral("Member"), {});
        grant(*ctx, carol, Role::GuestInviter);
        const QString helpdesk = addUser(*ctx, QStringLiteral("hank"), {}, QStringLiteral("Member"), {});
        grant(*ctx, helpdesk, Role::HelpdeskAdministrator); // no invite right of its own: still a member
        return *ctx;
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
        for (const QString &engine : DirectoryFixture::engines()) {
            auto ctx = m_fx.freshDirectory(engine);
            QVERIFY2(ctx.ok(), qPrintable(ctx.ok() ? QString() : ctx.error().message));
            DirectoryService dir(*ctx);
            auto info = dir.info();
            QVERIFY(info.ok());
            DirectoryPatch patch;
            patch.privacyContact = QStringLiteral("privacy@fabrikam.example");
            QVERIFY(dir.update(patch, info->rowVersion).ok());
            for (Role r : {Role::SecurityAdministrator, Role::ExternalIdentityProviderAdministrator,
                           Role::UserAdministrator, Role::GuestInviter, Role::GlobalReader}) {
                const QString id = addUser(*ctx, roleKey(r).toLower(), {}, QStringLiteral("Member"), {});
                QVERIFY(!id.isEmpty());
                grant(*ctx, id, r);
                m_roleUsers[engine][r] = id;
            }
            m_matrixDirs.emplace(engine, *ctx);
        }
    }

    void authorizationMatrix_data() {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("role"); // "" = Global Administrator (the creator)
        QTest::addColumn<int>("field");
        QTest::addColumn<bool>("allowed");
        const QList<CollaborationField> fields{CollaborationField::GuestUserAccess,  CollaborationField::AllowInvitesFrom,
                                               CollaborationField::SelfServiceSignUp, CollaborationField::Leave,
                                               CollaborationField::Restrictions,     CollaborationField::EmailOtp};
        const QList<std::optional<Role>> roles{std::nullopt,
                                               Role::SecurityAdministrator,
                                               Role::ExternalIdentityProviderAdministrator,
                                               Role::UserAdministrator,
                                               Role::GuestInviter,
                                               Role::GlobalReader};
        for (const QString &engine : DirectoryFixture::engines()) {
            for (const auto &role : roles) {
                for (CollaborationField f : fields) {
                    bool allowed = !role.has_value();
                    if (role == Role::SecurityAdministrator) {
                        allowed = f == CollaborationField::EmailOtp;
                    } else if (role == Role::ExternalIdentityProviderAdministrator) {
                        allowed = f == CollaborationField::Leave;
                    }
                    const QString name = role ? roleKey(*role) : QStringLiteral("GlobalAdministrator");
                    QTest::addRow("%s/%s/%s", qPrintable(engine), qPrintable(name),
                                  qPrintable(CollaborationService::fieldKey(f)))
                        << engine << (role ? roleKey(*role) : QString()) << int(f) << allowed;
                }
            }
        }
    }
    void authorizationMatrix() {
        QFETCH(QString, engine);
        QFETCH(QString, role);
        QFETCH(int, field);
        QFETCH(bool, allowed);
        const ServiceContext admin = m_matrixDirs.at(engine);
        const ServiceContext ctx =
            role.isEmpty() ? admin : m_fx.as(admin, m_roleUsers[engine][*roleFromString(role)]);
        CollaborationService service(ctx);
        auto snap = service.read();
        QVERIFY(snap.ok());
        CollaborationSettings next = snap->settings;
        switch (CollaborationField(field)) {
        case CollaborationField::GuestUserAccess:
            next.guestUserAccess = next.guestUserAccess == GuestUserAccess::limited ? GuestUserAccess::restricted
                                                                                    : GuestUserAccess::limited;
            break;
        case CollaborationField::AllowInvitesFrom:
            next.allowInvitesFrom = next.allowInvitesFrom == AllowInvitesFrom::everyone
                                        ? AllowInvitesFrom::adminsAndGuestInviters
                                        : AllowInvitesFrom::everyone;
            break;
        case CollaborationField::SelfServiceSignUp:
            next.selfServiceSignUpEnabled = !next.selfServiceSignUpEnabled;
            break;
        case CollaborationField::Leave:
            next.allowExternalUsersToLeave = !next.allowExternalUsersToLeave;
            break;
        case CollaborationField::Restrictions:
            next.restriction = next.restriction == CollaborationRestriction::allowAny
                                   ? CollaborationRestriction::denyListed
                                   : CollaborationRestriction::allowAny;
            next.domains = next.restriction == CollaborationRestriction::allowAny ? QStringList()
                                                                                  : QStringList{QStringLiteral("x.example")};
            break;
        case CollaborationField::EmailOtp:
            next.emailOtpEnabled = !next.emailOtpEnabled;
            break;
        }
        QCOMPARE(service.mayChange(CollaborationField(field)), allowed);
        const qint64 deniedBefore =
            scalar(admin, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE result = 'denied'")).toLongLong();
        auto saved = service.save(next, snap->rowVersion);
        QCOMPARE(saved.ok(), allowed);
        auto after = CollaborationService(admin).read();
        QVERIFY(after.ok());
        if (allowed) {
            QCOMPARE(after->settings, next);
            QCOMPARE(after->rowVersion, snap->rowVersion + 1);
            QCOMPARE(saved->rowVersion, after->rowVersion);
        } else {
            QCOMPARE(saved.error().code, ErrorCode::PermissionDenied);
            QCOMPARE(saved.error().field, CollaborationService::fieldKey(CollaborationField(field)));
            // The message names the role that would grant it.
            QVERIFY2(saved.error().message.contains(QStringLiteral("Global Administrator")),
                     qPrintable(saved.error().message));
            if (CollaborationField(field) == CollaborationField::EmailOtp) {
                QVERIFY(saved.error().message.contains(QStringLiteral("Security Administrator")));
            }
            QCOMPARE(after->settings, snap->settings);
            QCOMPARE(after->rowVersion, snap->rowVersion);
            QCOMPARE(scalar(admin, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE result = 'denied'")).toLongLong(),
                     deniedBefore + 1);
        }
    }

    void unchangedFieldsNeedNoPermission_data() { engineData(); }
    void unchangedFieldsNeedNoPermission() {
        // A Security Administrator saving the whole settings object with only the passcode changed
        // passes: only changed fields are authorized.
        QFETCH(QString, engine);
        auto admin = m_fx.freshDirectory(engine);
        QVERIFY(admin.ok());
        CollaborationService asAdmin(*admin);
        CollaborationSettings s = withList(CollaborationRestriction::denyListed, {QStringLiteral("contoso.com")});
        QVERIFY(asAdmin.save(s, 0).ok());
        const QString sec = addUser(*admin, QStringLiteral("sec"), {}, QStringLiteral("Member"), {});
        grant(*admin, sec, Role::SecurityAdministrator);
        CollaborationService asSec(m_fx.as(*admin, sec));
        s.emailOtpEnabled = false;
        auto r = asSec.save(s, 1);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->rowVersion, 2);
        // Mixed change: the passcode is allowed, the list is not — nothing is written.
        s.emailOtpEnabled = true;
        s.domains.append(QStringLiteral("evil.example"));
        r = asSec.save(s, 2);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("restriction"));
        QCOMPARE(asAdmin.read()->settings.emailOtpEnabled, false);
    }

    void leaveNeedsPrivacyContact_data() { engineData(); }
    void leaveNeedsPrivacyContact() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        CollaborationService service(*ctx);
        auto snap = service.read();
        QVERIFY(snap.ok());
        QVERIFY(!snap->hasPrivacyContactOrStatement);
        CollaborationSettings s = snap->settings;
        s.allowExternalUsersToLeave = false; // turning it off needs no privacy contact
        auto r = service.save(s, snap->rowVersion);
        QVERIFY(r.ok());
        s.allowExternalUsersToLeave = true;
        auto refused = service.save(s, r->rowVersion);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Invalid);
        QCOMPARE(refused.error().field, QStringLiteral("allowExternalUsersToLeave"));
        QVERIFY(refused.error().message.contains(QStringLiteral("privacy contact")));
        QCOMPARE(service.read()->settings.allowExternalUsersToLeave, false);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE result = 'failure' AND "
                                             "target_id = 'collaboration'"))
                     .toInt(),
                 1);

        DirectoryService dir(*ctx);
        DirectoryPatch patch;
        patch.privacyStatementUrl = QStringLiteral("https://fabrikam.example/privacy");
        QVERIFY(dir.update(patch, dir.info()->rowVersion).ok());
        auto now = service.save(s, r->rowVersion);
        QVERIFY2(now.ok(), qPrintable(now.ok() ? QString() : now.error().message));
        QVERIFY(now->hasPrivacyContactOrStatement);
    }

    void staleVersionIsConflict_data() { engineData(); }
    void staleVersionIsConflict() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        CollaborationService a(*ctx);
        CollaborationService b(*ctx);
        auto readA = a.read();
        auto readB = b.read();
        QCOMPARE(readA->rowVersion, 0);
        CollaborationSettings s1 = readA->settings;
        s1.selfServiceSignUpEnabled = true;
        QVERIFY(a.save(s1, readA->rowVersion).ok());
        CollaborationSettings s2 = readB->settings;
        s2.allowInvitesFrom = AllowInvitesFrom::none;
        auto r = b.save(s2, readB->rowVersion); // B read the defaults, A has saved since
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Conflict);
        QVERIFY(r.error().message.contains(QStringLiteral("someone else")));
        auto now = a.read();
        QCOMPARE(now->settings, s1);
        // A second stale write against an existing row is a conflict too.
        QVERIFY(a.save(s2, now->rowVersion).ok());
        auto again = b.save(s1, now->rowVersion);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::Conflict);
    }

    void auditHasBeforeAndAfter_data() { engineData(); }
    void auditHasBeforeAndAfter() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        CollaborationService service(*ctx);
        CollaborationSettings s = withList(CollaborationRestriction::allowOnlyListed,
                                           {QStringLiteral("contoso.com"), QStringLiteral("*.partner.example")});
        QVERIFY(service.save(s, 0).ok());
        auto c = ctx->db().connection();
        auto q = Database::exec(*c, QStringLiteral("SELECT activity, result, before_json, after_json, actor_name FROM "
                                                   "audit_log WHERE target_id = 'collaboration' ORDER BY id DESC"));
        QVERIFY(q.ok());
        QVERIFY(q->next());
        QCOMPARE(q->value(0).toString(), QStringLiteral("Update directory setting"));
        QCOMPARE(q->value(1).toString(), QStringLiteral("success"));
        const QJsonObject before = QJsonDocument::fromJson(q->value(2).toString().toUtf8()).object();
        const QJsonObject after = QJsonDocument::fromJson(q->value(3).toString().toUtf8()).object();
        QCOMPARE(before.value(QStringLiteral("restriction")).toString(), QStringLiteral("allowAny"));
        QCOMPARE(after.value(QStringLiteral("restriction")).toString(), QStringLiteral("allowOnlyListed"));
        QCOMPARE(CollaborationSettings::fromJson(after).value(), s);
        QCOMPARE(q->value(4).toString(), QStringLiteral("ada@fabrikam.example"));
        // Saving the same settings again writes and audits nothing.
        const int rows = scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt();
        auto same = service.save(s, 1);
        QVERIFY(same.ok());
        QCOMPARE(same->rowVersion, 1);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), rows);
    }

    void savedPolicyIsEffective_data() { engineData(); }
    void savedPolicyIsEffective() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        CollaborationService service(*ctx);
        auto before = service.whatIfInvite(QStringLiteral("alice@contoso.com"));
        QVERIFY(before.ok());
        QVERIFY(before->allowed);
        QVERIFY(service.save(withList(CollaborationRestriction::denyListed, {QStringLiteral("contoso.com")}), 0).ok());
        auto after = service.whatIfInvite(QStringLiteral("alice@eu.contoso.com"));
        QVERIFY(after.ok());
        QVERIFY(!after->allowed);
        QCOMPARE(after->decidingRule, PolicyEngine::RuleDomainList);
    }

    void impactPendingRedemptions_data() {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("beforeJson");
        QTest::addColumn<QString>("afterJson");
        QTest::addColumn<int>("count");
        QTest::addColumn<QStringList>("domains");
        const QString any = QStringLiteral(R"({"restriction":"allowAny"})");
        const QString denyContoso = QStringLiteral(R"({"restriction":"denyListed","domains":["contoso.com"]})");
        const QString denyBoth =
            QStringLiteral(R"({"restriction":"denyListed","domains":["contoso.com","evil-contoso.com"]})");
        const QString allowContoso = QStringLiteral(R"({"restriction":"allowOnlyListed","domains":["contoso.com"]})");
        const QString allowWild =
            QStringLiteral(R"({"restriction":"allowOnlyListed","domains":["contoso.com","*.contoso.com"]})");
        for (const QString &e : DirectoryFixture::engines()) {
            // Deny covers subdomains, never look-alikes; the deleted guest never counts.
            QTest::addRow("%s/deny", qPrintable(e))
                << e << any << denyContoso << 5
                << QStringList{QStringLiteral("contoso.com"), QStringLiteral("sub.contoso.com")};
            // Only what the OLD list allowed counts.
            QTest::addRow("%s/deny-more", qPrintable(e))
                << e << denyContoso << denyBoth << 1 << QStringList{QStringLiteral("evil-contoso.com")};
            QTest::addRow("%s/allow", qPrintable(e))
                << e << any << allowContoso << 5
                << QStringList{QStringLiteral("evil-contoso.com"), QStringLiteral("partner.example"),
                               QStringLiteral("sub.contoso.com")};
            QTest::addRow("%s/allow-wildcard", qPrintable(e))
                << e << any << allowWild << 3
                << QStringList{QStringLiteral("evil-contoso.com"), QStringLiteral("partner.example")};
            QTest::addRow("%s/unblock", qPrintable(e)) << e << denyContoso << any << 0 << QStringList{};
        }
    }
    void impactPendingRedemptions() {
        QFETCH(QString, engine);
        QFETCH(QString, beforeJson);
        QFETCH(QString, afterJson);
        QFETCH(int, count);
        QFETCH(QStringList, domains);
        auto ctx = impactDirectory(engine);
        QVERIFY(ctx);
        auto before = CollaborationSettings::fromJson(QJsonDocument::fromJson(beforeJson.toUtf8()).object());
        auto after = CollaborationSettings::fromJson(QJsonDocument::fromJson(afterJson.toUtf8()).object());
        QVERIFY(before.ok() && after.ok());
        CollaborationService service(*ctx);
        auto p = service.previewImpact(*before, *after, 50);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message + p.error().detail));
        QVERIFY(p->pendingRedemptionFailures.applies);
        QCOMPARE(p->pendingRedemptionFailures.count, count);
        QCOMPARE(p->newlyBlockedDomains, domains);
        QCOMPARE(p->pendingRedemptionFailures.firstPage.size(), count);
        for (const AffectedObject &o : p->pendingRedemptionFailures.firstPage) {
            QVERIFY(domains.contains(o.mail.section(QLatin1Char('@'), 1)));
            QVERIFY(!o.userPrincipalName.startsWith(QStringLiteral("gone")));
        }
        QVERIFY(!p->passcodeGuestsLocked.applies);
        QVERIFY(!p->invitersLosingRight.applies);
        // A small page keeps the exact count.
        auto small = service.previewImpact(*before, *after, 2);
        QVERIFY(small.ok());
        QCOMPARE(small->pendingRedemptionFailures.count, count);
        QCOMPARE(small->pendingRedemptionFailures.firstPage.size(), qMin(2, count));
    }

    void impactPasscodeGuests_data() { engineData(); }
    void impactPasscodeGuests() {
        QFETCH(QString, engine);
        auto ctx = impactDirectory(engine);
        QVERIFY(ctx);
        CollaborationService service(*ctx);
        CollaborationSettings off;
        off.emailOtpEnabled = false;
        auto p = service.previewImpact(off); // against the stored defaults (passcodes on)
        QVERIFY(p.ok());
        QVERIFY(p->passcodeGuestsLocked.applies);
        QCOMPARE(p->passcodeGuestsLocked.count, 2);
        QStringList got = upns(p->passcodeGuestsLocked);
        got.sort();
        QCOMPARE(got, (QStringList{QStringLiteral("otp1_contoso.com#EXT#@fabrikam.example"),
                                   QStringLiteral("otp2_partner.example#EXT#@fabrikam.example")}));
        QVERIFY(!p->pendingRedemptionFailures.applies);
        // Turning passcodes on affects nobody.
        auto on = service.previewImpact(off, CollaborationSettings{}, 50);
        QVERIFY(on.ok());
        QVERIFY(!on->passcodeGuestsLocked.applies);
        QCOMPARE(on->passcodeGuestsLocked.count, 0);
    }

    void impactInviters_data() {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("beforeFrom");
        QTest::addColumn<int>("beforeAccess");
        QTest::addColumn<int>("afterFrom");
        QTest::addColumn<int>("afterAccess");
        QTest::addColumn<int>("count");
        QTest::addColumn<QStringList>("kinds");
        // The fixture: 12 guests not deleted (one of them a Guest Inviter), 3 members without an
        // inviter role (bob, dave, hank the helpdesk admin), 3 administrators or inviters (Ada the
        // Global Administrator, carol and the guest with Guest Inviter).
        const int everyone = int(AllowInvitesFrom::everyone);
        const int members = int(AllowInvitesFrom::adminsGuestInvitersAndAllMembers);
        const int admins = int(AllowInvitesFrom::adminsAndGuestInviters);
        const int none = int(AllowInvitesFrom::none);
        const int limited = int(GuestUserAccess::limited);
        const int same = int(GuestUserAccess::sameAsMembers);
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::addRow("%s/everyone-members", qPrintable(e))
                << e << everyone << limited << members << limited << 11 << QStringList{QStringLiteral("guest")};
            QTest::addRow("%s/everyone-members-same", qPrintable(e))
                << e << everyone << same << members << same << 0 << QStringList{};
            QTest::addRow("%s/guest-access-limited", qPrintable(e))
                << e << members << same << members << limited << 11 << QStringList{QStringLiteral("guest")};
            QTest::addRow("%s/members-admins", qPrintable(e))
                << e << members << limited << admins << limited << 3 << QStringList{QStringLiteral("member")};
            QTest::addRow("%s/everyone-admins", qPrintable(e))
                << e << everyone << limited << admins << limited << 14
                << QStringList{QStringLiteral("member"), QStringLiteral("guest")};
            QTest::addRow("%s/admins-none", qPrintable(e))
                << e << admins << limited << none << limited << 3 << QStringList{QStringLiteral("administrator")};
            QTest::addRow("%s/loosen", qPrintable(e))
                << e << admins << limited << everyone << limited << 0 << QStringList{};
        }
    }
    void impactInviters() {
        QFETCH(QString, engine);
        QFETCH(int, beforeFrom);
        QFETCH(int, beforeAccess);
        QFETCH(int, afterFrom);
        QFETCH(int, afterAccess);
        QFETCH(int, count);
        QFETCH(QStringList, kinds);
        auto ctx = impactDirectory(engine);
        QVERIFY(ctx);
        CollaborationSettings before;
        before.allowInvitesFrom = AllowInvitesFrom(beforeFrom);
        before.guestUserAccess = GuestUserAccess(beforeAccess);
        CollaborationSettings after;
        after.allowInvitesFrom = AllowInvitesFrom(afterFrom);
        after.guestUserAccess = GuestUserAccess(afterAccess);
        auto p = CollaborationService(*ctx).previewImpact(before, after, 100);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message + p.error().detail));
        QCOMPARE(p->invitersLosingRight.applies, count > 0);
        QCOMPARE(p->invitersLosingRight.count, count);
        QCOMPARE(p->invitersLosingRight.firstPage.size(), count);
        QStringList seenKinds;
        for (const AffectedObject &o : p->invitersLosingRight.firstPage) {
            if (!seenKinds.contains(o.kind)) {
                seenKinds << o.kind;
            }
            // Nobody holding an inviter role loses it unless the setting becomes "none".
            if (o.kind != QLatin1String("administrator")) {
                QVERIFY(!o.userPrincipalName.startsWith(QStringLiteral("carol")));
                QVERIFY(!o.userPrincipalName.startsWith(QStringLiteral("ginv")));
            }
        }
        QCOMPARE(seenKinds, kinds);
    }

    // The counts subtract role holders from all users of a type: a user with two inviter roles is
    // subtracted once, and deleted users count nowhere (neither as holders nor as the affected).
    void impactCountsRoleHoldersOnce_data() { engineData(); }
    void impactCountsRoleHoldersOnce() {
        QFETCH(QString, engine);
        auto ctx = impactDirectory(engine);
        QVERIFY(ctx);
        const QString guest = QStringLiteral("Guest");
        const QString accepted = QStringLiteral("Accepted");
        const QString dual = addUser(*ctx, QStringLiteral("dual"), QStringLiteral("partner.example"), guest, accepted);
        grant(*ctx, dual, Role::GuestInviter);
        grant(*ctx, dual, Role::UserAdministrator);
        const QString ghost = addUser(*ctx, QStringLiteral("ghost"), QStringLiteral("partner.example"), guest, accepted,
                                      {}, true);
        grant(*ctx, ghost, Role::GuestInviter);
        addUser(*ctx, QStringLiteral("otpgone"), QStringLiteral("contoso.com"), guest, accepted, QStringLiteral("mail"),
                true);
        CollaborationService service(*ctx);

        CollaborationSettings admins;
        admins.allowInvitesFrom = AllowInvitesFrom::adminsAndGuestInviters;
        auto p = service.previewImpact(CollaborationSettings{}, admins, 100);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message + p.error().detail));
        // 13 guests not deleted, 2 of them inviters (ginv, dual); 3 members without an inviter role.
        QCOMPARE(p->invitersLosingRight.count, 14);
        QCOMPARE(p->invitersLosingRight.firstPage.size(), 14);
        for (const AffectedObject &o : p->invitersLosingRight.firstPage) {
            QVERIFY2(!o.userPrincipalName.startsWith(QStringLiteral("dual")), qPrintable(o.userPrincipalName));
            QVERIFY2(!o.userPrincipalName.startsWith(QStringLiteral("ghost")), qPrintable(o.userPrincipalName));
        }
        // A one-row page keeps the exact count.
        auto small = service.previewImpact(CollaborationSettings{}, admins, 1);
        QVERIFY(small.ok());
        QCOMPARE(small->invitersLosingRight.count, 14);
        QCOMPARE(small->invitersLosingRight.firstPage.size(), 1);

        CollaborationSettings before = admins;
        CollaborationSettings none;
        none.allowInvitesFrom = AllowInvitesFrom::none;
        auto q = service.previewImpact(before, none, 100);
        QVERIFY(q.ok());
        // Ada, carol, ginv and dual (once); not the deleted ghost.
        QCOMPARE(q->invitersLosingRight.count, 4);
        const QStringList got = upns(q->invitersLosingRight);
        QCOMPARE(got.size(), 4);
        for (const char *who : {"carol", "dual", "ginv"}) {
            QCOMPARE(got.filter(QRegularExpression(QStringLiteral("^") + QLatin1String(who))).size(), 1);
        }
        QVERIFY(got.filter(QStringLiteral("ghost")).isEmpty());

        // The deleted passcode guest is not locked out (it is gone already).
        CollaborationSettings off;
        off.emailOtpEnabled = false;
        auto r = service.previewImpact(CollaborationSettings{}, off, 100);
        QVERIFY(r.ok());
        QCOMPARE(r->passcodeGuestsLocked.count, 2);
        QCOMPARE(r->passcodeGuestsLocked.firstPage.size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_CollaborationService)
#include "tst_collaborationservice.moc"
