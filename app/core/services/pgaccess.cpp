#include "core/services/pgaccess.h"

#include "core/storage/database.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::PgAccess", s); }

// The statement is built by PostgreSQL's format() from bound values (%I identifiers, %L literals):
// role names and passwords are never spliced into SQL by us.
Status execFormatted(QSqlDatabase &db, const QString &formatSql, const QVariantList &values, const QString &what) {
    auto f = Database::exec(db, QStringLiteral("SELECT format(") + formatSql + QLatin1Char(')'), values);
    if (!f.ok()) {
        return f.error();
    }
    if (!f->next()) {
        return Error{ErrorCode::Internal, what, {}, {}, false};
    }
    const QString statement = f->value(0).toString();
    QSqlQuery q(db);
    if (!q.exec(statement)) {
        return Database::sqlError(q.lastError(), what);
    }
    return {};
}

Status run(QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        return Database::sqlError(q.lastError(), tr("Applying database permissions"));
    }
    return {};
}

const QStringList kInvitationPath{QStringLiteral("users"), QStringLiteral("user_identities"),
                                  QStringLiteral("sponsors"), QStringLiteral("invitations"),
                                  QStringLiteral("outbox")};
const QStringList kUserAdminTables{
    QStringLiteral("users"),          QStringLiteral("user_identities"),        QStringLiteral("sponsors"),
    QStringLiteral("invitations"),    QStringLiteral("outbox"),                 QStringLiteral("unsubscribed"),
    QStringLiteral("bulk_jobs"),      QStringLiteral("directory_groups"),       QStringLiteral("group_members"),
    QStringLiteral("group_owners"),   QStringLiteral("applications"),           QStringLiteral("app_assignments"),
    QStringLiteral("app_owners"),     QStringLiteral("user_flows"),             QStringLiteral("user_flow_applications"),
    QStringLiteral("api_connectors"), QStringLiteral("user_flow_connectors")};
const QStringList kAuditReaders{QStringLiteral("atrium_global_admin"), QStringLiteral("atrium_reader"),
                                QStringLiteral("atrium_security_admin"), QStringLiteral("atrium_user_admin")};

bool isCrossTenantTable(const QString &t) {
    return t.startsWith(QLatin1String("cross_tenant")) || t == QLatin1String("conditional_access_policies");
}
bool isIdpTable(const QString &t) {
    return t.startsWith(QLatin1String("identity_provider")) || t.startsWith(QLatin1String("idp_"));
}
} // namespace

QString PgAccess::groupRoleFor(Role role) {
    switch (role) {
    case Role::GlobalAdministrator:
        return QStringLiteral("atrium_global_admin");
    case Role::UserAdministrator:
        return QStringLiteral("atrium_user_admin");
    case Role::GuestInviter:
        return QStringLiteral("atrium_guest_inviter");
    case Role::HelpdeskAdministrator:
        return QStringLiteral("atrium_helpdesk");
    case Role::SecurityAdministrator:
        return QStringLiteral("atrium_security_admin");
    case Role::ExternalIdentityProviderAdministrator:
        return QStringLiteral("atrium_idp_admin");
    case Role::GlobalReader:
        return QStringLiteral("atrium_reader");
    }
    Q_UNREACHABLE();
}

QStringList PgAccess::allGroupRoles() {
    QStringList out{operatorRole()};
    for (Role r : allRoles()) {
        out << groupRoleFor(r);
    }
    return out;
}

bool PgAccess::isValidLogin(const QString &login) {
    static const QRegularExpression re(QStringLiteral("^[a-z_][a-z0-9_$]{0,62}$"));
    return re.match(login).hasMatch() && !login.startsWith(QLatin1String("atrium_")) &&
           !login.startsWith(QLatin1String("pg_"));
}

Status PgAccess::applyGrants(QSqlDatabase &db) {
    const QString what = tr("Creating the Atrium group roles");
    for (const QString &role : allGroupRoles()) {
        auto exists = Database::exec(db, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {role});
        if (!exists.ok()) {
            return exists.error();
        }
        if (!exists->next()) {
            if (Status s = execFormatted(db, QStringLiteral("'CREATE ROLE %I NOLOGIN', ?::text"), {role}, what); !s.ok()) {
                return s;
            }
        }
        if (role != operatorRole()) {
            // Every directory role is also an operator (reads, audit inserts).
            if (Status s = execFormatted(db, QStringLiteral("'GRANT %I TO %I', ?::text, ?::text"), {operatorRole(), role},
                                         what);
                !s.ok()) {
                return s;
            }
        }
    }
    // A Global Administrator assigns directory roles (RoleService), and the login of the user whose
    // role changed must get or lose the matching group role in the same transaction: the group of
    // Global Administrators holds every other group role WITH ADMIN OPTION (PostgreSQL lets members
    // of a role holding the admin option grant it), and each Global Administrator login holds
    // atrium_global_admin itself WITH ADMIN OPTION (syncMemberships), since a role cannot be a member
    // of itself. No login needs CREATEROLE for this.
    for (const QString &role : allGroupRoles()) {
        if (role == groupRoleFor(Role::GlobalAdministrator)) {
            continue;
        }
        if (Status s = execFormatted(db, QStringLiteral("'GRANT %I TO %I WITH ADMIN OPTION', ?::text, ?::text"),
                                     {role, groupRoleFor(Role::GlobalAdministrator)}, what);
            !s.ok()) {
            return s;
        }
    }
    auto tablesQuery = Database::exec(
        db, QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"));
    if (!tablesQuery.ok()) {
        return tablesQuery.error();
    }
    QStringList tables;
    while (tablesQuery->next()) {
        tables << tablesQuery->value(0).toString();
    }
    const QString everyone = allGroupRoles().join(QStringLiteral(", "));
    QStringList sql;
    sql << QStringLiteral("GRANT USAGE ON SCHEMA ") + QStringLiteral("public TO atrium_operator");
    sql << QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO atrium_operator");
    for (const QString &t : std::as_const(tables)) {
        // Start from nothing, so running again after a change of this table never leaves a grant behind.
        sql << QStringLiteral("REVOKE ALL ON TABLE %1 FROM PUBLIC, %2").arg(t, everyone);
        if (t == QLatin1String("audit_log")) {
            sql << QStringLiteral("GRANT INSERT ON TABLE audit_log TO atrium_operator");
            sql << QStringLiteral("GRANT SELECT ON TABLE audit_log TO %1").arg(kAuditReaders.join(QStringLiteral(", ")));
            continue;
        }
        sql << QStringLiteral("GRANT SELECT ON TABLE %1 TO atrium_operator").arg(t);
        if (t == QLatin1String("schema_info")) {
            continue; // migrations only, by the owner
        }
        sql << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON TABLE %1 TO atrium_global_admin").arg(t);
        if (kUserAdminTables.contains(t)) {
            sql << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON TABLE %1 TO atrium_user_admin").arg(t);
        }
        if (kInvitationPath.contains(t)) {
            sql << QStringLiteral("GRANT INSERT ON TABLE %1 TO atrium_operator").arg(t);
        }
        if (isCrossTenantTable(t)) {
            sql << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON TABLE %1 TO atrium_security_admin").arg(t);
        }
        if (isIdpTable(t)) {
            sql << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON TABLE %1 TO atrium_idp_admin").arg(t);
        }
    }
    // Helpdesk: block/unblock, resend, reset redemption — nothing else of a user.
    // UserService::update writes display_name and user_type along with account_enabled (unchanged
    // values), so those columns are granted too and the trigger below refuses any real change of them.
    sql << QStringLiteral("GRANT UPDATE (account_enabled, row_version, external_user_state, "
                          "external_user_state_changed_at, display_name, user_type) ON TABLE users TO atrium_helpdesk");
    sql << QStringLiteral(
        "CREATE OR REPLACE FUNCTION atrium_users_helpdesk_guard() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        "    IF pg_has_role(current_user, 'atrium_helpdesk', 'MEMBER')\n"
        "       AND NOT pg_has_role(current_user, 'atrium_user_admin', 'MEMBER')\n"
        "       AND NOT pg_has_role(current_user, 'atrium_global_admin', 'MEMBER')\n"
        "       AND (NEW.display_name IS DISTINCT FROM OLD.display_name OR NEW.user_type IS DISTINCT FROM OLD.user_type) THEN\n"
        "        RAISE EXCEPTION 'permission denied: a Helpdesk Administrator may only block or unblock sign-in'\n"
        "            USING ERRCODE = '42501';\n"
        "    END IF;\n"
        "    RETURN NEW;\n"
        "END\n"
        "$$");
    sql << QStringLiteral("DROP TRIGGER IF EXISTS users_helpdesk_guard ON users");
    sql << QStringLiteral("CREATE TRIGGER users_helpdesk_guard BEFORE UPDATE ON users FOR EACH ROW "
                          "EXECUTE FUNCTION atrium_users_helpdesk_guard()");
    sql << QStringLiteral("GRANT INSERT, DELETE ON TABLE user_identities TO atrium_helpdesk");
    sql << QStringLiteral("GRANT UPDATE ON TABLE invitations, outbox TO atrium_helpdesk");
    sql << QStringLiteral("GRANT UPDATE ON TABLE outbox TO atrium_operator"); // the sender marks mail sent
    // The email OTP and leave settings live in the "collaboration" row.
    sql << QStringLiteral("GRANT INSERT, UPDATE ON TABLE settings TO atrium_security_admin, atrium_idp_admin");

    // Row-level security on users and settings. The owner (migrations, this function) bypasses it.
    sql << QStringLiteral("ALTER TABLE users ENABLE ROW LEVEL SECURITY");
    sql << QStringLiteral("ALTER TABLE settings ENABLE ROW LEVEL SECURITY");
    const QStringList policies{
        QStringLiteral("users_read ON users FOR SELECT TO atrium_operator USING (true)"),
        QStringLiteral("users_admin ON users FOR ALL TO atrium_global_admin, atrium_user_admin USING (true) "
                       "WITH CHECK (true)"),
        QStringLiteral("users_invite ON users FOR INSERT TO atrium_operator WITH CHECK (user_type = 'Guest')"),
        QStringLiteral("users_helpdesk ON users FOR UPDATE TO atrium_helpdesk "
                       "USING (NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = users.id)) "
                       "WITH CHECK (NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = users.id))"),
        QStringLiteral("settings_read ON settings FOR SELECT TO atrium_operator USING (true)"),
        QStringLiteral("settings_admin ON settings FOR ALL TO atrium_global_admin USING (true) WITH CHECK (true)"),
        QStringLiteral("settings_collab_update ON settings FOR UPDATE TO atrium_security_admin, atrium_idp_admin "
                       "USING (key = 'collaboration') WITH CHECK (key = 'collaboration')"),
        QStringLiteral("settings_collab_insert ON settings FOR INSERT TO atrium_security_admin, atrium_idp_admin "
                       "WITH CHECK (key = 'collaboration')"),
    };
    for (const QString &p : policies) {
        const QString name = p.section(QLatin1Char(' '), 0, 0);
        const QString table = p.section(QLatin1Char(' '), 2, 2);
        sql << QStringLiteral("DROP POLICY IF EXISTS %1 ON %2").arg(name, table);
        sql << QStringLiteral("CREATE POLICY ") + p;
    }
    for (const QString &statement : std::as_const(sql)) {
        if (Status s = run(db, statement); !s.ok()) {
            return s;
        }
    }
    // Logins bound before this version lack the admin option above: bring every bound login in step.
    auto logins = Database::exec(
        db, QStringLiteral("SELECT db_login FROM users WHERE db_login IS NOT NULL AND deleted_at IS NULL ORDER BY db_login"));
    if (!logins.ok()) {
        return logins.error();
    }
    QStringList bound;
    while (logins->next()) {
        bound << logins->value(0).toString();
    }
    for (const QString &login : std::as_const(bound)) {
        auto exists = Database::exec(db, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {login});
        if (!exists.ok()) {
            return exists.error();
        }
        if (exists->next() && isValidLogin(login)) {
            if (Status s = syncMemberships(db, login); !s.ok()) {
                return s;
            }
        }
    }
    return {};
}

Status PgAccess::syncUserMemberships(QSqlDatabase &db, Engine engine, const QString &userId) {
    if (engine != Engine::Postgres) {
        return {};
    }
    auto q = Database::exec(db, QStringLiteral("SELECT db_login FROM users WHERE id = ? AND db_login IS NOT NULL"), {userId});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return {}; // no database login bound to this user
    }
    const QString login = q->value(0).toString();
    q->finish();
    if (!isValidLogin(login)) {
        return {}; // the schema owner (e.g. atrium_owner) and other administrative logins keep their own rights
    }
    // Nothing to keep in step when the separation was never set up (applyGrants not run) or the
    // login does not exist on this server.
    auto present = Database::exec(db,
                                  QStringLiteral("SELECT (SELECT COUNT(*) FROM pg_roles WHERE rolname = ?), "
                                                 "(SELECT COUNT(*) FROM pg_roles WHERE rolname = ?)"),
                                  {operatorRole(), login});
    if (!present.ok()) {
        return present.error();
    }
    if (!present->next() || present->value(0).toInt() == 0 || present->value(1).toInt() == 0) {
        return {};
    }
    present->finish();
    const Status s = syncMemberships(db, login);
    if (!s.ok() && s.error().code != ErrorCode::Invalid) {
        Error e = s.error();
        e.message = tr("The role was not changed: the database login %1 could not be given the matching PostgreSQL "
                       "group roles (%2). The schema owner can repair the grants with \"atriumctl operator grants\".")
                        .arg(login, s.error().message);
        return e;
    }
    return s;
}

Status PgAccess::syncMemberships(QSqlDatabase &db, const QString &login) {
    if (!isValidLogin(login)) {
        return Error::invalid(tr("%1 is not a valid database login name.").arg(login), QStringLiteral("login"));
    }
    auto q = Database::exec(db,
                            QStringLiteral("SELECT r.role FROM role_assignments r JOIN users u ON u.id = r.user_id "
                                           "WHERE u.db_login = ? AND u.deleted_at IS NULL"),
                            {login});
    if (!q.ok()) {
        return q.error();
    }
    QSet<QString> wanted{operatorRole()};
    while (q->next()) {
        if (auto role = roleFromString(q->value(0).toString())) {
            wanted.insert(groupRoleFor(*role));
        }
    }
    const QString what = tr("Granting the database roles of %1").arg(login);
    const QString globalAdmin = groupRoleFor(Role::GlobalAdministrator);
    for (const QString &group : allGroupRoles()) {
        const QString fmt = !wanted.contains(group) ? QStringLiteral("'REVOKE %I FROM %I', ?::text, ?::text")
                            : group == globalAdmin  ? QStringLiteral("'GRANT %I TO %I WITH ADMIN OPTION', ?::text, ?::text")
                                                    : QStringLiteral("'GRANT %I TO %I', ?::text, ?::text");
        if (Status s = execFormatted(db, fmt, {group, login}, what); !s.ok()) {
            return s;
        }
    }
    return {};
}

Status PgAccess::createOperatorLogin(QSqlDatabase &db, const QString &login, const QString &password,
                                     const QString &userId) {
    if (!isValidLogin(login)) {
        return Error::invalid(tr("%1 is not a valid database login name: use lower-case letters, digits and _, "
                                 "not starting with atrium_ or pg_.")
                                  .arg(login),
                              QStringLiteral("login"));
    }
    if (password.isEmpty()) {
        return Error::invalid(tr("The new login needs a password."), QStringLiteral("password"));
    }
    auto exists = Database::exec(db, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {login});
    if (!exists.ok()) {
        return exists.error();
    }
    const QString what = tr("Creating the database login %1").arg(login);
    const QString fmt = exists->next() ? QStringLiteral("'ALTER ROLE %I LOGIN PASSWORD %L', ?::text, ?::text")
                                       : QStringLiteral("'CREATE ROLE %I LOGIN PASSWORD %L', ?::text, ?::text");
    if (Status s = execFormatted(db, fmt, {login, password}, what); !s.ok()) {
        return s;
    }
    auto bound = Database::exec(db,
                                QStringLiteral("UPDATE users SET db_login = ?, row_version = row_version + 1 "
                                               "WHERE id = ? AND deleted_at IS NULL"),
                                {login, userId});
    if (!bound.ok()) {
        return bound.error();
    }
    if (bound->numRowsAffected() != 1) {
        return Error::notFound(tr("The user %1").arg(userId));
    }
    return syncMemberships(db, login);
}

} // namespace atrium::core
