#include "core/federation/federationmetadata.h"

#include "core/base/logging.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QXmlStreamReader>

namespace atrium::core {

namespace {

QString ftr(const char *text) {
    return QCoreApplication::translate("atrium::core::Federation", text);
}

const QString kMd = QStringLiteral("urn:oasis:names:tc:SAML:2.0:metadata");
const QString kDs = QStringLiteral("http://www.w3.org/2000/09/xmldsig#");
const QString kFed = QStringLiteral("http://docs.oasis-open.org/wsfed/federation/200706");
const QString kWsa = QStringLiteral("http://www.w3.org/2005/08/addressing");
const QString kXsi = QStringLiteral("http://www.w3.org/2001/XMLSchema-instance");
const QString kRedirect = QStringLiteral("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect");
const QString kPost = QStringLiteral("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
// WS-Fed has no binding URI; name the element the endpoint came from, qualified by its namespace.
const QString kWsFedPassive = kFed + QStringLiteral("#PassiveRequestorEndpoint");

struct RawKey {
    QString use;
    QByteArray certificateText;
};

struct RawRole {
    bool present = false;
    QList<RawKey> keys;
    QList<SsoEndpoint> sso;
    QStringList rawLocations; // as written, for warnings about unusable ones
    QList<QString> rawBindings;
};

struct RawEntity {
    QString entityId;
    RawRole idp; // IDPSSODescriptor (SAML 2.0)
    RawRole sts; // RoleDescriptor xsi:type fed:SecurityTokenServiceType (WS-Fed)
    bool hasSp = false;
    bool isIdp() const { return idp.present || sts.present; }
};

bool looksLikeHtml(const QByteArray &xml) {
    QByteArray head = xml.left(512).trimmed().toLower();
    if (head.startsWith("\xef\xbb\xbf")) {
        head = head.mid(3).trimmed();
    }
    return head.startsWith("<!doctype html") || head.startsWith("<html");
}

QString htmlMessage() {
    return ftr("This is a web page (HTML), not federation metadata. Check the metadata URL: it often ends in "
               "FederationMetadata.xml or /metadata.");
}

Error refuse(const QString &message, const QString &detail = {}) {
    Error e = Error::invalid(message, QStringLiteral("metadata"));
    e.detail = detail;
    return e;
}

class Parser {
public:
    explicit Parser(const QByteArray &xml) : m_reader(xml) {
        m_reader.setNamespaceProcessing(true);
        QByteArray head = xml.left(64).trimmed();
        if (head.startsWith("\xef\xbb\xbf")) {
            head = head.mid(3).trimmed();
        }
        m_startsWithMarkup = head.startsWith('<');
    }

    // Returns an error, or std::nullopt with m_entities filled.
    std::optional<Error> run() {
        while (!m_reader.atEnd()) {
            const auto token = m_reader.readNext();
            switch (token) {
            case QXmlStreamReader::DTD:
                // Refused before anything in it is used: no external entity is fetched and no
                // entity is ever expanded.
                if (m_reader.dtdName().compare(QLatin1String("html"), Qt::CaseInsensitive) == 0) {
                    return refuse(htmlMessage());
                }
                return refuse(ftr("The file declares a document type (<!DOCTYPE ...>). Federation metadata never "
                                  "needs one, and it is how external-entity and entity-expansion attacks work, so "
                                  "the file is refused."));
            case QXmlStreamReader::EntityReference:
                return refuse(ftr("The file uses an undeclared entity reference; it is refused."));
            case QXmlStreamReader::StartElement:
                if (auto e = startElement()) {
                    return e;
                }
                break;
            case QXmlStreamReader::EndElement:
                endElement();
                break;
            default:
                break;
            }
        }
        if (m_reader.hasError()) {
            const QString where = ftr("line %1, column %2: %3")
                                      .arg(m_reader.lineNumber())
                                      .arg(m_reader.columnNumber())
                                      .arg(m_reader.errorString());
            if (m_reader.error() == QXmlStreamReader::PrematureEndOfDocumentError) {
                if (!m_sawElement) {
                    return refuse(ftr("The file is empty or contains no XML element."), where);
                }
                return refuse(ftr("The file ends before the XML is complete; it may have been cut off while "
                                  "downloading or copying (%1).")
                                  .arg(where),
                              where);
            }
            if (!m_sawElement && !m_startsWithMarkup) {
                return refuse(ftr("The file is not XML (%1).").arg(where), where);
            }
            return refuse(ftr("The file is not well-formed XML (%1).").arg(where), where);
        }
        return std::nullopt;
    }

    QList<RawEntity> entities;

private:
    QString resolvePrefix(const QString &prefix) const {
        for (auto it = m_scopes.crbegin(); it != m_scopes.crend(); ++it) {
            for (const auto &decl : *it) {
                if (decl.prefix() == prefix) {
                    return decl.namespaceUri().toString();
                }
            }
        }
        return {};
    }

    bool isStsRoleDescriptor() const {
        const QString type = m_reader.attributes().value(kXsi, QStringLiteral("type")).toString().trimmed();
        if (type.isEmpty()) {
            return false;
        }
        const qsizetype colon = type.indexOf(QLatin1Char(':'));
        const QString prefix = colon < 0 ? QString() : type.left(colon);
        const QString local = colon < 0 ? type : type.mid(colon + 1);
        return local == QLatin1String("SecurityTokenServiceType") && resolvePrefix(prefix) == kFed;
    }

    RawRole *currentRole() {
        if (m_entityDepth < 0 || m_roleDepth < 0 || !m_roleIsIdp) {
            return nullptr;
        }
        return m_roleIsSts ? &entities.last().sts : &entities.last().idp;
    }

    std::optional<Error> startElement() {
        m_scopes.append(m_reader.namespaceDeclarations());
        const int depth = m_depth++;
        const QStringView ns = m_reader.namespaceUri();
        const QStringView name = m_reader.name();
        if (!m_sawElement) {
            m_sawElement = true;
            if (name.compare(QLatin1String("html"), Qt::CaseInsensitive) == 0) {
                return refuse(htmlMessage());
            }
            const bool rightName =
                name == QLatin1String("EntityDescriptor") || name == QLatin1String("EntitiesDescriptor");
            if (!rightName || ns != kMd) {
                const QString found =
                    ns.isEmpty() ? name.toString() : QLatin1Char('{') + ns.toString() + QLatin1Char('}') + name;
                return refuse(ftr("The file is not SAML 2.0 metadata: it starts with <%1>, but metadata starts with "
                                  "EntityDescriptor or EntitiesDescriptor in the namespace %2.")
                                  .arg(found, kMd));
            }
        }
        if (ns == kMd && name == QLatin1String("EntityDescriptor")) {
            RawEntity e;
            e.entityId = m_reader.attributes().value(QStringLiteral("entityID")).toString().trimmed();
            entities.append(e);
            m_entityDepth = depth;
            return std::nullopt;
        }
        if (m_entityDepth < 0) {
            return std::nullopt;
        }
        if (m_roleDepth < 0 && ns == kMd) {
            if (name == QLatin1String("IDPSSODescriptor")) {
                m_roleDepth = depth;
                m_roleIsIdp = true;
                m_roleIsSts = false;
                entities.last().idp.present = true;
            } else if (name == QLatin1String("RoleDescriptor") && isStsRoleDescriptor()) {
                m_roleDepth = depth;
                m_roleIsIdp = true;
                m_roleIsSts = true;
                entities.last().sts.present = true;
            } else if (name.endsWith(QLatin1String("Descriptor"))) {
                // SPSSODescriptor, ApplicationServiceType RoleDescriptor, AttributeAuthority...: its keys
                // and endpoints are not the identity provider's.
                m_roleDepth = depth;
                m_roleIsIdp = false;
                if (name == QLatin1String("SPSSODescriptor")) {
                    entities.last().hasSp = true;
                }
            }
            return std::nullopt;
        }
        RawRole *role = currentRole();
        if (!role) {
            return std::nullopt;
        }
        if (ns == kMd && name == QLatin1String("KeyDescriptor") && m_keyDepth < 0) {
            m_keyDepth = depth;
            m_keyUse = m_reader.attributes().value(QStringLiteral("use")).toString().trimmed();
        } else if (ns == kDs && name == QLatin1String("X509Certificate") && m_keyDepth >= 0) {
            // Only certificates inside a KeyDescriptor count: the ds:Signature over the metadata
            // carries the signer's certificate, which is not a token-signing key.
            const QString text = m_reader.readElementText();
            closeLeaf();
            role->keys.append({m_keyUse, text.toLatin1()});
        } else if (ns == kMd && name == QLatin1String("SingleSignOnService") && !m_roleIsSts) {
            const auto attrs = m_reader.attributes();
            role->rawBindings.append(attrs.value(QStringLiteral("Binding")).toString().trimmed());
            role->rawLocations.append(attrs.value(QStringLiteral("Location")).toString().trimmed());
        } else if (ns == kFed && name == QLatin1String("PassiveRequestorEndpoint") && m_roleIsSts) {
            m_passiveDepth = depth;
        } else if (ns == kWsa && name == QLatin1String("Address") && m_passiveDepth >= 0) {
            const QString text = m_reader.readElementText().trimmed();
            closeLeaf();
            role->rawBindings.append(kWsFedPassive);
            role->rawLocations.append(text);
        }
        return std::nullopt;
    }

    // readElementText() consumed the end tag: undo what startElement() pushed.
    void closeLeaf() {
        --m_depth;
        m_scopes.removeLast();
    }

    void endElement() {
        const int depth = --m_depth;
        m_scopes.removeLast();
        if (depth == m_keyDepth) {
            m_keyDepth = -1;
        } else if (depth == m_passiveDepth) {
            m_passiveDepth = -1;
        } else if (depth == m_roleDepth) {
            m_roleDepth = -1;
            m_roleIsIdp = false;
        } else if (depth == m_entityDepth) {
            m_entityDepth = -1;
        }
    }

    QXmlStreamReader m_reader;
    QList<QXmlStreamNamespaceDeclarations> m_scopes;
    bool m_sawElement = false;
    bool m_startsWithMarkup = false; // decides between "not XML" and "not well-formed XML"
    int m_depth = 0;
    int m_entityDepth = -1;
    int m_roleDepth = -1;
    bool m_roleIsIdp = false;
    bool m_roleIsSts = false;
    int m_keyDepth = -1;
    QString m_keyUse;
    int m_passiveDepth = -1;
};

QString protocolLabel(FederationMetadata::Protocol p) {
    return p == FederationMetadata::Protocol::Saml ? ftr("SAML 2.0") : ftr("WS-Federation");
}

} // namespace

QString toString(FederationMetadata::Protocol p) {
    return p == FederationMetadata::Protocol::Saml ? QStringLiteral("SAML") : QStringLiteral("WS-Fed");
}

Result<FederationMetadata> parseFederationMetadata(const QByteArray &xml, const QString &preferredEntityId,
                                                   std::optional<FederationMetadata::Protocol> preferredProtocol) {
    using Protocol = FederationMetadata::Protocol;
    if (xml.size() > kMaxMetadataBytes) {
        return refuse(ftr("The file is too large (%1 MB); federation metadata is at most %2 MB.")
                          .arg(QString::number(double(xml.size()) / (1024.0 * 1024.0), 'f', 1))
                          .arg(kMaxMetadataBytes / (1024 * 1024)));
    }
    if (xml.trimmed().isEmpty()) {
        return refuse(ftr("The file is empty."));
    }
    if (looksLikeHtml(xml)) {
        return refuse(htmlMessage());
    }
    Parser parser(xml);
    if (auto error = parser.run()) {
        qCInfo(lcFederation) << "metadata refused:" << error->message << error->detail;
        return *error;
    }

    FederationMetadata out;
    const RawEntity *chosen = nullptr;
    QStringList idpIds;
    for (const RawEntity &e : std::as_const(parser.entities)) {
        if (e.isIdp()) {
            idpIds << e.entityId;
        }
    }
    if (!preferredEntityId.isEmpty()) {
        for (const RawEntity &e : std::as_const(parser.entities)) {
            if (e.entityId == preferredEntityId) {
                chosen = &e;
                break;
            }
        }
        if (!chosen) {
            return refuse(
                ftr("The metadata has no entity with the entity id %1 (identity providers in it: %2).")
                    .arg(preferredEntityId, idpIds.isEmpty() ? ftr("none") : idpIds.join(QStringLiteral(", "))));
        }
        if (!chosen->isIdp()) {
            return refuse(ftr("The entity %1 in the metadata is not an identity provider (it describes no "
                              "IDPSSODescriptor or WS-Federation security token service).")
                              .arg(preferredEntityId));
        }
    } else {
        for (const RawEntity &e : std::as_const(parser.entities)) {
            if (e.isIdp()) {
                chosen = &e;
                break;
            }
        }
        if (!chosen) {
            const bool onlySp = std::any_of(parser.entities.cbegin(), parser.entities.cend(),
                                            [](const RawEntity &e) { return e.hasSp; });
            return refuse(onlySp ? ftr("The metadata describes only a service provider, not an identity provider. "
                                       "Import the partner's identity provider metadata instead.")
                                 : ftr("The metadata describes no identity provider (no IDPSSODescriptor and no "
                                       "WS-Federation security token service)."));
        }
        if (idpIds.size() > 1) {
            out.warnings << ftr("The metadata describes %1 identity providers; the first, %2, was used.")
                                .arg(idpIds.size())
                                .arg(chosen->entityId);
        }
    }
    if (chosen->entityId.isEmpty()) {
        return refuse(ftr("The identity provider in the metadata has no entityID."));
    }
    out.entityId = chosen->entityId;

    if (chosen->idp.present && chosen->sts.present) {
        out.protocol = preferredProtocol.value_or(Protocol::WsFed);
        out.warnings << ftr("The identity provider also offers %1 sign-in; %2 was used.")
                            .arg(protocolLabel(out.protocol == Protocol::Saml ? Protocol::WsFed : Protocol::Saml),
                                 protocolLabel(out.protocol));
    } else {
        out.protocol = chosen->idp.present ? Protocol::Saml : Protocol::WsFed;
        if (preferredProtocol && *preferredProtocol != out.protocol) {
            return refuse(ftr("The identity provider offers only %1 sign-in, not %2.")
                              .arg(protocolLabel(out.protocol), protocolLabel(*preferredProtocol)));
        }
    }
    const RawRole &role = out.protocol == Protocol::Saml ? chosen->idp : chosen->sts;

    for (qsizetype i = 0; i < role.rawLocations.size(); ++i) {
        const QUrl url(role.rawLocations.at(i), QUrl::StrictMode);
        const bool web = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
        if (!url.isValid() || !web || url.host().isEmpty()) {
            out.warnings << ftr("The sign-in endpoint \"%1\" is not a web address and was skipped.")
                                .arg(role.rawLocations.at(i));
            continue;
        }
        out.ssoEndpoints.append({role.rawBindings.at(i), url});
    }
    auto pick = [&](const QString &binding) -> QUrl {
        for (const auto &ep : std::as_const(out.ssoEndpoints)) {
            if (ep.binding == binding) {
                return ep.location;
            }
        }
        return {};
    };
    if (out.protocol == Protocol::WsFed) {
        out.passiveSignInEndpoint = pick(kWsFedPassive);
    } else {
        out.passiveSignInEndpoint = pick(kRedirect);
        if (out.passiveSignInEndpoint.isEmpty()) {
            out.passiveSignInEndpoint = pick(kPost);
        }
    }
    if (out.passiveSignInEndpoint.isEmpty()) {
        out.warnings << (out.protocol == Protocol::WsFed
                             ? ftr("The metadata has no WS-Federation passive requestor endpoint; enter the passive "
                                   "sign-in endpoint by hand.")
                             : ftr("The metadata has no single sign-on endpoint with the HTTP-Redirect or HTTP-POST "
                                   "binding; enter the passive sign-in endpoint by hand."));
    } else if (out.passiveSignInEndpoint.scheme() != QLatin1String("https")) {
        out.warnings << ftr("The sign-in endpoint %1 does not use https; Atrium accepts only https sign-in endpoints.")
                            .arg(out.passiveSignInEndpoint.toString());
    }

    QSet<QString> seen;
    int skippedEncryption = 0;
    int index = 0;
    for (const RawKey &key : role.keys) {
        ++index;
        if (!key.use.isEmpty() && key.use != QLatin1String("signing")) {
            ++skippedEncryption;
            continue;
        }
        auto cert = parseCertificate(key.certificateText);
        if (!cert) {
            return refuse(ftr("Certificate %1 of the identity provider %2 cannot be read: %3")
                              .arg(index)
                              .arg(out.entityId, cert.error().message));
        }
        if (seen.contains(cert->sha256Fingerprint)) {
            continue;
        }
        seen.insert(cert->sha256Fingerprint);
        cert->use = key.use;
        out.signingCertificates.append(*cert);
    }
    if (skippedEncryption > 0) {
        out.warnings << QCoreApplication::translate("atrium::core::Federation",
                                                    "%n encryption key(s) in the metadata were not imported: only "
                                                    "signing certificates are used.",
                                                    nullptr, skippedEncryption);
    }
    if (out.signingCertificates.isEmpty()) {
        return refuse(ftr("The identity provider %1 publishes no signing certificate, so its sign-ins could not be "
                          "verified.")
                          .arg(out.entityId));
    }
    return out;
}

QString fieldLabel(const QString &field) {
    if (field == QLatin1String("entityId")) {
        return ftr("Issuer URI (entity id)");
    }
    if (field == QLatin1String("protocol")) {
        return ftr("Protocol");
    }
    if (field == QLatin1String("passiveSignInEndpoint")) {
        return ftr("Passive sign-in endpoint");
    }
    if (field == QLatin1String("ssoEndpoint")) {
        return ftr("Single sign-on endpoint");
    }
    if (field == QLatin1String("signingCertificate")) {
        return ftr("Signing certificate");
    }
    return field;
}

QString describeCertificate(const SigningCertificate &c) {
    return ftr("%1 — %2, valid %3 to %4")
        .arg(c.sha256Fingerprint, c.subject, c.notBefore.toUTC().toString(Qt::ISODate),
             c.notAfter.toUTC().toString(Qt::ISODate));
}

QList<FieldChange> diffMetadata(const FederationMetadata &before, const FederationMetadata &after) {
    QList<FieldChange> changes;
    if (before.entityId != after.entityId) {
        changes.append({QStringLiteral("entityId"), before.entityId, after.entityId});
    }
    if (before.protocol != after.protocol) {
        changes.append({QStringLiteral("protocol"), toString(before.protocol), toString(after.protocol)});
    }
    if (before.passiveSignInEndpoint != after.passiveSignInEndpoint) {
        changes.append({QStringLiteral("passiveSignInEndpoint"), before.passiveSignInEndpoint.toString(),
                        after.passiveSignInEndpoint.toString()});
    }
    auto describe = [](const SsoEndpoint &e) -> QString {
        return e.binding + QStringLiteral(" ") + e.location.toString();
    };
    for (const SsoEndpoint &e : before.ssoEndpoints) {
        if (!after.ssoEndpoints.contains(e)) {
            changes.append({QStringLiteral("ssoEndpoint"), describe(e), {}});
        }
    }
    for (const SsoEndpoint &e : after.ssoEndpoints) {
        if (!before.ssoEndpoints.contains(e)) {
            changes.append({QStringLiteral("ssoEndpoint"), {}, describe(e)});
        }
    }
    auto hasFingerprint = [](const QList<SigningCertificate> &list, const QString &fp) {
        return std::any_of(list.cbegin(), list.cend(),
                           [&](const SigningCertificate &c) { return c.sha256Fingerprint == fp; });
    };
    for (const SigningCertificate &c : before.signingCertificates) {
        if (!hasFingerprint(after.signingCertificates, c.sha256Fingerprint)) {
            changes.append({QStringLiteral("signingCertificate"), describeCertificate(c), {}});
        }
    }
    for (const SigningCertificate &c : after.signingCertificates) {
        if (!hasFingerprint(before.signingCertificates, c.sha256Fingerprint)) {
            changes.append({QStringLiteral("signingCertificate"), {}, describeCertificate(c)});
        }
    }
    return changes;
}

} // namespace atrium::core
