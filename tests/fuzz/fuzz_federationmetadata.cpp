// parseFederationMetadata on arbitrary bytes: no crash, hang or unbounded growth, and what is
// accepted keeps the promises of federationmetadata.h: an entity id, at least one signing
// certificate (no fingerprint twice), only web sign-in endpoints, a passive sign-in endpoint that is
// one of them and a warning when it is not https; parsing again with the protocol it chose gives the
// same result, and a metadata refresh against itself shows no change.
#include "core/federation/federationmetadata.h"

#include <QSet>
#include <cstdint>
#include <cstdlib>

using namespace atrium::core;

namespace {
void check(bool ok) {
    if (!ok) {
        abort();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray xml(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = parseFederationMetadata(xml);
    if (!parsed) {
        check(parsed.error().code == ErrorCode::Invalid && !parsed.error().message.isEmpty());
        return 0;
    }
    const FederationMetadata &m = *parsed;
    check(!m.entityId.isEmpty() && m.entityId == m.entityId.trimmed());
    check(!m.signingCertificates.isEmpty());
    QSet<QString> fingerprints;
    for (const SigningCertificate &c : m.signingCertificates) {
        check(!c.der.isEmpty() && !c.sha256Fingerprint.isEmpty() && !fingerprints.contains(c.sha256Fingerprint));
        check(c.use.isEmpty() || c.use == QLatin1String("signing"));
        fingerprints.insert(c.sha256Fingerprint);
    }
    for (const SsoEndpoint &e : m.ssoEndpoints) {
        const QString scheme = e.location.scheme();
        check(e.location.isValid() && !e.location.host().isEmpty() &&
              (scheme == QLatin1String("https") || scheme == QLatin1String("http")));
    }
    if (!m.passiveSignInEndpoint.isEmpty()) {
        bool listed = false;
        for (const SsoEndpoint &e : m.ssoEndpoints) {
            listed = listed || e.location == m.passiveSignInEndpoint;
        }
        check(listed);
        check(m.passiveSignInEndpoint.scheme() == QLatin1String("https") || !m.warnings.isEmpty());
    } else {
        check(!m.warnings.isEmpty());
    }
    check(diffMetadata(m, m).isEmpty());

    const auto again = parseFederationMetadata(xml, {}, m.protocol);
    check(again.ok());
    check(again->entityId == m.entityId && again->protocol == m.protocol && again->ssoEndpoints == m.ssoEndpoints &&
          again->passiveSignInEndpoint == m.passiveSignInEndpoint && diffMetadata(m, *again).isEmpty());
    return 0;
}
