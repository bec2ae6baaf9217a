#include "core/invitations/bulkinvite.h"

#include "core/storage/statementcache.h"
#include "core/text/bulkinvitecsv.h"
#include "core/text/csvwriter.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>
#include <QUuid>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::BulkInvite", s); }

const QString kSucceeded = QStringLiteral("Succeeded");
const QString kAlreadyInvited = QStringLiteral("AlreadyInvited");
const QString kFailed = QStringLiteral("Failed");
const QString kValid = QStringLiteral("Valid");
const QString kNotRun = QStringLiteral("NotRun");

struct PendingRow {
    BulkRowResult result;
    std::optional<InvitationService::Prepared> prepared;
};

void succeeded(PendingRow &p, const InvitationResult &r) {
    p.result.status = kSucceeded;
    p.result.userId = r.invitedUser.id;
    p.result.userPrincipalName = r.invitedUser.userPrincipalName;
    p.result.message = r.emailSuppressedUnsubscribed ? tr("Invited; email not sent (unsubscribed).")
                       : r.emailQueued                ? tr("Invited; email queued.")
                                                      : tr("Invited.");
}
} // namespace

QJsonObject BulkSummary::toJson(bool withRows) const {
    QJsonObject o{{QStringLiteral("jobId"), jobId},
                  {QStringLiteral("correlationId"), correlationId},
                  {QStringLiteral("dryRun"), dryRun},
                  {QStringLiteral("cancelled"), cancelled},
                  {QStringLiteral("total"), total},
                  {QStringLiteral("succeeded"), succeeded},
                  {QStringLiteral("alreadyInvited"), alreadyInvited},
                  {QStringLiteral("failed"), failed}};
    if (withRows) {
        QJsonArray rowsJson;
        for (const BulkRowResult &r : rows) {
            rowsJson << QJsonObject{{QStringLiteral("row"), r.row},
                                    {QStringLiteral("email"), r.email},
                                    {QStringLiteral("status"), r.status},
                                    {QStringLiteral("message"), r.message},
                                    {QStringLiteral("userId"), r.userId},
                                    {QStringLiteral("userPrincipalName"), r.userPrincipalName}};
        }
        o.insert(QStringLiteral("rows"), rowsJson);
    }
    return o;
}

Result<BulkSummary> BulkInviteRunner::run(QIODevice *csv, const QString &fileName, const BulkOptions &options) {
    const ServiceContext &ctx = m_service.context();
    BulkSummary summary;
    summary.dryRun = options.dryRun;
    summary.jobId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    summary.correlationId = summary.jobId;
    AuditEntry uploaded{activity::BatchUploaded, category::UserManagement, QStringLiteral("bulkJob")};
    uploaded.targetId = summary.jobId;
    uploaded.targetName = QFileInfo(fileName).fileName();
    uploaded.correlationId = summary.correlationId;
    if (Status s = ctx.require(Permission::BulkInvite, uploaded); !s.ok()) {
        return s.error();
    }
    // Read the file once: its hash identifies the job, and a broken file is refused before anything
    // is written ("never act on part of a broken file").
    const QByteArray bytes = csv->readAll();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    {
        QBuffer check;
        check.setData(bytes);
        check.open(QIODevice::ReadOnly);
        BulkInviteCsvReader reader(&check);
        if (Status s = reader.readHeader(); !s.ok()) {
            return s.error();
        }
        BulkInviteRow row;
        while (reader.next(&row)) {
        }
        if (reader.hasError()) {
            return Error::invalid(reader.errorString());
        }
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    BulkInviteCsvReader reader(&buffer);
    if (Status s = reader.readHeader(); !s.ok()) {
        return s.error();
    }
    auto conn = ctx.db().connection();
    if (!conn.ok()) {
        return conn.error();
    }
    auto engine = InvitationService::loadPolicy(*conn);
    if (!engine.ok()) {
        return engine.error();
    }
    auto opCtx = InvitationService::operatorContext(*conn, ctx.op(), {}, {});
    if (!opCtx.ok()) {
        return opCtx.error();
    }
    const qint64 startedAt = ctx.clock().nowMs();
    if (!options.dryRun) {
        // Every invitation needs the token key: without a keychain, stop before anything is written.
        if (Status s = m_service.loadTokenKey(); !s.ok()) {
            return s.error();
        }
        const Status s = ctx.db().transaction([&](QSqlDatabase &db) -> Status {
            auto r = Database::exec(db,
                                    QStringLiteral("INSERT INTO bulk_jobs (id, file_name, file_sha256, status, "
                                                   "started_by, started_at) VALUES (?, ?, ?, 'running', ?, ?)"),
                                    {summary.jobId, uploaded.targetName, sha, ctx.op().userId, startedAt});
            if (!r.ok()) {
                return r.error();
            }
            uploaded.after = QJsonObject{{QStringLiteral("fileName"), uploaded.targetName},
                                         {QStringLiteral("sha256"), sha}};
            return AuditLog::append(db, ctx.clock(), ctx.op(), uploaded);
        });
        if (!s.ok()) {
            return s.error();
        }
    }

    const int batchSize = qMax(1, options.batchSize);
    bool more = true;
    while (more) {
        QList<PendingRow> batch;
        BulkInviteRow row;
        while (batch.size() < batchSize && (more = reader.next(&row))) {
            PendingRow p;
            p.result.row = row.rowNumber;
            p.result.email = row.email;
            if (row.isExample) {
                p.result.status = kFailed;
                p.result.message = tr("This is the template's example row; replace it with a real invitee.");
            } else if (!row.ok()) {
                p.result.status = kFailed;
                p.result.message = row.problems.join(QStringLiteral(" "));
            } else if (row.duplicateOfRow > 0) {
                p.result.status = kFailed;
                p.result.message = tr("Duplicate of row %1.").arg(row.duplicateOfRow);
            } else {
                GuestInvite inv;
                inv.email = row.email;
                inv.redirectUrl = row.redirectUrl;
                inv.displayName = row.name;
                inv.message = row.message;
                inv.sendEmail = row.sendEmail;
                inv.correlationId = summary.correlationId;
                auto prepared = m_service.prepare(inv, *engine, *opCtx);
                if (prepared.ok()) {
                    p.prepared = *prepared;
                } else {
                    p.result.status = kFailed;
                    p.result.message = prepared.error().message;
                }
            }
            batch << p;
        }
        if (batch.isEmpty()) {
            break;
        }
        auto alreadyInvited = [](PendingRow &p, const QString &id, const QString &state) {
            p.result.status = kAlreadyInvited;
            p.result.userId = id;
            p.result.message = tr("Already in the directory (%1); not invited again.").arg(state);
        };
        bool rowByRow = !options.multiRow; // set when a multi-row INSERT of this batch failed
        bool manyFailed = false;
        auto commitBatch = [&](QSqlDatabase &db) -> Status {
            StatementCache st(db);
            // The plain rows go through the multi-row fast path; what it leaves (kind Single) is
            // invited one by one below, each in its own savepoint.
            QList<const InvitationService::Prepared *> many;
            QList<PendingRow *> manyRows;
            if (!options.dryRun && !rowByRow) {
                for (PendingRow &p : batch) {
                    if (p.prepared) {
                        many << &*p.prepared;
                        manyRows << &p;
                    }
                }
            }
            auto outcomes = m_service.inviteManyTx(st, many);
            if (!outcomes.ok()) {
                manyFailed = !outcomes.error().transient; // transient: the transaction retries as it is
                return outcomes.error();
            }
            QSet<const PendingRow *> done;
            for (qsizetype i = 0; i < outcomes->size(); ++i) {
                const InvitationService::BatchOutcome &o = outcomes->at(i);
                PendingRow &p = *manyRows.at(i);
                if (o.kind == InvitationService::BatchOutcome::Kind::Existing) {
                    alreadyInvited(p, o.existingId, o.existingState);
                    done.insert(&p);
                } else if (o.kind == InvitationService::BatchOutcome::Kind::Invited) {
                    succeeded(p, o.result);
                    done.insert(&p);
                }
            }
            for (PendingRow &p : batch) {
                if (!p.prepared || done.contains(&p)) {
                    continue;
                }
                auto existing = InvitationService::existingUserByMail(st, p.prepared->emailLower);
                if (!existing.ok()) {
                    return existing.error();
                }
                if (existing->has_value()) {
                    alreadyInvited(p, (*existing)->first, (*existing)->second);
                    continue;
                }
                if (options.dryRun) {
                    p.result.status = kValid;
                    continue;
                }
                if (Status sp = st.execDirect(QStringLiteral("SAVEPOINT bulk_row")); !sp.ok()) {
                    return sp;
                }
                auto r = m_service.inviteTx(st, *p.prepared);
                if (r.ok()) {
                    if (Status rel = st.execDirect(QStringLiteral("RELEASE SAVEPOINT bulk_row")); !rel.ok()) {
                        return rel;
                    }
                    succeeded(p, *r);
                } else {
                    if (r.error().transient) {
                        return r.error(); // the whole batch is retried by the transaction
                    }
                    if (Status rb = st.execDirect(QStringLiteral("ROLLBACK TO SAVEPOINT bulk_row")); !rb.ok()) {
                        return rb;
                    }
                    p.result.status = kFailed;
                    p.result.message = r.error().message;
                }
            }
            return {};
        };
        Status s = options.dryRun ? [&]() -> Status {
            auto c = ctx.db().connection();
            if (!c.ok()) {
                return c.error();
            }
            return commitBatch(*c);
        }()
                                  : ctx.db().transaction(commitBatch);
        if (!s.ok() && manyFailed) {
            // A multi-row INSERT failed and nothing of the batch stayed: each row alone, in its own
            // savepoint, so only the bad row fails.
            rowByRow = true;
            s = ctx.db().transaction(commitBatch);
        }
        if (!s.ok()) {
            return s.error(); // committed batches stay; a re-run finishes the job
        }
        for (const PendingRow &p : batch) {
            summary.rows << p.result;
            ++summary.total;
            if (p.result.status == kSucceeded || p.result.status == kValid) {
                ++summary.succeeded;
            } else if (p.result.status == kAlreadyInvited) {
                ++summary.alreadyInvited;
            } else {
                ++summary.failed;
            }
        }
        const bool goOn = !options.progress || options.progress(summary.total, int(buffer.pos()), bytes.size());
        if (!goOn || (options.cancel && options.cancel->load())) {
            summary.cancelled = more;
            break;
        }
    }
    if (!options.dryRun) {
        AuditEntry processed{activity::BatchProcessed, category::UserManagement, QStringLiteral("bulkJob")};
        processed.targetId = summary.jobId;
        processed.targetName = uploaded.targetName;
        processed.correlationId = summary.correlationId;
        processed.after = summary.toJson(false);
        const Status s = ctx.db().transaction([&](QSqlDatabase &db) -> Status {
            auto r = Database::exec(db,
                                    QStringLiteral("UPDATE bulk_jobs SET total_rows = ?, succeeded = ?, failed = ?, "
                                                   "status = ?, finished_at = ? WHERE id = ?"),
                                    {summary.total, summary.succeeded + summary.alreadyInvited, summary.failed,
                                     summary.cancelled ? QStringLiteral("cancelled") : QStringLiteral("completed"),
                                     ctx.clock().nowMs(), summary.jobId});
            if (!r.ok()) {
                return r.error();
            }
            return AuditLog::append(db, ctx.clock(), ctx.op(), processed);
        });
        if (!s.ok()) {
            return s.error();
        }
    }
    return summary;
}

Status writeBulkResults(QIODevice *out, const BulkSummary &summary) {
    CsvWriter w(out);
    w.writeRecord({QStringLiteral("Row"), QStringLiteral("Email address"), QStringLiteral("Status"),
                   QStringLiteral("Details"), QStringLiteral("User id"), QStringLiteral("User principal name")});
    for (const BulkRowResult &r : summary.rows) {
        w.writeRecord({QString::number(r.row), r.email, r.status, r.message, r.userId, r.userPrincipalName});
    }
    if (w.hasError()) {
        return Error{ErrorCode::Internal, tr("Writing the results file failed (disk full?): %1").arg(out->errorString()),
                     {}, {}, false};
    }
    return {};
}

} // namespace atrium::core
