#include "core/storage/statementcache.h"

#include "core/storage/database.h"

#include <atomic>

namespace atrium::core {

Result<QSqlQuery *> StatementCache::run(const QString &sql, const QVariantList &values) {
    if (Status s = Database::checkBindable(values); !s.ok()) {
        return s.error();
    }
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        auto q = std::make_shared<QSqlQuery>(m_db);
        q->setForwardOnly(true);
        if (!q->prepare(sql)) {
            return Database::sqlError(q->lastError(), QStringLiteral("Preparing a statement"));
        }
        it = m_queries.insert(sql, q);
    }
    QSqlQuery *q = it->get();
    q->finish();
    Database::bindValues(*q, values);
    if (!q->exec()) {
        return Database::sqlError(q->lastError(), QStringLiteral("A database statement"));
    }
    return q;
}

quint64 StatementCache::nextSerial() {
    static std::atomic<quint64> serial{0};
    return ++serial;
}

Status StatementCache::execDirect(const QString &sql) {
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        return Database::sqlError(q.lastError(), QStringLiteral("A database statement"));
    }
    return {};
}

} // namespace atrium::core
