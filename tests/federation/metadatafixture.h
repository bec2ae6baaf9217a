#pragma once

#include "certfactory.h"

#include <QFile>
#include <QHash>
#include <QTest>

// The metadata files under data/ are templates: {{A}}, {{B}}, {{C}}, {{D}} and {{SIGNER}} stand for
// certificates generated at test time; {{X_WRAPPED}} is the same base64 wrapped over indented
// CRLF lines and {{X_SPACED}} has spaces inside it. A is valid for a year, B expires in 10 days,
// C is an encryption key, D is the certificate A is rolled over to, SIGNER signs the metadata.
namespace atrium::test {

class MetadataFixture final {
public:
    void generate() {
        m_pem[QStringLiteral("A")] = m_certs.selfSigned(QStringLiteral("token-signing-a.contoso.com"), 365);
        m_pem[QStringLiteral("B")] = m_certs.selfSigned(QStringLiteral("token-signing-b.contoso.com"), 10);
        m_pem[QStringLiteral("C")] = m_certs.selfSigned(QStringLiteral("encryption.contoso.com"), 365);
        m_pem[QStringLiteral("D")] = m_certs.selfSigned(QStringLiteral("token-signing-d.contoso.com"), 730);
        m_pem[QStringLiteral("SIGNER")] = m_certs.selfSigned(QStringLiteral("metadata-signer.contoso.com"), 365);
        for (auto it = m_pem.cbegin(); it != m_pem.cend(); ++it) {
            m_fingerprint[it.key()] = QString::fromLatin1(m_certs.fingerprint(it.value()));
        }
    }

    QString fingerprint(const QString &key) const { return m_fingerprint.value(key); }
    // The key ("A", "B", ...) whose certificate has this fingerprint, or "?" for none.
    QString keyOf(const QString &fingerprint) const { return m_fingerprint.key(fingerprint, QStringLiteral("?")); }
    QByteArray pem(const QString &key) const { return m_pem.value(key); }

    // Fills a template; `swap` replaces one certificate by another (for rollover tests).
    QByteArray fill(QByteArray xml, const QHash<QString, QString> &swap = {}) const {
        for (auto it = m_pem.cbegin(); it != m_pem.cend(); ++it) {
            const QString source = swap.value(it.key(), it.key());
            const QByteArray b64 = CertFactory::base64Body(m_pem.value(source));
            QByteArray spaced;
            for (qsizetype i = 0; i < b64.size(); i += 10) {
                spaced += b64.mid(i, 10) + (i % 40 == 30 ? "\n " : " ");
            }
            const QByteArray k = it.key().toLatin1();
            xml.replace(QByteArray("{{" + k + "_WRAPPED}}"), CertFactory::wrapped(b64));
            xml.replace(QByteArray("{{" + k + "_SPACED}}"), spaced);
            xml.replace(QByteArray("{{" + k + "}}"), b64);
        }
        return xml;
    }

    static QByteArray readTemplate(const QString &name) {
        // ctest passes the source tree (atrium_add_test); QFINDTESTDATA depends on where the build
        // directory lies relative to the sources (__FILE__ is relative to it with Ninja).
        const QString fromEnv = qEnvironmentVariable("ATRIUM_SOURCE_DIR") + QStringLiteral("/tests/federation/data/") + name;
        const QString path = !qEnvironmentVariableIsEmpty("ATRIUM_SOURCE_DIR") && QFile::exists(fromEnv)
                                 ? fromEnv
                                 : QFINDTESTDATA(QStringLiteral("data/") + name);
        QFile f(path);
        if (path.isEmpty() || !f.open(QIODevice::ReadOnly)) {
            QTest::qFail(qPrintable(QStringLiteral("test data missing: ") + name), __FILE__, __LINE__);
            return {};
        }
        return f.readAll();
    }

    QByteArray file(const QString &name, const QHash<QString, QString> &swap = {}) const {
        return fill(readTemplate(name), swap);
    }

private:
    CertFactory m_certs;
    QHash<QString, QByteArray> m_pem;
    QHash<QString, QString> m_fingerprint;
};

} // namespace atrium::test
