#pragma once

#include "core/services/servicecontext.h"
#include "fakeclock.h"
#include "pgserver.h"

#include <QTemporaryDir>

#include <memory>

namespace atrium::test {

// Fresh directory databases on both engines for one test process. PostgreSQL runs in a private
// cluster started by the fixture; if it cannot start, start() fails and so does the test.
class DirectoryFixture final {
public:
    DirectoryFixture();
    ~DirectoryFixture();

    bool start(QString *error); // starts PostgreSQL
    // A new empty database of the engine ("sqlite" or "postgresql"), migrated to the current schema.
    core::Result<std::shared_ptr<core::Database>> freshDatabase(const QString &engine);
    // A new directory "Fabrikam" (fabrikam.example); returns its creator (Global Administrator).
    core::Result<core::ServiceContext> freshDirectory(const QString &engine);
    // A context acting as another user.
    core::ServiceContext as(const core::ServiceContext &ctx, const QString &userId) const;

    PgServer &pg() { return m_pg; }
    std::shared_ptr<FakeClock> clock() const { return m_clock; }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }

    static QStringList engines() { return {QStringLiteral("sqlite"), QStringLiteral("postgresql")}; }

private:
    PgServer m_pg;
    QTemporaryDir m_dir;
    std::shared_ptr<FakeClock> m_clock;
    int m_counter = 0;
    bool m_pgStarted = false;
};

} // namespace atrium::test
