#include "core/crosstenant/crosstenantsnapshot.h"

namespace atrium::core {

CrossTenantSnapshot::CrossTenantSnapshot()
    : CrossTenantSnapshot(CrossTenantConfiguration::systemDefault(), {}) {}

CrossTenantSnapshot::CrossTenantSnapshot(CrossTenantConfiguration def, QList<CrossTenantConfiguration> partners,
                                         QList<Cloud> enabledClouds, QList<ConditionalAccessPolicy> policies)
    : m_default(std::move(def)), m_clouds(std::move(enabledClouds)), m_policies(std::move(policies)) {
    m_defaultEffective = EffectiveConfiguration::resolve(m_default, nullptr);
    if (!m_clouds.contains(Cloud::global)) {
        m_clouds.prepend(Cloud::global);
    }
    m_partners.reserve(size_t(partners.size()));
    m_byTenant.reserve(partners.size());
    for (CrossTenantConfiguration &p : partners) {
        const qsizetype index = qsizetype(m_partners.size());
        EffectiveConfiguration e = EffectiveConfiguration::resolve(m_default, &p);
        m_byTenant.insert(p.tenantId, index);
        for (const QString &d : p.domains) {
            m_byDomain.insert(d, index);
        }
        m_partners.push_back({std::move(p), std::move(e)});
    }
}

const CrossTenantSnapshot::Partner *CrossTenantSnapshot::partnerByTenant(const QString &tenantId) const {
    const auto it = m_byTenant.constFind(tenantId);
    return it == m_byTenant.constEnd() ? nullptr : &m_partners[size_t(*it)];
}

const CrossTenantSnapshot::Partner *CrossTenantSnapshot::partnerByDomain(const QString &domain) const {
    if (const auto it = m_byDomain.constFind(domain); it != m_byDomain.constEnd()) {
        return &m_partners[size_t(*it)];
    }
    for (qsizetype dot = domain.indexOf(QLatin1Char('.')); dot >= 0; dot = domain.indexOf(QLatin1Char('.'), dot + 1)) {
        const QString parent = domain.mid(dot + 1);
        if (!parent.contains(QLatin1Char('.'))) {
            break; // never match a bare top-level label
        }
        if (const auto it = m_byDomain.constFind(parent); it != m_byDomain.constEnd()) {
            return &m_partners[size_t(*it)];
        }
    }
    return nullptr;
}

} // namespace atrium::core
