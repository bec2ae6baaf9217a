#include "core/services/directoryservice.h"
#include "core/services/roleservice.h"
#include "core/services/userservice.h"
#include "models/auditlogmodel.h"
#include "models/dbexecutor.h"
#include "support/fakeclock.h"
#include "ui/auditlogpane.h"
#include "ui/capabilities.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTest>

using namespace atrium;

// The audit pane on a real SQLite directory: the model under QAbstractItemModelTester while it
// pages, filters (correlation id: a whole job) and exports.
class tst_AuditLogPane final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
    std::unique_ptr<models::DbExecutor> m_executor;
    models::SessionPtr m_session;
    QString m_jobId;

private slots:
    void initTestCase() {
        m_executor = std::make_unique<models::DbExecutor>();
        core::ConnectionInfo info;
        info.path = m_dir.filePath(QStringLiteral("fabrikam.sqlite"));
        core::NewDirectory spec;
        spec.displayName = QStringLiteral("Fabrikam");
        spec.initialDomain = QStringLiteral("fabrikam.example");
        spec.creatorDisplayName = QStringLiteral("Ada Admin");
        spec.osAccount = core::currentOsAccount();
        const auto clock = m_clock;
        auto session = m_executor
                           ->run<core::Result<models::SessionPtr>>([info, spec, clock]() -> core::Result<models::SessionPtr> {
                               auto s = models::DirectorySession::create(info, spec, clock);
                               if (!s.ok()) {
                                   return s.error();
                               }
                               // 450 rows: more than two pages; 5 of them one "bulk job".
                               const core::Status st = (*s)->database->transaction([](QSqlDatabase &db) -> core::Status {
                                   for (int i = 0; i < 450; ++i) {
                                       auto r = core::Database::exec(
                                           db,
                                           QStringLiteral("INSERT INTO audit_log (at_ms, actor_name, activity, category, "
                                                          "target_name, result, before_json, after_json, correlation_id) "
                                                          "VALUES (?, 'ada', 'Update user', 'UserManagement', ?, 'success', "
                                                          "'{\"displayName\":\"Old\"}', '{\"displayName\":\"New\"}', ?)"),
                                           {qint64(1768467600000) + i, QStringLiteral("User %1").arg(i),
                                            i % 90 == 0 ? QStringLiteral("bulk-job") : QStringLiteral("c%1").arg(i)});
                                       if (!r.ok()) {
                                           return r.error();
                                       }
                                   }
                                   return {};
                               });
                               if (!st.ok()) {
                                   return st.error();
                               }
                               return *s;
                           })
                           .result();
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        m_session = *session;
        m_executor->registerDatabase(m_session->database);
    }
    void cleanupTestCase() { m_executor.reset(); }

    void modelPagesUnderTheTester() {
        models::AuditLogModel model(m_executor.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRetentionDays(0); // everything (the fake clock's rows are older than 30 days? keep all)
        model.setSession(m_session);
        QTRY_VERIFY(!model.isLoading() && model.rowCount() > 0);
        QCOMPARE(model.rowCount(), models::AuditLogModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
        while (model.canFetchMore({}) || model.isLoading()) {
            if (model.canFetchMore({})) {
                model.fetchMore({});
            }
            QTest::qWait(5);
        }
        QVERIFY(model.rowCount() >= 450);
        // Every row once (the tester calls fetchMore from rowsInserted: a stale cursor read a page
        // twice), in (time, id) descending order across page boundaries.
        QSet<qint64> ids;
        for (int r = 0; r < model.rowCount(); ++r) {
            const qint64 id = model.index(r, 0).data(models::AuditLogModel::IdRole).toLongLong();
            QVERIFY2(!ids.contains(id), qPrintable(QStringLiteral("row %1 repeats id %2").arg(r).arg(id)));
            ids.insert(id);
        }
        for (int r = 1; r < model.rowCount(); ++r) {
            const qint64 prevMs = model.index(r - 1, 0).data(models::AuditLogModel::TimeMsRole).toLongLong();
            const qint64 ms = model.index(r, 0).data(models::AuditLogModel::TimeMsRole).toLongLong();
            const qint64 prevId = model.index(r - 1, 0).data(models::AuditLogModel::IdRole).toLongLong();
            const qint64 id = model.index(r, 0).data(models::AuditLogModel::IdRole).toLongLong();
            QVERIFY2(prevMs > ms || (prevMs == ms && prevId > id),
                     qPrintable(QStringLiteral("row %1 (%2, #%3) after (%4, #%5)").arg(r).arg(ms).arg(id).arg(prevMs).arg(prevId)));
        }
        core::AuditFilter job;
        job.correlationId = QStringLiteral("bulk-job");
        model.setFilter(job);
        QTRY_VERIFY(!model.isLoading() && model.rowCount() > 0);
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(!model.canFetchMore({}));
    }

    void diffMarksChangedKeys() {
        const auto lines = models::AuditLogModel::diff(
            QJsonObject{{QStringLiteral("a"), 1}, {QStringLiteral("b"), QStringLiteral("x")}},
            QJsonObject{{QStringLiteral("a"), 1}, {QStringLiteral("b"), QStringLiteral("y")}, {QStringLiteral("c"), true}});
        QCOMPARE(lines.size(), 3);
        QVERIFY(!lines[0].changed);
        QCOMPARE(lines[0].before, QStringLiteral("1"));
        QVERIFY(lines[1].changed);
        QCOMPARE(lines[1].after, QStringLiteral("y"));
        QVERIFY(lines[2].changed);
        QVERIFY(lines[2].before.isEmpty());
        QCOMPARE(lines[2].after, QStringLiteral("true"));
    }

    void paneShowsTheWholeJobAndExports() {
        ui::AuditLogPane pane(m_executor.get());
        pane.setCapabilities(ui::Capabilities::forOperator(m_session->op));
        pane.setSession(m_session);
        pane.model()->setRetentionDays(0);
        pane.show();
        QTRY_VERIFY(!pane.model()->isLoading() && pane.model()->rowCount() > 0);
        auto *table = pane.findChild<QTableView *>(QStringLiteral("auditTable"));
        // Select a row of the job, then "Show the whole job".
        int jobRow = -1;
        for (int r = 0; r < pane.model()->rowCount(); ++r) {
            if (pane.model()->index(r, 0).data(models::AuditLogModel::CorrelationIdRole).toString() ==
                QLatin1String("bulk-job")) {
                jobRow = r;
                break;
            }
        }
        QVERIFY(jobRow >= 0);
        table->setCurrentIndex(pane.model()->index(jobRow, 0));
        auto *wholeJob = pane.findChild<QPushButton *>(QStringLiteral("auditWholeJobButton"));
        QVERIFY(wholeJob->isEnabled());
        QTest::mouseClick(wholeJob, Qt::LeftButton);
        QTRY_COMPARE(pane.model()->rowCount(), 5);
        QCOMPARE(pane.findChild<QLineEdit *>(QStringLiteral("auditCorrelationFilter"))->text(), QStringLiteral("bulk-job"));
        table->setCurrentIndex(pane.model()->index(0, 0));
        QVERIFY(pane.findChild<QWidget *>(QStringLiteral("auditDetails"))->property("html").toString().contains(
            QStringLiteral("New")));

        QSignalSpy exported(&pane, &ui::AuditLogPane::exported);
        const QString path = m_dir.filePath(QStringLiteral("job.csv"));
        pane.exportTo(path, false);
        QTRY_COMPARE(exported.count(), 1);
        QVERIFY(exported.at(0).at(0).toBool());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count("\r\n"), 6); // header + the job's 5 rows
    }

    // Ctrl+F, from anywhere in the pane (the inactive guests tab too), puts the cursor in the search;
    // the words typed there filter the log.
    void ctrlFSearchesFromTheKeyboard() {
        ui::AuditLogPane pane(m_executor.get());
        pane.setCapabilities(ui::Capabilities::forOperator(m_session->op));
        pane.setSession(m_session);
        pane.model()->setRetentionDays(0);
        pane.show();
        QVERIFY(QTest::qWaitForWindowActive(&pane));
        QTRY_VERIFY(!pane.model()->isLoading() && pane.model()->rowCount() > 0);
        auto *tabs = pane.findChild<QTabWidget *>(QStringLiteral("auditTabs"));
        tabs->setCurrentIndex(1);
        tabs->currentWidget()->setFocus();
        QTest::keyClick(tabs->currentWidget(), Qt::Key_F, Qt::ControlModifier);
        auto *search = pane.findChild<QLineEdit *>(QStringLiteral("auditSearch"));
        QCOMPARE(tabs->currentIndex(), 0);
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("user 44"));
        QTRY_COMPARE(pane.model()->rowCount(), 11); // User 44 and User 440..449
    }

    void withoutReadAuditThePaneIsDisabledWithTheRoleNamed() {
        ui::AuditLogPane pane(m_executor.get());
        pane.setCapabilities(ui::Capabilities::forPreview(core::Role::HelpdeskAdministrator));
        pane.setSession(m_session);
        auto *exportCsv = pane.findChild<QPushButton *>(QStringLiteral("auditExportCsvButton"));
        QVERIFY(!exportCsv->isEnabled());
        QVERIFY(exportCsv->toolTip().contains(QStringLiteral("Global Reader")));
        QTest::qWait(50);
        QCOMPARE(pane.model()->rowCount(), 0); // nothing read for a role that may not read it
    }
};

QTEST_MAIN(tst_AuditLogPane)
#include "tst_auditlogpane.moc"
