#pragma once

#include "core/crosstenant/crosstenantsnapshot.h"
#include "core/policy/crosstenantcheck.h"

#include <memory>

namespace atrium::core {

// The cross-tenant step of the policy engine (PolicyEngine's "crossTenant" rule), built from a
// snapshot. What it decides, for an invitation (and again at redemption):
//   - The email domain is mapped to a partner by its domains (exact, or a parent domain:
//     "sales.contoso.com" belongs to the partner owning "contoso.com"). No partner: the default.
//   - A partner whose cloud is not enabled is refused (SPEC §5: other clouds are blocked).
//   - The effective b2bCollaborationInbound decides, with the invitee taken as "a user of that
//     tenant" whose object id and groups are not known yet: it passes only when usersAndGroups
//     admits AllUsers, i.e. "allowed" with AllUsers, or "blocked" for specific users/groups only.
//     An "allowed" list of specific users or groups refuses the invitation: Atrium cannot show that
//     the invitee is among them (invite an admitted user once the partner says who they are).
//   - The applications list is not consulted: an invitation is to the directory, not to an app;
//     blocking all apps implies blocking all users (consistency rule), which refuses anyway.
// The engine calls it only for allowed and unlisted domains; a denied domain never reaches it.
CrossTenantCheck makeCrossTenantCheck(std::shared_ptr<const CrossTenantSnapshot> snapshot);

} // namespace atrium::core
