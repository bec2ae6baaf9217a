#include "core/services/pgaccess.h"
#include "core/services/roleservice.h"
#include "core/services/settingsservice.h"
#include "core/services/userservice.h"
#include "directoryfixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace atrium;
using namespace atrium::core;
using atrium::test::DirectoryFixture;

// One directory on the private server; the superuser that created it plays the schema owner.
// Logins: hal (Helpdesk Administrator), rita (Global Reader), gina (Global Administrator).
class tst_PgAccess final : public QObject {
    Q_OBJECT
    DirectoryFixture m_fx;
    std::optional<ServiceContext> m_admin;
    QString m_dbName;
    QString m_plainId;  // a member without a role
    QString m_ginaId;

    QString addUser(const QString &local, std::optional<Role> role, const QString &login) {
        auto u = UserService(*m_admin).addMember({local, local + QStringLiteral("@fabrikam.example"), {}});
        if (!u.ok()) {
            return {};
        }
        if (role && !RoleService(*m_admin).assign(*role, u->id).ok()) {
            return {};
        }
        if (!login.isEmpty()) {
            const Status s = m_admin->db().transaction([&](QSqlDatabase &db) {
                return PgAccess::createOperatorLogin(db, login, QStringLiteral("secret-") + login, u->id);
            });
            if (!s.ok()) {
                qWarning() << s.error().message << s.error().detail;
                return {};
            }
        }
        return u->id;
    }

    // A hand-written SQL client: plain QPSQL connection as the login.
    QSqlDatabase direct(const QString &login) {
        const QString name = QStringLiteral("direct-") + login;
        QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name)
                                                       : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_fx.pg().host());
        db.setPort(m_fx.pg().port());
        db.setDatabaseName(m_dbName);
        db.setUserName(login);
        db.setPassword(QStringLiteral("secret-") + login);
        db.open();
        return db;
    }

    static bool sqlOk(QSqlDatabase &db, const QString &sql, int *rows = nullptr, QString *error = nullptr) {
        QSqlQuery q(db);
        const bool ok = q.exec(sql);
        if (rows) {
            *rows = q.numRowsAffected();
        }
        if (error) {
            *error = q.lastError().text();
        }
        return ok;
    }

    Result<ServiceContext> serviceAs(const QString &login) {
        auto info = ConnectionInfo::parse(m_fx.pg().url(m_dbName, login));
        if (!info.ok()) {
            return info.error();
        }
        auto db = Database::open(*info, Database::OpenMode::OpenExisting);
        if (!db.ok()) {
            return db.error();
        }
        auto op = Operator::resolve(**db);
        if (!op.ok()) {
            return op.error();
        }
        return ServiceContext(*db, m_fx.clock(), *op);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
        auto admin = m_fx.freshDirectory(QStringLiteral("postgresql"));
        QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error().message));
        m_admin.emplace(*admin);
        m_dbName = m_admin->db().info().database;
        QVERIFY(m_admin->db().transaction([](QSqlDatabase &db) { return PgAccess::applyGrants(db); }).ok());
        // Twice: applying the grants again (after a migration) must not fail or add anything.
        const Status again = m_admin->db().transaction([](QSqlDatabase &db) { return PgAccess::applyGrants(db); });
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().detail));
        QVERIFY(!addUser(QStringLiteral("hal"), Role::HelpdeskAdministrator, QStringLiteral("hal")).isEmpty());
        QVERIFY(!addUser(QStringLiteral("rita"), Role::GlobalReader, QStringLiteral("rita")).isEmpty());
        m_ginaId = addUser(QStringLiteral("gina"), Role::GlobalAdministrator, QStringLiteral("gina"));
        QVERIFY(!m_ginaId.isEmpty());
        m_plainId = addUser(QStringLiteral("paul"), std::nullopt, {});
        QVERIFY(!m_plainId.isEmpty());
    }

    void loginsAreBoundAndHoldTheirGroupRoles() {
        QString out, err;
        QVERIFY2(m_fx.pg().querySql(QStringLiteral("SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = "
                                                   "m.roleid JOIN pg_roles l ON l.oid = m.member WHERE l.rolname = 'hal' "
                                                   "ORDER BY 1"),
                                    &out, &err),
                 qPrintable(err));
        QCOMPARE(out.trimmed().split(QLatin1Char('\n')),
                 (QStringList{QStringLiteral("atrium_helpdesk"), QStringLiteral("atrium_operator")}));
        QVERIFY(PgAccess::isValidLogin(QStringLiteral("hal_2")));
        QVERIFY(!PgAccess::isValidLogin(QStringLiteral("atrium_global_admin")));
        QVERIFY(!PgAccess::isValidLogin(QStringLiteral("x; DROP TABLE users")));
        QVERIFY(!PgAccess::isValidLogin(QStringLiteral("Hal")));
    }

    void lesserLoginsAreRefusedByTheDatabase_data() {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("sql");
        const auto row = [](const char *name, const char *login, const char *sql) {
            QTest::newRow(name) << QString::fromLatin1(login) << QString::fromLatin1(sql);
        };
        row("helpdesk updates settings", "hal", "UPDATE settings SET value = '1' WHERE key = 'inactiveGuestDays'");
        row("helpdesk inserts settings", "hal", "INSERT INTO settings (key, value, updated_at) VALUES ('inactiveGuestDays', '1', 0)");
        row("helpdesk deletes audit", "hal", "DELETE FROM audit_log");
        row("helpdesk updates audit", "hal", "UPDATE audit_log SET reason = 'x'");
        row("helpdesk truncates audit", "hal", "TRUNCATE audit_log");
        row("helpdesk reads audit", "hal", "SELECT count(*) FROM audit_log");
        row("helpdesk grants itself a role", "hal", "INSERT INTO role_assignments (user_id, role, assigned_at) SELECT id, 'GlobalAdministrator', 0 "
                        "FROM users WHERE db_login = 'hal'");
        row("helpdesk renames a user", "hal", "UPDATE users SET display_name = 'x'");
        row("helpdesk changes directory", "hal", "UPDATE directory SET display_name = 'x'");
        row("helpdesk adds a domain", "hal", "INSERT INTO verified_domains (domain, added_at) VALUES ('evil.example', 0)");
        row("helpdesk adds a member", "hal", "INSERT INTO users (id, display_name, user_principal_name, upn_lower, user_type, created_at) "
                        "VALUES ('m1', 'M', 'm@fabrikam.example', 'm@fabrikam.example', 'Member', 0)");
        row("reader updates settings", "rita", "UPDATE settings SET value = '1'");
        row("reader deletes role", "rita", "DELETE FROM role_assignments");
        row("reader blocks a user", "rita", "UPDATE users SET account_enabled = 0");
        row("reader deletes audit", "rita", "DELETE FROM audit_log");
        row("reader changes cross-tenant", "rita", "DELETE FROM cross_tenant_partners");
        row("global admin deletes audit", "gina", "DELETE FROM audit_log");
        row("global admin truncates audit", "gina", "TRUNCATE audit_log");
        row("global admin changes schema version", "gina", "UPDATE schema_info SET version = 1");
    }
    void lesserLoginsAreRefusedByTheDatabase() {
        QFETCH(QString, login);
        QFETCH(QString, sql);
        QSqlDatabase db = direct(login);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        QString error;
        QVERIFY2(!sqlOk(db, sql, nullptr, &error), "the database accepted it");
        QVERIFY2(error.contains(QLatin1String("permission denied")) || error.contains(QLatin1String("append-only")) ||
                     error.contains(QLatin1String("row-level security")),
                 qPrintable(error));
    }

    void helpdeskBlocksOnlyUsersWithoutRole() {
        QSqlDatabase db = direct(QStringLiteral("hal"));
        int rows = -1;
        QVERIFY(sqlOk(db, QStringLiteral("UPDATE users SET account_enabled = 0 WHERE id = '%1'").arg(m_plainId), &rows));
        QCOMPARE(rows, 1);
        // Row-level security hides a Global Administrator's row from the helpdesk's UPDATE.
        QVERIFY(sqlOk(db, QStringLiteral("UPDATE users SET account_enabled = 0 WHERE id = '%1'").arg(m_ginaId), &rows));
        QCOMPARE(rows, 0);
        QVERIFY(sqlOk(db, QStringLiteral("UPDATE users SET account_enabled = 1 WHERE id = '%1'").arg(m_plainId), &rows));
        // Every login may append audit rows (refusals are audited).
        QVERIFY(sqlOk(db, QStringLiteral("INSERT INTO audit_log (at_ms, actor_name, activity, category, result, "
                                         "correlation_id) VALUES (0, 'hal', 'x', 'y', 'denied', 'c')")));
    }

    void helpdeskThroughTheServiceLayer() {
        auto hal = serviceAs(QStringLiteral("hal"));
        QVERIFY2(hal.ok(), qPrintable(hal.ok() ? QString() : hal.error().message + hal.error().detail));
        QVERIFY(hal->op().roles.contains(Role::HelpdeskAdministrator));
        auto user = UserService(*hal).get(m_plainId);
        QVERIFY(user.ok());
        UserPatch block;
        block.accountEnabled = false;
        auto r = UserService(*hal).update(m_plainId, user->rowVersion, block);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message + r.error().detail));
        QVERIFY(!r->accountEnabled);
    }

    void globalAdminThroughTheServiceLayer() {
        auto gina = serviceAs(QStringLiteral("gina"));
        QVERIFY2(gina.ok(), qPrintable(gina.ok() ? QString() : gina.error().message + gina.error().detail));
        QCOMPARE(gina->op().userId, m_ginaId);
        QVERIFY(RoleService(*gina).assign(Role::GuestInviter, m_plainId).ok());
        auto set = SettingsService(*gina).set(settingkey::InactiveGuestDays, QStringLiteral("60"), -1);
        QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().message + set.error().detail));
        auto list = RoleService(*gina).list();
        QVERIFY(list.ok());
        QVERIFY(RoleService(*gina).remove(Role::GuestInviter, m_plainId).ok());
    }

    void readerReadsAuditButTheServiceRefusesItsWrites() {
        auto rita = serviceAs(QStringLiteral("rita"));
        QVERIFY(rita.ok());
        auto s = RoleService(*rita).assign(Role::GlobalAdministrator, QStringLiteral("rita@fabrikam.example"));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::PermissionDenied); // refused (and audited) before SQL
        QSqlDatabase db = direct(QStringLiteral("rita"));
        QVERIFY(sqlOk(db, QStringLiteral("SELECT count(*) FROM audit_log")));
    }
    // Issue 8: roles assign/remove keep the login's group roles in step, in the same transaction. A
    // Global Administrator's own login does it (no CREATEROLE): assign Helpdesk → the login may block
    // sign-in in plain SQL; remove → PostgreSQL refuses it again.
    void roleChangesFollowTheLoginsGroupRoles() {
        const QString tessId = addUser(QStringLiteral("tess"), std::nullopt, QStringLiteral("tess"));
        QVERIFY(!tessId.isEmpty());
        const QString targetId = addUser(QStringLiteral("una"), std::nullopt, {});
        QVERIFY(!targetId.isEmpty());
        const QString block = QStringLiteral("UPDATE users SET account_enabled = 0 WHERE id = '%1'").arg(targetId);
        const auto groups = [this](const QString &login) {
            QString out, err;
            if (!m_fx.pg().querySql(QStringLiteral("SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = "
                                                   "m.roleid JOIN pg_roles l ON l.oid = m.member WHERE l.rolname = '%1' "
                                                   "ORDER BY 1")
                                        .arg(login),
                                    &out, &err)) {
                return QStringList{QStringLiteral("error: ") + err};
            }
            return out.trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        };
        const auto tryAsTess = [&](int *rows, QString *error) {
            QSqlDatabase db = direct(QStringLiteral("tess"));
            const bool ok = sqlOk(db, block, rows, error);
            db.close();
            return ok;
        };
        QCOMPARE(groups(QStringLiteral("tess")), QStringList{QStringLiteral("atrium_operator")});
        int rows = -1;
        QString error;
        QVERIFY2(!tryAsTess(&rows, &error), "a login without a role blocked a user");
        QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));

        auto gina = serviceAs(QStringLiteral("gina"));
        QVERIFY2(gina.ok(), qPrintable(gina.ok() ? QString() : gina.error().message + gina.error().detail));
        const Status assigned = RoleService(*gina).assign(Role::HelpdeskAdministrator, tessId);
        QVERIFY2(assigned.ok(), qPrintable(assigned.ok() ? QString() : assigned.error().message + assigned.error().detail));
        QCOMPARE(groups(QStringLiteral("tess")),
                 (QStringList{QStringLiteral("atrium_helpdesk"), QStringLiteral("atrium_operator")}));
        QVERIFY2(tryAsTess(&rows, &error), qPrintable(error));
        QCOMPARE(rows, 1);
        // The helpdesk login still cannot do more than Helpdesk: settings stay refused.
        {
            QSqlDatabase db = direct(QStringLiteral("tess"));
            QVERIFY(!sqlOk(db, QStringLiteral("UPDATE settings SET value = '1' WHERE key = 'inactiveGuestDays'")));
            db.close();
        }

        const Status removed = RoleService(*gina).remove(Role::HelpdeskAdministrator, tessId);
        QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.error().message + removed.error().detail));
        QCOMPARE(groups(QStringLiteral("tess")), QStringList{QStringLiteral("atrium_operator")});
        QVERIFY2(!tryAsTess(&rows, &error), "the role was removed but PostgreSQL still allowed it");
        QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));

        // Promoting to Global Administrator gives the admin option, so the new admin can assign roles too.
        QVERIFY(RoleService(*gina).assign(Role::GlobalAdministrator, tessId).ok());
        auto tess = serviceAs(QStringLiteral("tess"));
        QVERIFY2(tess.ok(), qPrintable(tess.ok() ? QString() : tess.error().message));
        const Status byTess = RoleService(*tess).assign(Role::GuestInviter, targetId);
        QVERIFY2(byTess.ok(), qPrintable(byTess.ok() ? QString() : byTess.error().message + byTess.error().detail));
        QVERIFY(RoleService(*tess).remove(Role::GuestInviter, targetId).ok());
        QVERIFY(RoleService(*gina).remove(Role::GlobalAdministrator, tessId).ok());
        QCOMPARE(groups(QStringLiteral("tess")), QStringList{QStringLiteral("atrium_operator")});

        // A role change the database cannot mirror is not made at all: with the admin option taken away
        // from the Global Administrators' group, gina's assignment is refused and nothing is stored.
        QString err;
        QVERIFY2(m_fx.pg().runSql(QStringLiteral("REVOKE ADMIN OPTION FOR atrium_helpdesk FROM atrium_global_admin"), &err),
                 qPrintable(err));
        const Status refused = RoleService(*gina).assign(Role::HelpdeskAdministrator, tessId);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QLatin1String("operator grants")), qPrintable(refused.error().message));
        auto list = RoleService(*gina).list();
        QVERIFY(list.ok());
        for (const RoleAssignment &a : *list) {
            QVERIFY(a.userId != tessId);
        }
        QCOMPARE(groups(QStringLiteral("tess")), QStringList{QStringLiteral("atrium_operator")});
        // `atriumctl operator grants` (applyGrants) repairs it.
        QVERIFY(m_admin->db().transaction([](QSqlDatabase &db) { return PgAccess::applyGrants(db); }).ok());
        QVERIFY(RoleService(*gina).assign(Role::HelpdeskAdministrator, tessId).ok());
        QVERIFY(RoleService(*gina).remove(Role::HelpdeskAdministrator, tessId).ok());
    }
};

QTEST_GUILESS_MAIN(tst_PgAccess)
#include "tst_pgaccess.moc"
