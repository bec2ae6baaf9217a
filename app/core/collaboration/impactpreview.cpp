#include "core/collaboration/impactpreview.h"

#include "core/policy/policyengine.h"
#include "core/storage/database.h"

#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>

namespace atrium::core {
namespace {

// The WHERE terms are spelled exactly as the partial indexes of migration 006 and 003 so that both
// engines' planners can prove the index applies (a bound parameter would hide the value).
const QString kPendingGuest = QStringLiteral(
    "user_type = 'Guest' AND external_user_state = 'PendingAcceptance' AND deleted_at IS NULL");
const QString kInviterRoles = QStringLiteral("('GlobalAdministrator', 'UserAdministrator', 'GuestInviter')");
// The few users holding a role that lets them invite. "u.id IN (this)" is answered from the role table
// and the users primary key, so counting role holders never walks the guests.
const QString kRoleHolders =
    QStringLiteral("SELECT r.user_id FROM role_assignments r WHERE r.role IN ") + kInviterRoles;

enum class Who { Administrators, Members, Guests };

// Who allowInvitesFrom admits, by the groups the policy engine distinguishes (policyengine.h):
// administrators and Guest Inviters, members without those roles, guests without those roles.
bool mayInvite(const CollaborationSettings &s, Who who) {
    switch (s.allowInvitesFrom) {
    case AllowInvitesFrom::none:
        return false;
    case AllowInvitesFrom::adminsAndGuestInviters:
        return who == Who::Administrators;
    case AllowInvitesFrom::adminsGuestInvitersAndAllMembers:
        return who != Who::Guests || s.guestUserAccess == GuestUserAccess::sameAsMembers;
    case AllowInvitesFrom::everyone:
        return true;
    }
    return false;
}

// SQLite's planner estimates partial indexes poorly: left alone it counts guests through an index
// that lacks deleted_at (a table lookup per guest) and joins passcode identities through the table.
// On SQLite the queries name the index; PostgreSQL chooses its own plan.
bool isSqlite(const QSqlDatabase &db) { return db.driverName() == QLatin1String("QSQLITE"); }

Result<qint64> count(QSqlDatabase &db, const QString &sql, const QVariantList &values = {}) {
    auto q = Database::exec(db, sql, values);
    if (!q.ok()) {
        return q.error();
    }
    return q->next() ? q->value(0).toLongLong() : 0;
}

// Appends the rows of `sql` (id, upn, mail, display name) to page.
Status appendPage(QSqlDatabase &db, const QString &sql, const QVariantList &values, const QString &kind,
                  QList<AffectedObject> &page) {
    auto q = Database::exec(db, sql, values);
    if (!q.ok()) {
        return q.error();
    }
    while (q->next()) {
        page.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                     kind});
    }
    return {};
}

Status pendingImpact(QSqlDatabase &db, const CollaborationSettings &before, const CollaborationSettings &after,
                     int pageSize, ImpactPreview &out) {
    ImpactCount &impact = out.pendingRedemptionFailures;
    impact.applies = before.restriction != after.restriction || before.domains != after.domains;
    if (!impact.applies) {
        return {};
    }
    // Distinct domains are few even at a million guests; each is decided once, in C++, by the very
    // rule redemption uses.
    auto q = Database::exec(db, QStringLiteral("SELECT mail_domain, COUNT(*) FROM users WHERE ") + kPendingGuest +
                                    QStringLiteral(" AND mail_domain IS NOT NULL GROUP BY mail_domain"));
    if (!q.ok()) {
        return q.error();
    }
    const PolicyEngine oldEngine(before);
    const PolicyEngine newEngine(after);
    while (q->next()) {
        const QString domain = q->value(0).toString();
        if (oldEngine.domainAllowed(domain) && !newEngine.domainAllowed(domain)) {
            out.newlyBlockedDomains.append(domain);
            impact.count += q->value(1).toLongLong();
        }
    }
    std::sort(out.newlyBlockedDomains.begin(), out.newlyBlockedDomains.end());
    for (const QString &domain : std::as_const(out.newlyBlockedDomains)) {
        const int left = pageSize - int(impact.firstPage.size());
        if (left <= 0) {
            break;
        }
        // The domain's range of guests_pending_domain is already in page order; left alone, SQLite takes
        // users_domain and sorts every guest of the domain (tens of thousands for a big partner).
        const Status s = appendPage(db,
                                    QStringLiteral("SELECT id, user_principal_name, mail, display_name FROM users ") +
                                        (isSqlite(db) ? QStringLiteral("INDEXED BY guests_pending_domain ")
                                                      : QString()) +
                                        QStringLiteral("WHERE ") + kPendingGuest +
                                        QStringLiteral(" AND mail_domain = ? ORDER BY mail_lower, id LIMIT ?"),
                                    {domain, left}, QStringLiteral("pendingGuest"), impact.firstPage);
        if (!s.ok()) {
            return s;
        }
    }
    return {};
}

Status passcodeImpact(QSqlDatabase &db, const CollaborationSettings &before, const CollaborationSettings &after,
                      int pageSize, ImpactPreview &out) {
    ImpactCount &impact = out.passcodeGuestsLocked;
    impact.applies = before.emailOtpEnabled && !after.emailOtpEnabled;
    if (!impact.applies) {
        return {};
    }
    // Redemption replaces a guest's identities with exactly one "mail" identity (redemptionservice),
    // so counting identity rows counts guests. The terms on u are those of the partial index
    // guests_accepted (migration 010): each "mail" identity is one probe of that small covering index.
    const QString join = isSqlite(db) ? QStringLiteral(" CROSS JOIN users u INDEXED BY guests_accepted")
                                      : QStringLiteral(" JOIN users u");
    const QString from = QStringLiteral(" FROM user_identities i") + join +
                         QStringLiteral(" ON u.id = i.user_id WHERE i.issuer = 'mail' AND u.user_type = 'Guest' AND "
                                        "u.external_user_state = 'Accepted' AND u.deleted_at IS NULL");
    auto n = count(db, QStringLiteral("SELECT COUNT(*)") + from);
    if (!n.ok()) {
        return n.error();
    }
    impact.count = *n;
    return appendPage(db,
                      QStringLiteral("SELECT u.id, u.user_principal_name, u.mail, u.display_name") + from +
                          QStringLiteral(" ORDER BY i.user_id LIMIT ?"),
                      {pageSize}, QStringLiteral("passcodeGuest"), impact.firstPage);
}

Status inviterImpact(QSqlDatabase &db, const CollaborationSettings &before, const CollaborationSettings &after,
                     int pageSize, ImpactPreview &out) {
    ImpactCount &impact = out.invitersLosingRight;
    QList<Who> losing;
    for (Who who : {Who::Administrators, Who::Members, Who::Guests}) {
        if (mayInvite(before, who) && !mayInvite(after, who)) {
            losing.append(who);
        }
    }
    impact.applies = !losing.isEmpty();
    const QString hasRole = QStringLiteral("EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = u.id AND "
                                           "r.role IN ") +
                            kInviterRoles + QLatin1Char(')');
    const QString columns = QStringLiteral("SELECT u.id, u.user_principal_name, u.mail, u.display_name");
    // Members and guests without an inviter role: everyone of that type (one count over a covering
    // index of the type) minus the few role holders of that type, never a role probe per user.
    auto countWithoutRole = [&db](const QString &type) -> Result<qint64> {
        const QString of = QStringLiteral(" FROM users u WHERE u.user_type = '") + type +
                           QStringLiteral("' AND u.deleted_at IS NULL");
        // guests_by_enabled (migration 003) is the narrowest covering index of all guests.
        const bool hint = type == QLatin1String("Guest") && isSqlite(db);
        auto all = count(db, QStringLiteral("SELECT COUNT(*)") +
                                 (hint ? QString(of).replace(QStringLiteral("users u"),
                                                             QStringLiteral("users u INDEXED BY guests_by_enabled"))
                                       : of));
        if (!all.ok()) {
            return all.error();
        }
        auto privileged = count(db, QStringLiteral("SELECT COUNT(*)") + of + QStringLiteral(" AND u.id IN (") +
                                        kRoleHolders + QLatin1Char(')'));
        if (!privileged.ok()) {
            return privileged.error();
        }
        return *all - *privileged;
    };
    for (Who who : std::as_const(losing)) {
        const int left = std::max(0, pageSize - int(impact.firstPage.size()));
        Result<qint64> n = qint64(0);
        Status s;
        switch (who) {
        case Who::Administrators: {
            const QString where = QStringLiteral(" FROM users u WHERE u.deleted_at IS NULL AND u.id IN (") +
                                  kRoleHolders + QLatin1Char(')');
            n = count(db, QStringLiteral("SELECT COUNT(*)") + where);
            s = appendPage(db, columns + where + QStringLiteral(" ORDER BY u.upn_lower LIMIT ?"), {left},
                           QStringLiteral("administrator"), impact.firstPage);
            break;
        }
        case Who::Members:
            n = countWithoutRole(QStringLiteral("Member"));
            // Members are read through the type index and sorted: left alone, SQLite walks the UPN
            // index of all users (a million guests) looking for members.
            s = appendPage(db,
                           columns +
                               (isSqlite(db) ? QStringLiteral(" FROM users u INDEXED BY users_type_state")
                                             : QStringLiteral(" FROM users u")) +
                               QStringLiteral(" WHERE u.user_type = 'Member' AND u.deleted_at IS NULL AND NOT ") +
                               hasRole + QStringLiteral(" ORDER BY u.upn_lower LIMIT ?"),
                           {left}, QStringLiteral("member"), impact.firstPage);
            break;
        case Who::Guests:
            n = countWithoutRole(QStringLiteral("Guest"));
            // Walks the guest list's UPN index and stops after one page.
            s = appendPage(db,
                           columns +
                               QStringLiteral(" FROM users u WHERE u.user_type = 'Guest' AND u.deleted_at IS NULL "
                                              "AND NOT ") +
                               hasRole + QStringLiteral(" ORDER BY u.upn_lower, u.id LIMIT ?"),
                           {left}, QStringLiteral("guest"), impact.firstPage);
            break;
        }
        if (!n.ok()) {
            return n.error();
        }
        if (!s.ok()) {
            return s;
        }
        impact.count += *n;
    }
    return {};
}

QJsonArray toArray(const QStringList &list) {
    QJsonArray a;
    for (const QString &s : list) {
        a.append(s);
    }
    return a;
}
} // namespace

QJsonObject AffectedObject::toJson() const {
    return {{QStringLiteral("id"), id},
            {QStringLiteral("userPrincipalName"), userPrincipalName},
            {QStringLiteral("mail"), mail},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("kind"), kind}};
}

QJsonObject ImpactCount::toJson() const {
    QJsonArray page;
    for (const AffectedObject &o : firstPage) {
        page.append(o.toJson());
    }
    return {{QStringLiteral("applies"), applies}, {QStringLiteral("count"), count}, {QStringLiteral("firstPage"), page}};
}

QJsonObject ImpactPreview::toJson() const {
    QJsonObject pending = pendingRedemptionFailures.toJson();
    pending.insert(QStringLiteral("domains"), toArray(newlyBlockedDomains));
    return {{QStringLiteral("pendingRedemptionFailures"), pending},
            {QStringLiteral("passcodeGuestsLocked"), passcodeGuestsLocked.toJson()},
            {QStringLiteral("invitersLosingRight"), invitersLosingRight.toJson()}};
}

Result<ImpactPreview> ImpactCalculator::compute(QSqlDatabase &db, const CollaborationSettings &before,
                                                const CollaborationSettings &after, int pageSize) {
    ImpactPreview out;
    pageSize = std::max(0, pageSize);
    if (Status s = pendingImpact(db, before, after, pageSize, out); !s.ok()) {
        return s.error();
    }
    if (Status s = passcodeImpact(db, before, after, pageSize, out); !s.ok()) {
        return s.error();
    }
    if (Status s = inviterImpact(db, before, after, pageSize, out); !s.ok()) {
        return s.error();
    }
    return out;
}

} // namespace atrium::core
