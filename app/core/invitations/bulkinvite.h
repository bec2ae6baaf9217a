#pragma once

#include "core/invitations/invitationservice.h"

#include <QIODevice>

#include <atomic>
#include <functional>

namespace atrium::core {

struct BulkRowResult {
    int row = 0;            // the line of the file, as a spreadsheet shows it
    QString email;
    QString status;         // "Succeeded", "AlreadyInvited", "Failed", "NotRun" (dry run / cancelled)
    QString message;
    QString userId;
    QString userPrincipalName;
};

struct BulkSummary {
    QString jobId;
    QString correlationId;
    bool dryRun = false;
    bool cancelled = false;
    int total = 0;
    int succeeded = 0;
    int alreadyInvited = 0;
    int failed = 0;
    QList<BulkRowResult> rows;
    QJsonObject toJson(bool withRows) const;
};

struct BulkOptions {
    bool dryRun = false;     // validate and ask the policy engine; write nothing
    int batchSize = 500;     // rows per transaction
    // Plain rows are written with multi-row INSERTs (InvitationService::inviteManyTx); false writes
    // every row alone in its own savepoint, as before (the benchmark compares the two).
    bool multiRow = true;
    // Called after every batch; return false to cancel (what is committed stays committed).
    std::function<bool(int rowsDone, int bytesRead, qint64 bytesTotal)> progress;
    const std::atomic_bool *cancel = nullptr;
};

// Bulk invite from the model system's CSV template (SPEC §3). Rows are judged one by one: a bad row
// never stops the good ones. Rows are committed in batches (plain rows with multi-row INSERTs inside
// one savepoint, any other row or a chunk whose INSERT fails row by row, each in its own savepoint), so
// a crash or cancel leaves whole guests (user, identity, sponsor, invitation, outbox, audit) or
// nothing, and re-running the same file skips addresses that already have a guest — no duplicates.
class BulkInviteRunner final {
public:
    explicit BulkInviteRunner(InvitationService &service) : m_service(service) {}
    Result<BulkSummary> run(QIODevice *csv, const QString &fileName, const BulkOptions &options);

private:
    InvitationService &m_service;
};

// Writes the per-row results as CSV (RFC 4180, formula-injection guarded).
Status writeBulkResults(QIODevice *out, const BulkSummary &summary);

} // namespace atrium::core
