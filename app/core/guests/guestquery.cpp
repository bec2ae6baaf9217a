#include "core/guests/guestquery.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace atrium::core {
namespace {
struct ColumnInfo {
    GuestColumn column;
    const char *key;
    const char *label;
};
constexpr std::array<ColumnInfo, kGuestColumnCount> kColumns{{
    {GuestColumn::DisplayName, "displayName", QT_TRANSLATE_NOOP("atrium::core::GuestColumn", "Display name")},
    {GuestColumn::Mail, "mail", QT_TRANSLATE_NOOP("atrium::core::GuestColumn", "Email")},
    {GuestColumn::UserPrincipalName, "userPrincipalName", QT_TRANSLATE_NOOP("atrium::core::GuestColumn", "UPN")},
    {GuestColumn::State, "externalUserState", QT_TRANSLATE_NOOP("atrium::core::GuestColumn", "State")},
    {GuestColumn::CreationType, "creationType", QT_TRANSLATE_NOOP("atrium::core::GuestColumn", "Creation type")},
    {GuestColumn::UserType, "userType", QT_TRANSLATE_NOOP("atrium::core::GuestColumn", "User type")},
    {GuestColumn::InvitedBy, "invitedBy", QT_TRANSLATE_NOOP("atrium::core::GuestColumn", "Invited by")},
    {GuestColumn::InvitedOn, "invitedOn", QT_TRANSLATE_NOOP("atrium::core::GuestColumn", "Invited on")},
    {GuestColumn::StateChanged, "externalUserStateChangeDateTime",
     QT_TRANSLATE_NOOP("atrium::core::GuestColumn", "State changed")},
    {GuestColumn::LastSignIn, "lastSignIn", QT_TRANSLATE_NOOP("atrium::core::GuestColumn", "Last sign-in")},
    {GuestColumn::Sponsors, "sponsors", QT_TRANSLATE_NOOP("atrium::core::GuestColumn", "Sponsors")},
    {GuestColumn::SignInBlocked, "signInBlocked", QT_TRANSLATE_NOOP("atrium::core::GuestColumn", "Sign-in blocked")},
}};
} // namespace

QString guestColumnKey(GuestColumn c) {
    return QString::fromLatin1(kColumns.at(static_cast<std::size_t>(c)).key);
}

QString guestColumnLabel(GuestColumn c) {
    return QCoreApplication::translate("atrium::core::GuestColumn", kColumns.at(static_cast<std::size_t>(c)).label);
}

std::optional<GuestColumn> guestColumnFromKey(const QString &key) {
    for (const ColumnInfo &info : kColumns) {
        if (key.compare(QLatin1String(info.key), Qt::CaseInsensitive) == 0) {
            return info.column;
        }
    }
    return std::nullopt;
}

bool GuestQuery::hasFilter() const {
    return !search.trimmed().isEmpty() || state || !domain.isEmpty() || creationType || pendingOlderThanDays > 0 ||
           noSignInDays > 0;
}

} // namespace atrium::core
