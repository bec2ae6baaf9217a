#pragma once

#include "core/base/enums.h"
#include "core/guests/guestquery.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace atrium::core {

// One row of the guest pane: the twelve columns plus what actions need (id, row version).
struct GuestRow {
    QString id;
    qint64 rowVersion = 0;
    QString displayName;
    QString mail;
    QString userPrincipalName;
    std::optional<ExternalUserState> state;
    std::optional<CreationType> creationType;
    UserType userType = UserType::Guest;
    QString invitedBy;            // the inviter's display name
    qint64 invitedOn = 0;         // ms (creation time)
    qint64 stateChangedAt = 0;    // ms, 0 = never
    qint64 lastSignInAt = 0;      // ms, 0 = never
    QString sponsors;             // "Megan Bowen +1"
    QStringList sponsorNames;     // all of them, sorted
    bool signInBlocked = false;
    QVariant sortKey;             // the value of the sort expression (for the keyset cursor)

    // The column as text, the way the pane, the CSV export and the command line show it.
    QString text(GuestColumn c) const;
    QJsonObject toJson() const;
};

// Where the next page starts: the last row's sort key and id (keyset paging, forward only).
struct GuestCursor {
    QVariant sortKey;
    QString id;
    bool operator==(const GuestCursor &) const = default;
};

struct GuestPage {
    QList<GuestRow> rows;
    std::optional<GuestCursor> next; // set when a full page came back (there may be more)
};

// The "N guests" label: exact up to a cap, then "more than cap".
struct GuestCount {
    qint64 count = 0;
    bool capped = false;
    QString text() const; // translated: "1,234 guests" / "more than 10,000 guests"
};

} // namespace atrium::core
