#include "core/services/directoryservice.h"
#include "models/dbexecutor.h"
#include "support/fakeclock.h"
#include "ui/capabilities.h"
#include "ui/mainwindow.h"
#include "ui/messageboxes.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace atrium;
using core::Permission;
using core::Role;

// View as role shows exactly what the permission table allows each role, and never changes who acts.
class tst_ViewAsRole final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
    std::unique_ptr<models::DbExecutor> m_executor;
    std::unique_ptr<ui::MainWindow> m_window;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::MessageBoxes::setNonInteractive(true);
        m_executor = std::make_unique<models::DbExecutor>();
        core::ConnectionInfo info;
        info.path = m_dir.filePath(QStringLiteral("fabrikam.sqlite"));
        {
            // Created on a throw-away thread-local connection, closed before the window opens it.
            auto db = core::Database::open(info, core::Database::OpenMode::CreateIfMissing);
            QVERIFY(db.ok());
            core::NewDirectory spec;
            spec.displayName = QStringLiteral("Fabrikam");
            spec.initialDomain = QStringLiteral("fabrikam.example");
            spec.creatorDisplayName = QStringLiteral("Ada Admin");
            spec.osAccount = core::currentOsAccount();
            QVERIFY(core::DirectoryService::create(**db, *m_clock, spec).ok());
            (*db)->releaseThreadConnection();
        }
        m_window = std::make_unique<ui::MainWindow>(m_executor.get(), m_clock);
        m_window->openDirectory(info);
        QTRY_VERIFY(m_window->session() != nullptr);
        QVERIFY(m_window->session()->op.roles.contains(Role::GlobalAdministrator));
    }
    void cleanupTestCase() {
        m_window.reset();
        m_executor.reset();
    }

    void capabilitiesMatchThePermissionTable_data() {
        QTest::addColumn<int>("role");
        for (Role r : core::allRoles()) {
            QTest::newRow(qPrintable(core::roleKey(r))) << int(r);
        }
    }
    void capabilitiesMatchThePermissionTable() {
        QFETCH(int, role);
        const auto r = static_cast<Role>(role);
        const ui::Capabilities caps = ui::Capabilities::forPreview(r);
        for (Permission p : core::allPermissions()) {
            const bool expected = core::rolesGranting(p).contains(r) || p == Permission::ReadDirectory;
            QVERIFY2(caps.can(p) == expected, qPrintable(core::permissionKey(p)));
            if (!expected) {
                QVERIFY(caps.deniedReason(p).contains(core::rolesGrantingText(p)));
            } else {
                QVERIFY(caps.deniedReason(p).isEmpty());
            }
        }
        QCOMPARE(caps.isReadOnly(), r == Role::GlobalReader);
        QVERIFY(caps.isPreview());
        QCOMPARE(caps.previewName(), core::roleLabel(r));
    }

    void ownerAndMemberPreviewsChangeNothing() {
        for (const ui::Capabilities &caps : {ui::Capabilities::forApplicationOwner(), ui::Capabilities::forMember()}) {
            QVERIFY(caps.isReadOnly());
            QVERIFY(caps.can(Permission::ReadDirectory));
            QVERIFY(!caps.can(Permission::ReadAudit));
        }
        QVERIFY(ui::Capabilities::forApplicationOwner().ownsGroupsOrApplications());
        QVERIFY(!ui::Capabilities().can(Permission::ReadDirectory)); // no directory: nothing
    }

    void menuPreviewsEveryRoleAndTheBannerSaysWhoActs_data() { capabilitiesMatchThePermissionTable_data(); }
    void menuPreviewsEveryRoleAndTheBannerSaysWhoActs() {
        QFETCH(int, role);
        const auto r = static_cast<Role>(role);
        auto *action = m_window->findChild<QAction *>(QStringLiteral("viewAs") + core::roleKey(r));
        QVERIFY(action);
        action->trigger();
        auto *banner = m_window->findChild<QLabel *>(QStringLiteral("previewBanner"));
        QVERIFY(banner && banner->isVisibleTo(m_window.get()));
        QVERIFY(banner->text().contains(core::roleLabel(r)));
        QVERIFY(banner->text().contains(QStringLiteral("your actions use your own role")));
        QCOMPARE(m_window->capabilities().previewName(), core::roleLabel(r));
        // Backup is the window's own action: enabled exactly when the role grants it.
        auto *backup = m_window->findChild<QAction *>(QStringLiteral("backupAction"));
        QCOMPARE(backup->isEnabled(), core::rolesGranting(Permission::BackupDirectory).contains(r));
        if (!backup->isEnabled()) {
            QVERIFY(backup->toolTip().contains(QStringLiteral("Global Administrator")));
        }
        // The audit pane's export follows ReadAudit.
        auto *exportCsv = m_window->findChild<QWidget *>(QStringLiteral("auditExportCsvButton"));
        QVERIFY(exportCsv);
        QCOMPARE(exportCsv->isEnabled(), core::rolesGranting(Permission::ReadAudit).contains(r));
        // Who acts is unchanged.
        QVERIFY(m_window->session()->op.roles.contains(Role::GlobalAdministrator));
        QCOMPARE(m_window->session()->op.roles.size(), 1);
    }

    void endPreviewRestoresTheOperatorsOwnCapabilities() {
        m_window->previewRole(Role::GlobalReader);
        QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("backupAction"))->isEnabled());
        auto *end = m_window->findChild<QAction *>(QStringLiteral("endPreviewAction"));
        QVERIFY(end->isEnabled());
        end->trigger();
        QVERIFY(!m_window->capabilities().isPreview());
        QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("previewBanner"))->isVisibleTo(m_window.get()));
        QVERIFY(m_window->findChild<QAction *>(QStringLiteral("backupAction"))->isEnabled());
        QVERIFY(!end->isEnabled());
    }
};

QTEST_MAIN(tst_ViewAsRole)
#include "tst_viewasrole.moc"
