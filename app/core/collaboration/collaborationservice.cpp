#include "core/collaboration/collaborationservice.h"

#include "core/invitations/invitationservice.h"
#include "core/services/audit.h"
#include "core/services/settingsservice.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::CollaborationService", s); }

struct Stored {
    CollaborationSettings settings;
    qint64 rowVersion = 0;
    bool hasPrivacy = false;
};

// Reads the settings row (or the defaults) and the directory's privacy facts in one connection.
Result<Stored> readStored(QSqlDatabase &db) {
    Stored out;
    auto q = Database::exec(db, QStringLiteral("SELECT value, row_version FROM settings WHERE key = ?"),
                            {settingkey::Collaboration});
    if (!q.ok()) {
        return q.error();
    }
    if (q->next()) {
        auto parsed = CollaborationSettings::fromJson(QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object());
        if (!parsed.ok()) {
            return parsed.error();
        }
        out.settings = *parsed;
        out.rowVersion = q->value(1).toLongLong();
    }
    auto d = Database::exec(db, QStringLiteral("SELECT privacy_statement_url, privacy_contact FROM directory WHERE id = 1"));
    if (!d.ok()) {
        return d.error();
    }
    if (d->next()) {
        out.hasPrivacy = !d->value(0).toString().trimmed().isEmpty() || !d->value(1).toString().trimmed().isEmpty();
    }
    return out;
}

QString compact(const CollaborationSettings &s) {
    return QString::fromUtf8(QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact));
}
} // namespace

CollaborationService::CollaborationService(ServiceContext ctx, std::shared_ptr<SecretStore> secrets)
    : m_ctx(std::move(ctx)), m_secrets(std::move(secrets)) {}

Permission CollaborationService::permissionFor(CollaborationField field) {
    switch (field) {
    case CollaborationField::EmailOtp:
        return Permission::EditEmailOtpSetting;
    case CollaborationField::Leave:
        return Permission::EditLeaveSetting;
    case CollaborationField::GuestUserAccess:
    case CollaborationField::AllowInvitesFrom:
    case CollaborationField::SelfServiceSignUp:
    case CollaborationField::Restrictions:
        break;
    }
    return Permission::EditCollaborationSettings;
}

QString CollaborationService::fieldKey(CollaborationField field) {
    switch (field) {
    case CollaborationField::GuestUserAccess:
        return QStringLiteral("guestUserAccess");
    case CollaborationField::AllowInvitesFrom:
        return QStringLiteral("allowInvitesFrom");
    case CollaborationField::SelfServiceSignUp:
        return QStringLiteral("selfServiceSignUpEnabled");
    case CollaborationField::Leave:
        return QStringLiteral("allowExternalUsersToLeave");
    case CollaborationField::Restrictions:
        return QStringLiteral("restriction");
    case CollaborationField::EmailOtp:
        return QStringLiteral("emailOtpEnabled");
    }
    return {};
}

QList<CollaborationField> CollaborationService::changedFields(const CollaborationSettings &a,
                                                              const CollaborationSettings &b) {
    QList<CollaborationField> out;
    if (a.guestUserAccess != b.guestUserAccess) {
        out << CollaborationField::GuestUserAccess;
    }
    if (a.allowInvitesFrom != b.allowInvitesFrom) {
        out << CollaborationField::AllowInvitesFrom;
    }
    if (a.selfServiceSignUpEnabled != b.selfServiceSignUpEnabled) {
        out << CollaborationField::SelfServiceSignUp;
    }
    if (a.allowExternalUsersToLeave != b.allowExternalUsersToLeave) {
        out << CollaborationField::Leave;
    }
    if (a.restriction != b.restriction || a.domains != b.domains) {
        out << CollaborationField::Restrictions;
    }
    if (a.emailOtpEnabled != b.emailOtpEnabled) {
        out << CollaborationField::EmailOtp;
    }
    return out;
}

Result<CollaborationSnapshot> CollaborationService::read() const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Read setting"), category::Policy});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto stored = readStored(*c);
    if (!stored.ok()) {
        return stored.error();
    }
    return CollaborationSnapshot{stored->settings, stored->rowVersion, stored->hasPrivacy};
}

Result<ImpactPreview> CollaborationService::previewImpact(const CollaborationSettings &proposed, int pageSize) const {
    auto current = read();
    if (!current.ok()) {
        return current.error();
    }
    return previewImpact(current->settings, proposed, pageSize);
}

Result<ImpactPreview> CollaborationService::previewImpact(const CollaborationSettings &before,
                                                          const CollaborationSettings &after, int pageSize) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Preview setting"), category::Policy});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    return ImpactCalculator::compute(*c, before, after, pageSize);
}

Result<CollaborationSnapshot> CollaborationService::save(const CollaborationSettings &proposed,
                                                         qint64 expectedRowVersion) {
    AuditEntry e{activity::UpdateSetting, category::Policy, QStringLiteral("setting")};
    e.targetId = settingkey::Collaboration;
    e.targetName = settingkey::Collaboration;
    if (Status v = proposed.validate(); !v.ok()) {
        return v.error();
    }
    CollaborationSnapshot result;
    // Refusals are found inside the transaction (against the row that is really there) and audited
    // after its rollback, in a transaction of their own.
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto cur = readStored(db);
        if (!cur.ok()) {
            return cur.error();
        }
        if (cur->rowVersion != std::max<qint64>(0, expectedRowVersion)) {
            return Error::conflict(tr("The external collaboration settings"));
        }
        const QList<CollaborationField> changed = changedFields(cur->settings, proposed);
        for (CollaborationField f : changed) {
            const Permission p = permissionFor(f);
            if (!m_ctx.op().can(p)) {
                Error err = Error::permissionDenied(rolesGrantingText(p), permissionAction(p));
                err.field = fieldKey(f);
                return err;
            }
        }
        if (changed.contains(CollaborationField::Leave) && proposed.allowExternalUsersToLeave && !cur->hasPrivacy) {
            return Error::invalid(tr("External users can only be allowed to remove themselves when the directory "
                                     "has a privacy contact or a privacy statement URL: a guest must know whom to "
                                     "ask about their data. Set one in the directory properties first."),
                                  fieldKey(CollaborationField::Leave));
        }
        result = CollaborationSnapshot{proposed, cur->rowVersion, cur->hasPrivacy};
        if (changed.isEmpty()) {
            return {}; // nothing to write, nothing to audit
        }
        const qint64 now = m_ctx.clock().nowMs();
        Result<QSqlQuery> w = Error{};
        if (cur->rowVersion > 0) {
            w = Database::exec(db,
                               QStringLiteral("UPDATE settings SET value = ?, updated_at = ?, row_version = "
                                              "row_version + 1 WHERE key = ? AND row_version = ?"),
                               {compact(proposed), now, settingkey::Collaboration, cur->rowVersion});
        } else {
            w = Database::exec(
                db, QStringLiteral("INSERT INTO settings (key, value, updated_at, row_version) VALUES (?, ?, ?, 1)"),
                {settingkey::Collaboration, compact(proposed), now});
        }
        if (!w.ok()) {
            if (w.error().code == ErrorCode::AlreadyExists) {
                return Error::conflict(tr("The external collaboration settings"));
            }
            return w.error();
        }
        if (w->numRowsAffected() != 1) {
            return Error::conflict(tr("The external collaboration settings"));
        }
        result.rowVersion = cur->rowVersion + 1;
        e.before = cur->settings.toJson();
        e.after = proposed.toJson();
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        const ErrorCode code = s.error().code;
        if (code == ErrorCode::PermissionDenied || code == ErrorCode::Conflict || code == ErrorCode::Invalid) {
            e.after = proposed.toJson();
            return m_ctx.refuse(s.error(), e).error();
        }
        return s.error();
    }
    return result;
}

Result<PolicyDecision> CollaborationService::whatIfInvite(const QString &email) const {
    InvitationService invitations(m_ctx, m_secrets);
    return invitations.whatIfInvite(email, m_ctx.op());
}

} // namespace atrium::core
