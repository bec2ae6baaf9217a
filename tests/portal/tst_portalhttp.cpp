// The portal's HTTP surface against the real server on loopback (QNetworkAccessManager): security
// headers, cookies, CSRF, the passcode flow, wrong and expired codes, reused links, rate limits.
// Every refused request leaves the directory unchanged. Self-service sign-up's routes: the same
// headers, cookies and CSRF, consent then terms of use, a disabled flow.

#include "core/mail/passcodemail.h"
#include "core/redemption/redemptionservice.h"
#include "core/userflows/signupservice.h"
#include "core/userflows/userflowservice.h"
#include "portalserver.h"
#include "redemptionfixture.h"

#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace atrium::core;
using namespace atrium::test;
using atrium::portal::PortalOptions;
using atrium::portal::PortalServer;

namespace {
const QString Redirect = QStringLiteral("https://apps.fabrikam.example/welcome");

struct Reply {
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names; Set-Cookie joined by '\n'
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
};
} // namespace

class tst_PortalHttp final : public QObject {
    Q_OBJECT

    DirectoryFixture m_fx;
    std::optional<ServiceContext> m_ctx;
    std::shared_ptr<MemorySecretStore> m_secrets;
    QByteArray m_key;
    std::shared_ptr<RedemptionService> m_service;
    std::unique_ptr<PortalServer> m_server;
    QString m_base;
    QString m_token;
    QString m_userId;
    std::unique_ptr<QNetworkAccessManager> m_nam;

    Reply send(const QString &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {}) {
        QNetworkRequest req(QUrl(path.startsWith(QLatin1String("http")) ? path : m_base + path));
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        for (const auto &h : headers) {
            req.setRawHeader(h.first, h.second);
        }
        QNetworkReply *r = nullptr;
        if (req.url().scheme() == QLatin1String("https")) {
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone); // the test's own self-signed certificate
            req.setSslConfiguration(ssl);
        }
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
            const QByteArray name = p.first.toLower();
            out.headers[name] = out.headers.contains(name) ? out.headers[name] + '\n' + p.second : p.second;
        }
        r->deleteLater();
        return out;
    }

    static QString csrfOf(const QByteArray &body) {
        static const QRegularExpression re(QStringLiteral("name=\"csrf\" value=\"([^\"]+)\""));
        return re.match(QString::fromUtf8(body)).captured(1);
    }
    static QString problemOf(const QByteArray &body) {
        static const QRegularExpression re(QStringLiteral("data-problem=\"([^\"]+)\""));
        return re.match(QString::fromUtf8(body)).captured(1);
    }

    // A form post carrying the CSRF value of the landing page.
    Reply post(const QString &path, const QString &csrf, const QString &extra = {}) {
        QByteArray body = "csrf=" + QUrl::toPercentEncoding(csrf);
        if (!extra.isEmpty()) {
            body += '&' + extra.toUtf8();
        }
        return send(QStringLiteral("POST"), path, body);
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

    // A fresh directory, a guest and a portal for each test.
    bool setUp(int postPerMinute = 0) {
        m_server.reset();
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_nam->setCookieJar(new QNetworkCookieJar(m_nam.get()));
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        if (!ctx.ok()) {
            return false;
        }
        m_ctx.emplace(*ctx);
        auto *tcp = new QTcpServer();
        if (!tcp->listen(QHostAddress::LocalHost, 0)) {
            return false;
        }
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(tcp->serverPort());
        if (!setSetting(*m_ctx, QStringLiteral("portalBaseUrl"), m_base).ok()) {
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
        if (!r->redeemUrl.startsWith(m_base + QStringLiteral("/redeem/"))) {
            return false;
        }
        m_token = tokenFromUrl(r->redeemUrl);
        m_userId = r->invitedUser.id;
        m_key = *TokenKey::load(*m_secrets, DirectoryService::read(m_ctx->db())->tenantId);
        RedemptionOptions o;
        o.landingCacheMs = 0;
        m_service = std::make_shared<RedemptionService>(m_ctx->database(), m_fx.clock(), m_key, o);
        PortalOptions po;
        po.baseUrl = m_base;
        po.getPerMinute = 0;
        po.postPerMinute = postPerMinute;
        m_server = std::make_unique<PortalServer>(m_service, po);
        m_server->bind(tcp);
        return true;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(error));
    }

    void signUpOverHttp() {
        QVERIFY(setUp());
        QVERIFY(setSetting(*m_ctx, QStringLiteral("collaboration"), QStringLiteral(R"({"selfServiceSignUpEnabled":true})"))
                    .ok());
        QVERIFY(setSetting(*m_ctx, QStringLiteral("termsOfUseUrl"), QStringLiteral("https://fabrikam.example/terms")).ok());
        UserFlowService flows(*m_ctx, m_secrets);
        UserFlow f;
        f.name = QStringLiteral("B2X_1_Web");
        f.redirectUrl = Redirect;
        f.attributes = {{QStringLiteral("displayName"), true}};
        QVERIFY(flows.createFlow(f).ok());
        m_server->setSignUpService(std::make_shared<SignUpService>(m_ctx->database(), m_fx.clock(), m_key, m_secrets));

        Reply r = send(QStringLiteral("GET"), QStringLiteral("/signup/B2X_1_Nope"));
        QCOMPARE(r.status, 404);
        QCOMPARE(problemOf(r.body), QStringLiteral("unknownFlow"));
        r = send(QStringLiteral("GET"), QStringLiteral("/signup/B2X_1_Web"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Frame-Options"), QByteArrayLiteral("DENY"));
        QCOMPARE(r.header("Cache-Control"), QByteArrayLiteral("no-store"));
        QVERIFY(r.header("Content-Security-Policy").contains("default-src 'none'"));
        const QString csrf = csrfOf(r.body);
        QVERIFY(!csrf.isEmpty());
        const QString before = dumpDirectory(m_ctx->db());

        // No CSRF token: refused, no code sent.
        r = send(QStringLiteral("POST"), QStringLiteral("/signup/B2X_1_Web/email"), "email=bob%40contoso.com");
        QCOMPARE(r.status, 403);
        QCOMPARE(scalar(m_ctx->db(), QStringLiteral("SELECT COUNT(*) FROM passcodes WHERE purpose = 'signup'")).toInt(), 0);
        r = post(QStringLiteral("/signup/B2X_1_Web/email"), csrf, QStringLiteral("email=bob%40contoso.com"));
        QCOMPARE(r.status, 303);
        QVERIFY(r.header("Location").endsWith("/signup/B2X_1_Web/code"));
        const QByteArray cookie = r.header("Set-Cookie");
        QVERIFY2(cookie.contains("atrium-signup=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
                 cookie.constData());
        r = post(QStringLiteral("/signup/B2X_1_Web/code"), csrf, QStringLiteral("code=") + currentCode());
        QCOMPARE(r.status, 303);
        QVERIFY(r.header("Location").endsWith("/signup/B2X_1_Web/attributes"));
        r = send(QStringLiteral("GET"), QStringLiteral("/signup/B2X_1_Web/attributes"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("id=\"attr-displayName\""));
        r = send(QStringLiteral("POST"), QStringLiteral("/signup/B2X_1_Web/attributes"), "displayName=Bob");
        QCOMPARE(r.status, 403);
        r = post(QStringLiteral("/signup/B2X_1_Web/attributes"), csrf, QStringLiteral("displayName="));
        QCOMPARE(r.status, 400); // required: at the form
        QCOMPARE(problemOf(r.body), QStringLiteral("invalidAttribute"));
        QCOMPARE(dumpDirectory(m_ctx->db()), before);
        r = post(QStringLiteral("/signup/B2X_1_Web/attributes"), csrf, QStringLiteral("displayName=Bob%20Example"));
        QCOMPARE(r.status, 303);
        QVERIFY(r.header("Location").endsWith("/signup/B2X_1_Web/consent"));
        QCOMPARE(scalar(m_ctx->db(), QStringLiteral("SELECT creation_type FROM users WHERE mail_lower = ?"),
                        {QStringLiteral("bob@contoso.com")})
                     .toString(),
                 QStringLiteral("SelfServiceSignUp"));

        // Consent, then the terms of use, then the flow's redirect URL.
        r = send(QStringLiteral("GET"), QStringLiteral("/signup/B2X_1_Web/consent"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("Review permissions"));
        r = post(QStringLiteral("/signup/B2X_1_Web/consent"), csrf);
        QCOMPARE(r.status, 303);
        QVERIFY(r.header("Location").endsWith("/signup/B2X_1_Web/terms"));
        r = send(QStringLiteral("GET"), QStringLiteral("/signup/B2X_1_Web/terms"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("https://fabrikam.example/terms"));
        r = post(QStringLiteral("/signup/B2X_1_Web/terms"), csrf);
        QCOMPARE(r.status, 403);
        QCOMPARE(problemOf(r.body), QStringLiteral("termsNotAccepted"));
        r = post(QStringLiteral("/signup/B2X_1_Web/terms"), csrf, QStringLiteral("acceptTerms=1"));
        QCOMPARE(r.status, 303);
        QCOMPARE(QString::fromLatin1(r.header("Location")), Redirect);

        // A disabled flow offers nothing.
        f = *flows.flow(QStringLiteral("B2X_1_Web"));
        f.enabled = false;
        QVERIFY(flows.updateFlow(f, f.rowVersion).ok());
        r = send(QStringLiteral("GET"), QStringLiteral("/signup/B2X_1_Web"));
        QCOMPARE(r.status, 403);
        QCOMPARE(problemOf(r.body), QStringLiteral("flowDisabled"));
    }

    void headersAndCookies() {
        QVERIFY(setUp());
        const Reply r = send(QStringLiteral("GET"), QStringLiteral("/redeem/") + m_token);
        QCOMPARE(r.status, 200);
        const QByteArray csp = r.header("Content-Security-Policy");
        QVERIFY2(csp.contains("default-src 'none'"), csp.constData());
        QVERIFY(csp.contains("frame-ancestors 'none'"));
        QVERIFY(csp.contains("form-action 'self'"));
        QVERIFY(!csp.contains("unsafe-inline"));
        QVERIFY(!csp.contains("script-src"));
        QCOMPARE(r.header("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
        QCOMPARE(r.header("X-Frame-Options"), QByteArrayLiteral("DENY"));
        QCOMPARE(r.header("Cache-Control"), QByteArrayLiteral("no-store"));
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
        QVERIFY(r.header("Content-Type").startsWith("text/html; charset=utf-8"));
        const QByteArray cookie = r.header("Set-Cookie");
        QVERIFY2(cookie.startsWith("atrium-csrf="), cookie.constData());
        QVERIFY(cookie.contains("HttpOnly"));
        QVERIFY(cookie.contains("SameSite=Strict"));
        QVERIFY(!cookie.contains("Secure")); // plain http on loopback; TLS or an https base URL adds it
        QVERIFY(!csrfOf(r.body).isEmpty());
        QVERIFY(r.body.contains("Fabrikam"));
        QVERIFY(r.body.contains("alice@contoso.com"));
        QVERIFY(!r.body.contains("<script"));
        QVERIFY(!r.body.contains("style=")); // no inline styles: the CSP allows only the style sheet
        // Links and form actions are absolute, built on the configured base URL.
        QVERIFY(r.body.contains(QStringLiteral("action=\"%1/redeem/%2/passcode\"").arg(m_base, m_token).toUtf8()));

        const Reply css = send(QStringLiteral("GET"), QStringLiteral("/static/portal.css"));
        QCOMPARE(css.status, 200);
        QVERIFY(css.header("Content-Type").startsWith("text/css"));
        QVERIFY(css.body.contains("max-width"));

        const Reply missing = send(QStringLiteral("GET"), QStringLiteral("/nothing-here"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.header("X-Frame-Options"), QByteArrayLiteral("DENY"));
        const Reply unknown =
            send(QStringLiteral("GET"), QStringLiteral("/redeem/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(problemOf(unknown.body), QStringLiteral("unknownLink"));
    }

    void csrfMissing() {
        QVERIFY(setUp());
        const QString before = dumpDirectory(m_ctx->db());
        const Reply landing = send(QStringLiteral("GET"), QStringLiteral("/redeem/") + m_token);
        const QString csrf = csrfOf(landing.body);
        QVERIFY(!csrf.isEmpty());
        const QString path = QStringLiteral("/redeem/") + m_token + QStringLiteral("/passcode");
        // No token in the form, a wrong one, and the right one from a foreign origin.
        QCOMPARE(send(QStringLiteral("POST"), path, QByteArrayLiteral("x=1")).status, 403);
        QCOMPARE(post(path, QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA")).status, 403);
        QCOMPARE(send(QStringLiteral("POST"), path, "csrf=" + csrf.toLatin1(),
                      {{QByteArrayLiteral("Origin"), QByteArrayLiteral("https://evil.example")}})
                     .status,
                 403);
        // Without the cookie (another browser) the form value alone is not enough.
        m_nam->setCookieJar(new QNetworkCookieJar(m_nam.get()));
        QCOMPARE(post(path, csrf).status, 403);
        QCOMPARE(send(QStringLiteral("POST"), QStringLiteral("/consent"), "csrf=" + csrf.toLatin1()).status, 403);
        QCOMPARE(scalar(m_ctx->db(), QStringLiteral("SELECT COUNT(*) FROM passcodes")).toInt(), 0);
        QCOMPARE(scalar(m_ctx->db(), QStringLiteral("SELECT COUNT(*) FROM outbox WHERE kind = 'passcode'")).toInt(), 0);
        QCOMPARE(dumpDirectory(m_ctx->db()), before);
    }

    void redeemOverHttp() {
        QVERIFY(setUp());
        const Reply landing = send(QStringLiteral("GET"), QStringLiteral("/redeem/") + m_token);
        const QString csrf = csrfOf(landing.body);
        const Reply sent = post(QStringLiteral("/redeem/") + m_token + QStringLiteral("/passcode"), csrf);
        QCOMPARE(sent.status, 303);
        QCOMPARE(sent.header("Location"),
                 (m_base + QStringLiteral("/redeem/") + m_token + QStringLiteral("/code")).toUtf8());
        const Reply codePage =
            send(QStringLiteral("GET"), QStringLiteral("/redeem/") + m_token + QStringLiteral("/code"));
        QCOMPARE(codePage.status, 200);
        QVERIFY(codePage.body.contains("autocomplete=\"one-time-code\""));
        const Reply verified = post(QStringLiteral("/redeem/") + m_token + QStringLiteral("/code"), csrf,
                                    QStringLiteral("code=") + currentCode());
        QCOMPARE(verified.status, 303);
        QCOMPARE(verified.header("Location"), (m_base + QStringLiteral("/consent")).toUtf8());
        const QByteArray session = verified.header("Set-Cookie");
        QVERIFY2(session.startsWith("atrium-session="), session.constData());
        QVERIFY(session.contains("HttpOnly") && session.contains("SameSite=Strict"));
        QVERIFY(session.contains("Max-Age=86400"));
        const Reply consent = send(QStringLiteral("GET"), QStringLiteral("/consent"));
        QCOMPARE(consent.status, 200);
        QVERIFY(consent.body.contains("Review permissions"));
        QVERIFY(consent.header("Content-Security-Policy").contains("https://apps.fabrikam.example"));
        const Reply accepted = post(QStringLiteral("/consent"), csrfOf(consent.body));
        QCOMPARE(accepted.status, 303);
        QCOMPARE(accepted.header("Location"), Redirect.toUtf8());
        QCOMPARE(scalar(m_ctx->db(), QStringLiteral("SELECT external_user_state FROM users WHERE id = ?"), {m_userId})
                     .toString(),
                 QStringLiteral("Accepted"));

        // The link is single use: reused, it shows a clear page and changes nothing.
        const QString after = dumpDirectory(m_ctx->db());
        const Reply again = send(QStringLiteral("GET"), QStringLiteral("/redeem/") + m_token);
        QCOMPARE(again.status, 403);
        QCOMPARE(problemOf(again.body), QStringLiteral("alreadyRedeemed"));
        QCOMPARE(post(QStringLiteral("/redeem/") + m_token + QStringLiteral("/passcode"), csrf).status, 403);
        QCOMPARE(post(QStringLiteral("/consent"), csrf).status, 403);
        QCOMPARE(dumpDirectory(m_ctx->db()), after);
    }

    void wrongCodeSixTimes() {
        QVERIFY(setUp());
        const QString csrf = csrfOf(send(QStringLiteral("GET"), QStringLiteral("/redeem/") + m_token).body);
        QCOMPARE(post(QStringLiteral("/redeem/") + m_token + QStringLiteral("/passcode"), csrf).status, 303);
        const QString code = currentCode();
        QString wrong = code;
        wrong[7] = QLatin1Char(code.at(7) == QLatin1Char('0') ? '1' : '0');
        const QString before = dumpDirectory(m_ctx->db());
        for (int i = 1; i <= 6; ++i) {
            const Reply r = post(QStringLiteral("/redeem/") + m_token + QStringLiteral("/code"), csrf,
                                 QStringLiteral("code=") + wrong);
            if (i < 5) {
                QCOMPARE(r.status, 400);
                QVERIFY(r.body.contains("id=\"message\""));
            } else {
                QCOMPARE(r.status, 403);
                QCOMPARE(problemOf(r.body), QStringLiteral("tooManyAttempts"));
            }
        }
        const Reply right =
            post(QStringLiteral("/redeem/") + m_token + QStringLiteral("/code"), csrf, QStringLiteral("code=") + code);
        QCOMPARE(right.status, 403);
        QVERIFY(right.header("Set-Cookie").isEmpty());
        QCOMPARE(dumpDirectory(m_ctx->db()), before);
    }

    void expiredCode() {
        QVERIFY(setUp());
        const QString csrf = csrfOf(send(QStringLiteral("GET"), QStringLiteral("/redeem/") + m_token).body);
        QCOMPARE(post(QStringLiteral("/redeem/") + m_token + QStringLiteral("/passcode"), csrf).status, 303);
        const QString code = currentCode();
        const QString before = dumpDirectory(m_ctx->db());
        m_fx.clock()->advanceSecs(10 * 60 + 1);
        const Reply r =
            post(QStringLiteral("/redeem/") + m_token + QStringLiteral("/code"), csrf, QStringLiteral("code=") + code);
        QCOMPARE(r.status, 403);
        QCOMPARE(problemOf(r.body), QStringLiteral("codeExpired"));
        QVERIFY(r.body.contains("send-code")); // offers a new code
        QCOMPARE(dumpDirectory(m_ctx->db()), before);
    }

    void blockedDomain() {
        QVERIFY(setUp());
        const QString csrf = csrfOf(send(QStringLiteral("GET"), QStringLiteral("/redeem/") + m_token).body);
        QVERIFY(setSetting(*m_ctx, QStringLiteral("collaboration"),
                           QStringLiteral("{\"restriction\":\"denyListed\",\"domains\":[\"contoso.com\"]}"))
                    .ok());
        const QString before = dumpDirectory(m_ctx->db());
        const Reply landing = send(QStringLiteral("GET"), QStringLiteral("/redeem/") + m_token);
        QCOMPARE(landing.status, 403);
        QCOMPARE(problemOf(landing.body), QStringLiteral("domainBlocked"));
        QCOMPARE(post(QStringLiteral("/redeem/") + m_token + QStringLiteral("/passcode"), csrf).status, 403);
        QCOMPARE(dumpDirectory(m_ctx->db()), before);
        QCOMPARE(scalar(m_ctx->db(), QStringLiteral("SELECT COUNT(*) FROM passcodes")).toInt(), 0);
    }

    void rateLimit() {
        QVERIFY(setUp(5));
        const QString csrf = csrfOf(send(QStringLiteral("GET"), QStringLiteral("/redeem/") + m_token).body);
        int limited = 0;
        for (int i = 0; i < 8; ++i) {
            const Reply r = post(QStringLiteral("/redeem/") + m_token + QStringLiteral("/code"), csrf,
                                 QStringLiteral("code=00000000"));
            if (r.status == 429) {
                ++limited;
                QCOMPARE(r.header("Retry-After"), QByteArrayLiteral("60"));
            }
        }
        QCOMPARE(limited, 3); // a burst of 5, then refused
    }

    // With a certificate the portal speaks TLS itself: HSTS, Secure "__Host-" cookies.
    void tls() {
        QVERIFY(setUp());
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
        const QSslCertificate cert(certFile.readAll(), QSsl::Pem);
        const QSslKey key(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
        QVERIFY(!cert.isNull() && !key.isNull());
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        PortalOptions po;
        po.baseUrl = QStringLiteral("https://127.0.0.1:%1").arg(port);
        po.tls = true;
        po.secureCookies = true;
        po.getPerMinute = 0;
        PortalServer tlsServer(m_service, po);
        tlsServer.sslSetup(cert, key);
        QCOMPARE(tlsServer.listen(QHostAddress::LocalHost, port), port);
        const Reply r = send(QStringLiteral("GET"), po.baseUrl + QStringLiteral("/redeem/") + m_token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Strict-Transport-Security"), QByteArrayLiteral("max-age=31536000"));
        const QByteArray cookie = r.header("Set-Cookie");
        QVERIFY2(cookie.startsWith("__Host-atrium-csrf="), cookie.constData());
        QVERIFY(cookie.contains("; Secure"));
        QVERIFY(cookie.contains("Path=/;"));
        QVERIFY(r.body.contains(QStringLiteral("action=\"%1/redeem/").arg(po.baseUrl).toUtf8()));
    }

    void unsubscribe() {
        QVERIFY(setUp());
        const Reply view = send(QStringLiteral("GET"), QStringLiteral("/unsubscribe/") + m_token);
        QCOMPARE(view.status, 200);
        QCOMPARE(scalar(m_ctx->db(), QStringLiteral("SELECT COUNT(*) FROM unsubscribed")).toInt(), 0);
        const Reply done = post(QStringLiteral("/unsubscribe/") + m_token, csrfOf(view.body));
        QCOMPARE(done.status, 200);
        QCOMPARE(scalar(m_ctx->db(), QStringLiteral("SELECT COUNT(*) FROM unsubscribed")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_PortalHttp)
#include "tst_portalhttp.moc"
