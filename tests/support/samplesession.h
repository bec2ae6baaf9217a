#pragma once

// For GUI tests on realistic data (header only: the tests that use it link atrium_ui, which brings
// the models and the core; atrium_test_support itself stays free of them).

#include "core/invitations/demodirectory.h"
#include "core/storage/database.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"

#include <QSet>
#include <memory>

namespace atrium::test {

// The sample directory (seedDemoDirectory) in a new SQLite file at `path`, made as at seedClock's
// time and then opened with `clock` (set it later to give the sample an age). The sample's guests are
// invited, so the redemption token key goes to the keychain: run the test under keychainsession.sh.
inline core::Result<models::SessionPtr> openSampleSession(models::DbExecutor &executor, const QString &path,
                                                          std::shared_ptr<const core::Clock> seedClock,
                                                          std::shared_ptr<const core::Clock> clock) {
    core::ConnectionInfo info;
    info.path = path;
    auto session =
        executor
            .run<core::Result<models::SessionPtr>>([info, seedClock, clock]() -> core::Result<models::SessionPtr> {
                {
                    auto db = core::Database::open(info, core::Database::OpenMode::CreateIfMissing);
                    if (!db.ok()) {
                        return db.error();
                    }
                    if (auto s = core::seedDemoDirectory(**db, *seedClock, *models::DirectorySession::keychain());
                        !s.ok()) {
                        return s.error();
                    }
                    (*db)->releaseThreadConnection();
                }
                return models::DirectorySession::open(info, clock);
            })
            .result();
    if (session.ok()) {
        executor.registerDatabase((*session)->database);
    }
    return session;
}

// The first column of the first row a query returns (COUNT(*) and the like), asked on the executor's
// database thread as the panes ask; -1 when the query fails or returns nothing.
inline qint64 scalarOn(models::DbExecutor &executor, const core::ServiceContext &ctx, const QString &sql,
                       const QVariantList &values = {}) {
    return executor
        .run<qint64>([ctx, sql, values]() -> qint64 {
            auto c = ctx.db().connection();
            if (!c.ok()) {
                return -1;
            }
            auto q = core::Database::exec(*c, sql, values);
            return q.ok() && q->next() ? q->value(0).toLongLong() : -1;
        })
        .result();
}

// The first column of every row a query returns, as a set.
inline QSet<QString> stringsOn(models::DbExecutor &executor, const core::ServiceContext &ctx, const QString &sql,
                               const QVariantList &values = {}) {
    return executor
        .run<QSet<QString>>([ctx, sql, values] {
            QSet<QString> out;
            auto c = ctx.db().connection();
            if (!c.ok()) {
                return out;
            }
            auto q = core::Database::exec(*c, sql, values);
            while (q.ok() && q->next()) {
                out.insert(q->value(0).toString());
            }
            return out;
        })
        .result();
}

} // namespace atrium::test
