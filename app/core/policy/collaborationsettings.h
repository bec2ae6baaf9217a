#pragma once

#include "core/base/enums.h"
#include "core/base/result.h"

#include <QJsonObject>
#include <QStringList>

namespace atrium::core {

// SPEC §4: "The whole policy is at most 25,000 characters", counted over the compact JSON of
// CollaborationSettings::toJson().
inline constexpr int kMaxPolicyChars = 25000;

// External collaboration settings (SPEC §4), the input of the PolicyEngine.
//
// JSON keys are the field names below and are stable (they are stored and exported):
//   guestUserAccess, allowInvitesFrom, selfServiceSignUpEnabled, allowExternalUsersToLeave,
//   restriction, domains, emailOtpEnabled
// Enum values are spelled as in SPEC ("sameAsMembers", "adminsAndGuestInviters", "denyListed", ...).
struct CollaborationSettings {
    GuestUserAccess guestUserAccess = GuestUserAccess::limited;
    AllowInvitesFrom allowInvitesFrom = AllowInvitesFrom::everyone;
    bool selfServiceSignUpEnabled = false;
    bool allowExternalUsersToLeave = true; // SPEC: only effective when privacy contact or statement is set
    CollaborationRestriction restriction = CollaborationRestriction::allowAny;
    // Normalized entries (see normalizeDomainListEntry in domainlist.h): "contoso.com" or the
    // wildcard "*.contoso.com". Allow or deny list according to `restriction`; empty for allowAny
    // (SPEC: switching mode discards the list).
    QStringList domains;
    bool emailOtpEnabled = true;

    QJsonObject toJson() const;
    // Missing keys take their defaults (older exports stay readable); wrong types, unknown enum
    // values, bad domain entries, a list under allowAny and an oversized policy are refused
    // (ErrorCode::Invalid with the JSON key in Error::field). Entries are normalized and exact
    // duplicates dropped.
    static Result<CollaborationSettings> fromJson(const QJsonObject &json);

    // Characters of the serialized policy (compact JSON of toJson()); at most kMaxPolicyChars.
    int policySize() const;
    // The rules fromJson enforces, for settings assembled in code (e.g. by the settings dialog).
    Status validate() const;

    // "Allow external users to remove themselves" only takes effect when the directory has a
    // privacy contact or privacy statement (SPEC §4): a guest must know whom to ask about their data.
    bool leaveEffective(bool hasPrivacyContactOrStatement) const {
        return allowExternalUsersToLeave && hasPrivacyContactOrStatement;
    }

    friend bool operator==(const CollaborationSettings &, const CollaborationSettings &) = default;
};

} // namespace atrium::core
