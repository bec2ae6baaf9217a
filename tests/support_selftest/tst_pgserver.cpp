#include "pgserver.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <cerrno>
#include <signal.h>

using atrium::test::PgServer;

// Exercises the PostgreSQL launcher the storage tests depend on: start, connect over TCP with
// QPSQL, create databases, restart on the same port, stop and leave no process behind.
class TstPgServer final : public QObject {
    Q_OBJECT

private:
    static QSqlDatabase connect(const QString &name, const PgServer &pg, const QString &database,
                                const QString &user = {}) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(pg.host());
        db.setPort(pg.port());
        db.setUserName(user.isEmpty() ? pg.superuser() : user);
        db.setDatabaseName(database);
        return db;
    }
    static bool processExists(qint64 pid) { return ::kill(pid_t(pid), 0) == 0 || errno != ESRCH; }

private slots:
    void startQueryRestartStop() {
        PgServer pg;
        QString error;
        QVERIFY2(pg.start(&error), qPrintable(error));
        QVERIFY(pg.isRunning());
        QVERIFY(pg.port() > 0);
        const qint64 firstPid = pg.pid();
        QVERIFY(firstPid > 0);
        QVERIFY(processExists(firstPid));
        QCOMPARE(pg.url(QStringLiteral("dir1")),
                 QStringLiteral("postgresql://atrium_test@127.0.0.1:%1/dir1").arg(pg.port()));
        QCOMPARE(pg.url(QStringLiteral("dir1"), QStringLiteral("ada")),
                 QStringLiteral("postgresql://ada@127.0.0.1:%1/dir1").arg(pg.port()));

        QVERIFY2(pg.createDatabase(QStringLiteral("atrium_self"), &error), qPrintable(error));
        QVERIFY2(pg.createDatabase(QStringLiteral("atrium_owned"), &error, QStringLiteral("ada")), qPrintable(error));
        // A second database for an existing owner must not try to create the role again.
        QVERIFY2(pg.createDatabase(QStringLiteral("atrium_owned2"), &error, QStringLiteral("ada")), qPrintable(error));
        QVERIFY(!pg.createDatabase(QStringLiteral("atrium_self"), &error));
        QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));

        QVERIFY2(pg.runSql(QStringLiteral("CREATE TABLE t (id int PRIMARY KEY, name text);"
                                          "INSERT INTO t VALUES (1, 'Zoë'), (2, '東京');"),
                           &error, QStringLiteral("atrium_self")),
                 qPrintable(error));
        QVERIFY(!pg.runSql(QStringLiteral("SELECT * FROM no_such_table;"), &error, QStringLiteral("atrium_self")));
        QVERIFY2(error.contains(QLatin1String("no_such_table")), qPrintable(error));
        QString out;
        QVERIFY2(pg.querySql(QStringLiteral("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'atrium_owned'"),
                             &out, &error),
                 qPrintable(error));
        QCOMPARE(out, QStringLiteral("ada"));

        {
            QSqlDatabase db = connect(QStringLiteral("c1"), pg, QStringLiteral("atrium_self"));
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("SELECT name FROM t ORDER BY id")), qPrintable(q.lastError().text()));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("Zoë"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("東京"));
            QVERIFY(q.exec(QStringLiteral("SHOW fsync")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("off"));
            QVERIFY(q.exec(QStringLiteral("SHOW server_encoding")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("UTF8"));

            // The owner role created by createDatabase can log in (trust auth, empty password).
            QSqlDatabase ada = connect(QStringLiteral("c2"), pg, QStringLiteral("atrium_owned"), QStringLiteral("ada"));
            QVERIFY2(ada.open(), qPrintable(ada.lastError().text()));
            QSqlQuery qa(ada);
            QVERIFY(qa.exec(QStringLiteral("SELECT current_user")) && qa.next());
            QCOMPARE(qa.value(0).toString(), QStringLiteral("ada"));
            ada.close();

            const int port = pg.port();
            QVERIFY2(pg.restart(&error), qPrintable(error));
            QCOMPARE(pg.port(), port);
            QVERIFY(pg.pid() != firstPid);
            QVERIFY(!processExists(firstPid));

            // The old connection is dead; a reconnect sees the data that was committed before.
            QSqlQuery stale(db);
            QVERIFY(!stale.exec(QStringLiteral("SELECT 1")));
            db.close();
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery again(db);
            QVERIFY(again.exec(QStringLiteral("SELECT count(*) FROM t")) && again.next());
            QCOMPARE(again.value(0).toInt(), 2);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("c1"));
        QSqlDatabase::removeDatabase(QStringLiteral("c2"));

        const qint64 pid = pg.pid();
        QVERIFY(processExists(pid));
        pg.stop();
        QVERIFY(!pg.isRunning());
        QCOMPARE(pg.pid(), qint64(0));
        QVERIFY(!processExists(pid));
        QVERIFY(!pg.runSql(QStringLiteral("SELECT 1"), &error));
    }

    void destructorRemovesEverything() {
        QString dataDir;
        qint64 pid = 0;
        {
            PgServer pg;
            QString error;
            QVERIFY2(pg.start(&error), qPrintable(error));
            dataDir = pg.dataDirectory();
            pid = pg.pid();
            QVERIFY(QFileInfo::exists(dataDir + QStringLiteral("/PG_VERSION")));
        }
        QVERIFY(!processExists(pid));
        QVERIFY(!QFileInfo::exists(dataDir));
    }

    void twoServersGetDifferentPorts() {
        PgServer a;
        PgServer b;
        QString error;
        QVERIFY2(a.start(&error), qPrintable(error));
        QVERIFY2(b.start(&error), qPrintable(error));
        QVERIFY(a.port() != b.port());
        QVERIFY2(b.runSql(QStringLiteral("SELECT 1"), &error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TstPgServer)
#include "tst_pgserver.moc"
