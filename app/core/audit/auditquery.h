#pragma once

#include "core/audit/auditfilter.h"
#include "core/services/audit.h"
#include "core/services/servicecontext.h"

namespace atrium::core {

struct AuditPage {
    QList<AuditRecord> rows;
    AuditCursor next;     // pass to the next page() call
    bool hasMore = false; // no COUNT(*): one extra row tells whether another page exists
};

// Reads the audit log for the console and atriumctl: filters and keyset paging in the database, on
// SQLite and PostgreSQL. Rows are never changed here (the table is append-only anyway).
class AuditQuery final {
public:
    explicit AuditQuery(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    // Needs Permission::ReadAudit (refusals are audited, as every refusal is).
    Result<AuditPage> page(const AuditFilter &filter, const AuditCursor &after, int limit) const;
    // One row by id (details view).
    Result<AuditRecord> record(qint64 id) const;

    // The same without permission check, inside the caller's connection (benchmarks, export jobs
    // that already checked).
    static Result<AuditPage> fetch(QSqlDatabase &db, const AuditFilter &filter, const AuditCursor &after, int limit);

    // Up to this many search hits, the hits drive the query; beyond it the filters' index is walked and
    // the hits merged in (SQLite). Tests lower it to run the walk on a few rows.
    static int searchDriveLimit();
    static void setSearchDriveLimit(int hits);

    // The view's lower time bound for a retention of `days` (view only; rows are never deleted).
    static qint64 retentionStartMs(qint64 nowMs, int days) { return nowMs - qint64(days) * 24 * 3600 * 1000; }

private:
    ServiceContext m_ctx;
};

} // namespace atrium::core
