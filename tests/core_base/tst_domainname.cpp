#include "core/base/domainname.h"

#include <QTest>

using namespace atrium::core;

class tst_DomainName : public QObject {
    Q_OBJECT
private slots:
    void normalize_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty = refused
        QTest::newRow("plain") << "contoso.com" << "contoso.com";
        QTest::newRow("upper case") << "Contoso.COM" << "contoso.com";
        QTest::newRow("trailing dot") << "contoso.com." << "contoso.com";
        QTest::newRow("spaces trimmed") << "  contoso.com  " << "contoso.com";
        QTest::newRow("idna unicode") << QStringLiteral("bücher.example") << "xn--bcher-kva.example";
        QTest::newRow("idna ace") << "XN--BCHER-KVA.example" << "xn--bcher-kva.example";
        QTest::newRow("subdomain") << "mail.contoso.com" << "mail.contoso.com";
        QTest::newRow("scheme") << "https://contoso.com" << "";
        QTest::newRow("path") << "contoso.com/x" << "";
        QTest::newRow("email") << "a@contoso.com" << "";
        QTest::newRow("port") << "contoso.com:443" << "";
        QTest::newRow("single label") << "localhost" << "";
        QTest::newRow("double dot") << "contoso..com" << "";
        QTest::newRow("hyphen start") << "-contoso.com" << "";
        QTest::newRow("underscore") << "con_toso.com" << "";
        QTest::newRow("space inside") << "con toso.com" << "";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("long label") << QString(64, QLatin1Char('a')) + QStringLiteral(".com") << "";
    }
    void normalize() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto r = normalizeDomain(input);
        if (expected.isEmpty()) {
            QVERIFY2(!r.ok(), qPrintable(input));
            QCOMPARE(r.error().code, ErrorCode::Invalid);
            QVERIFY(!r.error().message.isEmpty());
        } else {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            QCOMPARE(r.value(), expected);
        }
    }
    void subdomain_data() {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("parent");
        QTest::addColumn<bool>("inside");
        QTest::newRow("same") << "contoso.com" << "contoso.com" << true;
        QTest::newRow("child") << "eu.contoso.com" << "contoso.com" << true;
        QTest::newRow("grandchild") << "a.eu.contoso.com" << "contoso.com" << true;
        QTest::newRow("lookalike") << "evil-contoso.com" << "contoso.com" << false;
        QTest::newRow("suffix no dot") << "xcontoso.com" << "contoso.com" << false;
        QTest::newRow("parent of") << "contoso.com" << "eu.contoso.com" << false;
    }
    void subdomain() {
        QFETCH(QString, domain);
        QFETCH(QString, parent);
        QFETCH(bool, inside);
        QCOMPARE(isSameOrSubdomain(domain, parent), inside);
    }
};

QTEST_GUILESS_MAIN(tst_DomainName)
#include "tst_domainname.moc"
