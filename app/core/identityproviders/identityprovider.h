#pragma once

#include "core/federation/federationmetadata.h"
#include "core/federation/oidcdiscovery.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace atrium::core {

// The built-in providers are not stored; their ids are fixed.
enum class IdpKind { PartnerDirectory, MicrosoftAccount, EmailOneTimePasscode, Saml, WsFed, Google, Facebook, Oidc };

QString toString(IdpKind k);                            // "partnerDirectory", ..., "saml", "wsfed", "google", ...
std::optional<IdpKind> idpKindFromString(const QString &s);
QString idpKindLabel(IdpKind k);                        // translated: "SAML 2.0", "Google", ...
bool isBuiltIn(IdpKind k);
bool hasClientSecret(IdpKind k);                        // Google, Facebook, OIDC

// One warning shown with a provider; `key` is stable ("certificateExpiringSoon", "certificateExpired",
// "certificateNotYetValid", "secretMissing", "dnsRecordNeeded", "disabled").
struct IdpWarning {
    QString key;
    QString message; // translated
    friend bool operator==(const IdpWarning &, const IdpWarning &) = default;
};

// A provider as the console and atriumctl show it.
struct IdentityProvider {
    QString id; // UUID, or "partnerDirectory" / "microsoftAccount" / "emailOneTimePasscode"
    IdpKind kind = IdpKind::Saml;
    QString displayName;
    bool enabled = true;   // email one-time passcode follows the collaboration setting; the rest: true
    QString issuer;        // SAML entity id / WS-Fed issuer / OIDC issuer
    QUrl passiveSignInEndpoint;
    QUrl metadataUrl;
    QStringList domains;   // normalized; SAML/WS-Fed/OIDC; Google: gmail.com, googlemail.com
    std::optional<FederationMetadata> metadata; // SAML/WS-Fed: what the metadata said (warnings not kept)
    QString clientId;      // Google client id, Facebook app id, OIDC client id
    std::optional<OidcDiscovery> discovery;
    QByteArray discoveryJson;
    bool secretStored = false; // the keychain has the client secret (never its value)
    QList<IdpWarning> warnings;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 rowVersion = 0;

    bool builtIn() const { return isBuiltIn(kind); }
    // "ok", "warning" or "disabled"
    QString status() const;
    QJsonObject toJson() const; // never contains a secret
};

// Metadata stored with a provider: endpoints and certificates (base64 DER), round-trips
// FederationMetadata except its warnings.
QJsonObject metadataToJson(const FederationMetadata &m);
Result<FederationMetadata> metadataFromJson(const QJsonObject &o);
QJsonObject certificateToJson(const SigningCertificate &c, const QDateTime &now); // with health

} // namespace atrium::core
