#include "core/audit/inactiveguests.h"

#include "core/services/settingsservice.h"
#include "core/storage/database.h"

namespace atrium::core {
namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
AuditEntry readAttempt() { return {QStringLiteral("Read inactive guests report"), category::UserManagement}; }
} // namespace

Result<int> InactiveGuestsReport::configuredDays() const {
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto v = SettingsService::read(*c, settingkey::InactiveGuestDays);
    if (!v.ok()) {
        return v.error();
    }
    bool ok = false;
    const int days = v->toInt(&ok);
    return ok && days > 0 ? days : 90;
}

Result<QList<InactiveGuest>> InactiveGuestsReport::inactiveGuests(int days, int limit) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, readAttempt()); !s.ok()) {
        return s.error();
    }
    if (days <= 0) {
        auto configured = configuredDays();
        if (!configured.ok()) {
            return configured.error();
        }
        days = *configured;
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    const qint64 now = m_ctx.clock().nowMs();
    // The expression matches index users_guest_activity (migration 007) exactly.
    auto q = Database::exec(*c,
                            QStringLiteral("SELECT id, display_name, user_principal_name, COALESCE(mail, ''), created_at, "
                                           "COALESCE(last_sign_in_at, 0), account_enabled FROM users "
                                           "WHERE user_type = 'Guest' AND deleted_at IS NULL "
                                           "AND COALESCE(last_sign_in_at, created_at) < ? "
                                           "ORDER BY COALESCE(last_sign_in_at, created_at), id LIMIT ?"),
                            {now - qint64(days) * kDayMs, limit});
    if (!q.ok()) {
        return q.error();
    }
    QList<InactiveGuest> out;
    while (q->next()) {
        InactiveGuest g;
        g.id = q->value(0).toString();
        g.displayName = q->value(1).toString();
        g.userPrincipalName = q->value(2).toString();
        g.mail = q->value(3).toString();
        g.createdAt = q->value(4).toLongLong();
        g.lastSignInAt = q->value(5).toLongLong();
        g.accountEnabled = q->value(6).toInt() != 0;
        g.inactiveDays = int((now - (g.lastSignInAt > 0 ? g.lastSignInAt : g.createdAt)) / kDayMs);
        out << g;
    }
    return out;
}

Result<QList<PendingInvitation>> InactiveGuestsReport::unredeemedInvitations(int minAgeDays, int limit) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, readAttempt()); !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    const qint64 now = m_ctx.clock().nowMs();
    auto q = Database::exec(*c,
                            QStringLiteral("SELECT i.id, i.user_id, u.display_name, i.invited_email, "
                                           "COALESCE(inviter.user_principal_name, i.invited_by, ''), i.created_at "
                                           "FROM invitations i JOIN users u ON u.id = i.user_id "
                                           "LEFT JOIN users inviter ON inviter.id = i.invited_by "
                                           "WHERE i.status = 'PendingAcceptance' AND i.redeemed_at IS NULL "
                                           "AND u.deleted_at IS NULL AND i.created_at <= ? "
                                           "ORDER BY i.created_at, i.id LIMIT ?"),
                            {now - qint64(qMax(0, minAgeDays)) * kDayMs, limit});
    if (!q.ok()) {
        return q.error();
    }
    QList<PendingInvitation> out;
    while (q->next()) {
        PendingInvitation i;
        i.invitationId = q->value(0).toString();
        i.userId = q->value(1).toString();
        i.displayName = q->value(2).toString();
        i.invitedEmail = q->value(3).toString();
        i.invitedBy = q->value(4).toString();
        i.createdAt = q->value(5).toLongLong();
        i.ageDays = int((now - i.createdAt) / kDayMs);
        out << i;
    }
    return out;
}

QStringList InactiveGuestsReport::inactiveCsvHeader() {
    return {QStringLiteral("id"),        QStringLiteral("displayName"),        QStringLiteral("userPrincipalName"),
            QStringLiteral("mail"),      QStringLiteral("createdDateTime"),    QStringLiteral("lastSignInDateTime"),
            QStringLiteral("accountEnabled"), QStringLiteral("inactiveDays")};
}

QStringList InactiveGuestsReport::inactiveCsvRecord(const InactiveGuest &g) {
    return {g.id,
            g.displayName,
            g.userPrincipalName,
            g.mail,
            isoUtc(g.createdAt),
            g.lastSignInAt > 0 ? isoUtc(g.lastSignInAt) : QString(),
            g.accountEnabled ? QStringLiteral("true") : QStringLiteral("false"),
            QString::number(g.inactiveDays)};
}

QStringList InactiveGuestsReport::invitationCsvHeader() {
    return {QStringLiteral("invitationId"), QStringLiteral("userId"),    QStringLiteral("displayName"),
            QStringLiteral("invitedEmail"), QStringLiteral("invitedBy"), QStringLiteral("createdDateTime"),
            QStringLiteral("ageDays")};
}

QStringList InactiveGuestsReport::invitationCsvRecord(const PendingInvitation &i) {
    return {i.invitationId, i.userId,           i.displayName,
            i.invitedEmail, i.invitedBy,        isoUtc(i.createdAt),
            QString::number(i.ageDays)};
}

} // namespace atrium::core
