#include "core/services/overviewservice.h"

namespace atrium::core {

QJsonObject OverviewCounts::toJson() const {
    return QJsonObject{{QStringLiteral("members"), members},
                       {QStringLiteral("guests"), guests},
                       {QStringLiteral("guestsPendingAcceptance"), guestsPending},
                       {QStringLiteral("guestsAccepted"), guestsAccepted},
                       {QStringLiteral("guestsPendingOver7Days"), guestsPendingOver7Days},
                       {QStringLiteral("guestsSignInBlocked"), guestsSignInBlocked},
                       {QStringLiteral("groups"), groups},
                       {QStringLiteral("applications"), applications},
                       {QStringLiteral("builtInIdentityProviders"), builtInIdentityProviders},
                       {QStringLiteral("configuredIdentityProviders"), configuredIdentityProviders},
                       {QStringLiteral("partners"), partners}};
}

Result<OverviewCounts> OverviewService::counts() const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Read overview"), category::DirectoryManagement});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    const qint64 weekAgo = m_ctx.clock().nowMs() - qint64(7) * 24 * 3600 * 1000;
    auto q = Database::exec(
        *c,
        QStringLiteral(
            "SELECT "
            "(SELECT COUNT(*) FROM users WHERE user_type = 'Member' AND deleted_at IS NULL), "
            "(SELECT COUNT(*) FROM users WHERE user_type = 'Guest' AND deleted_at IS NULL), "
            "(SELECT COUNT(*) FROM users WHERE user_type = 'Guest' AND external_user_state = 'PendingAcceptance' AND "
            "deleted_at IS NULL), "
            "(SELECT COUNT(*) FROM users WHERE user_type = 'Guest' AND external_user_state = 'Accepted' AND deleted_at "
            "IS NULL), "
            "(SELECT COUNT(*) FROM users WHERE user_type = 'Guest' AND external_user_state = 'PendingAcceptance' AND "
            "created_at < ? AND deleted_at IS NULL), "
            "(SELECT COUNT(*) FROM users WHERE user_type = 'Guest' AND account_enabled = 0 AND deleted_at IS NULL), "
            "(SELECT COUNT(*) FROM directory_groups), (SELECT COUNT(*) FROM applications), "
            "(SELECT COUNT(*) FROM cross_tenant_partners), (SELECT COUNT(*) FROM identity_providers)"),
        {weekAgo});
    if (!q.ok()) {
        return q.error();
    }
    OverviewCounts o;
    if (q->next()) {
        o.members = q->value(0).toLongLong();
        o.guests = q->value(1).toLongLong();
        o.guestsPending = q->value(2).toLongLong();
        o.guestsAccepted = q->value(3).toLongLong();
        o.guestsPendingOver7Days = q->value(4).toLongLong();
        o.guestsSignInBlocked = q->value(5).toLongLong();
        o.groups = q->value(6).toLongLong();
        o.applications = q->value(7).toLongLong();
        o.partners = q->value(8).toLongLong();
        o.configuredIdentityProviders = q->value(9).toLongLong();
    }
    return o;
}

} // namespace atrium::core
