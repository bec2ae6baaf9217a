#include "core/identityproviders/identityprovider.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::IdentityProvider", s); }
QString urlText(const QUrl &u) { return u.toString(QUrl::FullyEncoded); }
} // namespace

QString toString(IdpKind k) {
    switch (k) {
    case IdpKind::PartnerDirectory: return QStringLiteral("partnerDirectory");
    case IdpKind::MicrosoftAccount: return QStringLiteral("microsoftAccount");
    case IdpKind::EmailOneTimePasscode: return QStringLiteral("emailOneTimePasscode");
    case IdpKind::Saml: return QStringLiteral("saml");
    case IdpKind::WsFed: return QStringLiteral("wsfed");
    case IdpKind::Google: return QStringLiteral("google");
    case IdpKind::Facebook: return QStringLiteral("facebook");
    case IdpKind::Oidc: return QStringLiteral("oidc");
    }
    return {};
}

std::optional<IdpKind> idpKindFromString(const QString &s) {
    for (IdpKind k : {IdpKind::PartnerDirectory, IdpKind::MicrosoftAccount, IdpKind::EmailOneTimePasscode, IdpKind::Saml,
                      IdpKind::WsFed, IdpKind::Google, IdpKind::Facebook, IdpKind::Oidc}) {
        if (toString(k) == s) {
            return k;
        }
    }
    return std::nullopt;
}

QString idpKindLabel(IdpKind k) {
    switch (k) {
    case IdpKind::PartnerDirectory: return tr("Partner directory");
    case IdpKind::MicrosoftAccount: return tr("Microsoft account");
    case IdpKind::EmailOneTimePasscode: return tr("Email one-time passcode");
    case IdpKind::Saml: return tr("SAML 2.0");
    case IdpKind::WsFed: return tr("WS-Fed");
    case IdpKind::Google: return tr("Google");
    case IdpKind::Facebook: return tr("Facebook");
    case IdpKind::Oidc: return tr("OpenID Connect");
    }
    return {};
}

bool isBuiltIn(IdpKind k) {
    return k == IdpKind::PartnerDirectory || k == IdpKind::MicrosoftAccount || k == IdpKind::EmailOneTimePasscode;
}

bool hasClientSecret(IdpKind k) { return k == IdpKind::Google || k == IdpKind::Facebook || k == IdpKind::Oidc; }

QString IdentityProvider::status() const {
    if (!enabled) {
        return QStringLiteral("disabled");
    }
    return warnings.isEmpty() ? QStringLiteral("ok") : QStringLiteral("warning");
}

QJsonObject certificateToJson(const SigningCertificate &c, const QDateTime &now) {
    return {{QStringLiteral("subject"), c.subject},
            {QStringLiteral("issuer"), c.issuer},
            {QStringLiteral("sha256"), c.sha256Fingerprint},
            {QStringLiteral("notBefore"), c.notBefore.toString(Qt::ISODate)},
            {QStringLiteral("notAfter"), c.notAfter.toString(Qt::ISODate)},
            {QStringLiteral("use"), c.use},
            {QStringLiteral("health"), toString(certificateHealth(c, now))},
            {QStringLiteral("healthMessage"), certificateHealthMessage(c, now)}};
}

QJsonObject IdentityProvider::toJson() const {
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("kind"), toString(kind)},
                  {QStringLiteral("displayName"), displayName},
                  {QStringLiteral("builtIn"), builtIn()},
                  {QStringLiteral("enabled"), enabled},
                  {QStringLiteral("status"), status()},
                  {QStringLiteral("domains"), QJsonArray::fromStringList(domains)}};
    if (!issuer.isEmpty()) {
        o.insert(QStringLiteral("issuer"), issuer);
    }
    if (!passiveSignInEndpoint.isEmpty()) {
        o.insert(QStringLiteral("passiveSignInEndpoint"), urlText(passiveSignInEndpoint));
    }
    if (!metadataUrl.isEmpty()) {
        o.insert(QStringLiteral("metadataUrl"), urlText(metadataUrl));
    }
    if (metadata) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        o.insert(QStringLiteral("protocol"), core::toString(metadata->protocol));
        QJsonArray eps;
        for (const SsoEndpoint &e : metadata->ssoEndpoints) {
            eps.append(QJsonObject{{QStringLiteral("binding"), e.binding}, {QStringLiteral("location"), urlText(e.location)}});
        }
        o.insert(QStringLiteral("ssoEndpoints"), eps);
        QJsonArray certs;
        for (const SigningCertificate &c : metadata->signingCertificates) {
            certs.append(certificateToJson(c, now));
        }
        o.insert(QStringLiteral("signingCertificates"), certs);
    }
    if (!clientId.isEmpty()) {
        o.insert(QStringLiteral("clientId"), clientId);
    }
    if (discovery) {
        o.insert(QStringLiteral("authorizationEndpoint"), urlText(discovery->authorizationEndpoint));
        o.insert(QStringLiteral("tokenEndpoint"), urlText(discovery->tokenEndpoint));
        o.insert(QStringLiteral("jwksUri"), urlText(discovery->jwksUri));
        o.insert(QStringLiteral("scopesSupported"), QJsonArray::fromStringList(discovery->scopesSupported));
    }
    if (hasClientSecret(kind)) {
        o.insert(QStringLiteral("secretStored"), secretStored);
    }
    QJsonArray w;
    for (const IdpWarning &x : warnings) {
        w.append(QJsonObject{{QStringLiteral("key"), x.key}, {QStringLiteral("message"), x.message}});
    }
    o.insert(QStringLiteral("warnings"), w);
    if (rowVersion > 0) {
        o.insert(QStringLiteral("rowVersion"), rowVersion);
    }
    return o;
}

QJsonObject metadataToJson(const FederationMetadata &m) {
    QJsonArray eps;
    for (const SsoEndpoint &e : m.ssoEndpoints) {
        eps.append(QJsonObject{{QStringLiteral("binding"), e.binding}, {QStringLiteral("location"), urlText(e.location)}});
    }
    QJsonArray certs;
    for (const SigningCertificate &c : m.signingCertificates) {
        certs.append(QJsonObject{{QStringLiteral("der"), QString::fromLatin1(c.der.toBase64())}, {QStringLiteral("use"), c.use}});
    }
    return {{QStringLiteral("protocol"), core::toString(m.protocol)},
            {QStringLiteral("entityId"), m.entityId},
            {QStringLiteral("passiveSignInEndpoint"), urlText(m.passiveSignInEndpoint)},
            {QStringLiteral("ssoEndpoints"), eps},
            {QStringLiteral("certificates"), certs}};
}

Result<FederationMetadata> metadataFromJson(const QJsonObject &o) {
    FederationMetadata m;
    m.protocol = o.value(QStringLiteral("protocol")).toString() == core::toString(FederationMetadata::Protocol::WsFed)
                     ? FederationMetadata::Protocol::WsFed
                     : FederationMetadata::Protocol::Saml;
    m.entityId = o.value(QStringLiteral("entityId")).toString();
    m.passiveSignInEndpoint = QUrl(o.value(QStringLiteral("passiveSignInEndpoint")).toString(), QUrl::StrictMode);
    const QJsonArray eps = o.value(QStringLiteral("ssoEndpoints")).toArray();
    for (const QJsonValue &v : eps) {
        const QJsonObject e = v.toObject();
        m.ssoEndpoints.append({e.value(QStringLiteral("binding")).toString(),
                               QUrl(e.value(QStringLiteral("location")).toString(), QUrl::StrictMode)});
    }
    const QJsonArray certs = o.value(QStringLiteral("certificates")).toArray();
    for (const QJsonValue &v : certs) {
        const QJsonObject c = v.toObject();
        auto cert = parseCertificate(QByteArray::fromBase64(c.value(QStringLiteral("der")).toString().toLatin1()));
        if (!cert.ok()) {
            return cert.error();
        }
        cert->use = c.value(QStringLiteral("use")).toString();
        m.signingCertificates.append(*cert);
    }
    return m;
}

} // namespace atrium::core
