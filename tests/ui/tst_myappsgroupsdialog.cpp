#include "core/invitations/invitationservice.h"
#include "core/services/groupservice.h"
#include "core/services/userservice.h"
#include "core/storage/database.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "support/fakeclock.h"
#include "support/samplesession.h"
#include "ui/messageboxes.h"
#include "ui/myappsgroupsdialog.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace atrium;

// Owners' self-service on a real SQLite directory with the real keychain (run under
// keychainsession.sh): an owner without any role sees only what they own, invites a guest into their
// group (the guest becomes a member), adds an existing guest, and the service refuses a group they do
// not own. An operator who owns nothing sees the empty state.
class TestMyAppsGroupsDialog final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::MessageBoxes::setNonInteractive(true);
        QVERIFY(m_dir.isValid());
        m_executor = std::make_unique<models::DbExecutor>();
        core::ConnectionInfo info;
        info.path = m_dir.filePath(QStringLiteral("owners.sqlite"));
        core::NewDirectory spec;
        spec.displayName = QStringLiteral("Fabrikam");
        spec.initialDomain = QStringLiteral("fabrikam.example");
        spec.creatorDisplayName = QStringLiteral("Ada Admin");
        auto session = m_executor->run<core::Result<models::SessionPtr>>([info, spec, clock = m_clock] {
                                      return models::DirectorySession::create(info, spec, clock);
                                  }).result();
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        m_adminSession = *session;
        m_executor->registerDatabase(m_adminSession->database);

        // Oli is a plain member (no directory role) who owns the group "Project Falcon"; "Finance"
        // and the application "Expenses" belong to nobody Oli knows.
        const core::ServiceContext ctx = m_adminSession->context();
        struct Setup {
            core::Operator owner;
            QString falcon, finance, expenses;
        };
        auto setup = m_executor->run<core::Result<Setup>>([ctx]() -> core::Result<Setup> {
                                    Setup s;
                                    auto u = core::UserService(ctx).addMember(
                                        {QStringLiteral("Oli Owner"), QStringLiteral("oli@fabrikam.example"), {}});
                                    if (!u.ok()) {
                                        return u.error();
                                    }
                                    core::GroupService groups(ctx);
                                    auto falcon = groups.createGroup(QStringLiteral("Project Falcon"));
                                    auto finance = groups.createGroup(QStringLiteral("Finance"));
                                    auto expenses = groups.createApplication(QStringLiteral("Expenses"));
                                    if (!falcon.ok() || !finance.ok() || !expenses.ok()) {
                                        return !falcon.ok() ? falcon.error()
                                                            : (!finance.ok() ? finance.error() : expenses.error());
                                    }
                                    if (core::Status st = groups.addOwner(falcon->id, u->id); !st.ok()) {
                                        return st.error();
                                    }
                                    auto c = ctx.db().connection();
                                    if (!c.ok()) {
                                        return c.error();
                                    }
                                    auto op = core::Operator::load(*c, u->id);
                                    if (!op.ok()) {
                                        return op.error();
                                    }
                                    s.owner = *op;
                                    s.falcon = falcon->id;
                                    s.finance = finance->id;
                                    s.expenses = expenses->id;
                                    return s;
                                }).result();
        QVERIFY2(setup.ok(), qPrintable(setup.ok() ? QString() : setup.error().message));
        QVERIFY(setup->owner.roles.isEmpty());
        auto owner = std::make_shared<models::DirectorySession>(*m_adminSession);
        owner->op = setup->owner;
        m_ownerSession = owner;
        m_falcon = setup->falcon;
        m_finance = setup->finance;
        m_expenses = setup->expenses;
    }

    void cleanupTestCase() {
        if (m_adminSession) {
            m_executor->retire(m_adminSession->database).waitForFinished();
        }
        m_executor.reset();
    }

    void ownerOfNothingSeesTheEmptyState() {
        // Ada is Global Administrator but owns no group or application.
        ui::MyAppsGroupsDialog dialog(m_executor.get(), m_adminSession);
        QSignalSpy loaded(&dialog, &ui::MyAppsGroupsDialog::loaded);
        dialog.show();
        QVERIFY(loaded.wait(10000));
        auto *empty = field<QLabel>(dialog, "ownedEmptyState");
        QVERIFY(empty->isVisible());
        QVERIFY2(empty->text().contains(QStringLiteral("do not own")), qPrintable(empty->text()));
        QCOMPARE(field<QListWidget>(dialog, "ownedList")->count(), 0);
        QVERIFY(!field<QPushButton>(dialog, "ownerInviteButton")->isVisible());
    }

    void ownerSeesOnlyWhatTheyOwn() {
        ui::MyAppsGroupsDialog dialog(m_executor.get(), m_ownerSession);
        QSignalSpy loaded(&dialog, &ui::MyAppsGroupsDialog::loaded);
        dialog.show();
        QVERIFY(loaded.wait(10000));
        QVERIFY(!field<QLabel>(dialog, "ownedEmptyState")->isVisible());
        auto *list = field<QListWidget>(dialog, "ownedList");
        QCOMPARE(list->count(), 1);
        QVERIFY2(list->item(0)->text().contains(QStringLiteral("Project Falcon")), qPrintable(list->item(0)->text()));
        QCOMPARE(dialog.selectedObjectId(), m_falcon); // the only one is selected
        QVERIFY(!dialog.selectObject(m_finance));
        QVERIFY(!dialog.selectObject(m_expenses));
        QVERIFY(list->findItems(QStringLiteral("Finance"), Qt::MatchContains).isEmpty());
        QVERIFY2(field<QGroupBox>(dialog, "ownerInviteBox")->title().contains(QStringLiteral("Project Falcon")),
                 qPrintable(field<QGroupBox>(dialog, "ownerInviteBox")->title()));
        QVERIFY(field<QPushButton>(dialog, "ownerInviteButton")->isEnabled());
    }

    void badRedirectUrlIsShownAtTheFieldAndWritesNothing() {
        const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM users"), {});
        ui::MyAppsGroupsDialog dialog(m_executor.get(), m_ownerSession);
        QSignalSpy loaded(&dialog, &ui::MyAppsGroupsDialog::loaded);
        dialog.show();
        QVERIFY(loaded.wait(10000));
        QSignalSpy failed(&dialog, &ui::MyAppsGroupsDialog::failed);
        field<QLineEdit>(dialog, "ownerInviteEmail")->setText(QStringLiteral("rae@tailspin.example"));
        field<QLineEdit>(dialog, "ownerInviteRedirectUrl")->setText(QStringLiteral("ftp://nowhere"));
        QTest::mouseClick(field<QPushButton>(dialog, "ownerInviteButton"), Qt::LeftButton);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<core::Error>().field, QStringLiteral("redirectUrl"));
        QVERIFY(field<QLabel>(dialog, "redirectUrlError")->isVisible());
        QVERIFY(!field<QLabel>(dialog, "emailError")->isVisible());
        QVERIFY(!field<QLineEdit>(dialog, "ownerRedeemUrl")->isVisible());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM users"), {}), before);
    }

    void ownerInvitesAGuestIntoTheirGroup() {
        ui::MyAppsGroupsDialog dialog(m_executor.get(), m_ownerSession);
        QSignalSpy loaded(&dialog, &ui::MyAppsGroupsDialog::loaded);
        dialog.show();
        QVERIFY(loaded.wait(10000));
        QVERIFY(dialog.selectObject(m_falcon));
        QSignalSpy invited(&dialog, &ui::MyAppsGroupsDialog::invited);
        QSignalSpy failed(&dialog, &ui::MyAppsGroupsDialog::failed);
        QTest::keyClicks(field<QLineEdit>(dialog, "ownerInviteEmail"), QStringLiteral("pat@woodgrove.example"));
        field<QLineEdit>(dialog, "ownerInviteRedirectUrl")->setText(QStringLiteral("https://myapps.fabrikam.example/"));
        field<QLineEdit>(dialog, "ownerInviteDisplayName")->setText(QStringLiteral("Pat Partner"));
        QTest::mouseClick(field<QPushButton>(dialog, "ownerInviteButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!invited.isEmpty() || !failed.isEmpty(), 10000);
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<core::Error>().message));
        const QString guestId = invited.first().at(0).toString();
        QCOMPARE(invited.first().at(1).toString(), m_falcon);
        QVERIFY(!guestId.isEmpty());
        m_invitedGuest = guestId;

        // The guest is a member of Falcon and of nothing else; the link is shown.
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM group_members WHERE group_id = ? AND user_id = ?"),
                       {m_falcon, guestId}),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM group_members WHERE user_id = ?"), {guestId}), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM app_assignments WHERE user_id = ?"), {guestId}), 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM users WHERE id = ? AND user_type = 'Guest'"), {guestId}),
                 1);
        auto *url = field<QLineEdit>(dialog, "ownerRedeemUrl");
        QVERIFY(url->isVisible());
        QVERIFY2(url->text().startsWith(QLatin1String("http")), qPrintable(url->text()));
        // The list reloads with the new member count.
        QTRY_VERIFY_WITH_TIMEOUT(field<QListWidget>(dialog, "ownedList")->count() == 1 &&
                                     field<QListWidget>(dialog, "ownedList")->item(0)->text().contains(QLatin1String("1")),
                                 10000);
    }

    void ownerAddsAnExistingGuest() {
        // A guest invited by the administrator, not yet in Falcon.
        const core::ServiceContext ctx = m_adminSession->context();
        const auto secrets = m_adminSession->secrets;
        auto other = m_executor->run<core::Result<core::InvitationResult>>([ctx, secrets] {
                                    core::GuestInvite g;
                                    g.email = QStringLiteral("kim@northwind.example");
                                    g.redirectUrl = QStringLiteral("https://myapps.fabrikam.example/");
                                    return core::InvitationService(ctx, secrets).invite(g);
                                }).result();
        QVERIFY2(other.ok(), qPrintable(other.ok() ? QString() : other.error().message));
        const QString kim = other->invitedUser.id;

        ui::MyAppsGroupsDialog dialog(m_executor.get(), m_ownerSession);
        QSignalSpy loaded(&dialog, &ui::MyAppsGroupsDialog::loaded);
        dialog.show();
        QVERIFY(loaded.wait(10000));
        auto *picker = field<QComboBox>(dialog, "guestPicker");
        const int at = picker->findData(kim);
        QVERIFY(at >= 0);
        picker->setCurrentIndex(at);
        QSignalSpy added(&dialog, &ui::MyAppsGroupsDialog::guestAdded);
        QSignalSpy failed(&dialog, &ui::MyAppsGroupsDialog::failed);
        QTest::mouseClick(field<QPushButton>(dialog, "addGuestButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty() || !failed.isEmpty(), 10000);
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<core::Error>().message));
        QCOMPARE(added.first().at(0).toString(), kim);
        QVERIFY(field<QLabel>(dialog, "addGuestStatus")->isVisible());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM group_members WHERE group_id = ? AND user_id = ?"),
                       {m_falcon, kim}),
                 1);
    }

    void serviceRefusesWhatTheOwnerDoesNotOwn() {
        QVERIFY(!m_invitedGuest.isEmpty());
        const core::ServiceContext ctx = m_ownerSession->context();
        const auto secrets = m_ownerSession->secrets;
        const QString guest = m_invitedGuest;
        const QString finance = m_finance;
        const QString expenses = m_expenses;
        // Adding an existing guest to a foreign group or application.
        auto toGroup = m_executor->run<core::Status>([ctx, secrets, guest, finance] {
                                      return core::InvitationService(ctx, secrets).addToGroupOrApp(guest, finance);
                                  }).result();
        QVERIFY(!toGroup.ok());
        QCOMPARE(toGroup.error().code, core::ErrorCode::PermissionDenied);
        auto toApp = m_executor->run<core::Status>([ctx, secrets, guest, expenses] {
                                    return core::InvitationService(ctx, secrets).addToGroupOrApp(guest, expenses);
                                }).result();
        QVERIFY(!toApp.ok());
        // Inviting straight into a foreign group: refused by the policy, nothing written.
        const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM users"), {});
        auto invite = m_executor->run<core::Result<core::InvitationResult>>([ctx, secrets, finance] {
                                     core::GuestInvite g;
                                     g.email = QStringLiteral("sam@woodgrove.example");
                                     g.redirectUrl = QStringLiteral("https://myapps.fabrikam.example/");
                                     g.groupIds = {finance};
                                     return core::InvitationService(ctx, secrets).invite(g);
                                 }).result();
        QVERIFY(!invite.ok());
        QVERIFY2(!invite.error().why.isEmpty(), qPrintable(invite.error().message));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM users"), {}), before);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM group_members WHERE group_id = ?"), {finance}), 0);
    }

private:
    template <typename W> static W *field(const QWidget &dialog, const char *name) {
        auto *w = dialog.findChild<W *>(QString::fromLatin1(name));
        if (!w) {
            qFatal("no child %s", name);
        }
        return w;
    }

    qint64 count(const QString &sql, const QVariantList &values) const {
        return test::scalarOn(*m_executor, m_adminSession->context(), sql, values);
    }

    QTemporaryDir m_dir;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
    std::unique_ptr<models::DbExecutor> m_executor;
    models::SessionPtr m_adminSession;
    models::SessionPtr m_ownerSession;
    QString m_falcon;
    QString m_finance;
    QString m_expenses;
    QString m_invitedGuest;
};

QTEST_MAIN(TestMyAppsGroupsDialog)
#include "tst_myappsgroupsdialog.moc"
