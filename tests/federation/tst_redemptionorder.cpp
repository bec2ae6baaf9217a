#include "core/federation/redemptionorder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace atrium::core;

class tst_RedemptionOrder : public QObject {
    Q_OBJECT
private slots:
    void defaults() {
        const RedemptionOrder o;
        QVERIFY(o.validate().ok());
        QCOMPARE(QJsonDocument(o.toJson()).toJson(QJsonDocument::Compact),
                 QByteArray("{\"fallbackIdentityProvider\":\"defaultConfiguredIdp\","
                            "\"primaryIdentityProviderPrecedenceOrder\":[\"azureActiveDirectory\","
                            "\"externalFederation\",\"socialIdentityProviders\"]}"));
    }

    void validate_data() {
        QTest::addColumn<QList<PrimaryIdp>>("primary");
        QTest::addColumn<FallbackIdp>("fallback");
        QTest::addColumn<bool>("otpEnabled");
        QTest::addColumn<QString>("errorField"); // empty = valid
        using P = PrimaryIdp;
        using F = FallbackIdp;
        QTest::newRow("default") << QList<P>{P::azureActiveDirectory, P::externalFederation, P::socialIdentityProviders}
                                 << F::defaultConfiguredIdp << true << "";
        QTest::newRow("reordered") << QList<P>{P::externalFederation, P::azureActiveDirectory} << F::microsoftAccount
                                   << true << "";
        QTest::newRow("no primaries") << QList<P>{} << F::emailOneTimePasscode << true << "";
        QTest::newRow("duplicate") << QList<P>{P::externalFederation, P::externalFederation} << F::defaultConfiguredIdp
                                   << true << "primaryIdentityProviderPrecedenceOrder";
        QTest::newRow("otp fallback, otp off")
            << QList<P>{} << F::emailOneTimePasscode << false << "fallbackIdentityProvider";
        QTest::newRow("default fallback, otp off") << QList<P>{} << F::defaultConfiguredIdp << false << "";
        QTest::newRow("msa fallback, otp off") << QList<P>{} << F::microsoftAccount << false << "";
    }
    void validate() {
        QFETCH(QList<PrimaryIdp>, primary);
        QFETCH(FallbackIdp, fallback);
        QFETCH(bool, otpEnabled);
        QFETCH(QString, errorField);
        RedemptionOrder o;
        o.primary = primary;
        o.fallback = fallback;
        const Status s = o.validate(otpEnabled);
        QCOMPARE(s.ok(), errorField.isEmpty());
        if (!s.ok()) {
            QCOMPARE(s.error().code, ErrorCode::Invalid);
            QCOMPARE(s.error().field, errorField);
        }
    }

    void json_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("fallback");
        QTest::newRow("graph example") << QByteArray(
                                              "{\"primaryIdentityProviderPrecedenceOrder\":[\"externalFederation\","
                                              "\"azureActiveDirectory\",\"socialIdentityProviders\"],"
                                              "\"fallbackIdentityProvider\":\"emailOneTimePasscode\"}")
                                       << true << "emailOneTimePasscode";
        QTest::newRow("empty primary") << QByteArray("{\"primaryIdentityProviderPrecedenceOrder\":[],"
                                                     "\"fallbackIdentityProvider\":\"microsoftAccount\"}")
                                       << true << "microsoftAccount";
        QTest::newRow("unknown primary") << QByteArray("{\"primaryIdentityProviderPrecedenceOrder\":[\"google\"],"
                                                       "\"fallbackIdentityProvider\":\"microsoftAccount\"}")
                                         << false << "";
        QTest::newRow("wrong case") << QByteArray(
                                           "{\"primaryIdentityProviderPrecedenceOrder\":[\"AzureActiveDirectory\"],"
                                           "\"fallbackIdentityProvider\":\"microsoftAccount\"}")
                                    << false << "";
        QTest::newRow("no fallback") << QByteArray("{\"primaryIdentityProviderPrecedenceOrder\":[]}") << false << "";
        QTest::newRow("empty fallback") << QByteArray("{\"primaryIdentityProviderPrecedenceOrder\":[],"
                                                      "\"fallbackIdentityProvider\":\"\"}")
                                        << false << "";
        QTest::newRow("no primary list") << QByteArray("{\"fallbackIdentityProvider\":\"microsoftAccount\"}") << false
                                         << "";
        QTest::newRow("number in list") << QByteArray("{\"primaryIdentityProviderPrecedenceOrder\":[1],"
                                                      "\"fallbackIdentityProvider\":\"microsoftAccount\"}")
                                        << false << "";
        QTest::newRow("duplicate") << QByteArray(
                                          "{\"primaryIdentityProviderPrecedenceOrder\":[\"externalFederation\","
                                          "\"externalFederation\"],\"fallbackIdentityProvider\":\"microsoftAccount\"}")
                                   << false << "";
    }
    void json() {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QFETCH(QString, fallback);
        const auto o = RedemptionOrder::fromJson(QJsonDocument::fromJson(json).object());
        QCOMPARE(o.ok(), valid);
        if (valid) {
            QCOMPARE(toString(o->fallback), fallback);
            // Round trip: what we write reads back the same.
            const auto again = RedemptionOrder::fromJson(o->toJson());
            QVERIFY(again.ok());
            QVERIFY(*again == *o);
            QCOMPARE(QJsonDocument(o->toJson()).object(), QJsonDocument::fromJson(json).object());
        } else {
            QCOMPARE(o.error().code, ErrorCode::Invalid);
            QVERIFY(!o.error().message.isEmpty());
        }
    }

    void names() {
        for (auto p :
             {PrimaryIdp::azureActiveDirectory, PrimaryIdp::externalFederation, PrimaryIdp::socialIdentityProviders}) {
            QVERIFY(primaryIdpFromString(toString(p)) == p);
            QVERIFY(!primaryIdpLabel(p).isEmpty());
        }
        for (auto f :
             {FallbackIdp::defaultConfiguredIdp, FallbackIdp::emailOneTimePasscode, FallbackIdp::microsoftAccount}) {
            QVERIFY(fallbackIdpFromString(toString(f)) == f);
            QVERIFY(!fallbackIdpLabel(f).isEmpty());
        }
        QVERIFY(!primaryIdpFromString(QStringLiteral("google")).has_value());
    }
};

QTEST_GUILESS_MAIN(tst_RedemptionOrder)
#include "tst_redemptionorder.moc"
