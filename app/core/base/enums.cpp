#include "core/base/enums.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace atrium::core {
namespace {

template <typename E, std::size_t N>
QString lookup(const std::array<std::pair<E, const char *>, N> &table, E v) {
    for (const auto &[e, name] : table) {
        if (e == v) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> parse(const std::array<std::pair<E, const char *>, N> &table, const QString &s) {
    for (const auto &[e, name] : table) {
        if (s == QLatin1String(name)) {
            return e;
        }
    }
    return std::nullopt;
}

constexpr std::array userTypes{std::pair{UserType::Member, "Member"}, std::pair{UserType::Guest, "Guest"}};
constexpr std::array externalStates{std::pair{ExternalUserState::PendingAcceptance, "PendingAcceptance"},
                                    std::pair{ExternalUserState::Accepted, "Accepted"}};
constexpr std::array creationTypes{std::pair{CreationType::Invitation, "Invitation"},
                                   std::pair{CreationType::SelfServiceSignUp, "SelfServiceSignUp"}};
constexpr std::array invitationStatuses{
    std::pair{InvitationStatus::PendingAcceptance, "PendingAcceptance"},
    std::pair{InvitationStatus::Completed, "Completed"}, std::pair{InvitationStatus::InProgress, "InProgress"},
    std::pair{InvitationStatus::Error, "Error"}};
constexpr std::array allowInvites{
    std::pair{AllowInvitesFrom::everyone, "everyone"},
    std::pair{AllowInvitesFrom::adminsGuestInvitersAndAllMembers, "adminsGuestInvitersAndAllMembers"},
    std::pair{AllowInvitesFrom::adminsAndGuestInviters, "adminsAndGuestInviters"},
    std::pair{AllowInvitesFrom::none, "none"}};
constexpr std::array guestAccess{std::pair{GuestUserAccess::sameAsMembers, "sameAsMembers"},
                                 std::pair{GuestUserAccess::limited, "limited"},
                                 std::pair{GuestUserAccess::restricted, "restricted"}};
constexpr std::array restrictions{std::pair{CollaborationRestriction::allowAny, "allowAny"},
                                  std::pair{CollaborationRestriction::denyListed, "denyListed"},
                                  std::pair{CollaborationRestriction::allowOnlyListed, "allowOnlyListed"}};
constexpr std::array roleKeys{
    std::pair{Role::GlobalAdministrator, "GlobalAdministrator"},
    std::pair{Role::UserAdministrator, "UserAdministrator"},
    std::pair{Role::GuestInviter, "GuestInviter"},
    std::pair{Role::HelpdeskAdministrator, "HelpdeskAdministrator"},
    std::pair{Role::SecurityAdministrator, "SecurityAdministrator"},
    std::pair{Role::ExternalIdentityProviderAdministrator, "ExternalIdentityProviderAdministrator"},
    std::pair{Role::GlobalReader, "GlobalReader"}};
constexpr std::array roleNames{
    std::pair{Role::GlobalAdministrator, QT_TRANSLATE_NOOP("atrium::core::Role", "Global Administrator")},
    std::pair{Role::UserAdministrator, QT_TRANSLATE_NOOP("atrium::core::Role", "User Administrator")},
    std::pair{Role::GuestInviter, QT_TRANSLATE_NOOP("atrium::core::Role", "Guest Inviter")},
    std::pair{Role::HelpdeskAdministrator, QT_TRANSLATE_NOOP("atrium::core::Role", "Helpdesk Administrator")},
    std::pair{Role::SecurityAdministrator, QT_TRANSLATE_NOOP("atrium::core::Role", "Security Administrator")},
    std::pair{Role::ExternalIdentityProviderAdministrator,
              QT_TRANSLATE_NOOP("atrium::core::Role", "External Identity Provider Administrator")},
    std::pair{Role::GlobalReader, QT_TRANSLATE_NOOP("atrium::core::Role", "Global Reader")}};

} // namespace

QString toString(UserType v) { return lookup(userTypes, v); }
QString toString(ExternalUserState v) { return lookup(externalStates, v); }
QString toString(CreationType v) { return lookup(creationTypes, v); }
QString toString(InvitationStatus v) { return lookup(invitationStatuses, v); }
QString toString(AllowInvitesFrom v) { return lookup(allowInvites, v); }
QString toString(GuestUserAccess v) { return lookup(guestAccess, v); }
QString toString(CollaborationRestriction v) { return lookup(restrictions, v); }
QString toString(Role v) { return lookup(roleNames, v); }
QString roleKey(Role v) { return lookup(roleKeys, v); }
QString roleLabel(Role v) {
    for (const auto &[e, name] : roleNames) {
        if (e == v) {
            return QCoreApplication::translate("atrium::core::Role", name);
        }
    }
    return {};
}

std::optional<UserType> userTypeFromString(const QString &s) { return parse(userTypes, s); }
std::optional<ExternalUserState> externalUserStateFromString(const QString &s) { return parse(externalStates, s); }
std::optional<CreationType> creationTypeFromString(const QString &s) { return parse(creationTypes, s); }
std::optional<InvitationStatus> invitationStatusFromString(const QString &s) { return parse(invitationStatuses, s); }
std::optional<AllowInvitesFrom> allowInvitesFromFromString(const QString &s) { return parse(allowInvites, s); }
std::optional<GuestUserAccess> guestUserAccessFromString(const QString &s) { return parse(guestAccess, s); }
std::optional<CollaborationRestriction> collaborationRestrictionFromString(const QString &s) {
    return parse(restrictions, s);
}

std::optional<Role> roleFromString(const QString &s) {
    const QString t = s.trimmed();
    for (const auto &[e, key] : roleKeys) {
        if (t.compare(QLatin1String(key), Qt::CaseInsensitive) == 0) {
            return e;
        }
    }
    for (const auto &[e, name] : roleNames) {
        if (t.compare(QLatin1String(name), Qt::CaseInsensitive) == 0) {
            return e;
        }
    }
    return std::nullopt;
}

QList<Role> allRoles() {
    QList<Role> roles;
    for (const auto &[e, key] : roleKeys) {
        roles << e;
    }
    return roles;
}

} // namespace atrium::core
