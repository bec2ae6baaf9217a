#pragma once

#include "core/base/result.h"

#include <QStringList>
#include <QUrl>

namespace atrium::core {

// The parts of an OpenID Provider's discovery document (OpenID Connect Discovery 1.0 §3) that a
// generic OIDC identity provider is configured from.
struct OidcDiscovery {
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
    QUrl userinfoEndpoint; // optional
    QStringList scopesSupported;
    QStringList responseTypesSupported;
};

// <issuer>/.well-known/openid-configuration (one slash, whether or not the issuer ends in one).
QUrl oidcDiscoveryUrl(const QString &issuer);

// Validates and reads a discovery document. Refused (ErrorCode::Invalid, field = the JSON member):
// not a JSON object; issuer missing or not exactly expectedIssuer (character for character, so a
// trailing slash matters, as OIDC Discovery §4.3 requires); issuer, authorization_endpoint,
// token_endpoint or jwks_uri missing, not an absolute https URL, or (for the issuer) carrying a
// query or fragment; response_types_supported missing or empty; scopes_supported present without
// "openid"; a wrongly typed member.
Result<OidcDiscovery> parseOidcDiscovery(const QByteArray &json, const QString &expectedIssuer);

} // namespace atrium::core
