#include "core/services/audit.h"
#include "core/services/directoryservice.h"
#include "core/storage/database.h"
#include "directoryfixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace atrium::core;
using atrium::test::DirectoryFixture;

class tst_Database : public QObject {
    Q_OBJECT
private:
    DirectoryFixture m_fx;

    static void engineData() {
        QTest::addColumn<QString>("engine");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << e;
        }
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
    }

    void migratesFreshDatabase_data() { engineData(); }
    void migratesFreshDatabase() {
        QFETCH(QString, engine);
        auto db = m_fx.freshDatabase(engine);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
        auto c = (*db)->connection();
        QVERIFY(c.ok());
        const QStringList tables = c->tables();
        for (const char *t : {"directory", "users", "user_identities", "directory_groups", "group_members",
                              "group_owners", "applications", "app_assignments", "app_owners", "sponsors",
                              "role_assignments", "settings", "audit_log", "verified_domains"}) {
            QVERIFY2(tables.contains(QString::fromLatin1(t)), t);
        }
    }

    void refusesNewerSchema_data() { engineData(); }
    void refusesNewerSchema() {
        QFETCH(QString, engine);
        auto db = m_fx.freshDatabase(engine);
        QVERIFY(db.ok());
        const ConnectionInfo info = (*db)->info();
        {
            auto c = (*db)->connection();
            QSqlQuery q(*c);
            QVERIFY(q.exec(QStringLiteral("UPDATE schema_info SET version = 99")));
        }
        db->reset();
        auto again = Database::open(info, Database::OpenMode::OpenExisting);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::SchemaTooNew);
        QVERIFY(again.error().message.contains(QStringLiteral("newer Atrium")));
    }

    void refusesForeignSqliteFile() {
        const QString path = m_fx.tempPath(QStringLiteral("foreign.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE something (x INTEGER)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        auto r = Database::open(ConnectionInfo::parse(QStringLiteral("sqlite:") + path).value(),
                                Database::OpenMode::OpenExisting);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Invalid);
    }

    void missingSqliteFile() {
        auto r = Database::open(
            ConnectionInfo::parse(QStringLiteral("sqlite:") + m_fx.tempPath(QStringLiteral("none/x.sqlite"))).value(),
            Database::OpenMode::OpenExisting);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::NotFound);
        QVERIFY(!QFile::exists(m_fx.tempPath(QStringLiteral("none/x.sqlite"))));
    }

    void sqlitePragmas() {
        auto db = m_fx.freshDatabase(QStringLiteral("sqlite"));
        QVERIFY(db.ok());
        auto c = (*db)->connection();
        QSqlQuery q(*c);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // FULL
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("PRAGMA busy_timeout")) && q.next());
        QVERIFY(q.value(0).toInt() >= 5000);
    }

    // Every PostgreSQL connection: times in UTC, and no JIT compilation (which costs ~60 ms up front
    // whenever a plan's estimated cost crosses jit_above_cost; Atrium's queries are short pages).
    void postgresSessionSettings() {
        auto db = m_fx.freshDatabase(QStringLiteral("postgresql"));
        QVERIFY(db.ok());
        auto c = (*db)->connection();
        QVERIFY(c.ok());
        QSqlQuery q(*c);
        QVERIFY(q.exec(QStringLiteral("SHOW TIME ZONE")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("UTC"));
        QVERIFY(q.exec(QStringLiteral("SHOW jit")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("off"));
    }

    void networkFileSystems_data() {
        QTest::addColumn<qint64>("type");
        QTest::addColumn<bool>("network");
        QTest::newRow("nfs") << qint64(0x6969) << true;
        QTest::newRow("cifs") << qint64(0xFF534D42) << true;
        QTest::newRow("smb2") << qint64(0xFE534D42) << true;
        QTest::newRow("9p") << qint64(0x01021997) << true;
        QTest::newRow("ext4") << qint64(0xEF53) << false;
        QTest::newRow("tmpfs") << qint64(0x01021994) << false;
        QTest::newRow("btrfs") << qint64(0x9123683E) << false;
        QTest::newRow("xfs") << qint64(0x58465342) << false;
    }
    void networkFileSystems() {
        QFETCH(qint64, type);
        QFETCH(bool, network);
        QCOMPARE(isNetworkFileSystemType(type), network);
    }
    void localFileSystemAccepted() { QVERIFY(checkLocalFileSystem(m_fx.tempPath(QStringLiteral("a.sqlite"))).ok()); }

    void auditIsAppendOnly_data() { engineData(); }
    void auditIsAppendOnly() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY2(ctx.ok(), qPrintable(ctx.ok() ? QString() : ctx.error().message));
        auto c = ctx->db().connection();
        QSqlQuery q(*c);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log")) && q.next());
        const int rows = q.value(0).toInt();
        QVERIFY(rows >= 1);
        QVERIFY(!q.exec(QStringLiteral("UPDATE audit_log SET activity = 'tampered'")));
        QVERIFY(q.lastError().text().contains(QStringLiteral("append-only")));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit_log")));
        if (engine == QLatin1String("postgresql")) {
            QVERIFY(!q.exec(QStringLiteral("TRUNCATE audit_log")));
        }
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity <> 'tampered'")) && q.next());
        QCOMPARE(q.value(0).toInt(), rows);
        // The service layer maps the refusal to a clear message too.
        const Status s = ctx->db().transaction([](QSqlDatabase &db) -> Status {
            auto r = Database::exec(db, QStringLiteral("DELETE FROM audit_log WHERE id = ?"), {1});
            return r.ok() ? Status() : Status(r.error());
        });
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::PermissionDenied);
    }

    void transactionRollsBack_data() { engineData(); }
    void transactionRollsBack() {
        QFETCH(QString, engine);
        auto db = m_fx.freshDatabase(engine);
        QVERIFY(db.ok());
        const Status s = (*db)->transaction([](QSqlDatabase &c) -> Status {
            auto r = Database::exec(c, QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)"),
                                    {QStringLiteral("k"), QStringLiteral("v"), 1});
            if (!r.ok()) {
                return r.error();
            }
            return Error::invalid(QStringLiteral("changed my mind"));
        });
        QVERIFY(!s.ok());
        auto c = (*db)->connection();
        QSqlQuery q(*c);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM settings")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void uniqueViolationIsAlreadyExists_data() { engineData(); }
    void uniqueViolationIsAlreadyExists() {
        QFETCH(QString, engine);
        auto db = m_fx.freshDatabase(engine);
        QVERIFY(db.ok());
        const auto insert = [&]() {
            return (*db)->transaction([](QSqlDatabase &c) -> Status {
                auto r = Database::exec(c, QStringLiteral("INSERT INTO verified_domains (domain, added_at) VALUES (?, ?)"),
                                        {QStringLiteral("contoso.com"), 1});
                return r.ok() ? Status() : Status(r.error());
            });
        };
        QVERIFY(insert().ok());
        const Status second = insert();
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, ErrorCode::AlreadyExists);
    }

    void backupSqlite() {
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        QVERIFY(ctx.ok());
        DirectoryService dir(*ctx);
        const QString path = m_fx.tempPath(QStringLiteral("backup.sqlite"));
        QVERIFY(dir.backup(path).ok());
        auto copy = Database::open(ConnectionInfo::parse(QStringLiteral("sqlite:") + path).value(),
                                   Database::OpenMode::OpenExisting);
        QVERIFY(copy.ok());
        auto info = DirectoryService::read(**copy);
        QVERIFY(info.ok());
        QCOMPARE(info->displayName, QStringLiteral("Fabrikam"));
        QVERIFY(!dir.backup(path).ok()); // never overwrites
    }

    void integrityCheck() {
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        QVERIFY(ctx.ok());
        auto r = ctx->db().integrityCheck();
        QVERIFY(r.ok());
        QCOMPARE(*r, QStringLiteral("ok"));
    }

    void connectionUrls_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::newRow("sqlite") << "sqlite:d.sqlite" << true;
        QTest::newRow("sqlite abs") << "sqlite:///tmp/d.sqlite" << true;
        QTest::newRow("pg") << "postgresql://ada@db.example:5433/atrium" << true;
        QTest::newRow("pg short") << "postgres://ada@localhost/atrium" << true;
        QTest::newRow("pg password") << "postgresql://ada:secret@localhost/atrium" << false;
        QTest::newRow("pg no db") << "postgresql://ada@localhost" << false;
        QTest::newRow("mysql") << "mysql://x@y/z" << false;
        QTest::newRow("empty sqlite") << "sqlite:" << false;
    }
    void connectionUrls() {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        auto r = ConnectionInfo::parse(url);
        QCOMPARE(r.ok(), valid);
        if (valid && r->engine == Engine::Postgres) {
            QVERIFY(!r->toUrl().contains(QStringLiteral("secret")));
            QCOMPARE(ConnectionInfo::parse(r->toUrl())->toUrl(), r->toUrl());
        }
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
