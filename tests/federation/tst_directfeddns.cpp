#include "core/federation/directfeddns.h"
#include "core/federation/directfeddnschecker.h"

#include <QTest>
#include <optional>

using namespace atrium::core;
using State = DirectFedDnsOutcome::State;

class tst_DirectFedDns : public QObject {
    Q_OBJECT
private slots:
    void needsRecord_data() {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<bool>("needed");
        QTest::newRow("same host") << "contoso.com"
                                   << "https://contoso.com/adfs/ls/" << false;
        QTest::newRow("subdomain") << "contoso.com"
                                   << "https://sts.contoso.com/adfs/ls/" << false;
        QTest::newRow("deep subdomain") << "contoso.com"
                                        << "https://a.b.contoso.com/ls" << false;
        QTest::newRow("case and trailing dot") << "Contoso.COM."
                                               << "https://STS.contoso.com/ls" << false;
        QTest::newRow("idna") << QStringLiteral("bücher.example") << "https://sts.xn--bcher-kva.example/" << false;
        QTest::newRow("other domain") << "contoso.com"
                                      << "https://login.contoso-idp.net/ls" << true;
        QTest::newRow("lookalike suffix") << "contoso.com"
                                          << "https://evilcontoso.com/ls" << true;
        QTest::newRow("parent of domain") << "eu.contoso.com"
                                          << "https://contoso.com/ls" << true;
        QTest::newRow("ip address") << "contoso.com"
                                    << "https://203.0.113.7/ls" << true;
        QTest::newRow("no host") << "contoso.com"
                                 << "" << true;
    }
    void needsRecord() {
        QFETCH(QString, domain);
        QFETCH(QString, endpoint);
        QFETCH(bool, needed);
        QCOMPARE(needsDirectFedDnsRecord(domain, QUrl(endpoint)), needed);
    }

    void txt_data() {
        QTest::addColumn<QList<QByteArray>>("records");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<bool>("authorized");
        const QString ep = QStringLiteral("https://login.contoso-idp.net/adfs/ls/");
        const QByteArray spf = "v=spf1 include:spf.protection.outlook.com -all";
        QTest::newRow("exact") << QList<QByteArray>{spf, "DirectFedAuthUrl=https://login.contoso-idp.net/adfs/ls/"}
                               << ep << true;
        QTest::newRow("key case") << QList<QByteArray>{"directfedauthurl=https://login.contoso-idp.net/adfs/ls/"} << ep
                                  << true;
        QTest::newRow("no trailing slash")
            << QList<QByteArray>{"DirectFedAuthUrl=https://login.contoso-idp.net/adfs/ls"} << ep << true;
        QTest::newRow("host case, default port")
            << QList<QByteArray>{"DirectFedAuthUrl=HTTPS://Login.Contoso-IdP.net:443/adfs/ls/"} << ep << true;
        QTest::newRow("spaces around")
            << QList<QByteArray>{"  DirectFedAuthUrl=https://login.contoso-idp.net/adfs/ls/ "} << ep << true;
        QTest::newRow("other endpoint") << QList<QByteArray>{"DirectFedAuthUrl=https://login.contoso-idp.net/other/"}
                                        << ep << false;
        QTest::newRow("path case matters")
            << QList<QByteArray>{"DirectFedAuthUrl=https://login.contoso-idp.net/ADFS/ls/"} << ep << false;
        QTest::newRow("other host") << QList<QByteArray>{"DirectFedAuthUrl=https://evil.example/adfs/ls/"} << ep
                                    << false;
        QTest::newRow("http instead of https")
            << QList<QByteArray>{"DirectFedAuthUrl=http://login.contoso-idp.net/adfs/ls/"} << ep << false;
        QTest::newRow("only spf") << QList<QByteArray>{spf} << ep << false;
        QTest::newRow("no records") << QList<QByteArray>{} << ep << false;
        QTest::newRow("key only") << QList<QByteArray>{"DirectFedAuthUrl="} << ep << false;
        QTest::newRow("prefix inside other text")
            << QList<QByteArray>{"x DirectFedAuthUrl=https://login.contoso-idp.net/adfs/ls/"} << ep << false;
    }
    void txt() {
        QFETCH(QList<QByteArray>, records);
        QFETCH(QString, endpoint);
        QFETCH(bool, authorized);
        QCOMPARE(txtRecordsAuthorize(records, QUrl(endpoint)), authorized);
    }

    void evaluate_data() {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<int>("error"); // QDnsLookup::Error
        QTest::addColumn<QList<QByteArray>>("records");
        QTest::addColumn<QString>("state");
        const QList<QByteArray> good{"DirectFedAuthUrl=https://login.contoso-idp.net/ls/"};
        QTest::newRow("on the domain") << "https://sts.contoso.com/ls/" << int(QDnsLookup::ServerFailureError)
                                       << QList<QByteArray>{} << "NotNeeded";
        QTest::newRow("found") << "https://login.contoso-idp.net/ls/" << int(QDnsLookup::NoError) << good << "Found";
        QTest::newRow("missing") << "https://login.contoso-idp.net/ls/" << int(QDnsLookup::NoError)
                                 << QList<QByteArray>{"v=spf1 -all"} << "NotFound";
        QTest::newRow("nxdomain is an answer") << "https://login.contoso-idp.net/ls/" << int(QDnsLookup::NotFoundError)
                                               << QList<QByteArray>{} << "NotFound";
        QTest::newRow("server failure") << "https://login.contoso-idp.net/ls/" << int(QDnsLookup::ServerFailureError)
                                        << QList<QByteArray>{} << "LookupFailed";
        QTest::newRow("resolver error") << "https://login.contoso-idp.net/ls/" << int(QDnsLookup::ResolverError)
                                        << QList<QByteArray>{} << "LookupFailed";
    }
    void evaluate() {
        QFETCH(QString, endpoint);
        QFETCH(int, error);
        QFETCH(QList<QByteArray>, records);
        QFETCH(QString, state);
        const auto o = DirectFedDnsChecker::evaluate(QStringLiteral("contoso.com"), QUrl(endpoint),
                                                     QDnsLookup::Error(error), records, QStringLiteral("SERVFAIL"));
        QCOMPARE(toString(o.state), state);
        QVERIFY(!o.message.isEmpty());
        QCOMPARE(o.expectedRecord, QStringLiteral("DirectFedAuthUrl=") + endpoint);
    }

    // The asynchronous checker: the not-needed case answers without DNS, queued, exactly once.
    void checkerNotNeeded() {
        DirectFedDnsChecker checker;
        std::optional<DirectFedDnsOutcome> outcome;
        int calls = 0;
        connect(&checker, &DirectFedDnsChecker::finished, this, [&](const DirectFedDnsOutcome &o) {
            ++calls;
            outcome = o;
        });
        checker.check(QStringLiteral("contoso.com"), QUrl(QStringLiteral("https://sts.contoso.com/adfs/ls/")));
        QVERIFY(!outcome.has_value()); // never from inside check()
        QTRY_VERIFY(outcome.has_value());
        QCOMPARE(calls, 1);
        QCOMPARE(toString(outcome->state), toString(State::NotNeeded));
    }

    // A real lookup of a name that cannot exist (RFC 6761 .invalid): whatever the resolver says
    // (NXDOMAIN, or failure without network), the checker must report and never claim "Found".
    void checkerRealLookup() {
        DirectFedDnsChecker checker;
        std::optional<DirectFedDnsOutcome> outcome;
        connect(&checker, &DirectFedDnsChecker::finished, this, [&](const DirectFedDnsOutcome &o) { outcome = o; });
        checker.check(QStringLiteral("no-such-partner.invalid"),
                      QUrl(QStringLiteral("https://login.contoso-idp.net/ls/")));
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 30000);
        QVERIFY(outcome->state == State::NotFound || outcome->state == State::LookupFailed);
        QVERIFY(!outcome->message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_DirectFedDns)
#include "tst_directfeddns.moc"
