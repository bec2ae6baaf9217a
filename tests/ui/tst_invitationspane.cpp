#include "core/invitations/demodirectory.h"
#include "core/storage/database.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "models/invitationlistmodel.h"
#include "support/fakeclock.h"
#include "support/samplesession.h"
#include "ui/capabilities.h"
#include "ui/invitationspane.h"
#include "ui/messageboxes.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace atrium;

// The Invitations pane on the sample directory: the table shows every invitation, "mail not sent"
// narrows it in the database, resend and copy redemption link act on the selected row's guest through
// the shared guest actions (the outbox gets a mail, the clipboard the link), and the buttons follow
// the role (a Global Reader sees them disabled with the roles that may use them).
class TestInvitationsPane final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::MessageBoxes::setNonInteractive(true);
        QVERIFY(m_dir.isValid());
        m_executor = std::make_unique<models::DbExecutor>();
        const auto seedClock = std::make_shared<test::FakeClock>();
        m_clock->advanceDays(10);
        auto session =
            test::openSampleSession(*m_executor, m_dir.filePath(QStringLiteral("fabrikam.sqlite")), seedClock, m_clock);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        m_session = *session;
        m_invitations = count(QStringLiteral("SELECT COUNT(*) FROM invitations"));
        QVERIFY(m_invitations > 5);

        m_pane = std::make_unique<ui::InvitationsPane>(m_executor.get());
        m_pane->resize(1400, 700);
        m_pane->setCapabilities(ui::Capabilities::forOperator(m_session->op));
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
        m_pane->setSession(m_session);
    }

    void cleanupTestCase() {
        m_pane.reset();
        if (m_session) {
            m_executor->retire(m_session->database).waitForFinished();
        }
        m_executor.reset();
        ui::MessageBoxes::reset();
    }

    void tableShowsEveryInvitation() {
        models::InvitationListModel *model = m_pane->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(m_invitations), 10000);
        QCOMPARE(table()->model(), static_cast<QAbstractItemModel *>(model));
        for (int r = 1; r < model->rowCount(); ++r) {
            QVERIFY(model->invitation(r - 1).createdAt >= model->invitation(r).createdAt);
        }
        // Nothing selected: the actions wait for a selection.
        QVERIFY(!child<QPushButton>("invitationResendButton")->isEnabled());
        QVERIFY(!child<QPushButton>("invitationCopyLinkButton")->isEnabled());
    }

    void resendQueuesTheMailOfTheSelectedGuest() {
        models::InvitationListModel *model = m_pane->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(m_invitations), 10000);
        const int row = pendingRow();
        QVERIFY(row >= 0);
        const core::InvitationRow inv = model->invitation(row);
        select(row);
        auto *resend = child<QPushButton>("invitationResendButton");
        QVERIFY(resend->isEnabled());
        const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE invitation_id = ?"), {inv.id});
        QSignalSpy finished(m_pane.get(), &ui::InvitationsPane::actionFinished);
        resend->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.at(0).at(1).toInt(), 1);
        QCOMPARE(finished.at(0).at(2).toInt(), 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE invitation_id = ?"), {inv.id}), before + 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = 'Resend invitation' AND "
                                      "target_id = ?"),
                       {inv.userId}),
                 1);
        // After the reload the row shows the queued mail.
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == int(m_invitations), 10000);
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->invitation(r).id == inv.id) {
                QCOMPARE(model->invitation(r).mail, core::InvitationMail::NotSentYet);
            }
        }
    }

    void copyLinkPutsTheRedemptionUrlOnTheClipboard() {
        models::InvitationListModel *model = m_pane->model();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == int(m_invitations), 10000);
        const int row = pendingRow();
        QVERIFY(row >= 0);
        select(row);
        QGuiApplication::clipboard()->clear();
        QSignalSpy finished(m_pane.get(), &ui::InvitationsPane::actionFinished);
        auto *copy = child<QPushButton>("invitationCopyLinkButton");
        QVERIFY(copy->isEnabled());
        copy->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.at(0).at(1).toInt(), 1);
        QVERIFY2(QGuiApplication::clipboard()->text().contains(QStringLiteral("/redeem/")),
                 qPrintable(QGuiApplication::clipboard()->text()));
    }

    void mailNotSentFilterNarrowsInTheDatabase() {
        models::InvitationListModel *model = m_pane->model();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == int(m_invitations), 10000);
        const qint64 notSent = count(QStringLiteral(
            "SELECT COUNT(*) FROM invitations i WHERE (SELECT o.status FROM outbox o WHERE o.invitation_id = i.id "
            "ORDER BY o.id DESC LIMIT 1) IN ('pending', 'failed')"));
        QVERIFY(notSent >= 1); // the resend above queued one
        child<QCheckBox>("invitationNotSentFilter")->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == int(notSent), 10000);
        child<QCheckBox>("invitationNotSentFilter")->setChecked(false);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == int(m_invitations), 10000);
    }

    void readerSeesTheActionsDisabled() {
        models::InvitationListModel *model = m_pane->model();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() > 0, 10000);
        select(0);
        m_pane->setCapabilities(ui::Capabilities::forPreview(core::Role::GlobalReader));
        auto *resend = child<QPushButton>("invitationResendButton");
        QVERIFY(!resend->isEnabled());
        QVERIFY2(resend->toolTip().contains(QStringLiteral("Helpdesk Administrator")), qPrintable(resend->toolTip()));
        m_pane->setCapabilities(ui::Capabilities::forPreview(core::Role::HelpdeskAdministrator));
        QVERIFY(resend->isEnabled()); // helpdesk may resend (SPEC §10)
        m_pane->setCapabilities(ui::Capabilities::forOperator(m_session->op));
    }

private:
    template <typename T> T *child(const char *name) const {
        auto *w = m_pane->findChild<T *>(QString::fromLatin1(name));
        if (!w) {
            qFatal("no child %s", name);
        }
        return w;
    }
    QTableView *table() const { return child<QTableView>("invitationTable"); }
    int pendingRow() const {
        const models::InvitationListModel *model = m_pane->model();
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->invitation(r).status == core::InvitationStatus::PendingAcceptance) {
                return r;
            }
        }
        return -1;
    }
    void select(int row) {
        table()->selectionModel()->setCurrentIndex(m_pane->model()->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    qint64 count(const QString &sql, const QVariantList &values = {}) const {
        return test::scalarOn(*m_executor, m_session->context(), sql, values);
    }

    QTemporaryDir m_dir;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
    std::unique_ptr<models::DbExecutor> m_executor;
    models::SessionPtr m_session;
    std::unique_ptr<ui::InvitationsPane> m_pane;
    qint64 m_invitations = 0;
};

QTEST_MAIN(TestInvitationsPane)
#include "tst_invitationspane.moc"
