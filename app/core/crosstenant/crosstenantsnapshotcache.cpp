#include "core/crosstenant/crosstenantsnapshotcache.h"

#include "core/crosstenant/crosstenantservice.h"
#include "core/storage/database.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <atomic>

namespace atrium::core {
namespace {

struct Entry {
    qint64 generation = -1;
    std::shared_ptr<const CrossTenantSnapshot> snapshot;
};

// A console holds a few directories at most; a bound keeps a long-running test or server that opens
// many temporary databases from growing without limit.
constexpr qsizetype kMaxEntries = 32;

QMutex g_mutex;
QHash<QString, Entry> g_entries; // guarded by g_mutex
std::atomic<qint64> g_loads{0};

QString databaseKey(const QSqlDatabase &db, const QString &tenantId) {
    const QString name = db.databaseName();
    const bool inMemory = db.driverName() == QLatin1String("QSQLITE")
                          && (name.isEmpty() || name == QLatin1String(":memory:") || name.contains(QLatin1String("mode=memory")));
    return db.driverName() + QLatin1Char('|') + db.hostName() + QLatin1Char('|') + QString::number(db.port())
           + QLatin1Char('|') + name + QLatin1Char('|') + db.userName() + QLatin1Char('|') + tenantId
           + (inMemory ? QLatin1Char('|') + db.connectionName() : QString());
}

} // namespace

Result<std::shared_ptr<const CrossTenantSnapshot>> CrossTenantSnapshotCache::get(QSqlDatabase &db) {
    // One round trip: the generation and the directory it belongs to.
    auto q = Database::exec(db, QStringLiteral("SELECT p.generation, (SELECT d.tenant_id FROM directory d WHERE d.id = 1) "
                                               "FROM cross_tenant_policy p WHERE p.id = 1"));
    if (!q.ok()) {
        return q.error();
    }
    const bool found = q->next();
    const qint64 generation = found ? q->value(0).toLongLong() : 0;
    const QString key = databaseKey(db, found ? q->value(1).toString() : QString());
    q->finish();
    {
        QMutexLocker lock(&g_mutex);
        const auto it = g_entries.constFind(key);
        if (it != g_entries.constEnd() && it->generation == generation && it->snapshot) {
            return it->snapshot;
        }
    }
    // Loaded outside the lock: two threads may load the same generation once each, which is
    // cheaper than making every other database wait behind one slow load.
    auto loaded = CrossTenantService::loadSnapshot(db);
    if (!loaded.ok()) {
        return loaded.error();
    }
    g_loads.fetch_add(1, std::memory_order_relaxed);
    QMutexLocker lock(&g_mutex);
    Entry &e = g_entries[key];
    // The generation is read before the load, so a snapshot is never older than the generation it is
    // filed under (at worst newer, which only costs one reload); of two concurrent loads keep the newer.
    if (!e.snapshot || generation >= e.generation) {
        e.generation = generation;
        e.snapshot = *loaded;
    }
    if (g_entries.size() > kMaxEntries) {
        const Entry keep = e;
        g_entries.clear();
        g_entries.insert(key, keep);
    }
    return *loaded;
}

void CrossTenantSnapshotCache::clear() {
    QMutexLocker lock(&g_mutex);
    g_entries.clear();
}

qint64 CrossTenantSnapshotCache::loadCount() { return g_loads.load(std::memory_order_relaxed); }

} // namespace atrium::core
