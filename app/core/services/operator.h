#pragma once

#include "core/base/enums.h"
#include "core/base/result.h"
#include "core/services/permissions.h"

#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace atrium::core {

class Database;

// Who is acting. On SQLite it is the OS account bound to a directory user when the directory was
// created (the creator becomes Global Administrator); on PostgreSQL the database login bound to a
// directory user. Every service call knows its operator.
struct Operator {
    QString userId;
    QString displayName;
    QString userPrincipalName;
    UserType userType = UserType::Member;
    QSet<Role> roles;
    QString boundAccount; // OS account or database login that maps to this user

    bool isKnown() const { return !userId.isEmpty(); }
    bool can(Permission p) const;
    QString rolesText() const; // "Global Administrator, Guest Inviter" or "no role"

    // The operator for a directory user (roles read from role_assignments).
    static Result<Operator> load(QSqlDatabase &db, const QString &userId);
    // The operator bound to this OS account (SQLite) or to the current database login (PostgreSQL).
    static Result<Operator> resolve(const Database &database);
};

// The OS account this process runs as.
QString currentOsAccount();

} // namespace atrium::core
