#pragma once

#include "core/services/servicecontext.h"

namespace atrium::core {

struct RoleAssignment {
    QString userId;
    QString userPrincipalName;
    QString displayName;
    UserType userType = UserType::Member;
    Role role = Role::GlobalReader;
    qint64 assignedAt = 0;
    QJsonObject toJson() const;
};

class RoleService final {
public:
    explicit RoleService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    Result<QList<RoleAssignment>> list() const;
    Status assign(Role role, const QString &userIdOrUpn);
    // The last Global Administrator cannot be removed.
    Status remove(Role role, const QString &userIdOrUpn);

    // Accepts a user id or a user principal name.
    static Result<QString> resolveUser(QSqlDatabase &db, const QString &userIdOrUpn);

private:
    ServiceContext m_ctx;
};

} // namespace atrium::core
