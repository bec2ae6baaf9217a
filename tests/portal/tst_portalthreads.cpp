// atrium-portal serving from several threads (issue 7): PortalThreads puts one SO_REUSEPORT
// listening socket, PortalServer and RedemptionService on each thread. Connections are spread over
// the threads; a redemption whose requests land on different threads goes through on both engines;
// an address has one rate-limit budget whichever thread answers it; TLS works per thread; a port
// taken by another socket is refused.

#include "core/mail/passcodemail.h"
#include "core/redemption/redemptionservice.h"
#include "portalserver.h"
#include "portalthreads.h"
#include "redemptionfixture.h"

#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace atrium::core;
using namespace atrium::test;
using atrium::portal::PortalOptions;
using atrium::portal::PortalServer;
using atrium::portal::PortalThreads;

namespace {
const QString Redirect = QStringLiteral("https://apps.fabrikam.example/welcome");

// One request on a connection of its own (the kernel picks the thread per connection); the status.
int rawGet(quint16 port, const QString &path) {
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000)) {
        return -1;
    }
    s.write("GET " + path.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray reply;
    while (!reply.contains("\r\n") && s.waitForReadyRead(10000)) {
        reply += s.readAll();
    }
    const QList<QByteArray> first = reply.left(reply.indexOf("\r\n")).split(' ');
    return first.size() >= 2 ? first.at(1).toInt() : -1;
}
} // namespace

class tst_PortalThreads final : public QObject {
    Q_OBJECT

    DirectoryFixture m_fx;
    std::optional<ServiceContext> m_ctx;
    std::shared_ptr<MemorySecretStore> m_secrets;
    QByteArray m_key;
    QString m_token;
    QString m_userId;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    // The servers the threads made (they live on their threads; requestCount() is atomic).
    QMutex m_serversMutex;
    QList<const PortalServer *> m_servers;

    struct Reply {
        int status = 0;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers;
        QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    };

    Reply send(const QString &method, const QString &url, const QByteArray &body = {}) {
        QNetworkRequest req{QUrl(url)};
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (req.url().scheme() == QLatin1String("https")) {
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone); // the test's own self-signed certificate
            req.setSslConfiguration(ssl);
        }
        QNetworkReply *r = nullptr;
        if (method == QLatin1String("POST")) {
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
            r = m_nam->post(req, body);
        } else {
            r = m_nam->get(req);
        }
        QSignalSpy done(r, &QNetworkReply::finished);
        done.wait(10000);
        Reply out;
        out.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = r->readAll();
        for (const auto &p : r->rawHeaderPairs()) {
            out.headers[p.first.toLower()] = p.second;
        }
        r->deleteLater();
        return out;
    }
    static QString csrfOf(const QByteArray &body) {
        static const QRegularExpression re(QStringLiteral("name=\"csrf\" value=\"([^\"]+)\""));
        return re.match(QString::fromUtf8(body)).captured(1);
    }
    QString currentCode() {
        auto c = m_ctx->db().connection();
        auto q = Database::exec(*c, QStringLiteral("SELECT id, code_nonce FROM passcodes WHERE superseded_at IS NULL "
                                                   "ORDER BY created_at DESC LIMIT 1"));
        if (!q.ok() || !q->next()) {
            return {};
        }
        return derivePasscode(m_key, q->value(0).toString(), q->value(1).toString());
    }

    // A fresh directory with one invited guest whose links use `base`.
    bool setUp(const QString &engine, const QString &base) {
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_nam->setCookieJar(new QNetworkCookieJar(m_nam.get()));
        auto ctx = m_fx.freshDirectory(engine);
        if (!ctx.ok()) {
            qWarning() << ctx.error().message;
            return false;
        }
        m_ctx.emplace(*ctx);
        if (!setSetting(*m_ctx, QStringLiteral("portalBaseUrl"), base).ok()) {
            return false;
        }
        m_secrets = std::make_shared<MemorySecretStore>();
        InvitationService invitations(*m_ctx, m_secrets);
        GuestInvite inv;
        inv.email = QStringLiteral("alice@contoso.com");
        inv.redirectUrl = Redirect;
        auto r = invitations.invite(inv);
        if (!r.ok()) {
            return false;
        }
        m_token = tokenFromUrl(r->redeemUrl);
        m_userId = r->invitedUser.id;
        m_key = *TokenKey::load(*m_secrets, DirectoryService::read(m_ctx->db())->tenantId);
        return true;
    }

    // As atrium-portal does it: per thread its own RedemptionService and server, the rate limiters
    // of `limits` shared.
    PortalThreads::Factory factory(const PortalOptions &po, const PortalServer &limits) {
        m_servers.clear();
        return [this, po, &limits](int) {
            RedemptionOptions o;
            o.landingCacheMs = 0;
            auto service = std::make_shared<RedemptionService>(m_ctx->database(), m_fx.clock(), m_key, o);
            auto server = std::make_unique<PortalServer>(service, po);
            server->shareRateLimits(limits);
            QMutexLocker lock(&m_serversMutex);
            m_servers << server.get();
            return server;
        };
    }
    QList<quint64> counts() {
        QMutexLocker lock(&m_serversMutex);
        QList<quint64> out;
        for (const PortalServer *s : std::as_const(m_servers)) {
            out << s->requestCount();
        }
        return out;
    }
    static quint16 freePort() {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
    }

    void redeemAcrossThreads_data() {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }
    // Many connections: both threads answer; a redemption whose steps land on either thread
    // (sessions and codes are in the database) goes through once, and the link is then used up.
    void redeemAcrossThreads() {
        QFETCH(QString, engine);
        const quint16 port = freePort();
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        QVERIFY(setUp(engine, base));
        PortalOptions po;
        po.baseUrl = base;
        po.getPerMinute = 0;
        po.postPerMinute = 0;
        RedemptionOptions o;
        PortalServer limits(std::make_shared<RedemptionService>(m_ctx->database(), m_fx.clock(), m_key, o), po);
        PortalThreads threads;
        auto started = threads.start(QHostAddress::LocalHost, port, 2, factory(po, limits), m_ctx->database());
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        QCOMPARE(*started, port);
        QCOMPARE(threads.threadCount(), 2);

        for (int i = 0; i < 40; ++i) {
            QCOMPARE(rawGet(port, QStringLiteral("/redeem/") + m_token), 200);
        }
        const QList<quint64> spread = counts();
        QCOMPARE(spread.size(), 2);
        QCOMPARE(spread[0] + spread[1], quint64(40));
        QVERIFY2(spread[0] > 0 && spread[1] > 0, "the kernel gave every connection to one thread");

        const Reply landing = send(QStringLiteral("GET"), base + QStringLiteral("/redeem/") + m_token);
        QCOMPARE(landing.status, 200);
        const QString csrf = csrfOf(landing.body);
        QVERIFY(!csrf.isEmpty());
        const QByteArray form = "csrf=" + QUrl::toPercentEncoding(csrf);
        QCOMPARE(send(QStringLiteral("POST"), base + QStringLiteral("/redeem/") + m_token + QStringLiteral("/passcode"),
                      form)
                     .status,
                 303);
        const Reply verified =
            send(QStringLiteral("POST"), base + QStringLiteral("/redeem/") + m_token + QStringLiteral("/code"),
                 form + "&code=" + currentCode().toLatin1());
        QCOMPARE(verified.status, 303);
        QCOMPARE(verified.header("Location"), (base + QStringLiteral("/consent")).toUtf8());
        const Reply consent = send(QStringLiteral("GET"), base + QStringLiteral("/consent"));
        QCOMPARE(consent.status, 200);
        const Reply accepted =
            send(QStringLiteral("POST"), base + QStringLiteral("/consent"), "csrf=" + csrfOf(consent.body).toLatin1());
        QCOMPARE(accepted.status, 303);
        QCOMPARE(accepted.header("Location"), Redirect.toUtf8());
        QCOMPARE(scalar(m_ctx->db(), QStringLiteral("SELECT external_user_state FROM users WHERE id = ?"), {m_userId})
                     .toString(),
                 QStringLiteral("Accepted"));
        // Used up, whichever thread is asked.
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(rawGet(port, QStringLiteral("/redeem/") + m_token), 403);
        }
        threads.stop();
        QCOMPARE(threads.threadCount(), 0);
        // The port is free again: the sockets were closed with their threads.
        QTcpServer again;
        QVERIFY(again.listen(QHostAddress::LocalHost, port));
    }

    // GET budget 10 a minute (burst 10): 30 connections from one address over two threads get 10
    // pages in all, not 10 per thread.
    void rateLimitPerAddressAcrossThreads() {
        const quint16 port = freePort();
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        QVERIFY(setUp(QStringLiteral("sqlite"), base));
        PortalOptions po;
        po.baseUrl = base;
        po.getPerMinute = 10;
        PortalServer limits(std::make_shared<RedemptionService>(m_ctx->database(), m_fx.clock(), m_key), po);
        PortalThreads threads;
        auto started = threads.start(QHostAddress::LocalHost, port, 2, factory(po, limits), m_ctx->database());
        QVERIFY(started.ok());
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 30; ++i) {
            const int status = rawGet(port, QStringLiteral("/healthz"));
            ok += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        const QList<quint64> spread = counts();
        QVERIFY2(spread[0] > 0 && spread[1] > 0, "the kernel gave every connection to one thread");
        // One token comes back every 6 s; the loop takes well under that, give or take one.
        QVERIFY2(ok >= 10 && ok <= 11, qPrintable(QStringLiteral("%1 pages served").arg(ok)));
        QCOMPARE(ok + limited, 30);
        QCOMPARE(limits.getLimiter()->size(), 1);
    }

    // With TLS every thread has its own QSslServer on the shared port.
    void tlsOnEveryThread() {
        QTemporaryDir dir;
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                       dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                       dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("-days"), QStringLiteral("1"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=localhost")});
        QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0, "openssl req failed (install openssl)");
        QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
        QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
        ssl.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));

        const quint16 port = freePort();
        const QString base = QStringLiteral("https://127.0.0.1:%1").arg(port);
        QVERIFY(setUp(QStringLiteral("sqlite"), base));
        PortalOptions po;
        po.baseUrl = base;
        po.tls = true;
        po.secureCookies = true;
        po.getPerMinute = 0;
        PortalServer limits(std::make_shared<RedemptionService>(m_ctx->database(), m_fx.clock(), m_key), po);
        PortalThreads threads;
        auto started =
            threads.start(QHostAddress::LocalHost, port, 2, factory(po, limits), m_ctx->database(), ssl);
        QVERIFY(started.ok());
        for (int i = 0; i < 6; ++i) {
            m_nam = std::make_unique<QNetworkAccessManager>(); // a new connection each time
            const Reply r = send(QStringLiteral("GET"), base + QStringLiteral("/redeem/") + m_token);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("Strict-Transport-Security"), QByteArrayLiteral("max-age=31536000"));
            QVERIFY(r.header("Set-Cookie").startsWith("__Host-atrium-csrf="));
        }
    }

    // A port another socket holds (without SO_REUSEPORT) is refused with a clear error.
    void portInUse() {
        QTcpServer holder;
        QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(holder.serverPort());
        QVERIFY(setUp(QStringLiteral("sqlite"), base));
        PortalOptions po;
        po.baseUrl = base;
        PortalServer limits(std::make_shared<RedemptionService>(m_ctx->database(), m_fx.clock(), m_key), po);
        PortalThreads threads;
        auto started =
            threads.start(QHostAddress::LocalHost, holder.serverPort(), 2, factory(po, limits), m_ctx->database());
        QVERIFY(!started.ok());
        QCOMPARE(started.error().code, ErrorCode::Network);
        QCOMPARE(threads.threadCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_PortalThreads)
#include "tst_portalthreads.moc"
