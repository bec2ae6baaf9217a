#include "core/userflows/signupservice.h"

#include "core/base/logging.h"
#include "core/invitations/invitationservice.h"
#include "core/invitations/invitationtoken.h"
#include "core/mail/passcodemail.h"
#include "core/policy/policyengine.h"
#include "core/redemption/passcodecheck.h"
#include "core/secrets/secretstore.h"
#include "core/services/audit.h"
#include "core/services/operator.h"
#include "core/services/settingsservice.h"
#include "core/storage/database.h"
#include "core/text/emailaddress.h"
#include "core/text/guestupn.h"
#include "core/userflows/userflowservice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>
#include <algorithm>

namespace atrium::core {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("atrium::core::SignUpService", text);
}

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString newSecret() {
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

const QStringList &nameClaims() {
    static const QStringList names{QStringLiteral("displayName"), QStringLiteral("givenName"),
                                   QStringLiteral("surname")};
    return names;
}

QJsonObject toJson(const QHash<QString, QString> &values) {
    QJsonObject o;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        o.insert(it.key(), it.value());
    }
    return o;
}

// Values a connector sends back, kept only for attributes the flow collects; strings only.
void mergeClaims(const UserFlow &flow, const QJsonObject &claims, QHash<QString, QString> &values) {
    for (const UserFlowAttribute &a : flow.attributes) {
        const QJsonValue v = claims.value(a.name);
        if (v.isString()) {
            values.insert(a.name, v.toString().left(1024));
        }
    }
}

ConnectorClaims claimsFor(const QString &email, const QHash<QString, QString> &values, const QString &uiLocales) {
    ConnectorClaims c;
    c.email = email;
    c.identities = QJsonArray{QJsonObject{{QStringLiteral("signInType"), QStringLiteral("emailAddress")},
                                          {QStringLiteral("issuer"), QStringLiteral("mail")},
                                          {QStringLiteral("issuerAssignedId"), email}}};
    c.displayName = values.value(QStringLiteral("displayName"));
    c.givenName = values.value(QStringLiteral("givenName"));
    c.surname = values.value(QStringLiteral("surname"));
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        if (!nameClaims().contains(it.key()) && !it.value().isEmpty()) {
            c.attributes.insert(it.key(), it.value());
        }
    }
    c.uiLocales = uiLocales;
    return c;
}

} // namespace

QString signUpProblemKey(SignUpProblem p) {
    switch (p) {
    case SignUpProblem::None:
        return QStringLiteral("none");
    case SignUpProblem::UnknownFlow:
        return QStringLiteral("unknownFlow");
    case SignUpProblem::FlowDisabled:
        return QStringLiteral("flowDisabled");
    case SignUpProblem::InvalidEmail:
        return QStringLiteral("invalidEmail");
    case SignUpProblem::DomainBlocked:
        return QStringLiteral("domainBlocked");
    case SignUpProblem::AlreadyRegistered:
        return QStringLiteral("alreadyRegistered");
    case SignUpProblem::TooManyResends:
        return QStringLiteral("tooManyResends");
    case SignUpProblem::NoActiveCode:
        return QStringLiteral("noActiveCode");
    case SignUpProblem::WrongCode:
        return QStringLiteral("wrongCode");
    case SignUpProblem::CodeExpired:
        return QStringLiteral("codeExpired");
    case SignUpProblem::TooManyAttempts:
        return QStringLiteral("tooManyAttempts");
    case SignUpProblem::SessionInvalid:
        return QStringLiteral("sessionInvalid");
    case SignUpProblem::Blocked:
        return QStringLiteral("blocked");
    case SignUpProblem::ConnectorFailed:
        return QStringLiteral("connectorFailed");
    case SignUpProblem::ValidationError:
        return QStringLiteral("validationError");
    case SignUpProblem::InvalidAttribute:
        return QStringLiteral("invalidAttribute");
    case SignUpProblem::TermsNotAccepted:
        return QStringLiteral("termsNotAccepted");
    }
    return QStringLiteral("unknown");
}

struct SignUpService::Context {
    UserFlow flow;
    QString tenantId;
    QString initialDomain;
    PolicyEngine policy;
    int passcodeMinutes = 10;
    QString termsUrl;
    QString termsText;
    bool hasTerms() const { return !termsUrl.isEmpty() || !termsText.isEmpty(); }
};

struct SignUpService::Session {
    QString idHash;
    QString email;
    QString emailLower;
    QString passcodeId;
    bool verified = false;
    QHash<QString, QString> claims;
    QString userId;
    qint64 rowVersion = 0;
};

SignUpService::SignUpService(std::shared_ptr<Database> db, std::shared_ptr<const Clock> clock, QByteArray tokenKey,
                             std::shared_ptr<SecretStore> secrets, SignUpOptions options)
    : m_db(std::move(db)), m_clock(std::move(clock)), m_key(std::move(tokenKey)), m_secrets(std::move(secrets)),
      m_options(options) {
    m_options.sessionLifetimeMs = std::clamp<qint64>(m_options.sessionLifetimeMs, 60000, 86400000);
}

// The flow, the directory and the gates every step starts with.
Result<SignUpService::Context> SignUpService::context(QSqlDatabase &db, const QString &flowName,
                                                      SignUpStep &step) const {
    Context ctx;
    auto dir = Database::exec(db, QStringLiteral("SELECT tenant_id, display_name, initial_domain, "
                                                 "privacy_statement_url FROM directory WHERE id = 1"));
    if (!dir.ok()) {
        return dir.error();
    }
    if (!dir->next()) {
        return Error::notFound(tr("The directory"));
    }
    ctx.tenantId = dir->value(0).toString();
    step.organizationName = dir->value(1).toString();
    ctx.initialDomain = dir->value(2).toString();
    step.privacyStatementUrl = dir->value(3).toString();
    dir->finish();
    if (validateUserFlowName(flowName).ok()) {
        auto f = UserFlowService::readFlow(db, flowName);
        if (!f.ok()) {
            return f.error();
        }
        if (*f && (*f)->name == flowName) {
            ctx.flow = **f;
        }
    }
    if (ctx.flow.id.isEmpty()) {
        step.problem = SignUpProblem::UnknownFlow;
        return ctx;
    }
    step.flow = ctx.flow;
    auto policy = InvitationService::loadPolicy(db);
    if (!policy.ok()) {
        return policy.error();
    }
    ctx.policy = *policy;
    if (!ctx.flow.enabled || !policy->settings().selfServiceSignUpEnabled || !policy->settings().emailOtpEnabled ||
        !ctx.flow.identityProviders.contains(QStringLiteral("emailOneTimePasscode"))) {
        step.problem = SignUpProblem::FlowDisabled;
        return ctx;
    }
    auto minutes = SettingsService::read(db, QStringLiteral("passcodeValidityMinutes"));
    if (!minutes.ok()) {
        return minutes.error();
    }
    ctx.passcodeMinutes = qBound(1, minutes->toInt(), 30);
    for (auto [key, target] :
         {std::pair{settingkey::TermsOfUseUrl, &ctx.termsUrl}, std::pair{settingkey::TermsOfUseText, &ctx.termsText}}) {
        auto v = SettingsService::read(db, key);
        if (!v.ok()) {
            return v.error();
        }
        *target = v->trimmed();
    }
    step.validMinutes = ctx.passcodeMinutes;
    return ctx;
}

Result<SignUpService::Session> SignUpService::session(QSqlDatabase &db, const Context &ctx, const QString &secret,
                                                      SignUpStep &step) const {
    Session s;
    if (secret.isEmpty() || secret.size() > 100) {
        step.problem = SignUpProblem::SessionInvalid;
        return s;
    }
    auto q = Database::exec(db,
                            QStringLiteral("SELECT id_hash, email, email_lower, passcode_id, verified_at, claims, "
                                           "user_id, row_version, flow_id, expires_at FROM signup_sessions WHERE "
                                           "id_hash = ?"),
                            {hashToken(secret)});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next() || q->value(8).toString() != ctx.flow.id || q->value(9).toLongLong() <= m_clock->nowMs()) {
        step.problem = SignUpProblem::SessionInvalid;
        return s;
    }
    s.idHash = q->value(0).toString();
    s.email = q->value(1).toString();
    s.emailLower = q->value(2).toString();
    s.passcodeId = q->value(3).toString();
    s.verified = !q->value(4).isNull();
    const QJsonObject claims = QJsonDocument::fromJson(q->value(5).toString().toUtf8()).object();
    for (auto it = claims.constBegin(); it != claims.constEnd(); ++it) {
        s.claims.insert(it.key(), it.value().toString());
    }
    s.userId = q->value(6).toString();
    s.rowVersion = q->value(7).toLongLong();
    q->finish();
    step.email = s.email;
    return s;
}

Result<SignUpStep> SignUpService::start(const QString &flowName) const {
    SignUpStep step;
    auto c = m_db->connection();
    if (!c.ok()) {
        return c.error();
    }
    auto ctx = context(*c, flowName, step);
    if (!ctx.ok()) {
        return ctx.error();
    }
    return step;
}

Result<SignUpStep> SignUpService::requestPasscode(const QString &flowName, const QString &emailInput) {
    return m_db->transaction<SignUpStep>([&](QSqlDatabase &db) -> Result<SignUpStep> {
        SignUpStep step;
        auto ctx = context(db, flowName, step);
        if (!ctx.ok()) {
            return ctx.error();
        }
        if (step.problem != SignUpProblem::None) {
            return step;
        }
        auto email = parseEmailAddress(emailInput.trimmed());
        if (!email.ok()) {
            step.problem = SignUpProblem::InvalidEmail;
            step.message = email.error().message;
            step.email = emailInput.trimmed().left(320);
            return step;
        }
        const QString lower = email->normalized();
        step.email = lower;
        // The same policy engine as every invitation path: a blocked domain never gets a code.
        if (!ctx->policy.mayRedeem(lower).allowed) {
            step.problem = SignUpProblem::DomainBlocked;
            return step;
        }
        const qint64 now = m_clock->nowMs();
        auto recent =
            Database::exec(db,
                           QStringLiteral("SELECT COUNT(*) FROM passcodes WHERE email_lower = ? AND purpose = "
                                          "'signup' AND created_at > ?"),
                           {lower, now - 3600000});
        if (!recent.ok()) {
            return recent.error();
        }
        const int count = recent->next() ? recent->value(0).toInt() : 0;
        recent->finish();
        if (count >= m_options.maxCodesPerHour) {
            step.problem = SignUpProblem::TooManyResends;
            return step;
        }
        // A new code replaces every earlier unused sign-up code of this address.
        auto r = Database::exec(db,
                                QStringLiteral("UPDATE passcodes SET superseded_at = ?, row_version = row_version + 1 "
                                               "WHERE email_lower = ? AND purpose = 'signup' AND used_at IS NULL AND "
                                               "superseded_at IS NULL"),
                                {now, lower});
        if (!r.ok()) {
            return r.error();
        }
        const QString id = newId();
        const QString nonce = newTokenNonce();
        const QString checkHash = passcodeCheckHash(m_key, id, derivePasscode(m_key, id, nonce));
        r = Database::exec(db,
                           QStringLiteral("INSERT INTO passcodes (id, email_lower, purpose, code_nonce, code_hash, "
                                          "created_at, expires_at) VALUES (?, ?, 'signup', ?, ?, ?, ?)"),
                           {id, lower, nonce, checkHash, now, now + qint64(ctx->passcodeMinutes) * 60000});
        if (!r.ok()) {
            return r.error();
        }
        r = Database::exec(db,
                           QStringLiteral("INSERT INTO outbox (kind, passcode_id, recipient, status, next_attempt_at, "
                                          "created_at) VALUES ('passcode', ?, ?, 'pending', ?, ?)"),
                           {id, lower, now, now});
        if (!r.ok()) {
            return r.error();
        }
        step.sessionSecret = newSecret();
        r = Database::exec(
            db,
            QStringLiteral("INSERT INTO signup_sessions (id_hash, flow_id, email, email_lower, "
                           "passcode_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {hashToken(step.sessionSecret), ctx->flow.id, lower, lower, id, now, now + m_options.sessionLifetimeMs});
        if (!r.ok()) {
            return r.error();
        }
        step.passcodeId = id;
        qCInfo(lcPortal) << "sign-up passcode" << id << "queued for flow" << ctx->flow.name;
        return step;
    });
}

Result<SignUpStep> SignUpService::codeView(const QString &flowName, const QString &secret) const {
    SignUpStep step;
    auto c = m_db->connection();
    if (!c.ok()) {
        return c.error();
    }
    auto ctx = context(*c, flowName, step);
    if (!ctx.ok()) {
        return ctx.error();
    }
    if (step.problem != SignUpProblem::None) {
        return step;
    }
    auto s = session(*c, *ctx, secret, step);
    if (!s.ok()) {
        return s.error();
    }
    if (step.problem == SignUpProblem::None && s->verified) {
        step.problem = SignUpProblem::SessionInvalid;
    }
    return step;
}

Result<bool> SignUpService::callConnector(const QString &connectorId, ConnectorStep kind, const ConnectorClaims &claims,
                                          SignUpStep &step, QJsonObject *answerClaims) const {
    if (connectorId.isEmpty()) {
        return true;
    }
    ApiConnectorConfig cfg;
    {
        auto c = m_db->connection();
        if (!c.ok()) {
            return c.error();
        }
        auto conn = UserFlowService::readConnector(*c, connectorId);
        if (!conn.ok()) {
            return conn.error();
        }
        auto tenant = Database::exec(*c, QStringLiteral("SELECT tenant_id FROM directory WHERE id = 1"));
        if (!tenant.ok()) {
            return tenant.error();
        }
        const QString tenantId = tenant->next() ? tenant->value(0).toString() : QString();
        if (!*conn || !m_secrets) {
            qCWarning(lcPortal) << "API connector" << connectorId << "of flow" << step.flow.name << "is not usable";
            step.problem = SignUpProblem::ConnectorFailed;
            return false;
        }
        auto config = UserFlowService::clientConfig(**conn, *m_secrets, tenantId);
        if (!config.ok()) {
            qCWarning(lcPortal) << "API connector" << connectorId << ":" << config.error().message;
            step.problem = SignUpProblem::ConnectorFailed;
            return false;
        }
        cfg = *config;
    }
    const ConnectorAnswer a = ApiConnectorClient(cfg).call(kind, claims);
    switch (a.action) {
    case ConnectorAnswer::Action::Continue:
        *answerClaims = a.claims;
        return true;
    case ConnectorAnswer::Action::ShowBlockPage:
        step.problem = SignUpProblem::Blocked;
        step.message = a.userMessage;
        return false;
    case ConnectorAnswer::Action::ValidationError:
        step.problem = SignUpProblem::ValidationError;
        step.message = a.userMessage;
        return false;
    case ConnectorAnswer::Action::Failure:
        break;
    }
    qCWarning(lcPortal) << "API connector" << connectorId << "failed at" << toString(kind) << ":" << a.failure
                        << "(HTTP" << a.httpStatus << "after" << a.attempts << "attempts)";
    step.problem = SignUpProblem::ConnectorFailed;
    return false;
}

Result<SignUpStep> SignUpService::verifyPasscode(const QString &flowName, const QString &secret, const QString &code,
                                                 const QString &uiLocales) {
    auto verified = m_db->transaction<SignUpStep>([&](QSqlDatabase &db) -> Result<SignUpStep> {
        SignUpStep step;
        auto ctx = context(db, flowName, step);
        if (!ctx.ok()) {
            return ctx.error();
        }
        if (step.problem != SignUpProblem::None) {
            return step;
        }
        auto s = session(db, *ctx, secret, step);
        if (!s.ok()) {
            return s.error();
        }
        if (step.problem != SignUpProblem::None) {
            return step;
        }
        if (s->verified) {
            step.problem = SignUpProblem::SessionInvalid;
            return step;
        }
        const qint64 now = m_clock->nowMs();
        auto check =
            checkPasscode(db, {PasscodeSelector::By::Id, s->passcodeId}, code, m_key, now, m_options.maxWrongAttempts);
        if (!check.ok()) {
            return check.error();
        }
        switch (check->verdict) {
        case PasscodeVerdict::Accepted:
            break;
        case PasscodeVerdict::NoActiveCode:
            step.problem = SignUpProblem::NoActiveCode;
            return step;
        case PasscodeVerdict::CodeExpired:
            step.problem = SignUpProblem::CodeExpired;
            return step;
        case PasscodeVerdict::TooManyAttempts:
            step.problem = SignUpProblem::TooManyAttempts;
            return step;
        case PasscodeVerdict::WrongCode:
            step.attemptsLeft = check->attemptsLeft;
            step.problem = SignUpProblem::WrongCode;
            return step;
        }
        auto r = Database::exec(db,
                           QStringLiteral("UPDATE signup_sessions SET verified_at = ?, row_version = row_version + 1 "
                                          "WHERE id_hash = ? AND row_version = ?"),
                           {now, s->idHash, s->rowVersion});
        if (!r.ok()) {
            return r.error();
        }
        if (r->numRowsAffected() != 1) {
            return Error::conflict(QStringLiteral("sign-up session"));
        }
        return step;
    });
    if (!verified.ok() || verified->problem != SignUpProblem::None) {
        return verified;
    }
    SignUpStep step = *verified;
    // Attributes are collected only at the first sign-up: an address that is a user already stops here.
    {
        auto c = m_db->connection();
        if (!c.ok()) {
            return c.error();
        }
        auto q = Database::exec(*c, QStringLiteral("SELECT 1 FROM users WHERE mail_lower = ? AND deleted_at IS NULL"),
                                {step.email});
        if (!q.ok()) {
            return q.error();
        }
        if (q->next()) {
            q->finish();
            step.problem = SignUpProblem::AlreadyRegistered;
            (void)Database::exec(*c, QStringLiteral("DELETE FROM signup_sessions WHERE id_hash = ?"),
                                 {hashToken(secret)});
            return step;
        }
    }
    // After federating (here: the email proven by passcode) the postFederationSignup connector.
    QJsonObject prefill;
    auto go = callConnector(step.flow.postFederationConnectorId, ConnectorStep::PostFederationSignup,
                            claimsFor(step.email, {}, uiLocales), step, &prefill);
    if (!go.ok()) {
        return go.error();
    }
    if (step.problem == SignUpProblem::ValidationError) {
        step.problem = SignUpProblem::ConnectorFailed; // not an answer allowed at this step
    }
    if (!*go) {
        // Blocked: the session ends here.
        auto c = m_db->connection();
        if (c.ok()) {
            (void)Database::exec(*c, QStringLiteral("DELETE FROM signup_sessions WHERE id_hash = ?"),
                                 {hashToken(secret)});
        }
        return step;
    }
    QHash<QString, QString> values;
    mergeClaims(step.flow, prefill, values);
    if (!values.isEmpty()) {
        auto c = m_db->connection();
        if (!c.ok()) {
            return c.error();
        }
        auto r = Database::exec(
            *c,
            QStringLiteral("UPDATE signup_sessions SET claims = ?, row_version = row_version + 1 "
                           "WHERE id_hash = ?"),
            {QString::fromUtf8(QJsonDocument(toJson(values)).toJson(QJsonDocument::Compact)), hashToken(secret)});
        if (!r.ok()) {
            return r.error();
        }
    }
    step.values = values;
    return step;
}

Result<SignUpStep> SignUpService::attributesView(const QString &flowName, const QString &secret) const {
    SignUpStep step;
    auto c = m_db->connection();
    if (!c.ok()) {
        return c.error();
    }
    auto ctx = context(*c, flowName, step);
    if (!ctx.ok()) {
        return ctx.error();
    }
    if (step.problem != SignUpProblem::None) {
        return step;
    }
    auto s = session(*c, *ctx, secret, step);
    if (!s.ok()) {
        return s.error();
    }
    if (step.problem == SignUpProblem::None && (!s->verified || !s->userId.isEmpty())) {
        step.problem = SignUpProblem::SessionInvalid;
    }
    step.values = s->claims;
    return step;
}

Result<SignUpStep> SignUpService::submitAttributes(const QString &flowName, const QString &secret,
                                                   const QHash<QString, QString> &submitted, const QString &uiLocales) {
    auto view = attributesView(flowName, secret);
    if (!view.ok() || view->problem != SignUpProblem::None) {
        return view;
    }
    SignUpStep step = *view;
    // Only the flow's attributes, in page order; trimmed, bounded, no control characters.
    QHash<QString, QString> values;
    for (const UserFlowAttribute &a : step.flow.attributes) {
        const QString v = submitted.value(a.name).trimmed();
        values.insert(a.name, v);
    }
    step.values = values;
    for (const UserFlowAttribute &a : step.flow.attributes) {
        const QString &v = values[a.name];
        if (a.required && v.isEmpty()) {
            step.problem = SignUpProblem::InvalidAttribute;
            step.field = a.name;
            step.message = tr("Enter your %1.").arg(userFlowAttributeLabel(a.name).toLower());
            return step;
        }
        if (v.size() > 256) {
            step.problem = SignUpProblem::InvalidAttribute;
            step.field = a.name;
            step.message = tr("%1 is longer than 256 characters.").arg(userFlowAttributeLabel(a.name));
            return step;
        }
        for (const QChar ch : v) {
            if (ch.category() == QChar::Other_Control || ch.isNull()) {
                step.problem = SignUpProblem::InvalidAttribute;
                step.field = a.name;
                step.message = tr("%1 contains a control character.").arg(userFlowAttributeLabel(a.name));
                return step;
            }
        }
    }
    // Before creating the user: the postAttributeCollection connector.
    QJsonObject overrides;
    auto go = callConnector(step.flow.postAttributeCollectionConnectorId, ConnectorStep::PostAttributeCollection,
                            claimsFor(step.email, values, uiLocales), step, &overrides);
    if (!go.ok()) {
        return go.error();
    }
    if (!*go) {
        if (step.problem != SignUpProblem::ValidationError) {
            auto c = m_db->connection();
            if (c.ok()) {
                (void)Database::exec(
                    *c, QStringLiteral("DELETE FROM signup_sessions WHERE id_hash = ? AND user_id IS NULL"),
                    {hashToken(secret)});
            }
        }
        return step; // ValidationError: the form again, with the message and the values as entered
    }
    mergeClaims(step.flow, overrides, values);
    step.values = values;

    return m_db->transaction<SignUpStep>([&](QSqlDatabase &db) -> Result<SignUpStep> {
        SignUpStep out = step;
        auto ctx = context(db, flowName, out);
        if (!ctx.ok()) {
            return ctx.error();
        }
        if (out.problem != SignUpProblem::None) {
            return out;
        }
        auto s = session(db, *ctx, secret, out);
        if (!s.ok()) {
            return s.error();
        }
        if (out.problem != SignUpProblem::None) {
            return out;
        }
        if (!s->verified || !s->userId.isEmpty()) {
            out.problem = SignUpProblem::SessionInvalid;
            return out;
        }
        // The policy again, now: the settings may have changed while the guest typed.
        if (!ctx->policy.mayRedeem(s->emailLower).allowed) {
            out.problem = SignUpProblem::DomainBlocked;
            return out;
        }
        auto existing = Database::exec(
            db, QStringLiteral("SELECT 1 FROM users WHERE mail_lower = ? AND deleted_at IS NULL"), {s->emailLower});
        if (!existing.ok()) {
            return existing.error();
        }
        if (existing->next()) {
            out.problem = SignUpProblem::AlreadyRegistered;
            return out;
        }
        existing->finish();
        auto email = parseEmailAddress(s->email);
        if (!email.ok()) {
            return email.error();
        }
        QString upn;
        for (int attempt = 0; attempt < 1000 && upn.isEmpty(); ++attempt) {
            const QString candidate = guestUpnCandidate(*email, ctx->initialDomain, attempt);
            auto q =
                Database::exec(db, QStringLiteral("SELECT 1 FROM users WHERE upn_lower = ?"), {candidate.toLower()});
            if (!q.ok()) {
                return q.error();
            }
            if (!q->next()) {
                upn = candidate;
            }
        }
        if (upn.isEmpty()) {
            return Error{ErrorCode::Internal,
                         tr("No free user principal name was found for %1.").arg(s->emailLower),
                         {},
                         {},
                         false};
        }
        const qint64 now = m_clock->nowMs();
        const QString userId = newId();
        QString displayName = values.value(QStringLiteral("displayName"));
        if (displayName.isEmpty()) {
            const QString joined = QString(values.value(QStringLiteral("givenName")) + QLatin1Char(' ') +
                                           values.value(QStringLiteral("surname")))
                                       .trimmed();
            displayName = joined.isEmpty() ? email->local : joined;
        }
        auto r = Database::exec(
            db,
            QStringLiteral("INSERT INTO users (id, display_name, user_principal_name, upn_lower, "
                           "mail, mail_lower, mail_domain, user_type, external_user_state, "
                           "external_user_state_changed_at, creation_type, created_at, "
                           "last_sign_in_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'Guest', 'Accepted', ?, "
                           "'SelfServiceSignUp', ?, ?)"),
            {userId, displayName, upn, upn.toLower(), s->emailLower, s->emailLower, email->domain, now, now, now});
        if (!r.ok()) {
            return r.error();
        }
        r = Database::exec(db,
                           QStringLiteral("INSERT INTO user_identities (user_id, sign_in_type, issuer, "
                                          "issuer_assigned_id) VALUES (?, 'emailAddress', 'mail', ?)"),
                           {userId, s->emailLower});
        if (!r.ok()) {
            return r.error();
        }
        QJsonObject stored;
        for (const UserFlowAttribute &a : out.flow.attributes) {
            const QString v = values.value(a.name);
            if (v.isEmpty()) {
                continue;
            }
            r = Database::exec(db,
                               QStringLiteral("INSERT INTO user_attributes (user_id, name, value) VALUES (?, ?, ?)"),
                               {userId, a.name, v});
            if (!r.ok()) {
                return r.error();
            }
            stored.insert(a.name, v);
        }
        r = Database::exec(db,
                           QStringLiteral("UPDATE signup_sessions SET user_id = ?, row_version = row_version + 1 WHERE "
                                          "id_hash = ? AND row_version = ? AND user_id IS NULL"),
                           {userId, s->idHash, s->rowVersion});
        if (!r.ok()) {
            return r.error();
        }
        if (r->numRowsAffected() != 1) {
            return Error::conflict(QStringLiteral("sign-up session"));
        }
        Operator guest;
        guest.userId = userId;
        guest.displayName = displayName;
        guest.userPrincipalName = upn;
        guest.userType = UserType::Guest;
        AuditEntry e{activity::AddUser, category::UserManagement, QStringLiteral("user")};
        e.targetId = userId;
        e.targetName = upn;
        e.reason = tr("Self-service sign-up through the user flow %1.").arg(out.flow.name);
        e.after = QJsonObject{{QStringLiteral("mail"), s->emailLower},
                              {QStringLiteral("userPrincipalName"), upn},
                              {QStringLiteral("displayName"), displayName},
                              {QStringLiteral("userType"), QStringLiteral("Guest")},
                              {QStringLiteral("creationType"), QStringLiteral("SelfServiceSignUp")},
                              {QStringLiteral("externalUserState"), QStringLiteral("Accepted")},
                              {QStringLiteral("externalUserStateChangeDateTime"), isoUtc(now)},
                              {QStringLiteral("userFlow"), out.flow.name},
                              {QStringLiteral("identities"),
                               QJsonArray{QJsonObject{{QStringLiteral("signInType"), QStringLiteral("emailAddress")},
                                                      {QStringLiteral("issuer"), QStringLiteral("mail")},
                                                      {QStringLiteral("issuerAssignedId"), s->emailLower}}}},
                              {QStringLiteral("attributes"), stored}};
        if (Status st = AuditLog::append(db, *m_clock, guest, e); !st.ok()) {
            return st.error();
        }
        out.userId = userId;
        out.userPrincipalName = upn;
        qCInfo(lcPortal) << "self-service sign-up created" << userId << "through" << out.flow.name;
        return out;
    });
}

Result<SignUpStep> SignUpService::consentView(const QString &flowName, const QString &secret) const {
    SignUpStep step;
    auto c = m_db->connection();
    if (!c.ok()) {
        return c.error();
    }
    auto ctx = context(*c, flowName, step);
    if (!ctx.ok()) {
        return ctx.error();
    }
    if (step.problem != SignUpProblem::None) {
        return step;
    }
    auto s = session(*c, *ctx, secret, step);
    if (!s.ok()) {
        return s.error();
    }
    if (step.problem != SignUpProblem::None) {
        return step;
    }
    if (s->userId.isEmpty()) {
        step.problem = SignUpProblem::SessionInvalid;
        return step;
    }
    auto q =
        Database::exec(*c, QStringLiteral("SELECT terms_accepted_at FROM consents WHERE user_id = ?"), {s->userId});
    if (!q.ok()) {
        return q.error();
    }
    const bool consented = q->next();
    const bool termsAccepted = consented && !q->value(0).isNull();
    step.needsTerms = ctx->hasTerms() && !termsAccepted;
    step.termsOfUseUrl = ctx->termsUrl;
    step.termsOfUseText = ctx->termsText;
    step.userId = s->userId;
    step.redirectUrl = ctx->flow.redirectUrl;
    return step;
}

Result<SignUpStep> SignUpService::accept(const QString &flowName, const QString &secret, bool termsAccepted) {
    return m_db->transaction<SignUpStep>([&](QSqlDatabase &db) -> Result<SignUpStep> {
        SignUpStep step;
        auto ctx = context(db, flowName, step);
        if (!ctx.ok()) {
            return ctx.error();
        }
        if (step.problem != SignUpProblem::None) {
            return step;
        }
        auto s = session(db, *ctx, secret, step);
        if (!s.ok()) {
            return s.error();
        }
        if (step.problem != SignUpProblem::None) {
            return step;
        }
        if (s->userId.isEmpty()) {
            step.problem = SignUpProblem::SessionInvalid;
            return step;
        }
        const qint64 now = m_clock->nowMs();
        auto q =
            Database::exec(db, QStringLiteral("SELECT terms_accepted_at FROM consents WHERE user_id = ?"), {s->userId});
        if (!q.ok()) {
            return q.error();
        }
        const bool consented = q->next();
        const bool termsDone = consented && !q->value(0).isNull();
        q->finish();
        const bool termsPending = ctx->hasTerms() && !termsDone;
        if (!consented) {
            auto r = Database::exec(db, QStringLiteral("INSERT INTO consents (user_id, consented_at) VALUES (?, ?)"),
                                    {s->userId, now});
            if (!r.ok()) {
                return r.error();
            }
        }
        if (termsPending && !termsAccepted) {
            // Consent recorded; the terms come next (SPEC §2 order).
            step.needsTerms = true;
            step.termsOfUseUrl = ctx->termsUrl;
            step.termsOfUseText = ctx->termsText;
            return step;
        }
        if (termsPending) {
            auto r = Database::exec(db, QStringLiteral("UPDATE consents SET terms_accepted_at = ? WHERE user_id = ?"),
                                    {now, s->userId});
            if (!r.ok()) {
                return r.error();
            }
        }
        // The session has done its work.
        auto r = Database::exec(db, QStringLiteral("DELETE FROM signup_sessions WHERE id_hash = ?"), {s->idHash});
        if (!r.ok()) {
            return r.error();
        }
        step.userId = s->userId;
        step.redirectUrl = ctx->flow.redirectUrl;
        return step;
    });
}

} // namespace atrium::core
