#include "core/services/permissions.h"

#include <QCoreApplication>

namespace atrium::core {
namespace {
using enum Role;

struct Entry {
    Permission permission;
    const char *key;
    const char *action;
    QList<Role> roles;
};

const QList<Entry> &table() {
    static const QList<Entry> t{
        {Permission::ReadDirectory, "directory.read", QT_TRANSLATE_NOOP("atrium::core::Permission", "read the directory"),
         {GlobalAdministrator, UserAdministrator, GuestInviter, HelpdeskAdministrator, SecurityAdministrator,
          ExternalIdentityProviderAdministrator, GlobalReader}},
        {Permission::ReadAudit, "audit.read", QT_TRANSLATE_NOOP("atrium::core::Permission", "read the audit log"),
         {GlobalAdministrator, GlobalReader, SecurityAdministrator, UserAdministrator}},
        {Permission::EditDirectoryProperties, "directory.properties",
         QT_TRANSLATE_NOOP("atrium::core::Permission", "change the directory's properties"), {GlobalAdministrator}},
        {Permission::ManageMembers, "users.members", QT_TRANSLATE_NOOP("atrium::core::Permission", "manage members"),
         {GlobalAdministrator, UserAdministrator}},
        {Permission::ManageRoles, "roles.manage", QT_TRANSLATE_NOOP("atrium::core::Permission", "assign roles"),
         {GlobalAdministrator}},
        {Permission::InviteGuests, "guests.invite", QT_TRANSLATE_NOOP("atrium::core::Permission", "invite guests"),
         {GlobalAdministrator, UserAdministrator, GuestInviter}},
        {Permission::BulkInvite, "guests.bulkInvite", QT_TRANSLATE_NOOP("atrium::core::Permission", "bulk invite guests"),
         {GlobalAdministrator, UserAdministrator}},
        {Permission::ResendInvitation, "guests.resend",
         QT_TRANSLATE_NOOP("atrium::core::Permission", "resend invitations"),
         {GlobalAdministrator, UserAdministrator, HelpdeskAdministrator}},
        {Permission::ResetRedemption, "guests.resetRedemption",
         QT_TRANSLATE_NOOP("atrium::core::Permission", "reset redemption status"),
         {GlobalAdministrator, UserAdministrator, HelpdeskAdministrator}},
        {Permission::BlockSignIn, "guests.block", QT_TRANSLATE_NOOP("atrium::core::Permission", "block or unblock sign-in"),
         {GlobalAdministrator, UserAdministrator, HelpdeskAdministrator}},
        {Permission::ManageGuests, "guests.manage", QT_TRANSLATE_NOOP("atrium::core::Permission", "manage guest users"),
         {GlobalAdministrator, UserAdministrator}},
        {Permission::ManageSponsors, "guests.sponsors", QT_TRANSLATE_NOOP("atrium::core::Permission", "change sponsors"),
         {GlobalAdministrator, UserAdministrator}},
        {Permission::ManageGroupsAndApps, "groupsApps.manage",
         QT_TRANSLATE_NOOP("atrium::core::Permission", "manage groups and applications"),
         {GlobalAdministrator, UserAdministrator}},
        {Permission::EditCollaborationSettings, "settings.collaboration",
         QT_TRANSLATE_NOOP("atrium::core::Permission", "change external collaboration settings"),
         {GlobalAdministrator}},
        {Permission::EditEmailOtpSetting, "settings.emailOtp",
         QT_TRANSLATE_NOOP("atrium::core::Permission", "change the email one-time passcode setting"),
         {GlobalAdministrator, SecurityAdministrator}},
        {Permission::EditLeaveSetting, "settings.leave",
         QT_TRANSLATE_NOOP("atrium::core::Permission", "change whether external users may leave"),
         {GlobalAdministrator, ExternalIdentityProviderAdministrator}},
        {Permission::EditCrossTenantAccess, "crossTenant.manage",
         QT_TRANSLATE_NOOP("atrium::core::Permission", "change cross-tenant access settings"),
         {GlobalAdministrator, SecurityAdministrator}},
        {Permission::ManageIdentityProviders, "idp.manage",
         QT_TRANSLATE_NOOP("atrium::core::Permission", "manage identity providers"),
         {GlobalAdministrator, ExternalIdentityProviderAdministrator}},
        {Permission::ManageUserFlows, "userFlows.manage",
         QT_TRANSLATE_NOOP("atrium::core::Permission", "manage user flows and API connectors"),
         {GlobalAdministrator, UserAdministrator}},
        {Permission::EditPortalAndMailSettings, "settings.portal",
         QT_TRANSLATE_NOOP("atrium::core::Permission", "change portal and mail settings"), {GlobalAdministrator}},
        {Permission::BackupDirectory, "directory.backup",
         QT_TRANSLATE_NOOP("atrium::core::Permission", "back up the directory"), {GlobalAdministrator}},
    };
    return t;
}

const Entry &entry(Permission p) {
    for (const Entry &e : table()) {
        if (e.permission == p) {
            return e;
        }
    }
    return table().front();
}
} // namespace

QList<Permission> allPermissions() {
    QList<Permission> out;
    for (const Entry &e : table()) {
        out << e.permission;
    }
    return out;
}

QString permissionKey(Permission p) { return QString::fromLatin1(entry(p).key); }
QString permissionAction(Permission p) { return QCoreApplication::translate("atrium::core::Permission", entry(p).action); }
QList<Role> rolesGranting(Permission p) { return entry(p).roles; }

QString rolesGrantingText(Permission p) {
    QStringList names;
    for (Role r : entry(p).roles) {
        names << roleLabel(r);
    }
    if (names.size() <= 1) {
        return names.join(QString());
    }
    const QString last = names.takeLast();
    return QCoreApplication::translate("atrium::core::Permission", "%1 or %2").arg(names.join(QStringLiteral(", ")), last);
}

bool rolesAllow(const QSet<Role> &roles, Permission p) {
    for (Role r : entry(p).roles) {
        if (roles.contains(r)) {
            return true;
        }
    }
    return false;
}

} // namespace atrium::core
