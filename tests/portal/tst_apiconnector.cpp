// The API connector contract (SPEC §8) against a real HTTP endpoint on loopback started by the
// test: each action, malformed answers, wrong status codes, timeouts and the one retry, Basic auth,
// and the claims sent.

#include "core/redemption/apiconnector.h"
#include "scriptedendpoint.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace atrium::core;
using atrium::test::ScriptedEndpoint;

Q_DECLARE_METATYPE(atrium::core::ConnectorStep)
Q_DECLARE_METATYPE(atrium::core::ConnectorAnswer::Action)

class tst_ApiConnector final : public QObject {
    Q_OBJECT

    ApiConnectorConfig config(const ScriptedEndpoint &ep) {
        ApiConnectorConfig c;
        c.endpoint = ep.url();
        c.username = QStringLiteral("atrium");
        c.password = QStringLiteral("s3cret:pw");
        c.timeoutMs = 500;
        return c;
    }

private Q_SLOTS:
    void answers_data() {
        QTest::addColumn<ConnectorStep>("step");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ConnectorAnswer::Action>("action");
        QTest::addColumn<QString>("message");
        const auto post = ConnectorStep::PostAttributeCollection;
        const auto fed = ConnectorStep::PostFederationSignup;
        using A = ConnectorAnswer::Action;
        QTest::newRow("continue") << post << 200 << QByteArray(R"({"version":"1.0.0","action":"Continue"})")
                                  << A::Continue << QString();
        QTest::newRow("continue after federation")
            << fed << 200 << QByteArray(R"({"version":"1.0.0","action":"Continue","postalCode":"12349"})")
            << A::Continue << QString();
        QTest::newRow("block page")
            << fed << 200
            << QByteArray(
                   R"({"version":"1.0.0","action":"ShowBlockPage","userMessage":"Your access request is pending."})")
            << A::ShowBlockPage << QStringLiteral("Your access request is pending.");
        QTest::newRow("block page without message")
            << post << 200 << QByteArray(R"({"version":"1.0.0","action":"ShowBlockPage"})") << A::Failure << QString();
        QTest::newRow("validation error")
            << post << 400
            << QByteArray(
                   R"({"version":"1.0.0","status":400,"action":"ValidationError","userMessage":"Enter a valid postal code."})")
            << A::ValidationError << QStringLiteral("Enter a valid postal code.");
        QTest::newRow("validation error, status as text")
            << post << 400
            << QByteArray(R"({"version":"1.0.0","status":"400","action":"ValidationError","userMessage":"No."})")
            << A::ValidationError << QStringLiteral("No.");
        QTest::newRow("validation error with 200")
            << post << 200
            << QByteArray(R"({"version":"1.0.0","status":400,"action":"ValidationError","userMessage":"x"})")
            << A::Failure << QString();
        QTest::newRow("validation error without status")
            << post << 400 << QByteArray(R"({"version":"1.0.0","action":"ValidationError","userMessage":"x"})")
            << A::Failure << QString();
        QTest::newRow("validation error after federation")
            << fed << 400
            << QByteArray(R"({"version":"1.0.0","status":400,"action":"ValidationError","userMessage":"x"})")
            << A::Failure << QString();
        QTest::newRow("continue with 400")
            << post << 400 << QByteArray(R"({"version":"1.0.0","action":"Continue"})") << A::Failure << QString();
        QTest::newRow("unknown action") << post << 200 << QByteArray(R"({"version":"1.0.0","action":"Allow"})")
                                        << A::Failure << QString();
        QTest::newRow("no version") << post << 200 << QByteArray(R"({"action":"Continue"})") << A::Failure << QString();
        QTest::newRow("malformed json") << post << 200 << QByteArray(R"({"version":"1.0.0","action":"Continue")")
                                        << A::Failure << QString();
        QTest::newRow("json array") << post << 200 << QByteArray(R"([])") << A::Failure << QString();
        QTest::newRow("empty body") << post << 200 << QByteArray() << A::Failure << QString();
        QTest::newRow("401") << post << 401 << QByteArray(R"({"version":"1.0.0","action":"Continue"})") << A::Failure
                             << QString();
        QTest::newRow("302") << post << 302 << QByteArray() << A::Failure << QString();
        QTest::newRow("204") << post << 204 << QByteArray() << A::Failure << QString();
    }
    void answers() {
        QFETCH(ConnectorStep, step);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(ConnectorAnswer::Action, action);
        QFETCH(QString, message);
        ScriptedEndpoint ep;
        QVERIFY(ep.start());
        ep.script << ScriptedEndpoint::Answer{status, body, 0};
        ConnectorClaims claims;
        claims.email = QStringLiteral("alice@contoso.com");
        const ConnectorAnswer a = ApiConnectorClient(config(ep)).call(step, claims);
        QCOMPARE(a.action, action);
        QCOMPARE(a.userMessage, message);
        QCOMPARE(a.httpStatus, status);
        QCOMPARE(ep.requests.size(), 1); // 2xx/4xx answers are final: no retry
        if (action == ConnectorAnswer::Action::Failure) {
            QVERIFY(!a.failure.isEmpty());
        }
        if (QTest::currentDataTag() == QByteArray("continue after federation")) {
            QCOMPARE(a.claims.value(QStringLiteral("postalCode")).toString(), QStringLiteral("12349"));
        }
    }

    void claimsAndBasicAuth() {
        ScriptedEndpoint ep;
        QVERIFY(ep.start());
        ep.script << ScriptedEndpoint::Answer{200, R"({"version":"1.0.0","action":"Continue"})", 0};
        ConnectorClaims claims;
        claims.email = QStringLiteral("alice@contoso.com");
        claims.identities =
            QJsonArray{QJsonObject{{QStringLiteral("signInType"), QStringLiteral("federated")},
                                   {QStringLiteral("issuer"), QStringLiteral("mail")},
                                   {QStringLiteral("issuerAssignedId"), QStringLiteral("alice@contoso.com")}}};
        claims.displayName = QStringLiteral("Alice Example");
        claims.givenName = QString(); // empty: omitted
        claims.surname = QStringLiteral("  ");
        claims.attributes = QJsonObject{{QStringLiteral("extension_costCenter"), QStringLiteral("CC-42")},
                                        {QStringLiteral("country"), QString()}};
        claims.uiLocales = QStringLiteral("de-DE");
        const ConnectorAnswer a = ApiConnectorClient(config(ep)).call(ConnectorStep::PostAttributeCollection, claims);
        QCOMPARE(a.action, ConnectorAnswer::Action::Continue);
        QCOMPARE(ep.requests.size(), 1);
        const auto &req = ep.requests.first();
        QVERIFY(req.head.startsWith("POST /connector HTTP/1.1"));
        QVERIFY2(req.head.contains(QByteArray("Authorization: Basic " + QByteArray("atrium:s3cret:pw").toBase64())),
                 req.head.constData());
        QVERIFY(req.head.toLower().contains("content-type: application/json"));
        const QJsonObject sent = QJsonDocument::fromJson(req.body).object();
        QCOMPARE(sent.value(QStringLiteral("email")).toString(), QStringLiteral("alice@contoso.com"));
        QCOMPARE(sent.value(QStringLiteral("displayName")).toString(), QStringLiteral("Alice Example"));
        QCOMPARE(sent.value(QStringLiteral("extension_costCenter")).toString(), QStringLiteral("CC-42"));
        QCOMPARE(sent.value(QStringLiteral("ui_locales")).toString(), QStringLiteral("de-DE"));
        QCOMPARE(sent.value(QStringLiteral("identities")).toArray().size(), 1);
        QCOMPARE(sent.value(QStringLiteral("step")).toString(), QStringLiteral("PostAttributeCollection"));
        QVERIFY(!sent.contains(QStringLiteral("givenName")));
        QVERIFY(!sent.contains(QStringLiteral("surname")));
        QVERIFY(!sent.contains(QStringLiteral("country")));
    }

    void retryOnce() {
        // A timeout, then an answer: the retry gets it.
        {
            ScriptedEndpoint ep;
            QVERIFY(ep.start());
            ep.script << ScriptedEndpoint::Answer{200, R"({"version":"1.0.0","action":"Continue"})", 2000}
                      << ScriptedEndpoint::Answer{200, R"({"version":"1.0.0","action":"Continue"})", 0};
            const ConnectorAnswer a = ApiConnectorClient(config(ep)).call(ConnectorStep::PostFederationSignup, {});
            QCOMPARE(a.action, ConnectorAnswer::Action::Continue);
            QCOMPARE(a.attempts, 2);
            QCOMPARE(ep.requests.size(), 2);
        }
        // Two timeouts: a failure, never a success, after exactly one retry.
        {
            ScriptedEndpoint ep;
            QVERIFY(ep.start());
            ep.script << ScriptedEndpoint::Answer{200, R"({"version":"1.0.0","action":"Continue"})", 2000}
                      << ScriptedEndpoint::Answer{200, R"({"version":"1.0.0","action":"Continue"})", 2000};
            QElapsedTimer t;
            t.start();
            const ConnectorAnswer a = ApiConnectorClient(config(ep)).call(ConnectorStep::PostFederationSignup, {});
            QCOMPARE(a.action, ConnectorAnswer::Action::Failure);
            QCOMPARE(a.attempts, 2);
            QCOMPARE(ep.requests.size(), 2);
            QVERIFY(a.failure.contains(QStringLiteral("500 ms")));
            QVERIFY(t.elapsed() < 1900); // each attempt is cut at the timeout
        }
        // 5xx then 5xx: failure after one retry; 503 then Continue: success.
        {
            ScriptedEndpoint ep;
            QVERIFY(ep.start());
            ep.script << ScriptedEndpoint::Answer{500, "{}", 0} << ScriptedEndpoint::Answer{502, "{}", 0};
            const ConnectorAnswer a = ApiConnectorClient(config(ep)).call(ConnectorStep::PostAttributeCollection, {});
            QCOMPARE(a.action, ConnectorAnswer::Action::Failure);
            QCOMPARE(ep.requests.size(), 2);
        }
        {
            ScriptedEndpoint ep;
            QVERIFY(ep.start());
            ep.script << ScriptedEndpoint::Answer{503, "{}", 0}
                      << ScriptedEndpoint::Answer{200, R"({"version":"1.0.0","action":"Continue"})", 0};
            QCOMPARE(ApiConnectorClient(config(ep)).call(ConnectorStep::PostAttributeCollection, {}).action,
                     ConnectorAnswer::Action::Continue);
        }
        // Nobody listening: a failure after the retry.
        {
            ScriptedEndpoint ep;
            QVERIFY(ep.start());
            ApiConnectorConfig c = config(ep);
            c.endpoint = QUrl(QStringLiteral("http://127.0.0.1:1/connector"));
            const ConnectorAnswer a = ApiConnectorClient(c).call(ConnectorStep::PostAttributeCollection, {});
            QCOMPARE(a.action, ConnectorAnswer::Action::Failure);
            QCOMPARE(a.attempts, 2);
        }
    }

    void validation() {
        ApiConnectorConfig c;
        c.endpoint = QUrl(QStringLiteral("http://api.contoso.com/x"));
        c.username = QStringLiteral("u");
        QVERIFY(!ApiConnectorClient::validate(c).ok()); // plain http to a remote host
        c.endpoint = QUrl(QStringLiteral("https://api.contoso.com/x"));
        QVERIFY(ApiConnectorClient::validate(c).ok());
        c.username.clear();
        QVERIFY(!ApiConnectorClient::validate(c).ok()); // no authentication
        // A refused configuration is a failure without any request.
        ScriptedEndpoint ep;
        QVERIFY(ep.start());
        ApiConnectorConfig bad = config(ep);
        bad.username.clear();
        QCOMPARE(ApiConnectorClient(bad).call(ConnectorStep::PostAttributeCollection, {}).action,
                 ConnectorAnswer::Action::Failure);
        QCOMPARE(ep.requests.size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ApiConnector)
#include "tst_apiconnector.moc"
