#include "core/invitations/outboxsender.h"

#include "core/base/logging.h"
#include "core/invitations/invitationtoken.h"
#include "core/mail/invitationmail.h"
#include "core/mail/mailtransport.h"
#include "core/mail/passcodemail.h"
#include "core/mail/smtpsettings.h"
#include "core/mail/smtptransport.h"
#include "core/secrets/secretstore.h"
#include "core/services/audit.h"
#include "core/services/directoryservice.h"
#include "core/services/settingsservice.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace atrium::core {
namespace {
QString tr(const char *s) {
    return QCoreApplication::translate("atrium::core::OutboxSender", s);
}

struct OutboxItem {
    enum class Kind { Invitation, Passcode };
    Kind kind = Kind::Invitation;
    qint64 id = 0;
    int attempts = 0;
    QString recipient;
    QString invitationId;
    QString nonce;
    QString redirectUrl;
    QString message;
    QString cc;
    QString language;
    QString inviteeName;
    QString inviterName;
    QString inviterMail;
    QString userId;
    QString upn;
    QString correlationId;
    // kind Passcode
    QString passcodeId;
    qint64 passcodeCreatedAt = 0;
    qint64 passcodeExpiresAt = 0;
    bool passcodeSpent = false; // used or superseded: a stale code is never mailed
};
Result<MailMessage> renderInvitation(const OutboxItem &it, const QByteArray &key, const DirectoryInfo &info,
                                     const QString &baseUrl, const MailAddress &from) {
    const QString token = deriveToken(key, QStringLiteral("invite"), it.invitationId, it.nonce);
    InvitationMailData data;
    data.inviterName = it.inviterName.isEmpty() ? info.displayName : it.inviterName;
    data.inviterEmail = it.inviterMail;
    data.organizationName = info.displayName;
    data.inviteeEmail = it.recipient;
    data.inviteeName = it.inviteeName;
    data.personalMessage = it.message;
    data.acceptUrl = baseUrl + QStringLiteral("/redeem/") + token;
    data.redirectUrl = it.redirectUrl;
    data.privacyStatementUrl = info.privacyStatementUrl;
    data.unsubscribeUrl = baseUrl + QStringLiteral("/unsubscribe/") + token;
    data.language = it.language;
    auto mail = renderInvitationMail(data, from);
    if (mail.ok()) {
        if (!it.cc.isEmpty()) {
            mail->cc << MailAddress{it.cc, {}};
        }
        // Deterministic Message-ID: a duplicate after a crash is recognisable as the same mail.
        mail->messageId = QStringLiteral("outbox-%1-%2@%3").arg(it.id).arg(it.invitationId, info.initialDomain);
    }
    return mail;
}
} // namespace

QJsonObject DrainReport::toJson() const {
    return QJsonObject{{QStringLiteral("sent"), sent},
                       {QStringLiteral("retrying"), retrying},
                       {QStringLiteral("failed"), failed},
                       {QStringLiteral("pending"), pending},
                       {QStringLiteral("lastError"), lastError}};
}

OutboxSender::OutboxSender(std::shared_ptr<Database> db, std::shared_ptr<const Clock> clock,
                           std::shared_ptr<SecretStore> secrets, std::shared_ptr<MailTransport> transport,
                           MailAddress from, OutboxOptions options)
    : m_db(std::move(db)), m_clock(std::move(clock)), m_secrets(std::move(secrets)), m_transport(std::move(transport)),
      m_from(std::move(from)), m_options(options) {}

QString OutboxSender::smtpPasswordSecretName(const QString &tenantId) {
    return QStringLiteral("%1/smtp-password").arg(tenantId);
}

Result<std::shared_ptr<MailTransport>> OutboxSender::transportFromSettings(Database &db, SecretStore &secrets,
                                                                           MailAddress *from) {
    auto c = db.connection();
    if (!c.ok()) {
        return c.error();
    }
    auto json = SettingsService::read(*c, settingkey::Smtp);
    if (!json.ok()) {
        return json.error();
    }
    const QJsonObject o = QJsonDocument::fromJson(json->toUtf8()).object();
    if (o.isEmpty()) {
        return Error::invalid(tr("No SMTP server is configured. Set one in the console (Settings ▸ Mail) or with "
                                 "atriumctl settings set smtp '{\"host\": ..., \"port\": 587, ...}'."),
                              settingkey::Smtp);
    }
    auto settings = SmtpSettings::fromJson(o);
    if (!settings.ok()) {
        return settings.error();
    }
    QString password;
    if (!settings->username.isEmpty()) {
        auto info = DirectoryService::read(db);
        if (!info.ok()) {
            return info.error();
        }
        auto pw = secrets.read(smtpPasswordSecretName(info->tenantId));
        if (!pw.ok()) {
            if (pw.error().code == ErrorCode::NotFound) {
                return Error{ErrorCode::Secret,
                             tr("The SMTP password is not in the keychain; enter it in the console's mail settings "
                                "or with atriumctl mail set-password."),
                             {},
                             {},
                             false};
            }
            return pw.error();
        }
        password = *pw;
    }
    if (from) {
        *from = MailAddress{settings->fromAddress, settings->fromName};
    }
    return std::shared_ptr<MailTransport>(std::make_shared<SmtpTransport>(*settings, password));
}

Result<DrainReport> OutboxSender::drainOnce(int maxMessages) {
    DrainReport report;
    auto info = DirectoryService::read(*m_db);
    if (!info.ok()) {
        return info.error();
    }
    auto key = TokenKey::load(*m_secrets, info->tenantId);
    if (!key.ok()) {
        return key.error();
    }
    auto c = m_db->connection();
    if (!c.ok()) {
        return c.error();
    }
    auto baseUrl = SettingsService::read(*c, settingkey::PortalBaseUrl);
    if (!baseUrl.ok()) {
        return baseUrl.error();
    }
    const qint64 now = m_clock->nowMs();
    auto due = Database::exec(
        *c,
        QStringLiteral("SELECT o.id, o.attempts, o.recipient, i.id, i.token_nonce, i.redirect_url, i.message, i.cc, "
                       "i.language, u.display_name, COALESCE(s.display_name, ''), COALESCE(s.mail, ''), u.id, "
                       "u.user_principal_name, i.correlation_id FROM outbox o JOIN invitations i ON i.id = "
                       "o.invitation_id JOIN users u ON u.id = i.user_id LEFT JOIN users s ON s.id = i.invited_by "
                       "WHERE o.status = 'pending' AND o.kind = 'invitation' AND o.next_attempt_at <= ? ORDER BY o.id "
                       "LIMIT ?"),
        {now, maxMessages});
    if (!due.ok()) {
        return due.error();
    }
    QList<OutboxItem> items;
    // Passcodes first: they expire within minutes, invitations do not.
    auto dueCodes = Database::exec(
        *c,
        QStringLiteral("SELECT o.id, o.attempts, o.recipient, p.id, p.code_nonce, p.created_at, p.expires_at, "
                       "COALESCE(u.display_name, ''), COALESCE(i.language, 'en'), CASE WHEN p.used_at IS NULL AND "
                       "p.superseded_at IS NULL THEN 0 ELSE 1 END, COALESCE(u.id, ''), "
                       "COALESCE(u.user_principal_name, '') FROM outbox o JOIN passcodes p ON p.id = o.passcode_id "
                       "LEFT JOIN users u ON u.id = p.user_id LEFT JOIN invitations i ON i.id = p.invitation_id "
                       "WHERE o.status = 'pending' AND o.kind = 'passcode' AND o.next_attempt_at <= ? ORDER BY o.id "
                       "LIMIT ?"),
        {now, maxMessages});
    if (!dueCodes.ok()) {
        return dueCodes.error();
    }
    while (dueCodes->next()) {
        OutboxItem it;
        it.kind = OutboxItem::Kind::Passcode;
        it.id = dueCodes->value(0).toLongLong();
        it.attempts = dueCodes->value(1).toInt();
        it.recipient = dueCodes->value(2).toString();
        it.passcodeId = dueCodes->value(3).toString();
        it.nonce = dueCodes->value(4).toString();
        it.passcodeCreatedAt = dueCodes->value(5).toLongLong();
        it.passcodeExpiresAt = dueCodes->value(6).toLongLong();
        it.inviteeName = dueCodes->value(7).toString();
        it.language = dueCodes->value(8).toString();
        it.passcodeSpent = dueCodes->value(9).toInt() != 0;
        it.userId = dueCodes->value(10).toString();
        it.upn = dueCodes->value(11).toString();
        items << it;
    }
    dueCodes->finish();
    while (due->next() && items.size() < maxMessages) {
        OutboxItem it;
        it.id = due->value(0).toLongLong();
        it.attempts = due->value(1).toInt();
        it.recipient = due->value(2).toString();
        it.invitationId = due->value(3).toString();
        it.nonce = due->value(4).toString();
        it.redirectUrl = due->value(5).toString();
        it.message = due->value(6).toString();
        it.cc = due->value(7).toString();
        it.language = due->value(8).toString();
        it.inviteeName = due->value(9).toString();
        it.inviterName = due->value(10).toString();
        it.inviterMail = due->value(11).toString();
        it.userId = due->value(12).toString();
        it.upn = due->value(13).toString();
        it.correlationId = due->value(14).toString();
        items << it;
    }
    due->finish();
    for (const OutboxItem &it : items) {
        // Claim: only one sender gets it (compare-and-swap on status and due time, plus a lease).
        const qint64 claimNow = m_clock->nowMs();
        auto claim = m_db->transaction<bool>([&](QSqlDatabase &db) -> Result<bool> {
            auto r = Database::exec(db,
                                    QStringLiteral("UPDATE outbox SET next_attempt_at = ?, attempts = attempts + 1 "
                                                   "WHERE id = ? AND status = 'pending' AND next_attempt_at <= ?"),
                                    {claimNow + qint64(m_options.leaseSecs) * 1000, it.id, claimNow});
            if (!r.ok()) {
                return r.error();
            }
            return r->numRowsAffected() == 1;
        });
        if (!claim.ok()) {
            return claim.error();
        }
        if (!*claim) {
            continue;
        }
        if (it.kind == OutboxItem::Kind::Passcode) {
            // A code that was used, replaced by a newer one or has expired is not worth a mail.
            if (it.passcodeSpent || it.passcodeExpiresAt <= claimNow) {
                const Status cancel = m_db->transaction([&](QSqlDatabase &db) -> Status {
                    auto r = Database::exec(db, QStringLiteral("UPDATE outbox SET status = 'cancelled' WHERE id = ?"),
                                            {it.id});
                    return r.ok() ? Status() : Status(r.error());
                });
                if (!cancel.ok()) {
                    return cancel.error();
                }
                continue;
            }
        }
        Result<MailMessage> mail = Error{};
        if (it.kind == OutboxItem::Kind::Passcode) {
            PasscodeMailData data;
            data.organizationName = info->displayName;
            data.recipientEmail = it.recipient;
            data.recipientName = it.inviteeName;
            data.code = derivePasscode(*key, it.passcodeId, it.nonce);
            data.validMinutes = int((it.passcodeExpiresAt - it.passcodeCreatedAt + 59999) / 60000);
            data.language = it.language;
            mail = renderPasscodeMail(data, m_from);
            if (mail.ok()) {
                mail->messageId = QStringLiteral("outbox-%1-%2@%3").arg(it.id).arg(it.passcodeId, info->initialDomain);
            }
        } else {
            mail = renderInvitation(it, *key, *info, *baseUrl, m_from);
        }
        Status sent = mail.ok() ? Status() : Status(mail.error());
        if (sent.ok()) {
            sent = m_transport->send(*mail);
        }
        const qint64 after = m_clock->nowMs();
        const Status mark = m_db->transaction([&](QSqlDatabase &db) -> Status {
            if (sent.ok()) {
                auto r = Database::exec(db,
                                        QStringLiteral("UPDATE outbox SET status = 'sent', sent_at = ?, "
                                                       "last_error = '' WHERE id = ?"),
                                        {after, it.id});
                return r.ok() ? Status() : Status(r.error());
            }
            const int attempts = it.attempts + 1;
            const bool permanent = !sent.error().transient || attempts >= m_options.maxAttempts;
            const qint64 backoff =
                qMin<qint64>(qint64(m_options.baseBackoffSecs) << qMin(attempts - 1, 20), m_options.maxBackoffSecs);
            auto r = Database::exec(db,
                                    QStringLiteral("UPDATE outbox SET status = ?, next_attempt_at = ?, last_error = ? "
                                                   "WHERE id = ?"),
                                    {permanent ? QStringLiteral("failed") : QStringLiteral("pending"),
                                     after + backoff * 1000, sent.error().message.left(1000), it.id});
            if (!r.ok()) {
                return r.error();
            }
            if (permanent && it.kind == OutboxItem::Kind::Invitation) {
                // The invitation itself stays redeemable (the link can be copied); the audit says the mail failed.
                AuditEntry e{QStringLiteral("Send invitation email"), category::Invitations, QStringLiteral("user")};
                e.targetId = it.userId;
                e.targetName = it.upn;
                e.result = QStringLiteral("failure");
                e.reason = sent.error().message.left(1000);
                e.correlationId = it.correlationId;
                Operator system;
                return AuditLog::append(db, *m_clock, system, e);
            }
            return {};
        });
        if (!mark.ok()) {
            return mark.error();
        }
        if (sent.ok()) {
            ++report.sent;
        } else {
            report.lastError = sent.error().message;
            if (!sent.error().transient || it.attempts + 1 >= m_options.maxAttempts) {
                ++report.failed;
            } else {
                ++report.retrying;
            }
            qCWarning(lcMail) << "sending outbox message" << it.id << "failed:" << sent.error().message;
            if (sent.error().transient) {
                break; // the server is down or busy: leave the rest for the next run
            }
        }
    }
    auto left = Database::exec(*c, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'pending'"));
    if (left.ok() && left->next()) {
        report.pending = left->value(0).toInt();
    }
    return report;
}

} // namespace atrium::core
