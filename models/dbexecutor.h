#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <type_traits>
#include <vector>

namespace atrium::core {
class Database;
}

namespace atrium::models {

// Runs all database work of the console on ONE worker thread, so the GUI thread never waits on the
// database and every Qt Sql connection the console uses lives on that single thread (Database hands
// out one named connection per thread).
//
// Two Qt 6.4 pitfalls shape the API:
// - A QtConcurrent::run future that someone waits on runs its job *on the waiting thread* when it has
//   not started yet (QFutureInterface steals the runnable). A database job would then open a
//   connection on the wrong thread, so run() feeds a QPromise from a plain pool job instead: waiting
//   on it (tests only) just waits.
// - QFuture::then(context, fn) asserts in debug builds when the context is destroyed before the job
//   ends (Qt 6.4's Continuation::create has Q_ASSERT(context)). Closing a dialog while it saves is
//   normal, so callers use call(context, work, done): a QFutureWatcher owned by the context delivers
//   the result on the context's thread and dies with it.
class DbExecutor final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DbExecutor)
public:
    explicit DbExecutor(QObject *parent = nullptr);
    // Releases the worker's connection of every registered database, then stops the worker (waits
    // for the job that is running: on shutdown only).
    ~DbExecutor() override;

    template <typename T> QFuture<T> run(std::function<T()> fn) {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        m_pool.start([promise, fn = std::move(fn)] {
            if constexpr (std::is_void_v<T>) {
                fn();
            } else {
                promise->addResult(fn());
            }
            promise->finish();
        });
        return future;
    }

    // Runs work on the worker, then done(result) on context's thread — unless context is gone by then.
    template <typename T, typename Done> void call(QObject *context, std::function<T()> work, Done done) {
        auto *watcher = new QFutureWatcher<T>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, done = std::move(done)]() mutable {
            watcher->deleteLater();
            if constexpr (std::is_void_v<T>) {
                done();
            } else {
                done(watcher->future().result());
            }
        });
        watcher->setFuture(run<T>(std::move(work)));
    }

    // Keeps a database alive until it is retired or the executor ends, so that its worker connection
    // is always released on the worker (a Database can close only the calling thread's connection).
    void registerDatabase(const std::shared_ptr<const core::Database> &db);
    // Releases the worker's connection to db (queued after the jobs already submitted) and lets go of it.
    QFuture<void> retire(std::shared_ptr<const core::Database> db);

    // For tests and diagnostics: the worker thread (null until the first job started).
    QThread *workerThread() const;
    // Blocks until every job queued so far has run. Tests only; the console never calls it on the GUI
    // thread. (QThreadPool::waitForDone would also end the worker and orphan its connections.)
    void waitForIdle();

private:
    void releaseAllOnWorker();

    QThreadPool m_pool;
    mutable QMutex m_mutex;
    std::vector<std::shared_ptr<const core::Database>> m_databases;
    QThread *m_worker = nullptr;
};

} // namespace atrium::models
