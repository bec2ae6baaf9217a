#pragma once

#include "core/crosstenant/conditionalaccesspolicy.h"
#include "core/crosstenant/crosstenantconfiguration.h"
#include "core/crosstenant/effectiveconfiguration.h"

#include <QHash>

#include <vector>

namespace atrium::core {

// An immutable view of all cross-tenant settings at one moment: the default, every partner with
// its effective settings resolved once, the enabled clouds and the conditional access policies.
// Decisions read it without locks; share it as std::shared_ptr<const CrossTenantSnapshot>.
class CrossTenantSnapshot final {
public:
    struct Partner {
        CrossTenantConfiguration config;
        EffectiveConfiguration effective;
    };

    CrossTenantSnapshot(); // system defaults, no partners, only our own cloud (global)
    // `def` must be valid; partners' domains normalized. `enabledClouds` always includes global.
    CrossTenantSnapshot(CrossTenantConfiguration def, QList<CrossTenantConfiguration> partners,
                        QList<Cloud> enabledClouds = {Cloud::global}, QList<ConditionalAccessPolicy> policies = {});

    const CrossTenantConfiguration &defaultConfiguration() const { return m_default; }
    const EffectiveConfiguration &defaultEffective() const { return m_defaultEffective; }
    const std::vector<Partner> &partners() const { return m_partners; }
    const QList<ConditionalAccessPolicy> &policies() const { return m_policies; }
    const QList<Cloud> &enabledClouds() const { return m_clouds; }
    bool cloudEnabled(Cloud c) const { return c == Cloud::global || m_clouds.contains(c); }

    const Partner *partnerByTenant(const QString &tenantId) const;
    // The partner owning the domain or a parent of it ("sales.contoso.com" -> contoso.com's partner).
    const Partner *partnerByDomain(const QString &normalizedDomain) const;

private:
    CrossTenantConfiguration m_default;
    EffectiveConfiguration m_defaultEffective;
    std::vector<Partner> m_partners;
    QHash<QString, qsizetype> m_byTenant;
    QHash<QString, qsizetype> m_byDomain;
    QList<Cloud> m_clouds;
    QList<ConditionalAccessPolicy> m_policies;
};

} // namespace atrium::core
