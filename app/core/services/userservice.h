#pragma once

#include "core/services/servicecontext.h"
#include "core/services/user.h"

namespace atrium::core {

struct NewMember {
    QString displayName;
    QString userPrincipalName; // local@<a verified domain>
    QString mail;              // optional
};

struct UserPatch {
    std::optional<QString> displayName;
    std::optional<bool> accountEnabled;
    std::optional<UserType> userType; // Member <-> Guest conversion
};

struct UserQuery {
    std::optional<UserType> userType;
    int limit = 1000;
};

class UserService final {
public:
    explicit UserService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    Result<User> addMember(const NewMember &m);
    Result<User> get(const QString &id) const;
    Result<QList<User>> list(const UserQuery &query) const;
    // Compare-and-swap on the row version: a stale version is a Conflict ("changed by someone else").
    Result<User> update(const QString &id, qint64 expectedRowVersion, const UserPatch &patch);

    // Loads identities and sponsors of the given users (one query each, never per row).
    static Status loadDetails(QSqlDatabase &db, QList<User> &users);
    static Result<User> fetch(QSqlDatabase &db, const QString &id);

private:
    ServiceContext m_ctx;
};

} // namespace atrium::core
