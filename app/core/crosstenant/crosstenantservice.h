#pragma once

#include "core/crosstenant/accessevaluator.h"
#include "core/crosstenant/crosstenantsnapshot.h"
#include "core/crosstenant/graphjson.h"
#include "core/services/servicecontext.h"

#include <memory>

namespace atrium::core {

namespace activity {
// Spelled as the model system's audit log spells them.
inline const QString UpdateCrossTenantDefault = QStringLiteral("Update the company default cross-tenant access setting");
inline const QString AddCrossTenantPartner = QStringLiteral("Add a partner to cross-tenant access setting");
inline const QString UpdateCrossTenantPartner = QStringLiteral("Update a partner cross-tenant access setting");
inline const QString DeleteCrossTenantPartner = QStringLiteral("Delete partner specific cross-tenant access setting");
inline const QString ImportCrossTenantSettings = QStringLiteral("Import cross-tenant access settings");
inline const QString AddConditionalAccessPolicy = QStringLiteral("Add conditional access policy");
inline const QString UpdateConditionalAccessPolicy = QStringLiteral("Update conditional access policy");
inline const QString DeleteConditionalAccessPolicy = QStringLiteral("Delete conditional access policy");
} // namespace activity

struct CrossTenantPolicyRecord {
    CrossTenantConfiguration defaultConfiguration; // complete
    QList<Cloud> enabledClouds;                    // always includes global
    bool isSystemDefault = true;                   // the default was never changed
    qint64 rowVersion = 0;                         // pass back to updateDefault / setEnabledClouds
};

struct PartnerRecord {
    CrossTenantConfiguration config;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 rowVersion = 0;
};

// Keyset paging over partners ordered by name (case-insensitive), then tenant id; `search` matches
// a part of the name, the start of the tenant id or of one of the domains. No COUNT per page.
struct PartnerQuery {
    QString search;
    QString afterName;     // lower-cased name of the last row of the previous page
    QString afterTenantId; // tenant id of the last row of the previous page
    int limit = 200;       // 1..1000
};
struct PartnerPage {
    QList<PartnerRecord> partners;
    bool hasMore = false;
};

struct CrossTenantImportReport {
    bool dryRun = false;
    bool applied = false; // false when refused (problems) or dry run
    QList<ConfigProblem> problems;
    QList<ConfigProblem> warnings;
    bool defaultChanged = false;
    bool cloudsChanged = false;
    QStringList added, updated, unchanged; // tenant ids
    QJsonObject toJson() const;
};

// Cross-tenant access settings and conditional access for guests, stored in the directory. Reads
// need ReadDirectory; every change needs EditCrossTenantAccess (Security or Global Administrator),
// is one transaction with its audit row (category CrossTenantAccessSettings, before/after as Graph
// JSON), and is refused with Conflict when the row version passed is stale.
class CrossTenantService final {
public:
    explicit CrossTenantService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    Result<CrossTenantPolicyRecord> policy() const;
    Result<CrossTenantPolicyRecord> updateDefault(CrossTenantConfiguration def, qint64 expectedRowVersion);
    // Other clouds to enable (global is always on); partners in a cloud not listed are blocked.
    Result<CrossTenantPolicyRecord> setEnabledClouds(QList<Cloud> clouds, qint64 expectedRowVersion);

    Result<PartnerRecord> partner(const QString &tenantId) const;
    Result<PartnerPage> partners(const PartnerQuery &q) const;
    Result<qint64> partnerCount() const;
    // By tenant id, by domain (or a parent domain), or by exact name (case-insensitive); NotFound otherwise.
    Result<PartnerRecord> findPartner(const QString &text) const;
    // Domains are normalized, the tenant id lower-cased; AlreadyExists for a taken tenant id or domain.
    Result<PartnerRecord> addPartner(CrossTenantConfiguration p);
    Result<PartnerRecord> updatePartner(CrossTenantConfiguration p, qint64 expectedRowVersion);
    Status removePartner(const QString &tenantId, qint64 expectedRowVersion);
    // "Customize": the partner gets its own copy of the default's current value.
    Result<PartnerRecord> customizePartnerProperty(const QString &tenantId, CrossTenantProperty p, qint64 expectedRowVersion);
    // "Back to default": the partner's value is emptied and inherited again.
    Result<PartnerRecord> resetPartnerProperty(const QString &tenantId, CrossTenantProperty p, qint64 expectedRowVersion);

    // The whole configuration as one Graph JSON document (graphjson.h).
    Result<QJsonObject> exportJson() const;
    // Validates everything first; any problem refuses the whole file and nothing is written. The
    // default (when present) replaces ours; partners are added or replaced by tenant id, partners
    // not in the file are kept. A dry run reports what would change.
    Result<CrossTenantImportReport> importJson(const QByteArray &json, bool dryRun);

    Result<QList<ConditionalAccessPolicy>> conditionalAccessPolicies() const;
    Result<ConditionalAccessPolicy> addConditionalAccessPolicy(ConditionalAccessPolicy p);
    Result<ConditionalAccessPolicy> updateConditionalAccessPolicy(ConditionalAccessPolicy p, qint64 expectedRowVersion);
    Status removeConditionalAccessPolicy(const QString &id, qint64 expectedRowVersion);

    // What-if: reads only the default, the one partner, the clouds and the policies.
    Result<QJsonObject> whatIf(const AccessRequest &r) const;
    // Fills user type, groups, home directory and fromPartnerDirectory of `base` from a directory user.
    Result<AccessRequest> requestForUser(const QString &userIdOrUpn, AccessRequest base) const;

    // Everything, for the invite hook (makeCrossTenantCheck) and decisions. No permission check.
    static Result<std::shared_ptr<const CrossTenantSnapshot>> loadSnapshot(QSqlDatabase &db);
    // Increments with every cross-tenant change: reload a cached snapshot when it moved.
    static Result<qint64> generation(QSqlDatabase &db);
    Result<std::shared_ptr<const CrossTenantSnapshot>> snapshot() const;

private:
    Status requireEdit(AuditEntry &e) const;
    Result<PartnerRecord> editPartner(const QString &tenantId, qint64 expectedRowVersion, const QString &what,
                                      const std::function<Status(CrossTenantConfiguration &)> &change);
    ServiceContext m_ctx;
};

} // namespace atrium::core
