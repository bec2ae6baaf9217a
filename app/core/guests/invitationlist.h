#pragma once

#include "core/base/enums.h"
#include "core/base/result.h"
#include "core/storage/connectioninfo.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace atrium::core {

// What the invitations pane shows: one row per invitation, newest first.
struct InvitationListQuery {
    int pendingOlderThanDays = 0; // > 0: pending invitations created more than N days before asOfMs
    bool mailNotSent = false;     // only invitations whose latest mail is still queued or failed to send
    qint64 asOfMs = 0;            // "now" for the day filter (from the caller's clock)

    bool hasFilter() const { return pendingOlderThanDays > 0 || mailNotSent; }
    bool operator==(const InvitationListQuery &) const = default;
};

// The invitation mail as the outbox knows it (its latest outbox row).
enum class InvitationMail {
    NotRequested, // invited without mail (link only); no outbox row
    NotSentYet,   // queued: waiting for its turn, or for the SMTP server to come back (retried)
    Sent,
    Failed,       // the server refused it for good
    Cancelled,    // not sent: the address unsubscribed, or the invitation was replaced
};

struct InvitationRow {
    QString id;
    QString userId;
    QString email;         // the address the invitation went to
    QString guestName;     // the guest's display name
    QString invitedByName; // empty: the inviter no longer exists
    InvitationStatus status = InvitationStatus::PendingAcceptance; // Error: replaced by a redemption reset
    qint64 createdAt = 0;
    qint64 redeemedAt = 0; // 0: not redeemed
    qint64 expiresAt = 0;  // 0: never
    InvitationMail mail = InvitationMail::NotRequested;
    int attempts = 0;
    QString lastError;
    qint64 sentAt = 0;
    qint64 nextAttemptAt = 0;
};

// Keyset position: after (created_at, id) in newest-first order.
struct InvitationCursor {
    qint64 createdAt = 0;
    QString id;
    bool operator==(const InvitationCursor &) const = default;
};

struct InvitationPage {
    QList<InvitationRow> rows;
    std::optional<InvitationCursor> next; // nullopt: this was the last page
};

// Reads of the invitations list, paged by keyset in the database like the guest list (no OFFSET,
// nothing held in memory but a page).
//
// Newest first over all invitations uses the existing index invitations_status (status, created_at):
// one keyset range per status (there are four), each LIMIT page+1, merged here; a page therefore reads
// at most 4 * (page + 1) index entries whatever its depth. "Pending for more than N days" is one range
// of that index. "Mail not sent" starts from the outbox's index outbox_due (status, ...), i.e. from the
// queued and failed mails only, and sorts those (the outbox backlog, not the invitations table).
// The page's details (guest, inviter, latest outbox row) are read for the page's rows only.
class InvitationList final {
public:
    InvitationList() = delete;
    static constexpr int kCountCap = 10000;

    static Result<InvitationPage> fetchPage(QSqlDatabase &db, Engine engine, const InvitationListQuery &query,
                                            const std::optional<InvitationCursor> &cursor, int limit);
    // Exact up to kCountCap, then capped (capped = true).
    struct Count {
        qint64 count = 0;
        bool capped = false;
        QString text() const; // "1,234 invitations" / "more than 10,000 invitations"
    };
    static Result<Count> count(QSqlDatabase &db, Engine engine, const InvitationListQuery &query);
};

} // namespace atrium::core
