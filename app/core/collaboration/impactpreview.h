#pragma once

#include "core/base/result.h"
#include "core/policy/collaborationsettings.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace atrium::core {

// The first page of affected objects an impact preview lists (the count is always exact).
inline constexpr int kImpactPageSize = 50;

struct AffectedObject {
    QString id;
    QString userPrincipalName;
    QString mail;
    QString displayName;
    QString kind; // "pendingGuest", "passcodeGuest", "member", "guest", "administrator"
    QJsonObject toJson() const;
};

struct ImpactCount {
    bool applies = false; // the change touches this aspect at all
    qint64 count = 0;     // exact
    QList<AffectedObject> firstPage;
    QJsonObject toJson() const;
};

// What saving `after` over `before` would do to existing objects (SPEC §4, issue 4).
struct ImpactPreview {
    // Pending guests whose mail domain the old list allowed and the new one refuses: their
    // invitations would fail at redemption.
    ImpactCount pendingRedemptionFailures;
    QStringList newlyBlockedDomains; // distinct domains of those guests, sorted
    // Accepted guests who sign in with email one-time passcodes (identity issuer "mail"), when
    // passcodes are turned off: they cannot sign in until their redemption is reset.
    ImpactCount passcodeGuestsLocked;
    // Users who may invite now and may not afterwards (allowInvitesFrom tightened, or guests losing
    // member-level access).
    ImpactCount invitersLosingRight;

    bool isEmpty() const {
        return pendingRedemptionFailures.count == 0 && passcodeGuestsLocked.count == 0 &&
               invitersLosingRight.count == 0;
    }
    QJsonObject toJson() const;
};

// Computes impact previews with aggregate queries: the pending guests are counted per mail domain
// (GROUP BY over a partial index) and each distinct domain is decided once by the policy engine in
// C++, so a 25,000-character list never becomes a row-by-row scan or a giant SQL expression.
class ImpactCalculator final {
public:
    ImpactCalculator() = delete;
    static Result<ImpactPreview> compute(QSqlDatabase &db, const CollaborationSettings &before,
                                         const CollaborationSettings &after, int pageSize = kImpactPageSize);
};

} // namespace atrium::core
