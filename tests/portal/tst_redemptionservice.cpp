// RedemptionService on SQLite and PostgreSQL: the passcode redemption from landing to Accepted, and
// every bad path leaving the directory unchanged (a dump of the guest's tables before and after).

#include "core/invitations/outboxsender.h"
#include "core/mail/passcodemail.h"
#include "core/redemption/redemptionservice.h"
#include "redemptionfixture.h"

#include <QTest>

using namespace atrium::core;
using namespace atrium::test;

Q_DECLARE_METATYPE(atrium::core::RedeemProblem)

namespace {
const QString Redirect = QStringLiteral("https://apps.fabrikam.example/welcome");
}

class tst_RedemptionService final : public QObject {
    Q_OBJECT

private:
    struct World {
        std::optional<ServiceContext> ctx;
        std::shared_ptr<MemorySecretStore> secrets = std::make_shared<MemorySecretStore>();
        QByteArray key;
        QString token;
        QString userId;
        std::unique_ptr<RedemptionService> service;
    };
    DirectoryFixture m_fx;

    World world(const QString &email = QStringLiteral("alice@contoso.com")) {
        World w;
        auto ctx = m_fx.freshDirectory(QString::fromLatin1(QTest::currentDataTag()));
        if (!ctx.ok()) {
            qWarning() << ctx.error().message;
            return w;
        }
        w.ctx.emplace(*ctx);
        InvitationService invitations(*w.ctx, w.secrets);
        GuestInvite inv;
        inv.email = email;
        inv.redirectUrl = Redirect;
        inv.displayName = QStringLiteral("Alice Example");
        auto r = invitations.invite(inv);
        if (!r.ok()) {
            qWarning() << r.error().message;
            return w;
        }
        w.token = tokenFromUrl(r->redeemUrl);
        w.userId = r->invitedUser.id;
        auto info = DirectoryService::read(w.ctx->db());
        w.key = *TokenKey::load(*w.secrets, info->tenantId);
        RedemptionOptions o;
        o.landingCacheMs = 0;
        w.service = std::make_unique<RedemptionService>(w.ctx->database(), m_fx.clock(), w.key, o);
        return w;
    }

    // The code of the newest passcode row, derived as the outbox derives it.
    QString currentCode(World &w) {
        auto c = w.ctx->db().connection();
        auto q = Database::exec(*c, QStringLiteral("SELECT id, code_nonce FROM passcodes ORDER BY (used_at IS NULL AND "
                                                   "superseded_at IS NULL) DESC, created_at DESC LIMIT 1"));
        if (!q.ok() || !q->next()) {
            return {};
        }
        return derivePasscode(w.key, q->value(0).toString(), q->value(1).toString());
    }

    static void addEngines() {
        QTest::addColumn<int>("unused");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << 0;
        }
    }

    static QString wrong(const QString &code) {
        QString w = code;
        w[0] = QLatin1Char(code.at(0) == QLatin1Char('1') ? '2' : '1');
        return w;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
    }

    void passcodeRedemption_data() { addEngines(); }
    void passcodeRedemption() {
        World w = world();
        QVERIFY(w.service);
        const QString before = dumpDirectory(w.ctx->db());

        auto landing = w.service->landing(w.token);
        QVERIFY(landing.ok());
        QCOMPARE(landing->problem, RedeemProblem::None);
        QCOMPARE(landing->invitation.organizationName, QStringLiteral("Fabrikam"));
        QCOMPARE(landing->invitation.email, QStringLiteral("alice@contoso.com"));
        QCOMPARE(landing->invitation.idp.provider, QStringLiteral("emailOneTimePasscode"));
        QCOMPARE(landing->validMinutes, 10);
        QCOMPARE(dumpDirectory(w.ctx->db()), before); // a GET never consumes anything

        auto req = w.service->requestPasscode(w.token);
        QVERIFY(req.ok());
        QCOMPARE(req->problem, RedeemProblem::None);
        QCOMPARE(scalar(w.ctx->db(),
                        QStringLiteral("SELECT COUNT(*) FROM outbox WHERE kind = 'passcode' AND "
                                       "passcode_id = ?"),
                        {req->passcodeId})
                     .toInt(),
                 1);
        const qint64 expires =
            scalar(w.ctx->db(), QStringLiteral("SELECT expires_at FROM passcodes WHERE id = ?"), {req->passcodeId})
                .toLongLong();
        QCOMPARE(expires, m_fx.clock()->nowMs() + 10 * 60000);
        const QString code = currentCode(w);
        QCOMPARE(code.size(), 8);
        // Only a keyed check value is stored, never the code.
        const QString stored =
            scalar(w.ctx->db(), QStringLiteral("SELECT code_hash FROM passcodes WHERE id = ?"), {req->passcodeId})
                .toString();
        QVERIFY(!stored.contains(code));
        QCOMPARE(stored, passcodeCheckHash(w.key, req->passcodeId, code));

        auto bad = w.service->verifyPasscode(w.token, wrong(code));
        QVERIFY(bad.ok());
        QCOMPARE(bad->problem, RedeemProblem::WrongCode);
        QCOMPARE(bad->attemptsLeft, 4);
        QCOMPARE(dumpDirectory(w.ctx->db()), before);

        // Spaces as the guest may type them are fine.
        auto ok = w.service->verifyPasscode(w.token, code.left(4) + QStringLiteral(" ") + code.mid(4));
        QVERIFY(ok.ok());
        QCOMPARE(ok->problem, RedeemProblem::None);
        QVERIFY(ok->needsConsent);
        QVERIFY(ok->sessionSecret.size() >= 43);
        // A used code does not work twice.
        auto again = w.service->verifyPasscode(w.token, code);
        QCOMPARE(again->problem, RedeemProblem::NoActiveCode);

        auto view = w.service->consentView(ok->sessionSecret);
        QVERIFY(view.ok());
        QCOMPARE(view->problem, RedeemProblem::None);
        QVERIFY(view->needsConsent);
        QCOMPARE(view->invitation.redirectUrl, Redirect);

        m_fx.clock()->advanceSecs(30);
        auto accepted = w.service->accept(ok->sessionSecret);
        QVERIFY2(accepted.ok(), accepted.ok() ? "" : qPrintable(accepted.error().message));
        QCOMPARE(accepted->problem, RedeemProblem::None);
        QCOMPARE(accepted->redirectUrl, Redirect);

        auto &db = w.ctx->db();
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT external_user_state FROM users WHERE id = ?"), {w.userId}).toString(),
            QStringLiteral("Accepted"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT external_user_state_changed_at FROM users WHERE id = ?"), {w.userId})
                     .toLongLong(),
                 m_fx.clock()->nowMs());
        QCOMPARE(scalar(db, QStringLiteral("SELECT status FROM invitations WHERE user_id = ?"), {w.userId}).toString(),
                 QStringLiteral("Completed"));
        QCOMPARE(scalar(db,
                        QStringLiteral("SELECT sign_in_type || '/' || issuer || '/' || issuer_assigned_id FROM "
                                       "user_identities WHERE user_id = ?"),
                        {w.userId})
                     .toString(),
                 QStringLiteral("emailAddress/mail/alice@contoso.com"));
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT COUNT(*) FROM user_identities WHERE user_id = ?"), {w.userId}).toInt(),
            1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM consents WHERE user_id = ?"), {w.userId}).toInt(), 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT actor_id FROM audit_log WHERE activity = ? AND target_id = ?"),
                        {QStringLiteral("Redeem external user invite"), w.userId})
                     .toString(),
                 w.userId);

        // Single use: the link, the session and a second tab all find it redeemed and change nothing.
        const QString after = dumpDirectory(db);
        QCOMPARE(w.service->landing(w.token)->problem, RedeemProblem::AlreadyRedeemed);
        QCOMPARE(w.service->requestPasscode(w.token)->problem, RedeemProblem::AlreadyRedeemed);
        QCOMPARE(w.service->accept(ok->sessionSecret)->problem, RedeemProblem::AlreadyRedeemed);
        QCOMPARE(dumpDirectory(db), after);
    }

    void twoTabs_data() { addEngines(); }
    void twoTabs() {
        World w = world();
        QVERIFY(w.service);
        QVERIFY(w.service->requestPasscode(w.token).ok());
        auto a = w.service->verifyPasscode(w.token, currentCode(w));
        QCOMPARE(a->problem, RedeemProblem::None);
        QVERIFY(w.service->requestPasscode(w.token).ok());
        auto b = w.service->verifyPasscode(w.token, currentCode(w));
        QCOMPARE(b->problem, RedeemProblem::None);
        QCOMPARE(w.service->accept(a->sessionSecret)->problem, RedeemProblem::None);
        const QString after = dumpDirectory(w.ctx->db());
        QCOMPARE(w.service->accept(b->sessionSecret)->problem, RedeemProblem::AlreadyRedeemed);
        QCOMPARE(dumpDirectory(w.ctx->db()), after);
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ?"),
                        {QStringLiteral("Redeem external user invite")})
                     .toInt(),
                 1);
    }

    void wrongCodeSixTimes_data() { addEngines(); }
    void wrongCodeSixTimes() {
        World w = world();
        QVERIFY(w.service);
        QVERIFY(w.service->requestPasscode(w.token).ok());
        const QString code = currentCode(w);
        const QString before = dumpDirectory(w.ctx->db());
        for (int i = 1; i <= 6; ++i) {
            auto r = w.service->verifyPasscode(w.token, wrong(code));
            QVERIFY(r.ok());
            if (i < 5) {
                QCOMPARE(r->problem, RedeemProblem::WrongCode);
                QCOMPARE(r->attemptsLeft, 5 - i);
            } else {
                QCOMPARE(r->problem, RedeemProblem::TooManyAttempts);
            }
        }
        // The right code no longer helps: the code is spent.
        QCOMPARE(w.service->verifyPasscode(w.token, code)->problem, RedeemProblem::TooManyAttempts);
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT attempts FROM passcodes")).toInt(), 5);
        QCOMPARE(dumpDirectory(w.ctx->db()), before);
        // A new code starts afresh.
        QVERIFY(w.service->requestPasscode(w.token).ok());
        QCOMPARE(w.service->verifyPasscode(w.token, currentCode(w))->problem, RedeemProblem::None);
    }

    void expiredCode_data() { addEngines(); }
    void expiredCode() {
        World w = world();
        QVERIFY(w.service);
        QVERIFY(setSetting(*w.ctx, QStringLiteral("passcodeValidityMinutes"), QStringLiteral("30")).ok());
        QVERIFY(!setSetting(*w.ctx, QStringLiteral("passcodeValidityMinutes"), QStringLiteral("31")).ok());
        auto req = w.service->requestPasscode(w.token);
        QCOMPARE(req->validMinutes, 30);
        const QString code = currentCode(w);
        const QString before = dumpDirectory(w.ctx->db());
        m_fx.clock()->advanceSecs(30 * 60);
        QCOMPARE(w.service->verifyPasscode(w.token, code)->problem, RedeemProblem::CodeExpired);
        QCOMPARE(dumpDirectory(w.ctx->db()), before);
    }

    void resendLimit_data() { addEngines(); }
    void resendLimit() {
        World w = world();
        QVERIFY(w.service);
        QString first;
        for (int i = 0; i < 5; ++i) {
            auto r = w.service->requestPasscode(w.token);
            QCOMPARE(r->problem, RedeemProblem::None);
            if (i == 0) {
                first = currentCode(w);
            }
            m_fx.clock()->advanceSecs(60);
        }
        const QString before = dumpDirectory(w.ctx->db());
        QCOMPARE(w.service->requestPasscode(w.token)->problem, RedeemProblem::TooManyResends);
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT COUNT(*) FROM passcodes")).toInt(), 5);
        QCOMPARE(
            scalar(w.ctx->db(), QStringLiteral("SELECT COUNT(*) FROM passcodes WHERE superseded_at IS NULL")).toInt(),
            1);
        QCOMPARE(dumpDirectory(w.ctx->db()), before);
        // An hour after the first, one more may be sent.
        m_fx.clock()->advanceSecs(3600 - 5 * 60 + 1);
        QCOMPARE(w.service->requestPasscode(w.token)->problem, RedeemProblem::None);
        // A replaced code does not work.
        if (first != currentCode(w)) {
            QCOMPARE(w.service->verifyPasscode(w.token, first)->problem, RedeemProblem::WrongCode);
        }
    }

    void badLinks_data() {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("what");
        QTest::addColumn<RedeemProblem>("expected");
        for (const QString &e : DirectoryFixture::engines()) {
            const auto row = [&](const char *what, RedeemProblem p) {
                QTest::newRow(qPrintable(e + QLatin1Char('/') + QLatin1String(what)))
                    << e << QString::fromLatin1(what) << p;
            };
            row("unknown", RedeemProblem::UnknownLink);
            row("malformed", RedeemProblem::UnknownLink);
            row("revoked", RedeemProblem::UnknownLink);
            row("domainBlocked", RedeemProblem::DomainBlocked);
            row("signInBlocked", RedeemProblem::SignInBlocked);
            row("expired", RedeemProblem::Expired);
            row("superseded", RedeemProblem::Superseded);
            row("passcodeOff", RedeemProblem::ExternalProvider);
        }
    }
    void badLinks() {
        QFETCH(QString, engine);
        QFETCH(QString, what);
        QFETCH(RedeemProblem, expected);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        auto secrets = std::make_shared<MemorySecretStore>();
        if (what == QLatin1String("expired")) {
            QVERIFY(setSetting(*ctx, QStringLiteral("invitationExpiryDays"), QStringLiteral("1")).ok());
        }
        InvitationService invitations(*ctx, secrets);
        GuestInvite inv;
        inv.email = QStringLiteral("bob@contoso.com");
        inv.redirectUrl = Redirect;
        auto r = invitations.invite(inv);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QString token = tokenFromUrl(r->redeemUrl);
        const QString userId = r->invitedUser.id;
        auto info = DirectoryService::read(ctx->db());
        const QByteArray key = *TokenKey::load(*secrets, info->tenantId);
        RedemptionOptions o;
        o.landingCacheMs = 0;
        RedemptionService service(ctx->database(), m_fx.clock(), key, o);
        // A code asked for while the link was fine: verifying it later must not get through either.
        QCOMPARE(service.requestPasscode(token)->problem, RedeemProblem::None);

        if (what == QLatin1String("unknown")) {
            token = deriveToken(QByteArray(32, 'x'), QStringLiteral("invite"), QStringLiteral("nope"), newTokenNonce());
        } else if (what == QLatin1String("malformed")) {
            token = QStringLiteral("not a token");
        } else if (what == QLatin1String("revoked")) {
            QVERIFY(invitations.deleteGuest(userId).ok());
        } else if (what == QLatin1String("domainBlocked")) {
            QVERIFY(setSetting(*ctx, QStringLiteral("collaboration"),
                               QStringLiteral("{\"restriction\":\"denyListed\",\"domains\":[\"contoso.com\"]}"))
                        .ok());
        } else if (what == QLatin1String("signInBlocked")) {
            QVERIFY(invitations.setSignInBlocked(userId, true).ok());
        } else if (what == QLatin1String("expired")) {
            m_fx.clock()->advanceDays(2);
        } else if (what == QLatin1String("superseded")) {
            QVERIFY(invitations.resetRedemption(userId, {}, false).ok());
        } else if (what == QLatin1String("passcodeOff")) {
            QVERIFY(
                setSetting(*ctx, QStringLiteral("collaboration"), QStringLiteral("{\"emailOtpEnabled\":false}")).ok());
        }
        const QString before = dumpDirectory(ctx->db());
        const int passcodesBefore = scalar(ctx->db(), QStringLiteral("SELECT COUNT(*) FROM passcodes")).toInt();
        auto landing = service.landing(token);
        QVERIFY(landing.ok());
        QCOMPARE(landing->problem, expected);
        if (expected == RedeemProblem::ExternalProvider) {
            QVERIFY(!landing->invitation.idp.displayName.isEmpty());
            QVERIFY(landing->invitation.idp.provider != QLatin1String("emailOneTimePasscode"));
        }
        QCOMPARE(service.requestPasscode(token)->problem, expected);
        QVERIFY(service.verifyPasscode(token, QStringLiteral("12345678"))->problem != RedeemProblem::None);
        QCOMPARE(dumpDirectory(ctx->db()), before);
        QCOMPARE(scalar(ctx->db(), QStringLiteral("SELECT COUNT(*) FROM passcodes")).toInt(), passcodesBefore);
    }

    void sessions_data() { addEngines(); }
    void sessions() {
        World w = world();
        QVERIFY(w.service);
        const QString before = dumpDirectory(w.ctx->db());
        QCOMPARE(w.service->consentView(QString())->problem, RedeemProblem::SessionInvalid);
        QCOMPARE(w.service->accept(QStringLiteral("forged-session"))->problem, RedeemProblem::SessionInvalid);
        QVERIFY(w.service->requestPasscode(w.token).ok());
        auto s = w.service->verifyPasscode(w.token, currentCode(w));
        QCOMPARE(s->problem, RedeemProblem::None);
        const QString withSession = dumpDirectory(w.ctx->db());
        m_fx.clock()->advanceSecs(24 * 3600);
        QCOMPARE(w.service->consentView(s->sessionSecret)->problem, RedeemProblem::SessionInvalid);
        QCOMPARE(w.service->accept(s->sessionSecret)->problem, RedeemProblem::SessionInvalid);
        QCOMPARE(dumpDirectory(w.ctx->db()), withSession);
        QVERIFY(before != withSession); // the session row itself
    }

    void unsubscribe_data() { addEngines(); }
    void unsubscribe() {
        World w = world();
        QVERIFY(w.service);
        const QString before = dumpDirectory(w.ctx->db());
        auto view = w.service->unsubscribeView(w.token);
        QCOMPARE(view->problem, RedeemProblem::None);
        QCOMPARE(view->invitation.email, QStringLiteral("alice@contoso.com"));
        QCOMPARE(dumpDirectory(w.ctx->db()), before);
        QCOMPARE(w.service->unsubscribe(w.token)->problem, RedeemProblem::None);
        QCOMPARE(w.service->unsubscribe(w.token)->problem, RedeemProblem::None); // twice is fine
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT COUNT(*) FROM unsubscribed WHERE email_lower = ?"),
                        {QStringLiteral("alice@contoso.com")})
                     .toInt(),
                 1);
        QCOMPARE(w.service->unsubscribe(QStringLiteral("x"))->problem, RedeemProblem::UnknownLink);
    }

    // The outbox sends kind 'passcode' with the derived code; spent codes are cancelled, not mailed.
    void outboxSendsPasscodes_data() { addEngines(); }
    void outboxSendsPasscodes() {
        World w = world();
        QVERIFY(w.service);
        auto transport = std::make_shared<CapturingTransport>();
        OutboxSender sender(w.ctx->database(), m_fx.clock(), w.secrets, transport,
                            MailAddress{QStringLiteral("noreply@fabrikam.example"), QStringLiteral("Fabrikam")});
        QVERIFY(w.service->requestPasscode(w.token).ok());
        QVERIFY(w.service->requestPasscode(w.token).ok()); // supersedes the first before it was sent
        const QString code = currentCode(w);
        auto report = sender.drainOnce(10);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(report->sent, 1);
        QCOMPARE(transport->sent().size(), 1);
        const MailMessage m = transport->sent().first();
        QCOMPARE(m.to.first().address, QStringLiteral("alice@contoso.com"));
        QCOMPARE(m.subject, QStringLiteral("Your Fabrikam account verification code"));
        QVERIFY(m.textBody.contains(code));
        QVERIFY(m.htmlBody.contains(code));
        QVERIFY(m.textBody.contains(QStringLiteral("10 minutes")));
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'cancelled'")).toInt(),
                 1);
        QCOMPARE(w.service->verifyPasscode(w.token, code)->problem, RedeemProblem::None);
    }

    void derivation() {
        const QByteArray key(32, 'k');
        const QString a = derivePasscode(key, QStringLiteral("id1"), QStringLiteral("n1"));
        QCOMPARE(a.size(), 8);
        QCOMPARE(a, derivePasscode(key, QStringLiteral("id1"), QStringLiteral("n1")));
        QVERIFY(a != derivePasscode(key, QStringLiteral("id1"), QStringLiteral("n2")));
        QVERIFY(a != derivePasscode(QByteArray(32, 'j'), QStringLiteral("id1"), QStringLiteral("n1")));
        // Leading zeros are kept: over many nonces every code has 8 digits.
        for (int i = 0; i < 2000; ++i) {
            const QString c = derivePasscode(key, QStringLiteral("id"), QString::number(i));
            QCOMPARE(c.size(), 8);
        }
        QVERIFY(passcodeCheckHash(key, QStringLiteral("id1"), a) !=
                passcodeCheckHash(QByteArray(32, 'j'), QStringLiteral("id1"), a));
    }
};

QTEST_GUILESS_MAIN(tst_RedemptionService)
#include "tst_redemptionservice.moc"
