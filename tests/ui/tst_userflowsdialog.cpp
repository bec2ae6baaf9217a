#include "core/services/settingsservice.h"
#include "core/userflows/userflowservice.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "support/fakeclock.h"
#include "ui/messageboxes.h"
#include "ui/userflowsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace atrium;

// The user flows and API connectors dialog (issue 7, SPEC §8) on a real SQLite directory with the
// real keychain (run under keychainsession.sh): an API connector and a user flow are created through
// the dialog's controls and read back through the service; creating a flow while self-service
// sign-up is off is refused. A screenshot goes to <build>/portal-screenshots/userflows-dialog.png.
class TestUserFlowsDialog final : public QObject {
    Q_OBJECT

    template <typename T> static T *field(QWidget &w, const char *name) {
        T *child = w.findChild<T *>(QString::fromLatin1(name));
        if (!child) {
            qFatal("no child %s", name);
        }
        return child;
    }

    void setSelfService(bool on) {
        const core::ServiceContext ctx = m_session->context();
        auto r = m_executor
                     ->run<core::Result<core::Setting>>([ctx, on] {
                         core::SettingsService s(ctx);
                         auto cur = s.get(core::settingkey::Collaboration);
                         if (!cur.ok()) {
                             return core::Result<core::Setting>(cur.error());
                         }
                         return s.set(core::settingkey::Collaboration,
                                      on ? QStringLiteral(R"({"selfServiceSignUpEnabled":true})")
                                         : QStringLiteral(R"({"selfServiceSignUpEnabled":false})"),
                                      cur->isDefault ? -1 : cur->rowVersion);
                     })
                     .result();
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::MessageBoxes::setNonInteractive(true);
        QVERIFY(m_dir.isValid());
        m_executor = std::make_unique<models::DbExecutor>();
        core::ConnectionInfo info;
        info.path = m_dir.filePath(QStringLiteral("userflows.sqlite"));
        core::NewDirectory spec;
        spec.displayName = QStringLiteral("Fabrikam");
        spec.initialDomain = QStringLiteral("fabrikam.example");
        spec.creatorDisplayName = QStringLiteral("Ada Admin");
        auto session = m_executor
                           ->run<core::Result<models::SessionPtr>>([info, spec, clock = m_clock] {
                               return models::DirectorySession::create(info, spec, clock);
                           })
                           .result();
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        m_session = *session;
        m_executor->registerDatabase(m_session->database);
    }

    void cleanupTestCase() {
        if (m_session) {
            m_executor->retire(m_session->database).waitForFinished();
        }
        m_executor.reset();
    }

    void offMeansNoNewFlows() {
        setSelfService(false);
        ui::UserFlowsDialog dialog(m_executor.get(), m_session);
        QSignalSpy loaded(&dialog, &ui::UserFlowsDialog::loaded);
        dialog.show();
        QVERIFY(loaded.wait(10000));
        QVERIFY(field<QLabel>(dialog, "userFlowsStatus")->text().contains(QStringLiteral("turned off")));
        QVERIFY(!field<QPushButton>(dialog, "saveFlowButton")->isEnabled());
        QVERIFY(field<QPushButton>(dialog, "saveConnectorButton")->isEnabled()); // connectors may be prepared
    }

    void createConnectorAndFlow() {
        setSelfService(true);
        ui::UserFlowsDialog dialog(m_executor.get(), m_session);
        QSignalSpy loaded(&dialog, &ui::UserFlowsDialog::loaded);
        QSignalSpy saved(&dialog, &ui::UserFlowsDialog::saved);
        QSignalSpy failed(&dialog, &ui::UserFlowsDialog::failed);
        dialog.show();
        QVERIFY(loaded.wait(10000));

        // A connector: http to a remote host is refused at the field, then localhost is accepted.
        dialog.showConnectorsTab();
        field<QLineEdit>(dialog, "connectorNameEdit")->setText(QStringLiteral("Approval"));
        field<QLineEdit>(dialog, "connectorUrlEdit")->setText(QStringLiteral("http://approvals.example.com/api"));
        field<QLineEdit>(dialog, "connectorUserEdit")->setText(QStringLiteral("atrium"));
        field<QLineEdit>(dialog, "connectorPasswordEdit")->setText(QStringLiteral("pw"));
        QTest::mouseClick(field<QPushButton>(dialog, "saveConnectorButton"), Qt::LeftButton);
        QVERIFY(failed.wait(10000));
        field<QLineEdit>(dialog, "connectorUrlEdit")->setText(QStringLiteral("http://127.0.0.1:9/approve"));
        QTest::mouseClick(field<QPushButton>(dialog, "saveConnectorButton"), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(field<QListWidget>(dialog, "connectorList")->count(), 1);
        QVERIFY(field<QLineEdit>(dialog, "connectorPasswordEdit")->text().isEmpty()); // never shown again

        // A flow collecting display name (required) and job title, with the connector before creation.
        field<QTabWidget>(dialog, "userFlowsTabs")->setCurrentIndex(0);
        field<QLineEdit>(dialog, "flowNameEdit")->setText(QStringLiteral("B2X_1_Console"));
        field<QLineEdit>(dialog, "flowRedirectEdit")->setText(QStringLiteral("https://apps.fabrikam.example/"));
        auto *attributes = field<QTreeWidget>(dialog, "attributeList");
        for (int i = 0; i < attributes->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = attributes->topLevelItem(i);
            if (item->data(0, Qt::UserRole).toString() == QLatin1String("jobTitle")) {
                item->setCheckState(1, Qt::Checked);
            }
        }
        field<QLineEdit>(dialog, "customAttributeEdit")->setText(QStringLiteral("extension_Company"));
        QTest::mouseClick(field<QPushButton>(dialog, "addCustomAttributeButton"), Qt::LeftButton);
        auto *combo = field<QComboBox>(dialog, "postAttributeCollectionCombo");
        QCOMPARE(combo->count(), 2);
        combo->setCurrentIndex(1);
        dialog.resize(1100, 700);
        QTest::mouseClick(field<QPushButton>(dialog, "saveFlowButton"), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(field<QListWidget>(dialog, "flowList")->count(), 1);
        const QString shots = qEnvironmentVariable("ATRIUM_BINARY_DIR") + QStringLiteral("/portal-screenshots");
        QDir().mkpath(shots);
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/userflows-dialog.png")));

        const core::ServiceContext ctx = m_session->context();
        const auto secrets = m_session->secrets;
        auto flow = m_executor
                        ->run<core::Result<core::UserFlow>>([ctx, secrets] {
                            return core::UserFlowService(ctx, secrets).flow(QStringLiteral("B2X_1_Console"));
                        })
                        .result();
        QVERIFY2(flow.ok(), qPrintable(flow.ok() ? QString() : flow.error().message));
        QCOMPARE(flow->attributes.size(), 3);
        QCOMPARE(flow->attributes.at(0).name, QStringLiteral("displayName"));
        QVERIFY(flow->attributes.at(0).required);
        QCOMPARE(flow->attributes.at(1).name, QStringLiteral("jobTitle"));
        QCOMPARE(flow->attributes.at(2).name, QStringLiteral("extension_Company"));
        QVERIFY(!flow->postAttributeCollectionConnectorId.isEmpty());
        QCOMPARE(flow->redirectUrl, QStringLiteral("https://apps.fabrikam.example/"));

        // Editing keeps the name and writes with the row version the dialog read.
        QVERIFY(field<QLineEdit>(dialog, "flowNameEdit")->isReadOnly());
        field<QCheckBox>(dialog, "flowEnabledCheck")->setChecked(false);
        QTest::mouseClick(field<QPushButton>(dialog, "saveFlowButton"), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        auto disabled = m_executor
                            ->run<core::Result<core::UserFlow>>([ctx, secrets] {
                                return core::UserFlowService(ctx, secrets).flow(QStringLiteral("B2X_1_Console"));
                            })
                            .result();
        QVERIFY(!disabled->enabled);
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
    std::unique_ptr<models::DbExecutor> m_executor;
    models::SessionPtr m_session;
};

QTEST_MAIN(TestUserFlowsDialog)
#include "tst_userflowsdialog.moc"
