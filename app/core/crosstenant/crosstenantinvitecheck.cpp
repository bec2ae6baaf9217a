#include "core/crosstenant/crosstenantinvitecheck.h"

#include <QCoreApplication>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::CrossTenantInviteCheck", s); }
} // namespace

CrossTenantCheck makeCrossTenantCheck(std::shared_ptr<const CrossTenantSnapshot> snapshot) {
    if (!snapshot) {
        snapshot = std::make_shared<const CrossTenantSnapshot>();
    }
    return [snapshot](const CrossTenantQuery &q) -> CrossTenantVerdict {
        CrossTenantVerdict v;
        const CrossTenantSnapshot::Partner *p = snapshot->partnerByDomain(q.domain);
        const EffectiveConfiguration &e = p ? p->effective : snapshot->defaultEffective();
        const Resolved<B2BSetting> &in = e.b2bCollaborationInbound;
        v.input = p ? tr("partner %1 (tenant %2), inbound B2B collaboration").arg(p->config.name, p->config.tenantId)
                    : tr("%1 is no partner: default inbound B2B collaboration").arg(q.domain);
        if (p && !snapshot->cloudEnabled(p->config.cloud)) {
            v.allowed = false;
            v.verdict = tr("the %1 cloud is not enabled").arg(toString(p->config.cloud));
            v.reason = tr("%1 is in the %2 cloud, which is not enabled in cross-tenant access settings.")
                           .arg(p->config.name, toString(p->config.cloud));
            return v;
        }
        const CrossTenantTargets &users = in.value.usersAndGroups;
        // The invitee matches only AllUsers: no object id, no groups yet.
        v.allowed = users.admits(QString(), {});
        const QString source = provenanceLabel(in.provenance).toLower();
        if (v.allowed) {
            v.verdict = users.accessType == AccessType::allowed
                            ? tr("all users allowed (%1)").arg(source)
                            : tr("only specific users or groups blocked (%1)").arg(source);
        } else if (users.blocksAll()) {
            v.verdict = tr("all users blocked (%1)").arg(source);
            v.reason = p ? tr("Cross-tenant access settings block B2B collaboration with %1.").arg(p->config.name)
                         : tr("Cross-tenant access settings block B2B collaboration with organizations that are not "
                              "partners; add %1's organization as a partner to invite from it.").arg(q.domain);
        } else {
            v.verdict = tr("only specific users or groups allowed (%1)").arg(source);
            v.reason = tr("Cross-tenant access settings admit only specific users or groups of %1, and an "
                          "invitee cannot be shown to be one of them.").arg(p ? p->config.name : q.domain);
        }
        return v;
    };
}

} // namespace atrium::core
