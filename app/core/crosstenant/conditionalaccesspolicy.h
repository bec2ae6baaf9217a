#pragma once

#include "core/base/result.h"
#include "core/crosstenant/crosstenantconfiguration.h"

#include <QJsonObject>

namespace atrium::core {

// Guest and external user types of Graph's conditionalAccessGuestsOrExternalUsers (SPEC §9).
enum class ExternalUserType : quint8 {
    internalGuest = 0,
    b2bCollaborationGuest,
    b2bCollaborationMember,
    b2bDirectConnectUser,
    otherExternalUser,
    serviceProvider,
};
inline constexpr quint32 userTypeBit(ExternalUserType t) { return 1u << quint32(t); }
QString toString(ExternalUserType t);
std::optional<ExternalUserType> externalUserTypeFromString(const QString &s);
QList<ExternalUserType> allExternalUserTypes();

enum class ConditionalAccessState { enabled, disabled, reportOnly };
QString toString(ConditionalAccessState s); // Graph: enabled, disabled, enabledForReportingButNotEnforced

namespace cagrant {
inline constexpr quint32 Block = 1;
inline constexpr quint32 Mfa = 2;
inline constexpr quint32 TermsOfUse = 4;
} // namespace cagrant

// A conditional access policy for guests (SPEC §9), in the subset of Graph's conditionalAccessPolicy
// that concerns guests: who (guest/external user types from all or listed external tenants, or
// specific users), which applications (all or listed), and the grant (block, or require MFA and/or
// terms of use). A report-only policy is evaluated and reported but never enforced.
struct ConditionalAccessPolicy {
    QString id;
    QString displayName;
    ConditionalAccessState state = ConditionalAccessState::enabled;
    quint32 guestOrExternalUserTypes = 0; // userTypeBit() flags
    bool allExternalTenants = true;
    QStringList externalTenants; // tenant ids when !allExternalTenants
    QStringList includeUsers;    // specific user ids
    bool allApplications = false;
    QStringList applications;
    quint32 grant = 0; // cagrant flags; Block excludes the others
    QStringList termsOfUse; // terms of use ids when TermsOfUse
    qint64 rowVersion = 0;

    // Who and what it applies to; `homeTenantId` is empty for users without one (internal guests,
    // passcode guests). External tenant scoping does not apply to internalGuest (as in Graph).
    bool appliesTo(const QString &userId, ExternalUserType type, const QString &homeTenantId,
                   const QString &applicationId) const;

    QList<ConfigProblem> validate() const;
    // Graph's conditionalAccessPolicy shape: {id, displayName, state, conditions: {users:
    // {includeUsers, includeGuestsOrExternalUsers: {guestOrExternalUserTypes: "a,b", externalTenants:
    // {membershipKind: all|enumerated, members}}}, applications: {includeApplications: ["All"|ids]}},
    // grantControls: {operator: "OR", builtInControls: ["block"|"mfa"], termsOfUse: [ids]}}.
    QJsonObject toJson() const;
    static Result<ConditionalAccessPolicy> fromJson(const QJsonObject &o);
    bool operator==(const ConditionalAccessPolicy &) const = default;
};

} // namespace atrium::core
