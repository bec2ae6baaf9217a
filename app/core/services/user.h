#pragma once

#include "core/base/enums.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>

namespace atrium::core {

struct Identity {
    QString signInType; // "userPrincipalName", "federated", "emailAddress"
    QString issuer;     // the directory's domain before redemption; then ExternalAzureAD, MicrosoftAccount, google.com, mail, ...
    QString issuerAssignedId;
};

// A directory user with the fields of SPEC §1.
struct User {
    QString id;
    QString displayName;
    QString userPrincipalName;
    QString mail;
    QStringList otherMails;
    UserType userType = UserType::Member;
    std::optional<ExternalUserState> externalUserState;
    qint64 externalUserStateChangedAt = 0; // ms, 0 = null
    std::optional<CreationType> creationType;
    bool accountEnabled = true;
    QString invitedBy;
    qint64 createdAt = 0;
    qint64 lastSignInAt = 0; // 0 = never
    QList<Identity> identities;
    QStringList sponsorIds;
    qint64 rowVersion = 0;

    // Microsoft Graph field names (userPrincipalName, userType, externalUserState, ...).
    QJsonObject toJson() const;

    // Column list matching fromQuery(); identities and sponsors are loaded separately.
    static QString selectColumns();
    static User fromQuery(const QSqlQuery &q, int first = 0);
};

} // namespace atrium::core
