#pragma once

#include "core/collaboration/impactpreview.h"
#include "core/policy/collaborationsettings.h"
#include "core/policy/policydecision.h"
#include "core/services/permissions.h"
#include "core/services/servicecontext.h"

#include <memory>

namespace atrium::core {

class SecretStore;

// The stored collaboration settings with what the console needs to edit them.
struct CollaborationSnapshot {
    CollaborationSettings settings;
    qint64 rowVersion = 0;            // 0: the defaults are in force (no row yet)
    bool hasPrivacyContactOrStatement = false; // "leave" can only be turned on when true (SPEC §4)
};

// The groups of settings that different roles may change (SPEC §10).
enum class CollaborationField {
    GuestUserAccess,  // Global Administrator
    AllowInvitesFrom, // Global Administrator
    SelfServiceSignUp, // Global Administrator
    Leave,            // External Identity Provider or Global Administrator
    Restrictions,     // restriction mode and domain list: Global Administrator
    EmailOtp,         // Security or Global Administrator
};

// External collaboration settings (SPEC §4) as the console and atriumctl edit them: reads with the row
// version, saves with per-field authorization, the leave rule, compare-and-swap and an audit row with
// before and after, and previews the impact of a change on existing guests and members.
class CollaborationService final {
public:
    explicit CollaborationService(ServiceContext ctx, std::shared_ptr<SecretStore> secrets = {});

    Result<CollaborationSnapshot> read() const;
    // What saving `proposed` over the stored settings would do (computed in the database).
    Result<ImpactPreview> previewImpact(const CollaborationSettings &proposed, int pageSize = kImpactPageSize) const;
    // The same against explicit old settings (the console's baseline, atriumctl's what-if).
    Result<ImpactPreview> previewImpact(const CollaborationSettings &before, const CollaborationSettings &after,
                                        int pageSize) const;
    // Saves `proposed` if the stored row still has expectedRowVersion (0 = the defaults were read);
    // otherwise ErrorCode::Conflict. Each changed field needs its permission; a refusal names the
    // missing role and is audited. Turning "leave" on needs a privacy contact or statement.
    Result<CollaborationSnapshot> save(const CollaborationSettings &proposed, qint64 expectedRowVersion);

    // The operator's decision for an invitation under the stored settings, with its trace.
    Result<PolicyDecision> whatIfInvite(const QString &email) const;

    static Permission permissionFor(CollaborationField field);
    static QList<CollaborationField> changedFields(const CollaborationSettings &a, const CollaborationSettings &b);
    static QString fieldKey(CollaborationField field); // the JSON key, for Error::field
    bool mayChange(CollaborationField field) const { return m_ctx.op().can(permissionFor(field)); }

private:
    ServiceContext m_ctx;
    std::shared_ptr<SecretStore> m_secrets;
};

} // namespace atrium::core
