#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/services/directoryservice.h"
#include "core/services/operator.h"
#include "core/services/servicecontext.h"
#include "core/storage/connectioninfo.h"
#include "core/storage/database.h"

#include <memory>

namespace atrium::core {
class SecretStore;
}

namespace atrium::models {

// One open directory as the console sees it: the database, who is acting and the directory's basic
// facts. Built on the database worker (the static functions run SQL and must be called through
// DbExecutor), then handed to the GUI thread, which only reads it.
struct DirectorySession {
    core::ConnectionInfo connection; // password cleared: the session never keeps a secret around
    std::shared_ptr<core::Database> database;
    std::shared_ptr<const core::Clock> clock;
    core::Operator op;
    core::DirectoryInfo directory;
    // The operating system's keychain (redemption token key, SMTP and PostgreSQL passwords).
    std::shared_ptr<core::SecretStore> secrets;

    core::ServiceContext context() const { return {database, clock, op}; }
    // The OS account (SQLite) or database login is not bound to a directory user: read nothing,
    // change nothing, and the status bar says so.
    bool isUnbound() const { return !op.isKnown(); }

    // The keychain every session of this process uses.
    static std::shared_ptr<core::SecretStore> keychain();

    // Opens an existing directory. ErrorCode::NotFound when there is none at that place.
    static core::Result<std::shared_ptr<const DirectorySession>> open(const core::ConnectionInfo &info,
                                                                      std::shared_ptr<const core::Clock> clock);
    // Creates a directory (display name, initial domain) and opens it. When the database file did
    // not exist before and creation fails (bad domain, ...), the file is removed again: a refused
    // creation writes nothing.
    static core::Result<std::shared_ptr<const DirectorySession>>
    create(const core::ConnectionInfo &info, const core::NewDirectory &spec, std::shared_ptr<const core::Clock> clock);
    // Loads the sample directory "Fabrikam" when the place holds no directory yet, then opens it.
    // An existing directory is opened as it is (never overwritten).
    static core::Result<std::shared_ptr<const DirectorySession>>
    openOrCreateSample(const core::ConnectionInfo &info, std::shared_ptr<const core::Clock> clock);
    // Whether a directory exists at that place (false for a missing SQLite file or an empty database).
    static core::Result<bool> exists(const core::ConnectionInfo &info);
};

using SessionPtr = std::shared_ptr<const DirectorySession>;

} // namespace atrium::models
