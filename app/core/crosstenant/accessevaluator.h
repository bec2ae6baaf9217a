#pragma once

#include "core/crosstenant/crosstenantsnapshot.h"

#include <QJsonObject>
#include <QVarLengthArray>

namespace atrium::core {

enum class AccessDirection { inbound, outbound };
enum class CollaborationKind { b2bCollaboration, b2bDirectConnect };

// "What happens when this user signs in to this app?"
//   inbound:  an external user (home tenant = homeTenantId) signs in to one of OUR applications;
//             our inbound settings for that tenant, our conditional access and inbound trust apply.
//   outbound: one of OUR users (userId, groupIds) goes to an application of tenant homeTenantId;
//             our outbound settings apply. The partner's own inbound settings and MFA are decided in
//             the partner's tenant, which Atrium cannot see.
struct AccessRequest {
    AccessDirection direction = AccessDirection::inbound;
    CollaborationKind kind = CollaborationKind::b2bCollaboration;
    QString userId;
    ExternalUserType userType = ExternalUserType::b2bCollaborationGuest;
    QString homeTenantId; // the other tenant; empty for guests without one (passcode, Google, ...)
    Cloud homeCloud = Cloud::global; // the other tenant's cloud when it is not a partner
    QStringList groupIds;
    QString applicationId;
    bool fromPartnerDirectory = true; // authenticated at an Entra-style directory of homeTenantId
    bool mfaClaim = false;            // the sign-in carries the home directory's MFA claim
    bool compliantDeviceClaim = false;
    bool hybridJoinedDeviceClaim = false;
    // The other side of automatic redemption (SPEC §2: both sides must allow it): for inbound, the
    // home tenant's outbound setting; for outbound, the resource tenant's inbound setting. Atrium
    // cannot read another tenant's settings, so the caller says what the other side declared.
    bool otherSideAllowsAutomaticRedemption = false;
};

enum class BlockedBy : quint8 { none, cloudNotEnabled, cloudNotPartner, usersAndGroups, applications, conditionalAccess };
enum class MfaOutcome : quint8 { notRequired, requiredHere, satisfiedByPartner };

// A setting that played a part in a decision.
enum class SettingPart : quint8 { whole, usersAndGroups, applications, mfaTrust, deviceTrust };
struct SettingUse {
    CrossTenantProperty property;
    SettingPart part;
    Provenance provenance;
    bool passed; // for target lists: admitted; for trust/automatic redemption: the value
};
struct PolicyUse {
    int index;     // into CrossTenantSnapshot::policies()
    bool enforced; // false: report-only
};

// The decision, compact (no strings, no heap for typical cases) so that deciding stays fast;
// AccessEvaluator::explain turns it into the what-if answer.
struct AccessDecision {
    bool allowed = false;
    BlockedBy blockedBy = BlockedBy::none;
    bool consentPromptShown = true;
    MfaOutcome mfa = MfaOutcome::notRequired;
    bool termsOfUseRequired = false;
    Cloud cloud = Cloud::global;
    const CrossTenantSnapshot::Partner *partner = nullptr; // null: the default applied
    QVarLengthArray<SettingUse, 8> settings;
    QVarLengthArray<PolicyUse, 4> policies;
};

class AccessEvaluator final {
public:
    // Pure and thread-safe. Order: cloud (a tenant in another cloud needs that cloud enabled and a
    // partner entry), usersAndGroups, applications, then (inbound) conditional access (enforced
    // block refuses; mfa / terms of use add requirements; report-only is recorded only),
    // automatic redemption (consent suppressed only when our setting AND the other side allow it),
    // and MFA: required here unless the user came from a partner directory whose MFA our inbound
    // trust accepts and the sign-in carries an MFA claim.
    static AccessDecision decide(const CrossTenantSnapshot &s, const AccessRequest &r);
    // The what-if answer: the decision, a sentence, every setting that played a part with its value
    // and provenance, and the conditional access policies that applied.
    static QJsonObject explain(const CrossTenantSnapshot &s, const AccessRequest &r, const AccessDecision &d);
    static QString reason(const AccessDecision &d); // translated sentence
};

QString toString(BlockedBy b);
QString toString(MfaOutcome m);
QString toString(AccessDirection d);
std::optional<AccessDirection> accessDirectionFromString(const QString &s);

} // namespace atrium::core
