#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The cross-tenant access model of SPEC §5, named as Microsoft Graph v1.0 names it
// (crossTenantAccessPolicyConfigurationDefault / ...Partner and their parts) so that settings can be
// compared one to one and exchanged (graphjson.h).
namespace atrium::core {

enum class AccessType { allowed, blocked };
enum class TargetType { user, group, application };
enum class Cloud { global, usgov, china };

// Where an effective value came from; the console shows it next to every value.
enum class Provenance { Default, Partner, InheritedFromDefault };

// The properties a partner may leave empty (= inherited from the default). Automatic redemption is
// two properties because Graph lets a partner set inboundAllowed and leave outboundAllowed null.
enum class CrossTenantProperty {
    B2BCollaborationInbound,
    B2BCollaborationOutbound,
    B2BDirectConnectInbound,
    B2BDirectConnectOutbound,
    InboundTrust,
    AutomaticRedemptionInbound,
    AutomaticRedemptionOutbound,
};
inline constexpr int kCrossTenantPropertyCount = 7;

namespace crosstenant {
inline const QString AllUsers = QStringLiteral("AllUsers");
inline const QString AllApplications = QStringLiteral("AllApplications");
} // namespace crosstenant

struct CrossTenantTarget {
    QString target; // an object id, or AllUsers / AllApplications
    TargetType targetType = TargetType::user;
    bool operator==(const CrossTenantTarget &) const = default;
};

// crossTenantAccessPolicyTargetConfiguration: allowed or blocked, for these targets.
struct CrossTenantTargets {
    AccessType accessType = AccessType::allowed;
    QList<CrossTenantTarget> targets;

    // True when the list names AllUsers / AllApplications.
    bool targetsAll() const;
    // Whether the list admits an object: allowed lists admit what they name, blocked lists admit
    // everything else. `ids` are the object's id and (for users) its group ids.
    bool admits(const QString &id, const QStringList &groupIds = {}) const;
    bool allowsAll() const { return accessType == AccessType::allowed && targetsAll(); }
    bool blocksAll() const { return accessType == AccessType::blocked && targetsAll(); }

    static CrossTenantTargets allUsers(AccessType t);
    static CrossTenantTargets allApplications(AccessType t);
    bool operator==(const CrossTenantTargets &) const = default;
};

// crossTenantAccessPolicyB2BSetting.
struct B2BSetting {
    CrossTenantTargets usersAndGroups;
    CrossTenantTargets applications;

    static B2BSetting all(AccessType t);
    bool operator==(const B2BSetting &) const = default;
};

// crossTenantAccessPolicyInboundTrust.
struct InboundTrust {
    bool isMfaAccepted = false;
    bool isCompliantDeviceAccepted = false;
    bool isHybridAzureADJoinedDeviceAccepted = false;
    bool operator==(const InboundTrust &) const = default;
};

// The default configuration (isDefault) or one partner's. On a partner every optional left empty is
// inherited from the default; on the default all are set (systemDefault() has SPEC §5's values).
struct CrossTenantConfiguration {
    bool isDefault = false;
    // Partner identity (empty on the default). name, domains and cloud are Atrium's additions; Graph
    // has only tenantId (graphjson.h carries them as instance annotations).
    QString tenantId; // lower-case UUID without braces
    QString name;
    QStringList domains; // normalized (normalizeDomain)
    Cloud cloud = Cloud::global;
    bool isServiceProvider = false; // Graph's isServiceProvider: its users are CA "serviceProvider"

    std::optional<B2BSetting> b2bCollaborationInbound;
    std::optional<B2BSetting> b2bCollaborationOutbound;
    std::optional<B2BSetting> b2bDirectConnectInbound;
    std::optional<B2BSetting> b2bDirectConnectOutbound;
    std::optional<InboundTrust> inboundTrust;
    std::optional<bool> automaticRedemptionInbound;  // automaticUserConsentSettings.inboundAllowed
    std::optional<bool> automaticRedemptionOutbound; // automaticUserConsentSettings.outboundAllowed

    // B2B collaboration allowed both ways, direct connect blocked, no trust, no automatic redemption.
    static CrossTenantConfiguration systemDefault();
    // A partner that inherits everything.
    static CrossTenantConfiguration partner(const QString &tenantId, const QString &name,
                                            const QStringList &domains = {}, Cloud cloud = Cloud::global);

    bool isSet(CrossTenantProperty p) const;
    // "Back to default": empties the property on a partner.
    void inherit(CrossTenantProperty p);
    // "Customize": copies the property's value from `source` (normally the default) into this one.
    void copyFrom(CrossTenantProperty p, const CrossTenantConfiguration &source);

    bool operator==(const CrossTenantConfiguration &) const = default;
};

// One problem with a configuration: the property path ("b2bCollaborationInbound.applications") and
// a user-readable sentence.
struct ConfigProblem {
    QString path;
    QString message;
    bool operator==(const ConfigProblem &) const = default;
};

// Every problem with a configuration (empty = valid): the consistency rules of SPEC §5 (blocking all
// users <=> blocking all applications; outbound users allowed => at least one application allowed;
// the default's inbound cannot target specific users or groups), well-formed target lists, the
// default's read-only automatic redemption (always false, as in Graph), the partner's tenant id,
// name and domains. Paths start with `prefix` ("partners[3]." for an import).
QList<ConfigProblem> validateConfiguration(const CrossTenantConfiguration &c, const QString &prefix = {});
// Normalizes a tenant id (UUID, any case, braces allowed) to lower case without braces; empty when invalid.
QString normalizeTenantId(const QString &s);

// Stable names (Graph's spelling) and parsing.
QString toString(AccessType v);
QString toString(TargetType v);
QString toString(Cloud v);
QString toString(Provenance v); // "default", "partner", "inheritedFromDefault"
QString provenanceLabel(Provenance v); // translated: "Default", "Partner", "Inherited from default"
QString propertyPath(CrossTenantProperty p); // "b2bCollaborationInbound", "automaticUserConsentSettings.inboundAllowed"
QString propertyLabel(CrossTenantProperty p); // translated
std::optional<AccessType> accessTypeFromString(const QString &s);
std::optional<TargetType> targetTypeFromString(const QString &s);
std::optional<Cloud> cloudFromString(const QString &s);
std::optional<CrossTenantProperty> crossTenantPropertyFromString(const QString &s);
QList<CrossTenantProperty> allCrossTenantProperties();
QList<Cloud> allClouds();

} // namespace atrium::core
