#include "core/guests/guestdirectory.h"
#include "core/guests/guestseeder.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "models/guestlistmodel.h"
#include "support/fakeclock.h"

#include <QAbstractItemModelTester>
#include <QSemaphore>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace atrium;
using models::GuestListModel;

// The guest list model on a seeded SQLite directory, under QAbstractItemModelTester: paging
// to the end (through the window), stale queries dropped, every sort, the filters and the count.
class tst_GuestListModel final : public QObject {
    Q_OBJECT
    // More than the window holds, so paging to the end drops pages at the top.
    static constexpr int kGuests = GuestListModel::kMaxRows + 3 * GuestListModel::kPageSize + 37;

    QTemporaryDir m_dir;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
    std::unique_ptr<models::DbExecutor> m_executor;
    models::SessionPtr m_session;

    template <typename T> T onWorker(std::function<T()> fn) { return m_executor->run<T>(std::move(fn)).result(); }

    // What the database says, on the worker (the test never opens a connection on its own thread).
    qint64 scalar(const QString &sql) {
        const auto db = m_session->database;
        return onWorker<qint64>([db, sql] {
            auto c = db->connection();
            QSqlQuery q(*c);
            if (!q.exec(sql) || !q.next()) {
                return qint64(-1);
            }
            return q.value(0).toLongLong();
        });
    }

    // Loads every page of the current query; returns the ids seen, in order (with duplicates).
    QStringList pageToTheEnd(GuestListModel &model) {
        // The rows already there (a fresh query: nothing was dropped yet) count too.
        waitIdle(model);
        QStringList ids = allIds(model);
        QObject ctx;
        connect(&model, &QAbstractItemModel::rowsInserted, &ctx, [&](const QModelIndex &, int first, int last) {
            for (int r = first; r <= last; ++r) {
                ids << model.guest(r).id;
            }
        });
        while (model.canFetchMore({})) {
            model.fetchMore({});
            waitIdle(model);
        }
        return ids;
    }

    static void waitIdle(GuestListModel &model) { QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 30000); }

    static QStringList allIds(const GuestListModel &model) {
        QStringList ids;
        for (int r = 0; r < model.rowCount(); ++r) {
            ids << model.guest(r).id;
        }
        return ids;
    }

private slots:
    void initTestCase() {
        m_executor = std::make_unique<models::DbExecutor>();
        core::ConnectionInfo info;
        info.path = m_dir.filePath(QStringLiteral("guests.sqlite"));
        core::NewDirectory spec;
        spec.displayName = QStringLiteral("Fabrikam");
        spec.initialDomain = QStringLiteral("fabrikam.example");
        spec.creatorDisplayName = QStringLiteral("Ada Admin");
        spec.osAccount = core::currentOsAccount();
        const auto clock = m_clock;
        auto session = onWorker<core::Result<models::SessionPtr>>([info, spec, clock]() -> core::Result<models::SessionPtr> {
            auto s = models::DirectorySession::create(info, spec, clock);
            if (!s.ok()) {
                return s.error();
            }
            auto seeded = core::seedGuests(*(*s)->database, *clock, kGuests);
            if (!seeded.ok()) {
                return seeded.error();
            }
            return *s;
        });
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        m_session = *session;
        m_executor->registerDatabase(m_session->database);
    }
    void cleanupTestCase() { m_executor.reset(); }

    void pagingToTheEndVisitsEveryGuestOnce() {
        GuestListModel model(m_executor.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy dropped(&model, &GuestListModel::rowsDroppedAtTop);
        // Every row that ever enters the window (the tester itself fetches more on each insert).
        QStringList ids;
        connect(&model, &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex &, int first, int last) {
            for (int r = first; r <= last; ++r) {
                ids << model.guest(r).id;
            }
        });
        model.setSession(m_session);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 30000);
        const QString firstId = model.guest(0).id;
        while (model.isLoading() || model.canFetchMore({})) {
            model.fetchMore({});
            waitIdle(model);
        }
        disconnect(&model, &QAbstractItemModel::rowsInserted, this, nullptr);
        const qint64 guests = scalar(QStringLiteral(
            "SELECT count(*) FROM users WHERE user_type = 'Guest' AND deleted_at IS NULL"));
        QCOMPARE(guests, qint64(kGuests));
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), kGuests);
        QCOMPARE(ids.size(), kGuests);
        QVERIFY(!model.canFetchMore({}));
        // The window stayed bounded: pages at the top were dropped, and come back when asked for.
        QVERIFY(model.rowCount() <= GuestListModel::kMaxRows);
        QVERIFY(!dropped.isEmpty());
        QVERIFY(model.canFetchPrevious());
        const QString lastId = model.guest(model.rowCount() - 1).id;
        QCOMPARE(lastId, ids.constLast());
        while (model.canFetchPrevious()) {
            model.fetchPrevious();
            waitIdle(model);
            QVERIFY(model.rowCount() <= GuestListModel::kMaxRows);
        }
        QCOMPARE(model.guest(0).id, firstId);
        QCOMPARE(allIds(model), ids.mid(0, model.rowCount()));
        // Going down again continues after the window's last row, not after the old end.
        QVERIFY(model.canFetchMore({}));
        while (model.isLoading() || model.canFetchMore({})) {
            model.fetchMore({});
            waitIdle(model);
        }
        QCOMPARE(allIds(model), ids.mid(ids.size() - model.rowCount()));
        // The count label: more than the cap.
        QTRY_VERIFY(model.count().has_value());
        QVERIFY(model.count()->capped);
        QVERIFY(model.countText().contains(QLatin1String("10")));
        QVERIFY(model.emptyStateText().isEmpty());
    }

    void aNewSearchDropsAnInFlightOlderOne() {
        GuestListModel model(m_executor.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session);
        waitIdle(model);
        // Hold the worker so that both searches are in flight at once.
        QSemaphore gate;
        (void)m_executor->run<void>([&gate] { gate.acquire(); });
        QSignalSpy pages(&model, &GuestListModel::pageLoaded);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setSearch(QStringLiteral("megan"));
        const quint64 older = model.generation();
        QVERIFY(model.isLoading());
        model.setSearch(QStringLiteral("zygmunt"));
        QVERIFY(model.generation() > older);
        gate.release();
        waitIdle(model);
        m_executor->waitForIdle();
        QCoreApplication::processEvents();
        QCOMPARE(pages.size(), 1); // only the newer search's page arrived in the model
        QCOMPARE(inserted.size(), 1);
        QVERIFY(model.rowCount() > 0);
        for (int r = 0; r < model.rowCount(); ++r) {
            const core::GuestRow &g = model.guest(r);
            QVERIFY2(g.displayName.contains(QLatin1String("Zygmunt"), Qt::CaseInsensitive) ||
                         g.mail.contains(QLatin1String("zygmunt"), Qt::CaseInsensitive),
                     qPrintable(g.displayName));
        }
        QCOMPARE(model.query().search, QStringLiteral("zygmunt"));
    }

    void sortsInTheDatabase_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (int c = 0; c < core::kGuestColumnCount; ++c) {
            const QByteArray key = core::guestColumnKey(static_cast<core::GuestColumn>(c)).toLatin1();
            QTest::addRow("%s asc", key.constData()) << c << int(Qt::AscendingOrder);
            QTest::addRow("%s desc", key.constData()) << c << int(Qt::DescendingOrder);
        }
    }
    void sortsInTheDatabase() {
        QFETCH(int, column);
        QFETCH(int, order);
        GuestListModel model(m_executor.get());
        // The tester fetches on at every insert, so under it a sort pages through the whole directory
        // (twice here): the first column's two orders run under it, the rest check their first page
        // (which is all a sort changes) in a second each instead of ten.
        std::optional<QAbstractItemModelTester> tester;
        if (column == 0) {
            tester.emplace(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        }
        model.setSession(m_session);
        waitIdle(model);
        // Start from another order, so that every row of the table changes the query.
        model.sort(column == 0 ? 1 : 0, Qt::SortOrder(order));
        waitIdle(model);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        // The first page as it arrives (the tester fetches on, and the window drops the top later).
        QStringList firstIds;
        QVariantList firstValues;
        connect(&model, &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex &, int first, int last) {
            if (first == 0 && firstIds.isEmpty()) {
                for (int r = first; r <= last; ++r) {
                    firstIds << model.guest(r).id;
                    firstValues << model.index(r, column).data(GuestListModel::SortRole);
                }
            }
        });
        model.sort(column, Qt::SortOrder(order));
        QCOMPARE(reset.size(), 1);
        waitIdle(model);
        QVERIFY(model.rowCount() >= GuestListModel::kPageSize);
        QCOMPARE(int(model.query().sortColumn), column);
        // The same page the directory returns for that order (the model re-queries, never sorts rows).
        const auto db = m_session->database;
        const core::GuestQuery q = model.query();
        const QStringList expected = onWorker<QStringList>([db, q] {
            auto c = db->connection();
            QStringList ids;
            const auto page = core::GuestDirectory::fetchPage(*c, db->engine(), q, std::nullopt, GuestListModel::kPageSize);
            for (const core::GuestRow &r : page->rows) {
                ids << r.id;
            }
            return ids;
        });
        disconnect(&model, &QAbstractItemModel::rowsInserted, this, nullptr);
        QCOMPARE(firstIds, expected);
        // Raw sort values are monotonic for dates and flags (dates compare as dates, not as text).
        const auto col = static_cast<core::GuestColumn>(column);
        if (col == core::GuestColumn::InvitedOn || col == core::GuestColumn::StateChanged ||
            col == core::GuestColumn::LastSignIn || col == core::GuestColumn::SignInBlocked) {
            for (int r = 1; r < GuestListModel::kPageSize; ++r) {
                const QVariant a = firstValues.at(r - 1);
                const QVariant b = firstValues.at(r);
                const int cmp = QVariant::compare(a, b) == QPartialOrdering::Less ? -1 : (a == b ? 0 : 1);
                QVERIFY2(order == Qt::AscendingOrder ? cmp <= 0 : cmp >= 0,
                         qPrintable(QStringLiteral("row %1: %2 vs %3").arg(r).arg(a.toString(), b.toString())));
            }
            if (col != core::GuestColumn::SignInBlocked) {
                QCOMPARE(firstValues.constFirst().metaType(), QMetaType::fromType<QDateTime>());
            }
        }
        // Sorting again the same way sends nothing new.
        model.sort(column, Qt::SortOrder(order));
        QCOMPARE(reset.size(), 1);
    }

    void filtersNarrowInTheDatabase_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("state pending") << QStringLiteral("pending");
        QTest::newRow("state accepted") << QStringLiteral("accepted");
        QTest::newRow("self-service") << QStringLiteral("selfservice");
        QTest::newRow("domain") << QStringLiteral("domain");
        QTest::newRow("pending > 30 days") << QStringLiteral("pendingOld");
        QTest::newRow("no sign-in 90 days") << QStringLiteral("noSignIn");
        QTest::newRow("search + state") << QStringLiteral("searchState");
        QTest::newRow("nothing matches") << QStringLiteral("none");
    }
    void filtersNarrowInTheDatabase() {
        QFETCH(QString, name);
        GuestListModel model(m_executor.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 now = m_clock->nowMs();
        const qint64 day = 86400000;
        core::GuestQuery q;
        std::function<bool(const core::GuestRow &)> matches;
        QString sql;
        if (name == QLatin1String("pending")) {
            q.state = core::ExternalUserState::PendingAcceptance;
            matches = [](const core::GuestRow &g) { return g.state == core::ExternalUserState::PendingAcceptance; };
            sql = QStringLiteral("external_user_state = 'PendingAcceptance'");
        } else if (name == QLatin1String("accepted")) {
            q.state = core::ExternalUserState::Accepted;
            matches = [](const core::GuestRow &g) { return g.state == core::ExternalUserState::Accepted; };
            sql = QStringLiteral("external_user_state = 'Accepted'");
        } else if (name == QLatin1String("selfservice")) {
            q.creationType = core::CreationType::SelfServiceSignUp;
            matches = [](const core::GuestRow &g) { return g.creationType == core::CreationType::SelfServiceSignUp; };
            sql = QStringLiteral("creation_type = 'SelfServiceSignUp'");
        } else if (name == QLatin1String("domain")) {
            q.domain = QStringLiteral("contoso.com");
            matches = [](const core::GuestRow &g) { return g.mail.endsWith(QLatin1String("@contoso.com")); };
            sql = QStringLiteral("mail_domain = 'contoso.com'");
        } else if (name == QLatin1String("pendingOld")) {
            q.pendingOlderThanDays = 30;
            matches = [now, day](const core::GuestRow &g) {
                const qint64 since = g.stateChangedAt > 0 ? g.stateChangedAt : g.invitedOn;
                return g.state == core::ExternalUserState::PendingAcceptance && since < now - 30 * day;
            };
            sql = QStringLiteral("external_user_state = 'PendingAcceptance' AND "
                                 "coalesce(external_user_state_changed_at, created_at) < %1")
                      .arg(now - 30 * day);
        } else if (name == QLatin1String("noSignIn")) {
            q.noSignInDays = 90;
            matches = [now, day](const core::GuestRow &g) {
                const qint64 last = g.lastSignInAt > 0 ? g.lastSignInAt : g.invitedOn;
                return last < now - 90 * day;
            };
            sql = QStringLiteral("coalesce(last_sign_in_at, created_at) < %1").arg(now - 90 * day);
        } else if (name == QLatin1String("searchState")) {
            q.search = QStringLiteral("megan");
            q.state = core::ExternalUserState::Accepted;
            matches = [](const core::GuestRow &g) {
                return g.state == core::ExternalUserState::Accepted &&
                       (g.displayName.contains(QLatin1String("megan"), Qt::CaseInsensitive) ||
                        g.mail.contains(QLatin1String("megan"), Qt::CaseInsensitive));
            };
        } else {
            q.search = QStringLiteral("qqqqzzzz");
            matches = [](const core::GuestRow &) { return false; };
        }
        // The first row goes from the whole directory to the filter, as the pane does; the others open
        // filtered (under the tester, the whole directory is paged through before a filter applies).
        if (name == QLatin1String("pending")) {
            model.setSession(m_session);
            waitIdle(model);
            model.setQuery(q);
        } else {
            model.setQuery(q);
            model.setSession(m_session);
        }
        const QStringList ids = pageToTheEnd(model);
        QTRY_VERIFY(model.count().has_value());
        for (int r = 0; r < model.rowCount(); ++r) {
            QVERIFY2(matches(model.guest(r)), qPrintable(model.guest(r).displayName));
        }
        if (!model.count()->capped) {
            QCOMPARE(qint64(ids.size()), model.count()->count);
        }
        if (!sql.isEmpty()) {
            const qint64 expected = scalar(
                QStringLiteral("SELECT count(*) FROM users WHERE user_type = 'Guest' AND deleted_at IS NULL AND ") + sql);
            QCOMPARE(qint64(ids.size()), expected);
            QVERIFY2(expected > 0 && expected < kGuests, qPrintable(QString::number(expected)));
        }
        QVERIFY(!model.countText().isEmpty());
        if (name == QLatin1String("none")) {
            QCOMPARE(model.rowCount(), 0);
            QVERIFY(model.emptyStateText().contains(QLatin1String("match")));
        } else {
            QVERIFY(model.rowCount() > 0);
            QVERIFY(model.emptyStateText().isEmpty());
        }
    }

    void unboundOrNoSessionReadsNothing() {
        GuestListModel model(m_executor.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(nullptr);
        QVERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(model.emptyStateText().isEmpty());
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), core::guestColumnLabel(core::GuestColumn::DisplayName));
        QCOMPARE(model.columnCount(), 12);
    }
};

QTEST_GUILESS_MAIN(tst_GuestListModel)
#include "tst_guestlistmodel.moc"
