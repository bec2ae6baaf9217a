#include "core/services/audit.h"

#include "core/services/operator.h"
#include "core/storage/database.h"
#include "core/storage/statementcache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>

namespace atrium::core {
namespace {
QVariant jsonOrNull(const QJsonObject &o) {
    if (o.isEmpty()) {
        return QVariant();
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QJsonObject parseJson(const QVariant &v) {
    if (v.isNull()) {
        return {};
    }
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}
} // namespace

QString AuditLog::newCorrelationId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

namespace {
const QString kInsertAudit = QStringLiteral(
    "INSERT INTO audit_log (at_ms, actor_id, actor_name, activity, category, target_type, target_id, target_name, "
    "result, reason, before_json, after_json, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

QVariantList auditValues(const Clock &clock, const Operator &op, const AuditEntry &e) {
    const QString actorName = op.isKnown() ? op.userPrincipalName
                                           : (op.boundAccount.isEmpty() ? QStringLiteral("system")
                                                                        : op.boundAccount + QStringLiteral(" (unbound)"));
    return {clock.nowMs(), op.isKnown() ? QVariant(op.userId) : QVariant(), actorName, e.activity, e.category,
            e.targetType, e.targetId, e.targetName, e.result, e.reason, jsonOrNull(e.before), jsonOrNull(e.after),
            e.correlationId.isEmpty() ? AuditLog::newCorrelationId() : e.correlationId};
}
} // namespace

Status AuditLog::append(StatementCache &st, const Clock &clock, const Operator &op, const AuditEntry &e) {
    auto r = st.run(kInsertAudit, auditValues(clock, op, e));
    if (!r.ok()) {
        return r.error();
    }
    return {};
}

Status AuditLog::appendMany(StatementCache &st, const Clock &clock, const Operator &op,
                            const QList<AuditEntry> &entries) {
    constexpr int kColumns = 13;
    // Qt hands SQLite "?" as named parameters, which SQLite resolves by a linear search while
    // preparing: a few hundred per statement keep that negligible.
    constexpr int kRowsPerStatement = 50;
    const QString head = kInsertAudit.left(kInsertAudit.indexOf(QStringLiteral(" VALUES")));
    const QString tuple = QStringLiteral(", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (qsizetype start = 0; start < entries.size(); start += kRowsPerStatement) {
        const qsizetype n = std::min<qsizetype>(kRowsPerStatement, entries.size() - start);
        const QString sql = head + QStringLiteral(" VALUES ") + tuple.mid(2) + tuple.repeated(n - 1);
        QVariantList values;
        values.reserve(n * kColumns);
        for (qsizetype i = start; i < start + n; ++i) {
            values += auditValues(clock, op, entries.at(i));
        }
        auto r = st.run(sql, values);
        if (!r.ok()) {
            return r.error();
        }
    }
    return {};
}

Status AuditLog::append(QSqlDatabase &db, const Clock &clock, const Operator &op, const AuditEntry &e) {
    auto r = Database::exec(db, kInsertAudit, auditValues(clock, op, e));
    if (!r.ok()) {
        return r.error();
    }
    return {};
}

Result<QList<AuditRecord>> AuditLog::query(QSqlDatabase &db, qint64 sinceMs, const QString &activityName, int limit) {
    QString sql = QStringLiteral("SELECT id, at_ms, actor_id, actor_name, activity, category, target_type, target_id, "
                                 "target_name, result, reason, before_json, after_json, correlation_id FROM audit_log "
                                 "WHERE at_ms >= ?");
    QVariantList values{sinceMs};
    if (!activityName.isEmpty()) {
        sql += QStringLiteral(" AND activity = ?");
        values << activityName;
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    values << limit;
    auto q = Database::exec(db, sql, values);
    if (!q.ok()) {
        return q.error();
    }
    QList<AuditRecord> out;
    while (q->next()) {
        AuditRecord r;
        r.id = q->value(0).toLongLong();
        r.atMs = q->value(1).toLongLong();
        r.actorId = q->value(2).toString();
        r.actorName = q->value(3).toString();
        r.entry.activity = q->value(4).toString();
        r.entry.category = q->value(5).toString();
        r.entry.targetType = q->value(6).toString();
        r.entry.targetId = q->value(7).toString();
        r.entry.targetName = q->value(8).toString();
        r.entry.result = q->value(9).toString();
        r.entry.reason = q->value(10).toString();
        r.entry.before = parseJson(q->value(11));
        r.entry.after = parseJson(q->value(12));
        r.entry.correlationId = q->value(13).toString();
        out << r;
    }
    return out;
}

QJsonObject AuditRecord::toJson() const {
    QJsonObject o{{QStringLiteral("id"), QString::number(id)},
                  {QStringLiteral("activityDateTime"), isoUtc(atMs)},
                  {QStringLiteral("activityDisplayName"), entry.activity},
                  {QStringLiteral("category"), entry.category},
                  {QStringLiteral("correlationId"), entry.correlationId},
                  {QStringLiteral("result"), entry.result},
                  {QStringLiteral("resultReason"), entry.reason},
                  {QStringLiteral("initiatedBy"),
                   QJsonObject{{QStringLiteral("id"), actorId}, {QStringLiteral("userPrincipalName"), actorName}}},
                  {QStringLiteral("targetResources"),
                   QJsonArray{QJsonObject{{QStringLiteral("type"), entry.targetType},
                                          {QStringLiteral("id"), entry.targetId},
                                          {QStringLiteral("displayName"), entry.targetName}}}}};
    if (!entry.before.isEmpty()) {
        o.insert(QStringLiteral("before"), entry.before);
    }
    if (!entry.after.isEmpty()) {
        o.insert(QStringLiteral("after"), entry.after);
    }
    return o;
}

} // namespace atrium::core
