#include "core/invitations/invitationservice.h"

#include "core/base/domainname.h"
#include "core/base/logging.h"
#include "core/crosstenant/crosstenantinvitecheck.h"
#include "core/crosstenant/crosstenantsnapshotcache.h"
#include "core/invitations/invitationtoken.h"
#include "core/storage/statementcache.h"
#include "core/policy/collaborationsettings.h"
#include "core/secrets/secretstore.h"
#include "core/services/directoryservice.h"
#include "core/services/groupservice.h"
#include "core/services/settingsservice.h"
#include "core/services/userservice.h"
#include "core/text/emailaddress.h"
#include "core/text/guestupn.h"
#include "core/text/redirecturl.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::InvitationService", s); }

constexpr int kMaxSponsors = 5;
constexpr int kMaxMessageChars = 10000;

QStringList traceLines(const PolicyDecision &d) {
    QStringList lines;
    for (const TraceStep &s : d.trace) {
        lines << QStringLiteral("%1%2: %3 → %4").arg(s.decisive ? QStringLiteral("▶ ") : QString(), s.rule, s.input,
                                                      s.verdict);
    }
    return lines;
}

Error policyError(const PolicyDecision &d) {
    Error e{ErrorCode::PolicyDenied, d.reason, d.decidingRule, {}, false};
    if (d.decidingRule == QLatin1String("operatorRole") || d.decidingRule == QLatin1String("allowInvitesFrom") ||
        d.decidingRule == QLatin1String("memberUserType") || d.decidingRule == QLatin1String("targets")) {
        e.code = ErrorCode::PermissionDenied;
    }
    e.why = traceLines(d);
    return e;
}

// The audit row of one invitation (inviteTx and inviteManyTx write the same).
AuditEntry inviteAuditEntry(const InvitationService::Prepared &p, const QString &userId, const QString &upn,
                            const QString &correlationId, const QStringList &sponsors) {
    const GuestInvite &r = p.request;
    AuditEntry e{activity::InviteExternalUser, category::UserManagement, QStringLiteral("user")};
    e.targetId = userId;
    e.targetName = upn;
    e.correlationId = correlationId;
    e.after = QJsonObject{{QStringLiteral("mail"), p.emailLower},
                          {QStringLiteral("userPrincipalName"), upn},
                          {QStringLiteral("userType"), toString(r.userType)},
                          {QStringLiteral("externalUserState"), QStringLiteral("PendingAcceptance")},
                          {QStringLiteral("inviteRedirectUrl"), p.redirectUrl},
                          {QStringLiteral("sendInvitationMessage"), r.sendEmail},
                          {QStringLiteral("sponsors"), QJsonArray::fromStringList(sponsors)},
                          {QStringLiteral("groupsAndApps"), QJsonArray::fromStringList(r.groupIds + r.appIds)}};
    return e;
}

// What an invitation returns (the token itself is never stored).
InvitationResult invitationResult(const InvitationService::Prepared &p, const QString &invitationId,
                                  const QString &userId, const QString &upn, qint64 now, const QString &inviter,
                                  const QString &initialDomain, const QStringList &sponsors, const QString &redeemUrl) {
    const GuestInvite &r = p.request;
    InvitationResult result;
    result.invitationId = invitationId;
    result.redeemUrl = redeemUrl;
    result.redirectUrl = p.redirectUrl;
    result.sendEmail = r.sendEmail;
    result.message = r.message;
    result.cc = p.cc;
    result.language = r.language;
    User &u = result.invitedUser;
    u.id = userId;
    u.displayName = p.displayName;
    u.userPrincipalName = upn;
    u.mail = p.emailLower;
    u.userType = r.userType;
    u.externalUserState = ExternalUserState::PendingAcceptance;
    u.externalUserStateChangedAt = now;
    u.creationType = CreationType::Invitation;
    u.invitedBy = inviter;
    u.createdAt = now;
    u.rowVersion = 1;
    u.identities << Identity{QStringLiteral("userPrincipalName"), initialDomain, upn};
    u.sponsorIds = sponsors;
    return result;
}

// Runs `head VALUES tuple, tuple, ...` for `rows`, at most rowsPerStatement tuples per statement. Qt
// hands SQLite "?" as named parameters, which SQLite resolves by a linear search while preparing, so
// a statement keeps to a few hundred values (and far below PostgreSQL's 65,535).
Status insertRows(StatementCache &st, const QString &head, const QString &tuple, const QList<QVariantList> &rows,
                  int rowsPerStatement = 50) {
    const QString more = QStringLiteral(", ") + tuple;
    for (qsizetype start = 0; start < rows.size(); start += rowsPerStatement) {
        const qsizetype n = std::min<qsizetype>(rowsPerStatement, rows.size() - start);
        QVariantList values;
        for (qsizetype i = start; i < start + n; ++i) {
            values += rows.at(i);
        }
        auto r = st.run(head + QStringLiteral(" VALUES ") + tuple + more.repeated(n - 1), values);
        if (!r.ok()) {
            return r.error();
        }
    }
    return {};
}

// Calls `each` for every row of `sql` + "(?, ?, ...)" over `keys` in chunks (IN lists).
Status selectIn(StatementCache &st, const QString &sql, const QStringList &keys,
                const std::function<void(QSqlQuery &)> &each) {
    constexpr qsizetype kChunk = 100;
    for (qsizetype start = 0; start < keys.size(); start += kChunk) {
        const qsizetype n = std::min<qsizetype>(kChunk, keys.size() - start);
        QVariantList values;
        values.reserve(n);
        for (qsizetype i = start; i < start + n; ++i) {
            values << keys.at(i);
        }
        auto q = st.run(sql + QStringLiteral("(?") + QStringLiteral(", ?").repeated(n - 1) + QStringLiteral(")"),
                        values);
        if (!q.ok()) {
            return q.error();
        }
        while ((*q)->next()) {
            each(**q);
        }
    }
    return {};
}
} // namespace

QJsonObject InvitationResult::toJson() const {
    QJsonObject user = invitedUser.toJson();
    return QJsonObject{
        {QStringLiteral("id"), invitationId},
        {QStringLiteral("inviteRedeemUrl"), redeemUrl},
        {QStringLiteral("inviteRedirectUrl"), redirectUrl},
        {QStringLiteral("invitedUserEmailAddress"), invitedUser.mail},
        {QStringLiteral("invitedUserDisplayName"), invitedUser.displayName},
        {QStringLiteral("invitedUserType"), toString(invitedUser.userType)},
        {QStringLiteral("sendInvitationMessage"), sendEmail},
        {QStringLiteral("status"), toString(status)},
        {QStringLiteral("emailQueued"), emailQueued},
        {QStringLiteral("emailSuppressedUnsubscribed"), emailSuppressedUnsubscribed},
        {QStringLiteral("invitedUserMessageInfo"),
         QJsonObject{{QStringLiteral("customizedMessageBody"), message},
                     {QStringLiteral("messageLanguage"), language},
                     {QStringLiteral("ccRecipients"),
                      cc.isEmpty() ? QJsonArray()
                                   : QJsonArray{QJsonObject{{QStringLiteral("emailAddress"),
                                                             QJsonObject{{QStringLiteral("address"), cc}}}}}}}},
        {QStringLiteral("invitedUser"), user},
    };
}

InvitationService::InvitationService(ServiceContext ctx, std::shared_ptr<SecretStore> secrets)
    : m_ctx(std::move(ctx)), m_secrets(std::move(secrets)) {}
InvitationService::~InvitationService() = default;

Result<PolicyEngine> InvitationService::loadPolicy(QSqlDatabase &db) {
    auto json = SettingsService::read(db, settingkey::Collaboration);
    if (!json.ok()) {
        return json.error();
    }
    auto settings = CollaborationSettings::fromJson(QJsonDocument::fromJson(json->toUtf8()).object());
    if (!settings.ok()) {
        return settings.error();
    }
    // SPEC §4: an allowed or unlisted domain is still refused when cross-tenant access blocks it.
    // The snapshot is cached per database and generation, so a bulk invitation reads it once.
    auto snapshot = CrossTenantSnapshotCache::get(db);
    if (!snapshot.ok()) {
        return snapshot.error();
    }
    return PolicyEngine(*settings, makeCrossTenantCheck(*snapshot));
}

Result<OperatorContext> InvitationService::operatorContext(QSqlDatabase &db, const Operator &op,
                                                           const QStringList &groupIds, const QStringList &appIds) {
    OperatorContext ctx;
    ctx.userId = op.userId;
    ctx.userType = op.userType;
    ctx.roles = op.roles;
    bool ownsAll = !groupIds.isEmpty() || !appIds.isEmpty();
    for (const QString &g : groupIds) {
        auto q = Database::exec(db, QStringLiteral("SELECT 1 FROM group_owners WHERE group_id = ? AND user_id = ?"),
                                {g, op.userId});
        if (!q.ok()) {
            return q.error();
        }
        ownsAll = ownsAll && q->next();
    }
    for (const QString &a : appIds) {
        auto q = Database::exec(db, QStringLiteral("SELECT 1 FROM app_owners WHERE app_id = ? AND user_id = ?"),
                                {a, op.userId});
        if (!q.ok()) {
            return q.error();
        }
        ownsAll = ownsAll && q->next();
    }
    ctx.ownsAllTargets = ownsAll;
    return ctx;
}

Result<QByteArray> InvitationService::tokenKey() {
    if (!m_tokenKey.isEmpty()) {
        return m_tokenKey;
    }
    if (!m_secrets) {
        return Error{ErrorCode::Secret, tr("No keychain is available to keep the redemption token key."), {}, {}, false};
    }
    auto info = DirectoryService::read(m_ctx.db());
    if (!info.ok()) {
        return info.error();
    }
    m_tenantId = info->tenantId;
    m_initialDomain = info->initialDomain;
    auto key = TokenKey::load(*m_secrets, m_tenantId);
    if (!key.ok()) {
        return key.error();
    }
    m_tokenKey = *key;
    return m_tokenKey;
}

Status InvitationService::loadTokenKey() {
    if (auto key = tokenKey(); !key.ok()) {
        return key.error();
    }
    return {};
}

Result<QString> InvitationService::portalBaseUrl(QSqlDatabase &db) { return SettingsService::read(db, settingkey::PortalBaseUrl); }

Result<QString> InvitationService::cachedSetting(StatementCache &st, const QString &key) {
    // Settings do not change inside one transaction; read each once per statement cache.
    if (auto it = m_settingCache.constFind(key); it != m_settingCache.constEnd() && m_settingCacheOwner == st.serial()) {
        return *it;
    }
    if (m_settingCacheOwner != st.serial()) {
        m_settingCache.clear();
        m_settingCacheOwner = st.serial();
    }
    auto v = SettingsService::read(st.db(), key);
    if (v.ok()) {
        m_settingCache.insert(key, *v);
    }
    return v;
}

Result<InvitationService::Prepared> InvitationService::prepare(const GuestInvite &r, const PolicyEngine &engine,
                                                               const OperatorContext &opCtx) const {
    Prepared p;
    p.request = r;
    auto email = parseEmailAddress(r.email);
    if (!email.ok()) {
        Error e = email.error();
        e.field = QStringLiteral("email");
        return e;
    }
    p.emailLower = email->normalized();
    p.emailDomain = email->domain;
    auto redirect = parseRedirectUrl(r.redirectUrl);
    if (!redirect.ok()) {
        Error e = redirect.error();
        e.field = QStringLiteral("redirectUrl");
        return e;
    }
    p.redirectUrl = redirect->toString(QUrl::FullyEncoded);
    if (!r.cc.trimmed().isEmpty()) {
        if (r.cc.contains(QLatin1Char(',')) || r.cc.contains(QLatin1Char(';'))) {
            return Error::invalid(tr("Only one cc recipient is allowed."), QStringLiteral("cc"));
        }
        auto cc = parseEmailAddress(r.cc);
        if (!cc.ok()) {
            Error e = cc.error();
            e.field = QStringLiteral("cc");
            return e;
        }
        p.cc = cc->normalized();
    }
    if (r.message.size() > kMaxMessageChars) {
        return Error::invalid(tr("The personal message is longer than %1 characters.").arg(kMaxMessageChars),
                              QStringLiteral("message"));
    }
    if (r.message.contains(QChar(0))) {
        return Error::invalid(tr("The personal message contains a NUL character."), QStringLiteral("message"));
    }
    p.displayName = r.displayName.trimmed();
    if (p.displayName.size() > 256) {
        return Error::invalid(tr("The display name is longer than 256 characters."), QStringLiteral("displayName"));
    }
    for (QChar c : p.displayName) {
        if (c.category() == QChar::Other_Control) {
            return Error::invalid(tr("The display name contains a control character."), QStringLiteral("displayName"));
        }
    }
    if (p.displayName.isEmpty()) {
        p.displayName = email->local;
    }
    if (r.sponsorIds.size() > kMaxSponsors) {
        return Error::invalid(tr("A guest has at most %1 sponsors.").arg(kMaxSponsors), QStringLiteral("sponsors"));
    }
    if (r.language.size() > 16) {
        return Error::invalid(tr("The message language is not a language tag like en or de-CH."),
                              QStringLiteral("language"));
    }
    InviteRequest req;
    req.email = p.emailLower;
    req.groupIds = r.groupIds;
    req.appIds = r.appIds;
    req.invitedUserType = r.userType;
    p.decision = engine.mayInvite(opCtx, req);
    if (!p.decision.allowed) {
        return policyError(p.decision);
    }
    return p;
}

Result<std::optional<std::pair<QString, QString>>> InvitationService::existingUserByMail(StatementCache &st,
                                                                                        const QString &emailLower) {
    auto q = st.run(QStringLiteral("SELECT id, user_type, external_user_state FROM users WHERE mail_lower = ? AND "
                                   "deleted_at IS NULL"),
                    {emailLower});
    if (!q.ok()) {
        return q.error();
    }
    if (!(*q)->next()) {
        return std::optional<std::pair<QString, QString>>();
    }
    const QString state = (*q)->value(1).toString() == QLatin1String("Member") ? QStringLiteral("Member")
                                                                              : (*q)->value(2).toString();
    return std::optional(std::pair((*q)->value(0).toString(), state));
}

Status InvitationService::queueMail(StatementCache &st, const QString &invitationId, const QString &recipient,
                                    const QString &userId, const QString &userName, const QString &correlationId,
                                    bool *queued, bool *unsubscribed) {
    auto u = st.run(QStringLiteral("SELECT 1 FROM unsubscribed WHERE email_lower = ?"), {recipient.toLower()});
    if (!u.ok()) {
        return u.error();
    }
    if ((*u)->next()) {
        *unsubscribed = true;
        AuditEntry e{activity::EmailNotSentUnsubscribed, category::Invitations, QStringLiteral("user")};
        e.targetId = userId;
        e.targetName = userName;
        e.correlationId = correlationId;
        e.reason = tr("%1 asked to receive no invitations.").arg(recipient);
        return AuditLog::append(st.db(), m_ctx.clock(), m_ctx.op(), e);
    }
    const qint64 now = m_ctx.clock().nowMs();
    auto r = st.run(QStringLiteral("INSERT INTO outbox (kind, invitation_id, recipient, status, next_attempt_at, "
                                   "created_at) VALUES ('invitation', ?, ?, 'pending', ?, ?)"),
                    {invitationId, recipient, now, now});
    if (!r.ok()) {
        return r.error();
    }
    *queued = true;
    return {};
}

Result<InvitationResult> InvitationService::inviteTx(StatementCache &st, const Prepared &p) {
    const GuestInvite &r = p.request;
    auto key = tokenKey();
    if (!key.ok()) {
        return key.error();
    }
    auto existing = existingUserByMail(st, p.emailLower);
    if (!existing.ok()) {
        return existing.error();
    }
    if (existing->has_value()) {
        const QString state = (*existing)->second;
        Error e{ErrorCode::AlreadyExists,
                state == QLatin1String("Member")
                    ? tr("%1 belongs to a member of this directory; members are not invited.").arg(p.emailLower)
                    : tr("%1 is already a guest (%2). Resend the invitation or reset its redemption status instead.")
                          .arg(p.emailLower, state),
                (*existing)->first, QStringLiteral("email"), false};
        return e;
    }
    // Referenced objects must exist.
    for (const QString &id : r.groupIds + r.appIds) {
        if (auto kind = GroupService::kindOf(st.db(), id); !kind.ok()) {
            Error e = kind.error();
            e.field = QStringLiteral("groups");
            return e;
        }
    }
    QStringList sponsors = r.sponsorIds;
    if (sponsors.isEmpty() && m_ctx.op().isKnown()) {
        sponsors << m_ctx.op().userId; // the inviter is the default sponsor
    }
    sponsors.removeDuplicates();
    for (const QString &s : sponsors) {
        if (s == m_ctx.op().userId) {
            continue; // the acting operator exists
        }
        auto q = st.run(QStringLiteral("SELECT 'user' FROM users WHERE id = ? AND deleted_at IS NULL UNION ALL "
                                       "SELECT 'group' FROM directory_groups WHERE id = ?"),
                        {s, s});
        if (!q.ok()) {
            return q.error();
        }
        if (!(*q)->next()) {
            return Error::invalid(tr("The sponsor %1 is neither a user nor a group of this directory.").arg(s),
                                  QStringLiteral("sponsors"));
        }
    }
    auto email = parseEmailAddress(r.email);
    QString upn;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const QString candidate = guestUpnCandidate(*email, m_initialDomain, attempt);
        auto q = st.run(QStringLiteral("SELECT 1 FROM users WHERE upn_lower = ?"), {candidate.toLower()});
        if (!q.ok()) {
            return q.error();
        }
        if (!(*q)->next()) {
            upn = candidate;
            break;
        }
    }
    if (upn.isEmpty()) {
        return Error{ErrorCode::Internal, tr("No free user principal name was found for %1.").arg(p.emailLower), {}, {},
                     false};
    }
    const qint64 now = m_ctx.clock().nowMs();
    const QString userId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString invitationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString correlationId = r.correlationId.isEmpty() ? AuditLog::newCorrelationId() : r.correlationId;
    const QString inviter = m_ctx.op().isKnown() ? m_ctx.op().userId : QString();
    // invited_by_name and sponsors_sort (sort keys of the guest list) are filled here, so the triggers
    // that maintain them have nothing to rewrite on this hot path.
    const QString inviterName = inviter.isEmpty() ? QString() : m_ctx.op().displayName;
    const bool onlyInviterSponsors = sponsors.size() == 1 && sponsors.first() == inviter && !inviter.isEmpty();
    auto ins = st.run(QStringLiteral("INSERT INTO users (id, display_name, user_principal_name, upn_lower, mail, "
                                     "mail_lower, mail_domain, user_type, external_user_state, "
                                     "external_user_state_changed_at, creation_type, invited_by, created_at, "
                                     "invited_by_name, sponsors_sort) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PendingAcceptance', ?, 'Invitation', ?, ?, ?, ?)"),
                      {userId, p.displayName, upn, upn.toLower(), p.emailLower, p.emailLower, p.emailDomain,
                       toString(r.userType), now, inviter.isEmpty() ? QVariant() : QVariant(inviter), now,
                       inviter.isEmpty() ? QVariant() : QVariant(inviterName),
                       onlyInviterSponsors ? QVariant(inviterName) : QVariant()});
    if (!ins.ok()) {
        return ins.error();
    }
    // Before redemption the identity is the directory's own domain.
    ins = st.run(QStringLiteral("INSERT INTO user_identities (user_id, sign_in_type, issuer, issuer_assigned_id) "
                                "VALUES (?, 'userPrincipalName', ?, ?)"),
                 {userId, m_initialDomain, upn});
    if (!ins.ok()) {
        return ins.error();
    }
    for (const QString &s : sponsors) {
        ins = s == m_ctx.op().userId
                  ? st.run(QStringLiteral("INSERT INTO sponsors (user_id, sponsor_id, sponsor_type) VALUES (?, ?, 'user')"),
                           {userId, s})
                  : st.run(QStringLiteral("INSERT INTO sponsors (user_id, sponsor_id, sponsor_type) SELECT ?, ?, CASE "
                                          "WHEN EXISTS (SELECT 1 FROM users WHERE id = ?) THEN 'user' ELSE 'group' END"),
                           {userId, s, s});
        if (!ins.ok()) {
            return ins.error();
        }
    }
    for (const QString &id : r.groupIds + r.appIds) {
        if (Status s = GroupService::addMemberTx(st.db(), m_ctx.clock(), id, userId); !s.ok()) {
            return s.error();
        }
    }
    auto expiry = cachedSetting(st, settingkey::InvitationExpiryDays);
    if (!expiry.ok()) {
        return expiry.error();
    }
    const int expiryDays = expiry->toInt();
    const QString nonce = newTokenNonce();
    const QString token = deriveToken(*key, QStringLiteral("invite"), invitationId, nonce);
    ins = st.run(QStringLiteral("INSERT INTO invitations (id, user_id, invited_email, email_lower, redirect_url, status, "
                                "token_nonce, token_hash, send_email, message, cc, language, invited_by, "
                                "correlation_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, 'PendingAcceptance', "
                                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                 {invitationId, userId, r.email.trimmed(), p.emailLower, p.redirectUrl, nonce, hashToken(token),
                  r.sendEmail ? 1 : 0, r.message, p.cc, r.language, inviter, correlationId, now,
                  expiryDays > 0 ? QVariant(now + qint64(expiryDays) * 86400000) : QVariant()});
    if (!ins.ok()) {
        return ins.error();
    }
    auto base = cachedSetting(st, settingkey::PortalBaseUrl);
    if (!base.ok()) {
        return base.error();
    }
    InvitationResult result = invitationResult(p, invitationId, userId, upn, now, inviter, m_initialDomain, sponsors,
                                               *base + QStringLiteral("/redeem/") + token);
    if (r.sendEmail) {
        if (Status s = queueMail(st, invitationId, p.emailLower, userId, upn, correlationId, &result.emailQueued,
                                 &result.emailSuppressedUnsubscribed);
            !s.ok()) {
            return s.error();
        }
    }
    if (Status s = AuditLog::append(st, m_ctx.clock(), m_ctx.op(),
                                    inviteAuditEntry(p, userId, upn, correlationId, sponsors));
        !s.ok()) {
        return s.error();
    }
    return result;
}

Result<QList<InvitationService::BatchOutcome>> InvitationService::inviteManyTx(StatementCache &st,
                                                                               const QList<const Prepared *> &rows) {
    using Kind = BatchOutcome::Kind;
    QList<BatchOutcome> out(rows.size());
    if (rows.isEmpty()) {
        return out;
    }
    auto key = tokenKey(); // also reads the initial domain
    if (!key.ok()) {
        return key.error();
    }
    const QString inviter = m_ctx.op().isKnown() ? m_ctx.op().userId : QString();
    if (inviter.isEmpty()) {
        return out; // no default sponsor to write: every row takes inviteTx
    }
    const QString inviterName = m_ctx.op().displayName;

    // Addresses that already have a user (the first one found, as existingUserByMail answers).
    QStringList emails;
    emails.reserve(rows.size());
    for (const Prepared *p : rows) {
        emails << p->emailLower;
    }
    QHash<QString, std::pair<QString, QString>> existing;
    Status s = selectIn(st,
                        QStringLiteral("SELECT mail_lower, id, user_type, external_user_state FROM users WHERE "
                                       "deleted_at IS NULL AND mail_lower IN "),
                        emails, [&existing](QSqlQuery &q) {
                            const QString mail = q.value(0).toString();
                            if (!existing.contains(mail)) {
                                existing.insert(mail, {q.value(1).toString(),
                                                       q.value(2).toString() == QLatin1String("Member")
                                                           ? QStringLiteral("Member")
                                                           : q.value(3).toString()});
                            }
                        });
    if (!s.ok()) {
        return s.error();
    }

    // The plain rows (no groups, apps or explicit sponsors) and their first UPN candidate; a candidate
    // taken in the directory or twice in this batch leaves its row to inviteTx's collision suffix.
    QList<qsizetype> fast;
    QHash<qsizetype, QString> upnOf;
    QStringList upnKeys;
    QSet<QString> upnSeen;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Prepared &p = *rows.at(i);
        if (auto it = existing.constFind(p.emailLower); it != existing.constEnd()) {
            out[i].kind = Kind::Existing;
            out[i].existingId = it->first;
            out[i].existingState = it->second;
            continue;
        }
        const GuestInvite &r = p.request;
        if (!r.groupIds.isEmpty() || !r.appIds.isEmpty() || !r.sponsorIds.isEmpty()) {
            continue;
        }
        auto email = parseEmailAddress(r.email);
        if (!email.ok()) {
            continue;
        }
        const QString upn = guestUpnCandidate(*email, m_initialDomain, 0);
        const QString upnLower = upn.toLower();
        if (upnSeen.contains(upnLower)) {
            continue;
        }
        upnSeen.insert(upnLower);
        upnOf.insert(i, upn);
        upnKeys << upnLower;
        fast << i;
    }
    QSet<QString> taken;
    s = selectIn(st, QStringLiteral("SELECT upn_lower FROM users WHERE upn_lower IN "), upnKeys,
                 [&taken](QSqlQuery &q) { taken.insert(q.value(0).toString()); });
    if (!s.ok()) {
        return s.error();
    }
    // Unsubscribed recipients: inviteTx writes their "email not sent" audit row.
    QStringList recipients;
    for (qsizetype i : std::as_const(fast)) {
        if (rows.at(i)->request.sendEmail) {
            recipients << rows.at(i)->emailLower;
        }
    }
    QSet<QString> unsubscribed;
    s = selectIn(st, QStringLiteral("SELECT email_lower FROM unsubscribed WHERE email_lower IN "), recipients,
                 [&unsubscribed](QSqlQuery &q) { unsubscribed.insert(q.value(0).toString()); });
    if (!s.ok()) {
        return s.error();
    }
    fast.removeIf([&](qsizetype i) {
        const Prepared &p = *rows.at(i);
        return taken.contains(upnOf.value(i).toLower()) || (p.request.sendEmail && unsubscribed.contains(p.emailLower));
    });
    if (fast.isEmpty()) {
        return out;
    }

    auto expiry = cachedSetting(st, settingkey::InvitationExpiryDays);
    if (!expiry.ok()) {
        return expiry.error();
    }
    const int expiryDays = expiry->toInt();
    auto base = cachedSetting(st, settingkey::PortalBaseUrl);
    if (!base.ok()) {
        return base.error();
    }
    const QStringList sponsors{inviter};
    QList<QVariantList> users, identities, sponsorRows, invitations, outbox;
    QList<AuditEntry> audit;
    for (qsizetype i : std::as_const(fast)) {
        const Prepared &p = *rows.at(i);
        const GuestInvite &r = p.request;
        const QString &upn = upnOf[i];
        const qint64 now = m_ctx.clock().nowMs();
        const QString userId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString invitationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString correlationId = r.correlationId.isEmpty() ? AuditLog::newCorrelationId() : r.correlationId;
        users << QVariantList{userId,        p.displayName,       upn,   upn.toLower(), p.emailLower, p.emailLower,
                              p.emailDomain, toString(r.userType), now,   inviter,       now,          inviterName,
                              inviterName};
        identities << QVariantList{userId, m_initialDomain, upn};
        sponsorRows << QVariantList{userId, inviter};
        const QString nonce = newTokenNonce();
        const QString token = deriveToken(*key, QStringLiteral("invite"), invitationId, nonce);
        invitations << QVariantList{invitationId, userId, r.email.trimmed(), p.emailLower, p.redirectUrl, nonce,
                                    hashToken(token), r.sendEmail ? 1 : 0, r.message, p.cc, r.language, inviter,
                                    correlationId, now,
                                    expiryDays > 0 ? QVariant(now + qint64(expiryDays) * 86400000) : QVariant()};
        BatchOutcome &o = out[i];
        o.kind = Kind::Invited;
        o.result = invitationResult(p, invitationId, userId, upn, now, inviter, m_initialDomain, sponsors,
                                    *base + QStringLiteral("/redeem/") + token);
        if (r.sendEmail) {
            outbox << QVariantList{invitationId, p.emailLower, now, now};
            o.result.emailQueued = true;
        }
        audit << inviteAuditEntry(p, userId, upn, correlationId, sponsors);
    }

    // Same columns and values as inviteTx; the sort keys invited_by_name and sponsors_sort are filled in.
    s = insertRows(st,
                   QStringLiteral("INSERT INTO users (id, display_name, user_principal_name, upn_lower, mail, "
                                  "mail_lower, mail_domain, user_type, external_user_state, "
                                  "external_user_state_changed_at, creation_type, invited_by, created_at, "
                                  "invited_by_name, sponsors_sort)"),
                   QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, 'PendingAcceptance', ?, 'Invitation', ?, ?, ?, ?)"), users);
    if (s.ok()) {
        s = insertRows(st,
                       QStringLiteral("INSERT INTO user_identities (user_id, sign_in_type, issuer, issuer_assigned_id)"),
                       QStringLiteral("(?, 'userPrincipalName', ?, ?)"), identities);
    }
    if (s.ok()) {
        s = insertRows(st, QStringLiteral("INSERT INTO sponsors (user_id, sponsor_id, sponsor_type)"),
                       QStringLiteral("(?, ?, 'user')"), sponsorRows);
    }
    if (s.ok()) {
        s = insertRows(st,
                       QStringLiteral("INSERT INTO invitations (id, user_id, invited_email, email_lower, redirect_url, "
                                      "status, token_nonce, token_hash, send_email, message, cc, language, "
                                      "invited_by, correlation_id, created_at, expires_at)"),
                       QStringLiteral("(?, ?, ?, ?, ?, 'PendingAcceptance', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       invitations);
    }
    if (s.ok()) {
        s = insertRows(st,
                       QStringLiteral("INSERT INTO outbox (kind, invitation_id, recipient, status, next_attempt_at, "
                                      "created_at)"),
                       QStringLiteral("('invitation', ?, ?, 'pending', ?, ?)"), outbox);
    }
    if (s.ok()) {
        s = AuditLog::appendMany(st, m_ctx.clock(), m_ctx.op(), audit);
    }
    if (!s.ok()) {
        // No savepoint around the chunk (on SQLite it would copy every page the batch touches into a
        // sub-journal, slower than writing row by row): the caller rolls the batch back and invites
        // its rows one by one.
        qCWarning(lcInvitations) << "bulk invite: a multi-row insert failed:" << s.error().message
                                 << s.error().detail;
        return s.error();
    }
    return out;
}

Result<InvitationResult> InvitationService::invite(GuestInvite request) {
    AuditEntry attempt{activity::InviteExternalUser, category::UserManagement, QStringLiteral("user")};
    attempt.targetName = request.email.left(320);
    attempt.correlationId = request.correlationId;
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto engine = loadPolicy(*c);
    if (!engine.ok()) {
        return engine.error();
    }
    auto opCtx = operatorContext(*c, m_ctx.op(), request.groupIds, request.appIds);
    if (!opCtx.ok()) {
        return opCtx.error();
    }
    auto prepared = prepare(request, *engine, *opCtx);
    if (!prepared.ok()) {
        const Error &e = prepared.error();
        if (e.code == ErrorCode::PermissionDenied || e.code == ErrorCode::PolicyDenied) {
            attempt.before = QJsonObject{{QStringLiteral("why"), QJsonArray::fromStringList(e.why)}};
            return m_ctx.refuse(e, attempt).error();
        }
        return e;
    }
    if (auto key = tokenKey(); !key.ok()) {
        return key.error();
    }
    InvitationResult result;
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        StatementCache st(db);
        auto r = inviteTx(st, *prepared);
        if (!r.ok()) {
            return r.error();
        }
        result = *r;
        return {};
    });
    if (!s.ok()) {
        return s.error();
    }
    qCInfo(lcInvitations) << "invited" << result.invitedUser.userPrincipalName;
    return result;
}

Result<PolicyDecision> InvitationService::whatIfInvite(const QString &email, const Operator &as) {
    AuditEntry e{QStringLiteral("What-if invite"), category::Policy, QStringLiteral("user")};
    e.targetName = email.left(320);
    const bool preview = as.userId != m_ctx.op().userId;
    if (preview) {
        // Acting as someone else is a Global Administrator's preview only.
        if (!m_ctx.op().roles.contains(Role::GlobalAdministrator)) {
            return m_ctx.refuse(Error::permissionDenied(roleLabel(Role::GlobalAdministrator),
                                                        tr("preview invitations as another operator")),
                                e)
                .error();
        }
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto engine = loadPolicy(*c);
    if (!engine.ok()) {
        return engine.error();
    }
    auto opCtx = operatorContext(*c, as, {}, {});
    if (!opCtx.ok()) {
        return opCtx.error();
    }
    InviteRequest req;
    req.email = email.trimmed();
    const PolicyDecision d = engine->mayInvite(*opCtx, req);
    if (preview) {
        e.targetId = as.userId;
        e.after = d.toJson();
        const Status s = m_ctx.db().transaction(
            [&](QSqlDatabase &db) { return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e); });
        if (!s.ok()) {
            return s.error();
        }
    }
    return d;
}

namespace {
struct PendingInvitation {
    QString id;
    QString nonce;
    QString email;
    QString upn;
    QString state;
    bool accountEnabled = true;
};

Result<PendingInvitation> latestInvitation(QSqlDatabase &db, const QString &userId) {
    auto q = Database::exec(db,
                            QStringLiteral("SELECT i.id, i.token_nonce, i.email_lower, u.user_principal_name, "
                                           "u.external_user_state, u.account_enabled, u.user_type FROM users u LEFT JOIN "
                                           "invitations i ON i.user_id = u.id WHERE u.id = ? AND u.deleted_at IS NULL "
                                           "ORDER BY i.created_at DESC LIMIT 1"),
                            {userId});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return Error::notFound(tr("The guest %1").arg(userId));
    }
    if (q->value(6).toString() != QLatin1String("Guest") && q->value(0).isNull()) {
        return Error::invalid(tr("%1 is a member, not an invited guest.").arg(q->value(3).toString()));
    }
    return PendingInvitation{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                             q->value(3).toString(), q->value(4).toString(), q->value(5).toInt() != 0};
}
} // namespace

Result<QString> InvitationService::redemptionUrl(const QString &userId) {
    AuditEntry e{QStringLiteral("Copy redemption link"), category::Invitations, QStringLiteral("user")};
    e.targetId = userId;
    if (Status s = m_ctx.require(Permission::ResendInvitation, e); !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto inv = latestInvitation(*c, userId);
    if (!inv.ok()) {
        return inv.error();
    }
    if (inv->id.isEmpty() || inv->state != QLatin1String("PendingAcceptance")) {
        return Error::invalid(tr("%1 has already redeemed the invitation; reset the redemption status to issue a new "
                                 "link.")
                                  .arg(inv->upn));
    }
    auto key = tokenKey();
    if (!key.ok()) {
        return key.error();
    }
    auto base = portalBaseUrl(*c);
    if (!base.ok()) {
        return base.error();
    }
    return QString(*base + QStringLiteral("/redeem/") + deriveToken(*key, QStringLiteral("invite"), inv->id, inv->nonce));
}

Status InvitationService::resend(const QString &userId) {
    AuditEntry e{QStringLiteral("Resend invitation"), category::Invitations, QStringLiteral("user")};
    e.targetId = userId;
    if (Status s = m_ctx.require(Permission::ResendInvitation, e); !s.ok()) {
        return s;
    }
    if (auto key = tokenKey(); !key.ok()) {
        return key.error();
    }
    return m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto inv = latestInvitation(db, userId);
        if (!inv.ok()) {
            return inv.error();
        }
        if (inv->id.isEmpty() || inv->state != QLatin1String("PendingAcceptance")) {
            return Error::invalid(tr("%1 has already redeemed the invitation; there is nothing to resend.").arg(inv->upn));
        }
        StatementCache st(db);
        bool queued = false;
        bool unsubscribed = false;
        if (Status s = queueMail(st, inv->id, inv->email, userId, inv->upn, {}, &queued, &unsubscribed); !s.ok()) {
            return s;
        }
        if (unsubscribed) {
            return {};
        }
        auto u = Database::exec(db, QStringLiteral("UPDATE invitations SET send_email = 1 WHERE id = ?"), {inv->id});
        if (!u.ok()) {
            return u.error();
        }
        e.targetName = inv->upn;
        e.after = QJsonObject{{QStringLiteral("recipient"), inv->email}};
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
}

Result<InvitationResult> InvitationService::resetRedemption(const QString &userId, const QString &newEmail,
                                                            bool sendEmail) {
    AuditEntry e{activity::InviteWithReset, category::UserManagement, QStringLiteral("user")};
    e.targetId = userId;
    if (Status s = m_ctx.require(Permission::ResetRedemption, e); !s.ok()) {
        return s.error();
    }
    auto key = tokenKey();
    if (!key.ok()) {
        return key.error();
    }
    std::optional<EmailAddress> email;
    if (!newEmail.trimmed().isEmpty()) {
        auto parsed = parseEmailAddress(newEmail);
        if (!parsed.ok()) {
            Error err = parsed.error();
            err.field = QStringLiteral("email");
            return err;
        }
        email = *parsed;
    }
    InvitationResult result;
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        StatementCache st(db);
        auto user = UserService::fetch(db, userId);
        if (!user.ok()) {
            return user.error();
        }
        if (user->userType != UserType::Guest && !user->creationType) {
            return Error::invalid(tr("%1 is a member, not an invited guest.").arg(user->userPrincipalName));
        }
        auto inv = latestInvitation(db, userId);
        if (!inv.ok()) {
            return inv.error();
        }
        QString mail = user->mail;
        if (email) {
            // A new address must still pass the collaboration restrictions.
            auto engine = loadPolicy(db);
            if (!engine.ok()) {
                return engine.error();
            }
            const PolicyDecision d = engine->mayRedeem(email->normalized());
            if (!d.allowed) {
                return policyError(d);
            }
            auto other = existingUserByMail(st, email->normalized());
            if (!other.ok()) {
                return other.error();
            }
            if (other->has_value() && (*other)->first != userId) {
                return Error{ErrorCode::AlreadyExists,
                             tr("%1 already belongs to another user.").arg(email->normalized()), {},
                             QStringLiteral("email"), false};
            }
            mail = email->normalized();
        }
        const qint64 now = m_ctx.clock().nowMs();
        // Keep object id, UPN, memberships and assignments; back to pending with a fresh invitation.
        auto u = Database::exec(db,
                                QStringLiteral("UPDATE users SET mail = ?, mail_lower = ?, mail_domain = ?, "
                                               "external_user_state = 'PendingAcceptance', "
                                               "external_user_state_changed_at = ?, row_version = row_version + 1 "
                                               "WHERE id = ?"),
                                {mail, mail.toLower(), mail.section(QLatin1Char('@'), 1), now, userId});
        if (!u.ok()) {
            return u.error();
        }
        u = Database::exec(db, QStringLiteral("DELETE FROM user_identities WHERE user_id = ?"), {userId});
        if (!u.ok()) {
            return u.error();
        }
        u = Database::exec(db,
                           QStringLiteral("INSERT INTO user_identities (user_id, sign_in_type, issuer, "
                                          "issuer_assigned_id) VALUES (?, 'userPrincipalName', ?, ?)"),
                           {userId, m_initialDomain, user->userPrincipalName});
        if (!u.ok()) {
            return u.error();
        }
        // The old link stops working: its invitation is closed with an Error status.
        u = Database::exec(db, QStringLiteral("UPDATE invitations SET status = 'Error', row_version = row_version + 1 "
                                              "WHERE user_id = ? AND status IN ('PendingAcceptance', 'InProgress')"),
                           {userId});
        if (!u.ok()) {
            return u.error();
        }
        u = Database::exec(db, QStringLiteral("UPDATE outbox SET status = 'cancelled' WHERE status = 'pending' AND "
                                              "invitation_id IN (SELECT id FROM invitations WHERE user_id = ?)"),
                           {userId});
        if (!u.ok()) {
            return u.error();
        }
        auto oldInvite = Database::exec(db, QStringLiteral("SELECT redirect_url FROM invitations WHERE user_id = ? "
                                                           "ORDER BY created_at DESC LIMIT 1"),
                                        {userId});
        if (!oldInvite.ok()) {
            return oldInvite.error();
        }
        const QString redirect = oldInvite->next() ? oldInvite->value(0).toString() : QStringLiteral("https://myapps.example");
        const QString invitationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString nonce = newTokenNonce();
        const QString token = deriveToken(*key, QStringLiteral("invite"), invitationId, nonce);
        const QString correlationId = AuditLog::newCorrelationId();
        auto ins = Database::exec(
            db,
            QStringLiteral("INSERT INTO invitations (id, user_id, invited_email, email_lower, redirect_url, status, "
                           "token_nonce, token_hash, send_email, invited_by, correlation_id, created_at) VALUES (?, ?, ?, "
                           "?, ?, 'PendingAcceptance', ?, ?, ?, ?, ?, ?)"),
            {invitationId, userId, mail, mail.toLower(), redirect, nonce, hashToken(token), sendEmail ? 1 : 0,
             m_ctx.op().userId, correlationId, now});
        if (!ins.ok()) {
            return ins.error();
        }
        if (sendEmail) {
            if (Status qs = queueMail(st, invitationId, mail.toLower(), userId, user->userPrincipalName, correlationId,
                                      &result.emailQueued, &result.emailSuppressedUnsubscribed);
                !qs.ok()) {
                return qs;
            }
        }
        auto base = portalBaseUrl(db);
        if (!base.ok()) {
            return base.error();
        }
        auto after = UserService::fetch(db, userId);
        if (!after.ok()) {
            return after.error();
        }
        result.invitationId = invitationId;
        result.invitedUser = *after;
        result.redeemUrl = *base + QStringLiteral("/redeem/") + token;
        result.redirectUrl = redirect;
        result.sendEmail = sendEmail;
        e.targetName = user->userPrincipalName;
        e.correlationId = correlationId;
        e.before = QJsonObject{{QStringLiteral("mail"), user->mail},
                               {QStringLiteral("externalUserState"),
                                user->externalUserState ? toString(*user->externalUserState) : QString()}};
        e.after = QJsonObject{{QStringLiteral("mail"), mail}, {QStringLiteral("externalUserState"),
                                                                QStringLiteral("PendingAcceptance")}};
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        if (s.error().code == ErrorCode::PolicyDenied) {
            return m_ctx.refuse(s.error(), e).error();
        }
        return s.error();
    }
    return result;
}

Status InvitationService::setSignInBlocked(const QString &userId, bool blocked) {
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto u = UserService::fetch(*c, userId);
    if (!u.ok()) {
        return u.error();
    }
    UserPatch p;
    p.accountEnabled = !blocked;
    auto r = UserService(m_ctx).update(userId, u->rowVersion, p);
    return r.ok() ? Status() : Status(r.error());
}

Status InvitationService::deleteGuest(const QString &userId) {
    AuditEntry e{activity::DeleteExternalUser, category::UserManagement, QStringLiteral("user")};
    e.targetId = userId;
    if (Status s = m_ctx.require(Permission::ManageGuests, e); !s.ok()) {
        return s;
    }
    return m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto user = UserService::fetch(db, userId);
        if (!user.ok()) {
            return user.error();
        }
        if (user->userType != UserType::Guest && !user->creationType) {
            return Error::invalid(tr("%1 is a member; only external users are deleted here.").arg(user->userPrincipalName));
        }
        // Deleting the user deletes its invitations (and so revokes every pending link) and memberships.
        auto d = Database::exec(db, QStringLiteral("DELETE FROM users WHERE id = ?"), {userId});
        if (!d.ok()) {
            return d.error();
        }
        e.targetName = user->userPrincipalName;
        e.before = user->toJson();
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
}

Status InvitationService::addToGroupOrApp(const QString &userId, const QString &objectId) {
    AuditEntry e{activity::AddGroupMember, category::GroupManagement, QStringLiteral("group")};
    e.targetId = objectId;
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto kind = GroupService::kindOf(*c, objectId);
    if (!kind.ok()) {
        return kind.error();
    }
    const bool app = *kind == QLatin1String("application");
    auto ctx = operatorContext(*c, m_ctx.op(), app ? QStringList() : QStringList{objectId},
                               app ? QStringList{objectId} : QStringList());
    if (!ctx.ok()) {
        return ctx.error();
    }
    if (!ctx->ownsAllTargets && !m_ctx.op().can(Permission::ManageGroupsAndApps)) {
        return m_ctx.refuse(Error::permissionDenied(tr("ownership of the group or application, or %1")
                                                        .arg(rolesGrantingText(Permission::ManageGroupsAndApps)),
                                                    permissionAction(Permission::ManageGroupsAndApps)),
                            e);
    }
    return m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        if (Status s = GroupService::addMemberTx(db, m_ctx.clock(), objectId, userId); !s.ok()) {
            return s;
        }
        if (app) {
            e.activity = activity::AddAppAssignment;
            e.category = category::ApplicationManagement;
            e.targetType = QStringLiteral("application");
        }
        e.after = QJsonObject{{QStringLiteral("member"), userId}};
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
}

Status InvitationService::setSponsors(const QString &userId, const QStringList &sponsorIds) {
    AuditEntry e{QStringLiteral("Update sponsors"), category::UserManagement, QStringLiteral("user")};
    e.targetId = userId;
    if (Status s = m_ctx.require(Permission::ManageSponsors, e); !s.ok()) {
        return s;
    }
    QStringList ids = sponsorIds;
    ids.removeDuplicates();
    if (ids.size() > kMaxSponsors) {
        return Error::invalid(tr("A guest has at most %1 sponsors.").arg(kMaxSponsors), QStringLiteral("sponsors"));
    }
    return m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto user = UserService::fetch(db, userId);
        if (!user.ok()) {
            return user.error();
        }
        auto d = Database::exec(db, QStringLiteral("DELETE FROM sponsors WHERE user_id = ?"), {userId});
        if (!d.ok()) {
            return d.error();
        }
        for (const QString &s : ids) {
            auto ins = Database::exec(
                db,
                QStringLiteral("INSERT INTO sponsors (user_id, sponsor_id, sponsor_type) SELECT ?, id, 'user' FROM users "
                               "WHERE id = ? UNION ALL SELECT ?, id, 'group' FROM directory_groups WHERE id = ?"),
                {userId, s, userId, s});
            if (!ins.ok()) {
                return ins.error();
            }
            if (ins->numRowsAffected() != 1) {
                return Error::invalid(tr("The sponsor %1 is neither a user nor a group of this directory.").arg(s),
                                      QStringLiteral("sponsors"));
            }
        }
        e.targetName = user->userPrincipalName;
        e.before = QJsonObject{{QStringLiteral("sponsors"), QJsonArray::fromStringList(user->sponsorIds)}};
        e.after = QJsonObject{{QStringLiteral("sponsors"), QJsonArray::fromStringList(ids)}};
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
}

} // namespace atrium::core
