#include "core/services/user.h"

#include "core/base/clock.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace atrium::core {

QString User::selectColumns() {
    return QStringLiteral("id, display_name, user_principal_name, mail, other_mails, user_type, external_user_state, "
                          "external_user_state_changed_at, creation_type, account_enabled, invited_by, created_at, "
                          "last_sign_in_at, row_version");
}

User User::fromQuery(const QSqlQuery &q, int f) {
    User u;
    u.id = q.value(f + 0).toString();
    u.displayName = q.value(f + 1).toString();
    u.userPrincipalName = q.value(f + 2).toString();
    u.mail = q.value(f + 3).toString();
    const QJsonArray other = QJsonDocument::fromJson(q.value(f + 4).toString().toUtf8()).array();
    for (const QJsonValue &v : other) {
        u.otherMails << v.toString();
    }
    u.userType = userTypeFromString(q.value(f + 5).toString()).value_or(UserType::Guest);
    u.externalUserState = externalUserStateFromString(q.value(f + 6).toString());
    u.externalUserStateChangedAt = q.value(f + 7).toLongLong();
    u.creationType = creationTypeFromString(q.value(f + 8).toString());
    u.accountEnabled = q.value(f + 9).toInt() != 0;
    u.invitedBy = q.value(f + 10).toString();
    u.createdAt = q.value(f + 11).toLongLong();
    u.lastSignInAt = q.value(f + 12).toLongLong();
    u.rowVersion = q.value(f + 13).toLongLong();
    return u;
}

QJsonObject User::toJson() const {
    auto nullable = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    QJsonArray ids;
    for (const Identity &i : identities) {
        ids << QJsonObject{{QStringLiteral("signInType"), i.signInType},
                           {QStringLiteral("issuer"), i.issuer},
                           {QStringLiteral("issuerAssignedId"), i.issuerAssignedId}};
    }
    QJsonArray sponsors;
    for (const QString &s : sponsorIds) {
        sponsors << s;
    }
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("userPrincipalName"), userPrincipalName},
        {QStringLiteral("mail"), nullable(mail)},
        {QStringLiteral("otherMails"), QJsonArray::fromStringList(otherMails)},
        {QStringLiteral("userType"), toString(userType)},
        {QStringLiteral("externalUserState"),
         externalUserState ? QJsonValue(toString(*externalUserState)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("externalUserStateChangeDateTime"),
         externalUserStateChangedAt ? QJsonValue(isoUtc(externalUserStateChangedAt)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("creationType"),
         creationType ? QJsonValue(toString(*creationType)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("accountEnabled"), accountEnabled},
        {QStringLiteral("identities"), ids},
        {QStringLiteral("sponsors"), sponsors},
        {QStringLiteral("createdDateTime"), isoUtc(createdAt)},
        {QStringLiteral("signInActivity"),
         QJsonObject{{QStringLiteral("lastSignInDateTime"),
                      lastSignInAt ? QJsonValue(isoUtc(lastSignInAt)) : QJsonValue(QJsonValue::Null)}}},
    };
}

} // namespace atrium::core
