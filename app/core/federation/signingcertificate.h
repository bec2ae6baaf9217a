#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace atrium::core {

// One X.509 certificate an identity provider signs its tokens with, as shown to the admin.
struct SigningCertificate {
    QByteArray der;
    QString subject; // "CN=adfs.contoso.com, O=Contoso"
    QString issuer;
    QString sha256Fingerprint; // hex, colon-separated, upper case: "AB:01:..."
    QDateTime notBefore;       // UTC
    QDateTime notAfter;        // UTC
    QString use;               // "signing" or empty (metadata KeyDescriptor without `use` = both)
};

enum class CertificateHealth {
    Valid,
    ExpiringSoon, // notAfter is within warnDays days (inclusive): refresh or roll over now
    Expired,
    NotYetValid,
};

QString toString(CertificateHealth h);    // "Valid", "ExpiringSoon", ... (stable key)
QString healthLabel(CertificateHealth h); // translated

CertificateHealth certificateHealth(const SigningCertificate &c, const QDateTime &now, int warnDays = 30);

// A sentence for the console: "Expires in 10 days (2026-12-04)", "Expired on ...".
QString certificateHealthMessage(const SigningCertificate &c, const QDateTime &now, int warnDays = 30);

// Accepts PEM ("-----BEGIN CERTIFICATE-----"), raw DER, or bare base64 as found in metadata
// (<ds:X509Certificate>), where whitespace and line breaks inside the base64 are ignored.
// Anything else is refused with ErrorCode::Invalid.
Result<SigningCertificate> parseCertificate(const QByteArray &base64OrPemOrDer);

} // namespace atrium::core
