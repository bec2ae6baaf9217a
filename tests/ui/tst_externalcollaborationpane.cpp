#include "core/collaboration/collaborationservice.h"
#include "core/policy/policyengine.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "support/fakeclock.h"
#include "ui/externalcollaborationpane.h"
#include "ui/messageboxes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace atrium;

class TestExternalCollaborationPane final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::MessageBoxes::setNonInteractive(true);
        QVERIFY(m_dir.isValid());
        m_executor = std::make_unique<models::DbExecutor>();
        core::ConnectionInfo info;
        info.path = m_dir.filePath(QStringLiteral("pane.sqlite"));
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
        // A pending guest at contoso.com, so that blocking it shows in the impact preview.
        const core::ServiceContext ctx = m_session->context();
        auto seeded = m_executor->run<core::Status>([ctx] {
                                     return ctx.db().transaction([](QSqlDatabase &db) -> core::Status {
                                         auto q = core::Database::exec(
                                             db, QStringLiteral("INSERT INTO users (id, display_name, "
                                                                "user_principal_name, upn_lower, mail, mail_lower, "
                                                                "mail_domain, user_type, external_user_state, "
                                                                "created_at) VALUES ('g1', 'Pat', "
                                                                "'pat_contoso.com#EXT#@fabrikam.example', "
                                                                "'pat_contoso.com#ext#@fabrikam.example', "
                                                                "'pat@contoso.com', 'pat@contoso.com', 'contoso.com', "
                                                                "'Guest', 'PendingAcceptance', 1)"));
                                         return q.ok() ? core::Status() : core::Status(q.error());
                                     });
                                 }).result();
        QVERIFY(seeded.ok());
    }

    void cleanupTestCase() {
        m_pane.reset();
        if (m_session) {
            m_executor->retire(m_session->database).waitForFinished();
        }
        m_executor.reset();
    }

    void showsTheStoredSettings() {
        m_pane = std::make_unique<ui::ExternalCollaborationPane>(m_executor.get());
        m_pane->resize(1000, 800);
        m_pane->show();
        QSignalSpy loaded(m_pane.get(), &ui::ExternalCollaborationPane::loaded);
        m_pane->setSession(m_session);
        QVERIFY(loaded.wait(10000));
        auto *mode = m_pane->findChild<QComboBox *>(QStringLiteral("restrictionMode"));
        QVERIFY(mode);
        QCOMPARE(mode->currentData().toInt(), int(core::CollaborationRestriction::allowAny));
        // The creator is Global Administrator: everything is enabled; nothing changed → Save disabled.
        QVERIFY(m_pane->findChild<QComboBox *>(QStringLiteral("allowInvitesFrom"))->isEnabled());
        QVERIFY(!m_pane->findChild<QPushButton *>(QStringLiteral("saveButton"))->isEnabled());
        // No privacy contact: leave is explained.
        QVERIFY(!m_pane->findChild<QLabel *>(QStringLiteral("leaveReason"))->text().isEmpty());
    }

    void domainEditorValidatesEachEntry() {
        auto *mode = m_pane->findChild<QComboBox *>(QStringLiteral("restrictionMode"));
        mode->setCurrentIndex(mode->findData(int(core::CollaborationRestriction::denyListed)));
        auto *input = m_pane->findChild<QLineEdit *>(QStringLiteral("domainInput"));
        QVERIFY(input->isVisible());
        QTest::keyClicks(input, QStringLiteral("contoso.com, https://bad.example/path, Contoso.COM."));
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("addDomain")), Qt::LeftButton);
        auto *list = m_pane->findChild<QListWidget *>(QStringLiteral("domainList"));
        QCOMPARE(list->count(), 1);
        const QString problems = m_pane->findChild<QLabel *>(QStringLiteral("domainProblems"))->text();
        QVERIFY2(problems.contains(QStringLiteral("bad.example")), qPrintable(problems));
        QVERIFY(m_pane->findChild<QLabel *>(QStringLiteral("charactersLeft"))->text().contains(QStringLiteral("25")));
    }

    void switchingModeAsksFirst() {
        auto *mode = m_pane->findChild<QComboBox *>(QStringLiteral("restrictionMode"));
        ui::MessageBoxes::setNextAnswer(QMessageBox::No);
        mode->setCurrentIndex(mode->findData(int(core::CollaborationRestriction::allowOnlyListed)));
        QVERIFY(ui::MessageBoxes::lastText().contains(QStringLiteral("contoso.com")));
        // "No" keeps the deny list.
        QCOMPARE(mode->currentData().toInt(), int(core::CollaborationRestriction::denyListed));
        QCOMPARE(m_pane->findChild<QListWidget *>(QStringLiteral("domainList"))->count(), 1);
    }

    void saveShowsImpactThenMakesThePolicyEffective() {
        QSignalSpy impact(m_pane.get(), &ui::ExternalCollaborationPane::impactShown);
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY(impact.wait(10000));
        QVERIFY(m_pane->findChild<QGroupBox *>(QStringLiteral("impactPanel"))->isVisible());
        const QString summary = m_pane->findChild<QLabel *>(QStringLiteral("impactSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("1 pending invitation")), qPrintable(summary));
        auto *list = m_pane->findChild<QTreeWidget *>(QStringLiteral("impactList"));
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("pat@contoso.com"));
        // Nothing saved yet.
        const core::ServiceContext ctx = m_session->context();
        auto before = m_executor->run<core::Result<core::PolicyDecision>>([ctx] {
                                     return core::CollaborationService(ctx).whatIfInvite(QStringLiteral("x@contoso.com"));
                                 }).result();
        QVERIFY(before.ok() && before->allowed);

        QSignalSpy saved(m_pane.get(), &ui::ExternalCollaborationPane::saved);
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("confirmSave")), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        auto after = m_executor->run<core::Result<core::PolicyDecision>>([ctx] {
                                    return core::CollaborationService(ctx).whatIfInvite(QStringLiteral("x@contoso.com"));
                                }).result();
        QVERIFY(after.ok());
        QVERIFY(!after->allowed);
        QCOMPARE(after->decidingRule, core::PolicyEngine::RuleDomainList);
        QVERIFY(!after->reason.isEmpty());
    }

    void staleSaveReportsAConflict() {
        // Someone else saves meanwhile.
        const core::ServiceContext ctx = m_session->context();
        auto other = m_executor->run<core::Result<core::CollaborationSnapshot>>([ctx] {
                                    core::CollaborationService s(ctx);
                                    auto cur = s.read();
                                    core::CollaborationSettings next = cur->settings;
                                    next.selfServiceSignUpEnabled = true;
                                    return s.save(next, cur->rowVersion);
                                }).result();
        QVERIFY(other.ok());
        auto *otp = m_pane->findChild<QCheckBox *>(QStringLiteral("emailOtp"));
        otp->setChecked(false);
        QSignalSpy impact(m_pane.get(), &ui::ExternalCollaborationPane::impactShown);
        m_pane->requestSave();
        QVERIFY(impact.wait(10000));
        QSignalSpy errors(m_pane.get(), &ui::Pane::errorOccurred);
        m_pane->confirmSave();
        QVERIFY(errors.wait(10000));
        const auto error = errors.first().first().value<core::Error>();
        QCOMPARE(error.code, core::ErrorCode::Conflict);
        QVERIFY(error.message.contains(QStringLiteral("someone else")));
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
    std::unique_ptr<models::DbExecutor> m_executor;
    models::SessionPtr m_session;
    std::unique_ptr<ui::ExternalCollaborationPane> m_pane;
};

QTEST_MAIN(TestExternalCollaborationPane)
#include "tst_externalcollaborationpane.moc"
