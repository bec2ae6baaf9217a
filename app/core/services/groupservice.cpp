#include "core/services/groupservice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUuid>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::GroupService", s); }
} // namespace

QJsonObject DirectoryObject::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("displayName"), displayName},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("memberCount"), memberCount},
                       {QStringLiteral("owners"), QJsonArray::fromStringList(ownerIds)}};
}

Result<QString> GroupService::kindOf(QSqlDatabase &db, const QString &objectId) {
    auto g = Database::exec(db, QStringLiteral("SELECT 'group' FROM directory_groups WHERE id = ? UNION ALL "
                                               "SELECT 'application' FROM applications WHERE id = ?"),
                            {objectId, objectId});
    if (!g.ok()) {
        return g.error();
    }
    if (!g->next()) {
        return Error::notFound(tr("The group or application %1").arg(objectId));
    }
    return g->value(0).toString();
}

Result<DirectoryObject> GroupService::createGroup(const QString &displayName, const QString &description) {
    AuditEntry e{activity::AddGroup, category::GroupManagement, QStringLiteral("group")};
    e.targetName = displayName;
    if (Status s = m_ctx.require(Permission::ManageGroupsAndApps, e); !s.ok()) {
        return s.error();
    }
    if (displayName.trimmed().isEmpty() || displayName.size() > 256) {
        return Error::invalid(tr("Enter a group name of at most 256 characters."), QStringLiteral("name"));
    }
    DirectoryObject obj{QUuid::createUuid().toString(QUuid::WithoutBraces), displayName.trimmed(),
                        QStringLiteral("group"), 0, {}};
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto r = Database::exec(
            db,
            QStringLiteral("INSERT INTO directory_groups (id, display_name, description, created_at) VALUES (?, ?, ?, ?)"),
            {obj.id, obj.displayName, description, m_ctx.clock().nowMs()});
        if (!r.ok()) {
            return r.error();
        }
        e.targetId = obj.id;
        e.after = obj.toJson();
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        return s.error();
    }
    return obj;
}

Result<DirectoryObject> GroupService::createApplication(const QString &displayName) {
    AuditEntry e{activity::AddApplication, category::ApplicationManagement, QStringLiteral("application")};
    e.targetName = displayName;
    if (Status s = m_ctx.require(Permission::ManageGroupsAndApps, e); !s.ok()) {
        return s.error();
    }
    if (displayName.trimmed().isEmpty() || displayName.size() > 256) {
        return Error::invalid(tr("Enter an application name of at most 256 characters."), QStringLiteral("name"));
    }
    DirectoryObject obj{QUuid::createUuid().toString(QUuid::WithoutBraces), displayName.trimmed(),
                        QStringLiteral("application"), 0, {}};
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto r = Database::exec(db,
                                QStringLiteral("INSERT INTO applications (id, display_name, created_at) VALUES (?, ?, ?)"),
                                {obj.id, obj.displayName, m_ctx.clock().nowMs()});
        if (!r.ok()) {
            return r.error();
        }
        e.targetId = obj.id;
        e.after = obj.toJson();
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        return s.error();
    }
    return obj;
}

Status GroupService::addOwner(const QString &objectId, const QString &userId) {
    AuditEntry e{activity::AddGroupOwner, category::GroupManagement, QStringLiteral("group")};
    e.targetId = objectId;
    if (Status s = m_ctx.require(Permission::ManageGroupsAndApps, e); !s.ok()) {
        return s;
    }
    return m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto kind = kindOf(db, objectId);
        if (!kind.ok()) {
            return kind.error();
        }
        const bool group = *kind == QLatin1String("group");
        const QString sql = group ? QStringLiteral("INSERT INTO group_owners (group_id, user_id) VALUES (?, ?)")
                                  : QStringLiteral("INSERT INTO app_owners (app_id, user_id) VALUES (?, ?)");
        auto r = Database::exec(db, sql, {objectId, userId});
        if (!r.ok()) {
            return r.error();
        }
        if (!group) {
            e.activity = activity::AddAppOwner;
            e.category = category::ApplicationManagement;
            e.targetType = QStringLiteral("application");
        }
        e.after = QJsonObject{{QStringLiteral("owner"), userId}};
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
}

Status GroupService::addMemberTx(QSqlDatabase &db, const Clock &clock, const QString &objectId, const QString &userId,
                                 QString *kindOut) {
    auto kind = kindOf(db, objectId);
    if (!kind.ok()) {
        return kind.error();
    }
    const bool group = *kind == QLatin1String("group");
    const QString sql =
        group ? QStringLiteral("INSERT INTO group_members (group_id, user_id, added_at) VALUES (?, ?, ?)")
              : QStringLiteral("INSERT INTO app_assignments (app_id, user_id, added_at) VALUES (?, ?, ?)");
    auto r = Database::exec(db, sql, {objectId, userId, clock.nowMs()});
    if (!r.ok()) {
        return r.error();
    }
    if (kindOut) {
        *kindOut = *kind;
    }
    return {};
}

Status GroupService::addMember(const QString &objectId, const QString &userId) {
    AuditEntry e{activity::AddGroupMember, category::GroupManagement, QStringLiteral("group")};
    e.targetId = objectId;
    if (Status s = m_ctx.require(Permission::ManageGroupsAndApps, e); !s.ok()) {
        return s;
    }
    return m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        QString kind;
        if (Status s = addMemberTx(db, m_ctx.clock(), objectId, userId, &kind); !s.ok()) {
            return s;
        }
        if (kind == QLatin1String("application")) {
            e.activity = activity::AddAppAssignment;
            e.category = category::ApplicationManagement;
            e.targetType = QStringLiteral("application");
        }
        e.after = QJsonObject{{QStringLiteral("member"), userId}};
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
}

Result<QList<DirectoryObject>> GroupService::listObjects(const QString &sql, const QVariantList &values,
                                                         const QString &kind) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("List groups"), category::GroupManagement});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto q = Database::exec(*c, sql, values);
    if (!q.ok()) {
        return q.error();
    }
    QList<DirectoryObject> out;
    while (q->next()) {
        DirectoryObject o{q->value(0).toString(), q->value(1).toString(), kind.isEmpty() ? q->value(4).toString() : kind,
                          q->value(2).toInt(), {}};
        const QString owners = q->value(3).toString();
        if (!owners.isEmpty()) {
            o.ownerIds = owners.split(QLatin1Char(','));
        }
        out << o;
    }
    return out;
}

Result<QList<DirectoryObject>> GroupService::groups() const {
    const QString sql = m_ctx.db().engine() == Engine::Sqlite
                            ? QStringLiteral("SELECT g.id, g.display_name, (SELECT COUNT(*) FROM group_members m WHERE "
                                             "m.group_id = g.id), (SELECT group_concat(o.user_id, ',') FROM "
                                             "group_owners o WHERE o.group_id = g.id) FROM directory_groups g "
                                             "ORDER BY g.display_name")
                            : QStringLiteral("SELECT g.id, g.display_name, (SELECT COUNT(*) FROM group_members m WHERE "
                                             "m.group_id = g.id), (SELECT string_agg(o.user_id, ',') FROM "
                                             "group_owners o WHERE o.group_id = g.id) FROM directory_groups g "
                                             "ORDER BY g.display_name");
    return listObjects(sql, {}, QStringLiteral("group"));
}

Result<QList<DirectoryObject>> GroupService::applications() const {
    const QString sql = m_ctx.db().engine() == Engine::Sqlite
                            ? QStringLiteral("SELECT a.id, a.display_name, (SELECT COUNT(*) FROM app_assignments m "
                                             "WHERE m.app_id = a.id), (SELECT group_concat(o.user_id, ',') FROM "
                                             "app_owners o WHERE o.app_id = a.id) FROM applications a "
                                             "ORDER BY a.display_name")
                            : QStringLiteral("SELECT a.id, a.display_name, (SELECT COUNT(*) FROM app_assignments m "
                                             "WHERE m.app_id = a.id), (SELECT string_agg(o.user_id, ',') FROM "
                                             "app_owners o WHERE o.app_id = a.id) FROM applications a "
                                             "ORDER BY a.display_name");
    return listObjects(sql, {}, QStringLiteral("application"));
}

Result<QList<DirectoryObject>> GroupService::ownedBy(const QString &userId) const {
    return listObjects(
        QStringLiteral("SELECT g.id, g.display_name, (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id), "
                       "'', 'group' FROM directory_groups g JOIN group_owners o ON o.group_id = g.id WHERE o.user_id = ? "
                       "UNION ALL SELECT a.id, a.display_name, (SELECT COUNT(*) FROM app_assignments m WHERE m.app_id = "
                       "a.id), '', 'application' FROM applications a JOIN app_owners o ON o.app_id = a.id WHERE "
                       "o.user_id = ? ORDER BY 2"),
        {userId, userId}, {});
}

} // namespace atrium::core
