#include "core/federation/redemptionresolver.h"

#include <QTest>

using namespace atrium::core;
using P = PrimaryIdp;
using F = FallbackIdp;

namespace {

ResolverContext baseContext() {
    ResolverContext ctx;
    ctx.partnerDirectoryDomains = {QStringLiteral("contoso.com"), QStringLiteral("both.example"),
                                   QStringLiteral("xn--bcher-kva.example"), QStringLiteral("partner.example")};
    ctx.federationByDomain = {{QStringLiteral("fabrikam.com"), QStringLiteral("fed-fabrikam")},
                              {QStringLiteral("both.example"), QStringLiteral("fed-both")},
                              {QStringLiteral("gmail.com"), QStringLiteral("fed-gmail")}};
    ctx.googleConfigured = true;
    ctx.emailOtpEnabled = true;
    RedemptionOrder fedFirst;
    fedFirst.primary = {P::externalFederation, P::azureActiveDirectory};
    ctx.partnerOrders.insert(QStringLiteral("both.example"), fedFirst);
    RedemptionOrder otpOnly;
    otpOnly.primary = {};
    otpOnly.fallback = F::emailOneTimePasscode;
    ctx.partnerOrders.insert(QStringLiteral("contoso.com"), otpOnly);
    return ctx;
}

} // namespace

class tst_RedemptionResolver : public QObject {
    Q_OBJECT
private slots:
    void resolve_data() {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("existing");
        QTest::addColumn<QList<PrimaryIdp>>("primary"); // default order's primaries
        QTest::addColumn<FallbackIdp>("fallback");      // default order's fallback
        QTest::addColumn<bool>("google");
        QTest::addColumn<bool>("otp");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("steps"); // trace step keys, comma-separated

        const QList<P> all{P::azureActiveDirectory, P::externalFederation, P::socialIdentityProviders};
        const QString upTo6 = QStringLiteral(
            "email,order,partnerDirectory,externalFederation,google,existingMicrosoftAccount,emailOneTimePasscode");

        // Step 1: partner directory.
        QTest::newRow("1 partner directory")
            << "alice@partner.example"
            << "MicrosoftAccount" << all << F::defaultConfiguredIdp << true << true << "partnerDirectory"
            << "email,order,partnerDirectory";
        QTest::newRow("1 unknown domain falls through")
            << "alice@fabrikam-partner.example"
            << "" << all << F::defaultConfiguredIdp << true << true << "emailOneTimePasscode" << upTo6;
        QTest::newRow("1 partner directory match (idna, case)")
            << QStringLiteral("Bob@BÜCHER.example") << "" << all << F::defaultConfiguredIdp << true << true
            << "partnerDirectory"
            << "email,order,partnerDirectory";
        // Step 2: federation.
        QTest::newRow("2 federation") << "carol@fabrikam.com"
                                      << "" << all << F::defaultConfiguredIdp << true << true
                                      << "externalFederation:fed-fabrikam"
                                      << "email,order,partnerDirectory,externalFederation";
        QTest::newRow("2 subdomain does not match")
            << "carol@eu.fabrikam.com"
            << "" << all << F::microsoftAccount << true << true << "microsoftAccount"
            << "email,order,partnerDirectory,externalFederation,google,fallback";
        QTest::newRow("1 before 2 in the default order")
            << "dave@both.example"
            << "" << all << F::defaultConfiguredIdp << true << true
            << "externalFederation:fed-both" // partner order for both.example puts federation first
            << "email,order,externalFederation";
        QTest::newRow("federation before google")
            << "erin@gmail.com"
            << "" << all << F::defaultConfiguredIdp << true << true << "externalFederation:fed-gmail"
            << "email,order,partnerDirectory,externalFederation";
        // Step 3: Google.
        QTest::newRow("3 google") << "frank@googlemail.com"
                                  << "" << all << F::defaultConfiguredIdp << true << true << "google"
                                  << "email,order,partnerDirectory,externalFederation,google";
        QTest::newRow("3 google not configured")
            << "frank@googlemail.com"
            << "" << all << F::defaultConfiguredIdp << false << true << "emailOneTimePasscode" << upTo6;
        QTest::newRow("3 google only for gmail") << "grace@outlook.example"
                                                 << "" << all << F::defaultConfiguredIdp << true << false
                                                 << "microsoftAccount" << QString(upTo6 + QStringLiteral(",fallback"));
        QTest::newRow("3 social turned off") << "frank@googlemail.com"
                                             << "" << QList<P>{P::azureActiveDirectory} << F::defaultConfiguredIdp
                                             << true << true << "emailOneTimePasscode"
                                             << "email,order,partnerDirectory,existingMicrosoftAccount,"
                                                "emailOneTimePasscode";
        // Step 4: existing Microsoft account.
        QTest::newRow("4 existing msa") << "heidi@outlook.example"
                                        << "MicrosoftAccount" << all << F::defaultConfiguredIdp << true << true
                                        << "microsoftAccount"
                                        << "email,order,partnerDirectory,externalFederation,google,"
                                           "existingMicrosoftAccount";
        QTest::newRow("4 other recorded identity")
            << "heidi@outlook.example"
            << "mail" << all << F::defaultConfiguredIdp << true << true << "emailOneTimePasscode" << upTo6;
        QTest::newRow("4 primary wins over msa")
            << "ivan@fabrikam.com"
            << "MicrosoftAccount" << all << F::defaultConfiguredIdp << true << true << "externalFederation:fed-fabrikam"
            << "email,order,partnerDirectory,externalFederation";
        // Step 5: passcode.
        QTest::newRow("5 passcode") << "judy@outlook.example"
                                    << "" << all << F::defaultConfiguredIdp << true << true << "emailOneTimePasscode"
                                    << upTo6;
        // Step 6: fallback choices.
        QTest::newRow("6 default, otp off -> msa")
            << "judy@outlook.example"
            << "" << all << F::defaultConfiguredIdp << true << false << "microsoftAccount"
            << QString(upTo6 + QStringLiteral(",fallback"));
        QTest::newRow("6 fallback msa") << "judy@outlook.example"
                                        << "" << all << F::microsoftAccount << true << true << "microsoftAccount"
                                        << "email,order,partnerDirectory,externalFederation,google,fallback";
        QTest::newRow("6 fallback msa ignores otp")
            << "judy@outlook.example"
            << "MicrosoftAccount" << all << F::microsoftAccount << true << true << "microsoftAccount"
            << "email,order,partnerDirectory,externalFederation,google,"
               "fallback";
        QTest::newRow("6 fallback otp") << "judy@outlook.example"
                                        << "MicrosoftAccount" << all << F::emailOneTimePasscode << true << true
                                        << "emailOneTimePasscode"
                                        << "email,order,partnerDirectory,externalFederation,google,fallback";
        QTest::newRow("6 fallback otp but otp off -> msa")
            << "judy@outlook.example"
            << "" << all << F::emailOneTimePasscode << true << false << "microsoftAccount"
            << "email,order,partnerDirectory,externalFederation,google,fallback";
        QTest::newRow("no primaries at all")
            << "carol@fabrikam.com"
            << "" << QList<P>{} << F::microsoftAccount << true << true << "microsoftAccount"
            << "email,order,fallback";
        // Partner order for contoso.com: no primaries, passcode fallback — even though contoso.com is a partner.
        QTest::newRow("partner order overrides default")
            << "ken@contoso.com"
            << "" << all << F::defaultConfiguredIdp << true << true << "emailOneTimePasscode"
            << "email,order,fallback";
        // Bad input.
        QTest::newRow("no domain") << "not-an-email"
                                   << "" << all << F::defaultConfiguredIdp << true << true << "none"
                                   << "email";
        QTest::newRow("bad domain") << "x@bad_domain"
                                    << "" << all << F::defaultConfiguredIdp << true << true << "none"
                                    << "email";
        QTest::newRow("empty local part") << "@contoso.com"
                                          << "" << all << F::defaultConfiguredIdp << true << true << "none"
                                          << "email";
    }
    void resolve() {
        QFETCH(QString, email);
        QFETCH(QString, existing);
        QFETCH(QList<PrimaryIdp>, primary);
        QFETCH(FallbackIdp, fallback);
        QFETCH(bool, google);
        QFETCH(bool, otp);
        QFETCH(QString, provider);
        QFETCH(QString, steps);
        ResolverContext ctx = baseContext();
        ctx.defaultOrder.primary = primary;
        ctx.defaultOrder.fallback = fallback;
        ctx.googleConfigured = google;
        ctx.emailOtpEnabled = otp;
        const ResolvedIdp r = resolveRedemptionIdp(ctx, email, existing);
        QStringList keys;
        for (const auto &step : r.trace) {
            keys << step.first;
            QVERIFY2(!step.second.isEmpty(), qPrintable(step.first));
            QVERIFY(!redemptionStepLabel(step.first).isEmpty());
        }
        QCOMPARE(r.provider, provider);
        QCOMPARE(keys.join(QLatin1Char(',')), steps);
        QVERIFY(!r.displayName.isEmpty());
    }

    // Honest traces: the findings name what was checked and what was found.
    void traceText() {
        ResolverContext ctx = baseContext();
        ctx.googleConfigured = false;
        const ResolvedIdp r = resolveRedemptionIdp(ctx, QStringLiteral("x@gmail.com"), {});
        QCOMPARE(r.provider, QStringLiteral("externalFederation:fed-gmail"));
        QVERIFY(r.trace.at(1).second.contains(QStringLiteral("default order")));
        QVERIFY(r.trace.at(2).second.contains(QStringLiteral("gmail.com is not a known partner")));
        QVERIFY(r.trace.at(3).second.contains(QStringLiteral("fed-gmail")));

        ctx.federationByDomain.clear();
        const ResolvedIdp g = resolveRedemptionIdp(ctx, QStringLiteral("x@gmail.com"), {});
        QVERIFY(g.trace.at(4).second.contains(QStringLiteral("not configured")));
        QVERIFY(g.trace.at(5).second.contains(QStringLiteral("cannot ask Microsoft")));

        const ResolvedIdp p = resolveRedemptionIdp(ctx, QStringLiteral("x@contoso.com"), {});
        QVERIFY(p.trace.at(1).second.contains(QStringLiteral("partner order for contoso.com")));
        QVERIFY(p.trace.at(1).second.contains(QStringLiteral("Turned off")));
    }
};

QTEST_GUILESS_MAIN(tst_RedemptionResolver)
#include "tst_redemptionresolver.moc"
