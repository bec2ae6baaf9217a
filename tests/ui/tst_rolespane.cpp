#include "core/services/groupservice.h"
#include "core/services/roleservice.h"
#include "core/services/userservice.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "support/fakeclock.h"
#include "ui/capabilities.h"
#include "ui/messageboxes.h"
#include "ui/rolespane.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace atrium;

// The Roles pane on a real SQLite directory: assignments listed, Assign and Remove through
// RoleService (confirmation first; the last Global Administrator refusal shown at the list),
// controls disabled with the role named for operators who may not manage roles, and the read-only
// list of groups and applications with their owners.
class TestRolesPane final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::MessageBoxes::setNonInteractive(true);
        QVERIFY(m_dir.isValid());
        m_executor = std::make_unique<models::DbExecutor>();
        core::ConnectionInfo info;
        info.path = m_dir.filePath(QStringLiteral("roles.sqlite"));
        core::NewDirectory spec;
        spec.displayName = QStringLiteral("Fabrikam");
        spec.initialDomain = QStringLiteral("fabrikam.example");
        spec.creatorDisplayName = QStringLiteral("Ada Admin");
        auto session = m_executor->run<core::Result<models::SessionPtr>>([info, spec, clock = m_clock] {
                                      return models::DirectorySession::create(info, spec, clock);
                                  }).result();
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        m_session = *session;
        m_executor->registerDatabase(m_session->database);
        const core::ServiceContext ctx = m_session->context();
        auto uma = m_executor->run<core::Result<QString>>([ctx]() -> core::Result<QString> {
                                  auto u = core::UserService(ctx).addMember(
                                      {QStringLiteral("Uma User"), QStringLiteral("uma@fabrikam.example"), {}});
                                  if (!u.ok()) {
                                      return u.error();
                                  }
                                  core::GroupService groups(ctx);
                                  auto g = groups.createGroup(QStringLiteral("Project Falcon"));
                                  if (!g.ok()) {
                                      return g.error();
                                  }
                                  if (core::Status s = groups.addOwner(g->id, u->id); !s.ok()) {
                                      return s.error();
                                  }
                                  auto a = groups.createApplication(QStringLiteral("Expenses"));
                                  if (!a.ok()) {
                                      return a.error();
                                  }
                                  return u->id;
                              }).result();
        QVERIFY2(uma.ok(), qPrintable(uma.ok() ? QString() : uma.error().message));
        m_umaId = *uma;
    }

    void cleanupTestCase() {
        m_pane.reset();
        if (m_session) {
            m_executor->retire(m_session->database).waitForFinished();
        }
        m_executor.reset();
    }

    void listsAssignmentsAndOwners() {
        m_pane = std::make_unique<ui::RolesPane>(m_executor.get());
        m_pane->resize(900, 600);
        m_pane->setCapabilities(ui::Capabilities::forOperator(m_session->op));
        m_pane->show();
        QSignalSpy loaded(m_pane.get(), &ui::RolesPane::loaded);
        m_pane->setSession(m_session);
        QVERIFY(loaded.wait(10000));
        auto *list = child<QTreeWidget>("roleAssignments");
        QCOMPARE(list->topLevelItemCount(), 1);
        const QTreeWidgetItem *ga = list->topLevelItem(0);
        QCOMPARE(ga->text(ui::RolesPane::RoleColumn), QStringLiteral("Global Administrator"));
        QCOMPARE(ga->text(ui::RolesPane::UserColumn), QStringLiteral("Ada Admin"));
        QCOMPARE(ga->text(ui::RolesPane::TypeColumn), QStringLiteral("Member"));
        QVERIFY(!ga->text(ui::RolesPane::SinceColumn).isEmpty());

        auto *users = child<QComboBox>("userPicker");
        QVERIFY(users->findData(m_umaId) >= 0);
        QCOMPARE(child<QComboBox>("rolePicker")->count(), int(core::allRoles().size()));

        auto *objects = child<QTreeWidget>("groupsAndApplications");
        QCOMPARE(objects->topLevelItemCount(), 2);
        const auto falcon = objects->findItems(QStringLiteral("Project Falcon"), Qt::MatchExactly);
        QCOMPARE(falcon.size(), 1);
        QCOMPARE(falcon.first()->text(ui::RolesPane::OwnersColumn), QStringLiteral("Uma User")); // a name, not an id
        QCOMPARE(falcon.first()->text(ui::RolesPane::KindColumn), QStringLiteral("Group"));
        const auto expenses = objects->findItems(QStringLiteral("Expenses"), Qt::MatchExactly);
        QCOMPARE(expenses.size(), 1);
        QCOMPARE(expenses.first()->text(ui::RolesPane::KindColumn), QStringLiteral("Application"));

        // Nothing selected: Remove is disabled and says why.
        auto *remove = child<QPushButton>("removeRoleButton");
        QVERIFY(!remove->isEnabled());
        QVERIFY(!remove->toolTip().isEmpty());
        QVERIFY(child<QPushButton>("assignRoleButton")->isEnabled());
    }

    void assignThroughThePickers() {
        auto *roles = child<QComboBox>("rolePicker");
        roles->setCurrentIndex(roles->findData(int(core::Role::UserAdministrator)));
        auto *users = child<QComboBox>("userPicker");
        users->setCurrentIndex(users->findData(m_umaId));
        QSignalSpy changed(m_pane.get(), &ui::RolesPane::changed);
        QSignalSpy loaded(m_pane.get(), &ui::RolesPane::loaded);
        QTest::mouseClick(child<QPushButton>("assignRoleButton"), Qt::LeftButton);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(child<QTreeWidget>("roleAssignments")->topLevelItemCount(), 2);
        QVERIFY(m_pane->message().contains(QStringLiteral("User Administrator")));
        QCOMPARE(roleCount(core::Role::UserAdministrator, m_umaId), 1);

        // Assigning it again is refused and said so.
        QSignalSpy refused(m_pane.get(), &ui::RolesPane::refused);
        QTest::mouseClick(child<QPushButton>("assignRoleButton"), Qt::LeftButton);
        QVERIFY(refused.wait(10000));
        QVERIFY(m_pane->message().contains(QStringLiteral("already has")));
    }

    void removingTheLastGlobalAdministratorIsRefusedClearly() {
        select(QStringLiteral("Global Administrator"));
        auto *remove = child<QPushButton>("removeRoleButton");
        QVERIFY(remove->isEnabled());
        // "No" keeps everything.
        ui::MessageBoxes::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(ui::MessageBoxes::lastText().contains(QStringLiteral("Ada Admin")));
        QTest::qWait(50);
        QCOMPARE(roleCount(core::Role::GlobalAdministrator, m_session->op.userId), 1);

        QSignalSpy refused(m_pane.get(), &ui::RolesPane::refused);
        ui::MessageBoxes::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(refused.wait(10000));
        auto *message = child<QLabel>("rolesMessage");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("last Global Administrator")), qPrintable(message->text()));
        QCOMPARE(roleCount(core::Role::GlobalAdministrator, m_session->op.userId), 1);
        QCOMPARE(child<QTreeWidget>("roleAssignments")->topLevelItemCount(), 2);
    }

    void removeAfterConfirmation() {
        select(QStringLiteral("User Administrator"));
        QSignalSpy loaded(m_pane.get(), &ui::RolesPane::loaded);
        ui::MessageBoxes::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(child<QPushButton>("removeRoleButton"), Qt::LeftButton);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(child<QTreeWidget>("roleAssignments")->topLevelItemCount(), 1);
        QCOMPARE(roleCount(core::Role::UserAdministrator, m_umaId), 0);
        QVERIFY(!child<QLabel>("rolesMessage")->styleSheet().contains(QStringLiteral("b00020"))); // not an error
    }

    void disabledWithTheRoleNamedForNonAdmins_data() {
        QTest::addColumn<int>("role");
        QTest::newRow("Helpdesk Administrator") << int(core::Role::HelpdeskAdministrator);
        QTest::newRow("Global Reader") << int(core::Role::GlobalReader);
        QTest::newRow("Guest Inviter") << int(core::Role::GuestInviter);
        QTest::newRow("User Administrator") << int(core::Role::UserAdministrator);
    }
    void disabledWithTheRoleNamedForNonAdmins() {
        QFETCH(int, role);
        m_pane->setCapabilities(ui::Capabilities::forPreview(core::Role(role)));
        for (const char *name : {"assignRoleButton", "removeRoleButton", "rolePicker", "userPicker"}) {
            auto *w = child<QWidget>(name);
            QVERIFY2(!w->isEnabled(), name);
            QVERIFY2(w->isVisible(), name); // disabled, never hidden
            QVERIFY2(w->toolTip().contains(QStringLiteral("Global Administrator")), qPrintable(w->toolTip()));
        }
        // Still readable.
        QCOMPARE(child<QTreeWidget>("roleAssignments")->topLevelItemCount(), 1);
        // Back to the real operator: enabled again.
        m_pane->setCapabilities(ui::Capabilities::forOperator(m_session->op));
        QVERIFY(child<QPushButton>("assignRoleButton")->isEnabled());
    }

private:
    template <typename W> W *child(const char *name) const {
        auto *w = m_pane->findChild<W *>(QString::fromLatin1(name));
        if (!w) {
            qFatal("no child %s", name);
        }
        return w;
    }

    void select(const QString &roleLabel) {
        auto *list = child<QTreeWidget>("roleAssignments");
        const auto items = list->findItems(roleLabel, Qt::MatchExactly, ui::RolesPane::RoleColumn);
        QCOMPARE(items.size(), 1);
        list->setCurrentItem(items.first());
        QVERIFY(items.first()->isSelected());
    }

    int roleCount(core::Role role, const QString &userId) const {
        const core::ServiceContext ctx = m_session->context();
        auto list = m_executor->run<core::Result<QList<core::RoleAssignment>>>([ctx] {
                                   return core::RoleService(ctx).list();
                               }).result();
        if (!list.ok()) {
            return -1;
        }
        return int(std::count_if(list->cbegin(), list->cend(), [&](const core::RoleAssignment &a) {
            return a.role == role && a.userId == userId;
        }));
    }

    QTemporaryDir m_dir;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
    std::unique_ptr<models::DbExecutor> m_executor;
    models::SessionPtr m_session;
    QString m_umaId;
    std::unique_ptr<ui::RolesPane> m_pane;
};

QTEST_MAIN(TestRolesPane)
#include "tst_rolespane.moc"
