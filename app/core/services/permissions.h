#pragma once

#include "core/base/enums.h"

#include <QList>
#include <QSet>
#include <QString>

namespace atrium::core {

// What an operator may do (SPEC §10). Each permission lists the roles that grant it; the console
// uses the same table to disable what the operator may not do, with the role needed as tooltip.
enum class Permission {
    ReadDirectory,           // every member of the directory
    ReadAudit,               // audit log
    EditDirectoryProperties, // name, privacy statement, verified domains
    ManageMembers,           // add/update organization members
    ManageRoles,             // assign and remove directory roles
    InviteGuests,            // decided with allowInvitesFrom by the policy engine
    BulkInvite,
    ResendInvitation,
    ResetRedemption,
    BlockSignIn,
    ManageGuests,            // delete, edit guests, convert user type
    ManageSponsors,
    ManageGroupsAndApps,     // create groups/apps, set owners
    EditCollaborationSettings, // guest access, invite settings, restrictions, self-service sign-up
    EditEmailOtpSetting,
    EditLeaveSetting,
    EditCrossTenantAccess,
    ManageIdentityProviders,
    ManageUserFlows,         // user flows and API connectors
    EditPortalAndMailSettings,
    BackupDirectory,
};

QList<Permission> allPermissions();
QString permissionKey(Permission p);       // stable name, e.g. "guests.resetRedemption"
QString permissionAction(Permission p);    // translated verb phrase: "reset redemption status"
QList<Role> rolesGranting(Permission p);   // Global Administrator always included
QString rolesGrantingText(Permission p);   // "Global Administrator, User Administrator or Helpdesk Administrator"
bool rolesAllow(const QSet<Role> &roles, Permission p);

} // namespace atrium::core
