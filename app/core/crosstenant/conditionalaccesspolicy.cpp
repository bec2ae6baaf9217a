#include "core/crosstenant/conditionalaccesspolicy.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::ConditionalAccessPolicy", s); }

const QString kReportOnly = QStringLiteral("enabledForReportingButNotEnforced");

QStringList strings(const QJsonValue &v, const QString &path, QList<ConfigProblem> &problems) {
    QStringList out;
    if (v.isUndefined() || v.isNull()) {
        return out;
    }
    if (!v.isArray()) {
        problems.append({path, tr("Expected an array of strings.")});
        return out;
    }
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString()) {
            problems.append({path + QStringLiteral("[%1]").arg(i), tr("Expected a string.")});
        } else {
            out << a.at(i).toString();
        }
    }
    return out;
}
} // namespace

QString toString(ExternalUserType t) {
    switch (t) {
    case ExternalUserType::internalGuest:
        return QStringLiteral("internalGuest");
    case ExternalUserType::b2bCollaborationGuest:
        return QStringLiteral("b2bCollaborationGuest");
    case ExternalUserType::b2bCollaborationMember:
        return QStringLiteral("b2bCollaborationMember");
    case ExternalUserType::b2bDirectConnectUser:
        return QStringLiteral("b2bDirectConnectUser");
    case ExternalUserType::otherExternalUser:
        return QStringLiteral("otherExternalUser");
    case ExternalUserType::serviceProvider:
        return QStringLiteral("serviceProvider");
    }
    return {};
}

std::optional<ExternalUserType> externalUserTypeFromString(const QString &s) {
    for (ExternalUserType t : allExternalUserTypes()) {
        if (s == toString(t)) {
            return t;
        }
    }
    return std::nullopt;
}

QList<ExternalUserType> allExternalUserTypes() {
    return {ExternalUserType::internalGuest,        ExternalUserType::b2bCollaborationGuest,
            ExternalUserType::b2bCollaborationMember, ExternalUserType::b2bDirectConnectUser,
            ExternalUserType::otherExternalUser,    ExternalUserType::serviceProvider};
}

QString toString(ConditionalAccessState s) {
    switch (s) {
    case ConditionalAccessState::enabled:
        return QStringLiteral("enabled");
    case ConditionalAccessState::disabled:
        return QStringLiteral("disabled");
    case ConditionalAccessState::reportOnly:
        return kReportOnly;
    }
    return {};
}

bool ConditionalAccessPolicy::appliesTo(const QString &userId, ExternalUserType type, const QString &homeTenantId,
                                        const QString &applicationId) const {
    if (state == ConditionalAccessState::disabled) {
        return false;
    }
    if (!allApplications && !applications.contains(applicationId)) {
        return false;
    }
    if (!userId.isEmpty() && includeUsers.contains(userId)) {
        return true;
    }
    if (!(guestOrExternalUserTypes & userTypeBit(type))) {
        return false;
    }
    return type == ExternalUserType::internalGuest || allExternalTenants || externalTenants.contains(homeTenantId);
}

QList<ConfigProblem> ConditionalAccessPolicy::validate() const {
    QList<ConfigProblem> out;
    if (displayName.trimmed().isEmpty() || displayName.size() > 256) {
        out.append({QStringLiteral("displayName"), tr("Give the policy a name of 1 to 256 characters.")});
    }
    if (guestOrExternalUserTypes == 0 && includeUsers.isEmpty()) {
        out.append({QStringLiteral("conditions.users"),
                    tr("Choose at least one guest or external user type, or specific users.")});
    }
    if (guestOrExternalUserTypes >= (1u << allExternalUserTypes().size())) {
        out.append({QStringLiteral("conditions.users.includeGuestsOrExternalUsers.guestOrExternalUserTypes"),
                    tr("Unknown guest or external user type.")});
    }
    if (!allExternalTenants) {
        if (externalTenants.isEmpty()) {
            out.append({QStringLiteral("conditions.users.includeGuestsOrExternalUsers.externalTenants.members"),
                        tr("List at least one external tenant, or choose all external tenants.")});
        }
        for (qsizetype i = 0; i < externalTenants.size(); ++i) {
            if (normalizeTenantId(externalTenants.at(i)).isEmpty()) {
                out.append({QStringLiteral("conditions.users.includeGuestsOrExternalUsers.externalTenants.members[%1]")
                                .arg(i),
                            tr("\"%1\" is not a tenant id (UUID).").arg(externalTenants.at(i))});
            }
        }
    }
    if (!allApplications && applications.isEmpty()) {
        out.append({QStringLiteral("conditions.applications.includeApplications"),
                    tr("Choose all applications or at least one application.")});
    }
    if (grant == 0) {
        out.append({QStringLiteral("grantControls"), tr("Choose block, or require MFA and/or terms of use.")});
    } else if ((grant & cagrant::Block) && grant != cagrant::Block) {
        out.append({QStringLiteral("grantControls.builtInControls"),
                    tr("Block cannot be combined with other controls.")});
    }
    if ((grant & cagrant::TermsOfUse) && termsOfUse.isEmpty()) {
        out.append({QStringLiteral("grantControls.termsOfUse"), tr("Name the terms of use to accept.")});
    }
    return out;
}

QJsonObject ConditionalAccessPolicy::toJson() const {
    QStringList types;
    for (ExternalUserType t : allExternalUserTypes()) {
        if (guestOrExternalUserTypes & userTypeBit(t)) {
            types << toString(t);
        }
    }
    QJsonObject users{{QStringLiteral("includeUsers"), QJsonArray::fromStringList(includeUsers)}};
    if (guestOrExternalUserTypes) {
        QJsonObject tenants =
            allExternalTenants
                ? QJsonObject{{QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.conditionalAccessAllExternalTenants")},
                              {QStringLiteral("membershipKind"), QStringLiteral("all")}}
                : QJsonObject{{QStringLiteral("@odata.type"),
                               QStringLiteral("#microsoft.graph.conditionalAccessEnumeratedExternalTenants")},
                              {QStringLiteral("membershipKind"), QStringLiteral("enumerated")},
                              {QStringLiteral("members"), QJsonArray::fromStringList(externalTenants)}};
        users.insert(QStringLiteral("includeGuestsOrExternalUsers"),
                     QJsonObject{{QStringLiteral("guestOrExternalUserTypes"), types.join(QLatin1Char(','))},
                                 {QStringLiteral("externalTenants"), tenants}});
    }
    QJsonArray controls;
    if (grant & cagrant::Block) {
        controls.append(QStringLiteral("block"));
    }
    if (grant & cagrant::Mfa) {
        controls.append(QStringLiteral("mfa"));
    }
    return {{QStringLiteral("id"), id},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("state"), toString(state)},
            {QStringLiteral("conditions"),
             QJsonObject{{QStringLiteral("users"), users},
                         {QStringLiteral("applications"),
                          QJsonObject{{QStringLiteral("includeApplications"),
                                       allApplications ? QJsonArray{QStringLiteral("All")}
                                                       : QJsonArray::fromStringList(applications)}}}}},
            {QStringLiteral("grantControls"),
             QJsonObject{{QStringLiteral("operator"), QStringLiteral("OR")},
                         {QStringLiteral("builtInControls"), controls},
                         {QStringLiteral("termsOfUse"), QJsonArray::fromStringList(termsOfUse)}}}};
}

Result<ConditionalAccessPolicy> ConditionalAccessPolicy::fromJson(const QJsonObject &o) {
    QList<ConfigProblem> problems;
    ConditionalAccessPolicy p;
    p.id = o.value(QStringLiteral("id")).toString();
    if (!o.value(QStringLiteral("displayName")).isString()) {
        problems.append({QStringLiteral("displayName"), tr("Expected a string.")});
    }
    p.displayName = o.value(QStringLiteral("displayName")).toString().trimmed();
    const QString state = o.value(QStringLiteral("state")).toString();
    if (state == QLatin1String("enabled")) {
        p.state = ConditionalAccessState::enabled;
    } else if (state == QLatin1String("disabled")) {
        p.state = ConditionalAccessState::disabled;
    } else if (state == kReportOnly || state == QLatin1String("reportOnly")) {
        p.state = ConditionalAccessState::reportOnly;
    } else {
        problems.append({QStringLiteral("state"),
                         tr("Unknown state \"%1\"; use enabled, disabled or %2.").arg(state, kReportOnly)});
    }
    const QJsonObject conditions = o.value(QStringLiteral("conditions")).toObject();
    const QJsonObject users = conditions.value(QStringLiteral("users")).toObject();
    p.includeUsers = strings(users.value(QStringLiteral("includeUsers")), QStringLiteral("conditions.users.includeUsers"), problems);
    const QJsonValue guests = users.value(QStringLiteral("includeGuestsOrExternalUsers"));
    if (guests.isObject()) {
        const QJsonObject g = guests.toObject();
        const QString base = QStringLiteral("conditions.users.includeGuestsOrExternalUsers");
        const QJsonValue typesValue = g.value(QStringLiteral("guestOrExternalUserTypes"));
        if (!typesValue.isString()) {
            problems.append({base + QStringLiteral(".guestOrExternalUserTypes"),
                             tr("Expected a comma-separated string of user types.")});
        }
        for (const QString &t : typesValue.toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (auto type = externalUserTypeFromString(t.trimmed())) {
                p.guestOrExternalUserTypes |= userTypeBit(*type);
            } else {
                problems.append({base + QStringLiteral(".guestOrExternalUserTypes"),
                                 tr("Unknown guest or external user type \"%1\".").arg(t.trimmed())});
            }
        }
        const QJsonObject tenants = g.value(QStringLiteral("externalTenants")).toObject();
        const QString kind = tenants.value(QStringLiteral("membershipKind")).toString(QStringLiteral("all"));
        if (kind == QLatin1String("all")) {
            p.allExternalTenants = true;
        } else if (kind == QLatin1String("enumerated")) {
            p.allExternalTenants = false;
            const QStringList members = strings(tenants.value(QStringLiteral("members")),
                                                base + QStringLiteral(".externalTenants.members"), problems);
            for (const QString &m : members) {
                const QString n = normalizeTenantId(m);
                p.externalTenants << (n.isEmpty() ? m : n);
            }
        } else {
            problems.append({base + QStringLiteral(".externalTenants.membershipKind"),
                             tr("Unknown membership kind \"%1\"; use all or enumerated.").arg(kind)});
        }
    } else if (!guests.isUndefined() && !guests.isNull()) {
        problems.append({QStringLiteral("conditions.users.includeGuestsOrExternalUsers"), tr("Expected an object.")});
    }
    const QStringList apps = strings(conditions.value(QStringLiteral("applications")).toObject().value(QStringLiteral("includeApplications")),
                                     QStringLiteral("conditions.applications.includeApplications"), problems);
    p.allApplications = apps.contains(QStringLiteral("All"));
    if (!p.allApplications) {
        p.applications = apps;
    }
    const QJsonObject grant = o.value(QStringLiteral("grantControls")).toObject();
    for (const QString &c :
         strings(grant.value(QStringLiteral("builtInControls")), QStringLiteral("grantControls.builtInControls"), problems)) {
        if (c == QLatin1String("block")) {
            p.grant |= cagrant::Block;
        } else if (c == QLatin1String("mfa")) {
            p.grant |= cagrant::Mfa;
        } else {
            problems.append({QStringLiteral("grantControls.builtInControls"),
                             tr("Unknown control \"%1\"; use block or mfa.").arg(c)});
        }
    }
    p.termsOfUse = strings(grant.value(QStringLiteral("termsOfUse")), QStringLiteral("grantControls.termsOfUse"), problems);
    if (!p.termsOfUse.isEmpty()) {
        p.grant |= cagrant::TermsOfUse;
    }
    if (problems.isEmpty()) {
        problems = p.validate();
    }
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const ConfigProblem &x : problems) {
            lines << x.path + QStringLiteral(": ") + x.message;
        }
        return Error::invalid(lines.join(QLatin1Char('\n')), problems.first().path);
    }
    return p;
}

} // namespace atrium::core
