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
        const Status s = appendPage(db,
                                    QStringLiteral("SELECT id, user_principal_name, mail, display_name FROM users "
                                                   "WHERE ") +
                                        kPendingGuest +
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
    // so counting identity rows counts guests.
    const QString from = QStringLiteral(
        " FROM user_identities i JOIN users u ON u.id = i.user_id WHERE i.issuer = 'mail' AND u.user_type = "
        "'Guest' AND u.external_user_state = 'Accepted' AND u.deleted_at IS NULL");
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
    for (Who who : std::as_const(losing)) {
        const int left = std::max(0, pageSize - int(impact.firstPage.size()));
        Result<qint64> n = qint64(0);
        Status s;
        switch (who) {
        case Who::Administrators: {
            const QString where = QStringLiteral(" FROM users u WHERE u.deleted_at IS NULL AND ") + hasRole;
            n = count(db, QStringLiteral("SELECT COUNT(*)") + where);
            s = appendPage(db,
                           QStringLiteral("SELECT u.id, u.user_principal_name, u.mail, u.display_name") + where +
                               QStringLiteral(" ORDER BY u.upn_lower LIMIT ?"),
                           {left}, QStringLiteral("administrator"), impact.firstPage);
            break;
        }
        case Who::Members: {
            const QString where =
                QStringLiteral(" FROM users u WHERE u.user_type = 'Member' AND u.deleted_at IS NULL AND NOT ") +
                hasRole;
            n = count(db, QStringLiteral("SELECT COUNT(*)") + where);
            s = appendPage(db,
                           QStringLiteral("SELECT u.id, u.user_principal_name, u.mail, u.display_name") + where +
                               QStringLiteral(" ORDER BY u.upn_lower LIMIT ?"),
                           {left}, QStringLiteral("member"), impact.firstPage);
            break;
        }
        case Who::Guests: {
            // All guests minus the few holding an inviter role: one count over the guest index instead
            // of a role probe per guest.
            auto all = count(db, QStringLiteral(
                                     "SELECT COUNT(*) FROM users WHERE user_type = 'Guest' AND deleted_at IS NULL"));
            auto privileged = count(db, QStringLiteral("SELECT COUNT(*) FROM users u WHERE u.user_type = 'Guest' "
                                                       "AND u.deleted_at IS NULL AND ") +
                                            hasRole);
            if (!all.ok()) {
                return all.error();
            }
            if (!privileged.ok()) {
                return privileged.error();
            }
            n = *all - *privileged;
            s = appendPage(db,
                           QStringLiteral("SELECT u.id, u.user_principal_name, u.mail, u.display_name FROM users u "
                                          "WHERE u.user_type = 'Guest' AND u.deleted_at IS NULL AND NOT ") +
                               hasRole + QStringLiteral(" ORDER BY u.upn_lower, u.id LIMIT ?"),
                           {left}, QStringLiteral("guest"), impact.firstPage);
            break;
        }
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
