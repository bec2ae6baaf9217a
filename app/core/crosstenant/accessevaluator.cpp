#include "core/crosstenant/accessevaluator.h"

#include "core/crosstenant/graphjson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::AccessEvaluator", s); }

CrossTenantProperty settingFor(const AccessRequest &r) {
    const bool in = r.direction == AccessDirection::inbound;
    if (r.kind == CollaborationKind::b2bCollaboration) {
        return in ? CrossTenantProperty::B2BCollaborationInbound : CrossTenantProperty::B2BCollaborationOutbound;
    }
    return in ? CrossTenantProperty::B2BDirectConnectInbound : CrossTenantProperty::B2BDirectConnectOutbound;
}

QString partPath(const SettingUse &u) {
    switch (u.part) {
    case SettingPart::usersAndGroups:
        return propertyPath(u.property) + QStringLiteral(".usersAndGroups");
    case SettingPart::applications:
        return propertyPath(u.property) + QStringLiteral(".applications");
    case SettingPart::mfaTrust:
        return QStringLiteral("inboundTrust.isMfaAccepted");
    case SettingPart::deviceTrust:
        return QStringLiteral("inboundTrust.isCompliantDeviceAccepted");
    case SettingPart::whole:
        break;
    }
    return propertyPath(u.property);
}
} // namespace

AccessDecision AccessEvaluator::decide(const CrossTenantSnapshot &s, const AccessRequest &r) {
    AccessDecision d;
    const bool inbound = r.direction == AccessDirection::inbound;
    d.partner = r.homeTenantId.isEmpty() ? nullptr : s.partnerByTenant(r.homeTenantId);
    d.cloud = d.partner ? d.partner->config.cloud : r.homeCloud;
    if (!s.cloudEnabled(d.cloud)) {
        d.blockedBy = BlockedBy::cloudNotEnabled;
        return d;
    }
    if (d.cloud != Cloud::global && !d.partner) {
        d.blockedBy = BlockedBy::cloudNotPartner;
        return d;
    }
    const EffectiveConfiguration &e = d.partner ? d.partner->effective : s.defaultEffective();
    const CrossTenantProperty prop = settingFor(r);
    const Resolved<B2BSetting> &setting = e.setting(prop);
    const bool usersOk = setting.value.usersAndGroups.admits(r.userId, r.groupIds);
    d.settings.append({prop, SettingPart::usersAndGroups, setting.provenance, usersOk});
    if (!usersOk) {
        d.blockedBy = BlockedBy::usersAndGroups;
        return d;
    }
    const bool appsOk = setting.value.applications.admits(r.applicationId);
    d.settings.append({prop, SettingPart::applications, setting.provenance, appsOk});
    if (!appsOk) {
        d.blockedBy = BlockedBy::applications;
        return d;
    }

    quint32 grant = 0;
    if (inbound) {
        const QList<ConditionalAccessPolicy> &policies = s.policies();
        for (qsizetype i = 0; i < policies.size(); ++i) {
            const ConditionalAccessPolicy &p = policies.at(i);
            if (!p.appliesTo(r.userId, r.userType, r.homeTenantId, r.applicationId)) {
                continue;
            }
            const bool enforced = p.state == ConditionalAccessState::enabled;
            d.policies.append({int(i), enforced});
            if (enforced) {
                grant |= p.grant;
            }
        }
        if (grant & cagrant::Block) {
            d.blockedBy = BlockedBy::conditionalAccess;
            return d;
        }
    }
    d.allowed = true;

    const Resolved<bool> &auto_ = inbound ? e.automaticRedemptionInbound : e.automaticRedemptionOutbound;
    d.settings.append({inbound ? CrossTenantProperty::AutomaticRedemptionInbound : CrossTenantProperty::AutomaticRedemptionOutbound,
                       SettingPart::whole, auto_.provenance, auto_.value});
    d.consentPromptShown = !(auto_.value && r.otherSideAllowsAutomaticRedemption);

    d.termsOfUseRequired = grant & cagrant::TermsOfUse;
    if (grant & cagrant::Mfa) {
        const bool trusted = e.inboundTrust.value.isMfaAccepted;
        d.settings.append({CrossTenantProperty::InboundTrust, SettingPart::mfaTrust, e.inboundTrust.provenance, trusted});
        d.mfa = (trusted && r.mfaClaim && r.fromPartnerDirectory && !r.homeTenantId.isEmpty())
                    ? MfaOutcome::satisfiedByPartner
                    : MfaOutcome::requiredHere;
    }
    return d;
}

QString AccessEvaluator::reason(const AccessDecision &d) {
    switch (d.blockedBy) {
    case BlockedBy::cloudNotEnabled:
        return tr("Blocked: the %1 cloud is not enabled in cross-tenant access settings.").arg(toString(d.cloud));
    case BlockedBy::cloudNotPartner:
        return tr("Blocked: tenants in the %1 cloud are blocked until they are added as partners.").arg(toString(d.cloud));
    case BlockedBy::usersAndGroups:
        return tr("Blocked: the cross-tenant access settings do not admit this user.");
    case BlockedBy::applications:
        return tr("Blocked: the cross-tenant access settings do not admit this application.");
    case BlockedBy::conditionalAccess:
        return tr("Blocked by a conditional access policy.");
    case BlockedBy::none:
        break;
    }
    QString text = tr("Allowed.");
    switch (d.mfa) {
    case MfaOutcome::requiredHere:
        text += QLatin1Char(' ') + tr("The user must do MFA here.");
        break;
    case MfaOutcome::satisfiedByPartner:
        text += QLatin1Char(' ') + tr("MFA is satisfied by the trusted MFA claim of the user's home directory.");
        break;
    case MfaOutcome::notRequired:
        break;
    }
    if (d.termsOfUseRequired) {
        text += QLatin1Char(' ') + tr("The user must accept the terms of use.");
    }
    text += QLatin1Char(' ') + (d.consentPromptShown ? tr("The consent prompt is shown.")
                                                     : tr("The consent prompt is suppressed (automatic redemption)."));
    return text;
}

QJsonObject AccessEvaluator::explain(const CrossTenantSnapshot &s, const AccessRequest &r, const AccessDecision &d) {
    const EffectiveConfiguration &e = d.partner ? d.partner->effective : s.defaultEffective();
    QJsonArray settings;
    QJsonObject cloud{{QStringLiteral("property"), QStringLiteral("clouds")},
                      {QStringLiteral("value"), toString(d.cloud)},
                      {QStringLiteral("provenance"), toString(Provenance::Default)},
                      {QStringLiteral("provenanceLabel"), provenanceLabel(Provenance::Default)},
                      {QStringLiteral("passed"), d.blockedBy != BlockedBy::cloudNotEnabled && d.blockedBy != BlockedBy::cloudNotPartner}};
    settings.append(cloud);
    for (const SettingUse &u : d.settings) {
        QJsonValue value;
        QString explanation;
        switch (u.part) {
        case SettingPart::usersAndGroups:
            value = GraphJson::toJson(e.setting(u.property).value.usersAndGroups);
            explanation = u.passed ? tr("admits the user") : tr("does not admit the user");
            break;
        case SettingPart::applications:
            value = GraphJson::toJson(e.setting(u.property).value.applications);
            explanation = u.passed ? tr("admits the application") : tr("does not admit the application");
            break;
        case SettingPart::mfaTrust:
            value = u.passed;
            explanation = u.passed ? (r.mfaClaim ? tr("the home directory's MFA claim is trusted")
                                                 : tr("MFA claims are trusted, but the sign-in carries none"))
                                   : tr("MFA claims from the home directory are not trusted");
            break;
        case SettingPart::deviceTrust:
        case SettingPart::whole:
            value = u.passed;
            explanation = u.passed ? (r.otherSideAllowsAutomaticRedemption
                                          ? tr("allowed here and by the other tenant")
                                          : tr("allowed here, but the other tenant does not allow it"))
                                   : tr("not allowed here");
            break;
        }
        settings.append(QJsonObject{{QStringLiteral("property"), partPath(u)},
                                    {QStringLiteral("value"), value},
                                    {QStringLiteral("provenance"), toString(u.provenance)},
                                    {QStringLiteral("provenanceLabel"), provenanceLabel(u.provenance)},
                                    {QStringLiteral("passed"), u.passed},
                                    {QStringLiteral("explanation"), explanation}});
    }
    if (r.direction == AccessDirection::inbound && d.allowed &&
        (r.compliantDeviceClaim || r.hybridJoinedDeviceClaim)) {
        settings.append(QJsonObject{
            {QStringLiteral("property"), QStringLiteral("inboundTrust")},
            {QStringLiteral("value"), GraphJson::toJson(e.inboundTrust.value)},
            {QStringLiteral("provenance"), toString(e.inboundTrust.provenance)},
            {QStringLiteral("provenanceLabel"), provenanceLabel(e.inboundTrust.provenance)},
            {QStringLiteral("passed"), (r.compliantDeviceClaim && e.inboundTrust.value.isCompliantDeviceAccepted) ||
                                           (r.hybridJoinedDeviceClaim && e.inboundTrust.value.isHybridAzureADJoinedDeviceAccepted)},
            {QStringLiteral("explanation"), tr("device claims from the home directory")}});
    }
    QJsonArray policies;
    for (const PolicyUse &u : d.policies) {
        const ConditionalAccessPolicy &p = s.policies().at(u.index);
        QJsonArray grant;
        if (p.grant & cagrant::Block) {
            grant.append(QStringLiteral("block"));
        }
        if (p.grant & cagrant::Mfa) {
            grant.append(QStringLiteral("mfa"));
        }
        if (p.grant & cagrant::TermsOfUse) {
            grant.append(QStringLiteral("termsOfUse"));
        }
        policies.append(QJsonObject{{QStringLiteral("id"), p.id},
                                    {QStringLiteral("displayName"), p.displayName},
                                    {QStringLiteral("state"), toString(p.state)},
                                    {QStringLiteral("enforced"), u.enforced},
                                    {QStringLiteral("grant"), grant}});
    }
    QJsonObject partner;
    if (d.partner) {
        partner = {{QStringLiteral("tenantId"), d.partner->config.tenantId},
                   {QStringLiteral("name"), d.partner->config.name},
                   {QStringLiteral("cloud"), toString(d.partner->config.cloud)}};
    }
    return {{QStringLiteral("allowed"), d.allowed},
            {QStringLiteral("blockedBy"), toString(d.blockedBy)},
            {QStringLiteral("reason"), reason(d)},
            {QStringLiteral("consentPrompt"), d.consentPromptShown ? QStringLiteral("shown") : QStringLiteral("suppressed")},
            {QStringLiteral("mfa"), toString(d.mfa)},
            {QStringLiteral("termsOfUseRequired"), d.termsOfUseRequired},
            {QStringLiteral("direction"), toString(r.direction)},
            {QStringLiteral("kind"), r.kind == CollaborationKind::b2bCollaboration ? QStringLiteral("b2bCollaboration")
                                                                                   : QStringLiteral("b2bDirectConnect")},
            {QStringLiteral("userId"), r.userId},
            {QStringLiteral("userType"), toString(r.userType)},
            {QStringLiteral("homeTenantId"), r.homeTenantId},
            {QStringLiteral("applicationId"), r.applicationId},
            {QStringLiteral("partner"), d.partner ? QJsonValue(partner) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("settings"), settings},
            {QStringLiteral("conditionalAccess"), policies}};
}

QString toString(BlockedBy b) {
    switch (b) {
    case BlockedBy::none:
        return QStringLiteral("none");
    case BlockedBy::cloudNotEnabled:
        return QStringLiteral("cloudNotEnabled");
    case BlockedBy::cloudNotPartner:
        return QStringLiteral("cloudNotPartner");
    case BlockedBy::usersAndGroups:
        return QStringLiteral("usersAndGroups");
    case BlockedBy::applications:
        return QStringLiteral("applications");
    case BlockedBy::conditionalAccess:
        return QStringLiteral("conditionalAccess");
    }
    return {};
}

QString toString(MfaOutcome m) {
    switch (m) {
    case MfaOutcome::notRequired:
        return QStringLiteral("notRequired");
    case MfaOutcome::requiredHere:
        return QStringLiteral("requiredHere");
    case MfaOutcome::satisfiedByPartner:
        return QStringLiteral("satisfiedByPartner");
    }
    return {};
}

QString toString(AccessDirection d) {
    return d == AccessDirection::inbound ? QStringLiteral("inbound") : QStringLiteral("outbound");
}

std::optional<AccessDirection> accessDirectionFromString(const QString &s) {
    if (s == QLatin1String("inbound")) {
        return AccessDirection::inbound;
    }
    if (s == QLatin1String("outbound")) {
        return AccessDirection::outbound;
    }
    return std::nullopt;
}

} // namespace atrium::core
