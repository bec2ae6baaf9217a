#include "core/guests/invitationlist.h"

#include "core/storage/database.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSqlQuery>

#include <algorithm>
#include <array>

namespace atrium::core {
namespace {

constexpr qint64 kDay = 24LL * 3600 * 1000;
// The four values of invitations.status (CHECK constraint of 002_invitations.sql).
constexpr std::array kStatuses{"PendingAcceptance", "Completed", "InProgress", "Error"};

struct Key {
    qint64 createdAt;
    QString id;
    // Newest first; ties by id descending (the same order every range query uses).
    bool operator<(const Key &o) const { return createdAt != o.createdAt ? createdAt > o.createdAt : id > o.id; }
};

QString keysetClause(const QString &createdCol, const QString &idCol) {
    return QStringLiteral(" AND (%1 < ? OR (%1 = ? AND %2 < ?))").arg(createdCol, idCol);
}

void bindCursor(QVariantList &values, const std::optional<InvitationCursor> &cursor) {
    if (cursor) {
        values << cursor->createdAt << cursor->createdAt << cursor->id;
    }
}

Result<QList<Key>> readKeys(QSqlDatabase &db, const QString &sql, const QVariantList &values) {
    auto q = Database::exec(db, sql, values);
    if (!q.ok()) {
        return q.error();
    }
    QList<Key> keys;
    while (q->next()) {
        keys.append({q->value(0).toLongLong(), q->value(1).toString()});
    }
    return keys;
}

// The keys of the next limit+1 invitations after cursor, newest first.
Result<QList<Key>> pageKeys(QSqlDatabase &db, const InvitationListQuery &query,
                            const std::optional<InvitationCursor> &cursor, int limit) {
    const qint64 cutoff = query.asOfMs - qint64(query.pendingOlderThanDays) * kDay;
    if (query.mailNotSent) {
        // From the outbox's queued and failed mails (outbox_due), latest outbox row per invitation.
        QString sql = QStringLiteral(
            "SELECT i.created_at, i.id FROM outbox o JOIN invitations i ON i.id = o.invitation_id "
            "WHERE o.status IN ('pending', 'failed') AND o.kind = 'invitation' "
            "AND NOT EXISTS (SELECT 1 FROM outbox n WHERE n.invitation_id = o.invitation_id AND n.id > o.id)");
        QVariantList values;
        if (query.pendingOlderThanDays > 0) {
            sql += QStringLiteral(" AND i.status = 'PendingAcceptance' AND i.created_at < ?");
            values << cutoff;
        }
        if (cursor) {
            sql += keysetClause(QStringLiteral("i.created_at"), QStringLiteral("i.id"));
            bindCursor(values, cursor);
        }
        sql += QStringLiteral(" ORDER BY i.created_at DESC, i.id DESC LIMIT ?");
        values << limit + 1;
        return readKeys(db, sql, values);
    }
    // One range of invitations_status (status, created_at) per status, merged.
    QList<Key> merged;
    for (const char *status : kStatuses) {
        if (query.pendingOlderThanDays > 0 && qstrcmp(status, "PendingAcceptance") != 0) {
            continue;
        }
        QString sql = QStringLiteral("SELECT created_at, id FROM invitations WHERE status = ?");
        QVariantList values{QString::fromLatin1(status)};
        if (query.pendingOlderThanDays > 0) {
            sql += QStringLiteral(" AND created_at < ?");
            values << cutoff;
        }
        if (cursor) {
            sql += keysetClause(QStringLiteral("created_at"), QStringLiteral("id"));
            bindCursor(values, cursor);
        }
        sql += QStringLiteral(" ORDER BY created_at DESC, id DESC LIMIT ?");
        values << limit + 1;
        auto keys = readKeys(db, sql, values);
        if (!keys.ok()) {
            return keys.error();
        }
        merged << *keys;
    }
    std::sort(merged.begin(), merged.end());
    if (merged.size() > limit + 1) {
        merged.resize(limit + 1);
    }
    return merged;
}

InvitationStatus statusOf(const QString &s) {
    return invitationStatusFromString(s).value_or(InvitationStatus::PendingAcceptance);
}

InvitationMail mailOf(const QVariant &outboxStatus) {
    const QString s = outboxStatus.toString();
    if (outboxStatus.isNull() || s.isEmpty()) {
        return InvitationMail::NotRequested;
    }
    if (s == QLatin1String("sent")) {
        return InvitationMail::Sent;
    }
    if (s == QLatin1String("failed")) {
        return InvitationMail::Failed;
    }
    if (s == QLatin1String("cancelled")) {
        return InvitationMail::Cancelled;
    }
    return InvitationMail::NotSentYet;
}

} // namespace

Result<InvitationPage> InvitationList::fetchPage(QSqlDatabase &db, Engine, const InvitationListQuery &query,
                                                 const std::optional<InvitationCursor> &cursor, int limit) {
    limit = std::clamp(limit, 1, 1000);
    auto keys = pageKeys(db, query, cursor, limit);
    if (!keys.ok()) {
        return keys.error();
    }
    InvitationPage page;
    const bool more = keys->size() > limit;
    if (more) {
        keys->resize(limit);
        page.next = InvitationCursor{keys->constLast().createdAt, keys->constLast().id};
    }
    if (keys->isEmpty()) {
        return page;
    }
    QStringList marks;
    QVariantList ids;
    for (const Key &k : *keys) {
        marks << QStringLiteral("?");
        ids << k.id;
    }
    auto q = Database::exec(
        db,
        QStringLiteral("SELECT i.id, i.user_id, i.invited_email, u.display_name, i.status, i.created_at, "
                       "i.redeemed_at, i.expires_at, ib.display_name, o.status, o.attempts, o.last_error, o.sent_at, "
                       "o.next_attempt_at FROM invitations i "
                       "LEFT JOIN users u ON u.id = i.user_id "
                       "LEFT JOIN users ib ON ib.id = i.invited_by "
                       "LEFT JOIN outbox o ON o.id = (SELECT max(x.id) FROM outbox x WHERE x.invitation_id = i.id) "
                       "WHERE i.id IN (%1)")
            .arg(marks.join(QLatin1Char(','))),
        ids);
    if (!q.ok()) {
        return q.error();
    }
    QHash<QString, InvitationRow> byId;
    while (q->next()) {
        InvitationRow r;
        r.id = q->value(0).toString();
        r.userId = q->value(1).toString();
        r.email = q->value(2).toString();
        r.guestName = q->value(3).toString();
        r.status = statusOf(q->value(4).toString());
        r.createdAt = q->value(5).toLongLong();
        r.redeemedAt = q->value(6).toLongLong();
        r.expiresAt = q->value(7).toLongLong();
        r.invitedByName = q->value(8).toString();
        r.mail = mailOf(q->value(9));
        r.attempts = q->value(10).toInt();
        r.lastError = q->value(11).toString();
        r.sentAt = q->value(12).toLongLong();
        r.nextAttemptAt = q->value(13).toLongLong();
        byId.insert(r.id, r);
    }
    for (const Key &k : *keys) {
        // A row deleted between the two reads (its guest was deleted) is simply not shown.
        if (auto it = byId.constFind(k.id); it != byId.constEnd()) {
            page.rows << *it;
        }
    }
    return page;
}

Result<InvitationList::Count> InvitationList::count(QSqlDatabase &db, Engine, const InvitationListQuery &query) {
    const qint64 cutoff = query.asOfMs - qint64(query.pendingOlderThanDays) * kDay;
    QString inner;
    QVariantList values;
    if (query.mailNotSent) {
        inner = QStringLiteral(
            "SELECT 1 FROM outbox o JOIN invitations i ON i.id = o.invitation_id "
            "WHERE o.status IN ('pending', 'failed') AND o.kind = 'invitation' "
            "AND NOT EXISTS (SELECT 1 FROM outbox n WHERE n.invitation_id = o.invitation_id AND n.id > o.id)");
        if (query.pendingOlderThanDays > 0) {
            inner += QStringLiteral(" AND i.status = 'PendingAcceptance' AND i.created_at < ?");
            values << cutoff;
        }
    } else if (query.pendingOlderThanDays > 0) {
        inner = QStringLiteral("SELECT 1 FROM invitations WHERE status = 'PendingAcceptance' AND created_at < ?");
        values << cutoff;
    } else {
        inner = QStringLiteral("SELECT 1 FROM invitations");
    }
    values << kCountCap + 1;
    auto q = Database::exec(db, QStringLiteral("SELECT count(*) FROM (%1 LIMIT ?) capped").arg(inner), values);
    if (!q.ok()) {
        return q.error();
    }
    Count c;
    if (q->next()) {
        c.count = q->value(0).toLongLong();
    }
    if (c.count > kCountCap) {
        c.count = kCountCap;
        c.capped = true;
    }
    return c;
}

QString InvitationList::Count::text() const {
    if (capped) {
        return QCoreApplication::translate("atrium::core::InvitationList", "more than %1 invitations")
            .arg(QLocale().toString(count));
    }
    return QCoreApplication::translate("atrium::core::InvitationList", "%Ln invitation(s)", nullptr, int(count));
}

} // namespace atrium::core
