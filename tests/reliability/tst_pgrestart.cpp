// PostgreSQL restarted under the console and the portal (issue 9 §2). The test's private server
// (PgServer) is restarted while:
// - the console's models layer holds an open directory: the DirectorySession's database used from
//   the DbExecutor worker, a GuestListModel showing the guests and UserService writes through the
//   session's context. After the restart the next page fetch and the next write reconnect and
//   succeed; a write that is in flight at the restart (blocked on a row lock the test holds) either
//   completes or is reported as an error, and never is half-written (row version, display name and
//   audit rows agree).
// - the portal (PortalServer over RedemptionService, in process, real HTTP on loopback) serves a
//   guest: after the restart the landing page and the passcode POST work, and exactly one passcode
//   and one passcode mail are queued.
#include "core/guests/guestseeder.h"
#include "core/redemption/redemptionservice.h"
#include "core/services/userservice.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "models/guestlistmodel.h"
#include "portalserver.h"
#include "redemptionfixture.h"

#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

using namespace atrium;
using namespace atrium::core;
using namespace atrium::test;

namespace {
constexpr int kGuests = 300;

struct Snapshot {
    QString displayName;
    qint64 rowVersion = -1;
    qint64 successAudits = -1;
    qint64 users = -1;
};
} // namespace

class tst_PgRestart final : public QObject {
    Q_OBJECT

    DirectoryFixture m_fx;

    // The user's row and its "Update user" success audit rows, read on the given database.
    static Snapshot snapshot(Database &db, const QString &id) {
        Snapshot s;
        auto c = db.connection();
        if (!c.ok()) {
            return s;
        }
        auto q = Database::exec(*c, QStringLiteral("SELECT display_name, row_version FROM users WHERE id = ?"), {id});
        if (q.ok() && q->next()) {
            s.displayName = q->value(0).toString();
            s.rowVersion = q->value(1).toLongLong();
        }
        auto a = Database::exec(*c,
                                QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE target_id = ? AND activity = ? "
                                               "AND result = 'success'"),
                                {id, activity::UpdateUser});
        if (a.ok() && a->next()) {
            s.successAudits = a->value(0).toLongLong();
        }
        auto u = Database::exec(*c, QStringLiteral("SELECT COUNT(*) FROM users"));
        if (u.ok() && u->next()) {
            s.users = u->value(0).toLongLong();
        }
        return s;
    }

    static void waitIdle(models::GuestListModel &model) { QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 30000); }

    void restartServer() {
        const qint64 before = m_fx.pg().pid();
        QString error;
        QVERIFY2(m_fx.pg().restart(&error), qPrintable(error));
        QVERIFY(m_fx.pg().pid() != before);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
    }

    void consoleReconnects() {
        // A directory on the test server whose operator is the server's login, so the console's
        // session binds to it; 300 seeded guests for the list.
        auto created = m_fx.freshDatabase(QStringLiteral("postgresql"));
        QVERIFY(created.ok());
        NewDirectory spec{QStringLiteral("Fabrikam"), QStringLiteral("fabrikam.example")};
        spec.creatorDisplayName = QStringLiteral("Ada Admin");
        spec.dbLogin = m_fx.pg().superuser();
        QVERIFY(DirectoryService::create(**created, *m_fx.clock(), spec).ok());
        auto seeded = seedGuests(**created, *m_fx.clock(), kGuests);
        QVERIFY2(seeded.ok(), qPrintable(seeded.ok() ? QString() : seeded.error().message));
        const ConnectionInfo info = (*created)->info();

        models::DbExecutor executor;
        const std::shared_ptr<const Clock> clock = m_fx.clock();
        auto opened =
            executor
                .run<Result<models::SessionPtr>>([info, clock] { return models::DirectorySession::open(info, clock); })
                .result();
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        const models::SessionPtr session = *opened;
        QVERIFY(!session->isUnbound());
        executor.registerDatabase(session->database);
        const auto onWorker = [&executor](std::function<Result<User>()> fn) {
            return executor.run<Result<User>>(std::move(fn)).result();
        };

        models::GuestListModel model(&executor);
        QSignalSpy errors(&model, &models::GuestListModel::errorOccurred);
        model.setSession(session);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 30000);
        waitIdle(model);
        const int rowsBefore = model.rowCount();
        QCOMPARE(rowsBefore, models::GuestListModel::kPageSize);
        const QString id = model.guest(0).id;

        // A write through the session before the restart.
        const ServiceContext ctx = session->context();
        qint64 version = model.guest(0).rowVersion;
        auto first = onWorker([ctx, id, version] {
            UserPatch p;
            p.displayName = QStringLiteral("Before the restart");
            return UserService(ctx).update(id, version, p);
        });
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        version = first->rowVersion;

        // 1. Restart while the console is idle: the next page fetch and the next write reconnect.
        restartServer();
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 30000);
        waitIdle(model);
        QVERIFY2(errors.isEmpty(),
                 qPrintable(errors.isEmpty() ? QString()
                                             : errors.first().first().value<Error>().message + QStringLiteral(" / ") +
                                                   errors.first().first().value<Error>().detail));
        QCOMPARE(model.rowCount(), rowsBefore);
        QCOMPARE(model.guest(model.rowOfId(id)).displayName, QStringLiteral("Before the restart"));
        auto second = onWorker([ctx, id, version] {
            UserPatch p;
            p.displayName = QStringLiteral("After the restart");
            return UserService(ctx).update(id, version, p);
        });
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
        QCOMPARE(second->displayName, QStringLiteral("After the restart"));
        version = second->rowVersion;

        // 2. Restart while a write is in flight: the test holds the user's row lock from its own
        // connection, so the worker's update waits inside its transaction when the server goes down.
        const Snapshot before = snapshot(**created, id);
        QCOMPARE(before.successAudits, 2);
        QCOMPARE(before.rowVersion, version);
        QFuture<Result<User>> inFlight;
        {
            QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("locker"));
            locker.setHostName(info.host);
            locker.setPort(info.port);
            locker.setDatabaseName(info.database);
            locker.setUserName(info.user);
            QVERIFY2(locker.open(), qPrintable(locker.lastError().text()));
            QSqlQuery lock(locker);
            QVERIFY(lock.exec(QStringLiteral("BEGIN")));
            QVERIFY(lock.prepare(QStringLiteral("SELECT id FROM users WHERE id = ? FOR UPDATE")));
            lock.addBindValue(id);
            QVERIFY(lock.exec());
            inFlight = executor.run<Result<User>>([ctx, id, version] {
                UserPatch p;
                p.displayName = QStringLiteral("In flight");
                return UserService(ctx).update(id, version, p);
            });
            // Wait until the worker's UPDATE is blocked on the lock.
            bool waiting = false;
            for (int i = 0; i < 200 && !waiting; ++i) {
                QSqlQuery w(locker);
                // (QPSQL runs prepared statements as EXECUTE, so the query text does not say UPDATE.)
                waiting = w.exec(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = "
                                                "'Lock' AND datname = current_database()")) &&
                          w.next() && w.value(0).toInt() == 1;
                if (!waiting) {
                    QTest::qWait(50);
                }
            }
            QVERIFY2(waiting, "the in-flight update never blocked on the row lock");
            QVERIFY(!inFlight.isFinished());
            restartServer();
            QVERIFY(!lock.exec(QStringLiteral("COMMIT"))); // the lock holder's connection died with the server
            lock = QSqlQuery();
            locker.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        const Result<User> outcome = inFlight.result();
        const Snapshot after = snapshot(**created, id);
        QCOMPARE(after.users, before.users);
        if (outcome.ok()) {
            qInfo("the in-flight update completed after the restart");
            QCOMPARE(after.displayName, QStringLiteral("In flight"));
            QCOMPARE(after.rowVersion, before.rowVersion + 1);
            QCOMPARE(after.successAudits, before.successAudits + 1);
            version = after.rowVersion;
        } else {
            qInfo("the in-flight update was reported: %s", qPrintable(outcome.error().message));
            QVERIFY(!outcome.error().message.isEmpty());
            QCOMPARE(after.displayName, QStringLiteral("After the restart"));
            QCOMPARE(after.rowVersion, before.rowVersion);
            QCOMPARE(after.successAudits, before.successAudits);
        }

        // 3. And the console goes on: a page fetch and a write.
        errors.clear();
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 30000);
        waitIdle(model);
        QVERIFY(errors.isEmpty());
        auto third = onWorker([ctx, id, version] {
            UserPatch p;
            p.displayName = QStringLiteral("Third");
            return UserService(ctx).update(id, version, p);
        });
        QVERIFY2(third.ok(), qPrintable(third.ok() ? QString() : third.error().message));
        QCOMPARE(snapshot(**created, id).successAudits, after.successAudits + 1);
        executor.waitForIdle();
    }

    void portalReconnects() {
        auto ctx = m_fx.freshDirectory(QStringLiteral("postgresql"));
        QVERIFY2(ctx.ok(), qPrintable(ctx.ok() ? QString() : ctx.error().message));
        auto *tcp = new QTcpServer();
        QVERIFY(tcp->listen(QHostAddress::LocalHost, 0));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(tcp->serverPort());
        QVERIFY(setSetting(*ctx, QStringLiteral("portalBaseUrl"), base).ok());
        auto secrets = std::make_shared<MemorySecretStore>();
        InvitationService invitations(*ctx, secrets);
        GuestInvite inv;
        inv.email = QStringLiteral("alice@contoso.com");
        inv.redirectUrl = QStringLiteral("https://apps.fabrikam.example/welcome");
        auto invited = invitations.invite(inv);
        QVERIFY2(invited.ok(), qPrintable(invited.ok() ? QString() : invited.error().message));
        const QString token = tokenFromUrl(invited->redeemUrl);
        const QByteArray key = *TokenKey::load(*secrets, DirectoryService::read(ctx->db())->tenantId);

        // The portal opens its own database, as atrium-portal does.
        auto portalDb = Database::open(ctx->db().info(), Database::OpenMode::OpenExisting);
        QVERIFY(portalDb.ok());
        RedemptionOptions o;
        o.landingCacheMs = 0;
        auto service = std::make_shared<RedemptionService>(*portalDb, m_fx.clock(), key, o);
        portal::PortalOptions po;
        po.baseUrl = base;
        po.getPerMinute = 0;
        po.postPerMinute = 0;
        portal::PortalServer server(service, po);
        server.bind(tcp);

        QNetworkAccessManager nam;
        nam.setCookieJar(new QNetworkCookieJar(&nam));
        const auto send = [&](const QString &path, const QByteArray *form) {
            QNetworkRequest req(QUrl(base + path));
            req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            QNetworkReply *r = nullptr;
            if (form) {
                req.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/x-www-form-urlencoded"));
                r = nam.post(req, *form);
            } else {
                r = nam.get(req);
            }
            QSignalSpy done(r, &QNetworkReply::finished);
            done.wait(30000);
            const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = r->readAll();
            r->deleteLater();
            return qMakePair(status, body);
        };
        static const QRegularExpression csrfRe(QStringLiteral("name=\"csrf\" value=\"([^\"]+)\""));

        const auto landing = send(QStringLiteral("/redeem/") + token, nullptr);
        QCOMPARE(landing.first, 200);
        QVERIFY(landing.second.contains("alice@contoso.com"));

        restartServer();

        // The first request after the restart: the landing page again, then the passcode form.
        const auto again = send(QStringLiteral("/redeem/") + token, nullptr);
        QVERIFY2(again.first == 200, again.second.left(2000).constData());
        QVERIFY(again.second.contains("alice@contoso.com"));
        const QString csrf = csrfRe.match(QString::fromUtf8(again.second)).captured(1);
        QVERIFY(!csrf.isEmpty());
        const QByteArray form = "csrf=" + QUrl::toPercentEncoding(csrf);
        const auto sent = send(QStringLiteral("/redeem/") + token + QStringLiteral("/passcode"), &form);
        QVERIFY2(sent.first == 303, sent.second.left(2000).constData());
        QCOMPARE(scalar(ctx->db(), QStringLiteral("SELECT COUNT(*) FROM passcodes")).toInt(), 1);
        QCOMPARE(scalar(ctx->db(), QStringLiteral("SELECT COUNT(*) FROM outbox WHERE kind = 'passcode'")).toInt(), 1);

        // A second restart between the passcode mail and the code: the code page still works.
        restartServer();
        const auto codePage = send(QStringLiteral("/redeem/") + token + QStringLiteral("/code"), nullptr);
        QVERIFY2(codePage.first == 200, codePage.second.left(2000).constData());
        QCOMPARE(scalar(ctx->db(), QStringLiteral("SELECT COUNT(*) FROM passcodes")).toInt(), 1);
    }
};

QTEST_MAIN(tst_PgRestart)
#include "tst_pgrestart.moc"
