#include "core/services/directoryservice.h"

#include "core/base/domainname.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>
#include <QUuid>

#include <pwd.h>
#include <unistd.h>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::DirectoryService", s); }

Status validateDisplayName(const QString &name, const QString &field) {
    const QString t = name.trimmed();
    if (t.isEmpty()) {
        return Error::invalid(tr("Enter a display name."), field);
    }
    if (t.size() > 256) {
        return Error::invalid(tr("The display name is longer than 256 characters."), field);
    }
    for (QChar c : t) {
        if (c.category() == QChar::Other_Control) {
            return Error::invalid(tr("The display name contains a control character."), field);
        }
    }
    return {};
}

QString fullNameOfAccount() {
    if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_gecos && *pw->pw_gecos) {
        const QString gecos = QString::fromLocal8Bit(pw->pw_gecos).section(QLatin1Char(','), 0, 0).trimmed();
        if (!gecos.isEmpty()) {
            return gecos;
        }
    }
    return currentOsAccount();
}

QString upnLocalFrom(const QString &account) {
    QString out;
    for (QChar c : account.toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            out += c;
        } else if (c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('_')) {
            out += c;
        }
    }
    return out.isEmpty() ? QStringLiteral("admin") : out;
}
} // namespace

QJsonObject DirectoryInfo::toJson() const {
    return QJsonObject{{QStringLiteral("id"), tenantId},
                       {QStringLiteral("tenantId"), tenantId},
                       {QStringLiteral("displayName"), displayName},
                       {QStringLiteral("initialDomain"), initialDomain},
                       {QStringLiteral("verifiedDomains"), QJsonArray::fromStringList(verifiedDomains)},
                       {QStringLiteral("privacyStatementUrl"), privacyStatementUrl},
                       {QStringLiteral("privacyContact"), privacyContact},
                       {QStringLiteral("createdDateTime"), isoUtc(createdAt)},
                       {QStringLiteral("schemaVersion"), schemaVersion},
                       {QStringLiteral("engine"), engine},
                       {QStringLiteral("location"), location}};
}

Result<bool> DirectoryService::exists(Database &database) {
    auto c = database.connection();
    if (!c.ok()) {
        return c.error();
    }
    auto q = Database::exec(*c, QStringLiteral("SELECT COUNT(*) FROM directory"));
    if (!q.ok()) {
        return q.error();
    }
    return q->next() && q->value(0).toInt() > 0;
}

Result<Operator> DirectoryService::create(Database &database, const Clock &clock, NewDirectory spec) {
    if (Status s = validateDisplayName(spec.displayName, QStringLiteral("name")); !s.ok()) {
        return s.error();
    }
    auto domain = normalizeDomain(spec.initialDomain);
    if (!domain.ok()) {
        Error e = domain.error();
        e.field = QStringLiteral("domain");
        return e;
    }
    if (spec.osAccount.isEmpty() && database.engine() == Engine::Sqlite) {
        spec.osAccount = currentOsAccount();
    }
    if (spec.creatorDisplayName.trimmed().isEmpty()) {
        spec.creatorDisplayName = fullNameOfAccount();
    }
    Operator creator;
    const Status s = database.transaction([&](QSqlDatabase &db) -> Status {
        auto existing = Database::exec(db, QStringLiteral("SELECT display_name FROM directory"));
        if (!existing.ok()) {
            return existing.error();
        }
        if (existing->next()) {
            return Error{ErrorCode::AlreadyExists,
                         tr("This database already holds the directory \"%1\".").arg(existing->value(0).toString()),
                         {},
                         {},
                         false};
        }
        if (database.engine() == Engine::Postgres && spec.dbLogin.isEmpty()) {
            auto who = Database::exec(db, QStringLiteral("SELECT current_user"));
            if (!who.ok()) {
                return who.error();
            }
            who->next();
            spec.dbLogin = who->value(0).toString();
        }
        const qint64 now = clock.nowMs();
        const QString tenantId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto r = Database::exec(db,
                                QStringLiteral("INSERT INTO directory (id, tenant_id, display_name, initial_domain, "
                                               "created_at) VALUES (1, ?, ?, ?, ?)"),
                                {tenantId, spec.displayName.trimmed(), *domain, now});
        if (!r.ok()) {
            return r.error();
        }
        r = Database::exec(db, QStringLiteral("INSERT INTO verified_domains (domain, added_at) VALUES (?, ?)"),
                           {*domain, now});
        if (!r.ok()) {
            return r.error();
        }
        const QString userId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString upn = upnLocalFrom(spec.dbLogin.isEmpty() ? spec.osAccount : spec.dbLogin) +
                            QLatin1Char('@') + *domain;
        const QVariant nullText; // an invalid QVariant binds SQL NULL
        r = Database::exec(db,
                           QStringLiteral("INSERT INTO users (id, display_name, user_principal_name, upn_lower, mail, "
                                          "mail_lower, mail_domain, user_type, created_at, os_account, db_login) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?, 'Member', ?, ?, ?)"),
                           {userId, spec.creatorDisplayName.trimmed(), upn, upn.toLower(), upn, upn.toLower(), *domain,
                            now, spec.osAccount.isEmpty() ? nullText : QVariant(spec.osAccount),
                            spec.dbLogin.isEmpty() ? nullText : QVariant(spec.dbLogin)});
        if (!r.ok()) {
            return r.error();
        }
        r = Database::exec(db,
                           QStringLiteral("INSERT INTO role_assignments (user_id, role, assigned_at, assigned_by) "
                                          "VALUES (?, 'GlobalAdministrator', ?, ?)"),
                           {userId, now, userId});
        if (!r.ok()) {
            return r.error();
        }
        auto op = Operator::load(db, userId);
        if (!op.ok()) {
            return op.error();
        }
        creator = *op;
        AuditEntry e;
        e.activity = activity::CreateDirectory;
        e.category = category::DirectoryManagement;
        e.targetType = QStringLiteral("directory");
        e.targetId = tenantId;
        e.targetName = spec.displayName.trimmed();
        e.after = QJsonObject{{QStringLiteral("displayName"), spec.displayName.trimmed()},
                              {QStringLiteral("initialDomain"), *domain},
                              {QStringLiteral("globalAdministrator"), upn}};
        return AuditLog::append(db, clock, creator, e);
    });
    if (!s.ok()) {
        return s.error();
    }
    return creator;
}

Result<DirectoryInfo> DirectoryService::read(Database &database) {
    auto c = database.connection();
    if (!c.ok()) {
        return c.error();
    }
    QSqlDatabase db = *c;
    auto q = Database::exec(db, QStringLiteral("SELECT tenant_id, display_name, initial_domain, privacy_statement_url, "
                                               "privacy_contact, created_at, row_version FROM directory WHERE id = 1"));
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return Error{ErrorCode::NotFound,
                     tr("The database holds no directory yet. Create one (atriumctl init --name NAME --domain DOMAIN "
                        "or File ▸ New directory)."),
                     {},
                     {},
                     false};
    }
    DirectoryInfo info;
    info.tenantId = q->value(0).toString();
    info.displayName = q->value(1).toString();
    info.initialDomain = q->value(2).toString();
    info.privacyStatementUrl = q->value(3).toString();
    info.privacyContact = q->value(4).toString();
    info.createdAt = q->value(5).toLongLong();
    info.rowVersion = q->value(6).toLongLong();
    auto d = Database::exec(db, QStringLiteral("SELECT domain FROM verified_domains ORDER BY domain"));
    if (!d.ok()) {
        return d.error();
    }
    while (d->next()) {
        info.verifiedDomains << d->value(0).toString();
    }
    info.schemaVersion = database.schemaVersion();
    info.engine = database.info().engineName();
    info.location = database.info().displayName();
    return info;
}

Result<DirectoryInfo> DirectoryService::info() const {
    if (Status s = m_ctx.require(Permission::ReadDirectory,
                                 {QStringLiteral("Read directory"), category::DirectoryManagement});
        !s.ok()) {
        return s.error();
    }
    return read(m_ctx.db());
}

Result<DirectoryInfo> DirectoryService::update(const DirectoryPatch &patch, qint64 expectedRowVersion) {
    AuditEntry e{activity::UpdateDirectory, category::DirectoryManagement, QStringLiteral("directory")};
    if (Status s = m_ctx.require(Permission::EditDirectoryProperties, e); !s.ok()) {
        return s.error();
    }
    if (patch.displayName) {
        if (Status s = validateDisplayName(*patch.displayName, QStringLiteral("displayName")); !s.ok()) {
            return s.error();
        }
    }
    if (patch.privacyStatementUrl && !patch.privacyStatementUrl->isEmpty()) {
        const QUrl url(*patch.privacyStatementUrl, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
            return Error::invalid(tr("The privacy statement URL must be an absolute https:// URL."),
                                  QStringLiteral("privacyStatementUrl"));
        }
    }
    auto before = read(m_ctx.db());
    if (!before.ok()) {
        return before.error();
    }
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        const DirectoryInfo &b = *before;
        const QString name = patch.displayName.value_or(b.displayName).trimmed();
        const QString url = patch.privacyStatementUrl.value_or(b.privacyStatementUrl).trimmed();
        const QString contact = patch.privacyContact.value_or(b.privacyContact).trimmed();
        auto r = Database::exec(db,
                                QStringLiteral("UPDATE directory SET display_name = ?, privacy_statement_url = ?, "
                                               "privacy_contact = ?, row_version = row_version + 1 "
                                               "WHERE id = 1 AND row_version = ?"),
                                {name, url, contact, expectedRowVersion});
        if (!r.ok()) {
            return r.error();
        }
        if (r->numRowsAffected() == 0) {
            return Error::conflict(tr("The directory"));
        }
        e.targetId = b.tenantId;
        e.targetName = name;
        e.before = QJsonObject{{QStringLiteral("displayName"), b.displayName},
                               {QStringLiteral("privacyStatementUrl"), b.privacyStatementUrl},
                               {QStringLiteral("privacyContact"), b.privacyContact}};
        e.after = QJsonObject{{QStringLiteral("displayName"), name},
                              {QStringLiteral("privacyStatementUrl"), url},
                              {QStringLiteral("privacyContact"), contact}};
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        return s.error();
    }
    return read(m_ctx.db());
}

Status DirectoryService::backup(const QString &path) const {
    AuditEntry e{activity::BackupDirectory, category::DirectoryManagement, QStringLiteral("directory")};
    e.targetName = path;
    if (Status s = m_ctx.require(Permission::BackupDirectory, e); !s.ok()) {
        return s;
    }
    if (Status s = m_ctx.db().backupTo(path); !s.ok()) {
        return s;
    }
    return m_ctx.db().transaction(
        [&](QSqlDatabase &db) { return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e); });
}

} // namespace atrium::core
