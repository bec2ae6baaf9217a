#pragma once

#include "core/base/enums.h"
#include "core/base/result.h"
#include "core/storage/connectioninfo.h"

#include <QSqlDatabase>
#include <QStringList>

namespace atrium::core {

// Database-enforced separation on PostgreSQL: what a login may do is decided by PostgreSQL itself,
// not only by the service layer, so a lesser operator with psql cannot do more than the console
// lets them.
//
// - One NOLOGIN group role per directory role (groupRoleFor), plus atrium_operator for everyone.
// - Per-table GRANTs (applyGrants): everyone reads the directory and may INSERT audit rows (never
//   UPDATE/DELETE/TRUNCATE, on top of the append-only triggers); only the Global Administrator group
//   writes settings, role_assignments, directory and verified_domains; the Security Administrator
//   group writes the cross-tenant tables; the invitation path (users of type Guest, identities,
//   sponsors, invitations, outbox) is open to every operator because allowInvitesFrom decides it.
// - Row-level security where rows differ: a Helpdesk Administrator may UPDATE only users.account_enabled
//   (and the redemption columns) of users who hold no directory role; an operator who is not a
//   User/Global Administrator may INSERT only users of type Guest; Security and External Identity
//   Provider Administrators may write only the "collaboration" settings row (email OTP, leave setting).
// - The schema belongs to the administrative role that ran the migrations (it bypasses RLS as owner);
//   applyGrants runs as that role (it needs CREATEROLE to create the group roles once per cluster).
class PgAccess final {
public:
    static QString operatorRole() { return QStringLiteral("atrium_operator"); }
    static QString groupRoleFor(Role role);
    static QStringList allGroupRoles(); // operatorRole() first

    // Creates the group roles that are missing and (re)applies GRANTs and policies to every table of
    // the directory. Idempotent; run again after a migration adds tables.
    static Status applyGrants(QSqlDatabase &db);
    // Creates the login (or sets its password when it exists), binds it to the user (users.db_login)
    // and syncs its group roles. The password goes to PostgreSQL only, never to a file or the log.
    static Status createOperatorLogin(QSqlDatabase &db, const QString &login, const QString &password,
                                      const QString &userId);
    // Grants the login the group roles of its user's directory roles and revokes the others (a Global
    // Administrator's login gets atrium_global_admin WITH ADMIN OPTION, so that it can assign roles).
    // Runs as the schema owner or as a Global Administrator's login.
    static Status syncMemberships(QSqlDatabase &db, const QString &login);
    // After a directory role of `userId` changed (RoleService, same transaction): on PostgreSQL, syncs
    // the memberships of the user's database login, if it has one and the Atrium group roles exist.
    // Nothing to do on SQLite, for the schema owner's login (not an operator login name) or before
    // applyGrants ever ran.
    static Status syncUserMemberships(QSqlDatabase &db, Engine engine, const QString &userId);
    // A login name PostgreSQL takes unquoted: [a-z_][a-z0-9_$]{0,62}.
    static bool isValidLogin(const QString &login);
};

} // namespace atrium::core
