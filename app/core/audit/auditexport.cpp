#include "core/audit/auditexport.h"

#include "core/audit/auditquery.h"
#include "core/base/clock.h"
#include "core/text/csvwriter.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonDocument>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::AuditExport", s); }
QString compact(const QJsonObject &o) {
    return o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
constexpr int kPage = 2000;
} // namespace

QStringList AuditExport::csvHeader() {
    // Column names stay English: they are field names for scripts, like the JSON keys.
    return {QStringLiteral("id"),         QStringLiteral("activityDateTime"), QStringLiteral("activity"),
            QStringLiteral("category"),   QStringLiteral("result"),           QStringLiteral("resultReason"),
            QStringLiteral("actorId"),    QStringLiteral("actor"),            QStringLiteral("targetType"),
            QStringLiteral("targetId"),   QStringLiteral("targetName"),       QStringLiteral("correlationId"),
            QStringLiteral("before"),     QStringLiteral("after")};
}

Result<int> AuditExport::write(QSqlDatabase &db, const AuditFilter &filter, Format format, QIODevice *out,
                               const std::function<bool(int)> &keepGoing) {
    CsvWriter csv(out);
    int written = 0;
    if (format == Format::Csv) {
        csv.writeRecord(csvHeader());
    } else {
        out->write("[");
    }
    AuditCursor cursor;
    for (;;) {
        auto page = AuditQuery::fetch(db, filter, cursor, kPage);
        if (!page.ok()) {
            return page.error();
        }
        for (const AuditRecord &r : std::as_const(page->rows)) {
            if (format == Format::Csv) {
                csv.writeRecord({QString::number(r.id), isoUtc(r.atMs), r.entry.activity, r.entry.category,
                                 r.entry.result, r.entry.reason, r.actorId, r.actorName, r.entry.targetType,
                                 r.entry.targetId, r.entry.targetName, r.entry.correlationId, compact(r.entry.before),
                                 compact(r.entry.after)});
            } else {
                out->write(written == 0 ? "\n" : ",\n");
                out->write(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact));
            }
            ++written;
        }
        if (csv.hasError()) {
            return Error{ErrorCode::Internal, tr("Could not write the export file (disk full?)."), out->errorString(),
                         {}, false};
        }
        if (!page->hasMore) {
            break;
        }
        cursor = page->next;
        if (keepGoing && !keepGoing(written)) {
            return Error{ErrorCode::Cancelled, tr("The export was cancelled."), {}, {}, false};
        }
    }
    if (format == Format::Json) {
        if (out->write("\n]\n") < 0) {
            return Error{ErrorCode::Internal, tr("Could not write the export file (disk full?)."), out->errorString(),
                         {}, false};
        }
    }
    return written;
}

} // namespace atrium::core
