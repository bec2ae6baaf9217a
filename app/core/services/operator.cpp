#include "core/services/operator.h"

#include "core/storage/database.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <pwd.h>
#include <unistd.h>

#include <algorithm>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::Operator", s); }
} // namespace

bool Operator::can(Permission p) const {
    if (!isKnown()) {
        return false;
    }
    if (p == Permission::ReadDirectory && userType == UserType::Member) {
        return true; // members read the directory, as in the model system's default user permissions
    }
    return rolesAllow(roles, p);
}

QString Operator::rolesText() const {
    if (roles.isEmpty()) {
        return tr("no role");
    }
    QList<Role> sorted(roles.begin(), roles.end());
    std::sort(sorted.begin(), sorted.end());
    QStringList names;
    for (Role r : sorted) {
        names << roleLabel(r);
    }
    return names.join(QStringLiteral(", "));
}

Result<Operator> Operator::load(QSqlDatabase &db, const QString &userId) {
    auto q = Database::exec(db,
                            QStringLiteral("SELECT id, display_name, user_principal_name, user_type, "
                                           "COALESCE(os_account, db_login, '') FROM users WHERE id = ? AND deleted_at IS NULL"),
                            {userId});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return Error::notFound(tr("The user %1").arg(userId));
    }
    Operator op;
    op.userId = q->value(0).toString();
    op.displayName = q->value(1).toString();
    op.userPrincipalName = q->value(2).toString();
    op.userType = userTypeFromString(q->value(3).toString()).value_or(UserType::Guest);
    op.boundAccount = q->value(4).toString();
    auto r = Database::exec(db, QStringLiteral("SELECT role FROM role_assignments WHERE user_id = ?"), {userId});
    if (!r.ok()) {
        return r.error();
    }
    while (r->next()) {
        if (auto role = roleFromString(r->value(0).toString())) {
            op.roles.insert(*role);
        }
    }
    return op;
}

Result<Operator> Operator::resolve(const Database &database) {
    auto c = database.connection();
    if (!c.ok()) {
        return c.error();
    }
    QSqlDatabase db = *c;
    QString account;
    QString sql;
    if (database.engine() == Engine::Sqlite) {
        account = currentOsAccount();
        sql = QStringLiteral("SELECT id FROM users WHERE os_account = ? AND deleted_at IS NULL");
    } else {
        QSqlQuery who(db);
        if (!who.exec(QStringLiteral("SELECT current_user")) || !who.next()) {
            return Database::sqlError(who.lastError(), tr("Reading the database login"));
        }
        account = who.value(0).toString();
        sql = QStringLiteral("SELECT id FROM users WHERE db_login = ? AND deleted_at IS NULL");
    }
    auto q = Database::exec(db, sql, {account});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        Operator unknown;
        unknown.boundAccount = account;
        return unknown; // not bound: may read nothing and change nothing; the console says so
    }
    return load(db, q->value(0).toString());
}

QString currentOsAccount() {
    if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_name) {
        return QString::fromLocal8Bit(pw->pw_name);
    }
    return qEnvironmentVariable("USER");
}

} // namespace atrium::core
