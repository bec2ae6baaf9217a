#include "directoryfixture.h"

#include "core/services/directoryservice.h"

namespace atrium::test {

using namespace atrium::core;

DirectoryFixture::DirectoryFixture() : m_clock(std::make_shared<FakeClock>()) {}
DirectoryFixture::~DirectoryFixture() = default;

bool DirectoryFixture::start(QString *error) {
    m_pgStarted = m_pg.start(error);
    return m_pgStarted;
}

Result<std::shared_ptr<Database>> DirectoryFixture::freshDatabase(const QString &engine) {
    ++m_counter;
    ConnectionInfo info;
    if (engine == QLatin1String("sqlite")) {
        info.engine = Engine::Sqlite;
        info.path = m_dir.filePath(QStringLiteral("dir%1.sqlite").arg(m_counter));
    } else {
        if (!m_pgStarted) {
            return Error{ErrorCode::Database, QStringLiteral("PostgreSQL test server is not running"), {}, {}, false};
        }
        const QString name = QStringLiteral("atrium_t%1").arg(m_counter);
        QString err;
        if (!m_pg.createDatabase(name, &err)) {
            return Error{ErrorCode::Database, err, {}, {}, false};
        }
        auto parsed = ConnectionInfo::parse(m_pg.url(name));
        if (!parsed.ok()) {
            return parsed.error();
        }
        info = *parsed;
    }
    return Database::open(info, Database::OpenMode::CreateIfMissing);
}

Result<ServiceContext> DirectoryFixture::freshDirectory(const QString &engine) {
    auto db = freshDatabase(engine);
    if (!db.ok()) {
        return db.error();
    }
    NewDirectory spec;
    spec.displayName = QStringLiteral("Fabrikam");
    spec.initialDomain = QStringLiteral("fabrikam.example");
    spec.creatorDisplayName = QStringLiteral("Ada Admin");
    spec.osAccount = QStringLiteral("ada");
    spec.dbLogin = engine == QLatin1String("sqlite") ? QString() : QStringLiteral("ada");
    auto op = DirectoryService::create(**db, *m_clock, spec);
    if (!op.ok()) {
        return op.error();
    }
    return ServiceContext(*db, m_clock, *op);
}

ServiceContext DirectoryFixture::as(const ServiceContext &ctx, const QString &userId) const {
    auto c = ctx.db().connection();
    Operator op;
    if (c.ok()) {
        auto loaded = Operator::load(*c, userId);
        if (loaded.ok()) {
            op = *loaded;
        }
    }
    return ServiceContext(ctx.database(), ctx.clockPtr(), op);
}

} // namespace atrium::test
