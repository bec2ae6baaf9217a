#include "core/federation/signingcertificate.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSslCertificate>

namespace atrium::core {

namespace {

QString ftr(const char *text) {
    return QCoreApplication::translate("atrium::core::Federation", text);
}

// QSslCertificate hands out the distinguished name only attribute by attribute; rebuild the
// usual "CN=..., O=..." form in the most-specific-first order admins know from other tools.
template <typename InfoFn, typename AttrsFn> QString distinguishedName(InfoFn info, AttrsFn attributes) {
    static const char *const order[] = {"CN", "OU", "O", "L", "ST", "C", "emailAddress"};
    QStringList parts;
    QList<QByteArray> rest = attributes();
    for (const char *key : order) {
        const QByteArray k(key);
        for (const QString &v : info(k)) {
            parts << QString::fromLatin1(k) + QLatin1Char('=') + v;
        }
        rest.removeAll(k);
    }
    for (const QByteArray &k : std::as_const(rest)) {
        for (const QString &v : info(k)) {
            parts << QString::fromLatin1(k) + QLatin1Char('=') + v;
        }
    }
    return parts.join(QStringLiteral(", "));
}

bool isBase64Char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
           c == '=';
}

} // namespace

QString toString(CertificateHealth h) {
    switch (h) {
    case CertificateHealth::Valid:
        return QStringLiteral("Valid");
    case CertificateHealth::ExpiringSoon:
        return QStringLiteral("ExpiringSoon");
    case CertificateHealth::Expired:
        return QStringLiteral("Expired");
    case CertificateHealth::NotYetValid:
        return QStringLiteral("NotYetValid");
    }
    return {};
}

QString healthLabel(CertificateHealth h) {
    switch (h) {
    case CertificateHealth::Valid:
        return ftr("Valid");
    case CertificateHealth::ExpiringSoon:
        return ftr("Expiring soon");
    case CertificateHealth::Expired:
        return ftr("Expired");
    case CertificateHealth::NotYetValid:
        return ftr("Not yet valid");
    }
    return {};
}

CertificateHealth certificateHealth(const SigningCertificate &c, const QDateTime &now, int warnDays) {
    if (c.notBefore.isValid() && now < c.notBefore) {
        return CertificateHealth::NotYetValid;
    }
    if (!c.notAfter.isValid() || now >= c.notAfter) {
        return CertificateHealth::Expired;
    }
    if (now.secsTo(c.notAfter) <= qint64(warnDays) * 86400) {
        return CertificateHealth::ExpiringSoon;
    }
    return CertificateHealth::Valid;
}

QString certificateHealthMessage(const SigningCertificate &c, const QDateTime &now, int warnDays) {
    const QString notAfter = c.notAfter.toUTC().toString(Qt::ISODate);
    switch (certificateHealth(c, now, warnDays)) {
    case CertificateHealth::Valid:
        return ftr("Valid until %1.").arg(notAfter);
    case CertificateHealth::ExpiringSoon: {
        // Whole days left, rounded up so "expires in 0 days" never shows while it is still valid.
        const qint64 days = (now.secsTo(c.notAfter) + 86399) / 86400;
        return QCoreApplication::translate("atrium::core::Federation",
                                           "Expires in %n day(s) (%1): refresh the metadata or add the new "
                                           "certificate before then.",
                                           nullptr, int(days))
            .arg(notAfter);
    }
    case CertificateHealth::Expired:
        return ftr("Expired on %1: guests from this partner cannot sign in until a current certificate is added.")
            .arg(notAfter);
    case CertificateHealth::NotYetValid:
        return ftr("Not valid before %1.").arg(c.notBefore.toUTC().toString(Qt::ISODate));
    }
    return {};
}

Result<SigningCertificate> parseCertificate(const QByteArray &input) {
    const QByteArray trimmed = input.trimmed();
    if (trimmed.isEmpty()) {
        return Error::invalid(ftr("The certificate is empty."), QStringLiteral("certificate"));
    }
    QSslCertificate cert;
    if (trimmed.contains("-----BEGIN CERTIFICATE-----")) {
        const auto certs = QSslCertificate::fromData(trimmed, QSsl::Pem);
        if (!certs.isEmpty()) {
            cert = certs.first();
        }
    } else if (static_cast<unsigned char>(trimmed.at(0)) == 0x30) {
        // A DER certificate starts with an ASN.1 SEQUENCE tag; base64 text never does ('0' is 0x30
        // but DER of a certificate is never valid base64), so try DER and fall back to base64.
        cert = QSslCertificate(input, QSsl::Der);
    }
    if (cert.isNull() && !trimmed.contains("-----BEGIN")) {
        QByteArray compact;
        compact.reserve(trimmed.size());
        for (char ch : trimmed) {
            if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
                continue;
            }
            if (!isBase64Char(ch)) {
                compact.clear();
                break;
            }
            compact.append(ch);
        }
        if (!compact.isEmpty()) {
            const auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
            if (decoded) {
                cert = QSslCertificate(*decoded, QSsl::Der);
            }
        }
    }
    if (cert.isNull()) {
        return Error::invalid(ftr("This is not an X.509 certificate (expected PEM, DER or base64 DER)."),
                              QStringLiteral("certificate"));
    }
    SigningCertificate out;
    out.der = cert.toDer();
    out.subject = distinguishedName([&](const QByteArray &a) { return cert.subjectInfo(a); },
                                    [&] { return cert.subjectInfoAttributes(); });
    out.issuer = distinguishedName([&](const QByteArray &a) { return cert.issuerInfo(a); },
                                   [&] { return cert.issuerInfoAttributes(); });
    out.sha256Fingerprint =
        QString::fromLatin1(QCryptographicHash::hash(out.der, QCryptographicHash::Sha256).toHex(':').toUpper());
    out.notBefore = cert.effectiveDate().toUTC();
    out.notAfter = cert.expiryDate().toUTC();
    return out;
}

} // namespace atrium::core
