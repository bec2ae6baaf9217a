#include "core/guests/guestquery.h"
#include "core/guests/guestrow.h"
#include "core/invitations/demodirectory.h"
#include "core/services/settingsservice.h"
#include "core/storage/database.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "models/guestlistmodel.h"
#include "support/fakeclock.h"
#include "support/samplesession.h"
#include "ui/capabilities.h"
#include "ui/guestuserspane.h"
#include "ui/messageboxes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace atrium;

// The Guest users pane on the sample directory (seedDemoDirectory into a temporary SQLite file; the
// redemption token key lives in the keychain, so this runs under keychainsession.sh): the table shows
// the guests, search-as-you-type and the state filter narrow the rows (in the database), a header
// click sorts, blocking a selected guest flips its column, and a Helpdesk Administrator sees Delete
// disabled with the roles that may use it.
class TestGuestUsersPane final : public QObject {
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
        QVERIFY(m_session->op.roles.contains(core::Role::GlobalAdministrator));
        m_totalGuests = count(QStringLiteral("SELECT COUNT(*) FROM users WHERE user_type = 'Guest'"));
        m_pendingGuests = count(QStringLiteral("SELECT COUNT(*) FROM users WHERE user_type = 'Guest' "
                                               "AND external_user_state = 'PendingAcceptance'"));
        QVERIFY(m_totalGuests > 10);
        QVERIFY(m_pendingGuests > 0 && m_pendingGuests < m_totalGuests);
        QVERIFY(m_totalGuests < models::GuestListModel::kPageSize); // every row is in the window

        m_pane = std::make_unique<ui::GuestUsersPane>(m_executor.get());
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

    void tableShowsTheGuests() {
        models::GuestListModel *model = m_pane->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(m_totalGuests), 10000);
        QCOMPARE(table()->model(), static_cast<QAbstractItemModel *>(model));
        QCOMPARE(model->columnCount(), core::kGuestColumnCount);
        for (int r = 0; r < model->rowCount(); ++r) {
            QVERIFY(model->guest(r).userType == core::UserType::Guest);
            QVERIFY(!model->guest(r).mail.isEmpty());
        }
        const QString shown =
            model->data(model->index(0, int(core::GuestColumn::Mail))).toString();
        QCOMPARE(shown, model->guest(0).mail);
        QTRY_VERIFY(model->count().has_value());
        QCOMPARE(model->count()->count, m_totalGuests);
    }

    void searchNarrowsTheRows() {
        models::GuestListModel *model = m_pane->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(m_totalGuests), 10000);
        // A guest's surname (the last word of the display name) as the operator would type it.
        const core::GuestRow target = model->guest(model->rowCount() / 2);
        const QString word = target.displayName.split(QLatin1Char(' '), Qt::SkipEmptyParts).constLast();
        QVERIFY(!word.isEmpty());
        auto *search = child<QLineEdit>("guestSearch");
        // The first keystroke after a pause asks the database at once, without waiting for typing to stop.
        QTest::qWait(300);
        QTest::keyClicks(search, word.left(1));
        QCOMPARE(model->query().search, word.left(1));
        // The rest of the word, typed fast: coalesced into one query for the final text once typing
        // pauses; only that query's rows count (the answers to the earlier ones are dropped).
        QTest::keyClicks(search, word.mid(1));
        QTRY_VERIFY_WITH_TIMEOUT(model->query().search == search->text().simplified() && !model->isLoading(), 10000);
        QCOMPARE(model->query().search, word);
        QVERIFY(model->rowCount() < m_totalGuests);
        QVERIFY(model->rowCount() >= 1);
        QVERIFY2(model->rowOfId(target.id) >= 0, qPrintable(word));
        const QString needle = word.toLower();
        for (int r = 0; r < model->rowCount(); ++r) {
            const core::GuestRow &g = model->guest(r);
            const QString hay = (g.displayName + QLatin1Char(' ') + g.mail + QLatin1Char(' ') + g.userPrincipalName).toLower();
            QVERIFY2(hay.contains(needle), qPrintable(hay));
        }
        // A word nobody has: no rows, and the empty state says so.
        search->setText(QStringLiteral("zzqxnobody"));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 10000);
        QTRY_VERIFY(!model->emptyStateText().isEmpty());
        search->clear();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(m_totalGuests), 10000);
    }

    void stateFilterNarrowsTheRows() {
        models::GuestListModel *model = m_pane->model();
        auto *state = child<QComboBox>("guestStateFilter");
        const int pending = state->findData(int(core::ExternalUserState::PendingAcceptance));
        QVERIFY(pending > 0);
        state->setCurrentIndex(pending);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(m_pendingGuests), 10000);
        for (int r = 0; r < model->rowCount(); ++r) {
            QVERIFY(model->guest(r).state == core::ExternalUserState::PendingAcceptance);
        }
        state->setCurrentIndex(state->findData(int(core::ExternalUserState::Accepted)));
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && model->rowCount() <= m_totalGuests - m_pendingGuests &&
                                     model->guest(0).state == core::ExternalUserState::Accepted,
                                 10000);
        state->setCurrentIndex(0); // any state
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(m_totalGuests), 10000);
    }

    // "No sign-in for N days" follows the directory setting inactiveGuestDays (SPEC §12).
    void noSignInFollowsTheSetting() {
        models::GuestListModel *model = m_pane->model();
        auto *noSignIn = child<QCheckBox>("guestNoSignInFilter");
        QVERIFY(noSignIn->text().contains(QStringLiteral("90")));
        const core::ServiceContext ctx = m_session->context();
        auto set = m_executor
                       ->run<core::Result<core::Setting>>([ctx] {
                           return core::SettingsService(ctx).set(core::settingkey::InactiveGuestDays,
                                                                 QStringLiteral("15"), -1);
                       })
                       .result();
        QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().message));
        m_pane->reload();
        QTRY_VERIFY_WITH_TIMEOUT(noSignIn->text().contains(QStringLiteral("15 day")), 10000);
        noSignIn->setChecked(true);
        QTRY_COMPARE_WITH_TIMEOUT(model->query().noSignInDays, 15, 10000);
        // The sample, ten days on: the guests invited, or last signed in, more than 15 days ago.
        const qint64 cutoff = m_clock->nowMs() - qint64(15) * 86400000;
        const qint64 expected = count(QStringLiteral("SELECT COUNT(*) FROM users WHERE user_type = 'Guest' AND "
                                                     "COALESCE(last_sign_in_at, created_at) < ?"),
                                      {cutoff});
        QVERIFY(expected > 0 && expected < m_totalGuests);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == expected, 10000);
        noSignIn->setChecked(false);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(m_totalGuests), 10000);
    }

    void headerClickSorts() {
        models::GuestListModel *model = m_pane->model();
        QHeaderView *header = table()->horizontalHeader();
        const int mail = int(core::GuestColumn::Mail);
        const QPoint at(header->sectionViewportPosition(mail) + header->sectionSize(mail) / 2, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        QTRY_VERIFY_WITH_TIMEOUT(model->query().sortColumn == core::GuestColumn::Mail && !model->isLoading() &&
                                     model->rowCount() == m_totalGuests,
                                 10000);
        const Qt::SortOrder first = model->query().order;
        QCOMPARE(header->sortIndicatorSection(), mail);
        QVERIFY(isSortedByMail(first));

        // Clicking again reverses the order.
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        const Qt::SortOrder second = first == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
        QTRY_VERIFY_WITH_TIMEOUT(model->query().order == second && !model->isLoading() &&
                                     model->rowCount() == m_totalGuests && isSortedByMail(second),
                                 10000);
    }

    void blockingFlipsTheBlockedColumn() {
        models::GuestListModel *model = m_pane->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(m_totalGuests), 10000);
        int row = -1;
        for (int r = 0; r < model->rowCount() && row < 0; ++r) {
            if (!model->guest(r).signInBlocked) {
                row = r;
            }
        }
        QVERIFY(row >= 0);
        const QString id = model->guest(row).id;
        const QModelIndex blockedCell = model->index(row, int(core::GuestColumn::SignInBlocked));
        const QString before = model->data(blockedCell).toString();
        table()->selectRow(row);
        QCOMPARE(m_pane->selectedIds(), QStringList{id});
        QVERIFY(child<QPushButton>("guestBlockButton")->isEnabled());

        QSignalSpy finished(m_pane.get(), &ui::GuestUsersPane::actionFinished);
        m_pane->setSignInBlocked(true);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(1).toInt(), 1); // succeeded
        QCOMPARE(finished.first().at(2).toInt(), 0); // failed
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfId(id) >= 0 && model->guest(model->rowOfId(id)).signInBlocked, 10000);
        const int now = model->rowOfId(id);
        const QString after = model->data(model->index(now, int(core::GuestColumn::SignInBlocked))).toString();
        QVERIFY2(after != before, qPrintable(after));
        QCOMPARE(count(QStringLiteral("SELECT account_enabled FROM users WHERE id = ?"), {id}), 0);
    }

    void helpdeskCannotDelete() {
        models::GuestListModel *model = m_pane->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), 10000);
        m_pane->setCapabilities(ui::Capabilities::forPreview(core::Role::HelpdeskAdministrator));
        table()->selectRow(0);
        QVERIFY(!m_pane->selectedIds().isEmpty());
        auto *del = child<QPushButton>("guestDeleteButton");
        QVERIFY(!del->isEnabled());
        QVERIFY2(del->toolTip().contains(QStringLiteral("User Administrator")), qPrintable(del->toolTip()));
        QVERIFY2(del->toolTip().contains(QStringLiteral("Global Administrator")), qPrintable(del->toolTip()));
        // What helpdesk may do stays available (SPEC §10): resend, reset and block.
        QVERIFY(child<QPushButton>("guestResendButton")->isEnabled());
        QVERIFY(child<QPushButton>("guestBlockButton")->isEnabled());
        QVERIFY(!child<QPushButton>("guestAddToButton")->isEnabled());
        // Back to the real operator: Delete is enabled again for the selection.
        m_pane->setCapabilities(ui::Capabilities::forOperator(m_session->op));
        QVERIFY(del->isEnabled());
    }

private:
    QTableView *table() const { return child<QTableView>("guestTable"); }

    template <typename W> W *child(const char *name) const {
        auto *w = m_pane->findChild<W *>(QString::fromLatin1(name));
        if (!w) {
            qFatal("no child %s", name);
        }
        return w;
    }

    bool isSortedByMail(Qt::SortOrder order) const {
        const models::GuestListModel *model = m_pane->model();
        for (int r = 1; r < model->rowCount(); ++r) {
            const int c = model->guest(r - 1).mail.toLower().compare(model->guest(r).mail.toLower());
            if (order == Qt::AscendingOrder ? c > 0 : c < 0) {
                return false;
            }
        }
        return model->rowCount() > 1;
    }

    qint64 count(const QString &sql, const QVariantList &values = {}) const {
        return test::scalarOn(*m_executor, m_session->context(), sql, values);
    }

    QTemporaryDir m_dir;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
    std::unique_ptr<models::DbExecutor> m_executor;
    models::SessionPtr m_session;
    std::unique_ptr<ui::GuestUsersPane> m_pane;
    qint64 m_totalGuests = 0;
    qint64 m_pendingGuests = 0;
};

QTEST_MAIN(TestGuestUsersPane)
#include "tst_guestuserspane.moc"
