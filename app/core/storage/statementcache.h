#pragma once

#include "core/base/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>

namespace atrium::core {

// Prepared statements reused for the life of one transaction (bulk invite runs the same eight
// statements 100,000 times; preparing each once keeps the per-row cost to binding and stepping).
class StatementCache final {
public:
    explicit StatementCache(QSqlDatabase db) : m_db(std::move(db)), m_serial(nextSerial()) {}
    // Unique per cache instance (so callers can key per-transaction memos on it).
    quint64 serial() const { return m_serial; }
    // Runs sql with the values bound; the returned query stays valid until the next run of the same sql.
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values = {});
    // Runs a statement that cannot be prepared (SAVEPOINT on PostgreSQL); no values.
    Status execDirect(const QString &sql);
    QSqlDatabase &db() { return m_db; }

private:
    static quint64 nextSerial();
    QSqlDatabase m_db;
    quint64 m_serial = 0;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
};

} // namespace atrium::core
