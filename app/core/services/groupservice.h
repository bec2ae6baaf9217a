#pragma once

#include "core/services/servicecontext.h"

namespace atrium::core {

struct DirectoryObject {
    QString id;
    QString displayName;
    QString kind; // "group" or "application"
    int memberCount = 0;
    QStringList ownerIds;
    QJsonObject toJson() const;
};

// Security groups and the organization's applications, with owners, members and assignments.
class GroupService final {
public:
    explicit GroupService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    Result<DirectoryObject> createGroup(const QString &displayName, const QString &description = {});
    Result<DirectoryObject> createApplication(const QString &displayName);
    Status addOwner(const QString &objectId, const QString &userId);
    // Group membership or app assignment, depending on the object.
    Status addMember(const QString &objectId, const QString &userId);

    Result<QList<DirectoryObject>> groups() const;
    Result<QList<DirectoryObject>> applications() const;
    // Groups and applications this user owns.
    Result<QList<DirectoryObject>> ownedBy(const QString &userId) const;

    // Inside a transaction: adds membership/assignment rows, no checks beyond existence.
    static Status addMemberTx(QSqlDatabase &db, const Clock &clock, const QString &objectId, const QString &userId,
                              QString *kind = nullptr);
    static Result<QString> kindOf(QSqlDatabase &db, const QString &objectId);

private:
    Result<QList<DirectoryObject>> listObjects(const QString &sql, const QVariantList &values, const QString &kind) const;
    ServiceContext m_ctx;
};

} // namespace atrium::core
