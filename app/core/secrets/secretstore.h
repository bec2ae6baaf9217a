#pragma once

#include "core/base/result.h"

#include <QString>

namespace atrium::core {

// Where secrets live (SPEC §6: the operating system's keychain, never the database or settings).
// An interface, so services take it in their constructor and tests can substitute it.
class SecretStore {
public:
    virtual ~SecretStore() = default;

    // ErrorCode::NotFound when there is no entry: the caller should ask the user.
    virtual Result<QString> read(const QString &key) const = 0;
    // Creates or overwrites the entry.
    virtual Status write(const QString &key, const QString &secret) = 0;
    // Removing a missing entry succeeds.
    virtual Status remove(const QString &key) = 0;

protected:
    SecretStore() = default;
    SecretStore(const SecretStore &) = default;
    SecretStore &operator=(const SecretStore &) = default;
};

// The key under which a PostgreSQL password is stored: "postgresql/user@host:port/db" (host in
// lower case, IPv6 literals in brackets), so every program finds the same entry.
QString secretKeyForPostgres(const QString &user, const QString &host, int port, const QString &database);

} // namespace atrium::core
