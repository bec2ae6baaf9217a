#include "core/services/roleservice.h"

#include "core/services/pgaccess.h"

#include <QCoreApplication>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::RoleService", s); }
} // namespace

QJsonObject RoleAssignment::toJson() const {
    return QJsonObject{{QStringLiteral("role"), roleKey(role)},
                       {QStringLiteral("roleDisplayName"), toString(role)},
                       {QStringLiteral("principalId"), userId},
                       {QStringLiteral("userPrincipalName"), userPrincipalName},
                       {QStringLiteral("displayName"), displayName},
                       {QStringLiteral("userType"), toString(userType)},
                       {QStringLiteral("assignedDateTime"), isoUtc(assignedAt)}};
}

Result<QString> RoleService::resolveUser(QSqlDatabase &db, const QString &userIdOrUpn) {
    auto q = Database::exec(db,
                            QStringLiteral("SELECT id FROM users WHERE (id = ? OR upn_lower = ?) AND deleted_at IS NULL"),
                            {userIdOrUpn.trimmed(), userIdOrUpn.trimmed().toLower()});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return Error::notFound(tr("The user %1").arg(userIdOrUpn));
    }
    return q->value(0).toString();
}

Result<QList<RoleAssignment>> RoleService::list() const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("List roles"), category::RoleManagement});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto q = Database::exec(*c, QStringLiteral("SELECT r.user_id, u.user_principal_name, u.display_name, u.user_type, "
                                               "r.role, r.assigned_at FROM role_assignments r JOIN users u ON u.id = "
                                               "r.user_id ORDER BY r.role, u.user_principal_name"));
    if (!q.ok()) {
        return q.error();
    }
    QList<RoleAssignment> out;
    while (q->next()) {
        RoleAssignment a;
        a.userId = q->value(0).toString();
        a.userPrincipalName = q->value(1).toString();
        a.displayName = q->value(2).toString();
        a.userType = userTypeFromString(q->value(3).toString()).value_or(UserType::Guest);
        a.role = roleFromString(q->value(4).toString()).value_or(Role::GlobalReader);
        a.assignedAt = q->value(5).toLongLong();
        out << a;
    }
    return out;
}

Status RoleService::assign(Role role, const QString &userIdOrUpn) {
    AuditEntry e{activity::AddRoleMember, category::RoleManagement, QStringLiteral("user")};
    e.targetName = userIdOrUpn;
    e.after = QJsonObject{{QStringLiteral("role"), toString(role)}};
    if (Status s = m_ctx.require(Permission::ManageRoles, e); !s.ok()) {
        return s;
    }
    return m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto id = resolveUser(db, userIdOrUpn);
        if (!id.ok()) {
            return id.error();
        }
        auto has = Database::exec(db, QStringLiteral("SELECT 1 FROM role_assignments WHERE user_id = ? AND role = ?"),
                                  {*id, roleKey(role)});
        if (!has.ok()) {
            return has.error();
        }
        if (has->next()) {
            return Error{ErrorCode::AlreadyExists, tr("%1 already has the role %2.").arg(userIdOrUpn, roleLabel(role)),
                         {}, {}, false};
        }
        auto r = Database::exec(db,
                                QStringLiteral("INSERT INTO role_assignments (user_id, role, assigned_at, assigned_by) "
                                               "VALUES (?, ?, ?, ?)"),
                                {*id, roleKey(role), m_ctx.clock().nowMs(), m_ctx.op().userId});
        if (!r.ok()) {
            return r.error();
        }
        e.targetId = *id;
        // On PostgreSQL the user's database login gets the role's group role now (SPEC §10, issue 8).
        if (Status s = PgAccess::syncUserMemberships(db, m_ctx.db().engine(), *id); !s.ok()) {
            return s;
        }
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
}

Status RoleService::remove(Role role, const QString &userIdOrUpn) {
    AuditEntry e{activity::RemoveRoleMember, category::RoleManagement, QStringLiteral("user")};
    e.targetName = userIdOrUpn;
    e.before = QJsonObject{{QStringLiteral("role"), toString(role)}};
    if (Status s = m_ctx.require(Permission::ManageRoles, e); !s.ok()) {
        return s;
    }
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto id = resolveUser(db, userIdOrUpn);
        if (!id.ok()) {
            return id.error();
        }
        e.targetId = *id; // the refusal below is audited with its target too
        if (role == Role::GlobalAdministrator) {
            auto n = Database::exec(db, QStringLiteral("SELECT COUNT(*) FROM role_assignments WHERE role = ?"),
                                    {roleKey(Role::GlobalAdministrator)});
            if (!n.ok()) {
                return n.error();
            }
            n->next();
            if (n->value(0).toInt() <= 1) {
                return Error::invalid(tr("%1 is the last Global Administrator; assign the role to someone else first.")
                                          .arg(userIdOrUpn));
            }
        }
        auto r = Database::exec(db, QStringLiteral("DELETE FROM role_assignments WHERE user_id = ? AND role = ?"),
                                {*id, roleKey(role)});
        if (!r.ok()) {
            return r.error();
        }
        if (r->numRowsAffected() == 0) {
            return Error::notFound(tr("The role %1 of %2").arg(roleLabel(role), userIdOrUpn));
        }
        // ... and loses its group role, so that PostgreSQL refuses what the role allowed.
        if (Status sync = PgAccess::syncUserMemberships(db, m_ctx.db().engine(), *id); !sync.ok()) {
            return sync;
        }
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok() && s.error().code == ErrorCode::Invalid) {
        return m_ctx.refuse(s.error(), e);
    }
    return s;
}

} // namespace atrium::core
