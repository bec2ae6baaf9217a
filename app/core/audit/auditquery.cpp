#include "core/audit/auditquery.h"

#include "core/storage/database.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::AuditQuery", s); }

const QString kColumns = QStringLiteral("id, at_ms, actor_id, actor_name, activity, category, target_type, target_id, "
                                        "target_name, result, reason, before_json, after_json, correlation_id");

QJsonObject parseJson(const QVariant &v) {
    if (v.isNull()) {
        return {};
    }
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

AuditRecord fromQuery(const QSqlQuery &q) {
    AuditRecord r;
    r.id = q.value(0).toLongLong();
    r.atMs = q.value(1).toLongLong();
    r.actorId = q.value(2).toString();
    r.actorName = q.value(3).toString();
    r.entry.activity = q.value(4).toString();
    r.entry.category = q.value(5).toString();
    r.entry.targetType = q.value(6).toString();
    r.entry.targetId = q.value(7).toString();
    r.entry.targetName = q.value(8).toString();
    r.entry.result = q.value(9).toString();
    r.entry.reason = q.value(10).toString();
    r.entry.before = parseJson(q.value(11));
    r.entry.after = parseJson(q.value(12));
    r.entry.correlationId = q.value(13).toString();
    return r;
}

// LIKE wildcards in the user's text are literal.
QString likePattern(const QString &text) {
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}
} // namespace

Result<AuditPage> AuditQuery::fetch(QSqlDatabase &db, const AuditFilter &f, const AuditCursor &after, int limit) {
    if (limit <= 0) {
        return Error::invalid(tr("A page holds at least one row."));
    }
    QStringList where;
    QVariantList values;
    const auto equals = [&](const char *column, const QString &value) {
        if (!value.isEmpty()) {
            where << QString::fromLatin1(column) + QStringLiteral(" = ?");
            values << value;
        }
    };
    equals("actor_name", f.actor);
    equals("activity", f.activity);
    equals("category", f.category);
    equals("result", f.result);
    equals("correlation_id", f.correlationId);
    if (!f.target.isEmpty()) {
        where << QStringLiteral("(target_id = ? OR target_name = ?)");
        values << f.target << f.target;
    }
    if (f.fromMs > 0) {
        where << QStringLiteral("at_ms >= ?");
        values << f.fromMs;
    }
    if (f.toMs > 0) {
        where << QStringLiteral("at_ms < ?");
        values << f.toMs;
    }
    if (!f.search.isEmpty()) {
        // Case-insensitive on both engines (SQLite's LIKE is for ASCII; lower() keeps PostgreSQL alike).
        where << QStringLiteral("(lower(activity) LIKE ? ESCAPE '\\' OR lower(actor_name) LIKE ? ESCAPE '\\' OR "
                                "lower(target_name) LIKE ? ESCAPE '\\' OR lower(reason) LIKE ? ESCAPE '\\')");
        const QString p = likePattern(f.search.toLower());
        values << p << p << p << p;
    }
    if (!after.isStart()) {
        where << QStringLiteral("(at_ms < ? OR (at_ms = ? AND id < ?))");
        values << after.atMs << after.atMs << after.id;
    }
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log");
    if (!where.isEmpty()) {
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    }
    sql += QStringLiteral(" ORDER BY at_ms DESC, id DESC LIMIT ?");
    values << limit + 1;
    auto q = Database::exec(db, sql, values);
    if (!q.ok()) {
        return q.error();
    }
    AuditPage page;
    q->setForwardOnly(true);
    while (q->next()) {
        if (page.rows.size() == limit) {
            page.hasMore = true;
            break;
        }
        page.rows << fromQuery(*q);
    }
    if (!page.rows.isEmpty()) {
        page.next = {page.rows.constLast().atMs, page.rows.constLast().id};
    }
    return page;
}

Result<AuditPage> AuditQuery::page(const AuditFilter &filter, const AuditCursor &after, int limit) const {
    if (Status s = m_ctx.require(Permission::ReadAudit, {QStringLiteral("Read audit log"), category::DirectoryManagement});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    return fetch(*c, filter, after, limit);
}

Result<AuditRecord> AuditQuery::record(qint64 id) const {
    if (Status s = m_ctx.require(Permission::ReadAudit, {QStringLiteral("Read audit log"), category::DirectoryManagement});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto q = Database::exec(*c, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log WHERE id = ?"),
                            {id});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return Error::notFound(tr("The audit record %1").arg(id));
    }
    return fromQuery(*q);
}

} // namespace atrium::core
