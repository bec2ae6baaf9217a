#include "core/text/redirecturl.h"

#include <QTest>

using namespace atrium::core;

class tst_RedirectUrl : public QObject {
    Q_OBJECT
private slots:
    void parse_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty = refused
        QTest::addColumn<QString>("mention");  // refused: the message contains this

        QTest::newRow("https") << "https://myapps.contoso.com"
                               << "https://myapps.contoso.com"
                               << "";
        QTest::newRow("https path query fragment") << "https://apps.contoso.com/a/b?x=1&y=2#top"
                                                   << "https://apps.contoso.com/a/b?x=1&y=2#top"
                                                   << "";
        QTest::newRow("https port") << "https://apps.contoso.com:8443/"
                                    << "https://apps.contoso.com:8443/"
                                    << "";
        QTest::newRow("upper scheme") << "HTTPS://Apps.Contoso.com/X"
                                      << "https://apps.contoso.com/X"
                                      << "";
        QTest::newRow("trimmed") << "  https://contoso.com  "
                                 << "https://contoso.com"
                                 << "";
        QTest::newRow("at in query") << "https://contoso.com/?who=a@b.example"
                                     << "https://contoso.com/?who=a@b.example"
                                     << "";
        QTest::newRow("idn host") << QStringLiteral("https://bücher.example/") << "https://xn--bcher-kva.example/"
                                  << "";
        QTest::newRow("http localhost") << "http://localhost:8080/cb"
                                        << "http://localhost:8080/cb"
                                        << "";
        QTest::newRow("http 127") << "http://127.0.0.1/cb"
                                  << "http://127.0.0.1/cb"
                                  << "";
        QTest::newRow("http ::1") << "http://[::1]:3000/"
                                  << "http://[::1]:3000/"
                                  << "";

        QTest::newRow("http remote") << "http://contoso.com"
                                     << ""
                                     << "https";
        QTest::newRow("http localhost lookalike") << "http://localhost.evil.example/"
                                                  << ""
                                                  << "https";
        QTest::newRow("http 127 other") << "http://127.0.0.2/"
                                        << ""
                                        << "https";
        QTest::newRow("relative") << "/apps"
                                  << ""
                                  << "absolute";
        QTest::newRow("no scheme") << "contoso.com/apps"
                                   << ""
                                   << "absolute";
        QTest::newRow("javascript") << "javascript:alert(1)"
                                    << ""
                                    << "javascript";
        QTest::newRow("data") << "data:text/html,hi"
                              << ""
                              << "data";
        QTest::newRow("ftp") << "ftp://contoso.com"
                             << ""
                             << "ftp";
        QTest::newRow("userinfo") << "https://user:pass@contoso.com/"
                                  << ""
                                  << "user name";
        QTest::newRow("user only") << "https://admin@contoso.com/"
                                   << ""
                                   << "user name";
        QTest::newRow("empty userinfo") << "https://@contoso.com/"
                                        << ""
                                        << "user name";
        QTest::newRow("no host") << "https:///path"
                                 << ""
                                 << "";
        QTest::newRow("cr") << "https://contoso.com/\r"
                            << ""
                            << "line break";
        QTest::newRow("lf") << "https://contoso.com/\nLocation: x"
                            << ""
                            << "line break";
        QTest::newRow("nul") << QStringLiteral("https://contoso.com/") + QChar(0) << ""
                             << "control";
        QTest::newRow("space") << "https://contoso.com/a b"
                               << ""
                               << "space";
        QTest::newRow("empty") << ""
                               << ""
                               << "empty";
        QTest::newRow("too long") << QStringLiteral("https://contoso.com/") + QString(2030, QLatin1Char('a')) << ""
                                  << "2048";
        QTest::newRow("bad port") << "https://contoso.com:99999/"
                                  << ""
                                  << "";
        QTest::newRow("bad host") << "https://con toso.com/"
                                  << ""
                                  << "space";
    }
    void parse() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, mention);
        const auto r = parseRedirectUrl(input);
        if (expected.isEmpty()) {
            QVERIFY2(!r.ok(), qPrintable(input.left(80)));
            QCOMPARE(r.error().code, ErrorCode::Invalid);
            QCOMPARE(r.error().field, QStringLiteral("redirectUrl"));
            QVERIFY2(r.error().message.contains(mention), qPrintable(r.error().message));
        } else {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            QCOMPARE(r->toString(QUrl::FullyEncoded), expected);
        }
    }

    void exactlyMaxLength() {
        const QString prefix = QStringLiteral("https://contoso.com/");
        const QString url = prefix + QString(kRedirectUrlMaxLength - prefix.size(), QLatin1Char('a'));
        QVERIFY(parseRedirectUrl(url).ok());
        QVERIFY(!parseRedirectUrl(url + QLatin1Char('a')).ok());
    }
};

QTEST_GUILESS_MAIN(tst_RedirectUrl)
#include "tst_redirecturl.moc"
