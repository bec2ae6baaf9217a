#include "core/crosstenant/crosstenantservice.h"

#include "core/base/domainname.h"
#include "core/services/roleservice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::CrossTenantService", s); }

QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QJsonObject parseObject(const QString &s) { return QJsonDocument::fromJson(s.toUtf8()).object(); }

Error problemsError(const QList<ConfigProblem> &problems) {
    QStringList lines;
    for (const ConfigProblem &p : problems) {
        lines << p.path + QStringLiteral(": ") + p.message;
    }
    return Error::invalid(lines.join(QLatin1Char('\n')), problems.first().path);
}

void normalizePartner(CrossTenantConfiguration &p) {
    p.isDefault = false;
    const QString id = normalizeTenantId(p.tenantId);
    if (!id.isEmpty()) {
        p.tenantId = id;
    }
    p.name = p.name.trimmed();
    for (QString &d : p.domains) {
        if (auto n = normalizeDomain(d); n.ok()) {
            d = *n;
        }
    }
}

QString cloudsText(const QList<Cloud> &clouds) {
    QStringList out;
    for (Cloud c : clouds) {
        if (c != Cloud::global && !out.contains(toString(c))) {
            out << toString(c);
        }
    }
    return out.join(QLatin1Char(','));
}

QJsonObject policyJson(const CrossTenantPolicyRecord &p) {
    QJsonArray clouds;
    for (Cloud c : p.enabledClouds) {
        clouds.append(toString(c));
    }
    return {{QStringLiteral("default"), GraphJson::toJson(p.defaultConfiguration)}, {QStringLiteral("enabledClouds"), clouds}};
}

Result<CrossTenantPolicyRecord> readPolicy(QSqlDatabase &db) {
    auto q = Database::exec(db, QStringLiteral("SELECT default_config, enabled_clouds, row_version FROM cross_tenant_policy WHERE id = 1"));
    if (!q.ok()) {
        return q.error();
    }
    CrossTenantPolicyRecord r;
    r.defaultConfiguration = CrossTenantConfiguration::systemDefault();
    r.enabledClouds = {Cloud::global};
    if (!q->next()) {
        return Error{ErrorCode::Database, tr("The cross-tenant access settings are missing from the directory."), {}, {}, false};
    }
    const QString def = q->value(0).toString();
    if (!def.isEmpty()) {
        auto c = GraphJson::configurationFromJson(parseObject(def), true, false);
        if (!c.ok()) {
            return c.error();
        }
        r.defaultConfiguration = *c;
        r.isSystemDefault = false;
    }
    for (const QString &c : q->value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (auto cloud = cloudFromString(c); cloud && !r.enabledClouds.contains(*cloud)) {
            r.enabledClouds.append(*cloud);
        }
    }
    r.rowVersion = q->value(2).toLongLong();
    return r;
}

const QString kPartnerColumns = QStringLiteral("config, created_at, updated_at, row_version");

Result<PartnerRecord> partnerFromQuery(const QSqlQuery &q) {
    auto c = GraphJson::configurationFromJson(parseObject(q.value(0).toString()), false, false);
    if (!c.ok()) {
        return c.error();
    }
    return PartnerRecord{*c, q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()};
}

Result<std::optional<PartnerRecord>> readPartner(QSqlDatabase &db, const QString &tenantId) {
    auto q = Database::exec(db, QStringLiteral("SELECT ") + kPartnerColumns + QStringLiteral(" FROM cross_tenant_partners WHERE tenant_id = ?"),
                            {tenantId});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return std::optional<PartnerRecord>();
    }
    auto p = partnerFromQuery(*q);
    if (!p.ok()) {
        return p.error();
    }
    return std::optional<PartnerRecord>(*p);
}

Status bumpGeneration(QSqlDatabase &db) {
    auto q = Database::exec(db, QStringLiteral("UPDATE cross_tenant_policy SET generation = generation + 1 WHERE id = 1"));
    return q.ok() ? Status() : Status(q.error());
}

// Domains a partner may take: none may belong to another partner (checked first, because a failed
// statement would abort a PostgreSQL transaction).
Status writeDomains(QSqlDatabase &db, const CrossTenantConfiguration &p, const QString &pathPrefix) {
    for (qsizetype i = 0; i < p.domains.size(); ++i) {
        auto q = Database::exec(db, QStringLiteral("SELECT p.name FROM cross_tenant_partner_domains d JOIN cross_tenant_partners p ON "
                                                   "p.tenant_id = d.tenant_id WHERE d.domain = ? AND d.tenant_id <> ?"),
                                {p.domains.at(i), p.tenantId});
        if (!q.ok()) {
            return q.error();
        }
        if (q->next()) {
            Error e{ErrorCode::AlreadyExists,
                    tr("The domain %1 already belongs to the partner %2.").arg(p.domains.at(i), q->value(0).toString()),
                    {}, pathPrefix + QStringLiteral("domains[%1]").arg(i), false};
            return e;
        }
    }
    if (auto q = Database::exec(db, QStringLiteral("DELETE FROM cross_tenant_partner_domains WHERE tenant_id = ?"), {p.tenantId});
        !q.ok()) {
        return q.error();
    }
    for (const QString &d : p.domains) {
        if (auto q = Database::exec(db, QStringLiteral("INSERT INTO cross_tenant_partner_domains (domain, tenant_id) VALUES (?, ?)"),
                                    {d, p.tenantId});
            !q.ok()) {
            return q.error();
        }
    }
    return {};
}

Status insertPartner(QSqlDatabase &db, const CrossTenantConfiguration &p, qint64 now) {
    auto q = Database::exec(db,
                            QStringLiteral("INSERT INTO cross_tenant_partners (tenant_id, name, name_lower, cloud, config, created_at, "
                                           "updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"),
                            {p.tenantId, p.name, p.name.toLower(), toString(p.cloud), compact(GraphJson::toJson(p)), now, now});
    return q.ok() ? Status() : Status(q.error());
}

// CAS update; 0 rows = stale version (or gone).
Result<bool> updatePartnerRow(QSqlDatabase &db, const CrossTenantConfiguration &p, qint64 expected, qint64 now) {
    auto q = Database::exec(db,
                            QStringLiteral("UPDATE cross_tenant_partners SET name = ?, name_lower = ?, cloud = ?, config = ?, "
                                           "updated_at = ?, row_version = row_version + 1 WHERE tenant_id = ? AND row_version = ?"),
                            {p.name, p.name.toLower(), toString(p.cloud), compact(GraphJson::toJson(p)), now, p.tenantId, expected});
    if (!q.ok()) {
        return q.error();
    }
    return q->numRowsAffected() > 0;
}

Result<QList<ConditionalAccessPolicy>> readPolicies(QSqlDatabase &db) {
    auto q = Database::exec(db, QStringLiteral("SELECT policy, row_version FROM conditional_access_policies ORDER BY display_name, id"));
    if (!q.ok()) {
        return q.error();
    }
    QList<ConditionalAccessPolicy> out;
    while (q->next()) {
        auto p = ConditionalAccessPolicy::fromJson(parseObject(q->value(0).toString()));
        if (!p.ok()) {
            return p.error();
        }
        p->rowVersion = q->value(1).toLongLong();
        out << *p;
    }
    return out;
}

QString likeEscape(const QString &s) {
    QString out = s;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    out.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return out;
}
} // namespace

QJsonObject CrossTenantImportReport::toJson() const {
    auto problemsJson = [](const QList<ConfigProblem> &list) {
        QJsonArray a;
        for (const ConfigProblem &p : list) {
            a.append(QJsonObject{{QStringLiteral("path"), p.path}, {QStringLiteral("message"), p.message}});
        }
        return a;
    };
    return {{QStringLiteral("dryRun"), dryRun},
            {QStringLiteral("applied"), applied},
            {QStringLiteral("problems"), problemsJson(problems)},
            {QStringLiteral("warnings"), problemsJson(warnings)},
            {QStringLiteral("defaultChanged"), defaultChanged},
            {QStringLiteral("cloudsChanged"), cloudsChanged},
            {QStringLiteral("added"), QJsonArray::fromStringList(added)},
            {QStringLiteral("updated"), QJsonArray::fromStringList(updated)},
            {QStringLiteral("unchanged"), QJsonArray::fromStringList(unchanged)}};
}

Status CrossTenantService::requireEdit(AuditEntry &e) const {
    e.category = category::CrossTenantAccessSettings;
    return m_ctx.require(Permission::EditCrossTenantAccess, e);
}

Result<CrossTenantPolicyRecord> CrossTenantService::policy() const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Read cross-tenant access settings"),
                                                             category::CrossTenantAccessSettings});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    return readPolicy(*c);
}

Result<CrossTenantPolicyRecord> CrossTenantService::updateDefault(CrossTenantConfiguration def, qint64 expectedRowVersion) {
    AuditEntry e{activity::UpdateCrossTenantDefault, category::CrossTenantAccessSettings, QStringLiteral("setting"),
                 QStringLiteral("default"), tr("Default settings")};
    if (Status s = requireEdit(e); !s.ok()) {
        return s.error();
    }
    def.isDefault = true;
    def.tenantId.clear();
    def.name.clear();
    def.domains.clear();
    if (const auto problems = validateConfiguration(def); !problems.isEmpty()) {
        return problemsError(problems);
    }
    CrossTenantPolicyRecord result;
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto cur = readPolicy(db);
        if (!cur.ok()) {
            return cur.error();
        }
        const bool system = def == CrossTenantConfiguration::systemDefault();
        auto q = Database::exec(db, QStringLiteral("UPDATE cross_tenant_policy SET default_config = ?, updated_at = ?, generation = "
                                                   "generation + 1, row_version = row_version + 1 WHERE id = 1 AND row_version = ?"),
                                {system ? QString() : compact(GraphJson::toJson(def)), m_ctx.clock().nowMs(), expectedRowVersion});
        if (!q.ok()) {
            return q.error();
        }
        if (q->numRowsAffected() == 0) {
            return Error::conflict(tr("The default cross-tenant access settings"));
        }
        e.before = GraphJson::toJson(cur->defaultConfiguration);
        e.after = GraphJson::toJson(def);
        result = *cur;
        result.defaultConfiguration = def;
        result.isSystemDefault = system;
        result.rowVersion = cur->rowVersion + 1;
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        return s.error().code == ErrorCode::Conflict ? m_ctx.refuse(s.error(), e).error() : s.error();
    }
    return result;
}

Result<CrossTenantPolicyRecord> CrossTenantService::setEnabledClouds(QList<Cloud> clouds, qint64 expectedRowVersion) {
    AuditEntry e{activity::UpdateCrossTenantDefault, category::CrossTenantAccessSettings, QStringLiteral("setting"),
                 QStringLiteral("clouds"), tr("Microsoft cloud settings")};
    if (Status s = requireEdit(e); !s.ok()) {
        return s.error();
    }
    CrossTenantPolicyRecord result;
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto cur = readPolicy(db);
        if (!cur.ok()) {
            return cur.error();
        }
        auto q = Database::exec(db, QStringLiteral("UPDATE cross_tenant_policy SET enabled_clouds = ?, updated_at = ?, generation = "
                                                   "generation + 1, row_version = row_version + 1 WHERE id = 1 AND row_version = ?"),
                                {cloudsText(clouds), m_ctx.clock().nowMs(), expectedRowVersion});
        if (!q.ok()) {
            return q.error();
        }
        if (q->numRowsAffected() == 0) {
            return Error::conflict(tr("The cross-tenant cloud settings"));
        }
        result = *cur;
        result.enabledClouds = {Cloud::global};
        for (Cloud c : clouds) {
            if (!result.enabledClouds.contains(c)) {
                result.enabledClouds.append(c);
            }
        }
        result.rowVersion = cur->rowVersion + 1;
        e.before = policyJson(*cur);
        e.before.remove(QStringLiteral("default"));
        e.after = policyJson(result);
        e.after.remove(QStringLiteral("default"));
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        return s.error().code == ErrorCode::Conflict ? m_ctx.refuse(s.error(), e).error() : s.error();
    }
    return result;
}

Result<PartnerRecord> CrossTenantService::partner(const QString &tenantId) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Read cross-tenant access settings"),
                                                             category::CrossTenantAccessSettings});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    const QString id = normalizeTenantId(tenantId);
    auto p = readPartner(*c, id.isEmpty() ? tenantId : id);
    if (!p.ok()) {
        return p.error();
    }
    if (!*p) {
        return Error::notFound(tr("The partner %1").arg(tenantId));
    }
    return **p;
}

Result<PartnerPage> CrossTenantService::partners(const PartnerQuery &query) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Read cross-tenant access settings"),
                                                             category::CrossTenantAccessSettings});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    const int limit = qBound(1, query.limit, 1000);
    QString sql = QStringLiteral("SELECT ") + kPartnerColumns + QStringLiteral(" FROM cross_tenant_partners p WHERE 1 = 1");
    QVariantList values;
    if (!query.afterName.isNull()) {
        sql += QStringLiteral(" AND (p.name_lower > ? OR (p.name_lower = ? AND p.tenant_id > ?))");
        values << query.afterName << query.afterName << query.afterTenantId;
    }
    const QString search = query.search.trimmed().toLower();
    if (!search.isEmpty()) {
        const QString esc = likeEscape(search);
        sql += QStringLiteral(" AND (p.name_lower LIKE ? ESCAPE '\\' OR p.tenant_id LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM "
                              "cross_tenant_partner_domains d WHERE d.tenant_id = p.tenant_id AND d.domain LIKE ? ESCAPE '\\'))");
        values << QString(QStringLiteral("%") + esc + QStringLiteral("%")) << QString(esc + QStringLiteral("%"))
               << QString(esc + QStringLiteral("%"));
    }
    sql += QStringLiteral(" ORDER BY p.name_lower, p.tenant_id LIMIT ?");
    values << limit + 1;
    auto q = Database::exec(*c, sql, values);
    if (!q.ok()) {
        return q.error();
    }
    PartnerPage page;
    while (q->next()) {
        if (page.partners.size() == limit) {
            page.hasMore = true;
            break;
        }
        auto p = partnerFromQuery(*q);
        if (!p.ok()) {
            return p.error();
        }
        page.partners << *p;
    }
    return page;
}

Result<qint64> CrossTenantService::partnerCount() const {
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto q = Database::exec(*c, QStringLiteral("SELECT COUNT(*) FROM cross_tenant_partners"));
    if (!q.ok()) {
        return q.error();
    }
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<PartnerRecord> CrossTenantService::findPartner(const QString &text) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Read cross-tenant access settings"),
                                                             category::CrossTenantAccessSettings});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    QString tenantId = normalizeTenantId(text);
    if (tenantId.isEmpty()) {
        if (auto d = normalizeDomain(text); d.ok()) {
            QString domain = *d;
            while (tenantId.isEmpty() && domain.contains(QLatin1Char('.'))) {
                auto q = Database::exec(*c, QStringLiteral("SELECT tenant_id FROM cross_tenant_partner_domains WHERE domain = ?"), {domain});
                if (!q.ok()) {
                    return q.error();
                }
                if (q->next()) {
                    tenantId = q->value(0).toString();
                }
                domain = domain.section(QLatin1Char('.'), 1);
            }
        }
    }
    if (tenantId.isEmpty()) {
        auto q = Database::exec(*c, QStringLiteral("SELECT tenant_id FROM cross_tenant_partners WHERE name_lower = ? ORDER BY tenant_id"),
                                {text.trimmed().toLower()});
        if (!q.ok()) {
            return q.error();
        }
        if (q->next()) {
            tenantId = q->value(0).toString();
        }
    }
    if (tenantId.isEmpty()) {
        return Error::notFound(tr("A partner with tenant id, domain or name \"%1\"").arg(text));
    }
    auto p = readPartner(*c, tenantId);
    if (!p.ok()) {
        return p.error();
    }
    if (!*p) {
        return Error::notFound(tr("The partner %1").arg(text));
    }
    return **p;
}

Result<PartnerRecord> CrossTenantService::addPartner(CrossTenantConfiguration p) {
    normalizePartner(p);
    AuditEntry e{activity::AddCrossTenantPartner, category::CrossTenantAccessSettings, QStringLiteral("partner"), p.tenantId, p.name};
    if (Status s = requireEdit(e); !s.ok()) {
        return s.error();
    }
    if (const auto problems = validateConfiguration(p); !problems.isEmpty()) {
        return problemsError(problems);
    }
    PartnerRecord result;
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto cur = readPartner(db, p.tenantId);
        if (!cur.ok()) {
            return cur.error();
        }
        if (*cur) {
            return Error{ErrorCode::AlreadyExists, tr("The tenant %1 is already a partner (%2).").arg(p.tenantId, (*cur)->config.name),
                         {}, QStringLiteral("tenantId"), false};
        }
        const qint64 now = m_ctx.clock().nowMs();
        if (Status w = insertPartner(db, p, now); !w.ok()) {
            return w;
        }
        if (Status w = writeDomains(db, p, {}); !w.ok()) {
            return w;
        }
        if (Status w = bumpGeneration(db); !w.ok()) {
            return w;
        }
        result = {p, now, now, 1};
        e.after = GraphJson::toJson(p);
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        return s.error();
    }
    return result;
}

Result<PartnerRecord> CrossTenantService::editPartner(const QString &tenantIdIn, qint64 expectedRowVersion, const QString &what,
                                                      const std::function<Status(CrossTenantConfiguration &)> &change) {
    const QString tenantId = normalizeTenantId(tenantIdIn).isEmpty() ? tenantIdIn : normalizeTenantId(tenantIdIn);
    AuditEntry e{activity::UpdateCrossTenantPartner, category::CrossTenantAccessSettings, QStringLiteral("partner"), tenantId};
    e.reason = what;
    if (Status s = requireEdit(e); !s.ok()) {
        return s.error();
    }
    PartnerRecord result;
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto cur = readPartner(db, tenantId);
        if (!cur.ok()) {
            return cur.error();
        }
        if (!*cur) {
            return Error::notFound(tr("The partner %1").arg(tenantId));
        }
        if ((*cur)->rowVersion != expectedRowVersion) {
            return Error::conflict(tr("The partner %1").arg((*cur)->config.name));
        }
        CrossTenantConfiguration next = (*cur)->config;
        if (Status c = change(next); !c.ok()) {
            return c;
        }
        normalizePartner(next);
        next.tenantId = tenantId; // the key never changes
        if (const auto problems = validateConfiguration(next); !problems.isEmpty()) {
            return problemsError(problems);
        }
        const qint64 now = m_ctx.clock().nowMs();
        auto updated = updatePartnerRow(db, next, expectedRowVersion, now);
        if (!updated.ok()) {
            return updated.error();
        }
        if (!*updated) {
            return Error::conflict(tr("The partner %1").arg((*cur)->config.name));
        }
        if (Status w = writeDomains(db, next, {}); !w.ok()) {
            return w;
        }
        if (Status w = bumpGeneration(db); !w.ok()) {
            return w;
        }
        result = {next, (*cur)->createdAt, now, expectedRowVersion + 1};
        e.targetName = next.name;
        e.before = GraphJson::toJson((*cur)->config);
        e.after = GraphJson::toJson(next);
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        return s.error().code == ErrorCode::Conflict ? m_ctx.refuse(s.error(), e).error() : s.error();
    }
    return result;
}

Result<PartnerRecord> CrossTenantService::updatePartner(CrossTenantConfiguration p, qint64 expectedRowVersion) {
    return editPartner(p.tenantId, expectedRowVersion, {}, [&p](CrossTenantConfiguration &c) -> Status {
        c = p;
        return {};
    });
}

Result<PartnerRecord> CrossTenantService::customizePartnerProperty(const QString &tenantId, CrossTenantProperty prop,
                                                                   qint64 expectedRowVersion) {
    return editPartner(tenantId, expectedRowVersion, tr("Customize %1").arg(propertyPath(prop)),
                       [&](CrossTenantConfiguration &c) -> Status {
                           auto conn = m_ctx.db().connection();
                           if (!conn.ok()) {
                               return conn.error();
                           }
                           auto def = readPolicy(*conn);
                           if (!def.ok()) {
                               return def.error();
                           }
                           if (!c.isSet(prop)) {
                               c.copyFrom(prop, def->defaultConfiguration);
                           }
                           return {};
                       });
}

Result<PartnerRecord> CrossTenantService::resetPartnerProperty(const QString &tenantId, CrossTenantProperty prop,
                                                               qint64 expectedRowVersion) {
    return editPartner(tenantId, expectedRowVersion, tr("Back to default: %1").arg(propertyPath(prop)),
                       [prop](CrossTenantConfiguration &c) -> Status {
                           c.inherit(prop);
                           return {};
                       });
}

Status CrossTenantService::removePartner(const QString &tenantIdIn, qint64 expectedRowVersion) {
    const QString tenantId = normalizeTenantId(tenantIdIn).isEmpty() ? tenantIdIn : normalizeTenantId(tenantIdIn);
    AuditEntry e{activity::DeleteCrossTenantPartner, category::CrossTenantAccessSettings, QStringLiteral("partner"), tenantId};
    if (Status s = requireEdit(e); !s.ok()) {
        return s;
    }
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto cur = readPartner(db, tenantId);
        if (!cur.ok()) {
            return cur.error();
        }
        if (!*cur) {
            return Error::notFound(tr("The partner %1").arg(tenantId));
        }
        if (auto q = Database::exec(db, QStringLiteral("DELETE FROM cross_tenant_partner_domains WHERE tenant_id = ?"), {tenantId}); !q.ok()) {
            return q.error();
        }
        auto q = Database::exec(db, QStringLiteral("DELETE FROM cross_tenant_partners WHERE tenant_id = ? AND row_version = ?"),
                                {tenantId, expectedRowVersion});
        if (!q.ok()) {
            return q.error();
        }
        if (q->numRowsAffected() == 0) {
            return Error::conflict(tr("The partner %1").arg((*cur)->config.name));
        }
        if (Status w = bumpGeneration(db); !w.ok()) {
            return w;
        }
        e.targetName = (*cur)->config.name;
        e.before = GraphJson::toJson((*cur)->config);
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        return s.error().code == ErrorCode::Conflict ? m_ctx.refuse(s.error(), e) : s;
    }
    return {};
}

Result<QJsonObject> CrossTenantService::exportJson() const {
    auto snap = snapshot();
    if (!snap.ok()) {
        return snap.error();
    }
    CrossTenantDocument d;
    d.defaultConfiguration = (*snap)->defaultConfiguration();
    d.enabledClouds = (*snap)->enabledClouds();
    for (const CrossTenantSnapshot::Partner &p : (*snap)->partners()) {
        d.partners << p.config;
    }
    return GraphJson::toJson(d);
}

Result<CrossTenantImportReport> CrossTenantService::importJson(const QByteArray &json, bool dryRun) {
    AuditEntry e{activity::ImportCrossTenantSettings, category::CrossTenantAccessSettings, QStringLiteral("setting"),
                 QStringLiteral("crossTenantAccessPolicy"), tr("Cross-tenant access settings")};
    if (Status s = requireEdit(e); !s.ok()) {
        return s.error();
    }
    CrossTenantImport imp = GraphJson::parse(json);
    CrossTenantImportReport report;
    report.dryRun = dryRun;
    report.problems = imp.problems;
    report.warnings = imp.warnings;
    if (!imp.ok()) {
        return report;
    }
    const CrossTenantDocument &doc = imp.document;
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        report.added.clear();
        report.updated.clear();
        report.unchanged.clear();
        auto cur = readPolicy(db);
        if (!cur.ok()) {
            return cur.error();
        }
        const qint64 now = m_ctx.clock().nowMs();
        QList<QPair<PartnerRecord, CrossTenantConfiguration>> changes; // before (rowVersion 0 = new), after
        for (const CrossTenantConfiguration &p : doc.partners) {
            auto existing = readPartner(db, p.tenantId);
            if (!existing.ok()) {
                return existing.error();
            }
            if (!*existing) {
                report.added << p.tenantId;
                changes.append({PartnerRecord{}, p});
            } else if ((*existing)->config == p) {
                report.unchanged << p.tenantId;
            } else {
                report.updated << p.tenantId;
                changes.append({**existing, p});
            }
        }
        report.defaultChanged = doc.defaultConfiguration && *doc.defaultConfiguration != cur->defaultConfiguration;
        QList<Cloud> clouds = doc.enabledClouds.value_or(cur->enabledClouds);
        report.cloudsChanged = cloudsText(clouds) != cloudsText(cur->enabledClouds);
        if (dryRun) {
            // Domain conflicts with partners outside the file would refuse the real import; say so now.
            for (qsizetype i = 0; i < doc.partners.size(); ++i) {
                for (qsizetype j = 0; j < doc.partners.at(i).domains.size(); ++j) {
                    auto q = Database::exec(db, QStringLiteral("SELECT tenant_id FROM cross_tenant_partner_domains WHERE domain = ?"),
                                            {doc.partners.at(i).domains.at(j)});
                    if (!q.ok()) {
                        return q.error();
                    }
                    if (q->next()) {
                        const QString owner = q->value(0).toString();
                        bool inFile = false;
                        for (const CrossTenantConfiguration &other : doc.partners) {
                            inFile = inFile || other.tenantId == owner;
                        }
                        if (owner != doc.partners.at(i).tenantId && !inFile) {
                            report.problems.append({QStringLiteral("partners[%1].@atrium.domains[%2]").arg(i).arg(j),
                                                    tr("The domain %1 already belongs to the partner %2.")
                                                        .arg(doc.partners.at(i).domains.at(j), owner)});
                        }
                    }
                }
            }
            return {};
        }
        // Free every domain of the partners in the file first, so domains may move between them.
        for (const CrossTenantConfiguration &p : doc.partners) {
            if (auto q = Database::exec(db, QStringLiteral("DELETE FROM cross_tenant_partner_domains WHERE tenant_id = ?"), {p.tenantId});
                !q.ok()) {
                return q.error();
            }
        }
        for (const auto &[before, after] : changes) {
            Status w = before.rowVersion == 0 ? insertPartner(db, after, now)
                                              : [&]() -> Status {
                                                    auto u = updatePartnerRow(db, after, before.rowVersion, now);
                                                    return u.ok() ? Status() : Status(u.error());
                                                }();
            if (!w.ok()) {
                return w;
            }
            AuditEntry pe{before.rowVersion == 0 ? activity::AddCrossTenantPartner : activity::UpdateCrossTenantPartner,
                          category::CrossTenantAccessSettings, QStringLiteral("partner"), after.tenantId, after.name};
            pe.reason = tr("Imported");
            pe.correlationId = e.correlationId.isEmpty() ? (e.correlationId = AuditLog::newCorrelationId()) : e.correlationId;
            if (before.rowVersion != 0) {
                pe.before = GraphJson::toJson(before.config);
            }
            pe.after = GraphJson::toJson(after);
            if (Status a = AuditLog::append(db, m_ctx.clock(), m_ctx.op(), pe); !a.ok()) {
                return a;
            }
        }
        for (qsizetype i = 0; i < doc.partners.size(); ++i) {
            if (Status w = writeDomains(db, doc.partners.at(i), QStringLiteral("partners[%1].@atrium.").arg(i)); !w.ok()) {
                return w;
            }
        }
        if (report.defaultChanged || report.cloudsChanged) {
            const CrossTenantConfiguration def = doc.defaultConfiguration.value_or(cur->defaultConfiguration);
            const bool system = def == CrossTenantConfiguration::systemDefault();
            auto q = Database::exec(db, QStringLiteral("UPDATE cross_tenant_policy SET default_config = ?, enabled_clouds = ?, "
                                                       "updated_at = ?, row_version = row_version + 1 WHERE id = 1"),
                                    {system ? QString() : compact(GraphJson::toJson(def)), cloudsText(clouds), now});
            if (!q.ok()) {
                return q.error();
            }
            CrossTenantPolicyRecord after = *cur;
            after.defaultConfiguration = def;
            after.enabledClouds = clouds;
            AuditEntry de{activity::UpdateCrossTenantDefault, category::CrossTenantAccessSettings, QStringLiteral("setting"),
                          QStringLiteral("default"), tr("Default settings")};
            de.reason = tr("Imported");
            de.correlationId = e.correlationId.isEmpty() ? (e.correlationId = AuditLog::newCorrelationId()) : e.correlationId;
            de.before = policyJson(*cur);
            de.after = policyJson(after);
            if (Status a = AuditLog::append(db, m_ctx.clock(), m_ctx.op(), de); !a.ok()) {
                return a;
            }
        }
        if (Status w = bumpGeneration(db); !w.ok()) {
            return w;
        }
        e.after = QJsonObject{{QStringLiteral("added"), QJsonArray::fromStringList(report.added)},
                              {QStringLiteral("updated"), QJsonArray::fromStringList(report.updated)},
                              {QStringLiteral("defaultChanged"), report.defaultChanged},
                              {QStringLiteral("cloudsChanged"), report.cloudsChanged}};
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        if (s.error().code == ErrorCode::AlreadyExists || s.error().code == ErrorCode::Invalid) {
            report.problems.append({s.error().field.isEmpty() ? QStringLiteral("$") : s.error().field, s.error().message});
            report.added.clear();
            report.updated.clear();
            return report;
        }
        return s.error();
    }
    report.applied = !dryRun && report.problems.isEmpty();
    return report;
}

Result<QList<ConditionalAccessPolicy>> CrossTenantService::conditionalAccessPolicies() const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Read conditional access policies"),
                                                             category::CrossTenantAccessSettings});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    return readPolicies(*c);
}

Result<ConditionalAccessPolicy> CrossTenantService::addConditionalAccessPolicy(ConditionalAccessPolicy p) {
    if (p.id.isEmpty()) {
        p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    AuditEntry e{activity::AddConditionalAccessPolicy, category::CrossTenantAccessSettings, QStringLiteral("policy"), p.id, p.displayName};
    if (Status s = requireEdit(e); !s.ok()) {
        return s.error();
    }
    if (const auto problems = p.validate(); !problems.isEmpty()) {
        return problemsError(problems);
    }
    p.rowVersion = 1;
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        const qint64 now = m_ctx.clock().nowMs();
        auto q = Database::exec(db, QStringLiteral("INSERT INTO conditional_access_policies (id, display_name, state, policy, created_at, "
                                                   "updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, 1)"),
                                {p.id, p.displayName, toString(p.state), compact(p.toJson()), now, now});
        if (!q.ok()) {
            return q.error();
        }
        if (Status w = bumpGeneration(db); !w.ok()) {
            return w;
        }
        e.after = p.toJson();
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        return s.error();
    }
    return p;
}

Result<ConditionalAccessPolicy> CrossTenantService::updateConditionalAccessPolicy(ConditionalAccessPolicy p, qint64 expectedRowVersion) {
    AuditEntry e{activity::UpdateConditionalAccessPolicy, category::CrossTenantAccessSettings, QStringLiteral("policy"), p.id, p.displayName};
    if (Status s = requireEdit(e); !s.ok()) {
        return s.error();
    }
    if (const auto problems = p.validate(); !problems.isEmpty()) {
        return problemsError(problems);
    }
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto cur = Database::exec(db, QStringLiteral("SELECT policy FROM conditional_access_policies WHERE id = ?"), {p.id});
        if (!cur.ok()) {
            return cur.error();
        }
        if (!cur->next()) {
            return Error::notFound(tr("The conditional access policy %1").arg(p.displayName));
        }
        e.before = parseObject(cur->value(0).toString());
        auto q = Database::exec(db, QStringLiteral("UPDATE conditional_access_policies SET display_name = ?, state = ?, policy = ?, "
                                                   "updated_at = ?, row_version = row_version + 1 WHERE id = ? AND row_version = ?"),
                                {p.displayName, toString(p.state), compact(p.toJson()), m_ctx.clock().nowMs(), p.id, expectedRowVersion});
        if (!q.ok()) {
            return q.error();
        }
        if (q->numRowsAffected() == 0) {
            return Error::conflict(tr("The conditional access policy %1").arg(p.displayName));
        }
        if (Status w = bumpGeneration(db); !w.ok()) {
            return w;
        }
        p.rowVersion = expectedRowVersion + 1;
        e.after = p.toJson();
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        return s.error().code == ErrorCode::Conflict ? m_ctx.refuse(s.error(), e).error() : s.error();
    }
    return p;
}

Status CrossTenantService::removeConditionalAccessPolicy(const QString &id, qint64 expectedRowVersion) {
    AuditEntry e{activity::DeleteConditionalAccessPolicy, category::CrossTenantAccessSettings, QStringLiteral("policy"), id};
    if (Status s = requireEdit(e); !s.ok()) {
        return s;
    }
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto cur = Database::exec(db, QStringLiteral("SELECT policy, display_name FROM conditional_access_policies WHERE id = ?"), {id});
        if (!cur.ok()) {
            return cur.error();
        }
        if (!cur->next()) {
            return Error::notFound(tr("The conditional access policy %1").arg(id));
        }
        e.before = parseObject(cur->value(0).toString());
        e.targetName = cur->value(1).toString();
        auto q = Database::exec(db, QStringLiteral("DELETE FROM conditional_access_policies WHERE id = ? AND row_version = ?"),
                                {id, expectedRowVersion});
        if (!q.ok()) {
            return q.error();
        }
        if (q->numRowsAffected() == 0) {
            return Error::conflict(tr("The conditional access policy %1").arg(e.targetName));
        }
        if (Status w = bumpGeneration(db); !w.ok()) {
            return w;
        }
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        return s.error().code == ErrorCode::Conflict ? m_ctx.refuse(s.error(), e) : s;
    }
    return {};
}

Result<QJsonObject> CrossTenantService::whatIf(const AccessRequest &r) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("What-if access"), category::CrossTenantAccessSettings});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto pol = readPolicy(*c);
    if (!pol.ok()) {
        return pol.error();
    }
    QList<CrossTenantConfiguration> partners;
    if (!r.homeTenantId.isEmpty()) {
        auto p = readPartner(*c, r.homeTenantId);
        if (!p.ok()) {
            return p.error();
        }
        if (*p) {
            partners << (*p)->config;
        }
    }
    auto policies = readPolicies(*c);
    if (!policies.ok()) {
        return policies.error();
    }
    const CrossTenantSnapshot snap(pol->defaultConfiguration, partners, pol->enabledClouds, *policies);
    return AccessEvaluator::explain(snap, r, AccessEvaluator::decide(snap, r));
}

Result<AccessRequest> CrossTenantService::requestForUser(const QString &userIdOrUpn, AccessRequest r) const {
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto id = RoleService::resolveUser(*c, userIdOrUpn);
    if (!id.ok()) {
        return id.error();
    }
    auto q = Database::exec(*c, QStringLiteral("SELECT user_type, creation_type FROM users WHERE id = ?"), {*id});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return Error::notFound(tr("The user %1").arg(userIdOrUpn));
    }
    const bool guest = q->value(0).toString() == QLatin1String("Guest");
    const bool invited = !q->value(1).isNull() && !q->value(1).toString().isEmpty();
    auto ids = Database::exec(*c, QStringLiteral("SELECT issuer FROM user_identities WHERE user_id = ?"), {*id});
    if (!ids.ok()) {
        return ids.error();
    }
    bool partnerDirectory = false;
    while (ids->next()) {
        partnerDirectory = partnerDirectory || ids->value(0).toString() == QLatin1String("ExternalAzureAD");
    }
    r.userId = *id;
    r.fromPartnerDirectory = partnerDirectory;
    if (!invited) {
        r.userType = guest ? ExternalUserType::internalGuest : ExternalUserType::b2bCollaborationMember;
    } else {
        r.userType = guest ? ExternalUserType::b2bCollaborationGuest : ExternalUserType::b2bCollaborationMember;
    }
    auto groups = Database::exec(*c, QStringLiteral("SELECT group_id FROM group_members WHERE user_id = ?"), {*id});
    if (!groups.ok()) {
        return groups.error();
    }
    while (groups->next()) {
        r.groupIds << groups->value(0).toString();
    }
    return r;
}

Result<std::shared_ptr<const CrossTenantSnapshot>> CrossTenantService::loadSnapshot(QSqlDatabase &db) {
    auto pol = readPolicy(db);
    if (!pol.ok()) {
        return pol.error();
    }
    auto q = Database::exec(db, QStringLiteral("SELECT ") + kPartnerColumns + QStringLiteral(" FROM cross_tenant_partners ORDER BY name_lower, tenant_id"));
    if (!q.ok()) {
        return q.error();
    }
    QList<CrossTenantConfiguration> partners;
    while (q->next()) {
        auto p = partnerFromQuery(*q);
        if (!p.ok()) {
            return p.error();
        }
        partners << p->config;
    }
    auto policies = readPolicies(db);
    if (!policies.ok()) {
        return policies.error();
    }
    return std::shared_ptr<const CrossTenantSnapshot>(
        std::make_shared<const CrossTenantSnapshot>(pol->defaultConfiguration, partners, pol->enabledClouds, *policies));
}

Result<qint64> CrossTenantService::generation(QSqlDatabase &db) {
    auto q = Database::exec(db, QStringLiteral("SELECT generation FROM cross_tenant_policy WHERE id = 1"));
    if (!q.ok()) {
        return q.error();
    }
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<std::shared_ptr<const CrossTenantSnapshot>> CrossTenantService::snapshot() const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Read cross-tenant access settings"),
                                                             category::CrossTenantAccessSettings});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    return loadSnapshot(*c);
}

} // namespace atrium::core
