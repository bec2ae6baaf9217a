#pragma once

#include "core/base/enums.h"

#include <QString>
#include <Qt>

#include <optional>

namespace atrium::core {

// The twelve columns of the guest users pane, in display order. Every one of them can be sorted on,
// in the database (each has its own index, see resources/sql/*/003_guest_search.sql).
enum class GuestColumn {
    DisplayName,
    Mail,
    UserPrincipalName,
    State,
    CreationType,
    UserType,
    InvitedBy,
    InvitedOn,
    StateChanged,
    LastSignIn,
    Sponsors,
    SignInBlocked,
};
constexpr int kGuestColumnCount = 12;

QString guestColumnKey(GuestColumn c);   // stable name for the command line and JSON: "displayName", ...
QString guestColumnLabel(GuestColumn c); // translated header text
std::optional<GuestColumn> guestColumnFromKey(const QString &key); // case-insensitive

// What the guest pane shows: a filter and a sort order. A value type; the model copies it into
// every page request so a newer query can be told from a stale one by comparison.
struct GuestQuery {
    QString search; // prefix words over display name, mail local part and domain; "a@b" = mail prefix
    std::optional<ExternalUserState> state;
    QString domain; // exact mail domain (normalized by the setter of the caller, compared lower-case)
    std::optional<CreationType> creationType;
    int pendingOlderThanDays = 0; // > 0: PendingAcceptance for more than N days (since the state changed)
    int noSignInDays = 0;         // > 0: no sign-in for N days, counted from creation when never signed in
    qint64 asOfMs = 0;            // "now" for the two day filters (from the caller's clock)
    GuestColumn sortColumn = GuestColumn::DisplayName;
    Qt::SortOrder order = Qt::AscendingOrder;

    bool hasFilter() const;
    bool operator==(const GuestQuery &) const = default;
};

} // namespace atrium::core
