#include "core/storage/database.h"
#include "models/bulkresultsmodel.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "support/fakeclock.h"
#include "ui/bulkinvitedialog.h"
#include "ui/messageboxes.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace atrium;

namespace {
const QByteArray kHeader = "version:v1.0\n"
                           "Email address to invite [inviteeEmail] Required,Redirection url [inviteRedirectURL] "
                           "Required,Send invitation message (true or false) [sendEmail],Customized invitation message "
                           "[customizedMessageBody],Name of invitee [inviteeName]\n";
} // namespace

// The bulk invite dialog on a real SQLite directory with the real keychain (keychainsession.sh):
// validation with per-row problems, a run with progress and per-row results (the model under
// QAbstractItemModelTester), cancel between batches, and both downloads.
class TestBulkInviteDialog final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::MessageBoxes::setNonInteractive(true);
        QVERIFY(m_dir.isValid());
        m_executor = std::make_unique<models::DbExecutor>();
        core::ConnectionInfo info;
        info.path = m_dir.filePath(QStringLiteral("bulk.sqlite"));
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
    }

    void cleanupTestCase() {
        if (m_session) {
            m_executor->retire(m_session->database).waitForFinished();
        }
        m_executor.reset();
    }

    void validationShowsPerRowProblemsAndWritesNothing() {
        const QString file = writeCsv(QStringLiteral("mixed.csv"),
                                      "ann@woodgrove.example,https://myapps.example,false,,Ann\n"
                                      "not-an-address,https://myapps.example,false,,Bad\n"
                                      "ben@woodgrove.example,,false,,No redirect\n"
                                      "ANN@woodgrove.example,https://myapps.example,false,,Again\n"
                                      "cy@woodgrove.example,https://myapps.example,false,,Cy\n");
        const qint64 before = userCount();
        ui::BulkInviteDialog dialog(m_executor.get(), m_session);
        QAbstractItemModelTester tester(dialog.resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        auto *run = child<QPushButton>(dialog, "bulkRun");
        QVERIFY(!child<QPushButton>(dialog, "bulkValidate")->isEnabled()); // no file yet
        dialog.setFileName(file);
        QVERIFY(!run->isEnabled()); // validation first
        QSignalSpy finished(&dialog, &ui::BulkInviteDialog::finished);
        QTest::mouseClick(child<QPushButton>(dialog, "bulkValidate"), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), true);
        const models::BulkResultsModel *model = dialog.resultsModel();
        QCOMPARE(model->rowCount(), 5);
        // Lines as a spreadsheet shows them: data starts on line 3.
        QCOMPARE(cell(model, 0, models::BulkResultsModel::RowColumn), QStringLiteral("3"));
        QCOMPARE(cell(model, 0, models::BulkResultsModel::StatusColumn), QStringLiteral("Valid"));
        QCOMPARE(cell(model, 1, models::BulkResultsModel::StatusColumn), QStringLiteral("Failed"));
        QVERIFY(!cell(model, 1, models::BulkResultsModel::MessageColumn).isEmpty());
        QCOMPARE(cell(model, 2, models::BulkResultsModel::StatusColumn), QStringLiteral("Failed"));
        QVERIFY(!cell(model, 2, models::BulkResultsModel::MessageColumn).isEmpty());
        QCOMPARE(cell(model, 3, models::BulkResultsModel::StatusColumn), QStringLiteral("Failed"));
        QVERIFY2(cell(model, 3, models::BulkResultsModel::MessageColumn).contains(QStringLiteral("3")),
                 qPrintable(cell(model, 3, models::BulkResultsModel::MessageColumn))); // duplicate of line 3
        QCOMPARE(cell(model, 4, models::BulkResultsModel::StatusColumn), QStringLiteral("Valid"));
        const QString summary = child<QLabel>(dialog, "bulkSummary")->text();
        QVERIFY2(summary.contains(QStringLiteral("3 with problems")), qPrintable(summary));
        QVERIFY(summary.contains(QStringLiteral("Nothing was written")));
        QCOMPARE(userCount(), before);
        QVERIFY(run->isEnabled());
        QVERIFY(!child<QPushButton>(dialog, "bulkDownload")->isEnabled()); // a dry run has no results to keep
    }

    void runShowsEachRowAndDownloadsTheResults() {
        const QString file = writeCsv(QStringLiteral("run.csv"),
                                      "dee@woodgrove.example,https://myapps.example,false,,Dee\n"
                                      "=cmd|' /C calc'!A0,https://myapps.example,false,,Formula\n"
                                      "eve@woodgrove.example,https://myapps.example,false,Welcome,Eve\n"
                                      "fay@woodgrove.example,https://myapps.example,false,,Fay\n");
        const qint64 before = userCount();
        ui::BulkInviteDialog dialog(m_executor.get(), m_session);
        QAbstractItemModelTester tester(dialog.resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        dialog.setFileName(file);
        QSignalSpy finished(&dialog, &ui::BulkInviteDialog::finished);
        QTest::mouseClick(child<QPushButton>(dialog, "bulkValidate"), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        auto *progress = child<QProgressBar>(dialog, "bulkProgress");
        QSignalSpy progressed(progress, &QProgressBar::valueChanged);
        QTest::mouseClick(child<QPushButton>(dialog, "bulkRun"), Qt::LeftButton);
        QVERIFY(dialog.isRunning());
        QVERIFY(child<QPushButton>(dialog, "bulkCancel")->isEnabled());
        QVERIFY(!child<QPushButton>(dialog, "bulkRun")->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QCOMPARE(finished.last().first().toBool(), false);
        QVERIFY(!progressed.isEmpty());
        QCOMPARE(progress->value(), 100);
        const models::BulkResultsModel *model = dialog.resultsModel();
        QCOMPARE(model->rowCount(), 4);
        const QStringList expected{QStringLiteral("Succeeded"), QStringLiteral("Failed"), QStringLiteral("Succeeded"),
                                   QStringLiteral("Succeeded")};
        for (int r = 0; r < 4; ++r) {
            QCOMPARE(cell(model, r, models::BulkResultsModel::StatusColumn), expected.at(r));
            QCOMPARE(cell(model, r, models::BulkResultsModel::RowColumn), QString::number(r + 3));
        }
        QVERIFY(cell(model, 0, models::BulkResultsModel::UpnColumn).contains(QStringLiteral("#EXT#")));
        QCOMPARE(userCount(), before + 3);
        const QString summary = child<QLabel>(dialog, "bulkSummary")->text();
        QVERIFY2(summary.contains(QStringLiteral("3 invited")) && summary.contains(QStringLiteral("1 failed")),
                 qPrintable(summary));

        auto *download = child<QPushButton>(dialog, "bulkDownload");
        QVERIFY(download->isEnabled());
        const QString results = m_dir.filePath(QStringLiteral("results.csv"));
        ui::MessageBoxes::setNextFileName(results);
        QTest::mouseClick(download, Qt::LeftButton);
        QFile f(results);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray csv = f.readAll();
        QVERIFY(csv.startsWith("\xEF\xBB\xBF")); // UTF-8 BOM, so spreadsheets read the names right
        csv.remove(0, 3);
        QCOMPARE(csv.count("\r\n"), 5); // header + 4 rows
        QVERIFY(csv.startsWith("Row,Email address,Status"));
        QVERIFY(csv.contains("dee@woodgrove.example"));
        QVERIFY(csv.contains("Succeeded"));
        // The formula row comes back defused, never as a live formula.
        QVERIFY(!csv.contains("\n=cmd") && !csv.contains(",=cmd"));
    }

    void cancelLeavesWholeGuestsAndSaysWhatWasCommitted() {
        // 1,200 rows: batches of 500; a cancel while the first batch runs stops after it.
        QByteArray rows;
        for (int i = 0; i < 1200; ++i) {
            rows += "bulk" + QByteArray::number(i) + "@northwind.example,https://myapps.example,false,,Row " +
                    QByteArray::number(i) + '\n';
        }
        const QString file = writeCsv(QStringLiteral("big.csv"), rows);
        const qint64 before = userCount();
        ui::BulkInviteDialog dialog(m_executor.get(), m_session);
        QAbstractItemModelTester tester(dialog.resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        dialog.setFileName(file);
        QSignalSpy finished(&dialog, &ui::BulkInviteDialog::finished);
        QTest::mouseClick(child<QPushButton>(dialog, "bulkValidate"), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(dialog.resultsModel()->rowCount(), 1200);
        QTest::mouseClick(child<QPushButton>(dialog, "bulkRun"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(dialog, "bulkCancel"), Qt::LeftButton);
        QVERIFY(child<QLabel>(dialog, "bulkSummary")->text().contains(QStringLiteral("Cancelling")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
        const core::BulkSummary &s = dialog.resultsModel()->summary();
        QVERIFY(s.cancelled);
        QCOMPARE(s.succeeded, 500); // exactly the first batch
        QCOMPARE(dialog.resultsModel()->rowCount(), 500);
        QCOMPARE(userCount(), before + 500);
        // Whole guests: each has its invitation; no invitation without its guest.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users u WHERE u.mail_domain = 'northwind.example' AND "
                                       "NOT EXISTS (SELECT 1 FROM invitations i WHERE i.user_id = u.id)")),
                 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM invitations WHERE email_lower LIKE '%@northwind.example'")),
                 500);
        const QString summary = child<QLabel>(dialog, "bulkSummary")->text();
        QVERIFY2(summary.contains(QStringLiteral("500 guest(s) were invited")), qPrintable(summary));
        // Where it stopped: the last line run (line 502 of the file) and how many lines came after.
        QVERIFY2(summary.contains(QStringLiteral("502")), qPrintable(summary));
        QVERIFY(!child<QPushButton>(dialog, "bulkCancel")->isEnabled());
        QVERIFY(child<QPushButton>(dialog, "bulkRun")->isEnabled());
    }

    void downloadTemplateWritesTheSpecTemplate() {
        ui::BulkInviteDialog dialog(m_executor.get(), m_session);
        const QString path = m_dir.filePath(QStringLiteral("template.csv"));
        ui::MessageBoxes::setNextFileName(path);
        QTest::mouseClick(child<QPushButton>(dialog, "bulkTemplate"), Qt::LeftButton);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines.size() >= 2);
        QCOMPARE(lines.at(0).trimmed(), QByteArray("version:v1.0"));
        for (const char *heading : {"Email address to invite [inviteeEmail] Required",
                                    "Redirection url [inviteRedirectURL] Required",
                                    "Send invitation message (true or false) [sendEmail]",
                                    "Customized invitation message [customizedMessageBody]"}) {
            QVERIFY2(lines.at(1).contains(heading), heading);
        }
        // Its example row is recognised as the example (a template run invites nobody).
        const qint64 before = userCount();
        dialog.setFileName(path);
        QSignalSpy finished(&dialog, &ui::BulkInviteDialog::finished);
        dialog.validate();
        QVERIFY(finished.wait(20000));
        QCOMPARE(dialog.resultsModel()->rowCount(), 1);
        QVERIFY(cell(dialog.resultsModel(), 0, models::BulkResultsModel::MessageColumn).contains(QStringLiteral("example")));
        QCOMPARE(userCount(), before);
    }

private:
    template <typename W> static W *child(const QWidget &dialog, const char *name) {
        auto *w = dialog.findChild<W *>(QString::fromLatin1(name));
        if (!w) {
            qFatal("no child %s", name);
        }
        return w;
    }

    static QString cell(const models::BulkResultsModel *model, int row, int column) {
        return model->index(row, column).data().toString();
    }

    QString writeCsv(const QString &name, const QByteArray &rows) {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(kHeader + rows) < 0) {
            qFatal("cannot write %s", qPrintable(path));
        }
        return path;
    }

    qint64 scalar(const QString &sql) const {
        const core::ServiceContext ctx = m_session->context();
        return m_executor
            ->run<qint64>([ctx, sql]() -> qint64 {
                auto c = ctx.db().connection();
                if (!c.ok()) {
                    return -1;
                }
                auto q = core::Database::exec(*c, sql);
                return q.ok() && q->next() ? q->value(0).toLongLong() : -1;
            })
            .result();
    }
    qint64 userCount() const { return scalar(QStringLiteral("SELECT COUNT(*) FROM users")); }

    QTemporaryDir m_dir;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
    std::unique_ptr<models::DbExecutor> m_executor;
    models::SessionPtr m_session;
};

QTEST_MAIN(TestBulkInviteDialog)
#include "tst_bulkinvitedialog.moc"
