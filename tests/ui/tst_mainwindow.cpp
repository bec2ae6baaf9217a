#include "core/invitations/demodirectory.h"
#include "models/directorysession.h"
#include "core/services/overviewservice.h"
#include "core/services/userservice.h"
#include "models/dbexecutor.h"
#include "support/fakeclock.h"
#include "ui/emptystatepane.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/messageboxes.h"
#include "ui/newdirectorydialog.h"
#include "ui/overviewpane.h"
#include "ui/welcomedialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace atrium;
using ui::PaneId;

namespace {
// Database names its connections "atrium-<instance>-<thread pointer in hex>"; the console must never
// open one on the GUI thread.
int connectionsOnThread(QThread *thread) {
    const QString suffix = QLatin1Char('-') + QString::number(reinterpret_cast<quintptr>(thread), 16);
    int n = 0;
    for (const QString &name : QSqlDatabase::connectionNames()) {
        n += name.startsWith(QLatin1String("atrium-")) && name.endsWith(suffix) ? 1 : 0;
    }
    return n;
}

QString label(const QWidget *root, const QString &name) {
    const auto *l = root->findChild<QLabel *>(name);
    return l ? l->text() : QStringLiteral("<no label %1>").arg(name);
}

// Every visible interactive widget has an objectName (tests) and an accessibleName (screen readers).
QStringList unnamedInteractiveWidgets(const QWidget *root) {
    QStringList missing;
    QList<QWidget *> widgets;
    for (auto *w : root->findChildren<QAbstractButton *>()) {
        widgets.append(w);
    }
    for (auto *w : root->findChildren<QLineEdit *>()) {
        widgets.append(w);
    }
    for (auto *w : root->findChildren<QAbstractSpinBox *>()) {
        widgets.append(w);
    }
    for (auto *w : root->findChildren<QAbstractItemView *>()) {
        widgets.append(w);
    }
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisibleTo(root) || w->objectName().startsWith(QLatin1String("qt_"))) {
            continue; // Qt's own internals (spin box editors, menu bar extension)
        }
        if (w->objectName().isEmpty() || w->accessibleName().isEmpty()) {
            missing.append(QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + w->objectName());
        }
    }
    return missing;
}
} // namespace

class TestMainWindow final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void overviewShowsTheDirectorysCounts();
    void statusBarShowsDirectoryEngineAndOperator();
    void visitsEveryPaneByClickingTheNavigation();
    void visitsEveryPaneByShortcut();
    void reloadReadsTheCountsAgain();
    void conflictOffersReloadInTheMessageBar();
    void everyInteractiveWidgetIsNamed();
    void newDirectoryRefusesABadDomainNextToTheField();
    void newDirectoryCreatesAndOpens();
    void welcomeDialogLoadsTheSample();
    void demoStartUpCreatesThenReopens();
    void guiThreadNeverOpensADatabaseConnection();

private:
    core::ConnectionInfo sqlite(const QString &name) const {
        core::ConnectionInfo info;
        info.path = m_dir.filePath(name);
        return info;
    }
    QLabel *paneLabel(PaneId id, const QString &name) const { return m_window->pane(id)->findChild<QLabel *>(name); }
    void waitForOverview();

    QTemporaryDir m_dir;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
    std::unique_ptr<models::DbExecutor> m_executor;
    std::unique_ptr<ui::MainWindow> m_window;
    core::OverviewCounts m_expected;
    QString m_adminUpn;
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    ui::MessageBoxes::setNonInteractive(true);
    QVERIFY(m_dir.isValid());
    m_executor = std::make_unique<models::DbExecutor>();

    // The sample directory as seeded ten days ago, so that pending guests count as "more than 7 days".
    const core::ConnectionInfo info = sqlite(QStringLiteral("fabrikam.sqlite"));
    const auto seedClock = std::make_shared<test::FakeClock>();
    m_clock->advanceDays(10);
    auto expected =
        m_executor
            ->run<core::Result<std::pair<core::OverviewCounts, QString>>>(
                [info, seedClock, clock = m_clock]() -> core::Result<std::pair<core::OverviewCounts, QString>> {
                    auto db = core::Database::open(info, core::Database::OpenMode::CreateIfMissing);
                    if (!db.ok()) {
                        return db.error();
                    }
                    if (auto s = core::seedDemoDirectory(**db, *seedClock, *models::DirectorySession::keychain()); !s.ok()) {
                        return s.error();
                    }
                    auto op = core::Operator::resolve(**db);
                    if (!op.ok()) {
                        return op.error();
                    }
                    auto counts = core::OverviewService({*db, clock, *op}).counts();
                    (*db)->releaseThreadConnection();
                    if (!counts.ok()) {
                        return counts.error();
                    }
                    return std::pair{*counts, op->userPrincipalName};
                })
            .result();
    QVERIFY2(expected.ok(), qPrintable(expected.ok() ? QString() : expected.error().message));
    m_expected = expected->first;
    m_adminUpn = expected->second;
    QVERIFY(m_expected.members > 1);
    QVERIFY(m_expected.groups > 0);

    m_window = std::make_unique<ui::MainWindow>(m_executor.get(), m_clock);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->openDirectory(info);
    QTRY_VERIFY(m_window->session() != nullptr);
}

void TestMainWindow::cleanupTestCase() {
    m_window.reset();
    m_executor.reset(); // releases the worker's connections
    ui::MessageBoxes::reset();
}

void TestMainWindow::waitForOverview() {
    auto *overview = qobject_cast<ui::OverviewPane *>(m_window->pane(PaneId::Overview));
    QVERIFY(overview);
    QTRY_VERIFY(!overview->isLoading());
}

void TestMainWindow::overviewShowsTheDirectorysCounts() {
    waitForOverview();
    const QLocale locale;
    QWidget *overview = m_window->pane(PaneId::Overview);
    QTRY_COMPARE(label(overview, QStringLiteral("membersValue")), locale.toString(m_expected.members));
    QCOMPARE(label(overview, QStringLiteral("guestsValue")), locale.toString(m_expected.guests));
    QCOMPARE(label(overview, QStringLiteral("guestsPendingValue")), locale.toString(m_expected.guestsPending));
    QCOMPARE(label(overview, QStringLiteral("guestsAcceptedValue")), locale.toString(m_expected.guestsAccepted));
    QCOMPARE(label(overview, QStringLiteral("guestsPendingOver7DaysValue")),
             locale.toString(m_expected.guestsPendingOver7Days));
    QCOMPARE(label(overview, QStringLiteral("guestsSignInBlockedValue")),
             locale.toString(m_expected.guestsSignInBlocked));
    QCOMPARE(label(overview, QStringLiteral("groupsValue")), locale.toString(m_expected.groups));
    QCOMPARE(label(overview, QStringLiteral("applicationsValue")), locale.toString(m_expected.applications));
    QCOMPARE(label(overview, QStringLiteral("identityProvidersValue")),
             locale.toString(3 + m_expected.configuredIdentityProviders));
    QCOMPARE(label(overview, QStringLiteral("partnersValue")), locale.toString(m_expected.partners));
    QCOMPARE(label(overview, QStringLiteral("overviewTitle")), QStringLiteral("Fabrikam"));
    QVERIFY(!overview->findChild<QWidget *>(QStringLiteral("overviewBusy"))->isVisible());
}

void TestMainWindow::statusBarShowsDirectoryEngineAndOperator() {
    QVERIFY(label(m_window.get(), QStringLiteral("directoryStatus")).contains(QLatin1String("Fabrikam")));
    QVERIFY(label(m_window.get(), QStringLiteral("directoryStatus")).contains(QLatin1String("fabrikam.example")));
    const QString engine = label(m_window.get(), QStringLiteral("engineStatus"));
    QVERIFY2(engine.contains(QLatin1String("SQLite")) && engine.contains(QLatin1String("fabrikam.sqlite")),
             qPrintable(engine));
    const QString op = label(m_window.get(), QStringLiteral("operatorStatus"));
    QVERIFY2(op.contains(m_adminUpn) && op.contains(QLatin1String("Global Administrator")), qPrintable(op));
    QVERIFY(m_window->windowTitle().contains(QLatin1String("Fabrikam")));
}

void TestMainWindow::visitsEveryPaneByClickingTheNavigation() {
    auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
    auto *stack = m_window->findChild<QStackedWidget *>(QStringLiteral("paneStack"));
    QVERIFY(navigation && stack);
    const auto panes = ui::paneInfos();
    QCOMPARE(navigation->count(), 7);
    QCOMPARE(panes.size(), 7);
    // Backwards, so that every click changes the pane.
    for (int i = panes.size() - 1; i >= 0; --i) {
        const QRect rect = navigation->visualItemRect(navigation->item(i));
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(stack->currentWidget()->objectName(), panes.at(i).objectName);
        QWidget *pane = m_window->findChild<QWidget *>(panes.at(i).objectName);
        QVERIFY(pane && pane->isVisible());
        QCOMPARE(m_window->currentPane(), panes.at(i).id);
        if (panes.at(i).id == PaneId::Overview) {
            QVERIFY(!pane->findChild<QLabel *>(QStringLiteral("emptyStateHeadline")));
            continue;
        }
        auto *headline = pane->findChild<QLabel *>(QStringLiteral("emptyStateHeadline"));
        // These panes are built: never an empty state.
        const bool mustBeReal = panes.at(i).id == PaneId::GuestUsers || panes.at(i).id == PaneId::ExternalCollaboration ||
                                panes.at(i).id == PaneId::AuditLog;
        if (mustBeReal || !headline) {
            QVERIFY2(!headline, qPrintable(panes.at(i).objectName));
            if (panes.at(i).id == PaneId::GuestUsers) {
                // The real guest list: the sample directory's guests, read on the worker.
                auto *table = pane->findChild<QAbstractItemView *>(QStringLiteral("guestTable"));
                QVERIFY(table);
                QTRY_VERIFY(table->model()->rowCount() > 0);
            }
            continue;
        }
        // Panes still being built say so, and show no rows.
        QVERIFY2(headline->isVisible(), qPrintable(panes.at(i).objectName));
        QVERIFY(headline->text().contains(QLatin1String("arrive")));
        QVERIFY(pane->findChildren<QAbstractItemView *>().isEmpty());
        QVERIFY(label(pane, QStringLiteral("paneDirectory")).contains(QLatin1String("Fabrikam")));
    }
    // Keyboard: Down from the first entry goes to the second.
    navigation->setFocus();
    QTest::keyClick(navigation, Qt::Key_Down);
    QCOMPARE(m_window->currentPane(), PaneId::GuestUsers);
}

void TestMainWindow::visitsEveryPaneByShortcut() {
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    const auto panes = ui::paneInfos();
    for (int i = panes.size() - 1; i >= 0; --i) {
        QTest::keyClick(m_window.get(), static_cast<Qt::Key>(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(m_window->currentPane(), panes.at(i).id);
        QVERIFY(m_window->pane(panes.at(i).id)->isVisible());
        QCOMPARE(m_window->findChild<QListWidget *>(QStringLiteral("navigation"))->currentRow(), i);
    }
}

void TestMainWindow::reloadReadsTheCountsAgain() {
    waitForOverview();
    const auto ctx = m_window->session()->context();
    auto added = m_executor
                     ->run<core::Result<core::User>>([ctx] {
                         return core::UserService(ctx).addMember(
                             {QStringLiteral("Reload Probe"), QStringLiteral("reload.probe@fabrikam.example"), {}});
                     })
                     .result();
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
    QWidget *overview = m_window->pane(PaneId::Overview);
    QCOMPARE(label(overview, QStringLiteral("membersValue")), QLocale().toString(m_expected.members));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_COMPARE(label(overview, QStringLiteral("membersValue")), QLocale().toString(m_expected.members + 1));
    ++m_expected.members;
}

void TestMainWindow::conflictOffersReloadInTheMessageBar() {
    waitForOverview();
    ui::MessageBar *bar = m_window->messageBar();
    QVERIFY(!bar->isVisible());
    emit m_window->pane(PaneId::Overview)->errorOccurred(core::Error::conflict(QStringLiteral("the directory")));
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), ui::MessageBar::Kind::Warning);
    QVERIFY(!bar->text().isEmpty());
    auto *action = bar->findChild<QAbstractButton *>(QStringLiteral("messageBarAction"));
    QVERIFY(action && action->isVisible());
    auto *overview = qobject_cast<ui::OverviewPane *>(m_window->pane(PaneId::Overview));
    QSignalSpy shown(overview, &ui::OverviewPane::countsShown);
    QTest::mouseClick(action, Qt::LeftButton);
    QVERIFY(!bar->isVisible());
    QTRY_COMPARE(shown.count(), 1); // Reload read the counts again
}

void TestMainWindow::everyInteractiveWidgetIsNamed() {
    QStringList missing = unnamedInteractiveWidgets(m_window.get());
    ui::NewDirectoryDialog newDialog(m_executor.get(), m_clock);
    missing += unnamedInteractiveWidgets(&newDialog);
    ui::WelcomeDialog welcome(QStringLiteral("/tmp/x.sqlite"));
    missing += unnamedInteractiveWidgets(&welcome);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
}

void TestMainWindow::newDirectoryRefusesABadDomainNextToTheField() {
    const QString path = m_dir.filePath(QStringLiteral("contoso.sqlite"));
    m_window->findChild<QAction *>(QStringLiteral("newDirectoryAction"))->trigger();
    ui::NewDirectoryDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ui::NewDirectoryDialog *>()) && dialog->isVisible());
    auto *location = dialog->findChild<QLineEdit *>(QStringLiteral("locationEdit"));
    QCOMPARE(QDir::fromNativeSeparators(location->text()), core::defaultDirectoryPath()); // the default place
    location->setText(path);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("displayNameEdit")), QStringLiteral("Contoso"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("domainEdit")), QStringLiteral("not a domain"));
    QSignalSpy finished(dialog, &ui::NewDirectoryDialog::creationFinished);
    QTest::mouseClick(dialog->findChild<QAbstractButton *>(QStringLiteral("createButton")), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    auto *domainError = dialog->findChild<QLabel *>(QStringLiteral("domainError"));
    QVERIFY(domainError->isVisible());
    QVERIFY(!domainError->text().isEmpty());
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("displayNameError"))->isVisible());
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("generalError"))->isVisible());
    QVERIFY(dialog->isVisible());
    QVERIFY(!QFile::exists(path)); // nothing written
    QCOMPARE(m_window->session()->directory.displayName, QStringLiteral("Fabrikam"));
}

void TestMainWindow::newDirectoryCreatesAndOpens() {
    const QString path = m_dir.filePath(QStringLiteral("contoso.sqlite"));
    auto *dialog = m_window->findChild<ui::NewDirectoryDialog *>();
    QVERIFY(dialog && dialog->isVisible()); // still open from the refused attempt
    auto *domain = dialog->findChild<QLineEdit *>(QStringLiteral("domainEdit"));
    domain->clear();
    QTest::keyClicks(domain, QStringLiteral("contoso.example"));
    QSignalSpy changed(m_window.get(), &ui::MainWindow::sessionChanged);
    QTest::mouseClick(dialog->findChild<QAbstractButton *>(QStringLiteral("createButton")), Qt::LeftButton);
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(m_window->session()->directory.displayName, QStringLiteral("Contoso"));
    QCOMPARE(m_window->session()->directory.initialDomain, QStringLiteral("contoso.example"));
    QVERIFY(QFile::exists(path));
    QTRY_VERIFY(!m_window->findChild<ui::NewDirectoryDialog *>()); // closed and deleted
    waitForOverview();
    QCOMPARE(label(m_window->pane(PaneId::Overview), QStringLiteral("membersValue")), QLocale().toString(1));
    QCOMPARE(label(m_window->pane(PaneId::Overview), QStringLiteral("guestsValue")), QLocale().toString(0));
    QVERIFY(m_window->messageBar()->isVisible()); // "Created the directory …"
}

void TestMainWindow::welcomeDialogLoadsTheSample() {
    ui::MainWindow window(m_executor.get(), m_clock);
    window.show();
    const core::ConnectionInfo info = sqlite(QStringLiteral("first-start.sqlite"));
    window.startUp(info, false);
    ui::WelcomeDialog *welcome = nullptr;
    QTRY_VERIFY((welcome = window.findChild<ui::WelcomeDialog *>()) && welcome->isVisible());
    QVERIFY(!window.session());
    QVERIFY(label(welcome, QStringLiteral("locationLabel")).contains(QLatin1String("first-start.sqlite")));
    QTest::mouseClick(welcome->findChild<QAbstractButton *>(QStringLiteral("sampleButton")), Qt::LeftButton);
    QTRY_VERIFY(window.session() != nullptr);
    QCOMPARE(window.session()->directory.displayName, QStringLiteral("Fabrikam"));
    QVERIFY(QFile::exists(info.path));
}

void TestMainWindow::demoStartUpCreatesThenReopens() {
    const core::ConnectionInfo info = sqlite(QStringLiteral("demo.sqlite"));
    QString tenant;
    {
        ui::MainWindow window(m_executor.get(), m_clock);
        window.startUp(info, true);
        QTRY_VERIFY(window.session() != nullptr);
        QCOMPARE(window.session()->directory.displayName, QStringLiteral("Fabrikam"));
        tenant = window.session()->directory.tenantId;
        QVERIFY(!window.findChild<ui::WelcomeDialog *>());
    }
    ui::MainWindow again(m_executor.get(), m_clock);
    QSignalSpy failed(&again, &ui::MainWindow::openFailed);
    again.startUp(info, true);
    QTRY_VERIFY(again.session() != nullptr);
    QCOMPARE(again.session()->directory.tenantId, tenant); // opened, not created again
    QCOMPARE(failed.count(), 0);
}

void TestMainWindow::guiThreadNeverOpensADatabaseConnection() {
    QCOMPARE(connectionsOnThread(QThread::currentThread()), 0);
    QVERIFY(connectionsOnThread(m_executor->workerThread()) > 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
