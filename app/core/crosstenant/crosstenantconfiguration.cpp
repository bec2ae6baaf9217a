#include "core/crosstenant/crosstenantconfiguration.h"

#include "core/base/domainname.h"

#include <QCoreApplication>
#include <QSet>
#include <QUuid>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::CrossTenant", s); }

bool isOutbound(CrossTenantProperty p) {
    return p == CrossTenantProperty::B2BCollaborationOutbound || p == CrossTenantProperty::B2BDirectConnectOutbound;
}

std::optional<B2BSetting> CrossTenantConfiguration::*settingMember(CrossTenantProperty p) {
    switch (p) {
    case CrossTenantProperty::B2BCollaborationInbound:
        return &CrossTenantConfiguration::b2bCollaborationInbound;
    case CrossTenantProperty::B2BCollaborationOutbound:
        return &CrossTenantConfiguration::b2bCollaborationOutbound;
    case CrossTenantProperty::B2BDirectConnectInbound:
        return &CrossTenantConfiguration::b2bDirectConnectInbound;
    case CrossTenantProperty::B2BDirectConnectOutbound:
        return &CrossTenantConfiguration::b2bDirectConnectOutbound;
    default:
        return nullptr;
    }
}

void checkTargets(const CrossTenantTargets &t, bool users, const QString &path, QList<ConfigProblem> &out) {
    if (t.targets.isEmpty()) {
        out.append({path + QStringLiteral(".targets"),
                    users ? tr("Name at least one user or group, or AllUsers.")
                          : tr("Name at least one application, or AllApplications.")});
        return;
    }
    QSet<QString> seen;
    for (qsizetype i = 0; i < t.targets.size(); ++i) {
        const CrossTenantTarget &x = t.targets.at(i);
        const QString p = path + QStringLiteral(".targets[%1]").arg(i);
        if (x.target.trimmed().isEmpty()) {
            out.append({p + QStringLiteral(".target"), tr("The target is empty.")});
            continue;
        }
        if (seen.contains(x.target)) {
            out.append({p + QStringLiteral(".target"), tr("\"%1\" is listed twice.").arg(x.target)});
        }
        seen.insert(x.target);
        if (users) {
            if (x.targetType == TargetType::application) {
                out.append({p + QStringLiteral(".targetType"),
                            tr("usersAndGroups can only name users and groups, not applications.")});
            } else if (x.target == crosstenant::AllApplications) {
                out.append({p + QStringLiteral(".target"), tr("AllApplications belongs in applications.")});
            } else if (x.target == crosstenant::AllUsers && x.targetType != TargetType::user) {
                out.append({p + QStringLiteral(".targetType"), tr("AllUsers has target type user.")});
            }
        } else {
            if (x.targetType != TargetType::application) {
                out.append({p + QStringLiteral(".targetType"), tr("applications can only name applications.")});
            } else if (x.target == crosstenant::AllUsers) {
                out.append({p + QStringLiteral(".target"), tr("AllUsers belongs in usersAndGroups.")});
            }
        }
    }
    if (t.targetsAll() && t.targets.size() > 1) {
        out.append({path + QStringLiteral(".targets"),
                    users ? tr("AllUsers cannot be combined with specific users or groups.")
                          : tr("AllApplications cannot be combined with specific applications.")});
    }
}

void checkSetting(const B2BSetting &s, CrossTenantProperty prop, bool isDefault, const QString &prefix,
                  QList<ConfigProblem> &out) {
    const QString path = prefix + propertyPath(prop);
    const qsizetype before = out.size();
    checkTargets(s.usersAndGroups, true, path + QStringLiteral(".usersAndGroups"), out);
    checkTargets(s.applications, false, path + QStringLiteral(".applications"), out);
    if (out.size() != before) {
        return; // the consistency rules need well-formed lists
    }
    const bool inbound = prop == CrossTenantProperty::B2BCollaborationInbound ||
                         prop == CrossTenantProperty::B2BDirectConnectInbound;
    if (isDefault && inbound && !s.usersAndGroups.targetsAll()) {
        out.append({path + QStringLiteral(".usersAndGroups"),
                    tr("The default inbound setting cannot target specific users or groups; use AllUsers, or "
                       "target them in a partner's settings.")});
        return;
    }
    if (isOutbound(prop) && !s.usersAndGroups.blocksAll() && s.applications.blocksAll()) {
        out.append({path + QStringLiteral(".applications"),
                    tr("Users are allowed to go outbound, so at least one application must be allowed.")});
        return;
    }
    if (s.usersAndGroups.blocksAll() && !s.applications.blocksAll()) {
        out.append({path + QStringLiteral(".applications"),
                    tr("All users are blocked, so all applications must be blocked too (AllApplications, "
                       "blocked).")});
    } else if (s.applications.blocksAll() && !s.usersAndGroups.blocksAll()) {
        out.append({path + QStringLiteral(".usersAndGroups"),
                    tr("All applications are blocked, so all users must be blocked too (AllUsers, blocked).")});
    }
}
} // namespace

bool CrossTenantTargets::targetsAll() const {
    for (const CrossTenantTarget &t : targets) {
        if (t.target == crosstenant::AllUsers || t.target == crosstenant::AllApplications) {
            return true;
        }
    }
    return false;
}

bool CrossTenantTargets::admits(const QString &id, const QStringList &groupIds) const {
    bool named = false;
    for (const CrossTenantTarget &t : targets) {
        if (t.target == crosstenant::AllUsers || t.target == crosstenant::AllApplications ||
            (t.targetType == TargetType::group ? groupIds.contains(t.target) : t.target == id)) {
            named = true;
            break;
        }
    }
    return (accessType == AccessType::allowed) == named;
}

CrossTenantTargets CrossTenantTargets::allUsers(AccessType t) {
    return {t, {{crosstenant::AllUsers, TargetType::user}}};
}

CrossTenantTargets CrossTenantTargets::allApplications(AccessType t) {
    return {t, {{crosstenant::AllApplications, TargetType::application}}};
}

B2BSetting B2BSetting::all(AccessType t) {
    return {CrossTenantTargets::allUsers(t), CrossTenantTargets::allApplications(t)};
}

CrossTenantConfiguration CrossTenantConfiguration::systemDefault() {
    CrossTenantConfiguration c;
    c.isDefault = true;
    c.b2bCollaborationInbound = B2BSetting::all(AccessType::allowed);
    c.b2bCollaborationOutbound = B2BSetting::all(AccessType::allowed);
    c.b2bDirectConnectInbound = B2BSetting::all(AccessType::blocked);
    c.b2bDirectConnectOutbound = B2BSetting::all(AccessType::blocked);
    c.inboundTrust = InboundTrust{};
    c.automaticRedemptionInbound = false;
    c.automaticRedemptionOutbound = false;
    return c;
}

CrossTenantConfiguration CrossTenantConfiguration::partner(const QString &tenantId, const QString &name,
                                                           const QStringList &domains, Cloud cloud) {
    CrossTenantConfiguration c;
    c.tenantId = tenantId;
    c.name = name;
    c.domains = domains;
    c.cloud = cloud;
    return c;
}

bool CrossTenantConfiguration::isSet(CrossTenantProperty p) const {
    switch (p) {
    case CrossTenantProperty::InboundTrust:
        return inboundTrust.has_value();
    case CrossTenantProperty::AutomaticRedemptionInbound:
        return automaticRedemptionInbound.has_value();
    case CrossTenantProperty::AutomaticRedemptionOutbound:
        return automaticRedemptionOutbound.has_value();
    default:
        return (this->*settingMember(p)).has_value();
    }
}

void CrossTenantConfiguration::inherit(CrossTenantProperty p) {
    switch (p) {
    case CrossTenantProperty::InboundTrust:
        inboundTrust.reset();
        break;
    case CrossTenantProperty::AutomaticRedemptionInbound:
        automaticRedemptionInbound.reset();
        break;
    case CrossTenantProperty::AutomaticRedemptionOutbound:
        automaticRedemptionOutbound.reset();
        break;
    default:
        (this->*settingMember(p)).reset();
    }
}

void CrossTenantConfiguration::copyFrom(CrossTenantProperty p, const CrossTenantConfiguration &source) {
    switch (p) {
    case CrossTenantProperty::InboundTrust:
        inboundTrust = source.inboundTrust;
        break;
    case CrossTenantProperty::AutomaticRedemptionInbound:
        automaticRedemptionInbound = source.automaticRedemptionInbound;
        break;
    case CrossTenantProperty::AutomaticRedemptionOutbound:
        automaticRedemptionOutbound = source.automaticRedemptionOutbound;
        break;
    default:
        this->*settingMember(p) = source.*settingMember(p);
    }
}

QString normalizeTenantId(const QString &s) {
    const QUuid id = QUuid::fromString(s.trimmed());
    if (id.isNull()) {
        return {};
    }
    return id.toString(QUuid::WithoutBraces).toLower();
}

QList<ConfigProblem> validateConfiguration(const CrossTenantConfiguration &c, const QString &prefix) {
    QList<ConfigProblem> out;
    if (c.isDefault) {
        for (CrossTenantProperty p : allCrossTenantProperties()) {
            if (!c.isSet(p)) {
                out.append({prefix + propertyPath(p), tr("The default configuration must set this property.")});
            }
        }
        if (c.automaticRedemptionInbound.value_or(false) || c.automaticRedemptionOutbound.value_or(false)) {
            out.append({prefix + QStringLiteral("automaticUserConsentSettings"),
                        tr("Automatic redemption is always off in the default configuration; turn it on for "
                           "each partner.")});
        }
    } else {
        if (normalizeTenantId(c.tenantId).isEmpty()) {
            out.append({prefix + QStringLiteral("tenantId"), tr("The tenant id must be a UUID.")});
        }
        if (c.name.trimmed().isEmpty() || c.name.size() > 256) {
            out.append({prefix + QStringLiteral("name"), tr("Give the partner a name of 1 to 256 characters.")});
        }
        QSet<QString> seen;
        for (qsizetype i = 0; i < c.domains.size(); ++i) {
            const QString p = prefix + QStringLiteral("domains[%1]").arg(i);
            auto d = normalizeDomain(c.domains.at(i));
            if (!d.ok()) {
                out.append({p, d.error().message});
            } else if (seen.contains(*d)) {
                out.append({p, tr("The domain %1 is listed twice.").arg(*d)});
            } else {
                seen.insert(*d);
            }
        }
    }
    for (CrossTenantProperty p : {CrossTenantProperty::B2BCollaborationInbound, CrossTenantProperty::B2BCollaborationOutbound,
                                  CrossTenantProperty::B2BDirectConnectInbound, CrossTenantProperty::B2BDirectConnectOutbound}) {
        if (const auto &s = c.*settingMember(p); s) {
            checkSetting(*s, p, c.isDefault, prefix, out);
        }
    }
    return out;
}

QString toString(AccessType v) {
    return v == AccessType::allowed ? QStringLiteral("allowed") : QStringLiteral("blocked");
}

QString toString(TargetType v) {
    switch (v) {
    case TargetType::user:
        return QStringLiteral("user");
    case TargetType::group:
        return QStringLiteral("group");
    case TargetType::application:
        return QStringLiteral("application");
    }
    return {};
}

QString toString(Cloud v) {
    switch (v) {
    case Cloud::global:
        return QStringLiteral("global");
    case Cloud::usgov:
        return QStringLiteral("usgov");
    case Cloud::china:
        return QStringLiteral("china");
    }
    return {};
}

QString toString(Provenance v) {
    switch (v) {
    case Provenance::Default:
        return QStringLiteral("default");
    case Provenance::Partner:
        return QStringLiteral("partner");
    case Provenance::InheritedFromDefault:
        return QStringLiteral("inheritedFromDefault");
    }
    return {};
}

QString provenanceLabel(Provenance v) {
    switch (v) {
    case Provenance::Default:
        return tr("Default");
    case Provenance::Partner:
        return tr("Partner");
    case Provenance::InheritedFromDefault:
        return tr("Inherited from default");
    }
    return {};
}

QString propertyPath(CrossTenantProperty p) {
    switch (p) {
    case CrossTenantProperty::B2BCollaborationInbound:
        return QStringLiteral("b2bCollaborationInbound");
    case CrossTenantProperty::B2BCollaborationOutbound:
        return QStringLiteral("b2bCollaborationOutbound");
    case CrossTenantProperty::B2BDirectConnectInbound:
        return QStringLiteral("b2bDirectConnectInbound");
    case CrossTenantProperty::B2BDirectConnectOutbound:
        return QStringLiteral("b2bDirectConnectOutbound");
    case CrossTenantProperty::InboundTrust:
        return QStringLiteral("inboundTrust");
    case CrossTenantProperty::AutomaticRedemptionInbound:
        return QStringLiteral("automaticUserConsentSettings.inboundAllowed");
    case CrossTenantProperty::AutomaticRedemptionOutbound:
        return QStringLiteral("automaticUserConsentSettings.outboundAllowed");
    }
    return {};
}

QString propertyLabel(CrossTenantProperty p) {
    switch (p) {
    case CrossTenantProperty::B2BCollaborationInbound:
        return tr("B2B collaboration inbound");
    case CrossTenantProperty::B2BCollaborationOutbound:
        return tr("B2B collaboration outbound");
    case CrossTenantProperty::B2BDirectConnectInbound:
        return tr("B2B direct connect inbound");
    case CrossTenantProperty::B2BDirectConnectOutbound:
        return tr("B2B direct connect outbound");
    case CrossTenantProperty::InboundTrust:
        return tr("Inbound trust");
    case CrossTenantProperty::AutomaticRedemptionInbound:
        return tr("Automatic redemption (inbound)");
    case CrossTenantProperty::AutomaticRedemptionOutbound:
        return tr("Automatic redemption (outbound)");
    }
    return {};
}

std::optional<AccessType> accessTypeFromString(const QString &s) {
    if (s == QLatin1String("allowed")) {
        return AccessType::allowed;
    }
    if (s == QLatin1String("blocked")) {
        return AccessType::blocked;
    }
    return std::nullopt;
}

std::optional<TargetType> targetTypeFromString(const QString &s) {
    for (TargetType t : {TargetType::user, TargetType::group, TargetType::application}) {
        if (s == toString(t)) {
            return t;
        }
    }
    return std::nullopt;
}

std::optional<Cloud> cloudFromString(const QString &s) {
    for (Cloud c : allClouds()) {
        if (s == toString(c)) {
            return c;
        }
    }
    return std::nullopt;
}

std::optional<CrossTenantProperty> crossTenantPropertyFromString(const QString &s) {
    for (CrossTenantProperty p : allCrossTenantProperties()) {
        if (s == propertyPath(p)) {
            return p;
        }
    }
    return std::nullopt;
}

QList<CrossTenantProperty> allCrossTenantProperties() {
    return {CrossTenantProperty::B2BCollaborationInbound, CrossTenantProperty::B2BCollaborationOutbound,
            CrossTenantProperty::B2BDirectConnectInbound, CrossTenantProperty::B2BDirectConnectOutbound,
            CrossTenantProperty::InboundTrust,            CrossTenantProperty::AutomaticRedemptionInbound,
            CrossTenantProperty::AutomaticRedemptionOutbound};
}

QList<Cloud> allClouds() { return {Cloud::global, Cloud::usgov, Cloud::china}; }

} // namespace atrium::core
