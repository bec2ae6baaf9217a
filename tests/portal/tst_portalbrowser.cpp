// THE end-to-end test: a guest redeems an invitation in a real headless Chromium.
// atriumctl init/settings/invite --send (the real binary) -> the invitation mail arrives at a real
// SMTP sink -> Chromium opens its Accept link on the real atrium-portal -> requests the passcode ->
// the code is read from the second mail -> entered -> consent accepted -> Chromium lands on the
// redirect URL served by this test -> atriumctl shows the guest Accepted.
// Runs under tests/support/keychainsession.sh: atriumctl and atrium-portal share the token key in
// a private gnome-keyring. Screenshots of every page go to <build>/portal-screenshots/.

#include "core/base/clock.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "models/guestlistmodel.h"
#include "ui/capabilities.h"
#include "ui/guestuserspane.h"

#include "mimereader.h"
#include "scriptedendpoint.h"
#include "smtpsink.h"
#include "webdriver.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace atrium::test;

namespace {

int freePort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

QString binary(const QString &name) {
    const QString dir = qEnvironmentVariable("ATRIUM_BINARY_DIR");
    for (const QString &sub : {QStringLiteral("/app/cli/"), QStringLiteral("/app/portal/"), QStringLiteral("/bin/")}) {
        const QString p = dir + sub + name;
        if (QFile::exists(p)) {
            return p;
        }
    }
    return {};
}

// The page the guest is sent to after redeeming: the "organization's app" of this test.
class LandingSite final : public QObject {
public:
    bool start() {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    const QByteArray req = s->readAll();
                    if (req.startsWith("GET /welcome")) {
                        ++m_hits;
                    }
                    const QByteArray body = "<!DOCTYPE html><html><head><title>Fabrikam apps</title></head><body>"
                                            "<h1 id=\"welcome\">Welcome to Fabrikam apps</h1></body></html>";
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n"
                             "Content-Length: " +
                             QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/welcome").arg(m_server.serverPort()); }
    int hits() const { return m_hits; }

private:
    QTcpServer m_server;
    int m_hits = 0;
};

} // namespace

class tst_PortalBrowser final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_shots;

    // Runs atriumctl; returns stdout, fails the test on a non-zero exit.
    QByteArray ctl(const QStringList &args, bool *ok, const QByteArray &input = {}) {
        QProcess p;
        p.start(binary(QStringLiteral("atriumctl")), QStringList{QStringLiteral("--db"), m_db} + args);
        if (!input.isEmpty()) {
            p.write(input);
        }
        p.closeWriteChannel();
        p.waitForFinished(60000);
        *ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (!*ok) {
            qWarning().noquote() << "atriumctl" << args.join(QLatin1Char(' ')) << "failed:" << p.readAllStandardError();
        }
        return p.readAllStandardOutput();
    }

    void shot(WebDriver &wd, const QString &name) {
        const QString path = m_shots + QLatin1Char('/') + name + QStringLiteral(".png");
        QVERIFY2(wd.screenshot(path), qPrintable(wd.lastError()));
    }

    static QString textPart(const QByteArray &raw) { return bodyOfType(parseEntity(raw), "text/plain"); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!binary(QStringLiteral("atriumctl")).isEmpty(), "atriumctl not built (ATRIUM_BINARY_DIR)");
        QVERIFY2(!binary(QStringLiteral("atrium-portal")).isEmpty(), "atrium-portal not built (ATRIUM_BINARY_DIR)");
        m_db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("directory.db"));
        m_shots = qEnvironmentVariable("ATRIUM_BINARY_DIR") + QStringLiteral("/portal-screenshots");
        QDir().mkpath(m_shots);
    }

    void guestRedeemsInBrowser() {
        SmtpSink sink;
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        LandingSite site;
        QVERIFY(site.start());
        const int portalPort = freePort();
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(portalPort);

        bool ok = false;
        ctl({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Fabrikam"), QStringLiteral("--domain"),
             QStringLiteral("fabrikam.example")},
            &ok);
        QVERIFY(ok);
        ctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("portalBaseUrl"), base}, &ok);
        QVERIFY(ok);
        const QJsonObject smtp{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                               {QStringLiteral("port"), sink.port()},
                               {QStringLiteral("security"), QStringLiteral("none")},
                               {QStringLiteral("fromAddress"), QStringLiteral("invites@fabrikam.example")},
                               {QStringLiteral("fromName"), QStringLiteral("Fabrikam")}};
        ctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("smtp"),
             QString::fromUtf8(QJsonDocument(smtp).toJson(QJsonDocument::Compact))},
            &ok);
        QVERIFY(ok);
        ctl({QStringLiteral("invite"), QStringLiteral("alice@contoso.com"), QStringLiteral("--name"),
             QStringLiteral("Alice Example"), QStringLiteral("--redirect"), site.url(), QStringLiteral("--send")},
            &ok);
        QVERIFY(ok);
        QVERIFY2(sink.waitForMessages(1, 20000), "the invitation mail did not arrive");
        const QString invitation = textPart(sink.messages().at(0));
        const QRegularExpression acceptRe(QStringLiteral("Accept invitation:\\s*(\\S+)"));
        const QString acceptUrl = acceptRe.match(invitation).captured(1);
        QVERIFY2(acceptUrl.startsWith(base + QStringLiteral("/redeem/")), qPrintable(invitation));

        QProcess portal;
        portal.setProcessChannelMode(QProcess::SeparateChannels);
        // Every category at debug level: the check at the end must see everything the portal could log.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("atrium.*.debug=true"));
        portal.setProcessEnvironment(env);
        portal.start(binary(QStringLiteral("atrium-portal")), {QStringLiteral("--db"), m_db, QStringLiteral("--listen"),
                                                               QStringLiteral("127.0.0.1:%1").arg(portalPort),
                                                               QStringLiteral("--mail-interval"), QStringLiteral("2")});
        QVERIFY(portal.waitForStarted(10000));
        QByteArray portalOut;
        QTRY_VERIFY_WITH_TIMEOUT((portalOut += portal.readAllStandardOutput()).contains("listening on") ||
                                     portal.state() == QProcess::NotRunning,
                                 30000);
        QVERIFY2(portal.state() == QProcess::Running && portalOut.contains("listening on"),
                 QByteArray(portalOut + portal.readAllStandardError()).constData());

        WebDriver wd;
        QVERIFY2(wd.start(&error), qPrintable(error));

        // Landing: a GET shows the invitation and consumes nothing.
        QVERIFY2(wd.navigate(acceptUrl), qPrintable(wd.lastError()));
        QVERIFY(!wd.find(QStringLiteral("#send-code-submit")).isEmpty());
        QVERIFY(wd.pageSource().contains(QStringLiteral("alice@contoso.com")));
        shot(wd, QStringLiteral("1-landing"));
        QVERIFY(wd.click(wd.find(QStringLiteral("#send-code-submit"))));

        // Passcode entry; the code comes in the second mail.
        QVERIFY2(wd.waitForUrl([](const QString &u) { return u.endsWith(QStringLiteral("/code")); }),
                 qPrintable(wd.currentUrl()));
        const QString codeField = wd.find(QStringLiteral("#code"));
        QVERIFY(!codeField.isEmpty());
        shot(wd, QStringLiteral("2-code"));
        QVERIFY2(sink.waitForMessages(2, 30000), "the passcode mail did not arrive");
        const QString passcodeMail = textPart(sink.messages().at(1));
        const QString code =
            QRegularExpression(QStringLiteral("verification code is:\\s*(\\d{8})")).match(passcodeMail).captured(1);
        QVERIFY2(code.size() == 8, qPrintable(passcodeMail));
        QVERIFY(wd.type(codeField, code));
        QVERIFY(wd.click(wd.find(QStringLiteral("#enter-code-submit"))));

        // Review permissions.
        QVERIFY2(wd.waitForUrl([](const QString &u) { return u.endsWith(QStringLiteral("/consent")); }),
                 qPrintable(wd.currentUrl() + wd.pageSource()));
        QVERIFY(!wd.find(QStringLiteral("#shared-data")).isEmpty());
        QVERIFY(wd.pageSource().contains(QStringLiteral("Review permissions")));
        shot(wd, QStringLiteral("3-consent"));
        QVERIFY(wd.click(wd.find(QStringLiteral("#accept-submit"))));

        // The redirect URL.
        QVERIFY2(wd.waitForUrl([&](const QString &u) { return u == site.url(); }),
                 qPrintable(wd.currentUrl() + wd.pageSource()));
        QVERIFY(!wd.find(QStringLiteral("#welcome")).isEmpty());
        shot(wd, QStringLiteral("4-redirect"));
        QCOMPARE(site.hits(), 1);

        // The admin's view: the guest is Accepted, redeemed with a passcode, and audited.
        const QByteArray users =
            ctl({QStringLiteral("users"), QStringLiteral("--type"), QStringLiteral("Guest"), QStringLiteral("--json")},
                &ok);
        QVERIFY(ok);
        const QJsonDocument doc = QJsonDocument::fromJson(users);
        const QJsonArray list = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("value")).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject alice = list.first().toObject();
        QCOMPARE(alice.value(QStringLiteral("externalUserState")).toString(), QStringLiteral("Accepted"));
        QVERIFY(!alice.value(QStringLiteral("externalUserStateChangeDateTime")).toString().isEmpty());
        const QByteArray audit = ctl({QStringLiteral("audit"), QStringLiteral("--activity"),
                                      QStringLiteral("Redeem external user invite"), QStringLiteral("--json")},
                                     &ok);
        QVERIFY(ok);
        QVERIFY2(audit.contains("alice_contoso.com#EXT#@fabrikam.example"), audit.constData());

        // ... and in the console: the Guest users pane on the same directory lists her as Accepted,
        // with the date her state changed.
        {
            atrium::models::DbExecutor executor;
            atrium::core::ConnectionInfo info;
            info.path = m_dir.filePath(QStringLiteral("directory.db"));
            const std::shared_ptr<const atrium::core::Clock> clock = std::make_shared<atrium::core::SystemClock>();
            auto session = executor
                               .run<atrium::core::Result<atrium::models::SessionPtr>>(
                                   [info, clock] { return atrium::models::DirectorySession::open(info, clock); })
                               .result();
            QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
            executor.registerDatabase((*session)->database);
            {
                atrium::ui::GuestUsersPane pane(&executor);
                pane.setCapabilities(atrium::ui::Capabilities::forOperator((*session)->op));
                pane.setSession(*session);
                atrium::models::GuestListModel *model = pane.model();
                QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1 && !model->isLoading(), 10000);
                QCOMPARE(model->guest(0).mail, QStringLiteral("alice@contoso.com"));
                QCOMPARE(model->data(model->index(0, int(atrium::core::GuestColumn::State))).toString(),
                         QStringLiteral("Accepted"));
                QVERIFY(!model->data(model->index(0, int(atrium::core::GuestColumn::StateChanged))).toString().isEmpty());
            }
            executor.retire((*session)->database).waitForFinished();
        }

        // Opening the mail's link again: a clear page, nothing changes.
        QVERIFY(wd.navigate(acceptUrl));
        QVERIFY(!wd.find(QStringLiteral("[data-problem=alreadyRedeemed]")).isEmpty());
        shot(wd, QStringLiteral("5-reused"));

        portal.terminate();
        QVERIFY(portal.waitForFinished(10000));
        // The portal never logs a token or a code.
        const QByteArray logs = portal.readAllStandardError() + portal.readAllStandardOutput();
        QVERIFY2(logs.contains("/redeem/<token>"), logs.constData()); // the debug log ran, redacted
        QVERIFY(!logs.contains(code.toLatin1()));
        QVERIFY(!logs.contains(acceptUrl.section(QLatin1Char('/'), -1).toLatin1()));
    }

    QJsonArray guests(bool *ok) {
        const QByteArray users = ctl(
            {QStringLiteral("users"), QStringLiteral("--type"), QStringLiteral("Guest"), QStringLiteral("--json")}, ok);
        const QJsonDocument doc = QJsonDocument::fromJson(users);
        return doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("value")).toArray();
    }

    // Self-service sign-up end to end (SPEC §8, issue 7): atriumctl configures an API connector
    // (a real HTTP endpoint of this test, Basic auth, password via the keychain) and a user flow;
    // Chromium signs up on the real atrium-portal: email -> passcode from the mail -> attributes ->
    // the connector answers ValidationError (the form shows it, nothing is created) -> corrected and
    // resubmitted -> Continue (overriding jobTitle) -> consent -> terms of use -> redirect. The guest
    // exists with creationType SelfServiceSignUp. A POST without the CSRF token changes nothing.
    void guestSignsUpInBrowser() {
        m_db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("signup.db"));
        SmtpSink sink;
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        LandingSite site;
        QVERIFY(site.start());
        ScriptedEndpoint connector;
        QVERIFY(connector.start());
        const QString company = QStringLiteral("extension_0123456789abcdef0123456789abcdef_Company");
        connector.script << ScriptedEndpoint::Answer{
            400,
            R"({"version":"1.0.0","status":400,"action":"ValidationError","userMessage":"Enter the registered name of your company, e.g. Contoso Ltd."})"};
        connector.script << ScriptedEndpoint::Answer{
            200, R"({"version":"1.0.0","action":"Continue","jobTitle":"Purchasing lead"})"};
        const int portalPort = freePort();
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(portalPort);

        bool ok = false;
        ctl({QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Fabrikam"), QStringLiteral("--domain"),
             QStringLiteral("fabrikam.example")},
            &ok);
        QVERIFY(ok);
        ctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("portalBaseUrl"), base}, &ok);
        QVERIFY(ok);
        const QJsonObject smtp{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                               {QStringLiteral("port"), sink.port()},
                               {QStringLiteral("security"), QStringLiteral("none")},
                               {QStringLiteral("fromAddress"), QStringLiteral("invites@fabrikam.example")},
                               {QStringLiteral("fromName"), QStringLiteral("Fabrikam")}};
        ctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("smtp"),
             QString::fromUtf8(QJsonDocument(smtp).toJson(QJsonDocument::Compact))},
            &ok);
        QVERIFY(ok);
        ctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("collaboration"),
             QStringLiteral(
                 R"({"selfServiceSignUpEnabled":true,"restriction":"denyListed","domains":["blocked.example"]})")},
            &ok);
        QVERIFY(ok);
        ctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("termsOfUseText"),
             QStringLiteral("Be nice.\n\nKeep partner data confidential.")},
            &ok);
        QVERIFY(ok);
        ctl({QStringLiteral("connector"), QStringLiteral("create"), QStringLiteral("--name"),
             QStringLiteral("Approval"), QStringLiteral("--url"), connector.url().toString(),
             QStringLiteral("--username"), QStringLiteral("atrium")},
            &ok, "c0nnector-pw\n");
        QVERIFY(ok);
        ctl({QStringLiteral("userflow"), QStringLiteral("create"), QStringLiteral("B2X_1_Partners"),
             QStringLiteral("--redirect"), site.url(), QStringLiteral("--attribute"),
             QStringLiteral("displayName:required"), QStringLiteral("--attribute"), QStringLiteral("jobTitle"),
             QStringLiteral("--attribute"), company + QStringLiteral(":required"),
             QStringLiteral("--post-attribute-collection"), QStringLiteral("Approval")},
            &ok);
        QVERIFY(ok);

        QProcess portal;
        portal.setProcessChannelMode(QProcess::SeparateChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("atrium.*.debug=true"));
        portal.setProcessEnvironment(env);
        portal.start(binary(QStringLiteral("atrium-portal")), {QStringLiteral("--db"), m_db, QStringLiteral("--listen"),
                                                               QStringLiteral("127.0.0.1:%1").arg(portalPort),
                                                               QStringLiteral("--mail-interval"), QStringLiteral("2")});
        QVERIFY(portal.waitForStarted(10000));
        QByteArray portalOut;
        QTRY_VERIFY_WITH_TIMEOUT((portalOut += portal.readAllStandardOutput()).contains("listening on") ||
                                     portal.state() == QProcess::NotRunning,
                                 30000);
        QVERIFY2(portal.state() == QProcess::Running && portalOut.contains("listening on"),
                 QByteArray(portalOut + portal.readAllStandardError()).constData());

        WebDriver wd;
        QVERIFY2(wd.start(&error), qPrintable(error));
        const QString flowUrl = base + QStringLiteral("/signup/B2X_1_Partners");

        // A blocked domain gets no code and changes nothing.
        QVERIFY(wd.navigate(flowUrl));
        QVERIFY(wd.type(wd.find(QStringLiteral("#email")), QStringLiteral("eve@blocked.example")));
        QVERIFY(wd.click(wd.find(QStringLiteral("#send-code-submit"))));
        QVERIFY2(!wd.find(QStringLiteral("[data-problem=domainBlocked]")).isEmpty(), qPrintable(wd.pageSource()));
        shot(wd, QStringLiteral("signup-0-blocked"));

        QVERIFY(wd.navigate(flowUrl));
        QVERIFY2(!wd.find(QStringLiteral("#send-code-submit")).isEmpty(), qPrintable(wd.pageSource()));
        shot(wd, QStringLiteral("signup-1-email"));
        QVERIFY(wd.type(wd.find(QStringLiteral("#email")), QStringLiteral("bob@contoso.com")));
        QVERIFY(wd.click(wd.find(QStringLiteral("#send-code-submit"))));
        QVERIFY2(wd.waitForUrl([](const QString &u) { return u.endsWith(QStringLiteral("/code")); }),
                 qPrintable(wd.currentUrl() + wd.pageSource()));
        QVERIFY2(sink.waitForMessages(1, 30000), "the passcode mail did not arrive");
        const QString passcodeMail = textPart(sink.messages().at(0));
        const QString code =
            QRegularExpression(QStringLiteral("verification code is:\\s*(\\d{8})")).match(passcodeMail).captured(1);
        QVERIFY2(code.size() == 8, qPrintable(passcodeMail));
        shot(wd, QStringLiteral("signup-2-code"));
        QVERIFY(wd.type(wd.find(QStringLiteral("#code")), code));
        QVERIFY(wd.click(wd.find(QStringLiteral("#enter-code-submit"))));

        // Attributes in page order; the connector says ValidationError the first time.
        QVERIFY2(wd.waitForUrl([](const QString &u) { return u.endsWith(QStringLiteral("/attributes")); }),
                 qPrintable(wd.currentUrl() + wd.pageSource()));
        QVERIFY(wd.type(wd.find(QStringLiteral("#attr-displayName")), QStringLiteral("Bob Example")));
        QVERIFY(wd.type(wd.find(QStringLiteral("#attr-") + company), QStringLiteral("Contoso")));
        shot(wd, QStringLiteral("signup-3-attributes"));
        QVERIFY(wd.click(wd.find(QStringLiteral("#attributes-submit"))));
        const QString message = wd.find(QStringLiteral("[data-problem=validationError]"));
        QVERIFY2(!message.isEmpty(), qPrintable(wd.pageSource()));
        QVERIFY(wd.text(message).contains(QStringLiteral("registered name")));
        shot(wd, QStringLiteral("signup-4-validation"));
        QCOMPARE(connector.requests.size(), 1);
        QVERIFY(connector.requests.at(0).head.contains(
            QByteArray(QByteArray("Authorization: Basic ") + QByteArray("atrium:c0nnector-pw").toBase64())));
        const QJsonObject first = QJsonDocument::fromJson(connector.requests.at(0).body).object();
        QCOMPARE(first.value(QStringLiteral("email")).toString(), QStringLiteral("bob@contoso.com"));
        QCOMPARE(first.value(company).toString(), QStringLiteral("Contoso"));
        QCOMPARE(first.value(QStringLiteral("displayName")).toString(), QStringLiteral("Bob Example"));
        QVERIFY(guests(&ok).isEmpty()); // nothing was created
        QVERIFY(ok);

        // Corrected and submitted again: Continue, overriding jobTitle.
        const QString companyField = wd.find(QStringLiteral("#attr-") + company);
        QVERIFY(wd.type(companyField, QStringLiteral(" Ltd.")));
        QVERIFY(wd.click(wd.find(QStringLiteral("#attributes-submit"))));
        QVERIFY2(wd.waitForUrl([](const QString &u) { return u.endsWith(QStringLiteral("/consent")); }),
                 qPrintable(wd.currentUrl() + wd.pageSource()));
        QCOMPARE(connector.requests.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(connector.requests.at(1).body).object().value(company).toString(),
                 QStringLiteral("Contoso Ltd."));
        shot(wd, QStringLiteral("signup-5-consent"));

        // A forged POST without the CSRF token is refused and changes nothing.
        {
            QNetworkAccessManager nam;
            QNetworkRequest req(QUrl(flowUrl + QStringLiteral("/email")));
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
            QNetworkReply *reply = nam.post(req, QByteArrayLiteral("email=mallory%40contoso.com"));
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
            reply->deleteLater();
            QCOMPARE(sink.messages().size(), 1); // no code for mallory
        }

        QVERIFY(wd.click(wd.find(QStringLiteral("#accept-submit"))));
        QVERIFY2(wd.waitForUrl([](const QString &u) { return u.endsWith(QStringLiteral("/terms")); }),
                 qPrintable(wd.currentUrl() + wd.pageSource()));
        QVERIFY(wd.text(wd.find(QStringLiteral("#terms-text"))).contains(QStringLiteral("confidential")));
        shot(wd, QStringLiteral("signup-6-terms"));
        QVERIFY(wd.click(wd.find(QStringLiteral("#accept-terms-submit"))));
        QVERIFY2(wd.waitForUrl([&](const QString &u) { return u == site.url(); }),
                 qPrintable(wd.currentUrl() + wd.pageSource()));
        QVERIFY(!wd.find(QStringLiteral("#welcome")).isEmpty());

        const QJsonArray list = guests(&ok);
        QVERIFY(ok);
        QCOMPARE(list.size(), 1);
        const QJsonObject bob = list.first().toObject();
        QCOMPARE(bob.value(QStringLiteral("mail")).toString(), QStringLiteral("bob@contoso.com"));
        QCOMPARE(bob.value(QStringLiteral("creationType")).toString(), QStringLiteral("SelfServiceSignUp"));
        QCOMPARE(bob.value(QStringLiteral("externalUserState")).toString(), QStringLiteral("Accepted"));
        QCOMPARE(bob.value(QStringLiteral("displayName")).toString(), QStringLiteral("Bob Example"));
        const QByteArray audit = ctl({QStringLiteral("audit"), QStringLiteral("--activity"), QStringLiteral("Add user"),
                                      QStringLiteral("--json")},
                                     &ok);
        QVERIFY(ok);
        QVERIFY2(audit.contains("SelfServiceSignUp") && audit.contains("Purchasing lead") &&
                     audit.contains("Contoso Ltd."),
                 audit.constData());

        portal.terminate();
        QVERIFY(portal.waitForFinished(10000));
        const QByteArray logs = portal.readAllStandardError() + portal.readAllStandardOutput();
        QVERIFY(!logs.contains(code.toLatin1()));
        QVERIFY(!logs.contains("c0nnector-pw"));
    }
};

QTEST_MAIN(tst_PortalBrowser) // a QApplication: the test also opens the console's Guest users pane
#include "tst_portalbrowser.moc"
