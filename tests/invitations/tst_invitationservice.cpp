#include "core/invitations/invitationservice.h"
#include "core/invitations/invitationtoken.h"
#include "core/policy/collaborationsettings.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/services/groupservice.h"
#include "core/services/roleservice.h"
#include "core/services/settingsservice.h"
#include "core/services/userservice.h"
#include "directoryfixture.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace atrium::core;
using atrium::test::DirectoryFixture;

namespace {
int scalar(const ServiceContext &ctx, const QString &sql, const QVariantList &values = {}) {
    auto c = ctx.db().connection();
    auto q = Database::exec(*c, sql, values);
    if (!q.ok() || !q->next()) {
        return -1;
    }
    return q->value(0).toInt();
}

// A snapshot of every table an invitation writes, to prove a refused request wrote nothing.
QString snapshot(const ServiceContext &ctx) {
    QStringList parts;
    for (const char *t : {"users", "invitations", "outbox", "sponsors", "group_members", "user_identities"}) {
        parts << QString::number(scalar(ctx, QStringLiteral("SELECT COUNT(*) FROM ") + QString::fromLatin1(t)));
    }
    return parts.join(QLatin1Char(','));
}

GuestInvite basic(const QString &email) {
    GuestInvite g;
    g.email = email;
    g.redirectUrl = QStringLiteral("https://myapps.fabrikam.example/");
    return g;
}

Status setCollaboration(ServiceContext &ctx, const CollaborationSettings &cs) {
    SettingsService settings(ctx);
    auto cur = settings.get(settingkey::Collaboration);
    if (!cur.ok()) {
        return cur.error();
    }
    auto r = settings.set(settingkey::Collaboration,
                          QString::fromUtf8(QJsonDocument(cs.toJson()).toJson(QJsonDocument::Compact)),
                          cur->isDefault ? -1 : cur->rowVersion);
    return r.ok() ? Status() : Status(r.error());
}
} // namespace

class tst_InvitationService : public QObject {
    Q_OBJECT
private:
    DirectoryFixture m_fx;
    std::shared_ptr<SecretStore> m_secrets = std::make_shared<KeychainSecretStore>(QStringLiteral("tests"));
    static void engineData() {
        QTest::addColumn<QString>("engine");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << e;
        }
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
    }

    void inviteCreatesPendingGuest_data() { engineData(); }
    void inviteCreatesPendingGuest() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        InvitationService service(*ctx, m_secrets);
        GuestInvite g = basic(QStringLiteral("Alice@Contoso.com"));
        g.displayName = QStringLiteral("Alice Liddell");
        g.message = QStringLiteral("Welcome <b>aboard</b>");
        g.cc = QStringLiteral("boss@contoso.com");
        auto r = service.invite(g);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const User &u = r->invitedUser;
        QVERIFY(u.userType == UserType::Guest);
        QVERIFY(u.externalUserState == ExternalUserState::PendingAcceptance);
        QVERIFY(u.creationType == CreationType::Invitation);
        QCOMPARE(u.userPrincipalName, QStringLiteral("alice_contoso.com#EXT#@fabrikam.example"));
        QCOMPARE(u.mail, QStringLiteral("alice@contoso.com"));
        QCOMPARE(u.sponsorIds, QStringList{ctx->op().userId}); // the inviter is the default sponsor
        QVERIFY(r->redeemUrl.startsWith(QStringLiteral("http://127.0.0.1:8443/redeem/")));
        const QString token = r->redeemUrl.section(QLatin1Char('/'), -1);
        QVERIFY(isWellFormedToken(token));
        // Only the hash is stored; the token itself appears nowhere in the database.
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM invitations WHERE token_hash = ?"), {hashToken(token)}), 1);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM invitations WHERE token_hash = ? OR token_nonce = ?"),
                        {token, token}),
                 0);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM outbox")), 0); // sendInvitationMessage defaults to false
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ? AND target_id = ?"),
                        {activity::InviteExternalUser, u.id}),
                 1);
        // The link can be rebuilt from the keychain for "copy redemption link".
        auto again = service.redemptionUrl(u.id);
        QVERIFY(again.ok());
        QCOMPARE(*again, r->redeemUrl);
        // JSON in Graph's shape.
        const QJsonObject json = r->toJson();
        QCOMPARE(json.value(QStringLiteral("inviteRedeemUrl")).toString(), r->redeemUrl);
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("PendingAcceptance"));
        QCOMPARE(json.value(QStringLiteral("invitedUser")).toObject().value(QStringLiteral("externalUserState")).toString(),
                 QStringLiteral("PendingAcceptance"));
    }

    void reinviteGivesClearAnswer_data() { engineData(); }
    void reinviteGivesClearAnswer() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        InvitationService service(*ctx, m_secrets);
        QVERIFY(service.invite(basic(QStringLiteral("bob@contoso.com"))).ok());
        const QString before = snapshot(*ctx);
        auto again = service.invite(basic(QStringLiteral("BOB@contoso.com")));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
        QVERIFY(again.error().message.contains(QStringLiteral("Resend")));
        QCOMPARE(snapshot(*ctx), before);
        // A UPN collision gets the documented suffix: the same local part and domain cannot repeat,
        // but bob@contoso.com and bob_contoso.com@... would; check two addresses mapping alike.
        auto other = service.invite(basic(QStringLiteral("bob@contoso.com.example")));
        QVERIFY(other.ok());
    }

    void badInputWritesNothing_data() {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("redirect");
        QTest::addColumn<QString>("cc");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad char") << "a!b@contoso.com" << "https://x.example" << "" << "email";
        QTest::newRow("no at") << "contoso.com" << "https://x.example" << "" << "email";
        QTest::newRow("dot start") << ".a@contoso.com" << "https://x.example" << "" << "email";
        QTest::newRow("http redirect") << "a@contoso.com" << "http://x.example" << "" << "redirectUrl";
        QTest::newRow("relative redirect") << "a@contoso.com" << "/home" << "" << "redirectUrl";
        QTest::newRow("two cc") << "a@contoso.com" << "https://x.example" << "b@x.example,c@x.example" << "cc";
        QTest::newRow("crlf email") << "a@contoso.com\r\nBcc: x@y.example" << "https://x.example" << "" << "email";
    }
    void badInputWritesNothing() {
        QFETCH(QString, email);
        QFETCH(QString, redirect);
        QFETCH(QString, cc);
        QFETCH(QString, field);
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        QVERIFY(ctx.ok());
        InvitationService service(*ctx, m_secrets);
        const QString before = snapshot(*ctx);
        GuestInvite g = basic(email);
        g.redirectUrl = redirect;
        g.cc = cc;
        auto r = service.invite(g);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Invalid);
        QCOMPARE(r.error().field, field);
        QCOMPARE(snapshot(*ctx), before);
    }

    void policyRefusalsAreExplainedAndAudited_data() { engineData(); }
    void policyRefusalsAreExplainedAndAudited() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        CollaborationSettings cs;
        cs.restriction = CollaborationRestriction::denyListed;
        cs.domains = {QStringLiteral("contoso.com")};
        QVERIFY(setCollaboration(*ctx, cs).ok());
        InvitationService service(*ctx, m_secrets);
        const QString before = snapshot(*ctx);
        auto r = service.invite(basic(QStringLiteral("eve@contoso.com")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::PolicyDenied);
        QVERIFY(!r.error().why.isEmpty());
        QVERIFY(r.error().why.join(QLatin1Char('\n')).contains(QStringLiteral("domainList")));
        QCOMPARE(snapshot(*ctx), before);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ? AND result <> 'success'"),
                        {activity::InviteExternalUser}),
                 1);
        // A look-alike domain is not on the list.
        QVERIFY(service.invite(basic(QStringLiteral("eve@evil-contoso.com"))).ok());

        // allowInvitesFrom = none refuses everyone, with the operator rule named.
        cs = CollaborationSettings();
        cs.allowInvitesFrom = AllowInvitesFrom::none;
        QVERIFY(setCollaboration(*ctx, cs).ok());
        auto none = service.invite(basic(QStringLiteral("zed@partner.example")));
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, ErrorCode::PermissionDenied);
    }

    void memberTypeOnlyForAdmins() {
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        QVERIFY(ctx.ok());
        auto inviter = UserService(*ctx).addMember({QStringLiteral("Ivy"), QStringLiteral("ivy@fabrikam.example"), {}});
        QVERIFY(inviter.ok());
        QVERIFY(RoleService(*ctx).assign(Role::GuestInviter, inviter->id).ok());
        ServiceContext ivy = m_fx.as(*ctx, inviter->id);
        InvitationService asIvy(ivy, m_secrets);
        GuestInvite g = basic(QStringLiteral("m@partner.example"));
        g.userType = UserType::Member;
        auto refused = asIvy.invite(g);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        g.userType = UserType::Guest;
        QVERIFY(asIvy.invite(g).ok());
        // Guest Inviter may invite but not reset redemption (helpdesk may).
        auto guest = UserService(*ctx).list({UserType::Guest, 10});
        QCOMPARE(guest->size(), 1);
        auto reset = asIvy.resetRedemption(guest->first().id, {}, false);
        QVERIFY(!reset.ok());
        QCOMPARE(reset.error().code, ErrorCode::PermissionDenied);
        InvitationService admin(*ctx, m_secrets);
        GuestInvite mem = basic(QStringLiteral("m2@partner.example"));
        mem.userType = UserType::Member;
        QVERIFY(admin.invite(mem).ok());
    }

    void sponsorsAndTargets() {
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        QVERIFY(ctx.ok());
        InvitationService service(*ctx, m_secrets);
        GuestInvite g = basic(QStringLiteral("s@partner.example"));
        for (int i = 0; i < 6; ++i) {
            g.sponsorIds << QStringLiteral("s%1").arg(i);
        }
        auto six = service.invite(g);
        QVERIFY(!six.ok());
        QCOMPARE(six.error().field, QStringLiteral("sponsors"));
        g.sponsorIds = {QStringLiteral("no-such-user")};
        QVERIFY(!service.invite(g).ok());
        auto group = GroupService(*ctx).createGroup(QStringLiteral("Partners"));
        auto app = GroupService(*ctx).createApplication(QStringLiteral("Portal"));
        g.sponsorIds = {ctx->op().userId, group->id};
        g.groupIds = {group->id};
        g.appIds = {app->id};
        auto r = service.invite(g);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM group_members WHERE user_id = ?"), {r->invitedUser.id}), 1);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM app_assignments WHERE user_id = ?"), {r->invitedUser.id}), 1);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM sponsors WHERE user_id = ? AND sponsor_type = 'group'"),
                        {r->invitedUser.id}),
                 1);
        QVERIFY(service.setSponsors(r->invitedUser.id, {ctx->op().userId}).ok());
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM sponsors WHERE user_id = ?"), {r->invitedUser.id}), 1);
    }

    void resetRedemptionKeepsIdentity_data() { engineData(); }
    void resetRedemptionKeepsIdentity() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        InvitationService service(*ctx, m_secrets);
        auto group = GroupService(*ctx).createGroup(QStringLiteral("Partners"));
        GuestInvite g = basic(QStringLiteral("carol@contoso.com"));
        g.groupIds = {group->id};
        auto first = service.invite(g);
        QVERIFY(first.ok());
        // Pretend the guest redeemed.
        {
            auto c = ctx->db().connection();
            QVERIFY(Database::exec(*c, QStringLiteral("UPDATE users SET external_user_state = 'Accepted' WHERE id = ?"),
                                   {first->invitedUser.id})
                        .ok());
        }
        auto reset = service.resetRedemption(first->invitedUser.id, QStringLiteral("carol@newcontoso.com"), false);
        QVERIFY2(reset.ok(), qPrintable(reset.ok() ? QString() : reset.error().message));
        QCOMPARE(reset->invitedUser.id, first->invitedUser.id);
        QCOMPARE(reset->invitedUser.userPrincipalName, first->invitedUser.userPrincipalName); // UPN never changes
        QCOMPARE(reset->invitedUser.mail, QStringLiteral("carol@newcontoso.com"));
        QVERIFY(reset->invitedUser.externalUserState == ExternalUserState::PendingAcceptance);
        QVERIFY(reset->redeemUrl != first->redeemUrl);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM group_members WHERE user_id = ?"), {first->invitedUser.id}), 1);
        // The old link no longer leads to a pending invitation.
        const QString oldHash = hashToken(first->redeemUrl.section(QLatin1Char('/'), -1));
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM invitations WHERE token_hash = ? AND status = "
                                             "'PendingAcceptance'"),
                        {oldHash}),
                 0);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ?"),
                        {activity::InviteWithReset}),
                 1);
    }

    void blockAndDelete_data() { engineData(); }
    void blockAndDelete() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        InvitationService service(*ctx, m_secrets);
        auto r = service.invite(basic(QStringLiteral("dave@contoso.com")));
        QVERIFY(r.ok());
        QVERIFY(service.setSignInBlocked(r->invitedUser.id, true).ok());
        QCOMPARE(UserService(*ctx).get(r->invitedUser.id)->accountEnabled, false);
        QVERIFY(service.setSignInBlocked(r->invitedUser.id, false).ok());
        QVERIFY(service.resend(r->invitedUser.id).ok());
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'pending'")), 1);
        QVERIFY(service.deleteGuest(r->invitedUser.id).ok());
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM invitations")), 0); // the link is revoked
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ?"),
                        {activity::DeleteExternalUser}),
                 1);
        QCOMPARE(service.deleteGuest(ctx->op().userId).error().code, ErrorCode::Invalid); // members are not deleted here
    }

    void unsubscribedGetsNoMail() {
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        QVERIFY(ctx.ok());
        {
            auto c = ctx->db().connection();
            QVERIFY(Database::exec(*c, QStringLiteral("INSERT INTO unsubscribed (email_lower, at_ms) VALUES (?, 1)"),
                                   {QStringLiteral("quiet@contoso.com")})
                        .ok());
        }
        InvitationService service(*ctx, m_secrets);
        GuestInvite g = basic(QStringLiteral("Quiet@contoso.com"));
        g.sendEmail = true;
        auto r = service.invite(g);
        QVERIFY(r.ok());
        QVERIFY(!r->emailQueued);
        QVERIFY(r->emailSuppressedUnsubscribed);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ?"),
                        {activity::EmailNotSentUnsubscribed}),
                 1);
    }

    void whatIf() {
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        QVERIFY(ctx.ok());
        auto bob = UserService(*ctx).addMember({QStringLiteral("Bob"), QStringLiteral("bob@fabrikam.example"), {}});
        CollaborationSettings cs;
        cs.allowInvitesFrom = AllowInvitesFrom::adminsAndGuestInviters;
        QVERIFY(setCollaboration(*ctx, cs).ok());
        auto conn = ctx->db().connection();
        auto bobOp = Operator::load(*conn, bob->id);
        InvitationService service(*ctx, m_secrets);
        auto d = service.whatIfInvite(QStringLiteral("x@partner.example"), *bobOp);
        QVERIFY(d.ok());
        QVERIFY(!d->allowed);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = 'What-if invite'")), 1);
        // Only Global Administrators may preview as someone else.
        ServiceContext asBob = m_fx.as(*ctx, bob->id);
        auto refused = InvitationService(asBob, m_secrets).whatIfInvite(QStringLiteral("x@partner.example"), ctx->op());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(tst_InvitationService)
#include "tst_invitationservice.moc"
