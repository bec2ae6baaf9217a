// The role × operation matrix of SPEC §10 through the service layer: every operation that exists,
// run by an operator holding exactly one role (or none), is allowed or refused with the missing
// permission named, and every refusal is audited. The expected matrix is written out here by hand,
// independently of the permission table in the code.
#include "core/services/directoryservice.h"
#include "core/services/groupservice.h"
#include "core/services/roleservice.h"
#include "core/services/settingsservice.h"
#include "core/services/userservice.h"
#include "directoryfixture.h"

#include <QSqlQuery>
#include <QTest>

#include <QHash>

#include <functional>

using namespace atrium::core;
using atrium::test::DirectoryFixture;

namespace {
// Columns: GA, UA, GI, HA, SA, EIA, GR, member without role.
struct Row {
    const char *operation;
    bool allowed[8];
};
const Row kMatrix[] = {
    //                               GA    UA     GI     HA     SA     EIA    GR     member
    {"read directory",             {true, true,  true,  true,  true,  true,  true,  true}},
    {"edit directory properties",  {true, false, false, false, false, false, false, false}},
    {"add member",                 {true, true,  false, false, false, false, false, false}},
    {"assign role",                {true, false, false, false, false, false, false, false}},
    {"rename user",                {true, true,  false, false, false, false, false, false}},
    {"block sign-in",              {true, true,  false, true,  false, false, false, false}},
    {"create group",               {true, true,  false, false, false, false, false, false}},
    {"set portal base URL",        {true, false, false, false, false, false, false, false}},
    {"set invitation expiry",      {true, false, false, false, false, false, false, false}},
    {"back up directory",          {true, false, false, false, false, false, false, false}},
};
const std::optional<Role> kColumns[] = {Role::GlobalAdministrator, Role::UserAdministrator, Role::GuestInviter,
                                        Role::HelpdeskAdministrator, Role::SecurityAdministrator,
                                        Role::ExternalIdentityProviderAdministrator, Role::GlobalReader,
                                        std::nullopt};

int deniedCount(const ServiceContext &ctx) {
    auto c = ctx.db().connection();
    QSqlQuery q(*c);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE result = 'denied'")) || !q.next()) {
        return -1;
    }
    return q.value(0).toInt();
}
} // namespace

class tst_Rbac : public QObject {
    Q_OBJECT
private:
    DirectoryFixture m_fx;
    int m_serial = 0;
    QHash<QString, ServiceContext> m_admins; // one directory per engine, shared by the rows

    Result<ServiceContext> adminFor(const QString &engine) {
        if (auto it = m_admins.constFind(engine); it != m_admins.constEnd()) {
            return *it;
        }
        auto ctx = m_fx.freshDirectory(engine);
        if (ctx.ok()) {
            m_admins.insert(engine, *ctx);
        }
        return ctx;
    }

    Status run(const QString &operation, ServiceContext &admin, ServiceContext &actor) {
        ++m_serial;
        // Fresh targets made by the administrator, so each operation has something to act on.
        auto target = UserService(admin).addMember(
            {QStringLiteral("Target %1").arg(m_serial), QStringLiteral("target%1@fabrikam.example").arg(m_serial), {}});
        if (!target.ok()) {
            return target.error();
        }
        if (operation == QLatin1String("read directory")) {
            auto r = DirectoryService(actor).info();
            return r.ok() ? Status() : Status(r.error());
        }
        if (operation == QLatin1String("edit directory properties")) {
            DirectoryPatch p;
            p.privacyContact = QStringLiteral("privacy%1@fabrikam.example").arg(m_serial);
            auto r = DirectoryService(actor).update(p, DirectoryService::read(admin.db())->rowVersion);
            return r.ok() ? Status() : Status(r.error());
        }
        if (operation == QLatin1String("add member")) {
            auto r = UserService(actor).addMember(
                {QStringLiteral("New %1").arg(m_serial), QStringLiteral("new%1@fabrikam.example").arg(m_serial), {}});
            return r.ok() ? Status() : Status(r.error());
        }
        if (operation == QLatin1String("assign role")) {
            return RoleService(actor).assign(Role::GuestInviter, target->id);
        }
        if (operation == QLatin1String("rename user")) {
            UserPatch p;
            p.displayName = QStringLiteral("Renamed");
            auto r = UserService(actor).update(target->id, target->rowVersion, p);
            return r.ok() ? Status() : Status(r.error());
        }
        if (operation == QLatin1String("block sign-in")) {
            UserPatch p;
            p.accountEnabled = false;
            auto r = UserService(actor).update(target->id, target->rowVersion, p);
            return r.ok() ? Status() : Status(r.error());
        }
        if (operation == QLatin1String("create group")) {
            auto r = GroupService(actor).createGroup(QStringLiteral("Group %1").arg(m_serial));
            return r.ok() ? Status() : Status(r.error());
        }
        if (operation == QLatin1String("set portal base URL") || operation == QLatin1String("set invitation expiry")) {
            const bool portal = operation == QLatin1String("set portal base URL");
            const QString key = portal ? settingkey::PortalBaseUrl : settingkey::InvitationExpiryDays;
            auto cur = SettingsService(admin).get(key);
            const QString value = portal ? QStringLiteral("https://p%1.fabrikam.example").arg(m_serial)
                                         : QString::number(m_serial % 300 + 1);
            auto r = SettingsService(actor).set(key, value, cur->isDefault ? -1 : cur->rowVersion);
            return r.ok() ? Status() : Status(r.error());
        }
        if (operation == QLatin1String("back up directory")) {
            return DirectoryService(actor).backup(m_fx.tempPath(QStringLiteral("b%1.sqlite").arg(m_serial)));
        }
        return Error::invalid(QStringLiteral("unknown operation ") + operation);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
    }

    void matrix_data() {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("allowed");
        for (const QString &engine : DirectoryFixture::engines()) {
            for (const Row &row : kMatrix) {
                for (int c = 0; c < 8; ++c) {
                    const QString roleName = kColumns[c] ? roleKey(*kColumns[c]) : QStringLiteral("member");
                    if (engine == QLatin1String("postgresql") && qstrcmp(row.operation, "back up directory") == 0) {
                        continue; // pg_dump backups are covered by the PostgreSQL tools, not this matrix
                    }
                    QTest::addRow("%s/%s/%s", qPrintable(engine), row.operation, qPrintable(roleName))
                        << engine << QString::fromLatin1(row.operation) << c << row.allowed[c];
                }
            }
        }
    }
    void matrix() {
        QFETCH(QString, engine);
        QFETCH(QString, operation);
        QFETCH(int, column);
        QFETCH(bool, allowed);
        auto admin = adminFor(engine);
        QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error().message));
        ++m_serial;
        auto user = UserService(*admin).addMember(
            {QStringLiteral("Operator %1").arg(m_serial), QStringLiteral("op%1@fabrikam.example").arg(m_serial), {}});
        QVERIFY(user.ok());
        if (kColumns[column]) {
            QVERIFY(RoleService(*admin).assign(*kColumns[column], user->id).ok());
        }
        ServiceContext actor = m_fx.as(*admin, user->id);
        const int deniedBefore = deniedCount(*admin);
        const Status s = run(operation, *admin, actor);
        if (allowed) {
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
            QCOMPARE(deniedCount(*admin), deniedBefore);
        } else {
            QVERIFY(!s.ok());
            QCOMPARE(s.error().code, ErrorCode::PermissionDenied);
            QVERIFY2(s.error().message.contains(QStringLiteral("Global Administrator")), qPrintable(s.error().message));
            QCOMPARE(deniedCount(*admin), deniedBefore + 1);
        }
    }
};

QTEST_GUILESS_MAIN(tst_Rbac)
#include "tst_rbac.moc"
