#include "models/directorysession.h"

#include "core/invitations/demodirectory.h"
#include "core/base/logging.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace atrium::models {
using namespace atrium::core;

namespace {

Result<SessionPtr> sessionFor(const ConnectionInfo &info, std::shared_ptr<Database> db,
                              std::shared_ptr<const Clock> clock) {
    auto exists = DirectoryService::exists(*db);
    if (!exists.ok()) {
        return exists.error();
    }
    if (!*exists) {
        return Error{ErrorCode::NotFound,
                     QCoreApplication::translate("atrium::models::DirectorySession",
                                                 "%1 holds no directory yet. Create one with File ▸ New directory.")
                         .arg(info.displayName()),
                     {},
                     {},
                     false};
    }
    auto op = Operator::resolve(*db);
    if (!op.ok()) {
        return op.error();
    }
    auto dir = DirectoryService::read(*db);
    if (!dir.ok()) {
        return dir.error();
    }
    auto session = std::make_shared<DirectorySession>();
    session->connection = info;
    session->secrets = DirectorySession::keychain();
    session->connection.password.clear();
    session->database = std::move(db);
    session->clock = std::move(clock);
    session->op = *op;
    session->directory = *dir;
    return SessionPtr(std::move(session));
}

// Removes a SQLite file (and its WAL side files) that this attempt created.
void removeCreatedFile(std::shared_ptr<Database> &db, const ConnectionInfo &info) {
    if (db) {
        db->releaseThreadConnection();
        db.reset();
    }
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        QFile::remove(info.path + QLatin1String(suffix));
    }
}
} // namespace

Result<SessionPtr> DirectorySession::open(const ConnectionInfo &info, std::shared_ptr<const Clock> clock) {
    // PostgreSQL passwords live in the keychain: an empty password means "the stored one" (or
    // libpq's own ~/.pgpass / trust); a typed one is stored there once it has worked.
    ConnectionInfo effective = info;
    QString secretKey;
    if (info.engine == Engine::Postgres) {
        secretKey = secretKeyForPostgres(info.user, info.host, info.port, info.database);
        if (effective.password.isEmpty()) {
            if (auto stored = keychain()->read(secretKey); stored.ok()) {
                effective.password = *stored;
            }
        }
    }
    auto db = Database::open(effective, Database::OpenMode::OpenExisting);
    if (!db.ok()) {
        return db.error();
    }
    auto session = sessionFor(info, *db, std::move(clock));
    if (session.ok() && !secretKey.isEmpty() && !info.password.isEmpty()) {
        if (Status s = keychain()->write(secretKey, info.password); !s.ok()) {
            qCWarning(lcSecrets) << "could not keep the PostgreSQL password in the keychain:" << s.error().message;
        }
    }
    return session;
}

Result<SessionPtr> DirectorySession::create(const ConnectionInfo &info, const NewDirectory &spec,
                                            std::shared_ptr<const Clock> clock) {
    const bool fileExisted = info.engine == Engine::Sqlite && QFileInfo::exists(info.path);
    auto opened = Database::open(info, Database::OpenMode::CreateIfMissing);
    if (!opened.ok()) {
        return opened.error();
    }
    std::shared_ptr<Database> db = *opened;
    auto op = DirectoryService::create(*db, *clock, spec);
    if (!op.ok()) {
        if (info.engine == Engine::Sqlite && !fileExisted) {
            removeCreatedFile(db, info);
        }
        return op.error();
    }
    return sessionFor(info, std::move(db), std::move(clock));
}

std::shared_ptr<SecretStore> DirectorySession::keychain() {
    static const std::shared_ptr<SecretStore> store = std::make_shared<KeychainSecretStore>(QStringLiteral("directory"));
    return store;
}

Result<SessionPtr> DirectorySession::openOrCreateSample(const ConnectionInfo &info,
                                                        std::shared_ptr<const Clock> clock) {
    if (info.engine == Engine::Sqlite && !QFileInfo::exists(info.path)) {
        // A new file gets the sample whole or not at all (seeded beside it, then renamed).
        auto summary = createDemoSqliteFile(info, *clock, *keychain());
        if (!summary.ok()) {
            return summary.error();
        }
        auto db = Database::open(info, Database::OpenMode::OpenExisting);
        if (!db.ok()) {
            return db.error();
        }
        return sessionFor(info, *db, std::move(clock));
    }
    auto opened = Database::open(info, Database::OpenMode::CreateIfMissing);
    if (!opened.ok()) {
        return opened.error();
    }
    std::shared_ptr<Database> db = *opened;
    auto exists = DirectoryService::exists(*db);
    if (!exists.ok()) {
        return exists.error();
    }
    if (!*exists) {
        auto summary = seedDemoDirectory(*db, *clock, *keychain());
        if (!summary.ok()) {
            return summary.error();
        }
    }
    return sessionFor(info, std::move(db), std::move(clock));
}

Result<bool> DirectorySession::exists(const ConnectionInfo &info) {
    if (info.engine == Engine::Sqlite && !QFileInfo::exists(info.path)) {
        return false;
    }
    auto db = Database::open(info, Database::OpenMode::OpenExisting);
    if (!db.ok()) {
        return db.error();
    }
    auto found = DirectoryService::exists(**db);
    (*db)->releaseThreadConnection();
    return found;
}

} // namespace atrium::models
