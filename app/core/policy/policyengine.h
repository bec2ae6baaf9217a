#pragma once

#include "core/policy/collaborationsettings.h"
#include "core/policy/crosstenantcheck.h"
#include "core/policy/domainlist.h"
#include "core/policy/policycontext.h"
#include "core/policy/policydecision.h"

#include <memory>

namespace atrium::core {

// Answers "may this operator invite this address into these groups/apps?" and "may this pending
// invitation still be redeemed?" from the current collaboration settings: pure, deterministic, no
// database. Every answer carries a trace (policydecision.h) that the console shows as "why".
//
// mayInvite checks, in this order, and stops at the first refusal:
//   allowInvitesFrom  `none` refuses everyone, administrators included. SPEC §4 says the Guest
//                     Inviter role "may invite whatever this says, except none", and the model
//                     system's "no one in the organization can invite guest users including
//                     admins" is the same reading; an admin who needs to invite changes the setting
//                     first (audited) instead of bypassing it.
//   operatorRole      who the setting admits: adminsAndGuestInviters = Global Administrator, User
//                     Administrator, Guest Inviter; adminsGuestInvitersAndAllMembers = those plus
//                     userType Member plus guests when guestUserAccess is sameAsMembers ("guests with
//                     member-level access count as members"); everyone = all of them plus every
//                     guest. Helpdesk, Security, External Identity Provider Administrator and Global
//                     Reader give no invite right (a member holding them is still a member).
//                     Owning groups/apps does not count here either.
//   memberUserType    inviting as userType Member needs Global or User Administrator.
//   targetOwnership   adding the guest to groups/apps needs ownership of all of them (owners'
//                     self-service) or Global/User Administrator; Guest Inviter alone is not enough.
//   emailAddress      a local part, an '@' (the last one) and a valid domain; the full address
//                     validator lives with the invitation service.
//   domainList        the allow/deny list; matching rules in domainlist.h (deny covers subdomains,
//                     allow is exact unless a "*." entry says otherwise, never by string suffix).
//   crossTenant       the injectable CrossTenantCheck; without one, the system default of SPEC §5
//                     (B2B collaboration allowed both ways) allows it.
// A refusal is decided by the refusing step; an allowed invitation by the last step (crossTenant).
//
// mayRedeem checks emailAddress, domainList and crossTenant, so a pending invitation whose domain
// was blocked after it was sent fails at redemption (SPEC §2).
//
// The engine does not validate its settings (CollaborationSettings::validate does, before they are
// stored): domains are taken as normalized, and the 25,000-character limit is not enforced here.
// Trace texts are translated when the engine is built; rebuild it after a language change.
class PolicyEngine final {
public:
    explicit PolicyEngine(CollaborationSettings settings = {}, CrossTenantCheck crossTenant = {});

    PolicyDecision mayInvite(const OperatorContext &op, const InviteRequest &req) const;
    PolicyDecision mayRedeem(const QString &email) const;
    // The list step only, for impact previews ("which pending guests would this list block?").
    bool domainAllowed(const QString &normalizedDomain, QString *why = nullptr) const;
    const CollaborationSettings &settings() const;

    // Rule ids of the trace steps.
    static const QString RuleAllowInvitesFrom;
    static const QString RuleOperatorRole;
    static const QString RuleMemberUserType;
    static const QString RuleTargetOwnership;
    static const QString RuleEmailAddress;
    static const QString RuleDomainList;
    static const QString RuleCrossTenant;

private:
    struct Data;
    // Immutable and shared: copying an engine is one reference count, and concurrent calls from
    // several threads only read.
    std::shared_ptr<const Data> m_d;
};

} // namespace atrium::core
