#include "core/crosstenant/effectiveconfiguration.h"

#include "core/crosstenant/graphjson.h"

namespace atrium::core {
namespace {
template <typename T>
Resolved<T> pick(const std::optional<T> &def, const std::optional<T> *partner) {
    if (!partner) {
        return {def.value_or(T{}), Provenance::Default};
    }
    if (partner->has_value()) {
        return {**partner, Provenance::Partner};
    }
    return {def.value_or(T{}), Provenance::InheritedFromDefault};
}
} // namespace

EffectiveConfiguration EffectiveConfiguration::resolve(const CrossTenantConfiguration &def,
                                                       const CrossTenantConfiguration *p) {
    EffectiveConfiguration e;
    e.b2bCollaborationInbound = pick(def.b2bCollaborationInbound, p ? &p->b2bCollaborationInbound : nullptr);
    e.b2bCollaborationOutbound = pick(def.b2bCollaborationOutbound, p ? &p->b2bCollaborationOutbound : nullptr);
    e.b2bDirectConnectInbound = pick(def.b2bDirectConnectInbound, p ? &p->b2bDirectConnectInbound : nullptr);
    e.b2bDirectConnectOutbound = pick(def.b2bDirectConnectOutbound, p ? &p->b2bDirectConnectOutbound : nullptr);
    e.inboundTrust = pick(def.inboundTrust, p ? &p->inboundTrust : nullptr);
    e.automaticRedemptionInbound = pick(def.automaticRedemptionInbound, p ? &p->automaticRedemptionInbound : nullptr);
    e.automaticRedemptionOutbound =
        pick(def.automaticRedemptionOutbound, p ? &p->automaticRedemptionOutbound : nullptr);
    return e;
}

const Resolved<B2BSetting> &EffectiveConfiguration::setting(CrossTenantProperty p) const {
    switch (p) {
    case CrossTenantProperty::B2BCollaborationOutbound:
        return b2bCollaborationOutbound;
    case CrossTenantProperty::B2BDirectConnectInbound:
        return b2bDirectConnectInbound;
    case CrossTenantProperty::B2BDirectConnectOutbound:
        return b2bDirectConnectOutbound;
    default:
        return b2bCollaborationInbound;
    }
}

Provenance EffectiveConfiguration::provenance(CrossTenantProperty p) const {
    switch (p) {
    case CrossTenantProperty::InboundTrust:
        return inboundTrust.provenance;
    case CrossTenantProperty::AutomaticRedemptionInbound:
        return automaticRedemptionInbound.provenance;
    case CrossTenantProperty::AutomaticRedemptionOutbound:
        return automaticRedemptionOutbound.provenance;
    default:
        return setting(p).provenance;
    }
}

CrossTenantConfiguration EffectiveConfiguration::values() const {
    CrossTenantConfiguration c;
    c.isDefault = true;
    c.b2bCollaborationInbound = b2bCollaborationInbound.value;
    c.b2bCollaborationOutbound = b2bCollaborationOutbound.value;
    c.b2bDirectConnectInbound = b2bDirectConnectInbound.value;
    c.b2bDirectConnectOutbound = b2bDirectConnectOutbound.value;
    c.inboundTrust = inboundTrust.value;
    c.automaticRedemptionInbound = automaticRedemptionInbound.value;
    c.automaticRedemptionOutbound = automaticRedemptionOutbound.value;
    return c;
}

QJsonObject EffectiveConfiguration::toJson() const {
    QJsonObject o;
    auto put = [&o](CrossTenantProperty p, const QJsonValue &v, Provenance prov) {
        o.insert(propertyPath(p), QJsonObject{{QStringLiteral("value"), v},
                                              {QStringLiteral("provenance"), toString(prov)}});
    };
    for (CrossTenantProperty p : {CrossTenantProperty::B2BCollaborationInbound, CrossTenantProperty::B2BCollaborationOutbound,
                                  CrossTenantProperty::B2BDirectConnectInbound, CrossTenantProperty::B2BDirectConnectOutbound}) {
        put(p, GraphJson::toJson(setting(p).value), setting(p).provenance);
    }
    put(CrossTenantProperty::InboundTrust, GraphJson::toJson(inboundTrust.value), inboundTrust.provenance);
    put(CrossTenantProperty::AutomaticRedemptionInbound, automaticRedemptionInbound.value,
        automaticRedemptionInbound.provenance);
    put(CrossTenantProperty::AutomaticRedemptionOutbound, automaticRedemptionOutbound.value,
        automaticRedemptionOutbound.provenance);
    return o;
}

} // namespace atrium::core
