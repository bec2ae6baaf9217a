#include "core/services/userservice.h"

#include "core/base/domainname.h"

#include <QCoreApplication>
#include <QHash>
#include <QUuid>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::UserService", s); }

QJsonObject auditView(const User &u) {
    return QJsonObject{{QStringLiteral("displayName"), u.displayName},
                       {QStringLiteral("userPrincipalName"), u.userPrincipalName},
                       {QStringLiteral("mail"), u.mail},
                       {QStringLiteral("userType"), toString(u.userType)},
                       {QStringLiteral("accountEnabled"), u.accountEnabled}};
}
} // namespace

Result<User> UserService::fetch(QSqlDatabase &db, const QString &id) {
    const QString sql = QStringLiteral("SELECT ") + User::selectColumns() +
                        QStringLiteral(" FROM users WHERE id = ? AND deleted_at IS NULL");
    auto q = Database::exec(db, sql, {id});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return Error::notFound(tr("The user %1").arg(id));
    }
    QList<User> one{User::fromQuery(*q)};
    if (Status s = loadDetails(db, one); !s.ok()) {
        return s.error();
    }
    return one.front();
}

Status UserService::loadDetails(QSqlDatabase &db, QList<User> &users) {
    if (users.isEmpty()) {
        return {};
    }
    QHash<QString, int> index;
    QString placeholders;
    QVariantList ids;
    for (int i = 0; i < users.size(); ++i) {
        index.insert(users[i].id, i);
        placeholders += i ? QStringLiteral(",?") : QStringLiteral("?");
        ids << users[i].id;
    }
    const QString identitiesSql = QStringLiteral("SELECT user_id, sign_in_type, issuer, issuer_assigned_id FROM "
                                                 "user_identities WHERE user_id IN (") + placeholders +
                                  QStringLiteral(") ORDER BY user_id, sign_in_type");
    auto q = Database::exec(db, identitiesSql, ids);
    if (!q.ok()) {
        return q.error();
    }
    while (q->next()) {
        users[index.value(q->value(0).toString())].identities
            << Identity{q->value(1).toString(), q->value(2).toString(), q->value(3).toString()};
    }
    const QString sponsorsSql =
        QStringLiteral("SELECT user_id, sponsor_id FROM sponsors WHERE user_id IN (") + placeholders +
        QStringLiteral(") ORDER BY user_id, sponsor_id");
    auto s = Database::exec(db, sponsorsSql, ids);
    if (!s.ok()) {
        return s.error();
    }
    while (s->next()) {
        users[index.value(s->value(0).toString())].sponsorIds << s->value(1).toString();
    }
    return {};
}

Result<User> UserService::addMember(const NewMember &m) {
    AuditEntry e{activity::AddUser, category::UserManagement, QStringLiteral("user")};
    e.targetName = m.userPrincipalName;
    if (Status s = m_ctx.require(Permission::ManageMembers, e); !s.ok()) {
        return s.error();
    }
    const QString name = m.displayName.trimmed();
    if (name.isEmpty() || name.size() > 256) {
        return Error::invalid(tr("Enter a display name of at most 256 characters."), QStringLiteral("name"));
    }
    const QString upn = m.userPrincipalName.trimmed();
    const int at = upn.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || upn.count(QLatin1Char('@')) != 1 || upn.contains(QLatin1Char('#'))) {
        return Error::invalid(tr("\"%1\" is not a user principal name; use name@domain (\"#\" is reserved for guests).")
                                  .arg(upn),
                              QStringLiteral("upn"));
    }
    for (QChar c : upn.left(at)) {
        if (!(c.isLetterOrNumber() || QStringLiteral("._-'").contains(c)) || c.unicode() > 127) {
            return Error::invalid(tr("The user principal name may contain only letters, digits and . _ - ' before the @."),
                                  QStringLiteral("upn"));
        }
    }
    auto domain = normalizeDomain(upn.mid(at + 1));
    if (!domain.ok()) {
        Error err = domain.error();
        err.field = QStringLiteral("upn");
        return err;
    }
    QString mail = m.mail.trimmed();
    if (!mail.isEmpty() && (mail.count(QLatin1Char('@')) != 1 || mail.contains(QLatin1Char('\n')) ||
                            mail.contains(QLatin1Char('\r')))) {
        return Error::invalid(tr("\"%1\" is not an email address.").arg(mail), QStringLiteral("mail"));
    }
    const QString fullUpn = upn.left(at) + QLatin1Char('@') + *domain;
    User created;
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto v = Database::exec(db, QStringLiteral("SELECT 1 FROM verified_domains WHERE domain = ?"), {*domain});
        if (!v.ok()) {
            return v.error();
        }
        if (!v->next()) {
            return Error::invalid(tr("%1 is not a verified domain of this directory.").arg(*domain),
                                  QStringLiteral("upn"));
        }
        auto dup = Database::exec(db, QStringLiteral("SELECT 1 FROM users WHERE upn_lower = ?"), {fullUpn.toLower()});
        if (!dup.ok()) {
            return dup.error();
        }
        if (dup->next()) {
            return Error{ErrorCode::AlreadyExists, tr("A user with the name %1 already exists.").arg(fullUpn), {},
                         QStringLiteral("upn"), false};
        }
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString effectiveMail = mail.isEmpty() ? fullUpn : mail;
        const QString mailDomain = effectiveMail.section(QLatin1Char('@'), 1).toLower();
        auto r = Database::exec(db,
                                QStringLiteral("INSERT INTO users (id, display_name, user_principal_name, upn_lower, "
                                               "mail, mail_lower, mail_domain, user_type, created_at) "
                                               "VALUES (?, ?, ?, ?, ?, ?, ?, 'Member', ?)"),
                                {id, name, fullUpn, fullUpn.toLower(), effectiveMail, effectiveMail.toLower(),
                                 mailDomain, m_ctx.clock().nowMs()});
        if (!r.ok()) {
            return r.error();
        }
        auto u = fetch(db, id);
        if (!u.ok()) {
            return u.error();
        }
        created = *u;
        e.targetId = id;
        e.after = auditView(created);
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        return s.error();
    }
    return created;
}

Result<User> UserService::get(const QString &id) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Read user"), category::UserManagement});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    return fetch(*c, id);
}

Result<QList<User>> UserService::list(const UserQuery &query) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("List users"), category::UserManagement});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    QString sql = QStringLiteral("SELECT ") + User::selectColumns() + QStringLiteral(" FROM users WHERE deleted_at IS NULL");
    QVariantList values;
    if (query.userType) {
        sql += QStringLiteral(" AND user_type = ?");
        values << toString(*query.userType);
    }
    sql += QStringLiteral(" ORDER BY display_name, id LIMIT ?");
    values << query.limit;
    auto q = Database::exec(*c, sql, values);
    if (!q.ok()) {
        return q.error();
    }
    QList<User> users;
    while (q->next()) {
        users << User::fromQuery(*q);
    }
    if (Status s = loadDetails(*c, users); !s.ok()) {
        return s.error();
    }
    return users;
}

Result<User> UserService::update(const QString &id, qint64 expectedRowVersion, const UserPatch &patch) {
    AuditEntry e{activity::UpdateUser, category::UserManagement, QStringLiteral("user")};
    e.targetId = id;
    // Blocking sign-in alone is a helpdesk action; anything else needs user management rights.
    const bool onlyBlock = patch.accountEnabled && !patch.displayName && !patch.userType;
    if (Status s = m_ctx.require(onlyBlock ? Permission::BlockSignIn : Permission::ManageGuests, e); !s.ok()) {
        return s.error();
    }
    if (patch.displayName && (patch.displayName->trimmed().isEmpty() || patch.displayName->size() > 256)) {
        return Error::invalid(tr("Enter a display name of at most 256 characters."), QStringLiteral("name"));
    }
    User after;
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto before = fetch(db, id);
        if (!before.ok()) {
            return before.error();
        }
        if (before->rowVersion != expectedRowVersion) {
            return Error::conflict(tr("The user %1").arg(before->userPrincipalName));
        }
        if (patch.accountEnabled && !*patch.accountEnabled && id == m_ctx.op().userId) {
            return Error::invalid(tr("You cannot block your own sign-in."));
        }
        User b = *before;
        auto r = Database::exec(db,
                                QStringLiteral("UPDATE users SET display_name = ?, account_enabled = ?, user_type = ?, "
                                               "row_version = row_version + 1 WHERE id = ? AND row_version = ?"),
                                {patch.displayName.value_or(b.displayName).trimmed(),
                                 patch.accountEnabled.value_or(b.accountEnabled) ? 1 : 0,
                                 toString(patch.userType.value_or(b.userType)), id, expectedRowVersion});
        if (!r.ok()) {
            return r.error();
        }
        if (r->numRowsAffected() == 0) {
            return Error::conflict(tr("The user %1").arg(b.userPrincipalName));
        }
        auto a = fetch(db, id);
        if (!a.ok()) {
            return a.error();
        }
        after = *a;
        e.targetName = b.userPrincipalName;
        e.before = auditView(b);
        e.after = auditView(after);
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        if (s.error().code == ErrorCode::Conflict) {
            return m_ctx.refuse(s.error(), e).error();
        }
        return s.error();
    }
    return after;
}

} // namespace atrium::core
