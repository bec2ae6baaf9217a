#pragma once

#include "core/base/result.h"
#include "core/crosstenant/crosstenantsnapshot.h"

#include <QSqlDatabase>

#include <memory>

namespace atrium::core {

// The cross-tenant snapshot of a database, loaded once per generation (CrossTenantService bumps it
// with every change) so that a bulk invitation or a busy console does not read 10,000 partners for
// every decision: a call costs one small query while nothing changed.
//
// Entries are keyed by the database's identity (driver, host, port, database name, user) plus the
// directory's tenant id, so two connections to one database share an entry, and a database file
// recreated under the same name is not answered from the old one. In-memory SQLite databases are
// private to their connection, so there the connection name is part of the key too.
// Thread-safe: the lock guards only the table, never a load.
class CrossTenantSnapshotCache final {
public:
    static Result<std::shared_ptr<const CrossTenantSnapshot>> get(QSqlDatabase &db);
    // Forgets every entry (tests; a directory closed for good).
    static void clear();
    // How many times get() had to load a snapshot since the program started (tests prove reuse).
    static qint64 loadCount();
};

} // namespace atrium::core
