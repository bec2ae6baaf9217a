#include "models/dbexecutor.h"

#include "core/storage/database.h"

#include <QThread>
#include <algorithm>

namespace atrium::models {

DbExecutor::DbExecutor(QObject *parent) : QObject(parent) {
    // One thread that never expires: a connection opened on it stays valid for the next job.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    m_pool.setObjectName(QStringLiteral("atrium-db"));
    // The first job names the thread (for debuggers and logs) and remembers it.
    m_pool.start([this] {
        QThread::currentThread()->setObjectName(QStringLiteral("atrium-db"));
        QMutexLocker lock(&m_mutex);
        m_worker = QThread::currentThread();
    });
}

DbExecutor::~DbExecutor() {
    m_pool.start([this] { releaseAllOnWorker(); });
    m_pool.waitForDone();
}

void DbExecutor::registerDatabase(const std::shared_ptr<const core::Database> &db) {
    if (!db) {
        return;
    }
    QMutexLocker lock(&m_mutex);
    if (std::find(m_databases.cbegin(), m_databases.cend(), db) == m_databases.cend()) {
        m_databases.push_back(db);
    }
}

QFuture<void> DbExecutor::retire(std::shared_ptr<const core::Database> db) {
    {
        QMutexLocker lock(&m_mutex);
        std::erase(m_databases, db);
    }
    // The lambda holds a reference, so the database outlives the release even when the caller
    // drops its last one right away.
    return run<void>([db = std::move(db)]() mutable {
        if (db) {
            db->releaseThreadConnection();
        }
        db.reset();
    });
}

QThread *DbExecutor::workerThread() const {
    QMutexLocker lock(&m_mutex);
    return m_worker;
}

void DbExecutor::waitForIdle() {
    run<void>([] {}).waitForFinished();
}

void DbExecutor::releaseAllOnWorker() {
    std::vector<std::shared_ptr<const core::Database>> live;
    {
        QMutexLocker lock(&m_mutex);
        live.swap(m_databases);
    }
    for (const auto &db : live) {
        db->releaseThreadConnection();
    }
    live.clear(); // a database nobody else holds any more is destroyed here, on the worker
}

} // namespace atrium::models
