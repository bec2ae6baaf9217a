#include "core/federation/oidcdiscovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace atrium::core;

namespace {

const QString kIssuer = QStringLiteral("https://login.tailspin.example/realms/partners");

QJsonObject validDocument() {
    return QJsonObject{
        {QStringLiteral("issuer"), kIssuer},
        {QStringLiteral("authorization_endpoint"), QString(kIssuer + QStringLiteral("/protocol/openid-connect/auth"))},
        {QStringLiteral("token_endpoint"), QString(kIssuer + QStringLiteral("/protocol/openid-connect/token"))},
        {QStringLiteral("userinfo_endpoint"), QString(kIssuer + QStringLiteral("/protocol/openid-connect/userinfo"))},
        {QStringLiteral("jwks_uri"), QString(kIssuer + QStringLiteral("/protocol/openid-connect/certs"))},
        {QStringLiteral("scopes_supported"),
         QJsonArray{QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("profile")}},
        {QStringLiteral("response_types_supported"),
         QJsonArray{QStringLiteral("code"), QStringLiteral("id_token"), QStringLiteral("code id_token")}},
        {QStringLiteral("subject_types_supported"), QJsonArray{QStringLiteral("public")}},
        {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray{QStringLiteral("RS256")}},
    };
}

QByteArray with(const QString &key, const QJsonValue &value) {
    QJsonObject o = validDocument();
    if (value.isUndefined()) {
        o.remove(key);
    } else {
        o.insert(key, value);
    }
    return QJsonDocument(o).toJson();
}

} // namespace

class tst_OidcDiscovery : public QObject {
    Q_OBJECT
private slots:
    void valid() {
        const auto d = parseOidcDiscovery(QJsonDocument(validDocument()).toJson(), kIssuer);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QCOMPARE(d->issuer, kIssuer);
        QCOMPARE(d->authorizationEndpoint, QUrl(kIssuer + QStringLiteral("/protocol/openid-connect/auth")));
        QCOMPARE(d->tokenEndpoint, QUrl(kIssuer + QStringLiteral("/protocol/openid-connect/token")));
        QCOMPARE(d->jwksUri, QUrl(kIssuer + QStringLiteral("/protocol/openid-connect/certs")));
        QCOMPARE(d->userinfoEndpoint, QUrl(kIssuer + QStringLiteral("/protocol/openid-connect/userinfo")));
        QCOMPARE(d->scopesSupported,
                 (QStringList{QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("profile")}));
        QCOMPARE(d->responseTypesSupported.size(), 3);
    }

    void optionalMembers() {
        QJsonObject o = validDocument();
        o.remove(QStringLiteral("userinfo_endpoint"));
        o.remove(QStringLiteral("scopes_supported"));
        const auto d = parseOidcDiscovery(QJsonDocument(o).toJson(), kIssuer);
        QVERIFY(d.ok());
        QVERIFY(d->userinfoEndpoint.isEmpty());
        QVERIFY(d->scopesSupported.isEmpty());
    }

    void refused_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expectedIssuer");
        QTest::addColumn<QString>("field");
        const QJsonValue absent(QJsonValue::Undefined);
        QTest::newRow("not json") << QByteArray("<html>") << kIssuer << "discovery";
        QTest::newRow("json array") << QByteArray("[]") << kIssuer << "discovery";
        QTest::newRow("no expected issuer") << with({}, absent) << QString() << "issuer";
        QTest::newRow("other issuer") << with(QStringLiteral("issuer"), QStringLiteral("https://evil.example"))
                                      << kIssuer << "issuer";
        QTest::newRow("trailing slash in document")
            << with(QStringLiteral("issuer"), QString(kIssuer + QLatin1Char('/'))) << kIssuer << "issuer";
        QTest::newRow("trailing slash expected") << with({}, absent) << kIssuer + QLatin1Char('/') << "issuer";
        QTest::newRow("issuer case differs") << with({}, absent) << kIssuer.toUpper() << "issuer";
        QTest::newRow("issuer missing") << with(QStringLiteral("issuer"), absent) << kIssuer << "issuer";
        QTest::newRow("http issuer") << with(QStringLiteral("issuer"), QStringLiteral("http://login.example"))
                                     << "http://login.example"
                                     << "issuer";
        QTest::newRow("issuer with query")
            << with(QStringLiteral("issuer"), QStringLiteral("https://login.example/?x=1"))
            << "https://login.example/?x=1"
            << "issuer";
        QTest::newRow("no authorization endpoint")
            << with(QStringLiteral("authorization_endpoint"), absent) << kIssuer << "authorization_endpoint";
        QTest::newRow("no token endpoint")
            << with(QStringLiteral("token_endpoint"), absent) << kIssuer << "token_endpoint";
        QTest::newRow("no jwks_uri") << with(QStringLiteral("jwks_uri"), absent) << kIssuer << "jwks_uri";
        QTest::newRow("http jwks_uri") << with(QStringLiteral("jwks_uri"), QStringLiteral("http://login.example/keys"))
                                       << kIssuer << "jwks_uri";
        QTest::newRow("relative token endpoint")
            << with(QStringLiteral("token_endpoint"), QStringLiteral("/token")) << kIssuer << "token_endpoint";
        QTest::newRow("http userinfo") << with(QStringLiteral("userinfo_endpoint"),
                                               QStringLiteral("http://login.example/userinfo"))
                                       << kIssuer << "userinfo_endpoint";
        QTest::newRow("jwks_uri a number") << with(QStringLiteral("jwks_uri"), 42) << kIssuer << "jwks_uri";
        QTest::newRow("no response types")
            << with(QStringLiteral("response_types_supported"), absent) << kIssuer << "response_types_supported";
        QTest::newRow("empty response types")
            << with(QStringLiteral("response_types_supported"), QJsonArray{}) << kIssuer << "response_types_supported";
        QTest::newRow("scopes without openid")
            << with(QStringLiteral("scopes_supported"), QJsonArray{QStringLiteral("email")}) << kIssuer
            << "scopes_supported";
        QTest::newRow("scopes not a list")
            << with(QStringLiteral("scopes_supported"), QStringLiteral("openid")) << kIssuer << "scopes_supported";
        QTest::newRow("scope not text") << with(QStringLiteral("scopes_supported"),
                                                QJsonArray{QStringLiteral("openid"), 1})
                                        << kIssuer << "scopes_supported";
    }
    void refused() {
        QFETCH(QByteArray, json);
        QFETCH(QString, expectedIssuer);
        QFETCH(QString, field);
        const auto d = parseOidcDiscovery(json, expectedIssuer);
        QVERIFY(!d.ok());
        QCOMPARE(d.error().code, ErrorCode::Invalid);
        QCOMPARE(d.error().field, field);
        QVERIFY(!d.error().message.isEmpty());
    }

    void discoveryUrl_data() {
        QTest::addColumn<QString>("issuer");
        QTest::addColumn<QString>("url");
        QTest::newRow("plain") << "https://accounts.google.com"
                               << "https://accounts.google.com/.well-known/openid-configuration";
        QTest::newRow("trailing slash") << "https://login.example/tenant/v2.0/"
                                        << "https://login.example/tenant/v2.0/.well-known/openid-configuration";
        QTest::newRow("path") << kIssuer << kIssuer + QStringLiteral("/.well-known/openid-configuration");
    }
    void discoveryUrl() {
        QFETCH(QString, issuer);
        QFETCH(QString, url);
        QCOMPARE(oidcDiscoveryUrl(issuer).toString(), url);
    }
};

QTEST_GUILESS_MAIN(tst_OidcDiscovery)
#include "tst_oidcdiscovery.moc"
