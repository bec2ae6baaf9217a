#include "certfactory.h"
#include "core/federation/signingcertificate.h"

#include <QTest>

using namespace atrium::core;
using atrium::test::CertFactory;

class tst_SigningCertificate : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        m_valid = m_certs.selfSigned(QStringLiteral("idp.contoso.com"), 365);
        m_soon = m_certs.selfSigned(QStringLiteral("soon.contoso.com"), 10);
        m_expired = m_certs.withDates(QStringLiteral("old.contoso.com"), QStringLiteral("20200101000000Z"),
                                      QStringLiteral("20210101000000Z"));
        QVERIFY(!m_valid.isEmpty() && !m_soon.isEmpty() && !m_expired.isEmpty());
    }

    void formats_data() {
        QTest::addColumn<QByteArray>("input");
        const QByteArray b64 = CertFactory::base64Body(m_valid);
        QTest::newRow("pem") << m_valid;
        QTest::newRow("pem with text before") << QByteArray("Certificate:\n  subject...\n" + m_valid);
        QTest::newRow("der") << CertFactory::pemToDer(m_valid);
        QTest::newRow("base64 one line") << b64;
        QTest::newRow("base64 wrapped with spaces and CRLF") << CertFactory::wrapped(b64);
        QByteArray spaced;
        for (qsizetype i = 0; i < b64.size(); i += 7) {
            spaced += b64.mid(i, 7) + ' ';
        }
        QTest::newRow("base64 with spaces inside") << spaced;
    }
    void formats() {
        QFETCH(QByteArray, input);
        const auto cert = parseCertificate(input);
        QVERIFY2(cert.ok(), qPrintable(cert.ok() ? QString() : cert.error().message));
        QCOMPARE(cert->der, CertFactory::pemToDer(m_valid));
        QCOMPARE(cert->subject, QStringLiteral("CN=idp.contoso.com, O=Contoso"));
        QCOMPARE(cert->issuer, QStringLiteral("CN=idp.contoso.com, O=Contoso"));
        QCOMPARE(cert->sha256Fingerprint.toLatin1(), m_certs.fingerprint(m_valid));
        QCOMPARE(cert->sha256Fingerprint.size(), 32 * 3 - 1);
        QCOMPARE(cert->notAfter.timeSpec(), Qt::UTC);
        const qint64 days = cert->notBefore.daysTo(cert->notAfter);
        QCOMPARE(days, 365);
    }

    void refused_data() {
        QTest::addColumn<QByteArray>("input");
        const QByteArray b64 = CertFactory::base64Body(m_valid);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("whitespace") << QByteArray("  \n\t ");
        QTest::newRow("not base64") << QByteArray("this is not a certificate!");
        QTest::newRow("base64 of text") << QByteArray("aGVsbG8gd29ybGQ=");
        QTest::newRow("truncated base64") << b64.left(b64.size() / 2);
        QTest::newRow("broken pem") << QByteArray("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        QTest::newRow("private key pem") << QByteArray(
            "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
        QTest::newRow("truncated der") << CertFactory::pemToDer(m_valid).left(200);
    }
    void refused() {
        QFETCH(QByteArray, input);
        const auto cert = parseCertificate(input);
        QVERIFY(!cert.ok());
        QCOMPARE(cert.error().code, ErrorCode::Invalid);
        QVERIFY(!cert.error().message.isEmpty());
    }

    void generatedHealth() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto valid = parseCertificate(m_valid);
        const auto soon = parseCertificate(m_soon);
        const auto expired = parseCertificate(m_expired);
        QVERIFY(valid && soon && expired);
        QCOMPARE(toString(certificateHealth(*valid, now)), toString(CertificateHealth::Valid));
        QCOMPARE(toString(certificateHealth(*soon, now)), toString(CertificateHealth::ExpiringSoon));
        QCOMPARE(toString(certificateHealth(*expired, now)), toString(CertificateHealth::Expired));
        QCOMPARE(expired->notAfter, QDateTime(QDate(2021, 1, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(toString(certificateHealth(*soon, now, 5)),
                 toString(CertificateHealth::Valid)); // a shorter warning window
        QVERIFY(certificateHealthMessage(*soon, now).contains(QStringLiteral("10 day")));
        QVERIFY(certificateHealthMessage(*expired, now).contains(QStringLiteral("2021-01-01")));
    }

    void health_data() {
        QTest::addColumn<int>("daysFromNotBefore"); // where "now" is, in days after notBefore
        QTest::addColumn<int>("warnDays");
        QTest::addColumn<CertificateHealth>("expected");
        // Validity: 2025-01-01 to 2026-01-01 (365 days).
        QTest::newRow("before start") << -1 << 30 << CertificateHealth::NotYetValid;
        QTest::newRow("first day") << 0 << 30 << CertificateHealth::Valid;
        QTest::newRow("mid life") << 200 << 30 << CertificateHealth::Valid;
        QTest::newRow("31 days left") << 334 << 30 << CertificateHealth::Valid;
        QTest::newRow("30 days left") << 335 << 30 << CertificateHealth::ExpiringSoon;
        QTest::newRow("1 day left") << 364 << 30 << CertificateHealth::ExpiringSoon;
        QTest::newRow("at expiry") << 365 << 30 << CertificateHealth::Expired;
        QTest::newRow("after expiry") << 400 << 30 << CertificateHealth::Expired;
        QTest::newRow("warn 0, 1 day left") << 364 << 0 << CertificateHealth::Valid;
        QTest::newRow("warn 60, 45 days left") << 320 << 60 << CertificateHealth::ExpiringSoon;
    }
    void health() {
        QFETCH(int, daysFromNotBefore);
        QFETCH(int, warnDays);
        QFETCH(CertificateHealth, expected);
        SigningCertificate c;
        c.notBefore = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
        c.notAfter = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        QCOMPARE(toString(certificateHealth(c, c.notBefore.addDays(daysFromNotBefore), warnDays)), toString(expected));
        QVERIFY(!certificateHealthMessage(c, c.notBefore.addDays(daysFromNotBefore), warnDays).isEmpty());
    }

private:
    CertFactory m_certs;
    QByteArray m_valid;
    QByteArray m_soon;
    QByteArray m_expired;
};

QTEST_GUILESS_MAIN(tst_SigningCertificate)
#include "tst_signingcertificate.moc"
