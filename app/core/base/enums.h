#pragma once

#include <QList>
#include <QString>

#include <optional>

// The domain values of SPEC.md, spelled exactly as there (admins compare them one to one).
namespace atrium::core {

enum class UserType { Member, Guest };
enum class ExternalUserState { PendingAcceptance, Accepted };
enum class CreationType { Invitation, SelfServiceSignUp };
enum class InvitationStatus { PendingAcceptance, Completed, InProgress, Error };

// External collaboration settings (SPEC §4).
enum class AllowInvitesFrom { everyone, adminsGuestInvitersAndAllMembers, adminsAndGuestInviters, none };
enum class GuestUserAccess { sameAsMembers, limited, restricted };
enum class CollaborationRestriction { allowAny, denyListed, allowOnlyListed };

// Directory roles (SPEC §10).
enum class Role {
    GlobalAdministrator,
    UserAdministrator,
    GuestInviter,
    HelpdeskAdministrator,
    SecurityAdministrator,
    ExternalIdentityProviderAdministrator,
    GlobalReader,
};

QString toString(UserType v);
QString toString(ExternalUserState v);
QString toString(CreationType v);
QString toString(InvitationStatus v);
QString toString(AllowInvitesFrom v);
QString toString(GuestUserAccess v);
QString toString(CollaborationRestriction v);
QString toString(Role v);     // "Global Administrator"
QString roleKey(Role v);      // "GlobalAdministrator" (stable key for storage and the command line)
QString roleLabel(Role v);    // translated display name

std::optional<UserType> userTypeFromString(const QString &s);
std::optional<ExternalUserState> externalUserStateFromString(const QString &s);
std::optional<CreationType> creationTypeFromString(const QString &s);
std::optional<InvitationStatus> invitationStatusFromString(const QString &s);
std::optional<AllowInvitesFrom> allowInvitesFromFromString(const QString &s);
std::optional<GuestUserAccess> guestUserAccessFromString(const QString &s);
std::optional<CollaborationRestriction> collaborationRestrictionFromString(const QString &s);
// Accepts the key ("GuestInviter"), the display name ("Guest Inviter"), case-insensitive.
std::optional<Role> roleFromString(const QString &s);

QList<Role> allRoles();

} // namespace atrium::core
