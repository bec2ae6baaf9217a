#pragma once

#include "core/base/result.h"
#include "core/federation/signingcertificate.h"

#include <QList>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace atrium::core {

struct SsoEndpoint {
    QString binding; // "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect", ... or "WS-Federation passive"
    QUrl location;
    friend bool operator==(const SsoEndpoint &, const SsoEndpoint &) = default;
};

// What an identity provider's metadata says about signing in with it.
struct FederationMetadata {
    enum class Protocol { Saml, WsFed };
    Protocol protocol = Protocol::Saml;
    QString entityId;
    QList<SsoEndpoint> ssoEndpoints;
    // WS-Fed PassiveRequestorEndpoint, or the SAML SSO location (HTTP-Redirect preferred, else HTTP-POST).
    QUrl passiveSignInEndpoint;
    QList<SigningCertificate> signingCertificates; // every signing certificate, de-duplicated by fingerprint
    QStringList warnings;                          // translated; import goes ahead but the admin should read them
};

QString toString(FederationMetadata::Protocol p); // "SAML", "WS-Fed"

inline constexpr qsizetype kMaxMetadataBytes = 10 * 1024 * 1024;

// Parses identity-provider metadata (SAML 2.0 metadata, including the WS-Federation extensions
// ADFS publishes). The root is an EntityDescriptor or EntitiesDescriptor (nested ones too); the
// identity provider is the IDPSSODescriptor or the RoleDescriptor of xsi:type
// fed:SecurityTokenServiceType. With several entities the first identity provider is taken, or the
// one whose entityID is preferredEntityId. When an entity offers both protocols (ADFS does),
// WS-Fed is taken unless preferredProtocol says otherwise; a warning names the other one.
// Elements are matched by namespace URI, never by prefix.
//
// Refused, each with its own user-readable message (ErrorCode::Invalid) and nothing else done:
// more than kMaxMetadataBytes, any DOCTYPE (which rules out external entities and entity expansion
// such as "billion laughs"), an HTML page, not well-formed or truncated XML, a wrong root element,
// no identity provider (or not the preferred one), no entityID, no signing certificate, an
// unreadable certificate.
Result<FederationMetadata> parseFederationMetadata(const QByteArray &xml, const QString &preferredEntityId = {},
                                                   std::optional<FederationMetadata::Protocol> preferredProtocol = {});

// One line of the refresh preview. `field` is a stable key ("entityId", "protocol",
// "passiveSignInEndpoint", "ssoEndpoint", "signingCertificate"); fieldLabel() translates it.
// An added item has an empty `before`, a removed one an empty `after`.
struct FieldChange {
    QString field;
    QString before;
    QString after;
    friend bool operator==(const FieldChange &, const FieldChange &) = default;
};

QString fieldLabel(const QString &field);

// For a metadata refresh: what would change if `after` were applied. Certificates are compared by
// fingerprint (a rollover shows as one added and, later, one removed); SSO endpoints by binding.
// Empty when nothing changes.
QList<FieldChange> diffMetadata(const FederationMetadata &before, const FederationMetadata &after);

// "AB:CD:… — CN=adfs.contoso.com, valid 2025-01-01 to 2026-01-01": how a certificate is shown in a diff.
QString describeCertificate(const SigningCertificate &c);

} // namespace atrium::core
