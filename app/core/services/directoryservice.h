#pragma once

#include "core/services/servicecontext.h"

#include <QJsonObject>
#include <QStringList>

namespace atrium::core {

struct DirectoryInfo {
    QString tenantId;
    QString displayName;
    QString initialDomain;
    QStringList verifiedDomains;
    QString privacyStatementUrl;
    QString privacyContact;
    qint64 createdAt = 0;
    qint64 rowVersion = 0;
    int schemaVersion = 0;
    QString engine;
    QString location;
    QJsonObject toJson() const;
};

struct NewDirectory {
    QString displayName;
    QString initialDomain;
    QString creatorDisplayName; // default: the OS account's full name
    QString osAccount;          // SQLite binding of the creator (default: this process's account)
    QString dbLogin;            // PostgreSQL binding of the creator (default: the current login)
};

struct DirectoryPatch {
    std::optional<QString> displayName;
    std::optional<QString> privacyStatementUrl;
    std::optional<QString> privacyContact;
};

class DirectoryService final {
public:
    explicit DirectoryService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    // Creates the directory in an empty database. The creator becomes its first member and Global
    // Administrator, bound to the OS account (SQLite) or database login (PostgreSQL).
    static Result<Operator> create(Database &db, const Clock &clock, NewDirectory spec);
    static Result<bool> exists(Database &db);
    // Basic facts anyone may read (status bar, portal pages).
    static Result<DirectoryInfo> read(Database &db);

    Result<DirectoryInfo> info() const;
    Result<DirectoryInfo> update(const DirectoryPatch &patch, qint64 expectedRowVersion);
    Status backup(const QString &path) const;

private:
    ServiceContext m_ctx;
};

} // namespace atrium::core
