#include "core/guests/guestrow.h"

#include "core/base/clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace atrium::core {
namespace {
QString tr(const char *s) {
    return QCoreApplication::translate("atrium::core::GuestRow", s);
}
QString timeText(qint64 ms) {
    return ms > 0 ? isoUtc(ms) : QString();
}
QJsonValue timeJson(qint64 ms) {
    return ms > 0 ? QJsonValue(isoUtc(ms)) : QJsonValue(QJsonValue::Null);
}
} // namespace

QString GuestRow::text(GuestColumn c) const {
    switch (c) {
    case GuestColumn::DisplayName:
        return displayName;
    case GuestColumn::Mail:
        return mail;
    case GuestColumn::UserPrincipalName:
        return userPrincipalName;
    case GuestColumn::State:
        return state ? toString(*state) : QString();
    case GuestColumn::CreationType:
        return creationType ? toString(*creationType) : QString();
    case GuestColumn::UserType:
        return toString(userType);
    case GuestColumn::InvitedBy:
        return invitedBy;
    case GuestColumn::InvitedOn:
        return timeText(invitedOn);
    case GuestColumn::StateChanged:
        return timeText(stateChangedAt);
    case GuestColumn::LastSignIn:
        return timeText(lastSignInAt);
    case GuestColumn::Sponsors:
        return sponsors;
    case GuestColumn::SignInBlocked:
        return signInBlocked ? tr("Yes") : tr("No");
    }
    return {};
}

QJsonObject GuestRow::toJson() const {
    // Microsoft Graph field names, as User::toJson() uses them.
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("mail"), mail},
        {QStringLiteral("userPrincipalName"), userPrincipalName},
        {QStringLiteral("externalUserState"), state ? QJsonValue(toString(*state)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("creationType"),
         creationType ? QJsonValue(toString(*creationType)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("userType"), toString(userType)},
        {QStringLiteral("invitedBy"), invitedBy},
        {QStringLiteral("createdDateTime"), timeJson(invitedOn)},
        {QStringLiteral("externalUserStateChangeDateTime"), timeJson(stateChangedAt)},
        {QStringLiteral("lastSignInDateTime"), timeJson(lastSignInAt)},
        {QStringLiteral("sponsors"), QJsonArray::fromStringList(sponsorNames)},
        {QStringLiteral("accountEnabled"), !signInBlocked},
        {QStringLiteral("rowVersion"), rowVersion},
    };
}

QString GuestCount::text() const {
    const QLocale locale;
    if (capped) {
        return QCoreApplication::translate("atrium::core::GuestRow", "more than %1 guests")
            .arg(locale.toString(count));
    }
    return QCoreApplication::translate("atrium::core::GuestRow", "%Ln guest(s)", nullptr, static_cast<int>(count));
}

} // namespace atrium::core
