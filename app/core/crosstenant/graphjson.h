#pragma once

#include "core/base/result.h"
#include "core/crosstenant/crosstenantconfiguration.h"

#include <QJsonObject>

namespace atrium::core {

// What an interchange file holds: the default, partners and the enabled clouds, each optional.
struct CrossTenantDocument {
    std::optional<CrossTenantConfiguration> defaultConfiguration;
    QList<CrossTenantConfiguration> partners;
    std::optional<QList<Cloud>> enabledClouds; // other clouds enabled besides our own (global)
};

// A parsed file: the document, every problem (path + message; any problem refuses the whole file)
// and warnings (Graph properties Atrium does not model, which are skipped).
struct CrossTenantImport {
    CrossTenantDocument document;
    QList<ConfigProblem> problems;
    QList<ConfigProblem> warnings;
    bool ok() const { return problems.isEmpty(); }
};

// Microsoft Graph v1.0 JSON for cross-tenant access settings.
//
// Shapes: crossTenantAccessPolicyConfigurationDefault and ...Partner with b2bCollaborationInbound /
// Outbound, b2bDirectConnectInbound / Outbound (crossTenantAccessPolicyB2BSetting: usersAndGroups
// and applications, each {accessType, targets: [{target, targetType}]}), inboundTrust and
// automaticUserConsentSettings {inboundAllowed, outboundAllowed}. On a partner, null (or an absent
// property) means "inherited from default". Atrium's partner name, domains and cloud are OData
// instance annotations ("@atrium.name", "@atrium.domains", "@atrium.cloud"), which Graph clients
// ignore, so a file stays a valid Graph payload. The other clouds map to Graph's
// allowedCloudEndpoints ("microsoftonline.us" = usgov, "partner.microsoftonline.cn" = china).
//
// A file is one of:
//   {"@odata.type": "#microsoft.graph.crossTenantAccessPolicy", "allowedCloudEndpoints": [...],
//    "default": {...}, "partners": [{...}, ...]}            (what export writes; $expand-like)
//   a single default or partner object                      (GET .../default, GET .../partners/{id})
//   {"value": [partner, ...]}                               (GET .../partners)
// Unknown enum values, wrong JSON types and broken consistency rules are problems; Graph properties
// Atrium does not model (tenantRestrictions, identitySynchronization, ...) are warnings.
class GraphJson final {
public:
    static QJsonObject toJson(const CrossTenantTargets &t);
    static QJsonObject toJson(const B2BSetting &s);
    static QJsonObject toJson(const InboundTrust &t);
    static QJsonObject toJson(const CrossTenantConfiguration &c);
    static QJsonObject toJson(const CrossTenantDocument &d);

    // Parses and validates (validateConfiguration, duplicate tenant ids and domains in the file).
    static CrossTenantImport parse(const QByteArray &json);
    static CrossTenantImport parse(const QJsonObject &root);
    // One configuration (storage and tests); problems are joined into one Invalid error whose
    // field is the first problem's path. `validate` false: only the JSON shape is checked (rows the
    // service wrote, already validated, loaded in bulk).
    static Result<CrossTenantConfiguration> configurationFromJson(const QJsonObject &o, bool isDefault,
                                                                  bool validate = true);

    static QString cloudEndpoint(Cloud c); // "" for global
    static std::optional<Cloud> cloudFromEndpoint(const QString &endpoint);
};

} // namespace atrium::core
