// Self-service sign-up (SPEC §8, issue 7) on SQLite and PostgreSQL: UserFlowService (flows and API
// connectors: validation, the self-service gate, permissions and audit, credentials in the secret
// store) and SignUpService against a real API connector endpoint on loopback: ValidationError then
// Continue creates the guest with creationType SelfServiceSignUp; a blocked domain, ShowBlockPage,
// a malformed connector answer, a wrong code and a disabled flow change nothing. Terms of use
// (SPEC §2) in redemption and sign-up: shown after consent, accepted once.

#include "core/mail/passcodemail.h"
#include "core/redemption/redemptionservice.h"
#include "core/services/roleservice.h"
#include "core/services/userservice.h"
#include "core/userflows/signupservice.h"
#include "core/userflows/userflowservice.h"
#include "redemptionfixture.h"
#include "scriptedendpoint.h"

#include <QJsonDocument>
#include <QTest>

using namespace atrium::core;
using namespace atrium::test;

namespace {
const QString Redirect = QStringLiteral("https://apps.fabrikam.example/welcome");
const QString Company = QStringLiteral("extension_0123456789abcdef0123456789abcdef_Company");
const QString Flow = QStringLiteral("B2X_1_Partners");
} // namespace

class tst_SignUpService final : public QObject {
    Q_OBJECT

    struct World {
        std::optional<ServiceContext> ctx;
        std::shared_ptr<MemorySecretStore> secrets = std::make_shared<MemorySecretStore>();
        QByteArray key;
        std::unique_ptr<ScriptedEndpoint> connector = std::make_unique<ScriptedEndpoint>();
        QString connectorId;
        std::unique_ptr<SignUpService> service;
    };
    DirectoryFixture m_fx;

    // A directory with self-service sign-up on, deny list blocked.example, one connector (Basic
    // auth) before creating the user, and the flow B2X_1_Partners.
    World world() {
        World w;
        auto ctx = m_fx.freshDirectory(QString::fromLatin1(QTest::currentDataTag()));
        if (!ctx.ok()) {
            qWarning() << ctx.error().message;
            return w;
        }
        w.ctx.emplace(*ctx);
        if (!w.connector->start()) {
            qWarning() << "connector endpoint did not start";
            return w;
        }
        Status s = setSetting(*w.ctx, QStringLiteral("collaboration"),
                              QStringLiteral(R"({"selfServiceSignUpEnabled":true,"restriction":"denyListed",)"
                                             R"("domains":["blocked.example"]})"));
        if (!s.ok()) {
            qWarning() << s.error().message;
            return w;
        }
        UserFlowService flows(*w.ctx, w.secrets);
        ApiConnector c;
        c.displayName = QStringLiteral("Approval");
        c.endpointUrl = w.connector->url().toString();
        c.username = QStringLiteral("atrium");
        auto created = flows.createConnector(c, QStringLiteral("pw:1"));
        if (!created.ok()) {
            qWarning() << created.error().message;
            return w;
        }
        w.connectorId = created->id;
        UserFlow f;
        f.name = Flow;
        f.redirectUrl = Redirect;
        f.attributes = {{QStringLiteral("displayName"), true}, {QStringLiteral("jobTitle"), false}, {Company, true}};
        f.postAttributeCollectionConnectorId = created->id;
        if (auto r = flows.createFlow(f); !r.ok()) {
            qWarning() << r.error().message;
            return w;
        }
        auto info = DirectoryService::read(w.ctx->db());
        w.key = *TokenKey::load(*w.secrets, info->tenantId);
        w.service = std::make_unique<SignUpService>(w.ctx->database(), m_fx.clock(), w.key, w.secrets);
        return w;
    }

    QString code(World &w, const QString &passcodeId) {
        const QVariant nonce =
            scalar(w.ctx->db(), QStringLiteral("SELECT code_nonce FROM passcodes WHERE id = ?"), {passcodeId});
        return derivePasscode(w.key, passcodeId, nonce.toString());
    }

    // Email verified: returns the session secret (empty on failure).
    QString verified(World &w, const QString &email = QStringLiteral("bob@contoso.com")) {
        auto req = w.service->requestPasscode(Flow, email);
        if (!req.ok() || req->problem != SignUpProblem::None) {
            return {};
        }
        auto v = w.service->verifyPasscode(Flow, req->sessionSecret, code(w, req->passcodeId));
        if (!v.ok() || v->problem != SignUpProblem::None) {
            return {};
        }
        return req->sessionSecret;
    }

    static QHash<QString, QString> form(const QString &company) {
        return {{QStringLiteral("displayName"), QStringLiteral("Bob Example")}, {Company, company}};
    }

    static void addEngines() {
        QTest::addColumn<int>("unused");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << 0;
        }
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
    }

    void signUpWithValidationErrorThenContinue_data() { addEngines(); }
    void signUpWithValidationErrorThenContinue() {
        World w = world();
        QVERIFY(w.service);
        w.connector->script << ScriptedEndpoint::Answer{
            400,
            R"({"version":"1.0.0","status":400,"action":"ValidationError","userMessage":"Use the registered name."})"};
        w.connector->script << ScriptedEndpoint::Answer{
            200, R"({"version":"1.0.0","action":"Continue","jobTitle":"Buyer","unknownClaim":"ignored"})"};

        auto start = w.service->start(Flow);
        QVERIFY(start.ok());
        QCOMPARE(start->problem, SignUpProblem::None);
        QCOMPARE(start->flow.attributes.size(), 3);
        const QString before = dumpDirectory(w.ctx->db());
        const QString session = verified(w);
        QVERIFY(!session.isEmpty());
        QCOMPARE(dumpDirectory(w.ctx->db()), before); // verifying an address creates nobody

        auto view = w.service->attributesView(Flow, session);
        QVERIFY(view.ok());
        QCOMPARE(view->problem, SignUpProblem::None);
        QCOMPARE(view->email, QStringLiteral("bob@contoso.com"));

        // A missing required attribute: refused before the connector is asked.
        auto missing =
            w.service->submitAttributes(Flow, session, {{QStringLiteral("displayName"), QStringLiteral("B")}});
        QVERIFY(missing.ok());
        QCOMPARE(missing->problem, SignUpProblem::InvalidAttribute);
        QCOMPARE(missing->field, Company);
        QCOMPARE(w.connector->requests.size(), 0);

        auto first = w.service->submitAttributes(Flow, session, form(QStringLiteral("Contoso")));
        QVERIFY(first.ok());
        QCOMPARE(first->problem, SignUpProblem::ValidationError);
        QCOMPARE(first->message, QStringLiteral("Use the registered name."));
        QCOMPARE(first->values.value(Company), QStringLiteral("Contoso")); // the form keeps what was typed
        QCOMPARE(dumpDirectory(w.ctx->db()), before);
        QCOMPARE(w.connector->requests.size(), 1);
        QVERIFY(w.connector->requests.at(0).head.contains(
            QByteArray(QByteArray("Authorization: Basic ") + QByteArray("atrium:pw:1").toBase64())));
        const QJsonObject claims = QJsonDocument::fromJson(w.connector->requests.at(0).body).object();
        QCOMPARE(claims.value(QStringLiteral("email")).toString(), QStringLiteral("bob@contoso.com"));
        QCOMPARE(claims.value(QStringLiteral("step")).toString(), QStringLiteral("PostAttributeCollection"));
        QCOMPARE(claims.value(Company).toString(), QStringLiteral("Contoso"));
        QVERIFY(!claims.contains(QStringLiteral("jobTitle"))); // empty claims are omitted

        auto second = w.service->submitAttributes(Flow, session, form(QStringLiteral("Contoso Ltd.")));
        QVERIFY(second.ok());
        QCOMPARE(second->problem, SignUpProblem::None);
        const QString userId = second->userId;
        QVERIFY(!userId.isEmpty());
        QCOMPARE(
            scalar(w.ctx->db(), QStringLiteral("SELECT creation_type FROM users WHERE id = ?"), {userId}).toString(),
            QStringLiteral("SelfServiceSignUp"));
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT external_user_state FROM users WHERE id = ?"), {userId})
                     .toString(),
                 QStringLiteral("Accepted"));
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT user_principal_name FROM users WHERE id = ?"), {userId})
                     .toString(),
                 QStringLiteral("bob_contoso.com#EXT#@fabrikam.example"));
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT issuer FROM user_identities WHERE user_id = ?"), {userId})
                     .toString(),
                 QStringLiteral("mail"));
        // Continue overrides: jobTitle comes from the connector; unknown claims are not stored.
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT value FROM user_attributes WHERE user_id = ? AND name = ?"),
                        {userId, QStringLiteral("jobTitle")})
                     .toString(),
                 QStringLiteral("Buyer"));
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT value FROM user_attributes WHERE user_id = ? AND name = ?"),
                        {userId, Company})
                     .toString(),
                 QStringLiteral("Contoso Ltd."));
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT COUNT(*) FROM user_attributes WHERE user_id = ?"), {userId})
                     .toInt(),
                 3);
        QCOMPARE(scalar(w.ctx->db(),
                        QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = 'Add user' AND target_id = ?"),
                        {userId})
                     .toInt(),
                 1);
        // The same session cannot create a second guest.
        auto again = w.service->submitAttributes(Flow, session, form(QStringLiteral("Contoso Ltd.")));
        QVERIFY(again.ok());
        QCOMPARE(again->problem, SignUpProblem::SessionInvalid);

        auto consent = w.service->consentView(Flow, session);
        QVERIFY(consent.ok());
        QCOMPARE(consent->problem, SignUpProblem::None);
        QVERIFY(!consent->needsTerms);
        auto accepted = w.service->accept(Flow, session, false);
        QVERIFY(accepted.ok());
        QCOMPARE(accepted->problem, SignUpProblem::None);
        QCOMPARE(accepted->redirectUrl, Redirect);
        QCOMPARE(
            scalar(w.ctx->db(), QStringLiteral("SELECT COUNT(*) FROM consents WHERE user_id = ?"), {userId}).toInt(),
            1);
        // Attributes are collected only at the first sign-up: the address is taken now.
        const QString later = verified(w);
        QVERIFY(later.isEmpty());
    }

    void badPathsChangeNothing_data() { addEngines(); }
    void badPathsChangeNothing() {
        World w = world();
        QVERIFY(w.service);
        const QString before = dumpDirectory(w.ctx->db());
        const auto passcodes = [&] {
            return scalar(w.ctx->db(), QStringLiteral("SELECT COUNT(*) FROM passcodes")).toInt();
        };

        // Blocked by the policy engine: no code, nothing written.
        auto blocked = w.service->requestPasscode(Flow, QStringLiteral("eve@sub.blocked.example"));
        QVERIFY(blocked.ok());
        QCOMPARE(blocked->problem, SignUpProblem::DomainBlocked);
        QCOMPARE(passcodes(), 0);
        auto invalid = w.service->requestPasscode(Flow, QStringLiteral("not an address"));
        QVERIFY(invalid.ok());
        QCOMPARE(invalid->problem, SignUpProblem::InvalidEmail);
        QVERIFY(!invalid->message.isEmpty());
        auto unknown = w.service->requestPasscode(QStringLiteral("B2X_1_Nope"), QStringLiteral("bob@contoso.com"));
        QCOMPARE(unknown->problem, SignUpProblem::UnknownFlow);
        QCOMPARE(passcodes(), 0);

        // A wrong code counts against the code only.
        auto req = w.service->requestPasscode(Flow, QStringLiteral("bob@contoso.com"));
        QVERIFY(req.ok());
        QString wrong = code(w, req->passcodeId);
        wrong[0] = wrong.at(0) == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        auto bad = w.service->verifyPasscode(Flow, req->sessionSecret, wrong);
        QCOMPARE(bad->problem, SignUpProblem::WrongCode);
        QCOMPARE(bad->attemptsLeft, 4);
        auto noSession = w.service->attributesView(Flow, req->sessionSecret);
        QCOMPARE(noSession->problem, SignUpProblem::SessionInvalid); // not verified yet
        // Only digits, spaces and dashes count: "1234 5678" and "1234-5678" are the code, a letter
        // makes it wrong (never "right after cleaning").
        QString lettered = code(w, req->passcodeId);
        lettered.insert(4, QLatin1Char('a'));
        QCOMPARE(w.service->verifyPasscode(Flow, req->sessionSecret, lettered)->problem, SignUpProblem::WrongCode);
        // Five wrong tries spend the code: the right one is refused after that.
        for (int i = 0; i < 3; ++i) {
            (void)w.service->verifyPasscode(Flow, req->sessionSecret, wrong);
        }
        QString spaced = code(w, req->passcodeId);
        spaced.insert(4, QLatin1Char(' '));
        QCOMPARE(w.service->verifyPasscode(Flow, req->sessionSecret, spaced)->problem,
                 SignUpProblem::TooManyAttempts);
        // A fresh code, typed with a dash, verifies; an expired one does not.
        auto again = w.service->requestPasscode(Flow, QStringLiteral("bob2@contoso.com"));
        QVERIFY(again.ok());
        m_fx.clock()->advanceSecs(11 * 60);
        QCOMPARE(w.service->verifyPasscode(Flow, again->sessionSecret, code(w, again->passcodeId))->problem,
                 SignUpProblem::CodeExpired);
        auto third = w.service->requestPasscode(Flow, QStringLiteral("bob3@contoso.com"));
        QVERIFY(third.ok());
        QString dashed = code(w, third->passcodeId);
        dashed.insert(4, QLatin1Char('-'));
        QCOMPARE(w.service->verifyPasscode(Flow, third->sessionSecret, dashed)->problem, SignUpProblem::None);

        // ShowBlockPage: the message is shown, the session ends, nobody is created.
        w.connector->script << ScriptedEndpoint::Answer{
            200, R"({"version":"1.0.0","action":"ShowBlockPage","userMessage":"Your request needs approval."})"};
        QString session = verified(w, QStringLiteral("carol@contoso.com"));
        QVERIFY(!session.isEmpty());
        auto showBlock = w.service->submitAttributes(Flow, session, form(QStringLiteral("Contoso Ltd.")));
        QCOMPARE(showBlock->problem, SignUpProblem::Blocked);
        QCOMPARE(showBlock->message, QStringLiteral("Your request needs approval."));
        QCOMPARE(w.service->attributesView(Flow, session)->problem, SignUpProblem::SessionInvalid);

        // A malformed answer is a failure, never a success.
        w.connector->script << ScriptedEndpoint::Answer{200, "{\"version\":\"1.0.0\",\"action\":\"Continue\""};
        session = verified(w, QStringLiteral("dave@contoso.com"));
        QVERIFY(!session.isEmpty());
        auto malformed = w.service->submitAttributes(Flow, session, form(QStringLiteral("Contoso Ltd.")));
        QCOMPARE(malformed->problem, SignUpProblem::ConnectorFailed);
        // ValidationError at HTTP 200 is not the contract either.
        w.connector->script << ScriptedEndpoint::Answer{
            200, R"({"version":"1.0.0","status":400,"action":"ValidationError","userMessage":"x"})"};
        session = verified(w, QStringLiteral("erin@contoso.com"));
        auto wrongStatus = w.service->submitAttributes(Flow, session, form(QStringLiteral("Contoso Ltd.")));
        QCOMPARE(wrongStatus->problem, SignUpProblem::ConnectorFailed);
        QCOMPARE(dumpDirectory(w.ctx->db()), before);

        // The domain is blocked while the guest types: refused at creation.
        w.connector->script << ScriptedEndpoint::Answer{200, R"({"version":"1.0.0","action":"Continue"})"};
        session = verified(w, QStringLiteral("frank@late.example"));
        QVERIFY(!session.isEmpty());
        QVERIFY(setSetting(*w.ctx, QStringLiteral("collaboration"),
                           QStringLiteral(R"({"selfServiceSignUpEnabled":true,"restriction":"denyListed",)"
                                          R"("domains":["blocked.example","late.example"]})"))
                    .ok());
        const QString afterSetting = dumpDirectory(w.ctx->db());
        auto late = w.service->submitAttributes(Flow, session, form(QStringLiteral("Contoso Ltd.")));
        QCOMPARE(late->problem, SignUpProblem::DomainBlocked);
        QCOMPARE(dumpDirectory(w.ctx->db()), afterSetting);

        // The flow disabled, then self-service sign-up turned off: no sign-up at all.
        UserFlowService flows(*w.ctx, w.secrets);
        UserFlow f = *flows.flow(Flow);
        f.enabled = false;
        QVERIFY(flows.updateFlow(f, f.rowVersion).ok());
        QCOMPARE(w.service->start(Flow)->problem, SignUpProblem::FlowDisabled);
        QCOMPARE(w.service->requestPasscode(Flow, QStringLiteral("gina@contoso.com"))->problem,
                 SignUpProblem::FlowDisabled);
        f = *flows.flow(Flow);
        f.enabled = true;
        QVERIFY(flows.updateFlow(f, f.rowVersion).ok());
        QVERIFY(
            setSetting(*w.ctx, QStringLiteral("collaboration"), QStringLiteral(R"({"selfServiceSignUpEnabled":false})"))
                .ok());
        QCOMPARE(w.service->start(Flow)->problem, SignUpProblem::FlowDisabled);
        QCOMPARE(
            scalar(w.ctx->db(), QStringLiteral("SELECT COUNT(*) FROM users WHERE creation_type = 'SelfServiceSignUp'"))
                .toInt(),
            0);
    }

    void userFlowService_data() { addEngines(); }
    void userFlowService() {
        World w = world();
        QVERIFY(w.service);
        UserFlowService admin(*w.ctx, w.secrets);
        // Credentials live in the secret store, not in the database.
        auto tenant = DirectoryService::read(w.ctx->db())->tenantId;
        QCOMPARE(*w.secrets->read(UserFlowService::secretKey(tenant, w.connectorId)), QStringLiteral("pw:1"));
        QVERIFY(!dumpDirectory(w.ctx->db()).contains(QStringLiteral("pw:1")));
        QVERIFY(admin.connector(w.connectorId)->hasSecret);

        UserFlow bad;
        bad.redirectUrl = Redirect;
        for (const QString &name : {QStringLiteral("Partners"), QStringLiteral("B2X_1_"), QStringLiteral("B2X_1_a b"),
                                    QStringLiteral("B2X_2_x")}) {
            bad.name = name;
            QCOMPARE(admin.createFlow(bad).error().code, ErrorCode::Invalid);
        }
        bad.name = QStringLiteral("B2X_1_Other");
        bad.attributes = {{QStringLiteral("favouriteColour"), false}};
        QCOMPARE(admin.createFlow(bad).error().field, QStringLiteral("attributes"));
        bad.attributes = {{QStringLiteral("extension_Nickname"), false}};
        bad.redirectUrl = QStringLiteral("javascript:alert(1)");
        QCOMPARE(admin.createFlow(bad).error().field, QStringLiteral("redirectUrl"));
        bad.redirectUrl = Redirect;
        bad.postFederationConnectorId = QStringLiteral("no-such-connector");
        QCOMPARE(admin.createFlow(bad).error().code, ErrorCode::Invalid);
        bad.postFederationConnectorId.clear();
        UserFlow dup = bad;
        dup.name = Flow;
        QCOMPARE(admin.createFlow(dup).error().code, ErrorCode::AlreadyExists);
        QVERIFY(admin.createFlow(bad).ok());
        QCOMPARE(admin.flows()->size(), 2);

        // A connector in use is not deleted; http to a remote host is refused.
        QCOMPARE(admin.deleteConnector(w.connectorId).error().code, ErrorCode::Invalid);
        ApiConnector remote;
        remote.displayName = QStringLiteral("Remote");
        remote.endpointUrl = QStringLiteral("http://approvals.example.com/api");
        remote.username = QStringLiteral("u");
        QCOMPARE(admin.createConnector(remote, QStringLiteral("p")).error().field, QStringLiteral("endpointUrl"));
        remote.endpointUrl = QStringLiteral("https://approvals.example.com/api");
        QCOMPARE(admin.createConnector(remote, QString()).error().field, QStringLiteral("secret"));

        // Permissions (SPEC §10): User Administrator may; Helpdesk may read only; refusals are audited.
        auto helpdeskUser =
            UserService(*w.ctx).addMember({QStringLiteral("helen"), QStringLiteral("helen@fabrikam.example"), {}});
        QVERIFY(helpdeskUser.ok());
        QVERIFY(RoleService(*w.ctx).assign(Role::HelpdeskAdministrator, helpdeskUser->id).ok());
        UserFlowService helpdesk(m_fx.as(*w.ctx, helpdeskUser->id), w.secrets);
        QVERIFY(helpdesk.flows().ok());
        UserFlow mine = bad;
        mine.name = QStringLiteral("B2X_1_Helpdesk");
        const auto denied = helpdesk.createFlow(mine);
        QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
        QVERIFY(denied.error().message.contains(QStringLiteral("User Administrator")));
        QCOMPARE(helpdesk.deleteFlow(Flow).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE result = 'denied' AND "
                                                    "activity IN ('Create user flow', 'Delete user flow')"))
                     .toInt(),
                 2);
        auto userAdminUser =
            UserService(*w.ctx).addMember({QStringLiteral("uma"), QStringLiteral("uma@fabrikam.example"), {}});
        QVERIFY(RoleService(*w.ctx).assign(Role::UserAdministrator, userAdminUser->id).ok());
        UserFlowService userAdmin(m_fx.as(*w.ctx, userAdminUser->id), w.secrets);
        QVERIFY(userAdmin.createFlow(mine).ok());

        // A stale row version is a conflict; delete is audited with the flow as it was.
        UserFlow current = *admin.flow(QStringLiteral("B2X_1_Helpdesk"));
        current.enabled = false;
        QVERIFY(admin.updateFlow(current, current.rowVersion).ok());
        QCOMPARE(admin.updateFlow(current, current.rowVersion).error().code, ErrorCode::Conflict);
        QVERIFY(admin.deleteFlow(QStringLiteral("B2X_1_Helpdesk")).ok());
        QCOMPARE(
            scalar(w.ctx->db(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = 'Delete user flow' "
                                               "AND result = 'success'"))
                .toInt(),
            1);
        // Creating needs self-service sign-up on (SPEC §4).
        QVERIFY(
            setSetting(*w.ctx, QStringLiteral("collaboration"), QStringLiteral(R"({"selfServiceSignUpEnabled":false})"))
                .ok());
        QCOMPARE(admin.createFlow(mine).error().code, ErrorCode::PolicyDenied);
    }

    // Terms of use (SPEC §2): after consent, accepted once, in redemption and in sign-up.
    void termsOfUse_data() { addEngines(); }
    void termsOfUse() {
        World w = world();
        QVERIFY(w.service);
        QVERIFY(setSetting(*w.ctx, QStringLiteral("termsOfUseText"), QStringLiteral("Be nice.")).ok());
        QCOMPARE(
            setSetting(*w.ctx, QStringLiteral("termsOfUseUrl"), QStringLiteral("http://x.example/terms")).error().code,
            ErrorCode::Invalid);

        // Redemption.
        InvitationService invitations(*w.ctx, w.secrets);
        GuestInvite inv;
        inv.email = QStringLiteral("alice@contoso.com");
        inv.redirectUrl = Redirect;
        auto invited = invitations.invite(inv);
        QVERIFY(invited.ok());
        RedemptionOptions o;
        o.landingCacheMs = 0;
        RedemptionService redemption(w.ctx->database(), m_fx.clock(), w.key, o);
        const QString token = tokenFromUrl(invited->redeemUrl);
        auto req = redemption.requestPasscode(token);
        QVERIFY(req.ok());
        auto verified = redemption.verifyPasscode(token, code(w, req->passcodeId));
        QVERIFY(verified.ok());
        QCOMPARE(verified->problem, RedeemProblem::None);
        QVERIFY(verified->needsTerms);
        const QString userId = invited->invitedUser.id;
        // Terms before consent: consent is asked first, nothing changes.
        auto early = redemption.accept(verified->sessionSecret, true);
        QVERIFY(early->needsConsent);
        QVERIFY(early->redirectUrl.isEmpty());
        auto consented = redemption.accept(verified->sessionSecret, false);
        QVERIFY(consented.ok());
        QCOMPARE(consented->problem, RedeemProblem::None);
        QVERIFY(consented->needsTerms);
        QCOMPARE(consented->termsOfUseText, QStringLiteral("Be nice."));
        QVERIFY(consented->redirectUrl.isEmpty());
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT external_user_state FROM users WHERE id = ?"), {userId})
                     .toString(),
                 QStringLiteral("PendingAcceptance"));
        auto view = redemption.consentView(verified->sessionSecret);
        QVERIFY(view->needsTerms);
        auto done = redemption.accept(verified->sessionSecret, true);
        QVERIFY(done.ok());
        QCOMPARE(done->problem, RedeemProblem::None);
        QCOMPARE(done->redirectUrl, Redirect);
        QCOMPARE(scalar(w.ctx->db(), QStringLiteral("SELECT external_user_state FROM users WHERE id = ?"), {userId})
                     .toString(),
                 QStringLiteral("Accepted"));
        QVERIFY(
            !scalar(w.ctx->db(), QStringLiteral("SELECT terms_accepted_at FROM consents WHERE user_id = ?"), {userId})
                 .isNull());

        // Sign-up: consent, then the terms, then the redirect.
        w.connector->script << ScriptedEndpoint::Answer{200, R"({"version":"1.0.0","action":"Continue"})"};
        const QString session = this->verified(w);
        QVERIFY(!session.isEmpty());
        auto created = w.service->submitAttributes(Flow, session, form(QStringLiteral("Contoso Ltd.")));
        QCOMPARE(created->problem, SignUpProblem::None);
        auto first = w.service->accept(Flow, session, false);
        QVERIFY(first->needsTerms);
        QVERIFY(first->redirectUrl.isEmpty());
        QVERIFY(scalar(w.ctx->db(), QStringLiteral("SELECT terms_accepted_at FROM consents WHERE user_id = ?"),
                       {created->userId})
                    .isNull());
        auto second = w.service->accept(Flow, session, true);
        QCOMPARE(second->redirectUrl, Redirect);
        QVERIFY(!scalar(w.ctx->db(), QStringLiteral("SELECT terms_accepted_at FROM consents WHERE user_id = ?"),
                        {created->userId})
                     .isNull());
    }
};

QTEST_GUILESS_MAIN(tst_SignUpService)
#include "tst_signupservice.moc"
