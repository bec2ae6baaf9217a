#include "core/federation/federationmetadata.h"
#include "core/federation/metadatafetcher.h"
#include "loopbackhttpserver.h"
#include "metadatafixture.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <optional>

using namespace atrium::core;
using atrium::test::LoopbackHttpServer;
using atrium::test::MetadataFixture;
using Response = LoopbackHttpServer::Response;

class tst_MetadataFetcher : public QObject {
    Q_OBJECT
private:
    // Runs one fetch to completion and checks finished() came exactly once.
    Result<QByteArray> fetch(const QUrl &url, int timeoutMs = 20000) {
        MetadataFetcher fetcher(&m_nam);
        fetcher.setTimeoutMs(timeoutMs);
        std::optional<Result<QByteArray>> result;
        int calls = 0;
        connect(&fetcher, &MetadataFetcher::finished, this, [&](const Result<QByteArray> &r) {
            ++calls;
            result = r;
        });
        fetcher.fetch(url);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000); }();
        QTest::qWait(50); // a second finished() would arrive here
        [&] { QCOMPARE(calls, 1); }();
        if (!result) {
            return Error::invalid(QStringLiteral("no result"));
        }
        return *result;
    }

private slots:
    void initTestCase() {
        m_fx.generate();
        QVERIFY2(m_server.start(), "the loopback HTTP server could not listen on 127.0.0.1");
        m_metadata = m_fx.file(QStringLiteral("wsfed-only.xml"));
        m_server.set("/FederationMetadata/2007-06/FederationMetadata.xml",
                     Response{200, m_metadata, {{"Content-Type", "application/samlmetadata+xml"}}, false, false});
    }

    void fetchesOverHttp() {
        const auto r = fetch(m_server.url(QStringLiteral("/FederationMetadata/2007-06/FederationMetadata.xml")));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value(), m_metadata);
        const auto m = parseFederationMetadata(r.value());
        QVERIFY(m.ok());
        QCOMPARE(m->entityId, QStringLiteral("urn:federation:adatum"));
    }

    void failures_data() {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<Response>("response");
        QTest::addColumn<int>("code"); // ErrorCode
        QTest::addColumn<bool>("transient");
        QTest::addColumn<QString>("reason");
        QTest::newRow("404") << QByteArray("/missing") << Response{404, "nope", {}, false, false}
                             << int(ErrorCode::Network) << false << "404";
        QTest::newRow("500 is transient") << QByteArray("/broken") << Response{500, "oops", {}, false, false}
                                          << int(ErrorCode::Network) << true << "500";
        const QByteArray big(11 * 1024 * 1024, 'x');
        QTest::newRow("announced too large") << QByteArray("/big") << Response{200, big, {}, false, false}
                                             << int(ErrorCode::Invalid) << false << "too large";
        QTest::newRow("too large while downloading") << QByteArray("/stream") << Response{200, big, {}, false, true}
                                                     << int(ErrorCode::Invalid) << false << "download was stopped";
        QTest::newRow("redirect to http refused")
            << QByteArray("/redirect-http")
            << Response{302,
                        {},
                        {{"Location", m_server.url(QStringLiteral("/FederationMetadata/2007-06/FederationMetadata.xml"))
                                          .toEncoded()}},
                        false,
                        false}
            << int(ErrorCode::Network) << false << "not https";
    }
    void failures() {
        QFETCH(QByteArray, path);
        QFETCH(Response, response);
        QFETCH(int, code);
        QFETCH(bool, transient);
        QFETCH(QString, reason);
        m_server.set(path, response);
        const int before = m_server.hits(path);
        const auto r = fetch(m_server.url(QString::fromLatin1(path)));
        QVERIFY(!r.ok());
        QCOMPARE(m_server.hits(path), before + 1);
        QCOMPARE(int(r.error().code), code);
        QCOMPARE(r.error().transient, transient);
        QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().message));
    }

    void redirectToHttpsIsFollowed() {
        // The target speaks plain HTTP, so TLS fails — but only after the redirect was followed.
        QUrl target = m_server.url(QStringLiteral("/tls"));
        target.setScheme(QStringLiteral("https"));
        m_server.set("/redirect-https", Response{302, {}, {{"Location", target.toEncoded()}}, false, false});
        const auto r = fetch(m_server.url(QStringLiteral("/redirect-https")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY2(!r.error().message.contains(QStringLiteral("not https")), qPrintable(r.error().message));
        // The failure is the TLS connection to the new location, not the 302 itself.
        QVERIFY2(!r.error().message.contains(QStringLiteral("302")), qPrintable(r.error().message));
        QVERIFY(r.error().transient);
        QCOMPARE(m_server.hits("/tls"), 0); // a TLS ClientHello is not an HTTP request line
    }

    void timesOut() {
        m_server.set("/hang", Response{200, {}, {}, true, false});
        QElapsedTimer t;
        t.start();
        const auto r = fetch(m_server.url(QStringLiteral("/hang")), 400);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY(r.error().transient);
        QCOMPARE(m_server.hits("/hang"), 1);
    }

    void connectionRefused() {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        const auto r = fetch(QUrl(QStringLiteral("http://127.0.0.1:%1/metadata").arg(port)));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY(r.error().transient);
    }

    void refusedUrls_data() {
        QTest::addColumn<QUrl>("url");
        QTest::newRow("http to a real host") << QUrl(QStringLiteral("http://sts.contoso.com/metadata.xml"));
        QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://127.0.0.1/metadata.xml"));
        QTest::newRow("file") << QUrl(QStringLiteral("file:///etc/passwd"));
        QTest::newRow("no host") << QUrl(QStringLiteral("https:///metadata"));
        QTest::newRow("empty") << QUrl();
    }
    void refusedUrls() {
        QFETCH(QUrl, url);
        QVERIFY(!MetadataFetcher::refusalReason(url).isEmpty());
        const auto r = fetch(url);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Invalid);
        QCOMPARE(r.error().field, QStringLiteral("metadataUrl"));
    }

    void allowedUrls() {
        QVERIFY(MetadataFetcher::refusalReason(QUrl(QStringLiteral("https://sts.contoso.com/x"))).isEmpty());
        QVERIFY(MetadataFetcher::refusalReason(QUrl(QStringLiteral("http://localhost:8080/x"))).isEmpty());
        QVERIFY(MetadataFetcher::refusalReason(QUrl(QStringLiteral("http://[::1]/x"))).isEmpty());
    }

    void abortReportsCancelled() {
        m_server.set("/slow", Response{200, {}, {}, true, false});
        MetadataFetcher fetcher(&m_nam);
        std::optional<Result<QByteArray>> result;
        connect(&fetcher, &MetadataFetcher::finished, this, [&](const Result<QByteArray> &r) { result = r; });
        fetcher.fetch(m_server.url(QStringLiteral("/slow")));
        QTRY_COMPARE(m_server.hits("/slow"), 1);
        QVERIFY(fetcher.isRunning());
        fetcher.abort();
        QVERIFY(result.has_value());
        QCOMPARE(result->error().code, ErrorCode::Cancelled);
        QVERIFY(!fetcher.isRunning());
    }

    // A metadata URL whose certificate rolls over: the refresh shows the diff before applying.
    void refreshShowsRollover() {
        const QByteArray path = "/adatum/metadata.xml";
        m_server.set(path, Response{200, m_fx.file(QStringLiteral("wsfed-only.xml")), {}, false, false});
        const auto first = fetch(m_server.url(QString::fromLatin1(path)));
        QVERIFY(first.ok());
        const auto current = parseFederationMetadata(first.value());
        QVERIFY(current.ok());

        m_server.set(path,
                     Response{200,
                              m_fx.file(QStringLiteral("wsfed-only.xml"), {{QStringLiteral("B"), QStringLiteral("D")}}),
                              {},
                              false,
                              false});
        const auto second = fetch(m_server.url(QString::fromLatin1(path)));
        QVERIFY(second.ok());
        const auto refreshed = parseFederationMetadata(second.value());
        QVERIFY(refreshed.ok());
        const auto changes = diffMetadata(*current, *refreshed);
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).field, QStringLiteral("signingCertificate"));
        QVERIFY(changes.at(0).before.startsWith(m_fx.fingerprint(QStringLiteral("B"))));
        QVERIFY(changes.at(1).after.startsWith(m_fx.fingerprint(QStringLiteral("D"))));
        QCOMPARE(m_server.hits(path), 2);
    }

private:
    MetadataFixture m_fx;
    LoopbackHttpServer m_server;
    QNetworkAccessManager m_nam;
    QByteArray m_metadata;
};

QTEST_GUILESS_MAIN(tst_MetadataFetcher)
#include "tst_metadatafetcher.moc"
