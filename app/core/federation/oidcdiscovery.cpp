#include "core/federation/oidcdiscovery.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace atrium::core {

namespace {

QString ftr(const char *text) {
    return QCoreApplication::translate("atrium::core::Federation", text);
}

Result<QUrl> httpsUrl(const QJsonObject &doc, const QString &member, bool required) {
    const QJsonValue v = doc.value(member);
    if (v.isUndefined() || v.isNull()) {
        if (required) {
            return Error::invalid(ftr("The discovery document has no %1.").arg(member), member);
        }
        return QUrl();
    }
    if (!v.isString()) {
        return Error::invalid(ftr("In the discovery document, %1 is not a text value.").arg(member), member);
    }
    const QUrl url(v.toString(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
        return Error::invalid(
            ftr("In the discovery document, %1 is not an https address: %2").arg(member, v.toString()), member);
    }
    return url;
}

Result<QStringList> stringArray(const QJsonObject &doc, const QString &member) {
    const QJsonValue v = doc.value(member);
    QStringList out;
    if (v.isUndefined() || v.isNull()) {
        return out;
    }
    if (!v.isArray()) {
        return Error::invalid(ftr("In the discovery document, %1 is not a list.").arg(member), member);
    }
    const QJsonArray array = v.toArray();
    for (const QJsonValue &item : array) {
        if (!item.isString()) {
            return Error::invalid(ftr("In the discovery document, %1 contains a value that is not text.").arg(member),
                                  member);
        }
        out << item.toString();
    }
    return out;
}

} // namespace

QUrl oidcDiscoveryUrl(const QString &issuer) {
    QString base = issuer.trimmed();
    while (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }
    return QUrl(base + QStringLiteral("/.well-known/openid-configuration"), QUrl::StrictMode);
}

Result<OidcDiscovery> parseOidcDiscovery(const QByteArray &json, const QString &expectedIssuer) {
    if (expectedIssuer.isEmpty()) {
        return Error::invalid(
            ftr("Enter the provider's issuer URL first; the discovery document is checked against it."),
            QStringLiteral("issuer"));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return Error::invalid(ftr("This is not an OpenID Connect discovery document (expected a JSON object%1).")
                                  .arg(parseError.error != QJsonParseError::NoError
                                           ? QStringLiteral(": ") + parseError.errorString()
                                           : QString()),
                              QStringLiteral("discovery"));
    }
    const QJsonObject doc = document.object();
    OidcDiscovery out;

    const QJsonValue issuer = doc.value(QStringLiteral("issuer"));
    if (!issuer.isString() || issuer.toString().isEmpty()) {
        return Error::invalid(ftr("The discovery document has no issuer."), QStringLiteral("issuer"));
    }
    out.issuer = issuer.toString();
    if (out.issuer != expectedIssuer) {
        // Exact comparison on purpose: a document served for another issuer (or the same one
        // spelled differently) could hand out someone else's keys.
        return Error::invalid(ftr("The discovery document is for the issuer %1, not %2. The two must be identical, "
                                  "including a trailing slash.")
                                  .arg(out.issuer, expectedIssuer),
                              QStringLiteral("issuer"));
    }
    {
        auto url = httpsUrl(doc, QStringLiteral("issuer"), true);
        if (!url) {
            return url.error();
        }
        if (url->hasQuery() || url->hasFragment()) {
            return Error::invalid(ftr("The issuer %1 must not have a query or fragment.").arg(out.issuer),
                                  QStringLiteral("issuer"));
        }
    }
    struct Member {
        const char *name;
        QUrl OidcDiscovery::*target;
        bool required;
    };
    const Member members[] = {
        {"authorization_endpoint", &OidcDiscovery::authorizationEndpoint, true},
        {"token_endpoint", &OidcDiscovery::tokenEndpoint, true},
        {"jwks_uri", &OidcDiscovery::jwksUri, true},
        {"userinfo_endpoint", &OidcDiscovery::userinfoEndpoint, false},
    };
    for (const Member &m : members) {
        auto url = httpsUrl(doc, QString::fromLatin1(m.name), m.required);
        if (!url) {
            return url.error();
        }
        out.*(m.target) = *url;
    }
    auto responseTypes = stringArray(doc, QStringLiteral("response_types_supported"));
    if (!responseTypes) {
        return responseTypes.error();
    }
    if (responseTypes->isEmpty()) {
        return Error::invalid(
            ftr("The discovery document lists no supported response types (response_types_supported)."),
            QStringLiteral("response_types_supported"));
    }
    out.responseTypesSupported = *responseTypes;
    auto scopes = stringArray(doc, QStringLiteral("scopes_supported"));
    if (!scopes) {
        return scopes.error();
    }
    if (doc.contains(QStringLiteral("scopes_supported")) && !scopes->contains(QStringLiteral("openid"))) {
        return Error::invalid(ftr("The discovery document's scopes_supported does not include \"openid\", so this is "
                                  "not an OpenID Connect provider."),
                              QStringLiteral("scopes_supported"));
    }
    out.scopesSupported = *scopes;
    return out;
}

} // namespace atrium::core
