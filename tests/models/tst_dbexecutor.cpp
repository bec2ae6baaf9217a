#include "core/services/directoryservice.h"
#include "core/storage/database.h"
#include "models/dbexecutor.h"

#include <QSemaphore>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <thread>

using namespace atrium;

namespace {
// Connections Database opened for a thread are named "atrium-<instance>-<thread pointer in hex>".
int connectionsOf(QThread *thread) {
    const QString suffix = QLatin1Char('-') + QString::number(reinterpret_cast<quintptr>(thread), 16);
    int n = 0;
    for (const QString &name : QSqlDatabase::connectionNames()) {
        n += name.startsWith(QLatin1String("atrium-")) && name.endsWith(suffix) ? 1 : 0;
    }
    return n;
}

std::shared_ptr<core::Database> openOnWorker(models::DbExecutor &executor, const QString &path) {
    core::ConnectionInfo info;
    info.path = path;
    auto db = executor
                  .run<core::Result<std::shared_ptr<core::Database>>>(
                      [info] { return core::Database::open(info, core::Database::OpenMode::CreateIfMissing); })
                  .result();
    return db.ok() ? *db : nullptr;
}
} // namespace

class TestDbExecutor final : public QObject {
    Q_OBJECT
private slots:
    void runsEveryJobOnOneWorkerThread();
    void waitingNeverRunsAJobOnTheWaitingThread();
    void keepsSubmissionOrder();
    void continuesOnTheContextThread();
    void dropsContinuationOfDestroyedContext();
    void retireReleasesTheWorkerConnection();
    void shutdownReleasesRegisteredDatabases();

private:
    QTemporaryDir m_dir;
};

void TestDbExecutor::runsEveryJobOnOneWorkerThread() {
    models::DbExecutor executor;
    QSet<QThread *> threads;
    for (int i = 0; i < 20; ++i) {
        threads.insert(executor.run<QThread *>([] { return QThread::currentThread(); }).result());
    }
    QCOMPARE(threads.size(), 1);
    QVERIFY(!threads.contains(QThread::currentThread()));
    QCOMPARE(*threads.cbegin(), executor.workerThread());
}

// QtConcurrent::run would run a job that has not started on the thread that waits for it; a database
// job would then open a connection on the GUI thread.
void TestDbExecutor::waitingNeverRunsAJobOnTheWaitingThread() {
    models::DbExecutor executor;
    QSemaphore gate;
    auto blocker = executor.run<void>([&gate] { gate.acquire(); });
    auto queued = executor.run<QThread *>([] { return QThread::currentThread(); });
    std::thread releaser([&gate] {
        QThread::msleep(50);
        gate.release();
    });
    QThread *ranOn = queued.result(); // waits while the job is still queued behind the blocker
    releaser.join();
    blocker.waitForFinished();
    QVERIFY(ranOn != QThread::currentThread());
    QCOMPARE(ranOn, executor.workerThread());
}

void TestDbExecutor::keepsSubmissionOrder() {
    models::DbExecutor executor;
    QList<int> seen;
    QMutex mutex;
    QList<QFuture<void>> futures;
    for (int i = 0; i < 50; ++i) {
        futures.append(executor.run<void>([&, i] {
            QMutexLocker lock(&mutex);
            seen.append(i);
        }));
    }
    for (auto &f : futures) {
        f.waitForFinished();
    }
    QList<int> expected;
    for (int i = 0; i < 50; ++i) {
        expected.append(i);
    }
    QCOMPARE(seen, expected);
}

void TestDbExecutor::continuesOnTheContextThread() {
    models::DbExecutor executor;
    QObject context;
    QThread *continuationThread = nullptr;
    int value = 0;
    executor.call<int>(
        &context, [] { return 42; },
        [&](int v) {
            continuationThread = QThread::currentThread();
            value = v;
        });
    QTRY_COMPARE(value, 42);
    QCOMPARE(continuationThread, QThread::currentThread());
}

void TestDbExecutor::dropsContinuationOfDestroyedContext() {
    models::DbExecutor executor;
    bool ran = false;
    QSemaphore gate;
    {
        QObject context;
        executor.call<int>(
            &context,
            [&gate] {
                gate.acquire();
                return 1;
            },
            [&](int) { ran = true; });
    }
    gate.release();
    executor.waitForIdle();
    QTest::qWait(50); // let any (wrongly) queued continuation be delivered
    QVERIFY(!ran);
}

void TestDbExecutor::retireReleasesTheWorkerConnection() {
    models::DbExecutor executor;
    auto db = openOnWorker(executor, m_dir.filePath(QStringLiteral("retire.sqlite")));
    QVERIFY(db);
    executor.registerDatabase(db);
    QThread *worker = executor.workerThread();
    QVERIFY(connectionsOf(worker) >= 1);
    executor.retire(db).waitForFinished();
    QCOMPARE(connectionsOf(worker), 0);
    // The database still works afterwards for whoever holds it: the next job opens a new connection.
    const auto exists = executor.run<core::Result<bool>>([db] { return core::DirectoryService::exists(*db); }).result();
    QVERIFY(exists.ok());
    QCOMPARE(*exists, false);
    executor.retire(db).waitForFinished();
    QCOMPARE(connectionsOf(worker), 0);
}

void TestDbExecutor::shutdownReleasesRegisteredDatabases() {
    QThread *worker = nullptr;
    std::weak_ptr<core::Database> weak;
    {
        models::DbExecutor executor;
        auto db = openOnWorker(executor, m_dir.filePath(QStringLiteral("shutdown.sqlite")));
        QVERIFY(db);
        executor.registerDatabase(db);
        weak = db;
        worker = executor.workerThread();
        QVERIFY(connectionsOf(worker) >= 1);
        db.reset(); // the executor keeps it alive until it ends
        QVERIFY(!weak.expired());
    }
    QVERIFY(weak.expired());
    QCOMPARE(connectionsOf(worker), 0);
}

QTEST_GUILESS_MAIN(TestDbExecutor)
#include "tst_dbexecutor.moc"
