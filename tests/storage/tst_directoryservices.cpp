#include "core/services/directoryservice.h"
#include "core/services/groupservice.h"
#include "core/services/overviewservice.h"
#include "core/services/roleservice.h"
#include "core/services/settingsservice.h"
#include "core/services/userservice.h"
#include "directoryfixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace atrium::core;
using atrium::test::DirectoryFixture;

namespace {
int countAudit(const ServiceContext &ctx, const QString &activityName, const QString &result) {
    auto c = ctx.db().connection();
    QSqlQuery q(*c);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ? AND result = ?"));
    q.addBindValue(activityName);
    q.addBindValue(result);
    if (!q.exec() || !q.next()) {
        return -1;
    }
    return q.value(0).toInt();
}
} // namespace

class tst_DirectoryServices : public QObject {
    Q_OBJECT
private:
    DirectoryFixture m_fx;
    static void engineData() {
        QTest::addColumn<QString>("engine");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << e;
        }
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
    }

    void createDirectory_data() { engineData(); }
    void createDirectory() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY2(ctx.ok(), qPrintable(ctx.ok() ? QString() : ctx.error().message));
        QVERIFY(ctx->op().roles.contains(Role::GlobalAdministrator));
        QCOMPARE(ctx->op().userPrincipalName, QStringLiteral("ada@fabrikam.example"));
        auto info = DirectoryService(*ctx).info();
        QVERIFY(info.ok());
        QCOMPARE(info->displayName, QStringLiteral("Fabrikam"));
        QCOMPARE(info->initialDomain, QStringLiteral("fabrikam.example"));
        QCOMPARE(info->verifiedDomains, QStringList{QStringLiteral("fabrikam.example")});
        QVERIFY(!QUuid::fromString(info->tenantId).isNull());
        QCOMPARE(countAudit(*ctx, activity::CreateDirectory, QStringLiteral("success")), 1);
        // A second directory in the same database is refused and changes nothing.
        auto again = DirectoryService::create(ctx->db(), *m_fx.clock(), {QStringLiteral("Other"),
                                                                         QStringLiteral("other.example")});
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(DirectoryService::read(ctx->db())->displayName, QStringLiteral("Fabrikam"));
    }

    void createDirectoryBadInput_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty name") << "" << "fabrikam.example" << "name";
        QTest::newRow("url domain") << "Fabrikam" << "https://fabrikam.example" << "domain";
        QTest::newRow("one label") << "Fabrikam" << "fabrikam" << "domain";
        QTest::newRow("control char") << QStringLiteral("Fab\x01rikam") << "fabrikam.example" << "name";
    }
    void createDirectoryBadInput() {
        QFETCH(QString, name);
        QFETCH(QString, domain);
        QFETCH(QString, field);
        auto db = m_fx.freshDatabase(QStringLiteral("sqlite"));
        QVERIFY(db.ok());
        auto r = DirectoryService::create(**db, *m_fx.clock(), {name, domain});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Invalid);
        QCOMPARE(r.error().field, field);
        QCOMPARE(DirectoryService::exists(**db).value(), false);
    }

    void membersAndConflicts_data() { engineData(); }
    void membersAndConflicts() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        UserService users(*ctx);
        auto bob = users.addMember({QStringLiteral("Bob Builder"), QStringLiteral("bob@fabrikam.example"), {}});
        QVERIFY2(bob.ok(), qPrintable(bob.ok() ? QString() : bob.error().message));
        QVERIFY(bob->userType == UserType::Member);
        QVERIFY(!bob->externalUserState.has_value());
        QVERIFY(!bob->creationType.has_value());
        QCOMPARE(bob->mail, QStringLiteral("bob@fabrikam.example"));
        QCOMPARE(bob->rowVersion, 1);

        auto dup = users.addMember({QStringLiteral("Bob 2"), QStringLiteral("BOB@fabrikam.example"), {}});
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, ErrorCode::AlreadyExists);
        auto foreign = users.addMember({QStringLiteral("Eve"), QStringLiteral("eve@contoso.com"), {}});
        QVERIFY(!foreign.ok());
        QCOMPARE(foreign.error().code, ErrorCode::Invalid);
        auto hash = users.addMember({QStringLiteral("X"), QStringLiteral("x#EXT#@fabrikam.example"), {}});
        QVERIFY(!hash.ok());

        // Two admins read version 1; the first write wins, the second is refused as a conflict.
        UserPatch rename;
        rename.displayName = QStringLiteral("Robert Builder");
        auto first = users.update(bob->id, 1, rename);
        QVERIFY(first.ok());
        QCOMPARE(first->rowVersion, 2);
        UserPatch block;
        block.accountEnabled = false;
        auto stale = users.update(bob->id, 1, block);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QVERIFY(stale.error().message.contains(QStringLiteral("changed by someone else")));
        auto now = users.get(bob->id);
        QCOMPARE(now->displayName, QStringLiteral("Robert Builder"));
        QCOMPARE(now->accountEnabled, true);
        QCOMPARE(countAudit(*ctx, activity::UpdateUser, QStringLiteral("success")), 1);
        QCOMPARE(countAudit(*ctx, activity::UpdateUser, QStringLiteral("failure")), 1);

        auto listed = users.list({});
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).toJson().value(QStringLiteral("userType")).toString(), QStringLiteral("Member"));
        QVERIFY(listed->at(0).toJson().value(QStringLiteral("externalUserState")).isNull());
    }

    void settings_data() { engineData(); }
    void settings() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        SettingsService settings(*ctx);
        auto def = settings.get(settingkey::PortalBaseUrl);
        QVERIFY(def.ok());
        QVERIFY(def->isDefault);
        auto bad = settings.set(settingkey::PortalBaseUrl, QStringLiteral("ftp://x"), -1);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::Invalid);
        auto badHttp = settings.set(settingkey::PortalBaseUrl, QStringLiteral("http://portal.fabrikam.example"), -1);
        QVERIFY(!badHttp.ok());
        auto set = settings.set(settingkey::PortalBaseUrl, QStringLiteral("https://portal.fabrikam.example/"), -1);
        QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().message));
        QCOMPARE(set->value, QStringLiteral("https://portal.fabrikam.example"));
        QCOMPARE(set->rowVersion, 1);
        auto stale = settings.set(settingkey::PortalBaseUrl, QStringLiteral("https://other.example"), -1);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        auto next = settings.set(settingkey::PortalBaseUrl, QStringLiteral("https://other.example"), 1);
        QVERIFY(next.ok());
        QCOMPARE(settings.get(settingkey::PortalBaseUrl)->value, QStringLiteral("https://other.example"));
        auto unknown = settings.set(QStringLiteral("nope"), QStringLiteral("1"), -1);
        QVERIFY(!unknown.ok());
        QCOMPARE(countAudit(*ctx, activity::UpdateSetting, QStringLiteral("success")), 2);
    }

    void roles_data() { engineData(); }
    void roles() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        RoleService roles(*ctx);
        // The last Global Administrator cannot be removed.
        auto last = roles.remove(Role::GlobalAdministrator, ctx->op().userPrincipalName);
        QVERIFY(!last.ok());
        QVERIFY(last.error().message.contains(QStringLiteral("last Global Administrator")));
        {
            // The refusal is audited with its target's id, not only the name the operator typed.
            auto c = ctx->db().connection();
            QSqlQuery q(*c);
            q.prepare(QStringLiteral("SELECT target_id FROM audit_log WHERE activity = ? AND result = 'failure'"));
            q.addBindValue(activity::RemoveRoleMember);
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toString(), ctx->op().userId);
        }
        auto bob = UserService(*ctx).addMember({QStringLiteral("Bob"), QStringLiteral("bob@fabrikam.example"), {}});
        QVERIFY(bob.ok());
        QVERIFY(roles.assign(Role::GlobalAdministrator, QStringLiteral("bob@fabrikam.example")).ok());
        QCOMPARE(roles.assign(Role::GlobalAdministrator, bob->id).error().code, ErrorCode::AlreadyExists);
        QVERIFY(roles.assign(Role::HelpdeskAdministrator, bob->id).ok());
        QCOMPARE(roles.list()->size(), 3);
        QVERIFY(roles.remove(Role::GlobalAdministrator, ctx->op().userId).ok());
        QCOMPARE(roles.list()->size(), 2);
        QCOMPARE(countAudit(*ctx, activity::AddRoleMember, QStringLiteral("success")), 2);
        QCOMPARE(countAudit(*ctx, activity::RemoveRoleMember, QStringLiteral("success")), 1);
        QVERIFY(!roles.assign(Role::GuestInviter, QStringLiteral("nobody@fabrikam.example")).ok());
    }

    void groupsAndOverview_data() { engineData(); }
    void groupsAndOverview() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        GroupService groups(*ctx);
        auto g = groups.createGroup(QStringLiteral("Partners"));
        auto a = groups.createApplication(QStringLiteral("Contracts portal"));
        QVERIFY(g.ok() && a.ok());
        QVERIFY(groups.addOwner(g->id, ctx->op().userId).ok());
        QVERIFY(groups.addOwner(a->id, ctx->op().userId).ok());
        QVERIFY(groups.addMember(g->id, ctx->op().userId).ok());
        QCOMPARE(groups.addMember(g->id, ctx->op().userId).error().code, ErrorCode::AlreadyExists);
        auto list = groups.groups();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->at(0).memberCount, 1);
        QCOMPARE(list->at(0).ownerIds, QStringList{ctx->op().userId});
        QCOMPARE(groups.ownedBy(ctx->op().userId)->size(), 2);
        auto counts = OverviewService(*ctx).counts();
        QVERIFY(counts.ok());
        QCOMPARE(counts->members, 1);
        QCOMPARE(counts->guests, 0);
        QCOMPARE(counts->groups, 1);
        QCOMPARE(counts->applications, 1);
    }

    void operatorResolution() {
        // SQLite: the OS account bound at creation is the operator; another account is unbound.
        auto db = m_fx.freshDatabase(QStringLiteral("sqlite"));
        QVERIFY(db.ok());
        auto creator = DirectoryService::create(**db, *m_fx.clock(), {QStringLiteral("Fabrikam"),
                                                                       QStringLiteral("fabrikam.example")});
        QVERIFY(creator.ok());
        auto op = Operator::resolve(**db);
        QVERIFY(op.ok());
        QCOMPARE(op->userId, creator->userId);
        QCOMPARE(op->boundAccount, currentOsAccount());
        QVERIFY(op->roles.contains(Role::GlobalAdministrator));

        // PostgreSQL: the database login.
        auto pg = m_fx.freshDatabase(QStringLiteral("postgresql"));
        QVERIFY(pg.ok());
        auto pgCreator = DirectoryService::create(**pg, *m_fx.clock(), {QStringLiteral("Fabrikam"),
                                                                         QStringLiteral("fabrikam.example")});
        QVERIFY(pgCreator.ok());
        auto pgOp = Operator::resolve(**pg);
        QVERIFY(pgOp.ok());
        QCOMPARE(pgOp->userId, pgCreator->userId);
        QCOMPARE(pgOp->boundAccount, m_fx.pg().superuser());
    }
};

QTEST_GUILESS_MAIN(tst_DirectoryServices)
#include "tst_directoryservices.moc"
