#include "core/redemption/redemptionservice.h"

#include "core/base/logging.h"
#include "core/identityproviders/identityproviderservice.h"
#include "core/invitations/invitationservice.h"
#include "core/invitations/invitationtoken.h"
#include "core/mail/passcodemail.h"
#include "core/redemption/passcodecheck.h"
#include "core/policy/policyengine.h"
#include "core/services/audit.h"
#include "core/services/directoryservice.h"
#include "core/services/operator.h"
#include "core/services/settingsservice.h"
#include "core/storage/database.h"
#include "core/storage/statementcache.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QThread>
#include <QUuid>
#include <algorithm>

namespace atrium::core {

namespace {

const QString PasscodeValidityKey = QStringLiteral("passcodeValidityMinutes");

// Steady milliseconds for the landing cache (the injected Clock is for domain time only).
qint64 steadyMs() {
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Whether this guest consented before, and whether they accepted the terms of use.
struct ConsentState {
    bool consented = false;
    bool termsAccepted = false;
};

Result<ConsentState> consentState(QSqlDatabase &db, const QString &userId) {
    auto q = Database::exec(db, QStringLiteral("SELECT terms_accepted_at FROM consents WHERE user_id = ?"), {userId});
    if (!q.ok()) {
        return q.error();
    }
    ConsentState s;
    if (q->next()) {
        s.consented = true;
        s.termsAccepted = !q->value(0).isNull();
    }
    q->finish();
    return s;
}

} // namespace

QString redeemProblemKey(RedeemProblem p) {
    switch (p) {
    case RedeemProblem::None:
        return QStringLiteral("none");
    case RedeemProblem::UnknownLink:
        return QStringLiteral("unknownLink");
    case RedeemProblem::AlreadyRedeemed:
        return QStringLiteral("alreadyRedeemed");
    case RedeemProblem::Superseded:
        return QStringLiteral("superseded");
    case RedeemProblem::Expired:
        return QStringLiteral("expired");
    case RedeemProblem::DomainBlocked:
        return QStringLiteral("domainBlocked");
    case RedeemProblem::SignInBlocked:
        return QStringLiteral("signInBlocked");
    case RedeemProblem::ExternalProvider:
        return QStringLiteral("externalProvider");
    case RedeemProblem::TooManyResends:
        return QStringLiteral("tooManyResends");
    case RedeemProblem::NoActiveCode:
        return QStringLiteral("noActiveCode");
    case RedeemProblem::WrongCode:
        return QStringLiteral("wrongCode");
    case RedeemProblem::CodeExpired:
        return QStringLiteral("codeExpired");
    case RedeemProblem::TooManyAttempts:
        return QStringLiteral("tooManyAttempts");
    case RedeemProblem::SessionInvalid:
        return QStringLiteral("sessionInvalid");
    case RedeemProblem::TermsNotAccepted:
        return QStringLiteral("termsNotAccepted");
    }
    return QStringLiteral("unknown");
}

// What landing pages and actions need besides the invitation: organization, policy, passcode settings.
struct RedemptionService::Snapshot {
    DirectoryInfo directory;
    PolicyEngine policy;
    ResolverContext resolver;
    int passcodeMinutes = 10;
    QString termsUrl;
    QString termsText;
    bool hasTerms() const { return !termsUrl.isEmpty() || !termsText.isEmpty(); }
};

struct RedemptionService::Found {
    bool exists = false;
    QString invitationId;
    QString userId;
    QString email;
    QString emailLower;
    QString redirectUrl;
    QString status;
    qint64 expiresAt = 0; // 0 = never
    qint64 invitationVersion = 0;
    QString displayName;
    bool accountEnabled = true;
    bool deleted = false;
    qint64 userVersion = 0;
    QString userPrincipalName;
    QString language;
    QString correlationId;
    bool hasMicrosoftAccount = false;
};

struct RedemptionService::LandingStatement {
    Qt::HANDLE thread = nullptr;
    QString connection;
    std::unique_ptr<StatementCache> cache;
};

RedemptionService::RedemptionService(std::shared_ptr<Database> db, std::shared_ptr<const Clock> clock,
                                     QByteArray tokenKey, RedemptionOptions options)
    : m_db(std::move(db)), m_clock(std::move(clock)), m_key(std::move(tokenKey)), m_options(options) {
    m_options.sessionLifetimeMs = std::clamp<qint64>(m_options.sessionLifetimeMs, 60000, 86400000);
}

RedemptionService::~RedemptionService() = default;

QString RedemptionService::newSessionSecret() {
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<std::shared_ptr<const RedemptionService::Snapshot>> RedemptionService::snapshot(QSqlDatabase &db,
                                                                                       bool allowCached) const {
    if (allowCached && m_options.landingCacheMs > 0) {
        QMutexLocker lock(&m_cacheMutex);
        if (m_cache && steadyMs() - m_cacheAt < m_options.landingCacheMs) {
            return m_cache;
        }
    }
    auto s = std::make_shared<Snapshot>();
    auto dir =
        Database::exec(db, QStringLiteral("SELECT tenant_id, display_name, initial_domain, privacy_statement_url "
                                          "FROM directory WHERE id = 1"));
    if (!dir.ok()) {
        return dir.error();
    }
    if (!dir->next()) {
        return Error::notFound(QCoreApplication::translate("atrium::core::RedemptionService", "directory"));
    }
    s->directory.tenantId = dir->value(0).toString();
    s->directory.displayName = dir->value(1).toString();
    s->directory.initialDomain = dir->value(2).toString();
    s->directory.privacyStatementUrl = dir->value(3).toString();
    dir->finish();
    auto policy = InvitationService::loadPolicy(db);
    if (!policy.ok()) {
        return policy.error();
    }
    s->policy = *policy;
    // The same resolver context the console shows ("where will this guest sign in?").
    auto resolver = IdentityProviderService::buildResolverContext(db);
    if (!resolver.ok()) {
        return resolver.error();
    }
    s->resolver = *resolver;
    for (auto [key, target] :
         {std::pair{settingkey::TermsOfUseUrl, &s->termsUrl}, std::pair{settingkey::TermsOfUseText, &s->termsText}}) {
        auto v = SettingsService::read(db, key);
        if (!v.ok()) {
            return v.error();
        }
        *target = v->trimmed();
    }
    auto minutes = SettingsService::read(db, PasscodeValidityKey);
    if (!minutes.ok()) {
        return minutes.error();
    }
    s->passcodeMinutes = qBound(1, minutes->toInt(), 30);
    std::shared_ptr<const Snapshot> out = s;
    if (m_options.landingCacheMs > 0) {
        QMutexLocker lock(&m_cacheMutex);
        m_cache = out;
        m_cacheAt = steadyMs();
    }
    return out;
}

Result<RedemptionService::Found> RedemptionService::find(QSqlDatabase &db, const QString &column,
                                                         const QString &value) const {
    // column is one of two literals chosen in this file, never input.
    const QString sql =
        QStringLiteral("SELECT i.id, i.user_id, i.invited_email, i.email_lower, i.redirect_url, i.status, "
                       "i.expires_at, i.row_version, u.display_name, u.account_enabled, u.deleted_at, u.row_version, "
                       "u.user_principal_name, i.language, i.correlation_id, (SELECT COUNT(*) FROM user_identities x "
                       "WHERE x.user_id = u.id AND x.issuer = 'MicrosoftAccount') FROM invitations i JOIN users u ON "
                       "u.id = i.user_id WHERE i.") +
        column + QStringLiteral(" = ?");
    QSqlQuery owned;
    QSqlQuery *q = nullptr;
    LandingStatement *landing = nullptr;
    {
        QMutexLocker lock(&m_cacheMutex);
        landing = m_landing.get();
    }
    if (column == QLatin1String("token_hash") && landing && landing->thread == QThread::currentThreadId() &&
        landing->connection == db.connectionName()) {
        auto cached = landing->cache->run(sql, {value});
        if (!cached.ok()) {
            return cached.error();
        }
        q = *cached;
    } else {
        auto r = Database::exec(db, sql, {value});
        if (!r.ok()) {
            return r.error();
        }
        owned = std::move(*r);
        q = &owned;
    }
    Found f;
    if (q->next()) {
        f.exists = true;
        f.invitationId = q->value(0).toString();
        f.userId = q->value(1).toString();
        f.email = q->value(2).toString();
        f.emailLower = q->value(3).toString();
        f.redirectUrl = q->value(4).toString();
        f.status = q->value(5).toString();
        f.expiresAt = q->value(6).isNull() ? 0 : q->value(6).toLongLong();
        f.invitationVersion = q->value(7).toLongLong();
        f.displayName = q->value(8).toString();
        f.accountEnabled = q->value(9).toInt() != 0;
        f.deleted = !q->value(10).isNull();
        f.userVersion = q->value(11).toLongLong();
        f.userPrincipalName = q->value(12).toString();
        f.language = q->value(13).toString();
        f.correlationId = q->value(14).toString();
        f.hasMicrosoftAccount = q->value(15).toInt() > 0;
    }
    q->finish();
    return f;
}

// The checks every step starts with, in the order a guest would want to hear about them.
void RedemptionService::judge(const Found &f, const Snapshot &s, RedeemStep &step) const {
    if (!f.exists || f.deleted) {
        step.problem = RedeemProblem::UnknownLink;
        return;
    }
    RedeemInvitation &inv = step.invitation;
    inv.invitationId = f.invitationId;
    inv.userId = f.userId;
    inv.email = f.email;
    inv.displayName = f.displayName;
    inv.userPrincipalName = f.userPrincipalName;
    inv.redirectUrl = f.redirectUrl;
    inv.language = f.language;
    inv.organizationName = s.directory.displayName;
    inv.privacyStatementUrl = s.directory.privacyStatementUrl;
    if (f.status == QLatin1String("Completed")) {
        step.problem = RedeemProblem::AlreadyRedeemed;
        return;
    }
    if (f.status != QLatin1String("PendingAcceptance")) {
        step.problem = RedeemProblem::Superseded;
        return;
    }
    if (f.expiresAt > 0 && f.expiresAt <= m_clock->nowMs()) {
        step.problem = RedeemProblem::Expired;
        return;
    }
    if (!f.accountEnabled) {
        step.problem = RedeemProblem::SignInBlocked;
        return;
    }
    if (!s.policy.mayRedeem(f.emailLower).allowed) {
        step.problem = RedeemProblem::DomainBlocked;
        return;
    }
    inv.idp = resolveRedemptionIdp(s.resolver, f.email,
                                   f.hasMicrosoftAccount ? QStringLiteral("MicrosoftAccount") : QString());
    if (inv.idp.provider != QLatin1String("emailOneTimePasscode")) {
        step.problem = RedeemProblem::ExternalProvider;
    }
}

Result<RedeemStep> RedemptionService::landing(const QString &token) const {
    RedeemStep step;
    if (!isWellFormedToken(token)) {
        step.problem = RedeemProblem::UnknownLink;
        return step;
    }
    auto c = m_db->connection();
    if (!c.ok()) {
        return c.error();
    }
    auto snap = snapshot(*c, true);
    if (!snap.ok()) {
        return snap.error();
    }
    {
        QMutexLocker lock(&m_cacheMutex);
        if (!m_landing) {
            auto ls = std::make_unique<LandingStatement>();
            ls->thread = QThread::currentThreadId();
            ls->connection = c->connectionName();
            ls->cache = std::make_unique<StatementCache>(*c);
            m_landing = std::move(ls);
        }
    }
    auto f = find(*c, QStringLiteral("token_hash"), hashToken(token));
    if (!f.ok()) {
        return f.error();
    }
    judge(*f, **snap, step);
    step.validMinutes = (*snap)->passcodeMinutes;
    return step;
}

Result<RedeemStep> RedemptionService::requestPasscode(const QString &token) {
    if (!isWellFormedToken(token)) {
        RedeemStep step;
        step.problem = RedeemProblem::UnknownLink;
        return step;
    }
    const QString tokenHash = hashToken(token);
    return m_db->transaction<RedeemStep>([&](QSqlDatabase &db) -> Result<RedeemStep> {
        RedeemStep step;
        auto snap = snapshot(db, false);
        if (!snap.ok()) {
            return snap.error();
        }
        auto f = find(db, QStringLiteral("token_hash"), tokenHash);
        if (!f.ok()) {
            return f.error();
        }
        judge(*f, **snap, step);
        if (step.problem != RedeemProblem::None) {
            return step;
        }
        const qint64 now = m_clock->nowMs();
        auto recent = Database::exec(
            db, QStringLiteral("SELECT COUNT(*) FROM passcodes WHERE invitation_id = ? AND created_at > ?"),
            {f->invitationId, now - 3600000});
        if (!recent.ok()) {
            return recent.error();
        }
        const int count = recent->next() ? recent->value(0).toInt() : 0;
        recent->finish();
        if (count >= m_options.maxCodesPerHour) {
            step.problem = RedeemProblem::TooManyResends;
            return step;
        }
        // A new code replaces every earlier unused one: only the newest mail works.
        auto r = Database::exec(db,
                                QStringLiteral("UPDATE passcodes SET superseded_at = ?, row_version = row_version + 1 "
                                               "WHERE invitation_id = ? AND used_at IS NULL AND superseded_at IS NULL"),
                                {now, f->invitationId});
        if (!r.ok()) {
            return r.error();
        }
        const QString id = newId();
        const QString nonce = newTokenNonce();
        const QString checkHash = passcodeCheckHash(m_key, id, derivePasscode(m_key, id, nonce));
        const qint64 expires = now + qint64((*snap)->passcodeMinutes) * 60000;
        r = Database::exec(
            db,
            QStringLiteral("INSERT INTO passcodes (id, invitation_id, user_id, email_lower, purpose, "
                           "code_nonce, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, 'redeem', "
                           "?, ?, ?, ?)"),
            {id, f->invitationId, f->userId, f->emailLower, nonce, checkHash, now, expires});
        if (!r.ok()) {
            return r.error();
        }
        r = Database::exec(db,
                           QStringLiteral("INSERT INTO outbox (kind, invitation_id, passcode_id, recipient, status, "
                                          "next_attempt_at, created_at) VALUES ('passcode', ?, ?, ?, 'pending', ?, ?)"),
                           {f->invitationId, id, f->email, now, now});
        if (!r.ok()) {
            return r.error();
        }
        step.passcodeId = id;
        step.validMinutes = (*snap)->passcodeMinutes;
        qCInfo(lcPortal) << "passcode" << id << "queued for invitation" << f->invitationId;
        return step;
    });
}

Result<RedeemStep> RedemptionService::verifyPasscode(const QString &token, const QString &code) {
    if (!isWellFormedToken(token)) {
        RedeemStep step;
        step.problem = RedeemProblem::UnknownLink;
        return step;
    }
    const QString tokenHash = hashToken(token);
    return m_db->transaction<RedeemStep>([&](QSqlDatabase &db) -> Result<RedeemStep> {
        RedeemStep step;
        auto snap = snapshot(db, false);
        if (!snap.ok()) {
            return snap.error();
        }
        auto f = find(db, QStringLiteral("token_hash"), tokenHash);
        if (!f.ok()) {
            return f.error();
        }
        judge(*f, **snap, step);
        if (step.problem != RedeemProblem::None) {
            return step;
        }
        const qint64 now = m_clock->nowMs();
        auto check = checkPasscode(db, {PasscodeSelector::By::LatestForInvitation, f->invitationId}, code, m_key,
                                   now, m_options.maxWrongAttempts);
        if (!check.ok()) {
            return check.error();
        }
        switch (check->verdict) {
        case PasscodeVerdict::Accepted:
            break;
        case PasscodeVerdict::NoActiveCode:
            step.problem = RedeemProblem::NoActiveCode;
            return step;
        case PasscodeVerdict::CodeExpired:
            step.problem = RedeemProblem::CodeExpired;
            return step;
        case PasscodeVerdict::TooManyAttempts:
            step.problem = RedeemProblem::TooManyAttempts;
            return step;
        case PasscodeVerdict::WrongCode:
            step.attemptsLeft = check->attemptsLeft;
            step.problem = RedeemProblem::WrongCode;
            return step;
        }
        auto consent = consentState(db, f->userId);
        if (!consent.ok()) {
            return consent.error();
        }
        step.needsConsent = !consent->consented;
        step.needsTerms = (*snap)->hasTerms() && !consent->termsAccepted;
        step.sessionSecret = newSessionSecret();
        auto r = Database::exec(
            db,
            QStringLiteral("INSERT INTO portal_sessions (id_hash, user_id, invitation_id, "
                           "identity_issuer, created_at, expires_at) VALUES (?, ?, ?, 'mail', ?, ?)"),
            {hashToken(step.sessionSecret), f->userId, f->invitationId, now, now + m_options.sessionLifetimeMs});
        if (!r.ok()) {
            return r.error();
        }
        return step;
    });
}

Result<RedemptionService::Found> RedemptionService::session(QSqlDatabase &db, const QString &secret, RedeemStep &step,
                                                            bool *consented) const {
    Found none;
    if (secret.isEmpty() || secret.size() > 100) {
        step.problem = RedeemProblem::SessionInvalid;
        return none;
    }
    auto q = Database::exec(db,
                            QStringLiteral("SELECT invitation_id, expires_at, consented FROM portal_sessions WHERE "
                                           "id_hash = ?"),
                            {hashToken(secret)});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next() || q->value(0).isNull() || q->value(1).toLongLong() <= m_clock->nowMs()) {
        step.problem = RedeemProblem::SessionInvalid;
        return none;
    }
    const QString invitationId = q->value(0).toString();
    if (consented) {
        *consented = q->value(2).toInt() != 0;
    }
    q->finish();
    return find(db, QStringLiteral("id"), invitationId);
}

Result<RedeemStep> RedemptionService::consentView(const QString &sessionSecret) const {
    RedeemStep step;
    auto c = m_db->connection();
    if (!c.ok()) {
        return c.error();
    }
    auto f = session(*c, sessionSecret, step, nullptr);
    if (!f.ok()) {
        return f.error();
    }
    if (step.problem != RedeemProblem::None) {
        return step;
    }
    auto snap = snapshot(*c, true);
    if (!snap.ok()) {
        return snap.error();
    }
    judge(*f, **snap, step);
    if (step.problem == RedeemProblem::None) {
        auto consent = consentState(*c, f->userId);
        if (!consent.ok()) {
            return consent.error();
        }
        step.needsConsent = !consent->consented;
        step.needsTerms = (*snap)->hasTerms() && !consent->termsAccepted;
        step.termsOfUseUrl = (*snap)->termsUrl;
        step.termsOfUseText = (*snap)->termsText;
    }
    return step;
}

Result<RedeemStep> RedemptionService::accept(const QString &sessionSecret, bool termsAccepted) {
    return m_db->transaction<RedeemStep>([&](QSqlDatabase &db) -> Result<RedeemStep> {
        RedeemStep step;
        bool sessionConsented = false;
        auto f = session(db, sessionSecret, step, &sessionConsented);
        if (!f.ok()) {
            return f.error();
        }
        if (step.problem != RedeemProblem::None) {
            return step;
        }
        auto snap = snapshot(db, false);
        if (!snap.ok()) {
            return snap.error();
        }
        judge(*f, **snap, step);
        if (step.problem != RedeemProblem::None) {
            return step;
        }
        const qint64 now = m_clock->nowMs();
        auto consent = consentState(db, f->userId);
        if (!consent.ok()) {
            return consent.error();
        }
        const bool termsPending = (*snap)->hasTerms() && !consent->termsAccepted;
        if (termsPending && !termsAccepted) {
            // Consent given: note it on the session and show the terms next (SPEC §2 order).
            auto r = Database::exec(db,
                                    QStringLiteral("UPDATE portal_sessions SET consented = 1, row_version = "
                                                   "row_version + 1 WHERE id_hash = ?"),
                                    {hashToken(sessionSecret)});
            if (!r.ok()) {
                return r.error();
            }
            step.needsConsent = false;
            step.needsTerms = true;
            step.termsOfUseUrl = (*snap)->termsUrl;
            step.termsOfUseText = (*snap)->termsText;
            return step;
        }
        if (termsAccepted && termsPending && !sessionConsented && !consent->consented) {
            step.needsConsent = true; // the terms form without the consent before it: ask for consent
            return step;
        }
        // The invitation first: whoever flips it from PendingAcceptance redeems; a second tab finds
        // it Completed and writes nothing.
        auto r = Database::exec(db,
                                QStringLiteral("UPDATE invitations SET status = 'Completed', redeemed_at = ?, "
                                               "row_version = row_version + 1 WHERE id = ? AND status = "
                                               "'PendingAcceptance' AND row_version = ?"),
                                {now, f->invitationId, f->invitationVersion});
        if (!r.ok()) {
            return r.error();
        }
        if (r->numRowsAffected() != 1) {
            step.problem = RedeemProblem::AlreadyRedeemed;
            return step;
        }
        r = Database::exec(db,
                           QStringLiteral("UPDATE users SET external_user_state = 'Accepted', "
                                          "external_user_state_changed_at = ?, last_sign_in_at = ?, row_version = "
                                          "row_version + 1 WHERE id = ? AND row_version = ? AND account_enabled = 1"),
                           {now, now, f->userId, f->userVersion});
        if (!r.ok()) {
            return r.error();
        }
        if (r->numRowsAffected() != 1) {
            // Changed by an admin meanwhile: roll everything back; the guest tries again.
            return Error::conflict(f->userPrincipalName);
        }
        // After redemption the identity is the issuer that was used (SPEC §1): "mail" for passcodes.
        r = Database::exec(db, QStringLiteral("DELETE FROM user_identities WHERE user_id = ?"), {f->userId});
        if (!r.ok()) {
            return r.error();
        }
        r = Database::exec(db,
                           QStringLiteral("INSERT INTO user_identities (user_id, sign_in_type, issuer, "
                                          "issuer_assigned_id) VALUES (?, 'emailAddress', 'mail', ?)"),
                           {f->userId, f->email});
        if (!r.ok()) {
            return r.error();
        }
        r = Database::exec(db,
                           QStringLiteral("INSERT INTO consents (user_id, consented_at) VALUES (?, ?) "
                                          "ON CONFLICT (user_id) DO NOTHING"),
                           {f->userId, now});
        if (!r.ok()) {
            return r.error();
        }
        if (termsPending) {
            r = Database::exec(db,
                               QStringLiteral("UPDATE consents SET terms_accepted_at = ? WHERE user_id = ? AND "
                                              "terms_accepted_at IS NULL"),
                               {now, f->userId});
            if (!r.ok()) {
                return r.error();
            }
        }
        r = Database::exec(db,
                           QStringLiteral("UPDATE portal_sessions SET consented = 1, row_version = row_version + 1 "
                                          "WHERE id_hash = ?"),
                           {hashToken(sessionSecret)});
        if (!r.ok()) {
            return r.error();
        }
        Operator guest;
        guest.userId = f->userId;
        guest.displayName = f->displayName;
        guest.userPrincipalName = f->userPrincipalName;
        guest.userType = UserType::Guest;
        AuditEntry e{activity::RedeemInvite, category::UserManagement, QStringLiteral("user")};
        e.targetId = f->userId;
        e.targetName = f->userPrincipalName;
        e.before = QJsonObject{{QStringLiteral("externalUserState"), QStringLiteral("PendingAcceptance")}};
        e.after = QJsonObject{{QStringLiteral("externalUserState"), QStringLiteral("Accepted")},
                              {QStringLiteral("externalUserStateChangeDateTime"), isoUtc(now)},
                              {QStringLiteral("identities"),
                               QJsonArray{QJsonObject{{QStringLiteral("signInType"), QStringLiteral("emailAddress")},
                                                      {QStringLiteral("issuer"), QStringLiteral("mail")},
                                                      {QStringLiteral("issuerAssignedId"), f->email}}}}};
        e.correlationId = f->correlationId;
        if (Status s = AuditLog::append(db, *m_clock, guest, e); !s.ok()) {
            return s.error();
        }
        step.redirectUrl = f->redirectUrl;
        qCInfo(lcPortal) << "invitation" << f->invitationId << "redeemed by" << f->userId;
        return step;
    });
}

Result<RedeemStep> RedemptionService::unsubscribeView(const QString &token) const {
    RedeemStep step;
    if (!isWellFormedToken(token)) {
        step.problem = RedeemProblem::UnknownLink;
        return step;
    }
    auto c = m_db->connection();
    if (!c.ok()) {
        return c.error();
    }
    auto snap = snapshot(*c, true);
    if (!snap.ok()) {
        return snap.error();
    }
    auto f = find(*c, QStringLiteral("token_hash"), hashToken(token));
    if (!f.ok()) {
        return f.error();
    }
    if (!f->exists) {
        step.problem = RedeemProblem::UnknownLink;
        return step;
    }
    step.invitation.email = f->email;
    step.invitation.organizationName = (*snap)->directory.displayName;
    step.invitation.invitationId = f->invitationId;
    return step;
}

Result<RedeemStep> RedemptionService::unsubscribe(const QString &token) {
    if (!isWellFormedToken(token)) {
        RedeemStep step;
        step.problem = RedeemProblem::UnknownLink;
        return step;
    }
    const QString tokenHash = hashToken(token);
    return m_db->transaction<RedeemStep>([&](QSqlDatabase &db) -> Result<RedeemStep> {
        RedeemStep step;
        auto snap = snapshot(db, false);
        if (!snap.ok()) {
            return snap.error();
        }
        auto f = find(db, QStringLiteral("token_hash"), tokenHash);
        if (!f.ok()) {
            return f.error();
        }
        if (!f->exists) {
            step.problem = RedeemProblem::UnknownLink;
            return step;
        }
        step.invitation.email = f->email;
        step.invitation.organizationName = (*snap)->directory.displayName;
        auto r = Database::exec(db,
                                QStringLiteral("INSERT INTO unsubscribed (email_lower, at_ms) VALUES (?, ?) "
                                               "ON CONFLICT (email_lower) DO NOTHING"),
                                {f->emailLower, m_clock->nowMs()});
        if (!r.ok()) {
            return r.error();
        }
        return step;
    });
}

} // namespace atrium::core
