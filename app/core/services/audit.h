#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace atrium::core {

struct Operator;
class StatementCache;

// Activity names (SPEC §12) and categories, spelled as the model system spells them.
namespace activity {
inline const QString CreateDirectory = QStringLiteral("Create directory");
inline const QString UpdateDirectory = QStringLiteral("Update directory properties");
inline const QString AddUser = QStringLiteral("Add user");
inline const QString UpdateUser = QStringLiteral("Update user");
inline const QString AddRoleMember = QStringLiteral("Add member to role");
inline const QString RemoveRoleMember = QStringLiteral("Remove member from role");
inline const QString UpdateSetting = QStringLiteral("Update directory setting");
inline const QString AddGroup = QStringLiteral("Add group");
inline const QString AddGroupMember = QStringLiteral("Add member to group");
inline const QString AddGroupOwner = QStringLiteral("Add owner to group");
inline const QString AddApplication = QStringLiteral("Add application");
inline const QString AddAppAssignment = QStringLiteral("Add app role assignment to user");
inline const QString AddAppOwner = QStringLiteral("Add owner to application");
inline const QString BackupDirectory = QStringLiteral("Back up directory");
inline const QString InviteExternalUser = QStringLiteral("Invite external user");
inline const QString RedeemInvite = QStringLiteral("Redeem external user invite");
inline const QString InviteWithReset = QStringLiteral("Invite external user with reset invitation status");
inline const QString DeleteExternalUser = QStringLiteral("Delete external user");
inline const QString EmailNotSentUnsubscribed = QStringLiteral("Email not sent, user unsubscribed");
inline const QString BatchUploaded = QStringLiteral("Batch invites uploaded");
inline const QString BatchProcessed = QStringLiteral("Batch invites processed");
} // namespace activity

namespace category {
inline const QString DirectoryManagement = QStringLiteral("DirectoryManagement");
inline const QString UserManagement = QStringLiteral("UserManagement");
inline const QString RoleManagement = QStringLiteral("RoleManagement");
inline const QString GroupManagement = QStringLiteral("GroupManagement");
inline const QString ApplicationManagement = QStringLiteral("ApplicationManagement");
inline const QString Policy = QStringLiteral("Policy");
inline const QString CrossTenantAccessSettings = QStringLiteral("CrossTenantAccessSettings");
inline const QString Invitations = QStringLiteral("Invitations");
} // namespace category

struct AuditEntry {
    QString activity;
    QString category;
    QString targetType; // "user", "group", "application", "setting", "role", "directory"
    QString targetId;
    QString targetName;
    QString result = QStringLiteral("success"); // success | failure | denied
    QString reason;
    QJsonObject before;
    QJsonObject after;
    QString correlationId; // filled with a new id when empty
};

struct AuditRecord {
    qint64 id = 0;
    qint64 atMs = 0;
    QString actorId;
    QString actorName;
    AuditEntry entry;
    QJsonObject toJson() const;
};

class AuditLog final {
public:
    // Appends one row inside the caller's transaction: the audit row and the change commit together.
    static Status append(QSqlDatabase &db, const Clock &clock, const Operator &op, const AuditEntry &entry);
    // The same with a prepared statement reused across a batch (bulk invite).
    static Status append(StatementCache &st, const Clock &clock, const Operator &op, const AuditEntry &entry);
    // Many entries with multi-row INSERTs (bulk invite: one statement per chunk, not per row).
    static Status appendMany(StatementCache &st, const Clock &clock, const Operator &op,
                             const QList<AuditEntry> &entries);
    // Newest first, at most `limit` rows, optionally since a time and of one activity.
    static Result<QList<AuditRecord>> query(QSqlDatabase &db, qint64 sinceMs, const QString &activity, int limit);
    static QString newCorrelationId();
};

} // namespace atrium::core
